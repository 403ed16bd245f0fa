import { createHash } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { AppError } from '@salla-analytics/core-library';
import { z } from 'zod';
import { type DdlContext, mergeTreeEngine, onCluster, table } from './ddl-context.js';
import { type Migration, migrations as allMigrations } from './definitions.js';

export interface MigrationResult {
  applied: Array<{ version: number; name: string }>;
  alreadyApplied: number;
}

const appliedRowSchema = z.object({ version: z.coerce.number(), name: z.string(), checksum: z.string() });

function checksum(migration: Migration, ctx: DdlContext): string {
  // Checksummed without the database/cluster names so a migration keeps its identity across deployments.
  const neutral = migration.statements({ database: '__db__', ...(ctx.cluster ? { cluster: '__cluster__' } : {}) });
  return createHash('sha256').update(neutral.join(';\n')).digest('hex');
}

/**
 * Applies the pending migrations in version order and records each one in `schema_migrations`.
 * Statements are idempotent (IF NOT EXISTS) so a run interrupted mid-way can simply be repeated.
 * `client` must be connected without a database (the database may not exist yet).
 */
export async function runMigrations(
  client: ClickHouseClient,
  ctx: DdlContext,
  migrations: Migration[] = allMigrations,
): Promise<MigrationResult> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(ctx.database)) {
    throw new AppError('INVALID_ARGUMENT', `Invalid ClickHouse database name ${JSON.stringify(ctx.database)}`);
  }
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${ctx.database}${onCluster(ctx)}` });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${table(ctx, 'schema_migrations')}${onCluster(ctx)} (
      version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
    ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree')} ORDER BY version`,
  });
  const rows = await client.query({
    query: `SELECT version, name, checksum FROM ${table(ctx, 'schema_migrations')} FINAL ORDER BY version`,
    format: 'JSONEachRow',
  });
  const applied = z.array(appliedRowSchema).parse(await rows.json());
  const appliedByVersion = new Map(applied.map((row) => [row.version, row]));

  const result: MigrationResult = { applied: [], alreadyApplied: 0 };
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const sum = checksum(migration, ctx);
    const previous = appliedByVersion.get(migration.version);
    if (previous) {
      if (previous.checksum !== sum) {
        throw new AppError(
          'CONFLICT',
          `ClickHouse migration ${migration.version} (${migration.name}) was changed after it was applied; add a new migration instead`,
        );
      }
      result.alreadyApplied += 1;
      continue;
    }
    for (const statement of migration.statements(ctx)) {
      await client.command({ query: statement });
    }
    await client.insert({
      table: table(ctx, 'schema_migrations'),
      values: [{ version: migration.version, name: migration.name, checksum: sum }],
      format: 'JSONEachRow',
    });
    result.applied.push({ version: migration.version, name: migration.name });
  }
  return result;
}
