import type { DatabaseClient } from '../client.js';

/**
 * Renews a running job's lease (see claimNextJob) — a worker does it on a timer while it waits
 * (e.g. on a rate limit) so it is not taken for dead. False if the job is no longer running
 * (canceled, or claimed by another worker after the lease ran out).
 */
export async function heartbeatJob(db: DatabaseClient, id: string, { leaseMs, now = new Date() }: { leaseMs: number; now?: Date }): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, status: 'running' },
    data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}
