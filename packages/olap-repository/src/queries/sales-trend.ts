import type { ClickHouseClient } from '@clickhouse/client';
import { enumerateBuckets, type Granularity, type Period, type WeekStart } from '@salla-analytics/core-library';
import { z } from 'zod';
import { CANCELED_STATUS_SQL, FINAL_SETTINGS, NOT_EXCLUDED_SQL, rangeParams, salesInRangeSql, WEEK_START_DAY } from './sql-fragments.js';

export const salesTrendRowSchema = z.object({
  bucket: z.string(),
  orders: z.coerce.number(),
  gross_sales_minor: z.coerce.number(),
  net_sales_minor: z.coerce.number(),
  canceled_orders: z.coerce.number(),
});
export type SalesTrendRow = z.infer<typeof salesTrendRowSchema>;

export interface SalesTrendPoint {
  /** First local date of the bucket, `YYYY-MM-DD` in the store's time zone. */
  bucket: string;
  orders: number;
  grossSalesMinor: number;
  netSalesMinor: number;
  canceledOrders: number;
}

export interface SalesTrendParams {
  merchantId: number;
  period: Period;
  granularity: Granularity;
  /** First day of a week bucket; defaults to Saturday (the Saudi work week). */
  weekStart?: WeekStart;
}

/**
 * Orders and sales per day, week or month in the store's time zone. Every bucket of the period is
 * present, empty ones with zeros, so charts never skip a day.
 */
export async function getSalesTrend(client: ClickHouseClient, params: SalesTrendParams): Promise<SalesTrendPoint[]> {
  const { merchantId, period, granularity } = params;
  const weekStart = params.weekStart ?? 'saturday';
  const bucketSql = {
    day: 'local_day',
    week: 'subtractDays(local_day, (toDayOfWeek(local_day) + 7 - {weekStartDay:UInt8}) % 7)',
    month: 'toStartOfMonth(local_day)',
  }[granularity];
  const result = await client.query({
    query: `
      SELECT toString(${bucketSql}) AS bucket,
             count() AS orders,
             sum(total_minor) AS gross_sales_minor,
             sumIf(total_minor, ${NOT_EXCLUDED_SQL}) AS net_sales_minor,
             countIf(${CANCELED_STATUS_SQL}) AS canceled_orders
      FROM (
        SELECT toDate(created_at, {timeZone:String}) AS local_day, total_minor, status
        FROM sales_hourly FINAL
        WHERE ${salesInRangeSql('curFrom', 'curTo')}
      )
      GROUP BY bucket
      ORDER BY bucket`,
    query_params: {
      merchantId,
      timeZone: period.timeZone,
      weekStartDay: WEEK_START_DAY[weekStart],
      ...rangeParams('cur', period),
    },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const rows = z.array(salesTrendRowSchema).parse(await result.json());
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  return enumerateBuckets(period, granularity, weekStart).map((bucket) => {
    const row = byBucket.get(bucket);
    return {
      bucket,
      orders: row?.orders ?? 0,
      grossSalesMinor: row?.gross_sales_minor ?? 0,
      netSalesMinor: row?.net_sales_minor ?? 0,
      canceledOrders: row?.canceled_orders ?? 0,
    };
  });
}
