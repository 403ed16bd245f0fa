import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriter, countStoredEntities, findStoredEntityIds, type ProductRow } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';
import { riyadh } from './support/rows.js';

const A = 8101;
const B = 8102;
let ch: TestClickHouse;

const product = (merchantId: number, productId: number, version: number, isDeleted: 0 | 1 = 0): ProductRow => ({
  merchant_id: merchantId,
  product_id: productId,
  name: `p${productId}`,
  sku: '',
  category: '',
  price_minor: 100,
  cost_minor: null,
  currency: 'SAR',
  quantity: null,
  status: 'sale',
  created_at: riyadh('2025-01-01T00:00:00'),
  version,
  is_deleted: isDeleted,
});

beforeAll(async () => {
  ch = await startTestClickHouse('stored_entities_test');
  const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 1000, maxDelayMs: 20 });
  await writer.write('products', [product(A, 1, 1), product(A, 1, 2), product(A, 2, 1), product(A, 3, 1), product(A, 3, 2, 1), product(B, 4, 1)]);
  await writer.close();
});
afterAll(async () => {
  await ch?.close();
});

describe('stored entities (reconciliation)', () => {
  it('counts live entities once per id, per merchant, without deleted ones', async () => {
    expect(await countStoredEntities(ch.client, { merchantId: A, table: 'products' })).toBe(2);
    expect(await countStoredEntities(ch.client, { merchantId: B, table: 'products' })).toBe(1);
    expect(await countStoredEntities(ch.client, { merchantId: A, table: 'orders' })).toBe(0);
  });

  it('finds which ids are stored, only the merchant’s own', async () => {
    expect([...(await findStoredEntityIds(ch.client, { merchantId: A, table: 'products', ids: [1, 2, 3, 4, 5] }))].sort()).toEqual([1, 2]);
    expect([...(await findStoredEntityIds(ch.client, { merchantId: B, table: 'products', ids: [1, 4] }))]).toEqual([4]);
    expect(await findStoredEntityIds(ch.client, { merchantId: A, table: 'products', ids: [] })).toEqual(new Set());
  });
});
