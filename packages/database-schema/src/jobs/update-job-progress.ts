import type { DatabaseClient } from '../client.js';
import type { Prisma } from '../generated/prisma/client.js';

export type JobProgress = {
  done: number;
  total?: number;
  /** Where to resume after a crash (e.g. the next page to fetch). */
  checkpoint?: Prisma.InputJsonValue;
  /** Renews the job's lease for this long (see claimNextJob). */
  leaseMs?: number;
};

/** Saves progress of a running job. False if the job is not running (e.g. it was canceled). */
export async function updateJobProgress(
  db: DatabaseClient,
  id: string,
  progress: JobProgress,
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, status: 'running' },
    data: {
      progressDone: progress.done,
      ...(progress.total !== undefined ? { progressTotal: progress.total } : {}),
      ...(progress.checkpoint !== undefined ? { checkpoint: progress.checkpoint } : {}),
      ...(progress.leaseMs !== undefined ? { leaseExpiresAt: new Date(Date.now() + progress.leaseMs) } : {}),
    },
  });
  return count === 1;
}
