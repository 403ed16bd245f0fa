import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { CANCELED_STATUS_SQL, FINAL_SETTINGS, NOT_EXCLUDED_SQL, rangeParams, REFUNDED_STATUS_SQL, salesInRangeSql } from './sql-fragments.js';

export const overviewTotalsRowSchema = z.object({
  tag: z.enum(['current', 'previous']),
  orders: z.coerce.number(),
  gross_sales_minor: z.coerce.number(),
  net_sales_minor: z.coerce.number(),
  canceled_orders: z.coerce.number(),
  refunded_orders: z.coerce.number(),
  unique_customers: z.coerce.number(),
  currency: z.string(),
});
export type OverviewTotalsRow = z.infer<typeof overviewTotalsRowSchema>;

export interface OverviewTotals {
  orders: number;
  grossSalesMinor: number;
  netSalesMinor: number;
  canceledOrders: number;
  refundedOrders: number;
  uniqueCustomers: number;
  /** Net sales per order that was neither canceled nor refunded, rounded to the minor unit. */
  aovMinor: number;
  currency: string | null;
}

export interface MetricValue {
  value: number;
  previous: number | null;
  /** (value - previous) / previous; null without a comparison or when previous is 0. */
  change: number | null;
  unit: 'count' | 'minor_units';
}

export interface RevenueOverview {
  merchantId: number;
  currency: string | null;
  period: { fromDate: string; toDate: string; timeZone: string };
  comparison: { fromDate: string; toDate: string } | null;
  metrics: {
    orders: MetricValue;
    grossSales: MetricValue;
    netSales: MetricValue;
    canceledOrders: MetricValue;
    refundedOrders: MetricValue;
    aov: MetricValue;
    uniqueCustomers: MetricValue;
  };
}

export interface RevenueOverviewParams {
  merchantId: number;
  period: Period;
  /** The period to compare with (usually `comparisonPeriod(period, 'previous_period')`). */
  comparison?: Period | null;
}

const EMPTY: Omit<OverviewTotalsRow, 'tag'> = {
  orders: 0,
  gross_sales_minor: 0,
  net_sales_minor: 0,
  canceled_orders: 0,
  refunded_orders: 0,
  unique_customers: 0,
  currency: '',
};

/**
 * Headline numbers for one merchant and period, with the comparison period's values, read in one
 * scan of `sales_hourly` (latest version of each order, deleted orders excluded by FINAL).
 */
export async function getRevenueOverview(
  client: ClickHouseClient,
  params: RevenueOverviewParams,
): Promise<RevenueOverview> {
  const { merchantId, period } = params;
  const comparison = params.comparison ?? null;
  const inCurrent = `(created_at >= {curFrom:DateTime64(3, 'UTC')} AND created_at < {curTo:DateTime64(3, 'UTC')})`;
  const rangeFilter = comparison
    ? `((${salesInRangeSql('curFrom', 'curTo')}) OR (${salesInRangeSql('prevFrom', 'prevTo')}))`
    : `(${salesInRangeSql('curFrom', 'curTo')})`;
  const result = await client.query({
    query: `
      SELECT
        if(${inCurrent}, 'current', 'previous') AS tag,
        count() AS orders,
        sum(total_minor) AS gross_sales_minor,
        sumIf(total_minor, ${NOT_EXCLUDED_SQL}) AS net_sales_minor,
        countIf(${CANCELED_STATUS_SQL}) AS canceled_orders,
        countIf(${REFUNDED_STATUS_SQL}) AS refunded_orders,
        uniqExactIf(customer_id, customer_id != 0) AS unique_customers,
        topK(1)(currency)[1] AS currency
      FROM sales_hourly FINAL
      WHERE ${rangeFilter}
      GROUP BY tag`,
    query_params: {
      merchantId,
      ...rangeParams('cur', period),
      ...(comparison ? rangeParams('prev', comparison) : {}),
    },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const rows = z.array(overviewTotalsRowSchema).parse(await result.json());
  const current = toTotals(rows.find((row) => row.tag === 'current') ?? { ...EMPTY });
  const previous = comparison ? toTotals(rows.find((row) => row.tag === 'previous') ?? { ...EMPTY }) : null;
  const metric = (key: keyof Omit<OverviewTotals, 'currency'>, unit: MetricValue['unit']): MetricValue => {
    const value = current[key];
    const before = previous ? previous[key] : null;
    return { value, previous: before, change: before ? (value - before) / before : null, unit };
  };
  return {
    merchantId,
    currency: current.currency ?? previous?.currency ?? null,
    period: { fromDate: period.fromDate, toDate: period.toDate, timeZone: period.timeZone },
    comparison: comparison ? { fromDate: comparison.fromDate, toDate: comparison.toDate } : null,
    metrics: {
      orders: metric('orders', 'count'),
      grossSales: metric('grossSalesMinor', 'minor_units'),
      netSales: metric('netSalesMinor', 'minor_units'),
      canceledOrders: metric('canceledOrders', 'count'),
      refundedOrders: metric('refundedOrders', 'count'),
      aov: metric('aovMinor', 'minor_units'),
      uniqueCustomers: metric('uniqueCustomers', 'count'),
    },
  };
}

function toTotals(row: Omit<OverviewTotalsRow, 'tag'>): OverviewTotals {
  const kept = row.orders - row.canceled_orders - row.refunded_orders;
  return {
    orders: row.orders,
    grossSalesMinor: row.gross_sales_minor,
    netSalesMinor: row.net_sales_minor,
    canceledOrders: row.canceled_orders,
    refundedOrders: row.refunded_orders,
    uniqueCustomers: row.unique_customers,
    aovMinor: kept > 0 ? roundHalfAwayFromZero(row.net_sales_minor / kept) : 0,
    currency: row.currency === '' ? null : row.currency,
  };
}

function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
