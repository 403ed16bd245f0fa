import { alertWindows, evaluateAlert } from '@salla-analytics/core-library';
import {
  type AlertEvent,
  type AlertRule,
  createAlertNotifications,
  findAlertEvents,
  getMerchant,
  listEnabledAlertRules,
  listMerchantMembers,
  recordAlertEvent,
} from '@salla-analytics/database-schema';
import { renderAlertEmail } from '@salla-analytics/integration-gateways';
import { getSalesInWindows } from '@salla-analytics/olap-repository';
import type { AutomationDeps } from '../automation-deps.js';

/** Alert rules are evaluated on every quarter hour (UTC); `at` is the tick, never the wall clock. */
export const ALERTS_SCHEDULE = { name: 'alerts.evaluate', cron: '*/15 * * * *', maxCatchUp: 4 } as const;

export interface AlertDetails {
  type: AlertRule['type'];
  threshold: number;
  value: number;
  baseline: number | null;
  change: number | null;
  unit: 'orders' | 'minor_units';
  currency: string;
  windowFrom: string;
  windowTo: string;
  ruleName: string;
}

export interface AlertTickOutcome {
  ruleId: string;
  merchantId: number;
  outcome: 'fired' | 'quiet' | 'suppressed' | 'redelivered';
}

/**
 * Evaluates every enabled rule at tick `at`: a rule whose condition holds and that did not fire
 * within its suppression window gets one event at `at` (the history), an in-app notification for
 * every member of the store and, if the rule says so, an email each through the ledger
 * (`alert:<ruleId>:<firedAt ISO>:<userId>`). Running the same tick again (crash, retry, duplicate
 * trigger) finds the event and only completes what is missing: nothing is notified or sent twice.
 */
export async function evaluateAlerts(deps: AutomationDeps, at: Date): Promise<AlertTickOutcome[]> {
  const outcomes: AlertTickOutcome[] = [];
  let failed: unknown = null;
  for (const rule of await listEnabledAlertRules(deps.db)) {
    try {
      outcomes.push({ ruleId: rule.id, merchantId: Number(rule.merchantId), outcome: await evaluateRule(deps, rule, at) });
    } catch (error) {
      // One store's failure does not hold back the others; the tick then fails and is retried,
      // which is harmless for the rules already done (their events and sends are idempotent).
      deps.logger.warn({ ruleId: rule.id, merchantId: Number(rule.merchantId), err: { message: (error as Error).message } }, 'alert rule evaluation failed');
      failed = error;
    }
  }
  if (failed !== null) throw failed;
  return outcomes;
}

async function evaluateRule(deps: AutomationDeps, rule: AlertRule, at: Date): Promise<AlertTickOutcome['outcome']> {
  const { atTick, before } = await findAlertEvents(deps.db, rule.id, at);
  if (atTick) {
    await deliver(deps, rule, atTick);
    return 'redelivered';
  }
  if (before && before.firedAt.getTime() > at.getTime() - rule.suppressionHours * 3_600_000) return 'suppressed';
  const merchant = await getMerchant(deps.db, rule.merchantId);
  if (!merchant || merchant.status !== 'active') return 'quiet';
  const windows = alertWindows(rule, at, merchant.timeZone);
  const [current, ...baseline] = await getSalesInWindows(deps.clickhouse, { merchantId: Number(rule.merchantId), windows: [windows.current, ...windows.baseline] });
  const evaluation = evaluateAlert(rule, current ?? { orders: 0, netSalesMinor: 0 }, baseline);
  if (!evaluation.fires) return 'quiet';
  const details: AlertDetails = {
    type: rule.type,
    threshold: rule.threshold,
    value: evaluation.value,
    baseline: evaluation.baseline,
    change: evaluation.change,
    unit: evaluation.unit,
    currency: merchant.currency,
    windowFrom: windows.current.from.toISOString(),
    windowTo: windows.current.to.toISOString(),
    ruleName: rule.name,
  };
  const { event } = await recordAlertEvent(deps.db, { ruleId: rule.id, merchantId: rule.merchantId, firedAt: at, details: { ...details } });
  deps.logger.info({ ruleId: rule.id, merchantId: Number(rule.merchantId), type: rule.type, firedAt: at.toISOString() }, 'alert fired');
  await deliver(deps, rule, event);
  return 'fired';
}

async function deliver(deps: AutomationDeps, rule: AlertRule, event: AlertEvent): Promise<void> {
  const members = await listMerchantMembers(deps.db, rule.merchantId);
  const details = event.details as unknown as AlertDetails;
  await createAlertNotifications(deps.db, {
    merchantId: rule.merchantId,
    alertEventId: event.id,
    userIds: members.map((member) => member.userId),
    data: { ruleId: rule.id, ...details },
    createdAt: event.firedAt,
  });
  if (!rule.emailEnabled) return;
  const merchant = await getMerchant(deps.db, rule.merchantId);
  for (const member of members) {
    const rendered = renderAlertEmail({
      locale: member.locale,
      storeName: merchant?.name ?? String(rule.merchantId),
      recipientName: member.name,
      ruleName: rule.name,
      type: details.type,
      threshold: details.threshold,
      value: details.value,
      baseline: details.baseline,
      unit: details.unit,
      currency: details.currency,
      firedAt: event.firedAt,
      timeZone: merchant?.timeZone ?? 'Asia/Riyadh',
      baselineWeeks: rule.baselineWeeks,
      alertsUrl: `${deps.appUrl}/alerts`,
    });
    await deps.sendEmailOnce({
      merchantId: rule.merchantId,
      idempotencyKey: `alert:${rule.id}:${event.firedAt.toISOString()}:${member.userId}`,
      email: { to: member.email, locale: member.locale, template: 'alert', rendered },
    });
  }
}
