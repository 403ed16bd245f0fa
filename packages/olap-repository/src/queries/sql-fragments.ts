import { type OrderStatusCategory, orderStatusCategory, SALLA_ORDER_STATUSES } from '@salla-analytics/core-library';
import { toClickHouseDateTime } from '../rows/rows.js';

/** Status slugs by what they mean for revenue, from core-library's status catalogue. */
function slugsOf(category: OrderStatusCategory): string[] {
  const slugs = Object.keys(SALLA_ORDER_STATUSES).filter((slug) => orderStatusCategory(slug) === category);
  // Salla's event names spell it 'cancelled'; a status sent that way means the same.
  return category === 'canceled' ? [...slugs, 'cancelled'] : slugs;
}

const sqlList = (values: string[]) => `(${values.map((v) => `'${v.replace(/[^a-z_]/g, '')}'`).join(', ')})`;

export const CANCELED_STATUS_SQL = `status IN ${sqlList(slugsOf('canceled'))}`;
export const REFUNDED_STATUS_SQL = `status IN ${sqlList(slugsOf('refunded'))}`;
/** Orders whose totals count in net sales: neither canceled nor refunded (metric definitions in the README). */
export const NOT_EXCLUDED_SQL = `NOT (${CANCELED_STATUS_SQL} OR ${REFUNDED_STATUS_SQL})`;

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

/**
 * Settings for reads with FINAL. Every table is partitioned by the month of its row's creation
 * time, which all versions of a row share, so FINAL may merge each partition on its own: ClickHouse
 * then prunes the partitions outside the queried range even when the range column is not in the
 * sorting key (order_items.order_created_at, abandoned_carts.created_at — without this, FINAL reads
 * every month of the store), and skips merging partitions that are already one merged part.
 */
export const FINAL_SETTINGS = { do_not_merge_across_partitions_select_final: 1 } as const;
