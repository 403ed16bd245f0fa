import { ALERT_THRESHOLD_LIMITS, AppError, type AlertRulePatch, alertRulePatchSchema } from '@salla-analytics/core-library';
import type { DatabaseClient } from '../client.js';
import type { AlertRule } from '../generated/prisma/client.js';
import { toMerchantId } from '../merchants/merchant-id.js';

/** Updates one of the merchant's rules; null if it has no such rule (another store's id included). */
export async function updateAlertRule(db: DatabaseClient, merchantId: bigint | number, id: string, patch: AlertRulePatch): Promise<AlertRule | null> {
  const data = alertRulePatchSchema.parse(patch);
  const where = { id, merchantId: toMerchantId(merchantId) };
  const existing = await db.alertRule.findFirst({ where });
  if (!existing) return null;
  if (data.threshold !== undefined) {
    const { min, max } = ALERT_THRESHOLD_LIMITS[existing.type];
    if (data.threshold < min || data.threshold > max) {
      throw new AppError('INVALID_ARGUMENT', `threshold for ${existing.type} must be between ${min} and ${max}`, { context: { field: 'threshold' } });
    }
  }
  const { count } = await db.alertRule.updateMany({ where, data });
  return count === 1 ? db.alertRule.findFirst({ where }) : null;
}

/** Deletes one of the merchant's rules and its history; false if it has no such rule. */
export async function deleteAlertRule(db: DatabaseClient, merchantId: bigint | number, id: string): Promise<boolean> {
  const { count } = await db.alertRule.deleteMany({ where: { id, merchantId: toMerchantId(merchantId) } });
  return count === 1;
}
