import type { ClickHouseClient } from '@clickhouse/client';
import type { Period } from '@salla-analytics/core-library';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { FINAL_SETTINGS, NOT_EXCLUDED_SQL, salesInRangeSql } from './sql-fragments.js';

/** A cart counts as recovered when its customer purchases within this window after abandoning it. */
export const CART_RECOVERY_WINDOW_DAYS = 7;

export const cartSummaryRowSchema = z.object({
  carts: z.coerce.number(),
  value_minor: z.coerce.number(),
  recovered_carts: z.coerce.number(),
  recovered_value_minor: z.coerce.number(),
  currency: z.string(),
});

export interface AbandonedCartSummary {
  carts: number;
  valueMinor: number;
  recoveredCarts: number;
  recoveredValueMinor: number;
  /** Value of the carts not (yet) recovered. */
  valueAtRiskMinor: number;
  /** recoveredCarts / carts, 0..1. */
  recoveryRate: number;
  currency: string | null;
}

export interface AbandonedCartParams {
  merchantId: number;
  period: Period;
}

/**
 * Carts abandoned in the period: their value, how many were recovered (marked so by a recovery
 * campaign, or their customer purchased within CART_RECOVERY_WINDOW_DAYS) and the value still at risk.
 */
export async function getAbandonedCartSummary(
  client: ClickHouseClient,
  params: AbandonedCartParams,
): Promise<AbandonedCartSummary> {
  const windowEnd = new Date(params.period.to.getTime() + CART_RECOVERY_WINDOW_DAYS * 86_400_000);
  const result = await client.query({
    query: `
      WITH carts AS (
        SELECT cart_id, customer_id, total_minor, currency, created_at, status
        FROM abandoned_carts FINAL
        WHERE merchant_id = {merchantId:UInt64}
          AND created_at >= {from:DateTime64(3, 'UTC')} AND created_at < {to:DateTime64(3, 'UTC')}
      ),
      later AS (
        -- purchases (see PURCHASES_SQL) in the carts' recovery window only: the hour bounds let
        -- ClickHouse read just those months and hours of sales_hourly
        SELECT customer_id, groupArray(created_at) AS times FROM sales_hourly FINAL
        WHERE ${salesInRangeSql('from', 'windowEnd')} AND customer_id != 0 AND ${NOT_EXCLUDED_SQL}
          AND customer_id IN (SELECT customer_id FROM carts)
        GROUP BY customer_id
      ),
      judged AS (
        SELECT c.total_minor AS total_minor, c.currency AS currency,
               c.status = 'recovered' OR arrayExists(
                 t -> t >= c.created_at AND t < c.created_at + INTERVAL ${CART_RECOVERY_WINDOW_DAYS} DAY, l.times
               ) AS recovered
        FROM carts AS c LEFT JOIN later AS l ON l.customer_id = c.customer_id AND c.customer_id != 0
      )
      SELECT count() AS carts, sum(total_minor) AS value_minor, countIf(recovered) AS recovered_carts,
             sumIf(total_minor, recovered) AS recovered_value_minor, topK(1)(currency)[1] AS currency
      FROM judged`,
    query_params: {
      merchantId: params.merchantId,
      from: toClickHouseDateTime(params.period.from),
      to: toClickHouseDateTime(params.period.to),
      windowEnd: toClickHouseDateTime(windowEnd),
    },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const [row] = z.array(cartSummaryRowSchema).parse(await result.json());
  const carts = row?.carts ?? 0;
  const value = row?.value_minor ?? 0;
  const recoveredValue = row?.recovered_value_minor ?? 0;
  return {
    carts,
    valueMinor: value,
    recoveredCarts: row?.recovered_carts ?? 0,
    recoveredValueMinor: recoveredValue,
    valueAtRiskMinor: value - recoveredValue,
    recoveryRate: carts > 0 ? (row?.recovered_carts ?? 0) / carts : 0,
    currency: row?.currency ? row.currency : null,
  };
}
