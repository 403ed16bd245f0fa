import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';
import { sqlQuery } from '../sql.js';

/**
 * The stable number of each imported entity key (order number, customer email, product SKU …) for
 * this merchant, kind and source: created on first sight, the same forever after — so a file
 * imported again, or a job resumed after a crash, maps every row to the same ids.
 */
export async function resolveImportKeys(
  db: DatabaseClient,
  input: { merchantId: MerchantIdInput; kind: 'order' | 'customer' | 'product'; source: string; keys: readonly string[] },
): Promise<Map<string, number>> {
  const keys = [...new Set(input.keys)];
  const result = new Map<string, number>();
  if (keys.length === 0) return result;
  const merchantId = String(toMerchantId(input.merchantId));
  await sqlQuery(
    db,
    `INSERT INTO "import_keys" ("merchant_id", "kind", "source", "external_key")
     SELECT $1::bigint, $2, $3, key FROM unnest($4::text[]) AS key
     ORDER BY key
     ON CONFLICT ("merchant_id", "kind", "source", "external_key") DO NOTHING`,
    [merchantId, input.kind, input.source, keys],
  );
  const rows = await sqlQuery<{ id: string; external_key: string }>(
    db,
    `SELECT "id"::text AS "id", "external_key" FROM "import_keys"
     WHERE "merchant_id" = $1::bigint AND "kind" = $2 AND "source" = $3 AND "external_key" = ANY($4::text[])`,
    [merchantId, input.kind, input.source, keys],
  );
  for (const row of rows) result.set(row.external_key, Number(row.id));
  return result;
}
