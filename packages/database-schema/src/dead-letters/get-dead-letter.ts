import type { DatabaseClient } from '../client.js';
import type { DeadLetter } from '../generated/prisma/client.js';

/** One dead letter by id, whatever its merchant: for operator tools (the admin CLI's replay). */
export async function getDeadLetter(db: DatabaseClient, id: string): Promise<DeadLetter | null> {
  return db.deadLetter.findUnique({ where: { id } });
}
