import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

const LOCKFILE = 'migration_lock.toml';

/**
 * The committed migrations of this package. Found by walking up from this module, so it works
 * from `src/migrate/` (tests, tsx) and from the bundled `dist/index.js` (consumers) alike.
 */
export function packagedMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'prisma', 'migrations');
    if (existsSync(join(candidate, LOCKFILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Could not find prisma/migrations of @salla-analytics/database-schema');
    dir = parent;
  }
}

/** Reads a migrations folder into the shape the schema engine expects (as the prisma CLI does). */
export async function readMigrationsDirectory(dir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const baseDir = resolve(dir);
  const lockfile = {
    path: LOCKFILE,
    content: await readFile(join(baseDir, LOCKFILE), 'utf8').catch(() => null),
  };
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const path = 'migration.sql';
    const content = await readFile(join(baseDir, entry.name, path), 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (error: Error) => ({ tag: 'error' as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}
