import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { RecoveryCampaign } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** A campaign of this store, or null (another store's id is "not found"). */
export async function getRecoveryCampaign(db: DatabaseClient, { merchantId, id }: { merchantId: MerchantIdInput; id: string }): Promise<RecoveryCampaign | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return db.recoveryCampaign.findFirst({ where: { id, merchantId: toMerchantId(merchantId) } });
}
