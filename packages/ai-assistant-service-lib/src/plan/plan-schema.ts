import { COMPARISON_MODES, localDateSchema, PERIOD_PRESETS } from '@salla-analytics/core-library';
import { z } from 'zod';
import { BREAKDOWN_DIMENSIONS, FILTER_DIMENSIONS } from '../semantic/dimensions.js';
import { METRIC_IDS } from '../semantic/metric-catalog.js';

/**
 * The typed analytics tools. A plan is one tool call with validated arguments: the same schemas
 * are the JSON schemas the LLM sees (z.toJSONSchema) and the parser of whatever it answers. Every
 * object is strict, so an argument the schema does not name (a merchant id, a SQL string) makes
 * the call invalid instead of being ignored. No tool takes a merchant: the executor adds the
 * session's.
 */
export const planPeriodSchema = z
  .strictObject({
    preset: z.enum(PERIOD_PRESETS).describe('A named period in the store time zone; "custom" needs from and to'),
    from: localDateSchema.optional().describe('First local day, YYYY-MM-DD (custom only)'),
    to: localDateSchema.optional().describe('Last local day, YYYY-MM-DD (custom only)'),
  })
  .refine((p) => p.preset !== 'custom' || (p.from !== undefined && p.to !== undefined && p.from <= p.to), {
    message: 'A custom period needs from <= to',
  })
  .refine((p) => p.preset === 'custom' || (p.from === undefined && p.to === undefined), {
    message: 'from/to are only for a custom period',
  });
export type PlanPeriod = z.infer<typeof planPeriodSchema>;

const compare = z.enum(COMPARISON_MODES).or(z.literal('none'));
const shortText = z.string().trim().min(1).max(80);
const period = planPeriodSchema.default({ preset: 'last_30_days' });

export const getMetricArgsSchema = z.strictObject({
  metric: z.enum(METRIC_IDS).describe('The metric id from the semantic layer'),
  period,
  compare: compare.default('previous_period').describe('What to compare the period with'),
  filter: z
    .strictObject({
      dimension: z.enum(FILTER_DIMENSIONS),
      value: shortText.describe('The stored value: a city as written on orders (Arabic), a payment method slug, a status slug'),
    })
    .optional()
    .describe('Restrict to one city, payment method or status (sales and order metrics only)'),
});

export const TREND_METRICS = ['netSales', 'grossSales', 'orders', 'canceledOrders'] as const;
export const getTrendArgsSchema = z.strictObject({
  metric: z.enum(TREND_METRICS).default('netSales'),
  period,
  granularity: z.enum(['day', 'week', 'month']).optional().describe('Bucket size; omitted = chosen from the period length'),
  compare: compare.default('none'),
});

export const rankProductsArgsSchema = z.strictObject({
  sortBy: z.enum(['revenue', 'quantity']).default('revenue'),
  direction: z.enum(['desc', 'asc']).default('desc').describe('desc = best sellers first, asc = slowest sellers first'),
  limit: z.int().min(1).max(50).default(5),
  category: shortText.optional().describe("Only products of this category (the store's category name)"),
  period,
});

export const BREAKDOWN_METRICS = ['netSales', 'orders'] as const;
export const breakdownArgsSchema = z.strictObject({
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  metric: z.enum(BREAKDOWN_METRICS).default('netSales').describe('What to rank the parts by'),
  limit: z.int().min(1).max(50).default(10),
  period,
});

export const EXPLAIN_METRICS = ['netSales', 'grossSales', 'orders', 'aov'] as const;
export const explainChangeArgsSchema = z.strictObject({
  metric: z.enum(EXPLAIN_METRICS).default('netSales'),
  period,
  compare: z.enum(COMPARISON_MODES).default('previous_period'),
});

export const customerSegmentsArgsSchema = z.strictObject({});
export const lifetimeValueArgsSchema = z.strictObject({});

export const CANNOT_ANSWER_REASONS = ['out_of_scope', 'other_merchant', 'unsupported', 'unclear'] as const;
export const cannotAnswerArgsSchema = z.strictObject({
  reason: z.enum(CANNOT_ANSWER_REASONS),
});

export const TOOL_ARGS = {
  get_metric: getMetricArgsSchema,
  get_trend: getTrendArgsSchema,
  rank_products: rankProductsArgsSchema,
  breakdown: breakdownArgsSchema,
  explain_change: explainChangeArgsSchema,
  customer_segments: customerSegmentsArgsSchema,
  lifetime_value: lifetimeValueArgsSchema,
  cannot_answer: cannotAnswerArgsSchema,
} as const;
export type ToolName = keyof typeof TOOL_ARGS;
export const TOOL_NAMES = Object.keys(TOOL_ARGS) as ToolName[];

export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  get_metric: 'One metric (sales, orders, AOV, customers, canceled/refunded orders, abandoned carts, new/returning customers) for a period, with the comparison period; optionally for one city, payment method or status.',
  get_trend: 'A metric over time (per day, week or month) for a period.',
  rank_products: 'Products ranked by revenue or units sold: best sellers (desc) or slowest sellers (asc), optionally within one category.',
  breakdown: 'Sales split by payment method, city, order status, product category or new vs returning customers.',
  explain_change: 'Why a metric went up or down: the period against the comparison period, and which categories, cities and payment methods moved it most.',
  customer_segments: 'Customers grouped into RFM segments (champions, loyal, at risk, lost, …) as of today.',
  lifetime_value: 'Historic customer lifetime value and repeat rate.',
  cannot_answer: 'Use when the question is not about this store’s analytics, asks about another store, or cannot be answered with these tools.',
};

export const planSchema = z.discriminatedUnion('tool', [
  z.strictObject({ tool: z.literal('get_metric'), args: getMetricArgsSchema }),
  z.strictObject({ tool: z.literal('get_trend'), args: getTrendArgsSchema }),
  z.strictObject({ tool: z.literal('rank_products'), args: rankProductsArgsSchema }),
  z.strictObject({ tool: z.literal('breakdown'), args: breakdownArgsSchema }),
  z.strictObject({ tool: z.literal('explain_change'), args: explainChangeArgsSchema }),
  z.strictObject({ tool: z.literal('customer_segments'), args: customerSegmentsArgsSchema }),
  z.strictObject({ tool: z.literal('lifetime_value'), args: lifetimeValueArgsSchema }),
  z.strictObject({ tool: z.literal('cannot_answer'), args: cannotAnswerArgsSchema }),
]);
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type PlanOf<T extends ToolName> = Extract<Plan, { tool: T }>;

/** Validates a tool call (name + arguments) into a plan; throws ZodError when it does not fit. */
export function parseToolCall(tool: string, args: unknown): Plan {
  return planSchema.parse({ tool, args });
}

/** JSON schemas of the tools' arguments for function calling, derived from the zod schemas. */
export function toolJsonSchemas(): Array<{ name: ToolName; description: string; parameters: Record<string, unknown> }> {
  return TOOL_NAMES.map((name) => {
    const parameters = z.toJSONSchema(TOOL_ARGS[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete parameters.$schema;
    return { name, description: TOOL_DESCRIPTIONS[name], parameters };
  });
}

/** A stable text form of a plan (defaults filled, keys sorted) for comparing plans. */
export function canonicalPlan(plan: PlanInput | Plan): string {
  const parsed = planSchema.parse(plan);
  return JSON.stringify(sortKeys(parsed));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
