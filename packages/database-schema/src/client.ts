import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from './generated/prisma/client.js';

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
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    ...(options.maxConnections ? { max: options.maxConnections } : {}),
  });
  return new PrismaClient({ adapter });
}
