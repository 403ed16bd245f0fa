import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { PURCHASES_SQL } from './customer-fragments.js';
import { FINAL_SETTINGS, rangeParams } from './sql-fragments.js';

export const newVsReturningRowSchema = z.object({
  new_customers: z.coerce.number(),
  returning_customers: z.coerce.number(),
  new_orders: z.coerce.number(),
  returning_orders: z.coerce.number(),
  new_sales_minor: z.coerce.number(),
  returning_sales_minor: z.coerce.number(),
});

export interface CustomerGroupStats {
  customers: number;
  orders: number;
  netSalesMinor: number;
}

export interface NewVsReturning {
  /** Customers whose first purchase ever falls in the period. */
  new: CustomerGroupStats;
  /** Customers who had purchased before the period and bought again in it. */
  returning: CustomerGroupStats;
}

export interface NewVsReturningParams {
  merchantId: number;
  period: Period;
}

export async function getNewVsReturning(client: ClickHouseClient, params: NewVsReturningParams): Promise<NewVsReturning> {
  // One scan of the store's purchases: per customer, the first purchase ever and the purchases in
  // the period (a CTE referenced twice would be read twice — the table read is most of the cost).
  const inPeriod = `created_at >= {curFrom:DateTime64(3, 'UTC')} AND created_at < {curTo:DateTime64(3, 'UTC')}`;
  const result = await client.query({
    query: `
      SELECT
        countIf(first_at >= {curFrom:DateTime64(3, 'UTC')}) AS new_customers,
        countIf(first_at < {curFrom:DateTime64(3, 'UTC')}) AS returning_customers,
        sumIf(orders, first_at >= {curFrom:DateTime64(3, 'UTC')}) AS new_orders,
        sumIf(orders, first_at < {curFrom:DateTime64(3, 'UTC')}) AS returning_orders,
        sumIf(sales, first_at >= {curFrom:DateTime64(3, 'UTC')}) AS new_sales_minor,
        sumIf(sales, first_at < {curFrom:DateTime64(3, 'UTC')}) AS returning_sales_minor
      FROM (
        SELECT customer_id, min(created_at) AS first_at, countIf(${inPeriod}) AS orders, sumIf(total_minor, ${inPeriod}) AS sales
        FROM (${PURCHASES_SQL})
        WHERE created_at < {curTo:DateTime64(3, 'UTC')}
        GROUP BY customer_id
        HAVING orders > 0
      )`,
    query_params: { merchantId: params.merchantId, ...rangeParams('cur', params.period) },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const [row] = z.array(newVsReturningRowSchema).parse(await result.json());
  return {
    new: { customers: row?.new_customers ?? 0, orders: row?.new_orders ?? 0, netSalesMinor: row?.new_sales_minor ?? 0 },
    returning: {
      customers: row?.returning_customers ?? 0,
      orders: row?.returning_orders ?? 0,
      netSalesMinor: row?.returning_sales_minor ?? 0,
    },
  };
}
