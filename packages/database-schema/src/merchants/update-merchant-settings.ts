import type { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { Merchant } from '../generated/prisma/client.js';
import { isRecordNotFound } from '../prisma-errors.js';
import { type MerchantIdInput, toMerchantId } from './merchant-id.js';
import { MerchantSettingsSchema } from './merchant-settings.js';

export const UpdateMerchantSettingsInputSchema = MerchantSettingsSchema.partial();
export type UpdateMerchantSettingsInput = z.input<typeof UpdateMerchantSettingsInputSchema>;

/** Changes the merchant's report settings. Returns null when the merchant does not exist. */
export async function updateMerchantSettings(
  db: DatabaseClient,
  merchantId: MerchantIdInput,
  settings: UpdateMerchantSettingsInput,
): Promise<Merchant | null> {
  const data = UpdateMerchantSettingsInputSchema.parse(settings);
  try {
    return await db.merchant.update({ where: { id: toMerchantId(merchantId) }, data });
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}
