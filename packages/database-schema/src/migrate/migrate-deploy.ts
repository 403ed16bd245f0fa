import { packagedMigrationsDir, readMigrationsDirectory } from './migrations-directory.js';
import { withSchemaEngine } from './with-schema-engine.js';

export type MigrateDeployResult = {
  /** Names of the migrations this call applied, oldest first. Empty when the database was up to date. */
  applied: string[];
  /** Human-readable outcome, e.g. "applied 1 migration: 20260101000000_init" or "no pending migrations". */
  summary: string;
};

export type MigrateDeployOptions = {
  /** Defaults to the migrations committed in this package. */
  migrationsDir?: string;
  /** Receives the schema engine's log lines (JSON). */
  log?: (line: string) => void;
};

/**
 * Applies the committed Prisma migrations that the database has not seen yet — what
 * `prisma migrate deploy` does, but in-process on the WASM schema engine (no native binary, no
 * network). Safe to run on every start: a second run applies nothing.
 */
export async function migrateDeploy(
  databaseUrl: string,
  options: MigrateDeployOptions = {},
): Promise<MigrateDeployResult> {
  const migrationsList = await readMigrationsDirectory(options.migrationsDir ?? packagedMigrationsDir());
  const { appliedMigrationNames } = await withSchemaEngine(
    { databaseUrl, ...(options.log ? { log: options.log } : {}) },
    (engine) =>
      engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
  );
  const count = appliedMigrationNames.length;
  return {
    applied: appliedMigrationNames,
    summary:
      count === 0
        ? 'no pending migrations'
        : `applied ${count} migration${count === 1 ? '' : 's'}: ${appliedMigrationNames.join(', ')}`,
  };
}
