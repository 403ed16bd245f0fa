import { z } from 'zod';

/**
 * The one place the e2e suite touches the environment. global-setup starts the stack once and
 * publishes where it listens; Playwright's workers inherit it and read it back here.
 */
const stackSchema = z.object({
  E2E_BASE_URL: z.url(),
  E2E_DATABASE_URL: z.string().min(1),
  E2E_CLICKHOUSE_URL: z.url(),
  E2E_CLICKHOUSE_DATABASE: z.string().min(1),
});

export interface E2eStack {
  baseUrl: string;
  databaseUrl: string;
  clickhouseUrl: string;
  clickhouseDatabase: string;
}

let stack: E2eStack | undefined;

export function e2eStack(): E2eStack {
  if (stack === undefined) {
    const env = stackSchema.parse(process.env);
    stack = { baseUrl: env.E2E_BASE_URL, databaseUrl: env.E2E_DATABASE_URL, clickhouseUrl: env.E2E_CLICKHOUSE_URL, clickhouseDatabase: env.E2E_CLICKHOUSE_DATABASE };
  }
  return stack;
}

/** Called by global-setup: the workers started after it inherit these variables. */
export function publishE2eStack(started: E2eStack): void {
  process.env.E2E_BASE_URL = started.baseUrl;
  process.env.E2E_DATABASE_URL = started.databaseUrl;
  process.env.E2E_CLICKHOUSE_URL = started.clickhouseUrl;
  process.env.E2E_CLICKHOUSE_DATABASE = started.clickhouseDatabase;
}

/** This process's environment, as the base of the processes the suite spawns (PATH, HOME, …). */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
