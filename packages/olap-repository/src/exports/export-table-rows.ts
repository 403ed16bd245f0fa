import { AppError, EXPORT_MAX_ROWS, type ExportSpec, type Period, type TableRow } from '@salla-analytics/core-library';
import { RFM_SEGMENTS, type RfmSegment } from '../queries/rfm-segments.js';
import { segmentFiltersSchema } from '../queries/segment-members.js';
import type { IAnalyticsRepository } from '../repository/analytics-repository.js';

/** Most rows a ranked list query returns at once (top products, categories, breakdowns). */
const LIST_LIMIT = 1_000;

export interface ExportRowsOptions {
  /** Rows per repository call for paged tables (RFM members). */
  pageSize?: number;
  /** Start after this many rows (a resumed job). */
  offset?: number;
}

/**
 * The rows of an exported table view, page by page, exactly as the view's repository call returns
 * them (same query, same filters, same period — the period's end is the RFM "as of" instant, like
 * the Customers page). Values stay raw: money in minor units, shares 0..1, dates as instants.
 */
export async function* exportTableRows(
  repository: IAnalyticsRepository,
  merchantId: number,
  spec: ExportSpec,
  options: ExportRowsOptions = {},
): AsyncGenerator<TableRow[]> {
  const period = periodOf(spec);
  switch (spec.table) {
    case 'products': {
      const rows = await repository.getTopProducts({ merchantId, period, limit: LIST_LIMIT, sortBy: spec.filters.sortBy ?? 'revenue' });
      yield rows.map((p, index) => ({ rank: index + 1, product_id: p.productId, name: p.name, sku: p.sku, quantity: p.quantity, orders: p.orders, revenue: p.revenueMinor }));
      return;
    }
    case 'categories': {
      const rows = await repository.getCategoryPerformance({ merchantId, period, limit: LIST_LIMIT });
      yield rows.map((c) => ({ category: c.category, products: c.products, quantity: c.quantity, orders: c.orders, revenue: c.revenueMinor }));
      return;
    }
    case 'sales_breakdown': {
      const rows = await repository.getSalesByDimension({ merchantId, period, dimension: spec.filters.dimension ?? 'payment_method', limit: LIST_LIMIT });
      yield rows.map((b) => ({ key: b.key, orders: b.orders, gross_sales: b.grossSalesMinor, net_sales: b.netSalesMinor, canceled_orders: b.canceledOrders, share: b.shareOfNetSales }));
      return;
    }
    case 'rfm_segments': {
      const rows = await repository.getRfmSegments({ merchantId, asOf: period.to });
      yield rows.map((s) => ({
        segment: s.segment,
        customers: s.customers,
        share: s.share,
        avg_recency_days: s.avgRecencyDays,
        avg_frequency: s.avgFrequency,
        avg_monetary: s.avgMonetaryMinor,
        total_monetary: s.totalMonetaryMinor,
      }));
      return;
    }
    case 'rfm_members': {
      const segment = segmentOf(spec);
      const pageSize = Math.min(Math.max(options.pageSize ?? 5_000, 1), 10_000);
      let offset = options.offset ?? 0;
      while (offset < EXPORT_MAX_ROWS) {
        const rows = await repository.getRfmCustomers({ merchantId, asOf: period.to, limit: pageSize, offset, ...(segment ? { segment } : {}) });
        if (rows.length === 0) return;
        yield rows.map((c) => ({
          customer_id: c.customerId,
          segment: c.segment,
          recency_days: c.recencyDays,
          frequency: c.frequency,
          monetary: c.monetaryMinor,
          r: c.scores.r,
          f: c.scores.f,
          m: c.scores.m,
        }));
        if (rows.length < pageSize) return;
        offset += rows.length;
      }
      return;
    }
    case 'segment_members': {
      const filters = segmentFiltersSchema.parse(spec.filters.segmentFilters ?? {});
      const asOf = spec.filters.asOf ? new Date(spec.filters.asOf) : period.to;
      const pageSize = Math.min(Math.max(options.pageSize ?? 5_000, 1), 10_000);
      let offset = options.offset ?? 0;
      while (offset < EXPORT_MAX_ROWS) {
        const { members } = await repository.getSegmentMembers({ merchantId, filters, asOf, limit: pageSize, offset });
        if (members.length === 0) return;
        yield members.map((m) => ({
          customer_id: m.customerId,
          name: m.name,
          email: m.email,
          city: m.city,
          orders: m.orders,
          spend: m.spendMinor,
          last_order_at: m.lastOrderAt,
          rfm_segment: m.rfmSegment,
        }));
        if (members.length < pageSize) return;
        offset += members.length;
      }
      return;
    }
    case 'carts': {
      const summary = await repository.getAbandonedCartSummary({ merchantId, period });
      yield [
        {
          from: period.from,
          to: new Date(period.to.getTime() - 1),
          carts: summary.carts,
          value: summary.valueMinor,
          recovered_carts: summary.recoveredCarts,
          recovered_value: summary.recoveredValueMinor,
          value_at_risk: summary.valueAtRiskMinor,
          recovery_rate: summary.recoveryRate,
        },
      ];
      return;
    }
  }
}

/**
 * How many rows the export will hold, without reading them (RFM members: the segment's size from
 * the summary). Decides between exporting at once and a background job.
 */
export async function countExportRows(repository: IAnalyticsRepository, merchantId: number, spec: ExportSpec): Promise<number> {
  if (spec.table === 'rfm_members') {
    const segment = segmentOf(spec);
    const summaries = await repository.getRfmSegments({ merchantId, asOf: periodOf(spec).to });
    const count = summaries.filter((s) => !segment || s.segment === segment).reduce((sum, s) => sum + s.customers, 0);
    return Math.min(count, EXPORT_MAX_ROWS);
  }
  if (spec.table === 'segment_members') {
    const filters = segmentFiltersSchema.parse(spec.filters.segmentFilters ?? {});
    const asOf = spec.filters.asOf ? new Date(spec.filters.asOf) : periodOf(spec).to;
    const { total } = await repository.getSegmentMembers({ merchantId, filters, asOf, limit: 0 });
    return Math.min(total, EXPORT_MAX_ROWS);
  }
  if (spec.table === 'carts') return 1;
  if (spec.table === 'rfm_segments') return RFM_SEGMENTS.length;
  // Ranked lists are bounded by LIST_LIMIT: cheap to read in full.
  let count = 0;
  for await (const page of exportTableRows(repository, merchantId, spec)) count += page.length;
  return count;
}

function periodOf(spec: ExportSpec): Period {
  return { ...spec.period, preset: spec.period.preset as Period['preset'] };
}

function segmentOf(spec: ExportSpec): RfmSegment | undefined {
  const segment = spec.filters.segment;
  if (segment === undefined) return undefined;
  if (!(RFM_SEGMENTS as readonly string[]).includes(segment)) throw new AppError('VALIDATION_FAILED', `Unknown RFM segment "${segment}"`);
  return segment as RfmSegment;
}
