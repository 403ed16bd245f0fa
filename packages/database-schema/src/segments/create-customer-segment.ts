import type { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { CustomerSegment } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';
import { SegmentFieldsSchema } from './segment-input.js';

export const CreateCustomerSegmentInputSchema = SegmentFieldsSchema.extend({ merchantId: MerchantIdSchema });
export type CreateCustomerSegmentInput = z.input<typeof CreateCustomerSegmentInputSchema>;

/** Saves a custom segment. Names are unique per store: a duplicate throws a unique violation (`isUniqueViolation`). */
export async function createCustomerSegment(db: DatabaseClient, input: CreateCustomerSegmentInput): Promise<CustomerSegment> {
  return db.customerSegment.create({ data: CreateCustomerSegmentInputSchema.parse(input) });
}
