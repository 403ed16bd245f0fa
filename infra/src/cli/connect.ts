import type { ClickHouseClient } from '@clickhouse/client';
import { AppError } from '@salla-analytics/core-library';
import { createAnalyticsClient, readOlapEnv } from '@salla-analytics/olap-repository';

/** The analytics database as configured (CLICKHOUSE_* variables, embedded defaults otherwise). */
export async function connectAnalytics(
  env: Record<string, string | undefined> = process.env,
): Promise<{ client: ClickHouseClient; admin: ClickHouseClient; database: string; url: string }> {
  const olap = readOlapEnv(env);
  const options = { url: olap.CLICKHOUSE_URL, username: olap.CLICKHOUSE_USER, password: olap.CLICKHOUSE_PASSWORD };
  const admin = createAnalyticsClient(options);
  const ping = await admin.ping();
  if (!ping.success) {
    await admin.close();
    throw new AppError(
      'UPSTREAM_UNAVAILABLE',
      `Cannot reach ClickHouse at ${olap.CLICKHOUSE_URL}; start the local stack with "pnpm start" or set CLICKHOUSE_URL`,
    );
  }
  return {
    client: createAnalyticsClient({ ...options, database: olap.CLICKHOUSE_DATABASE }),
    admin,
    database: olap.CLICKHOUSE_DATABASE,
    url: olap.CLICKHOUSE_URL,
  };
}
