import type { DatabaseClient } from '../client.js';
import type { AlertEvent, AlertRule } from '../generated/prisma/client.js';
import { toMerchantId } from '../merchants/merchant-id.js';

export type AlertRuleWithLastEvent = AlertRule & { lastFiredAt: Date | null; firedCount: number };

/** The merchant's rules, newest first, with when each last fired and how often. */
export async function listAlertRules(db: DatabaseClient, merchantId: bigint | number): Promise<AlertRuleWithLastEvent[]> {
  const rules = await db.alertRule.findMany({
    where: { merchantId: toMerchantId(merchantId) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { events: { orderBy: { firedAt: 'desc' }, take: 1, select: { firedAt: true } }, _count: { select: { events: true } } },
  });
  return rules.map(({ events, _count, ...rule }) => ({ ...rule, lastFiredAt: events[0]?.firedAt ?? null, firedCount: _count.events }));
}

/** Every enabled rule of every store (the evaluator), in merchant order. */
export async function listEnabledAlertRules(db: DatabaseClient): Promise<AlertRule[]> {
  return db.alertRule.findMany({ where: { enabled: true }, orderBy: [{ merchantId: 'asc' }, { id: 'asc' }] });
}

/** A rule's firings (the history), newest first; empty for another store's rule. */
export async function listAlertEvents(
  db: DatabaseClient,
  { merchantId, ruleId, limit = 50 }: { merchantId: bigint | number; ruleId?: string; limit?: number },
): Promise<(AlertEvent & { ruleName: string; ruleType: AlertRule['type'] })[]> {
  const events = await db.alertEvent.findMany({
    where: { merchantId: toMerchantId(merchantId), ...(ruleId ? { ruleId } : {}) },
    orderBy: [{ firedAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(limit, 1), 500),
    include: { rule: { select: { name: true, type: true } } },
  });
  return events.map(({ rule, ...event }) => ({ ...event, ruleName: rule.name, ruleType: rule.type }));
}
