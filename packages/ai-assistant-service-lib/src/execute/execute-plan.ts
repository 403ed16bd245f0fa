import { AppError, defaultGranularity, type Period } from '@salla-analytics/core-library';
import type { IAnalyticsRepository, SalesBreakdownItem } from '@salla-analytics/olap-repository';
import { type Plan, type PlanOf, planSchema } from '../plan/plan-schema.js';
import { getMetricDefinition, type OverviewMetricId } from '../semantic/metric-catalog.js';
import { resolvePlanPeriods } from './resolve-periods.js';
import type { AssistantSession } from './session.js';
import type { BreakdownPart, Driver, ToolResult, ToolResultOf } from './tool-result.js';

const ALL = 500;

/**
 * Runs a validated plan against the repository for the session's merchant — the only merchant
 * id that reaches a query comes from `session`, never from the plan (plans have no such field;
 * the schema is strict and re-checked here).
 */
export async function executePlan(repo: IAnalyticsRepository, session: AssistantSession, plan: Plan): Promise<ToolResult> {
  const checked = planSchema.parse(plan);
  if (!Number.isSafeInteger(session.merchantId) || session.merchantId <= 0) {
    throw new AppError('FORBIDDEN', 'The assistant needs a signed-in store');
  }
  const currency = session.currency;
  switch (checked.tool) {
    case 'get_metric':
      return getMetric(repo, session, checked);
    case 'get_trend': {
      const { period, comparison } = resolvePlanPeriods(checked.args.period, checked.args.compare, session);
      const granularity = checked.args.granularity ?? defaultGranularity(period);
      const trend = (p: Period) => repo.getSalesTrend({ merchantId: session.merchantId, period: p, granularity, weekStart: session.weekStart });
      const [current, previous] = await Promise.all([trend(period), comparison ? trend(comparison) : null]);
      return { tool: 'get_trend', plan: checked, period, comparison, granularity, current, previous, currency };
    }
    case 'rank_products': {
      const { period } = resolvePlanPeriods(checked.args.period, 'none', session);
      const { sortBy, direction, limit, category } = checked.args;
      const products =
        direction === 'desc' && category === undefined
          ? await repo.getTopProducts({ merchantId: session.merchantId, period, limit, sortBy })
          : await repo.getProductRanking({ merchantId: session.merchantId, period, limit, sortBy, direction, ...(category ? { category } : {}) });
      return { tool: 'rank_products', plan: checked, period, comparison: null, products, currency };
    }
    case 'breakdown':
      return breakdown(repo, session, checked);
    case 'explain_change':
      return explainChange(repo, session, checked);
    case 'customer_segments': {
      const segments = await repo.getRfmSegments({ merchantId: session.merchantId, asOf: session.now });
      return { tool: 'customer_segments', plan: checked, period: null, comparison: null, asOf: session.now, segments, currency };
    }
    case 'lifetime_value': {
      const ltv = await repo.getCustomerLifetimeValue({ merchantId: session.merchantId, asOf: session.now, timeZone: session.timeZone });
      return { tool: 'lifetime_value', plan: checked, period: null, comparison: null, asOf: session.now, ltv, currency };
    }
    case 'cannot_answer':
      return { tool: 'cannot_answer', plan: checked, period: null, comparison: null, currency };
  }
}

const OVERVIEW_FIELD: Record<'orders' | 'grossSales' | 'netSales' | 'canceledOrders', keyof SalesBreakdownItem> = {
  orders: 'orders',
  grossSales: 'grossSalesMinor',
  netSales: 'netSalesMinor',
  canceledOrders: 'canceledOrders',
};

async function getMetric(repo: IAnalyticsRepository, session: AssistantSession, plan: PlanOf<'get_metric'>): Promise<ToolResultOf<'get_metric'>> {
  const { metric, filter } = plan.args;
  const { period, comparison } = resolvePlanPeriods(plan.args.period, plan.args.compare, session);
  const merchantId = session.merchantId;
  const base = { tool: 'get_metric' as const, plan, period, comparison, overview: null, carts: null, customers: null, currency: session.currency };
  const definition = getMetricDefinition(metric);
  if (filter) {
    const field = OVERVIEW_FIELD[metric as keyof typeof OVERVIEW_FIELD];
    if (!field) throw new AppError('INVALID_ARGUMENT', `${metric} cannot be filtered by ${filter.dimension}`);
    const pick = async (p: Period) => {
      const rows = await repo.getSalesByDimension({ merchantId, period: p, dimension: filter.dimension, limit: ALL });
      const row = rows.find((r) => r.key === filter.value);
      return row ? Number(row[field]) : 0;
    };
    const [value, previous] = await Promise.all([pick(period), comparison ? pick(comparison) : null]);
    return { ...base, value, previous };
  }
  if (definition.source === 'getRevenueOverview') {
    const overview = await repo.getRevenueOverview({ merchantId, period, comparison });
    const m = overview.metrics[metric as OverviewMetricId];
    return { ...base, overview, value: m.value, previous: m.previous, currency: overview.currency ?? session.currency };
  }
  if (definition.source === 'getAbandonedCartSummary') {
    const [current, previous] = await Promise.all([
      repo.getAbandonedCartSummary({ merchantId, period }),
      comparison ? repo.getAbandonedCartSummary({ merchantId, period: comparison }) : null,
    ]);
    const field = {
      abandonedCarts: 'carts',
      abandonedCartValue: 'valueMinor',
      recoveredCarts: 'recoveredCarts',
      cartRecoveryRate: 'recoveryRate',
      valueAtRisk: 'valueAtRiskMinor',
    } as const;
    const key = field[metric as keyof typeof field];
    return { ...base, carts: { current, previous }, value: current[key], previous: previous ? previous[key] : null, currency: current.currency ?? session.currency };
  }
  const [current, previous] = await Promise.all([
    repo.getNewVsReturning({ merchantId, period }),
    comparison ? repo.getNewVsReturning({ merchantId, period: comparison }) : null,
  ]);
  const group = metric === 'newCustomers' ? 'new' : 'returning';
  return { ...base, customers: { current, previous }, value: current[group].customers, previous: previous ? previous[group].customers : null };
}

