import { type ClickHouseClient, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { OlapEnv } from '../env.js';
import { traceClientCalls } from '../observability/trace-client-calls.js';

export interface AnalyticsClientOptions {
  url: string;
  username?: string;
  password?: string;
  /** Omit to connect without a database (used to create it). */
  database?: string;
  requestTimeoutMs?: number;
}

/**
 * One client for every deployment: ClickHouse Cloud, a cluster, or the embedded engine that the
 * local stack serves over the same HTTP interface.
 */
export function createAnalyticsClient(options: AnalyticsClientOptions): ClickHouseClient {
  const client = createClient({
    url: options.url,
    username: options.username ?? 'default',
    password: options.password ?? '',
    ...(options.database ? { database: options.database } : {}),
    request_timeout: options.requestTimeoutMs ?? 30_000,
    compression: { request: false, response: true },
    // Errors surface as rejected promises carrying the ClickHouse code; the client's own console
    // logging would duplicate them (and may include query text).
    log: { level: ClickHouseLogLevel.OFF },
    clickhouse_settings: { date_time_input_format: 'best_effort' },
  });
  return traceClientCalls(client, { url: options.url, ...(options.database ? { database: options.database } : {}) });
}

export function analyticsClientOptionsFromEnv(env: OlapEnv): AnalyticsClientOptions {
  return {
    url: env.CLICKHOUSE_URL,
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    database: env.CLICKHOUSE_DATABASE,
  };
}
