import { toClickHouseDateTime } from '../rows/rows.js';

/** Order statuses whose totals leave net sales (metric definitions in the README). */
export const EXCLUDED_FROM_NET_STATUSES = ['canceled', 'refunded'] as const;

export const NOT_EXCLUDED_SQL = `status NOT IN ('canceled', 'refunded')`;

/**
 * Rows of `sales_hourly` for one merchant and one half-open UTC range. The `hour` bounds let
 * ClickHouse skip to the merchant's hours in range using the ordering key; the `created_at` bounds
 * make the range exact for any time zone offset.
 */
export function salesInRangeSql(fromParam: string, toParam: string): string {
  return `merchant_id = {merchantId:UInt64}
    AND hour >= toStartOfHour({${fromParam}:DateTime64(3, 'UTC')}) AND hour < {${toParam}:DateTime64(3, 'UTC')}
    AND created_at >= {${fromParam}:DateTime64(3, 'UTC')} AND created_at < {${toParam}:DateTime64(3, 'UTC')}`;
}

export function rangeParams(prefix: string, range: { from: Date; to: Date }): Record<string, string> {
  return { [`${prefix}From`]: toClickHouseDateTime(range.from), [`${prefix}To`]: toClickHouseDateTime(range.to) };
}

/** ClickHouse's toDayOfWeek numbering (Monday = 1 ... Sunday = 7). */
export const WEEK_START_DAY = { monday: 1, saturday: 6, sunday: 7 } as const;
