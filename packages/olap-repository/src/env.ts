import { parseEnv } from '@salla-analytics/core-library';
import { z } from 'zod';

export const olapEnvSchema = z.object({
  /** ClickHouse HTTP endpoint: ClickHouse Cloud, a cluster, or the local stack's embedded engine. */
  CLICKHOUSE_URL: z.url().default('http://127.0.0.1:8123'),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
    .default('salla_analytics'),
  /** When set, DDL runs ON CLUSTER with Replicated* engines (self-managed clusters). */
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a plain cluster name')
    .optional(),
});

export type OlapEnv = z.infer<typeof olapEnvSchema>;

export function readOlapEnv(source: Record<string, string | undefined> = process.env): OlapEnv {
  return parseEnv(olapEnvSchema, source);
}
