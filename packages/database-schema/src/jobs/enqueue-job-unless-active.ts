import type { Database } from '../client.js';
import type { Job } from '../generated/prisma/client.js';
import type { MerchantIdInput } from '../merchants/merchant-id.js';
import { enqueueJob } from './enqueue-job.js';
import { findActiveJob } from './get-job.js';

/**
 * Queues a merchant's job of a type unless one is already queued or running — then that one is
 * returned with `started: false` (two clicks, two processes: one job). An advisory lock per
 * (type, merchant) serializes the check and the insert. With `dedupeKey`, at most one job per key ever.
 */
export async function enqueueJobUnlessActive(
  db: Database,
  input: { type: string; merchantId: MerchantIdInput; dedupeKey?: string },
): Promise<{ job: Job; started: boolean }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`job:${input.type}:${input.merchantId}`}))`;
    const active = await findActiveJob(tx, { merchantId: input.merchantId, type: input.type });
    if (active) return { job: active, started: false };
    const { job, duplicate } = await enqueueJob(tx, {
      type: input.type,
      merchantId: input.merchantId,
      ...(input.dedupeKey ? { dedupeKey: input.dedupeKey } : {}),
    });
    return { job, started: !duplicate };
  });
}
