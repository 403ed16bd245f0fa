import { ALERT_RULE_TYPES } from '@salla-analytics/core-library';
import { z } from 'zod';

// Contracts of the alert rule, notification and digest routes. Bodies are strict: an unknown key
// (a merchant id included) is refused. Thresholds are checked per type by core-library.
const id = z.uuid().describe('The id returned when it was created');

export const alertsQuerySchema = z.strictObject({});
export const alertCreateBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  type: z.enum(ALERT_RULE_TYPES).describe('revenue_drop: % below the same-weekday baseline; no_orders: hours without an order; orders_spike / revenue_spike: % of the baseline (300 = 3×)'),
  threshold: z.number().int(),
  baselineWeeks: z.number().int().min(1).max(12).optional(),
  suppressionHours: z.number().int().min(1).max(336).optional(),
  emailEnabled: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export const alertPatchBodySchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(120).optional(),
    threshold: z.number().int().optional(),
    baselineWeeks: z.number().int().min(1).max(12).optional(),
    suppressionHours: z.number().int().min(1).max(336).optional(),
    emailEnabled: z.boolean().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 1, 'nothing to change');
export const alertDeleteQuerySchema = z.strictObject({ id });
export const alertHistoryQuerySchema = z.strictObject({
  ruleId: z.uuid().optional().describe('One rule’s firings; absent = every rule of the store'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(30) });
export const notificationsReadBodySchema = z.union([z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }), z.strictObject({ all: z.literal(true) })]);
export const digestQuerySchema = z.strictObject({});
export const digestPatchBodySchema = z.strictObject({
  enabled: z.boolean(),
  frequency: z.enum(['daily', 'weekly']),
  hour: z.number().int().min(0).max(23).describe('Local hour in the store’s time zone'),
  locale: z.enum(['ar', 'en']),
});

export interface AlertRuleView {
  id: string;
  name: string;
  type: (typeof ALERT_RULE_TYPES)[number];
  threshold: number;
  baselineWeeks: number;
  suppressionHours: number;
  emailEnabled: boolean;
  enabled: boolean;
  createdAt: string;
  lastFiredAt: string | null;
  firedCount: number;
}

export interface AlertEventView {
  id: string;
  ruleId: string;
  ruleName: string;
  type: AlertRuleView['type'];
  firedAt: string;
  value: number;
  baseline: number | null;
  unit: 'orders' | 'minor_units';
  currency: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  createdAt: string;
  read: boolean;
  ruleName: string;
  type: AlertRuleView['type'];
  value: number;
  baseline: number | null;
  threshold: number;
  unit: 'orders' | 'minor_units';
  currency: string;
}

export interface DigestPreferenceView {
  enabled: boolean;
  frequency: 'daily' | 'weekly';
  hour: number;
  locale: 'ar' | 'en';
  /** False until the user saved one (the values are the defaults then). */
  saved: boolean;
  timeZone: string;
  weekStart: string;
}
