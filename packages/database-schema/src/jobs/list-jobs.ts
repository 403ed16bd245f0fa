import type { DatabaseClient } from '../client.js';
import type { Job, JobStatus } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export type ListJobsInput = {
  merchantId: MerchantIdInput;
  type?: string;
  status?: JobStatus;
  /** 1..200, default 50. */
  limit?: number;
};

/** A merchant's jobs, newest first (e.g. backfill progress in the app). */
export async function listJobs(db: DatabaseClient, input: ListJobsInput): Promise<Job[]> {
  return db.job.findMany({
    where: {
      merchantId: toMerchantId(input.merchantId),
      ...(input.type ? { type: input.type } : {}),
      ...(input.status ? { status: input.status } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(input.limit ?? 50, 1), 200),
  });
}
