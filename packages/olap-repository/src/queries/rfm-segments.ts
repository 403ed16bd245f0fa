import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { PURCHASES_SQL } from './customer-fragments.js';
import { FINAL_SETTINGS } from './sql-fragments.js';

/**
 * The classic RFM grid on recency (R) and frequency (F) scores 1–5; monetary (M) is reported.
 * Scores are rank-based (ties share a score), so the result is deterministic.
 */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'cant_lose',
  'at_risk',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** SQL for the grid, evaluated in order (first match wins). Mirrors `rfmSegmentOf`. */
const SEGMENT_SQL = `multiIf(
  r = 5 AND f >= 4, 'champions',
  r >= 3 AND f >= 4, 'loyal',
  r >= 4 AND f >= 2, 'potential_loyalists',
  r = 5 AND f = 1, 'new_customers',
  r = 4 AND f = 1, 'promising',
  r = 3 AND f = 3, 'need_attention',
  r = 3, 'about_to_sleep',
  r <= 2 AND f = 5, 'cant_lose',
  r <= 2 AND f >= 3, 'at_risk',
  r = 2, 'hibernating',
  'lost')`;

/** The same grid in TypeScript, for explanations and tests. */
export function rfmSegmentOf(r: number, f: number): RfmSegment {
  if (r === 5 && f >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 4 && f >= 2) return 'potential_loyalists';
  if (r === 5 && f === 1) return 'new_customers';
  if (r === 4 && f === 1) return 'promising';
  if (r === 3 && f === 3) return 'need_attention';
  if (r === 3) return 'about_to_sleep';
  if (r <= 2 && f === 5) return 'cant_lose';
  if (r <= 2 && f >= 3) return 'at_risk';
  if (r === 2) return 'hibernating';
  return 'lost';
}

/** Every customer with purchases before `{asOf}`: recency, frequency, monetary, last order, latest city, scores and segment. */
export const SCORED_CUSTOMERS_SQL = `
  WITH purchases AS (${PURCHASES_SQL}),
  per_customer AS (
    SELECT customer_id,
           dateDiff('day', max(created_at), {asOf:DateTime64(3, 'UTC')}) AS recency_days,
           count() AS frequency,
           sum(total_minor) AS monetary_minor,
           max(created_at) AS last_order_at,
           argMax(customer_city, created_at) AS city
    FROM purchases WHERE created_at < {asOf:DateTime64(3, 'UTC')}
    GROUP BY customer_id
  ),
  scored AS (
    SELECT *,
      toUInt8(1 + intDiv(5 * (rank() OVER (ORDER BY recency_days DESC) - 1), count() OVER ())) AS r,
      toUInt8(1 + intDiv(5 * (rank() OVER (ORDER BY frequency ASC) - 1), count() OVER ())) AS f,
      toUInt8(1 + intDiv(5 * (rank() OVER (ORDER BY monetary_minor ASC) - 1), count() OVER ())) AS m
    FROM per_customer
  )
  SELECT customer_id, recency_days, frequency, monetary_minor, last_order_at, city, r, f, m, ${SEGMENT_SQL} AS segment FROM scored`;

export const rfmSummaryRowSchema = z.object({
  segment: z.enum(RFM_SEGMENTS),
  customers: z.coerce.number(),
  avg_recency_days: z.coerce.number(),
  avg_frequency: z.coerce.number(),
  avg_monetary_minor: z.coerce.number(),
  total_monetary_minor: z.coerce.number(),
});

export interface RfmSegmentSummary {
  segment: RfmSegment;
  customers: number;
  /** Share of all scored customers, 0..1. */
  share: number;
  avgRecencyDays: number;
  avgFrequency: number;
  avgMonetaryMinor: number;
  totalMonetaryMinor: number;
}

export interface RfmParams {
  merchantId: number;
  /** Recency is measured at this instant (usually now); later purchases are ignored. */
  asOf: Date;
}

/** Every RFM segment with its size and averages; segments without customers are listed with zeros. */
export async function getRfmSegments(client: ClickHouseClient, params: RfmParams): Promise<RfmSegmentSummary[]> {
  const result = await client.query({
    query: `
      SELECT segment, count() AS customers, avg(recency_days) AS avg_recency_days, avg(frequency) AS avg_frequency,
             round(avg(monetary_minor)) AS avg_monetary_minor, sum(monetary_minor) AS total_monetary_minor
      FROM (${SCORED_CUSTOMERS_SQL})
      GROUP BY segment`,
    query_params: { merchantId: params.merchantId, asOf: toClickHouseDateTime(params.asOf) },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  const rows = z.array(rfmSummaryRowSchema).parse(await result.json());
  const total = rows.reduce((sum, row) => sum + row.customers, 0);
  return RFM_SEGMENTS.map((segment) => {
    const row = rows.find((r) => r.segment === segment);
    return {
      segment,
      customers: row?.customers ?? 0,
      share: row && total > 0 ? row.customers / total : 0,
      avgRecencyDays: row?.avg_recency_days ?? 0,
      avgFrequency: row?.avg_frequency ?? 0,
      avgMonetaryMinor: row?.avg_monetary_minor ?? 0,
      totalMonetaryMinor: row?.total_monetary_minor ?? 0,
    };
  });
}

export const rfmCustomerRowSchema = z.object({
  customer_id: z.coerce.number(),
  recency_days: z.coerce.number(),
  frequency: z.coerce.number(),
  monetary_minor: z.coerce.number(),
  r: z.coerce.number(),
  f: z.coerce.number(),
  m: z.coerce.number(),
  segment: z.enum(RFM_SEGMENTS),
});

export interface RfmCustomer {
  customerId: number;
  recencyDays: number;
  frequency: number;
  monetaryMinor: number;
  scores: { r: number; f: number; m: number };
  segment: RfmSegment;
}

export interface RfmCustomersParams extends RfmParams {
  segment?: RfmSegment;
  limit?: number;
  offset?: number;
}

/** The scored customers (optionally of one segment), most valuable first: the segment's member list. */
export async function getRfmCustomers(client: ClickHouseClient, params: RfmCustomersParams): Promise<RfmCustomer[]> {
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 100), 1), 10_000);
  const offset = Math.max(Math.trunc(params.offset ?? 0), 0);
  const result = await client.query({
    query: `
      SELECT * FROM (${SCORED_CUSTOMERS_SQL})
      WHERE {segment:String} = '' OR segment = {segment:String}
      ORDER BY monetary_minor DESC, customer_id
      LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    query_params: {
      merchantId: params.merchantId,
      asOf: toClickHouseDateTime(params.asOf),
      segment: params.segment ?? '',
      limit,
      offset,
    },
    format: 'JSONEachRow',
    clickhouse_settings: FINAL_SETTINGS,
  });
  return z
    .array(rfmCustomerRowSchema)
    .parse(await result.json())
    .map((row) => ({
      customerId: row.customer_id,
      recencyDays: row.recency_days,
      frequency: row.frequency,
      monetaryMinor: row.monetary_minor,
      scores: { r: row.r, f: row.f, m: row.m },
      segment: row.segment,
    }));
}
