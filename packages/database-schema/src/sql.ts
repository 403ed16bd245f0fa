import type pg from 'pg';
import type { DatabaseClient } from './client.js';

const pools = new WeakMap<object, pg.Pool>();

/** Remembers the connection pool behind a client made by createDatabase. */
export function registerPool(db: object, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * Plain SQL for the hot paths (webhook intake, the queue, order-state merges): straight on the
 * client's pg pool, skipping Prisma's query engine, which costs tens of microseconds of CPU per
 * row on bulk parameters. Inside an interactive transaction (or a client not made by
 * createDatabase) it goes through `$queryRawUnsafe`, so the statement joins the transaction.
 *
 * Result values come back as pg parses them (int8 as text, timestamptz as Date, json as objects):
 * write statements that cast what they return (`id::text`, `count(*)::text`).
 */
export async function sqlQuery<T>(db: DatabaseClient, text: string, values: unknown[] = []): Promise<T[]> {
  const pool = pools.get(db);
  if (pool !== undefined) return (await pool.query(text, values)).rows as T[];
  return db.$queryRawUnsafe<T[]>(text, ...values);
}

/** sqlQuery for statements without results: the number of rows they touched. */
export async function sqlExecute(db: DatabaseClient, text: string, values: unknown[] = []): Promise<number> {
  const pool = pools.get(db);
  if (pool !== undefined) return (await pool.query(text, values)).rowCount ?? 0;
  return db.$executeRawUnsafe(text, ...values);
}
