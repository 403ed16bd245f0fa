import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/**
 * Cancels a merchant's queued or running job. A running worker notices on its next progress
 * update or completion, which then return false. False if not found, not the merchant's, or finished.
 */
export async function cancelJob(
  db: DatabaseClient,
  { merchantId, id, now = new Date() }: { merchantId: MerchantIdInput; id: string; now?: Date },
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, merchantId: toMerchantId(merchantId), status: { in: ['queued', 'running'] } },
    data: { status: 'canceled', finishedAt: now },
  });
  return count === 1;
}
