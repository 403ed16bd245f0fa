import { type AlertRuleInput, alertRuleInputSchema } from '@salla-analytics/core-library';
import type { DatabaseClient } from '../client.js';
import type { AlertRule } from '../generated/prisma/client.js';
import { toMerchantId } from '../merchants/merchant-id.js';

/** Creates a merchant's alert rule (validated by core-library's `alertRuleInputSchema`). */
export async function createAlertRule(db: DatabaseClient, merchantId: bigint | number, input: AlertRuleInput): Promise<AlertRule> {
  const rule = alertRuleInputSchema.parse(input);
  return db.alertRule.create({ data: { merchantId: toMerchantId(merchantId), ...rule } });
}
