import { migrateDeploy, parseDatabaseEnv } from '@salla-analytics/database-schema';
import { runMigrations } from '@salla-analytics/olap-repository';
import { connectAnalytics } from '../connect.js';

export interface MigrateOptions {
  json?: boolean;
}

/** Applies the committed PostgreSQL (Prisma) and ClickHouse migrations; a second run changes nothing. */
export async function migrateCommand(options: MigrateOptions): Promise<string> {
  const { DATABASE_URL } = parseDatabaseEnv();
  const postgres = await migrateDeploy(DATABASE_URL);
  const { client, admin, database } = await connectAnalytics();
  try {
    const clickhouse = await runMigrations(admin, { database });
    if (options.json) return JSON.stringify({ postgres, clickhouse }, null, 2);
    return [
      `PostgreSQL: ${postgres.summary}`,
      `ClickHouse (${database}): ${
        clickhouse.applied.length === 0
          ? `no pending migrations (${clickhouse.alreadyApplied} already applied)`
          : `applied ${clickhouse.applied.map((m) => `${m.version}_${m.name}`).join(', ')}`
      }`,
    ].join('\n');
  } finally {
    await Promise.all([client.close(), admin.close()]);
  }
}
