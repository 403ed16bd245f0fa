import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from './e2e-env';

const ADMIN = join(import.meta.dirname, '..', '..', '..', '..', 'infra', 'dist', 'bin', 'admin.js');

export interface CliAsk {
  plan: { tool: string; metric: string | null; call: unknown };
  answer: { status: string; numbers: Array<{ id: string; value: number }>; period: { fromDate: string; toDate: string } | null };
}

/** What `pnpm admin ask --merchant … "<question>" --json` prints against the test stack. */
export function adminAsk(env: { clickhouseUrl: string; databaseUrl: string }, merchantId: number, question: string): CliAsk {
  if (!existsSync(ADMIN)) throw new Error(`${ADMIN} is missing: build infra first (pnpm turbo run build --filter=@salla-analytics/infra)`);
  const stdout = execFileSync(process.execPath, [ADMIN, 'ask', '--merchant', String(merchantId), question, '--json'], {
    env: { ...inheritedEnv(), CLICKHOUSE_URL: env.clickhouseUrl, CLICKHOUSE_DATABASE: 'salla_analytics', DATABASE_URL: env.databaseUrl },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as CliAsk;
}
