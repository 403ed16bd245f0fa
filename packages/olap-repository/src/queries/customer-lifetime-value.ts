import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { PURCHASES_SQL } from './customer-fragments.js';
import { FINAL_SETTINGS } from './sql-fragments.js';

export const ltvRowSchema = z.object({
  cohort_label: z.string(),
  customers: z.coerce.number(),
  repeat_customers: z.coerce.number(),
  orders: z.coerce.number(),
  net_sales_minor: z.coerce.number(),
  median_ltv_minor: z.coerce.number(),
});

export interface LifetimeValueRow {
  /** First local day of the acquisition month; 'all' for the total row. */
  cohort: string;
  customers: number;
  /** Share of customers with two purchases or more. */
  repeatRate: number;
  avgOrders: number;
  avgLtvMinor: number;
  medianLtvMinor: number;
}

export interface LifetimeValue {
  total: LifetimeValueRow;
  byCohort: LifetimeValueRow[];
}

export interface LifetimeValueParams {
  merchantId: number;
  asOf: Date;
  timeZone: string;
}

/** Historic lifetime value: net purchases per customer to date, overall and by acquisition month. */
export async function getCustomerLifetimeValue(client: ClickHouseClient, params: LifetimeValueParams): Promise<LifetimeValue> {
  const result = await client.query({
    query: `
      WITH purchases AS (${PURCHASES_SQL}),
      per_customer AS (
        SELECT customer_id, toStartOfMonth(toDate(min(created_at), {timeZone:String})) AS cohort,
               count() AS order_count, sum(total_minor) AS ltv
        FROM purchases WHERE created_at < {asOf:DateTime64(3, 'UTC')}
        GROUP BY customer_id
      )
      SELECT if(grouping(cohort) = 1, 'all', toString(cohort)) AS cohort_label,
             count() AS customers, countIf(order_count >= 2) AS repeat_customers, sum(order_count) AS orders,
             sum(ltv) AS net_sales_minor, round(quantileExact(0.5)(ltv)) AS median_ltv_minor
      FROM per_customer
      GROUP BY ROLLUP(cohort)
      ORDER BY cohort_label`,
    query_params: { merchantId: params.merchantId, asOf: toClickHouseDateTime(params.asOf), timeZone: params.timeZone },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const rows = z
    .array(ltvRowSchema)
    .parse(await result.json())
    .map(
      (row): LifetimeValueRow => ({
        cohort: row.cohort_label,
        customers: row.customers,
        repeatRate: row.customers > 0 ? row.repeat_customers / row.customers : 0,
        avgOrders: row.customers > 0 ? row.orders / row.customers : 0,
        avgLtvMinor: row.customers > 0 ? Math.round(row.net_sales_minor / row.customers) : 0,
        medianLtvMinor: row.median_ltv_minor,
      }),
    );
  const empty: LifetimeValueRow = { cohort: 'all', customers: 0, repeatRate: 0, avgOrders: 0, avgLtvMinor: 0, medianLtvMinor: 0 };
  return { total: rows.find((r) => r.cohort === 'all') ?? empty, byCohort: rows.filter((r) => r.cohort !== 'all') };
}
