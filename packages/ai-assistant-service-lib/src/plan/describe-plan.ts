import type { Plan, PlanPeriod } from './plan-schema.js';

/** A plan in the terms of the semantic layer: which metric, split by what, filtered how, over which period. */
export interface PlanSummary {
  tool: Plan['tool'];
  metric: string | null;
  dimensions: string[];
  filters: Array<{ dimension: string; value: string }>;
  period: PlanPeriod | null;
  compare: 'previous_period' | 'previous_year' | 'none' | null;
}

export function describePlan(plan: Plan): PlanSummary {
  const none = { dimensions: [], filters: [], compare: null };
  switch (plan.tool) {
    case 'get_metric':
      return { tool: plan.tool, metric: plan.args.metric, dimensions: [], filters: plan.args.filter ? [plan.args.filter] : [], period: plan.args.period, compare: plan.args.compare };
    case 'get_trend':
      return { tool: plan.tool, metric: plan.args.metric, dimensions: [`time:${plan.args.granularity ?? 'auto'}`], filters: [], period: plan.args.period, compare: plan.args.compare };
    case 'rank_products':
      return {
        tool: plan.tool,
        metric: plan.args.sortBy === 'quantity' ? 'unitsSold' : 'productRevenue',
        dimensions: ['product'],
        filters: plan.args.category ? [{ dimension: 'category', value: plan.args.category }] : [],
        period: plan.args.period,
        compare: null,
      };
    case 'breakdown':
      return { tool: plan.tool, metric: plan.args.metric, dimensions: [plan.args.dimension], filters: [], period: plan.args.period, compare: null };
    case 'explain_change':
      return { tool: plan.tool, metric: plan.args.metric, dimensions: ['category', 'city', 'payment_method'], filters: [], period: plan.args.period, compare: plan.args.compare };
    case 'customer_segments':
      return { tool: plan.tool, metric: 'customers', ...none, dimensions: ['rfm_segment'], period: null };
    case 'lifetime_value':
      return { tool: plan.tool, metric: 'lifetimeValue', ...none, period: null };
    case 'cannot_answer':
      return { tool: plan.tool, metric: null, ...none, period: null };
  }
}
