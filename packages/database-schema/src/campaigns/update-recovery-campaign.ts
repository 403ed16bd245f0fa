import { cartRecoveryRulesSchema } from '@salla-analytics/core-library';
import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { RecoveryCampaign } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';
import { rulesColumns } from './campaign-rules.js';

export const UpdateRecoveryCampaignInputSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['active', 'paused']).optional(),
  rules: cartRecoveryRulesSchema.optional(),
});
export type UpdateRecoveryCampaignInput = z.input<typeof UpdateRecoveryCampaignInputSchema>;

/** Changes a campaign of this store (rules apply from the next tick); null when there is none. */
export async function updateRecoveryCampaign(
  db: DatabaseClient,
  { merchantId, id }: { merchantId: MerchantIdInput; id: string },
  input: UpdateRecoveryCampaignInput,
): Promise<RecoveryCampaign | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const { rules, ...rest } = UpdateRecoveryCampaignInputSchema.parse(input);
  const merchant = toMerchantId(merchantId);
  const { count } = await db.recoveryCampaign.updateMany({ where: { id, merchantId: merchant }, data: { ...rest, ...(rules ? rulesColumns(rules) : {}) } });
  return count === 1 ? db.recoveryCampaign.findFirst({ where: { id, merchantId: merchant } }) : null;
}
