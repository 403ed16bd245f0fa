import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { FINAL_SETTINGS, NOT_EXCLUDED_SQL, rangeParams, salesInRangeSql } from './sql-fragments.js';

export const topProductRowSchema = z.object({
  product_id: z.coerce.number(),
  name: z.string(),
  sku: z.string(),
  quantity: z.coerce.number(),
  revenue_minor: z.coerce.number(),
  orders: z.coerce.number(),
});
export type TopProductRow = z.infer<typeof topProductRowSchema>;

export interface TopProduct {
  productId: number;
  name: string;
  sku: string;
  quantity: number;
  /** Sum of the line totals (after discounts, before tax). */
  revenueMinor: number;
  orders: number;
}

export interface TopProductsParams {
  merchantId: number;
  period: Period;
  limit?: number;
  sortBy?: 'revenue' | 'quantity';
}

/** Best-selling products over the period, counting only orders that were neither canceled nor refunded. */
export async function getTopProducts(client: ClickHouseClient, params: TopProductsParams): Promise<TopProduct[]> {
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 10), 1), 1000);
  const order = params.sortBy === 'quantity' ? 'quantity DESC, revenue_minor DESC' : 'revenue_minor DESC, quantity DESC';
  const result = await client.query({
    query: `
      SELECT product_id,
             argMax(name, version) AS name,
             argMax(sku, version) AS sku,
             sum(quantity) AS quantity,
             sum(total_minor) AS revenue_minor,
             uniqExact(order_id) AS orders
      FROM order_items FINAL
      WHERE merchant_id = {merchantId:UInt64}
        AND order_created_at >= {curFrom:DateTime64(3, 'UTC')} AND order_created_at < {curTo:DateTime64(3, 'UTC')}
        AND order_id IN (
          SELECT order_id FROM sales_hourly FINAL
          WHERE ${salesInRangeSql('curFrom', 'curTo')} AND ${NOT_EXCLUDED_SQL}
        )
      GROUP BY product_id
      ORDER BY ${order}, product_id
      LIMIT {limit:UInt32}`,
    query_params: { merchantId: params.merchantId, limit, ...rangeParams('cur', params.period) },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  return z
    .array(topProductRowSchema)
    .parse(await result.json())
    .map((row) => ({
      productId: row.product_id,
      name: row.name,
      sku: row.sku,
      quantity: row.quantity,
      revenueMinor: row.revenue_minor,
      orders: row.orders,
    }));
}
