import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type Prisma, PrismaClient } from './generated/prisma/client.js';
import { registerPool } from './sql.js';

/** The typed Prisma client of the OLTP database (adapter-pg, no native query engine). */
export type Database = PrismaClient;
/** What the data-access functions accept: the client itself or an interactive transaction. */
export type DatabaseClient = PrismaClient | Prisma.TransactionClient;

export type CreateDatabaseOptions = {
  /** Maximum connections in the pool (pg's default is 10). */
  maxConnections?: number;
};

/**
 * Creates a Prisma client for `databaseUrl`. Call `$disconnect()` when done; it closes the pool.
 * Use one per process: every client holds its own connection pool.
 */
export function createDatabase(databaseUrl: string, options: CreateDatabaseOptions = {}): Database {
  // The pool is ours, so that hot paths can use it directly (see sql.ts); Prisma shares it.
  const pool = new pg.Pool({ connectionString: databaseUrl, ...(options.maxConnections ? { max: options.maxConnections } : {}) });
  // An idle connection that breaks (a server restart) is replaced on the next query; without a
  // listener its 'error' event would end the process.
  pool.on('error', () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const prismaDisconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await prismaDisconnect();
    if (!pool.ended) await pool.end();
  };
  registerPool(db, pool);
  return db;
}
