import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** Deletes a segment of this store; false when there was none. */
export async function deleteCustomerSegment(db: DatabaseClient, { merchantId, id }: { merchantId: MerchantIdInput; id: string }): Promise<boolean> {
  if (!z.uuid().safeParse(id).success) return false;
  const { count } = await db.customerSegment.deleteMany({ where: { id, merchantId: toMerchantId(merchantId) } });
  return count === 1;
}
