import type { DatabaseClient } from '../client.js';
import type { RecoverySend } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/**
 * A store's recovery sends, oldest first: all of them, or one campaign's. With `since`, only sends
 * claimed from then on (the tick reads the recent ones; attribution reads them all).
 */
export async function listRecoverySends(
  db: DatabaseClient,
  { merchantId, campaignId, since }: { merchantId: MerchantIdInput; campaignId?: string; since?: Date },
): Promise<RecoverySend[]> {
  return db.recoverySend.findMany({
    where: {
      merchantId: toMerchantId(merchantId),
      ...(campaignId ? { campaignId } : {}),
      ...(since ? { claimedAt: { gte: since } } : {}),
    },
    orderBy: [{ claimedAt: 'asc' }, { attempt: 'asc' }],
  });
}
