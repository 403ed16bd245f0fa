import { comparisonPeriod, defaultGranularity, type Period, resolvePeriod } from '@salla-analytics/core-library';
import type { IAnalyticsRepository } from '@salla-analytics/olap-repository';
import type { AssistantSession, Plan } from '../../src/index.js';

/**
 * The test's oracle: for a plan, the numbers a direct IAnalyticsRepository call gives, keyed like
 * the answer's numbers. Written independently of the executor (own period resolution, own field
 * mapping), so a wrong mapping in the assistant shows up as a difference.
 */
export async function directNumbers(repo: IAnalyticsRepository, s: AssistantSession, plan: Plan): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const merchantId = s.merchantId;
  const periodOf = (p: { preset: string; from?: string; to?: string }): Period =>
    resolvePeriod({ preset: p.preset as 'custom', timeZone: s.timeZone, weekStart: s.weekStart, now: s.now, ...(p.from ? { fromDate: p.from, toDate: p.to } : {}) });
  switch (plan.tool) {
    case 'get_metric': {
      const { metric, filter } = plan.args;
      const period = periodOf(plan.args.period);
      const previous = plan.args.compare === 'none' ? null : comparisonPeriod(period, plan.args.compare);
      if (filter) {
        const field = { orders: 'orders', grossSales: 'grossSalesMinor', netSales: 'netSalesMinor', canceledOrders: 'canceledOrders' }[metric as 'orders'] as 'orders';
        const rows = await repo.getSalesByDimension({ merchantId, period, dimension: filter.dimension, limit: 500 });
        out.set(metric, rows.find((r) => r.key === filter.value)?.[field] ?? 0);
      } else if (['abandonedCarts', 'abandonedCartValue', 'recoveredCarts', 'cartRecoveryRate', 'valueAtRisk'].includes(metric)) {
        const c = await repo.getAbandonedCartSummary({ merchantId, period });
        out.set('abandonedCarts', c.carts).set('abandonedCartValue', c.valueMinor).set('recoveredCarts', c.recoveredCarts).set('cartRecoveryRate', c.recoveryRate).set('valueAtRisk', c.valueAtRiskMinor);
      } else if (metric === 'newCustomers' || metric === 'returningCustomers') {
        const n = await repo.getNewVsReturning({ merchantId, period });
        out.set(metric, metric === 'newCustomers' ? n.new.customers : n.returning.customers);
      } else {
        const o = await repo.getRevenueOverview({ merchantId, period, comparison: previous });
        out.set(metric, o.metrics[metric as 'orders'].value);
        for (const id of ['netSales', 'orders', 'aov'] as const) out.set(id, o.metrics[id].value);
      }
      return out;
    }
    case 'get_trend': {
      const period = periodOf(plan.args.period);
      const trend = await repo.getSalesTrend({ merchantId, period, granularity: plan.args.granularity ?? defaultGranularity(period), weekStart: s.weekStart });
      const field = { netSales: 'netSalesMinor', grossSales: 'grossSalesMinor', orders: 'orders', canceledOrders: 'canceledOrders' }[plan.args.metric] as 'orders';
      out.set(plan.args.metric, trend.reduce((sum, p) => sum + p[field], 0));
      return out;
    }
    case 'rank_products': {
      const period = periodOf(plan.args.period);
      const { sortBy, direction, limit, category } = plan.args;
      const rows =
        direction === 'desc' && !category
          ? await repo.getTopProducts({ merchantId, period, limit, sortBy })
          : await repo.getProductRanking({ merchantId, period, limit, sortBy, direction, ...(category ? { category } : {}) });
      for (const r of rows) out.set(`product:${r.productId}`, sortBy === 'quantity' ? r.quantity : r.revenueMinor);
      return out;
    }
    case 'breakdown': {
      const period = periodOf(plan.args.period);
      const { dimension, metric } = plan.args;
      if (dimension === 'category') {
        for (const r of await repo.getCategoryPerformance({ merchantId, period, limit: 500 })) out.set(`category:${r.category}`, metric === 'orders' ? r.orders : r.revenueMinor);
      } else if (dimension === 'customer_type') {
        const n = await repo.getNewVsReturning({ merchantId, period });
        out.set('customer_type:new', metric === 'orders' ? n.new.orders : n.new.netSalesMinor);
        out.set('customer_type:returning', metric === 'orders' ? n.returning.orders : n.returning.netSalesMinor);
      } else {
        for (const r of await repo.getSalesByDimension({ merchantId, period, dimension, limit: 500 })) out.set(`${dimension}:${r.key}`, metric === 'orders' ? r.orders : r.netSalesMinor);
      }
      return out;
    }
    case 'explain_change': {
      const period = periodOf(plan.args.period);
      const o = await repo.getRevenueOverview({ merchantId, period, comparison: comparisonPeriod(period, plan.args.compare) });
      out.set(plan.args.metric, o.metrics[plan.args.metric].value);
      return out;
    }
    case 'customer_segments':
      for (const r of await repo.getRfmSegments({ merchantId, asOf: s.now })) out.set(`segment:${r.segment}`, r.customers);
      return out;
    case 'lifetime_value': {
      const l = await repo.getCustomerLifetimeValue({ merchantId, asOf: s.now, timeZone: s.timeZone });
      out.set('avgLtv', l.total.avgLtvMinor).set('repeatRate', l.total.repeatRate).set('customers', l.total.customers);
      return out;
    }
    case 'cannot_answer':
      return out;
  }
}