async function breakdown(repo: IAnalyticsRepository, session: AssistantSession, plan: PlanOf<'breakdown'>): Promise<ToolResultOf<'breakdown'>> {
  const { dimension, metric, limit } = plan.args;
  const { period } = resolvePlanPeriods(plan.args.period, 'none', session);
  const merchantId = session.merchantId;
  const base = { tool: 'breakdown' as const, plan, period, comparison: null, currency: session.currency };
  const rank = (parts: BreakdownPart[]) =>
    [...parts]
      .sort((a, b) => (metric === 'orders' ? b.orders - a.orders : b.netSalesMinor - a.netSalesMinor) || a.key.localeCompare(b.key))
      .slice(0, limit);
  if (dimension === 'category') {
    const raw = await repo.getCategoryPerformance({ merchantId, period, limit: ALL });
    return { ...base, raw, parts: rank(raw.map((r) => ({ key: r.category, netSalesMinor: r.revenueMinor, orders: r.orders, customers: null }))) };
  }
  if (dimension === 'customer_type') {
    const raw = await repo.getNewVsReturning({ merchantId, period });
    const parts = (['new', 'returning'] as const).map((key) => ({ key, netSalesMinor: raw[key].netSalesMinor, orders: raw[key].orders, customers: raw[key].customers }));
    return { ...base, raw, parts };
  }
  const raw = await repo.getSalesByDimension({ merchantId, period, dimension, limit: ALL });
  return { ...base, raw, parts: rank(raw.map((r) => ({ key: r.key, netSalesMinor: r.netSalesMinor, orders: r.orders, customers: null }))) };
}

async function explainChange(repo: IAnalyticsRepository, session: AssistantSession, plan: PlanOf<'explain_change'>): Promise<ToolResultOf<'explain_change'>> {
  const { period, comparison } = resolvePlanPeriods(plan.args.period, plan.args.compare, session);
  if (!comparison) throw new AppError('INTERNAL', 'explain_change always has a comparison');
  const merchantId = session.merchantId;
  const useOrders = plan.args.metric === 'orders';
  const salesField = plan.args.metric === 'grossSales' ? 'grossSalesMinor' : 'netSalesMinor';
  const byDimension = async (dimension: 'city' | 'payment_method'): Promise<Driver[]> => {
    const [cur, prev] = await Promise.all([
      repo.getSalesByDimension({ merchantId, period, dimension, limit: ALL }),
      repo.getSalesByDimension({ merchantId, period: comparison, dimension, limit: ALL }),
    ]);
    const value = (r: SalesBreakdownItem | undefined) => (r ? (useOrders ? r.orders : r[salesField]) : 0);
    return drivers(dimension, cur.map((r) => r.key), prev.map((r) => r.key), (k) => value(cur.find((r) => r.key === k)), (k) => value(prev.find((r) => r.key === k)));
  };
  const [overview, cities, payments, categories] = await Promise.all([
    repo.getRevenueOverview({ merchantId, period, comparison }),
    byDimension('city'),
    byDimension('payment_method'),
    (async () => {
      const [cur, prev] = await Promise.all([
        repo.getCategoryPerformance({ merchantId, period, limit: ALL }),
        repo.getCategoryPerformance({ merchantId, period: comparison, limit: ALL }),
      ]);
      const value = (rows: typeof cur, k: string) => {
        const r = rows.find((x) => x.category === k);
        return r ? (useOrders ? r.orders : r.revenueMinor) : 0;
      };
      return drivers('category', cur.map((r) => r.category), prev.map((r) => r.category), (k) => value(cur, k), (k) => value(prev, k));
    })(),
  ]);
  const m = overview.metrics[plan.args.metric];
  const falling = m.previous !== null && m.value < m.previous;
  // The parts that moved the same way as the total, largest first: up to three per dimension.
  const moved = [...categories, ...cities, ...payments]
    .filter((d) => (falling ? d.delta < 0 : d.delta > 0))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key));
  const picked: Driver[] = [];
  for (const dimension of ['category', 'city', 'payment_method'] as const) {
    picked.push(...moved.filter((d) => d.dimension === dimension).slice(0, 3));
  }
  picked.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key));
  return { tool: 'explain_change', plan, period, comparison, overview, drivers: picked, currency: overview.currency ?? session.currency };
}

function drivers(
  dimension: Driver['dimension'],
  currentKeys: string[],
  previousKeys: string[],
  current: (key: string) => number,
  previous: (key: string) => number,
): Driver[] {
  return [...new Set([...currentKeys, ...previousKeys])].map((key) => {
    const c = current(key);
    const p = previous(key);
    return { dimension, key, current: c, previous: p, delta: c - p };
  });
}
