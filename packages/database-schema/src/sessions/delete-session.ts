import type { DatabaseClient } from '../client.js';

/** Signs out: forgets the session with this token hash. */
export async function deleteSession(db: DatabaseClient, tokenHash: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash } });
}

/** Housekeeping: removes sessions that expired before `now`. Returns how many. */
export async function deleteExpiredSessions(db: DatabaseClient, now: Date = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
