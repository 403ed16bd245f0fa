import { AppError } from '@salla-analytics/core-library';
import {
  type AlertRuleWithLastEvent,
  createAlertRule,
  deleteAlertRule,
  getDigestPreference,
  listAlertEvents,
  listAlertRules,
  listNotifications,
  markNotificationsRead,
  saveDigestPreference,
  updateAlertRule,
} from '@salla-analytics/database-schema';
import type { z } from 'zod';
import type {
  AlertEventView,
  AlertRuleView,
  alertCreateBodySchema,
  alertPatchBodySchema,
  DigestPreferenceView,
  digestPatchBodySchema,
  NotificationView,
  notificationsReadBodySchema,
} from '../../contracts/alerts';
import { loadStoreSettings } from '../analytics/merchant-settings';
import type { ServerContext } from '../context';

function ruleView(rule: AlertRuleWithLastEvent | Omit<AlertRuleWithLastEvent, 'lastFiredAt' | 'firedCount'>): AlertRuleView {
  return {
    id: rule.id,
    name: rule.name,
    type: rule.type,
    threshold: rule.threshold,
    baselineWeeks: rule.baselineWeeks,
    suppressionHours: rule.suppressionHours,
    emailEnabled: rule.emailEnabled,
    enabled: rule.enabled,
    createdAt: rule.createdAt.toISOString(),
    lastFiredAt: 'lastFiredAt' in rule && rule.lastFiredAt ? rule.lastFiredAt.toISOString() : null,
    firedCount: 'firedCount' in rule ? rule.firedCount : 0,
  };
}

interface StoredDetails {
  value: number;
  baseline: number | null;
  unit: 'orders' | 'minor_units';
  currency: string;
  threshold: number;
  ruleName: string;
  type: AlertRuleView['type'];
}

export async function listAlerts(context: ServerContext, merchantId: number): Promise<AlertRuleView[]> {
  return (await listAlertRules(context.db, merchantId)).map(ruleView);
}

export async function createAlert(context: ServerContext, merchantId: number, body: z.output<typeof alertCreateBodySchema>): Promise<AlertRuleView> {
  return ruleView(await createAlertRule(context.db, merchantId, body));
}

export async function updateAlert(context: ServerContext, merchantId: number, { id, ...patch }: z.output<typeof alertPatchBodySchema>): Promise<AlertRuleView> {
  const rule = await updateAlertRule(context.db, merchantId, id, patch);
  if (!rule) throw new AppError('NOT_FOUND', 'No such alert rule in this store');
  return ruleView(rule);
}

export async function removeAlert(context: ServerContext, merchantId: number, id: string): Promise<{ id: string }> {
  if (!(await deleteAlertRule(context.db, merchantId, id))) throw new AppError('NOT_FOUND', 'No such alert rule in this store');
  return { id };
}

export async function alertHistory(context: ServerContext, merchantId: number, query: { ruleId?: string | undefined; limit: number }): Promise<AlertEventView[]> {
  const events = await listAlertEvents(context.db, { merchantId, ...(query.ruleId ? { ruleId: query.ruleId } : {}), limit: query.limit });
  return events.map((event) => {
    const details = event.details as unknown as StoredDetails;
    return { id: event.id, ruleId: event.ruleId, ruleName: event.ruleName, type: event.ruleType, firedAt: event.firedAt.toISOString(), value: details.value, baseline: details.baseline, unit: details.unit, currency: details.currency };
  });
}

export async function notificationsOf(context: ServerContext, merchantId: number, userId: string, limit: number): Promise<{ items: NotificationView[]; unread: number }> {
  const { items, unread } = await listNotifications(context.db, { merchantId, userId, limit });
  return {
    unread,
    items: items.map((item) => {
      const data = item.data as unknown as StoredDetails;
      return {
        id: item.id,
        kind: item.kind,
        createdAt: item.createdAt.toISOString(),
        read: item.readAt !== null,
        ruleName: data.ruleName,
        type: data.type,
        value: data.value,
        baseline: data.baseline,
        threshold: data.threshold,
        unit: data.unit,
        currency: data.currency,
      };
    }),
  };
}

export async function readNotifications(context: ServerContext, merchantId: number, userId: string, body: z.output<typeof notificationsReadBodySchema>): Promise<{ marked: number }> {
  return { marked: await markNotificationsRead(context.db, { merchantId, userId, ...('ids' in body ? { ids: body.ids } : {}) }) };
}

export async function digestPreferenceOf(context: ServerContext, merchantId: number, userId: string, userLocale: 'ar' | 'en'): Promise<DigestPreferenceView> {
  const [preference, settings] = await Promise.all([getDigestPreference(context.db, merchantId, userId), loadStoreSettings(context.db, merchantId)]);
  return {
    enabled: preference?.enabled ?? false,
    frequency: preference?.frequency ?? 'daily',
    hour: preference?.hour ?? 8,
    locale: preference?.locale ?? userLocale,
    saved: preference !== null,
    timeZone: settings.timeZone,
    weekStart: settings.weekStart,
  };
}

export async function saveDigest(context: ServerContext, merchantId: number, userId: string, body: z.output<typeof digestPatchBodySchema>): Promise<DigestPreferenceView> {
  await saveDigestPreference(context.db, merchantId, userId, body);
  return digestPreferenceOf(context, merchantId, userId, body.locale);
}
