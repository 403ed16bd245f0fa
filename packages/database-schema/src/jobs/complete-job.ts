import type { DatabaseClient } from '../client.js';

/** Marks a running job succeeded. False if it is not running (e.g. canceled meanwhile). */
export async function completeJob(db: DatabaseClient, id: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, status: 'running' },
    data: { status: 'succeeded', finishedAt: now, error: null },
  });
  return count === 1;
}
