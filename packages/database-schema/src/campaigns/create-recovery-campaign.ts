import { cartRecoveryRulesSchema } from '@salla-analytics/core-library';
import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { RecoveryCampaign } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';
import { rulesColumns } from './campaign-rules.js';

export const CreateRecoveryCampaignInputSchema = z.object({
  merchantId: MerchantIdSchema,
  name: z.string().trim().min(1).max(100),
  status: z.enum(['active', 'paused']).default('active'),
  rules: cartRecoveryRulesSchema,
  /** Carts abandoned before this are never emailed; default: now. */
  activeSince: z.date().optional(),
});
export type CreateRecoveryCampaignInput = z.input<typeof CreateRecoveryCampaignInputSchema>;

export async function createRecoveryCampaign(db: DatabaseClient, input: CreateRecoveryCampaignInput): Promise<RecoveryCampaign> {
  const { merchantId, name, status, rules, activeSince = new Date() } = CreateRecoveryCampaignInputSchema.parse(input);
  return db.recoveryCampaign.create({ data: { merchantId, name, status, activeSince, ...rulesColumns(rules) } });
}
