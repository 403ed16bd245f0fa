import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { CustomerSegment } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';
import { SegmentFieldsSchema } from './segment-input.js';

export const UpdateCustomerSegmentInputSchema = SegmentFieldsSchema.partial();
export type UpdateCustomerSegmentInput = z.input<typeof UpdateCustomerSegmentInputSchema>;

/** Renames a segment or replaces its filters; null when this store has no such segment. */
export async function updateCustomerSegment(
  db: DatabaseClient,
  { merchantId, id }: { merchantId: MerchantIdInput; id: string },
  input: UpdateCustomerSegmentInput,
): Promise<CustomerSegment | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const data = UpdateCustomerSegmentInputSchema.parse(input);
  const merchant = toMerchantId(merchantId);
  const { count } = await db.customerSegment.updateMany({ where: { id, merchantId: merchant }, data });
  return count === 1 ? db.customerSegment.findFirst({ where: { id, merchantId: merchant } }) : null;
}
