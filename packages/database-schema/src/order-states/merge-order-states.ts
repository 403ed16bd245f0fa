import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { sqlQuery } from '../sql.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

const VersionSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * What one event knows about an order. Every part carries the version of the event it came from
 * (derived from the event's own time by the caller); absent parts say nothing.
 */
export const OrderStatePartSchema = z.object({
  merchantId: MerchantIdSchema,
  orderId: z.union([z.bigint(), z.number().int().positive()]).transform((id) => BigInt(id)),
  /** A full order (as analytics rows, no PII), with a hash that breaks ties between equal versions. */
  payload: z.object({ value: z.unknown(), version: VersionSchema, hash: z.string() }).optional(),
  status: z.object({ slug: z.string().min(1), version: VersionSchema }).optional(),
  deletedVersion: VersionSchema.optional(),
  itemIds: z.array(z.number().int().nonnegative()).optional(),
});

export type OrderStatePart = z.input<typeof OrderStatePartSchema>;

/** The merged state of an order after the merge. Versions are plain numbers (they stay below 2^53). */
export type OrderState = {
  merchantId: bigint;
  orderId: bigint;
  payload: unknown;
  payloadVersion: number;
  payloadHash: string;
  status: string | null;
  statusVersion: number;
  deletedVersion: number;
  itemIds: number[];
};

type Parsed = z.output<typeof OrderStatePartSchema>;
type Wire = {
  merchant_id: string;
  order_id: string;
  payload: unknown;
  payload_version: number;
  payload_hash: string;
  status: string | null;
  status_version: number;
  deleted_version: number;
  item_ids: number[];
};

/**
 * Merges what events say about orders into `order_states` and returns the merged rows (one per
 * order). Each part only moves forward: the payload with the higher (version, hash) wins, the
 * status with the higher (version, slug), the highest delete version, the union of item ids. The
 * merge is commutative and idempotent, so duplicates and any arrival order give the same row.
 * One statement for the whole batch; concurrent callers serialize on the rows they touch.
 */
export async function mergeOrderStates(db: DatabaseClient, parts: OrderStatePart[]): Promise<OrderState[]> {
  if (parts.length === 0) return [];
  // ON CONFLICT may touch a row once per statement: merge parts of the same order first, the same way.
  const byKey = new Map<string, Wire>();
  for (const part of parts.map((input) => OrderStatePartSchema.parse(input))) {
    const key = `${part.merchantId}:${part.orderId}`;
    const next = toWire(part);
    const current = byKey.get(key);
    byKey.set(key, current ? combine(current, next) : next);
  }
  // One lock order for every caller (merchant, order): concurrent batches wait, never deadlock.
  const batch = [...byKey.values()].sort((a, b) => compareIds(a.merchant_id, b.merchant_id) || compareIds(a.order_id, b.order_id));
  // Integers may come back as bigint (through Prisma, in a transaction) or as text (pg): both convert.
  const rows = await sqlQuery<{
    merchant_id: bigint | string;
    order_id: bigint | string;
    payload: unknown;
    payload_version: bigint | string;
    payload_hash: string;
    status: string | null;
    status_version: bigint | string;
    deleted_version: bigint | string;
    item_ids: Array<bigint | string> | null;
  }>(db, MERGE_SQL, [JSON.stringify(batch)]);
  return rows.map((row) => ({
    merchantId: BigInt(row.merchant_id),
    orderId: BigInt(row.order_id),
    payload: row.payload,
    payloadVersion: Number(row.payload_version),
    payloadHash: row.payload_hash,
    status: row.status,
    statusVersion: Number(row.status_version),
    deletedVersion: Number(row.deleted_version),
    itemIds: (row.item_ids ?? []).map(Number),
  }));
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function toWire(part: Parsed): Wire {
  return {
    merchant_id: String(part.merchantId),
    order_id: String(part.orderId),
    payload: part.payload?.value ?? null,
    payload_version: part.payload?.version ?? 0,
    payload_hash: part.payload?.hash ?? '',
    status: part.status?.slug ?? null,
    status_version: part.status?.version ?? 0,
    deleted_version: part.deletedVersion ?? 0,
    item_ids: [...new Set(part.itemIds ?? [])].sort((a, b) => a - b),
  };
}

/** Same rules as MERGE_SQL (strings compare bytewise there too: COLLATE "C"). */
function combine(a: Wire, b: Wire): Wire {
  const payloadB = b.payload_version > a.payload_version || (b.payload_version === a.payload_version && b.payload_hash > a.payload_hash);
  const statusB =
    b.status_version > a.status_version || (b.status_version === a.status_version && (b.status ?? '') > (a.status ?? ''));
  return {
    merchant_id: a.merchant_id,
    order_id: a.order_id,
    payload: payloadB ? b.payload : a.payload,
    payload_version: Math.max(a.payload_version, b.payload_version),
    payload_hash: payloadB ? b.payload_hash : a.payload_hash,
    status: statusB ? b.status : a.status,
    status_version: Math.max(a.status_version, b.status_version),
    deleted_version: Math.max(a.deleted_version, b.deleted_version),
    item_ids: [...new Set([...a.item_ids, ...b.item_ids])].sort((x, y) => x - y),
  };
}

const MERGE_SQL = `
INSERT INTO order_states AS s
  (merchant_id, order_id, payload, payload_version, payload_hash, status, status_version, deleted_version, item_ids, updated_at)
SELECT merchant_id, order_id, payload, payload_version, payload_hash, status, status_version, deleted_version, item_ids, now()
FROM jsonb_to_recordset($1::jsonb) AS x(
  merchant_id bigint, order_id bigint, payload jsonb, payload_version bigint, payload_hash text,
  status text, status_version bigint, deleted_version bigint, item_ids bigint[])
ORDER BY merchant_id, order_id
ON CONFLICT (merchant_id, order_id) DO UPDATE SET
  payload = CASE WHEN (EXCLUDED.payload_version, EXCLUDED.payload_hash COLLATE "C") > (s.payload_version, s.payload_hash COLLATE "C")
    THEN EXCLUDED.payload ELSE s.payload END,
  payload_hash = CASE WHEN (EXCLUDED.payload_version, EXCLUDED.payload_hash COLLATE "C") > (s.payload_version, s.payload_hash COLLATE "C")
    THEN EXCLUDED.payload_hash ELSE s.payload_hash END,
  payload_version = GREATEST(s.payload_version, EXCLUDED.payload_version),
  status = CASE WHEN (EXCLUDED.status_version, COALESCE(EXCLUDED.status, '') COLLATE "C") > (s.status_version, COALESCE(s.status, '') COLLATE "C")
    THEN EXCLUDED.status ELSE s.status END,
  status_version = GREATEST(s.status_version, EXCLUDED.status_version),
  deleted_version = GREATEST(s.deleted_version, EXCLUDED.deleted_version),
  item_ids = ARRAY(SELECT DISTINCT i FROM unnest(COALESCE(s.item_ids, '{}') || COALESCE(EXCLUDED.item_ids, '{}')) AS i ORDER BY i),
  updated_at = now()
RETURNING merchant_id, order_id, payload, payload_version, payload_hash, status, status_version, deleted_version, item_ids`;
