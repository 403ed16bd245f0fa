import type { DatabaseClient } from '../client.js';
import type { Merchant } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from './merchant-id.js';

export async function getMerchant(db: DatabaseClient, merchantId: MerchantIdInput): Promise<Merchant | null> {
  return db.merchant.findUnique({ where: { id: toMerchantId(merchantId) } });
}
