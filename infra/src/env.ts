import { resolve } from 'node:path';
import { parseEnv, portSchema } from '@salla-analytics/core-library';
import { z } from 'zod';

/**
 * The local stack's configuration. Every variable is optional: absent ones fall back to the
 * embedded defaults (engines on loopback, data under `.data/`).
 */
export const stackEnvSchema = z.object({
  SALLA_ANALYTICS_DATA_DIR: z.string().optional(),
  POSTGRES_PORT: portSchema(54329),
  CLICKHOUSE_HTTP_PORT: portSchema(8123),
  PIPELINE_PORT: portSchema(4000),
  PWA_PORT: portSchema(3000),
  /** The PWA's Prometheus metrics (GET /metrics on loopback; the pipeline serves its own on PIPELINE_PORT). */
  PWA_METRICS_PORT: portSchema(9464),
  /** When set, the stack uses this PostgreSQL instead of starting the embedded one. */
  DATABASE_URL: z.string().optional(),
  /** When set, the stack uses this ClickHouse instead of starting the embedded engine. */
  CLICKHOUSE_URL: z.string().optional(),
  CLICKHOUSE_DATABASE: z.string().default('salla_analytics'),
  DEMO_MERCHANT_ID: z.coerce.number().int().positive().default(900_001),
  DEMO_SEED: z.coerce.number().int().default(2026),
  DEMO_MONTHS: z.coerce.number().int().min(1).max(36).default(12),
  // ~5,000 orders over a year loads through the real pipeline in about a minute on two cores.
  DEMO_ORDERS_PER_MONTH: z.coerce.number().int().min(1).max(100_000).default(400),
});

export type StackEnv = z.infer<typeof stackEnvSchema>;

export function readStackEnv(source: Record<string, string | undefined> = process.env): StackEnv {
  return parseEnv(stackEnvSchema, source);
}

/** `.data/` at the workspace root unless SALLA_ANALYTICS_DATA_DIR says otherwise. */
export function dataDir(env: StackEnv, cwd = process.cwd()): string {
  return resolve(env.SALLA_ANALYTICS_DATA_DIR ?? resolve(workspaceRoot(cwd), '.data'));
}

function workspaceRoot(cwd: string): string {
  // pnpm runs package scripts from the package folder (infra/); the data lives at the top level.
  return cwd.endsWith('/infra') ? resolve(cwd, '..') : cwd;
}
