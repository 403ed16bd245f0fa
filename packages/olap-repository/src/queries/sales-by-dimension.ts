import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { CANCELED_STATUS_SQL, FINAL_SETTINGS, NOT_EXCLUDED_SQL, rangeParams, salesInRangeSql } from './sql-fragments.js';

export const SALES_DIMENSIONS = ['payment_method', 'city', 'status'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

// Column names come from this fixed map, never from input.
const COLUMN: Record<SalesDimension, string> = {
  payment_method: 'payment_method',
  city: 'customer_city',
  status: 'status',
};

export const salesByDimensionRowSchema = z.object({
  key: z.string(),
  orders: z.coerce.number(),
  gross_sales_minor: z.coerce.number(),
  net_sales_minor: z.coerce.number(),
  canceled_orders: z.coerce.number(),
});
export type SalesByDimensionRow = z.infer<typeof salesByDimensionRowSchema>;

export interface SalesBreakdownItem {
  /** The payment method slug, the customer's city or the status slug; '' when unknown. */
  key: string;
  orders: number;
  grossSalesMinor: number;
  netSalesMinor: number;
  canceledOrders: number;
  /** Share of the period's net sales, 0..1. */
  shareOfNetSales: number;
}

export interface SalesByDimensionParams {
  merchantId: number;
  period: Period;
  dimension: SalesDimension;
  limit?: number;
}

/** Orders and sales split by payment method, customer city or latest status, largest first. */
export async function getSalesByDimension(
  client: ClickHouseClient,
  params: SalesByDimensionParams,
): Promise<SalesBreakdownItem[]> {
  const column = COLUMN[params.dimension];
  if (!column) throw new Error(`Unknown dimension ${String(params.dimension)}`);
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 50), 1), 500);
  const result = await client.query({
    query: `
      SELECT ${column} AS key,
             count() AS orders,
             sum(total_minor) AS gross_sales_minor,
             sumIf(total_minor, ${NOT_EXCLUDED_SQL}) AS net_sales_minor,
             countIf(${CANCELED_STATUS_SQL}) AS canceled_orders
      FROM sales_hourly FINAL
      WHERE ${salesInRangeSql('curFrom', 'curTo')}
      GROUP BY key
      ORDER BY gross_sales_minor DESC, key
      LIMIT {limit:UInt32}`,
    query_params: { merchantId: params.merchantId, limit, ...rangeParams('cur', params.period) },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const rows = z.array(salesByDimensionRowSchema).parse(await result.json());
  const totalNet = rows.reduce((sum, row) => sum + row.net_sales_minor, 0);
  return rows.map((row) => ({
    key: row.key,
    orders: row.orders,
    grossSalesMinor: row.gross_sales_minor,
    netSalesMinor: row.net_sales_minor,
    canceledOrders: row.canceled_orders,
    shareOfNetSales: totalNet > 0 ? row.net_sales_minor / totalNet : 0,
  }));
}
