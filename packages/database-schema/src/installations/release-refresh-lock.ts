import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** Gives the refresh lease back without saving tokens (e.g. the refresh call failed). */
export async function releaseRefreshLock(db: DatabaseClient, merchantId: MerchantIdInput): Promise<void> {
  await db.installation.updateMany({
    where: { merchantId: toMerchantId(merchantId) },
    data: { refreshLockedUntil: null },
  });
}
