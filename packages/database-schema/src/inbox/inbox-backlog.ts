import type { DatabaseClient } from '../client.js';
import { sqlQuery } from '../sql.js';

export interface InboxBacklog {
  /** Entries waiting or being processed (received or queued). */
  pending: number;
  /** Seconds since the oldest of them was accepted (0 when none waits): the queue's lag. */
  oldestAgeSeconds: number;
}

/** The queue's depth and lag in one statement (metrics scrapes; reads the status index). */
export async function getInboxBacklog(db: DatabaseClient): Promise<InboxBacklog> {
  const [row] = await sqlQuery<{ pending: string; age: number | null }>(
    db,
    `SELECT count(*)::text AS pending, extract(epoch FROM now() - min(received_at))::float8 AS age
     FROM webhook_inbox WHERE status IN ('received', 'queued')`,
  );
  return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
}
