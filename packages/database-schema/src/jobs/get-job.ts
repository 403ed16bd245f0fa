import type { DatabaseClient } from '../client.js';
import type { Job } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** One of the merchant's jobs by id (null if not found or another merchant's). */
export async function getJob(db: DatabaseClient, { merchantId, id }: { merchantId: MerchantIdInput; id: string }): Promise<Job | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.job.findFirst({ where: { id, merchantId: toMerchantId(merchantId) } });
}

/** The merchant's queued or running job of this type, if any (e.g. "is a backfill under way?"). */
export async function findActiveJob(db: DatabaseClient, { merchantId, type }: { merchantId: MerchantIdInput; type: string }): Promise<Job | null> {
  return db.job.findFirst({
    where: { merchantId: toMerchantId(merchantId), type, status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'desc' },
  });
}
