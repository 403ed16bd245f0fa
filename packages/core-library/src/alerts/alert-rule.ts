import { z } from 'zod';

export const ALERT_RULE_TYPES = ['revenue_drop', 'no_orders', 'orders_spike', 'revenue_spike'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_TYPES)[number];

/**
 * What `threshold` means per type:
 * - `revenue_drop`: today's net sales so far are at least this many percent below the baseline
 *   (the average of the last `baselineWeeks` same weekdays, each up to the same local time of day);
 * - `no_orders`: no order at all for this many hours;
 * - `orders_spike` / `revenue_spike`: the last hour's orders / net sales reach this percent of the
 *   baseline (the same hour on the last `baselineWeeks` same weekdays): 300 = 3×.
 */
export const ALERT_THRESHOLD_LIMITS: Record<AlertRuleKind, { min: number; max: number }> = {
  revenue_drop: { min: 1, max: 100 },
  no_orders: { min: 1, max: 168 },
  orders_spike: { min: 110, max: 10_000 },
  revenue_spike: { min: 110, max: 10_000 },
};

/** A rule as the PWA creates it (strict: unknown fields are refused). */
export const alertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    type: z.enum(ALERT_RULE_TYPES),
    threshold: z.number().int(),
    baselineWeeks: z.number().int().min(1).max(12).default(4),
    suppressionHours: z.number().int().min(1).max(24 * 14).default(24),
    emailEnabled: z.boolean().default(true),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const { min, max } = ALERT_THRESHOLD_LIMITS[rule.type];
    if (rule.threshold < min || rule.threshold > max) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `threshold for ${rule.type} must be between ${min} and ${max}` });
    }
  });

export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRuleSpec = z.output<typeof alertRuleInputSchema>;

/** A partial update; the threshold is checked against the resulting type by the caller. */
export const alertRulePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    threshold: z.number().int(),
    baselineWeeks: z.number().int().min(1).max(12),
    suppressionHours: z.number().int().min(1).max(24 * 14),
    emailEnabled: z.boolean(),
    enabled: z.boolean(),
  })
  .partial()
  .strict();

export type AlertRulePatch = z.infer<typeof alertRulePatchSchema>;
