import type { ClickHouseClient } from '@clickhouse/client';
import { addLocalMonths, type Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { PURCHASES_SQL } from './customer-fragments.js';
import { FINAL_SETTINGS } from './sql-fragments.js';

export const cohortCellRowSchema = z.object({
  cohort: z.string(),
  month_offset: z.coerce.number(),
  customers: z.coerce.number(),
});

export interface Cohort {
  /** First local day of the month of the customers' first purchase. */
  cohort: string;
  size: number;
  /** retention[k] = share of the cohort that purchased in month k after it (retention[0] = 1). */
  retention: number[];
  /** active[k] = how many of them purchased in month k. */
  active: number[];
}

export interface CohortRetentionParams {
  merchantId: number;
  /** Cohorts whose first month falls in this period; activity is followed up to the period's end. */
  period: Period;
}

/** Monthly acquisition cohorts (store time zone) and how many come back each following month. */
export async function getCohortRetention(client: ClickHouseClient, params: CohortRetentionParams): Promise<Cohort[]> {
  const { period } = params;
  // One scan of the store's purchases: each customer's distinct active months, the first of them
  // being the cohort (a CTE joined with itself would read the purchases twice).
  const result = await client.query({
    query: `
      SELECT toString(first_month) AS cohort, dateDiff('month', first_month, month) AS month_offset, count() AS customers
      FROM (
        SELECT customer_id, groupUniqArray(toStartOfMonth(toDate(created_at, {timeZone:String}))) AS months, arrayMin(months) AS first_month
        FROM (${PURCHASES_SQL})
        WHERE created_at < {to:DateTime64(3, 'UTC')}
        GROUP BY customer_id
        HAVING first_month >= toStartOfMonth(toDate({fromDate:String})) AND first_month <= toDate({toDate:String})
      )
      ARRAY JOIN months AS month
      GROUP BY first_month, month_offset
      ORDER BY first_month, month_offset`,
    query_params: {
      merchantId: params.merchantId,
      timeZone: period.timeZone,
      to: toClickHouseDateTime(period.to),
      fromDate: period.fromDate,
      toDate: period.toDate,
    },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const cells = z.array(cohortCellRowSchema).parse(await result.json());
  const byCohort = new Map<string, Map<number, number>>();
  for (const cell of cells) {
    const row = byCohort.get(cell.cohort) ?? new Map<number, number>();
    row.set(cell.month_offset, cell.customers);
    byCohort.set(cell.cohort, row);
  }
  const lastMonth = `${period.toDate.slice(0, 7)}-01`;
  return [...byCohort.entries()].map(([cohort, row]) => {
    const size = row.get(0) ?? 0;
    let months = 0;
    while (addLocalMonths(cohort, months) <= lastMonth) months++;
    const active = Array.from({ length: months }, (_, k) => row.get(k) ?? 0);
    return { cohort, size, active, retention: active.map((n) => (size > 0 ? n / size : 0)) };
  });
}
