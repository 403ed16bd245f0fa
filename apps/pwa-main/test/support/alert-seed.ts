import { createAlertNotifications, type Database, listMerchantMembers, recordAlertEvent } from '@salla-analytics/database-schema';

/**
 * A firing of a rule at `firedAt`, as the pipeline's evaluator records it: the event (history,
 * with plausible measured numbers for the rule's type) and a notification for every member.
 */
export async function seedFiredAlert(db: Database, rule: { id: string; name: string; type?: string; threshold: number }, merchantId: number, firedAt: Date) {
  const type = rule.type ?? 'no_orders';
  const measured =
    type === 'no_orders'
      ? { value: 0, baseline: null, change: null, unit: 'orders' }
      : type === 'orders_spike'
        ? { value: 12, baseline: 4, change: 2, unit: 'orders' }
        : type === 'revenue_spike'
          ? { value: 900_000, baseline: 250_000, change: 2.6, unit: 'minor_units' }
          : { value: 41_250, baseline: 118_000, change: -0.65, unit: 'minor_units' };
  const details = { type, threshold: rule.threshold, ...measured, currency: 'SAR', ruleName: rule.name };
  const { event } = await recordAlertEvent(db, { ruleId: rule.id, merchantId: BigInt(merchantId), firedAt, details: { ...details, windowFrom: '', windowTo: '' } });
  const members = await listMerchantMembers(db, merchantId);
  await createAlertNotifications(db, { merchantId: BigInt(merchantId), alertEventId: event.id, userIds: members.map((m) => m.userId), data: { ruleId: rule.id, ...details }, createdAt: firedAt });
  return event;
}
