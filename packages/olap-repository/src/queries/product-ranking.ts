import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { FINAL_SETTINGS, NOT_EXCLUDED_SQL, rangeParams, salesInRangeSql } from './sql-fragments.js';

export const productRankingRowSchema = z.object({
  product_id: z.coerce.number(),
  name: z.string(),
  sku: z.string(),
  category: z.string(),
  quantity: z.coerce.number(),
  revenue_minor: z.coerce.number(),
  orders: z.coerce.number(),
});
export type ProductRankingRow = z.infer<typeof productRankingRowSchema>;

export interface RankedProduct {
  productId: number;
  name: string;
  sku: string;
  category: string;
  quantity: number;
  /** Sum of the line totals (after discounts, before tax); 0 for a product that did not sell. */
  revenueMinor: number;
  orders: number;
}

export interface ProductRankingParams {
  merchantId: number;
  period: Period;
  sortBy?: 'revenue' | 'quantity';
  /** 'asc': slowest sellers first (products that did not sell at all come first); default 'desc'. */
  direction?: 'asc' | 'desc';
  /** Only products whose category is exactly this name. */
  category?: string;
  limit?: number;
}

/**
 * The store's catalogue (products known from product events, deleted ones excluded) ranked by
 * their sales in the period — so slow sellers, including products that sold nothing, can be
 * listed — optionally within one category. Sales count only orders that were neither canceled
 * nor refunded, like `getTopProducts`.
 */
export async function getProductRanking(client: ClickHouseClient, params: ProductRankingParams): Promise<RankedProduct[]> {
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 10), 1), 1000);
  const dir = params.direction === 'asc' ? 'ASC' : 'DESC';
  const order =
    params.sortBy === 'quantity' ? `quantity ${dir}, revenue_minor ${dir}` : `revenue_minor ${dir}, quantity ${dir}`;
  const categoryFilter = params.category === undefined ? '' : 'AND category = {category:String}';
  const result = await client.query({
    query: `
      SELECT p.product_id AS product_id, p.name AS name, p.sku AS sku, p.category AS category,
             s.quantity AS quantity, s.revenue_minor AS revenue_minor, s.orders AS orders
      FROM (
        SELECT product_id, name, sku, category FROM products FINAL
        WHERE merchant_id = {merchantId:UInt64} ${categoryFilter}
      ) AS p
      LEFT JOIN (
        SELECT product_id, sum(quantity) AS quantity, sum(total_minor) AS revenue_minor, uniqExact(order_id) AS orders
        FROM order_items FINAL
        WHERE merchant_id = {merchantId:UInt64}
          AND order_created_at >= {curFrom:DateTime64(3, 'UTC')} AND order_created_at < {curTo:DateTime64(3, 'UTC')}
          AND order_id IN (
            SELECT order_id FROM sales_hourly FINAL WHERE ${salesInRangeSql('curFrom', 'curTo')} AND ${NOT_EXCLUDED_SQL}
          )
        GROUP BY product_id
      ) AS s ON s.product_id = p.product_id
      ORDER BY ${order}, product_id
      LIMIT {limit:UInt32}
      SETTINGS join_use_nulls = 0`,
    query_params: {
      merchantId: params.merchantId,
      limit,
      ...(params.category === undefined ? {} : { category: params.category }),
      ...rangeParams('cur', params.period),
    },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  return z
    .array(productRankingRowSchema)
    .parse(await result.json())
    .map((row) => ({
      productId: row.product_id,
      name: row.name,
      sku: row.sku,
      category: row.category,
      quantity: row.quantity,
      revenueMinor: row.revenue_minor,
      orders: row.orders,
    }));
}
