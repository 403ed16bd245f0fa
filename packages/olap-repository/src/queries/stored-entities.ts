import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';

/** The entity tables a Salla history import fills, with their id column. */
export const STORED_ENTITY_TABLES = { orders: 'order_id', products: 'product_id', customers: 'customer_id' } as const;
export type StoredEntityTable = keyof typeof STORED_ENTITY_TABLES;

export const storedCountRowSchema = z.object({ stored: z.coerce.number() });
export const storedIdRowSchema = z.object({ id: z.coerce.number() });

/** Live (not deleted) entities of a merchant, one per id (FINAL): what reconciliation compares with Salla's totals. */
export async function countStoredEntities(client: ClickHouseClient, params: { merchantId: number; table: StoredEntityTable }): Promise<number> {
  const result = await client.query({
    query: `SELECT count() AS stored FROM ${params.table} FINAL WHERE merchant_id = {merchantId:UInt64} AND is_deleted = 0`,
    query_params: { merchantId: params.merchantId },
    format: 'JSONEachRow',
  });
  const [row] = z.array(storedCountRowSchema).parse(await result.json());
  return row?.stored ?? 0;
}

/** Which of these ids the merchant has live in the table (the rest are gaps to repair). */
export async function findStoredEntityIds(
  client: ClickHouseClient,
  params: { merchantId: number; table: StoredEntityTable; ids: readonly number[] },
): Promise<Set<number>> {
  if (params.ids.length === 0) return new Set();
  const column = STORED_ENTITY_TABLES[params.table];
  const result = await client.query({
    query: `SELECT ${column} AS id FROM ${params.table} FINAL
            WHERE merchant_id = {merchantId:UInt64} AND ${column} IN {ids:Array(UInt64)} AND is_deleted = 0`,
    query_params: { merchantId: params.merchantId, ids: [...params.ids] },
    format: 'JSONEachRow',
  });
  return new Set(z.array(storedIdRowSchema).parse(await result.json()).map((row) => row.id));
}
