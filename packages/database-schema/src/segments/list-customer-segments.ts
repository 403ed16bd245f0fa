import type { DatabaseClient } from '../client.js';
import type { CustomerSegment } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** One store's custom segments, oldest first. */
export async function listCustomerSegments(db: DatabaseClient, merchantId: MerchantIdInput): Promise<CustomerSegment[]> {
  return db.customerSegment.findMany({ where: { merchantId: toMerchantId(merchantId) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 });
}
