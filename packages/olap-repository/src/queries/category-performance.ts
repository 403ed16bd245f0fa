import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { FINAL_SETTINGS, NOT_EXCLUDED_SQL, rangeParams, salesInRangeSql } from './sql-fragments.js';

export const categoryRowSchema = z.object({
  category: z.string(),
  products: z.coerce.number(),
  quantity: z.coerce.number(),
  revenue_minor: z.coerce.number(),
  orders: z.coerce.number(),
});
export type CategoryRow = z.infer<typeof categoryRowSchema>;

export interface CategoryPerformance {
  /** The product's first category name; '' for products without one (or not yet synced). */
  category: string;
  products: number;
  quantity: number;
  revenueMinor: number;
  orders: number;
}

export interface CategoryPerformanceParams {
  merchantId: number;
  period: Period;
  limit?: number;
}

/** Line revenue by product category, counting orders that were neither canceled nor refunded. */
export async function getCategoryPerformance(
  client: ClickHouseClient,
  params: CategoryPerformanceParams,
): Promise<CategoryPerformance[]> {
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 50), 1), 500);
  const result = await client.query({
    query: `
      SELECT p.category AS category,
             uniqExact(i.product_id) AS products,
             sum(i.quantity) AS quantity,
             sum(i.total_minor) AS revenue_minor,
             uniqExact(i.order_id) AS orders
      FROM (
        SELECT product_id, order_id, quantity, total_minor
        FROM order_items FINAL
        WHERE merchant_id = {merchantId:UInt64}
          AND order_created_at >= {curFrom:DateTime64(3, 'UTC')} AND order_created_at < {curTo:DateTime64(3, 'UTC')}
          AND order_id IN (
            SELECT order_id FROM sales_hourly FINAL WHERE ${salesInRangeSql('curFrom', 'curTo')} AND ${NOT_EXCLUDED_SQL}
          )
      ) AS i
      LEFT JOIN (
        SELECT product_id, category FROM products FINAL WHERE merchant_id = {merchantId:UInt64}
      ) AS p ON p.product_id = i.product_id
      GROUP BY category
      ORDER BY revenue_minor DESC, category
      LIMIT {limit:UInt32}`,
    query_params: { merchantId: params.merchantId, limit, ...rangeParams('cur', params.period) },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  return z
    .array(categoryRowSchema)
    .parse(await result.json())
    .map((row) => ({
      category: row.category,
      products: row.products,
      quantity: row.quantity,
      revenueMinor: row.revenue_minor,
      orders: row.orders,
    }));
}
