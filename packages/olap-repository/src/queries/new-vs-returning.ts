import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { PURCHASES_SQL } from './customer-fragments.js';
import { rangeParams } from './sql-fragments.js';

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
  const result = await client.query({
    query: `
      WITH purchases AS (${PURCHASES_SQL}),
      in_period AS (
        SELECT customer_id, total_minor FROM purchases
        WHERE created_at >= {curFrom:DateTime64(3, 'UTC')} AND created_at < {curTo:DateTime64(3, 'UTC')}
      ),
      firsts AS (
        SELECT customer_id, min(created_at) AS first_at FROM purchases
        WHERE customer_id IN (SELECT customer_id FROM in_period)
        GROUP BY customer_id
      )
      SELECT
        uniqExactIf(p.customer_id, f.first_at >= {curFrom:DateTime64(3, 'UTC')}) AS new_customers,
        uniqExactIf(p.customer_id, f.first_at < {curFrom:DateTime64(3, 'UTC')}) AS returning_customers,
        countIf(f.first_at >= {curFrom:DateTime64(3, 'UTC')}) AS new_orders,
        countIf(f.first_at < {curFrom:DateTime64(3, 'UTC')}) AS returning_orders,
        sumIf(p.total_minor, f.first_at >= {curFrom:DateTime64(3, 'UTC')}) AS new_sales_minor,
        sumIf(p.total_minor, f.first_at < {curFrom:DateTime64(3, 'UTC')}) AS returning_sales_minor
      FROM in_period AS p
      INNER JOIN firsts AS f ON f.customer_id = p.customer_id`,
    query_params: { merchantId: params.merchantId, ...rangeParams('cur', params.period) },
    format: 'JSONEachRow',
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
