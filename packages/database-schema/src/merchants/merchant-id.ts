import { z } from 'zod';

/** A Salla store id. Stored as BIGINT: real ids (e.g. 1305146709) do not fit in int32. */
export type MerchantId = bigint;

/**
 * Accepts a merchant id as bigint or as a (safe) integer number — webhooks carry it as a JSON
 * number — and yields a bigint.
 */
export const MerchantIdSchema = z
  .union([z.bigint().positive(), z.number().int().positive()])
  .transform((value): MerchantId => BigInt(value));

export type MerchantIdInput = z.input<typeof MerchantIdSchema>;

export function toMerchantId(value: MerchantIdInput): MerchantId {
  return MerchantIdSchema.parse(value);
}
