import type { DatabaseClient } from '../client.js';

/** Records activity; optionally slides the expiry forward. */
export async function touchSession(
  db: DatabaseClient,
  sessionId: string,
  { now = new Date(), expiresAt }: { now?: Date; expiresAt?: Date } = {},
): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId },
    data: { lastSeenAt: now, ...(expiresAt ? { expiresAt } : {}) },
  });
}
