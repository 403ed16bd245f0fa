import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDeploy } from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

// The real prisma CLI, pointed at our WASM schema-engine shim: the offline path the package
// scripts (db:migrate:dev, db:migrate:deploy) use.
const packageDir = resolve(import.meta.dirname, '..');
const prismaCli = join(packageDir, 'node_modules/prisma/build/index.js');
const shim = join(packageDir, 'bin/schema-engine.mjs');

async function prisma(args: string[], { cwd, databaseUrl }: { cwd: string; databaseUrl: string }) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [prismaCli, ...args], {
      cwd,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: shim,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
      timeout: 90_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

let postgres: TestPostgres;
let scratch: string;
beforeAll(async () => {
  postgres = await startPostgres();
  // migrate dev writes into the migrations folder: give it a copy, never the committed one.
  scratch = await mkdtemp(join(tmpdir(), 'salla-prisma-'));
  await cp(join(packageDir, 'prisma'), join(scratch, 'prisma'), { recursive: true });
  await writeFile(
    join(scratch, 'prisma.config.mjs'),
    `export default {
      schema: 'prisma/schema.prisma',
      migrations: { path: 'prisma/migrations' },
      datasource: { url: process.env.DATABASE_URL },
    };\n`,
  );
});
afterAll(async () => {
  await postgres?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('prisma CLI through the schema-engine shim', () => {
  it('migrate diff: the committed migrations match the schema (exit code 0)', async () => {
    const url = await postgres.createEmptyDatabase();
    const result = await prisma(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      { cwd: packageDir, databaseUrl: url },
    );
    expect(result.output).toContain('No difference detected');
    expect(result.code).toBe(0);
  });

  it('migrate dev on a fresh database applies the migrations and creates no new one', async () => {
    const url = await postgres.createEmptyDatabase();
    const before = await readdir(join(scratch, 'prisma/migrations'));
    const result = await prisma(
      ['migrate', 'dev', '--name', 'must_not_exist', '--config', 'prisma.config.mjs'],
      {
        cwd: scratch,
        databaseUrl: url,
      },
    );
    expect(result.output).toContain('Your database is now in sync with your schema.');
    expect(result.code).toBe(0);
    expect(await readdir(join(scratch, 'prisma/migrations'))).toEqual(before);

    const again = await prisma(
      ['migrate', 'dev', '--name', 'must_not_exist', '--config', 'prisma.config.mjs'],
      {
        cwd: scratch,
        databaseUrl: url,
      },
    );
    expect(again.output).toContain('Already in sync, no schema change or pending migration was found.');
    expect(await readdir(join(scratch, 'prisma/migrations'))).toEqual(before);
  });

  it('migrate deploy and the in-process migrateDeploy agree on what is applied', async () => {
    const url = await postgres.createEmptyDatabase();
    const first = await prisma(['migrate', 'deploy'], { cwd: packageDir, databaseUrl: url });
    expect(first.code).toBe(0);
    expect(first.output).toContain('All migrations have been successfully applied.');

    expect(await migrateDeploy(url)).toEqual({ applied: [], summary: 'no pending migrations' });
    const second = await prisma(['migrate', 'deploy'], { cwd: packageDir, databaseUrl: url });
    expect(second.output).toContain('No pending migrations to apply.');
  });
});
