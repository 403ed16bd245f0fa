import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDeploy } from '../src/index.js';
import { packagedMigrationsDir, readMigrationsDirectory } from '../src/migrate/migrations-directory.js';
import { withSchemaEngine } from '../src/migrate/with-schema-engine.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const filters = { externalTables: [], externalEnums: [] };

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

describe('migrateDeploy', () => {
  it('applies the committed migrations to an empty database, and a second run is a no-op', async () => {
    const url = await postgres.createEmptyDatabase('deploy_twice');
    const committed = (await readMigrationsDirectory(packagedMigrationsDir())).migrationDirectories.map(
      (d) => d.path,
    );
    expect(committed.length).toBeGreaterThan(0);

    const first = await migrateDeploy(url);
    expect(first.applied).toEqual(committed);
    expect(first.summary).toMatch(/^applied \d+ migrations?: /);

    const second = await migrateDeploy(url);
    expect(second).toEqual({ applied: [], summary: 'no pending migrations' });

    const tables = await postgres.query<{ table_name: string }>(
      'deploy_twice',
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      '_prisma_migrations',
      'alert_events',
      'alert_rules',
      'assistant_exchanges',
      'audit_log',
      'customer_segments',
      'dead_letters',
      'digest_preferences',
      'email_deliveries',
      'email_outbox',
      'export_files',
      'import_keys',
      'import_uploads',
      'installations',
      'jobs',
      'memberships',
      'merchants',
      'notifications',
      'order_states',
      'recovery_campaigns',
      'recovery_sends',
      'schedules',
      'sessions',
      'users',
      'webhook_inbox',
    ]);
  });

  it('maps to snake_case columns and stores merchant ids as BIGINT', async () => {
    await postgres.createMigratedDatabase('columns');
    const columns = await postgres.query<{ table_name: string; column_name: string; data_type: string }>(
      'columns',
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND (column_name LIKE '%merchant_id' OR (table_name = 'merchants' AND column_name = 'id'))`,
    );
    expect(columns.length).toBeGreaterThanOrEqual(8);
    for (const column of columns)
      expect(column, `${column.table_name}.${column.column_name}`).toMatchObject({ data_type: 'bigint' });

    const camel = await postgres.query(
      'columns',
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name ~ '[A-Z]'",
    );
    expect(camel).toEqual([]);
  });
});

describe('migrateDeploy with other migrations', () => {
  it('runs a migration whose SQL has semicolons inside a function body and a string', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'salla-migrations-'));
    try {
      await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      await mkdir(join(dir, '20260101000000_function'));
      await writeFile(
        join(dir, '20260101000000_function', 'migration.sql'),
        `CREATE TABLE "notes" ("body" TEXT NOT NULL DEFAULT 'a; b');
CREATE FUNCTION "note_count"() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE n BIGINT;
BEGIN
  SELECT count(*) INTO n FROM "notes";
  RETURN n;
END;
$$;
INSERT INTO "notes" DEFAULT VALUES;
`,
      );
      const url = await postgres.createEmptyDatabase('custom_sql');
      expect((await migrateDeploy(url, { migrationsDir: dir })).applied).toEqual(['20260101000000_function']);
      expect(
        await postgres.query('custom_sql', 'SELECT note_count()::int AS n, (SELECT body FROM notes) AS body'),
      ).toEqual([{ n: 1, body: 'a; b' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails loudly on a broken migration and applies nothing of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'salla-migrations-'));
    try {
      await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      await mkdir(join(dir, '20260101000000_broken'));
      await writeFile(
        join(dir, '20260101000000_broken', 'migration.sql'),
        'CREATE TABLE "half" ("id" INT);\nALTER TABLE "missing" ADD COLUMN "x" INT;\n',
      );
      const url = await postgres.createEmptyDatabase('broken_sql');
      await expect(migrateDeploy(url, { migrationsDir: dir })).rejects.toThrow(/missing/);
      expect(await postgres.query('broken_sql', "SELECT to_regclass('public.half') AS t")).toEqual([
        { t: null },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('schema and committed migrations', () => {
  it('are in sync: the schema engine sees no difference between them', async () => {
    const url = await postgres.createEmptyDatabase('diff_check');
    const schema = { path: 'prisma/schema.prisma', content: await readFile('prisma/schema.prisma', 'utf8') };
    const migrations = await readMigrationsDirectory(packagedMigrationsDir());

    const inSync = await withSchemaEngine({ databaseUrl: url }, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrations },
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: true,
        filters,
      }),
    );
    expect(inSync.exitCode).toBe(0);

    // The same comparison does report a difference when there is one.
    const fromEmpty = await withSchemaEngine({ databaseUrl: url }, (engine) =>
      engine.diff({
        from: { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: true,
        filters,
      }),
    );
    expect(fromEmpty.exitCode).toBe(2);
    expect(fromEmpty.stdout).toContain('CREATE TABLE "merchants"');

    const leftovers = await postgres.query(
      'postgres',
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    expect(leftovers).toEqual([]);
  });
});
