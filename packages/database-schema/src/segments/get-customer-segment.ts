import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { CustomerSegment } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** A segment of this store, or null (another store's id is "not found", never its data). */
export async function getCustomerSegment(db: DatabaseClient, { merchantId, id }: { merchantId: MerchantIdInput; id: string }): Promise<CustomerSegment | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return db.customerSegment.findFirst({ where: { id, merchantId: toMerchantId(merchantId) } });
}
