import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { NOT_EXCLUDED_SQL } from './sql-fragments.js';

export const windowSalesRowSchema = z.object({
  window: z.coerce.number(),
  orders: z.coerce.number(),
  net_sales_minor: z.coerce.number(),
});

export interface SalesInWindowsParams {
  merchantId: number;
  /** Half-open UTC ranges [from, to); at most 32. */
  windows: { from: Date; to: Date }[];
}

export interface WindowSalesTotals {
  /** Orders placed in the window (any status, like `orders` in the overview). */
  orders: number;
  /** Net sales in minor units: canceled and refunded orders excluded (metric definitions). */
  netSalesMinor: number;
}

/**
 * Orders and net sales of one merchant in several UTC windows at once (alert rules: today so far
 * and the same part of past same weekdays; the last hour and its baselines), in one scan of
 * `sales_hourly` between the earliest start and the latest end.
 */
export async function getSalesInWindows(client: ClickHouseClient, params: SalesInWindowsParams): Promise<WindowSalesTotals[]> {
  const { merchantId, windows } = params;
  if (windows.length === 0) return [];
  if (windows.length > 32) throw new RangeError('at most 32 windows');
  const bounds: Record<string, string> = {};
  const cases = windows.map((window, index) => {
    bounds[`from${index}`] = toClickHouseDateTime(window.from);
    bounds[`to${index}`] = toClickHouseDateTime(window.to);
    return `if(created_at >= {from${index}:DateTime64(3, 'UTC')} AND created_at < {to${index}:DateTime64(3, 'UTC')}, ${index}, -1)`;
  });
  const from = new Date(Math.min(...windows.map((window) => window.from.getTime())));
  const to = new Date(Math.max(...windows.map((window) => window.to.getTime())));
  const result = await client.query({
    query: `
      SELECT arrayJoin(arrayFilter(w -> w >= 0, [${cases.join(', ')}])) AS window,
             count() AS orders,
             sumIf(total_minor, ${NOT_EXCLUDED_SQL}) AS net_sales_minor
      FROM sales_hourly FINAL
      WHERE merchant_id = {merchantId:UInt64}
        AND hour >= toStartOfHour({scanFrom:DateTime64(3, 'UTC')}) AND hour < {scanTo:DateTime64(3, 'UTC')}
        AND created_at >= {scanFrom:DateTime64(3, 'UTC')} AND created_at < {scanTo:DateTime64(3, 'UTC')}
      GROUP BY window`,
    query_params: { merchantId, scanFrom: toClickHouseDateTime(from), scanTo: toClickHouseDateTime(to), ...bounds },
    format: 'JSONEachRow',
  });
  const rows = z.array(windowSalesRowSchema).parse(await result.json());
  return windows.map((_, index) => {
    const row = rows.find((candidate) => candidate.window === index);
    return { orders: row?.orders ?? 0, netSalesMinor: row?.net_sales_minor ?? 0 };
  });
}
