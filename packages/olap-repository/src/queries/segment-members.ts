import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { RFM_SEGMENTS, SCORED_CUSTOMERS_SQL } from './rfm-segments.js';

const minor = z.number().int().min(0).max(1_000_000_000_000);
const count = z.number().int().min(0).max(1_000_000);

/**
 * A custom segment: customers whose purchases (as of `asOf`) match every filter given. Spend is in
 * minor units; `lastOrderBefore`/`lastOrderAfter` are UTC instants (ISO text); `city` matches the
 * city of the customer's latest purchase exactly; `rfmSegments` keeps customers in any of them.
 */
export const segmentFiltersSchema = z
  .strictObject({
    minSpendMinor: minor.optional(),
    maxSpendMinor: minor.optional(),
    minOrders: count.optional(),
    maxOrders: count.optional(),
    lastOrderAfter: z.iso.datetime({ offset: true }).optional(),
    lastOrderBefore: z.iso.datetime({ offset: true }).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    rfmSegments: z.array(z.enum(RFM_SEGMENTS)).min(1).max(RFM_SEGMENTS.length).optional(),
  })
  .refine((f) => f.minSpendMinor === undefined || f.maxSpendMinor === undefined || f.minSpendMinor <= f.maxSpendMinor, {
    message: 'minSpendMinor must not exceed maxSpendMinor',
    path: ['minSpendMinor'],
  })
  .refine((f) => f.minOrders === undefined || f.maxOrders === undefined || f.minOrders <= f.maxOrders, {
    message: 'minOrders must not exceed maxOrders',
    path: ['minOrders'],
  });
export type SegmentFilters = z.output<typeof segmentFiltersSchema>;

/**
 * Each filter is a fixed SQL fragment with bound parameters: the query's shape is chosen from this
 * list, values are never written into the SQL text.
 */
const FILTER_SQL: { [K in keyof SegmentFilters]-?: { sql: string; param: (value: NonNullable<SegmentFilters[K]>) => unknown } } = {
  minSpendMinor: { sql: 'monetary_minor >= {minSpendMinor:Int64}', param: (v) => v },
  maxSpendMinor: { sql: 'monetary_minor <= {maxSpendMinor:Int64}', param: (v) => v },
  minOrders: { sql: 'frequency >= {minOrders:UInt32}', param: (v) => v },
  maxOrders: { sql: 'frequency <= {maxOrders:UInt32}', param: (v) => v },
  lastOrderAfter: { sql: "last_order_at >= {lastOrderAfter:DateTime64(3, 'UTC')}", param: (v) => toClickHouseDateTime(new Date(v)) },
  lastOrderBefore: { sql: "last_order_at < {lastOrderBefore:DateTime64(3, 'UTC')}", param: (v) => toClickHouseDateTime(new Date(v)) },
  city: { sql: 'city = {city:String}', param: (v) => v },
  rfmSegments: { sql: 'has({rfmSegments:Array(String)}, segment)', param: (v) => v },
};

export function segmentWhere(filters: SegmentFilters): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(FILTER_SQL) as (keyof SegmentFilters)[]) {
    const value = filters[key];
    if (value === undefined) continue;
    const filter = FILTER_SQL[key] as { sql: string; param: (v: unknown) => unknown };
    clauses.push(filter.sql);
    params[key] = filter.param(value);
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}

export const segmentMemberRowSchema = z.object({
  customer_id: z.coerce.number(),
  name: z.string(),
  email: z.string(),
  city: z.string(),
  frequency: z.coerce.number(),
  monetary_minor: z.coerce.number(),
  last_order_at: z.string(),
  segment: z.enum(RFM_SEGMENTS),
  total: z.coerce.number(),
});

export interface SegmentMember {
  customerId: number;
  name: string;
  email: string;
  city: string;
  orders: number;
  spendMinor: number;
  lastOrderAt: Date;
  rfmSegment: (typeof RFM_SEGMENTS)[number];
}

export interface SegmentMembersParams {
  merchantId: number;
  filters: SegmentFilters;
  /** Purchases up to this instant count (usually now). */
  asOf: Date;
  limit?: number;
  offset?: number;
}

export interface SegmentMembersPage {
  members: SegmentMember[];
  /** Members matching the filters, all pages together. */
  total: number;
}

/**
 * The members of a segment given by filters, most valuable first, one page at a time — the
 * segment's member list in the app and in exports (page through with `offset`).
 */
export async function getSegmentMembers(client: ClickHouseClient, params: SegmentMembersParams): Promise<SegmentMembersPage> {
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 50), 0), 10_000);
  const offset = Math.max(Math.trunc(params.offset ?? 0), 0);
  const { where, params: filterParams } = segmentWhere(segmentFiltersSchema.parse(params.filters));
  const result = await client.query({
    query: `
      WITH matched AS (SELECT * FROM (${SCORED_CUSTOMERS_SQL}) WHERE ${where}),
      page AS (
        SELECT customer_id, frequency, monetary_minor, last_order_at, city, segment, count() OVER () AS total
        FROM matched ORDER BY monetary_minor DESC, customer_id LIMIT {limit:UInt32} OFFSET {offset:UInt32}
      ),
      contacts AS (
        SELECT customer_id, trim(concat(first_name, ' ', last_name)) AS name, email FROM customers FINAL
        WHERE merchant_id = {merchantId:UInt64} AND customer_id IN (SELECT customer_id FROM page)
      )
      SELECT p.customer_id AS customer_id, c.name AS name, c.email AS email, p.city AS city, p.frequency AS frequency,
             p.monetary_minor AS monetary_minor, toString(p.last_order_at) AS last_order_at, p.segment AS segment,
             (SELECT count() FROM matched) AS total
      FROM page AS p LEFT JOIN contacts AS c ON c.customer_id = p.customer_id
      ORDER BY p.monetary_minor DESC, p.customer_id`,
    query_params: { merchantId: params.merchantId, asOf: toClickHouseDateTime(params.asOf), limit, offset, ...filterParams },
    format: 'JSONEachRow',
  });
  const rows = z.array(segmentMemberRowSchema).parse(await result.json());
  const total = rows[0]?.total ?? (await countSegmentMembers(client, params));
  return {
    total,
    members: rows.map((row) => ({
      customerId: row.customer_id,
      name: row.name,
      email: row.email,
      city: row.city,
      orders: row.frequency,
      spendMinor: row.monetary_minor,
      lastOrderAt: new Date(`${row.last_order_at.replace(' ', 'T')}Z`),
      rfmSegment: row.segment,
    })),
  };
}

/** How many customers match the filters (a page past the end still needs the total). */
export async function countSegmentMembers(client: ClickHouseClient, params: Omit<SegmentMembersParams, 'limit' | 'offset'>): Promise<number> {
  const { where, params: filterParams } = segmentWhere(segmentFiltersSchema.parse(params.filters));
  const result = await client.query({
    query: `SELECT count() AS total FROM (${SCORED_CUSTOMERS_SQL}) WHERE ${where}`,
    query_params: { merchantId: params.merchantId, asOf: toClickHouseDateTime(params.asOf), ...filterParams },
    format: 'JSONEachRow',
  });
  const [row] = z.array(z.object({ total: z.coerce.number() })).parse(await result.json());
  return row?.total ?? 0;
}
