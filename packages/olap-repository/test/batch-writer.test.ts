import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriter, type FlushedBatch } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';
import { orderRow } from './support/rows.js';

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await startTestClickHouse('writer_test');
});
afterAll(async () => ch?.close());

async function count(merchantId: number): Promise<number> {
  const result = await ch.client.query({
    query: 'SELECT count() AS n FROM orders WHERE merchant_id = {m:UInt64}',
    query_params: { m: merchantId },
    format: 'JSONEachRow',
  });
  return Number(((await result.json()) as Array<{ n: string | number }>)[0]!.n);
}

describe('BatchWriter', () => {
  it('flushes by size: a full batch commits without waiting for the timer', async () => {
    const flushed: FlushedBatch[] = [];
    const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 3, maxDelayMs: 60_000, onFlush: (b) => void flushed.push(b) });
    const rows = [1, 2, 3].map((id) => orderRow({ merchant_id: 11, order_id: id, created_at: new Date('2025-01-01T10:00:00Z') }));
    await writer.write('orders', rows);
    expect(await count(11)).toBe(3);
    expect(flushed).toMatchObject([{ table: 'orders', rows: 3, merchantIds: [11] }]);
    await writer.close();
  });

  it('flushes by time: a small batch commits after maxDelayMs and resolves every writer', async () => {
    const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 1_000, maxDelayMs: 30 });
    await Promise.all([
      writer.write('orders', [orderRow({ merchant_id: 12, order_id: 1, created_at: new Date('2025-01-01T10:00:00Z') })]),
      writer.write('orders', [orderRow({ merchant_id: 13, order_id: 1, created_at: new Date('2025-01-01T10:00:00Z') })]),
    ]);
    expect(await count(12)).toBe(1);
    expect(await count(13)).toBe(1);
    await writer.close();
  });

  it('inserts a write far larger than a batch in bounded slices', async () => {
    const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 2_000, maxDelayMs: 10 });
    // Far more rows than one spread call or one request body should take.
    const rows = Array.from({ length: 130_000 }, (_, i) => orderRow({ merchant_id: 14, order_id: i + 1, created_at: new Date('2025-01-01T10:00:00Z') }));
    await writer.write('orders', rows);
    expect(await count(14)).toBe(130_000);
    await writer.close();
  });

  it('rejects the writers of a batch that fails, and accepts no writes after close', async () => {
    const writer = new BatchWriter({ client: ch.client, database: 'no_such_database', maxRows: 10, maxDelayMs: 10 });
    await expect(
      writer.write('orders', [orderRow({ merchant_id: 15, order_id: 1, created_at: new Date('2025-01-01T10:00:00Z') })]),
    ).rejects.toThrow(/no_such_database/);
    await writer.close();
    await expect(
      writer.write('orders', [orderRow({ merchant_id: 15, order_id: 2, created_at: new Date('2025-01-01T10:00:00Z') })]),
    ).rejects.toThrow(/closed/);
  });

  it('never fails committed writes because a flush listener throws', async () => {
    const errors: unknown[] = [];
    const writer = new BatchWriter({
      client: ch.client,
      database: ch.database,
      maxDelayMs: 10,
      onFlush: () => {
        throw new Error('listener down');
      },
      onFlushError: (error) => errors.push(error),
    });
    await writer.write('orders', [orderRow({ merchant_id: 16, order_id: 1, created_at: new Date('2025-01-01T10:00:00Z') })]);
    await writer.close();
    expect(await count(16)).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
