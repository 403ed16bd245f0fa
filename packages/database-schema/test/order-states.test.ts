import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countDeliveriesByStatus,
  type Database,
  deliveryKeyOf,
  findUnqueuedDeliveries,
  getDeliveries,
  markDeliveriesProcessed,
  markDeliveriesQueued,
  mergeOrderStates,
  type OrderState,
  type OrderStatePart,
  recordDeliveries,
  recordDelivery,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let postgres: TestPostgres;
let db: Database;
beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
});
afterAll(async () => {
  await postgres?.stop();
});

const M = 1305146709;
const created: OrderStatePart = {
  merchantId: M,
  orderId: 1,
  payload: { value: { total: 100 }, version: 10, hash: 'a' },
  status: { slug: 'under_review', version: 10 },
  itemIds: [7, 8],
};
const statusLater: OrderStatePart = { merchantId: M, orderId: 1, status: { slug: 'completed', version: 30 } };
const updated: OrderStatePart = {
  merchantId: M,
  orderId: 1,
  payload: { value: { total: 90 }, version: 20, hash: 'b' },
  status: { slug: 'in_progress', version: 20 },
  itemIds: [7],
};

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('mergeOrderStates', () => {
  it('ends in the same state for every arrival order, one by one or in one batch, with duplicates', async () => {
    const finals = [];
    let orderId = 100;
    for (const sequence of permutations([created, statusLater, updated])) {
      orderId += 1;
      const parts = sequence.map((part) => ({ ...part, orderId }));
      let last: OrderState | undefined;
      for (const part of [...parts, parts[0] as OrderStatePart]) [last] = await mergeOrderStates(db, [part]);
      const [batched] = await mergeOrderStates(db, parts.map((part) => ({ ...part, orderId: orderId + 1000 })));
      const strip = (state: typeof last) => ({ ...state, orderId: 0n });
      expect(strip(batched)).toEqual(strip(last));
      finals.push(strip(last));
    }
    for (const state of finals) {
      expect(state).toEqual({
        merchantId: BigInt(M),
        orderId: 0n,
        payload: { total: 90 },
        payloadVersion: 20,
        payloadHash: 'b',
        status: 'completed',
        statusVersion: 30,
        deletedVersion: 0,
        itemIds: [7, 8],
      });
    }
  });

  it('keeps a status that arrives before its order and a delete that arrives first', async () => {
    const [early] = await mergeOrderStates(db, [{ merchantId: M, orderId: 2, status: { slug: 'shipped', version: 50 } }]);
    expect(early).toMatchObject({ payload: null, status: 'shipped', payloadVersion: 0 });
    await mergeOrderStates(db, [{ merchantId: M, orderId: 2, deletedVersion: 60 }]);
    const [late] = await mergeOrderStates(db, [{ ...created, orderId: 2 }]);
    expect(late).toMatchObject({ payload: { total: 100 }, status: 'shipped', statusVersion: 50, deletedVersion: 60 });
  });

  it('takes concurrent batches over the same orders in any order without deadlocking', async () => {
    const ids = Array.from({ length: 2_000 }, (_, index) => 500 + index);
    const batches = Array.from({ length: 8 }, (_, batch) => {
      const order = batch % 2 === 0 ? ids : [...ids].reverse();
      return order.map((orderId) => ({ merchantId: M, orderId, status: { slug: `s${batch}`, version: 100 + batch } }));
    });
    const results = await Promise.all(batches.map((parts) => mergeOrderStates(db, parts)));
    expect(results.every((rows) => rows.length === ids.length)).toBe(true);
    const [state] = await mergeOrderStates(db, [{ merchantId: M, orderId: 500 }]);
    expect(state?.status).toBe('s7');
  });

  it('keeps merchants apart', async () => {
    const [a] = await mergeOrderStates(db, [{ ...created, orderId: 3 }]);
    const [b] = await mergeOrderStates(db, [{ ...created, merchantId: 42, orderId: 3, status: { slug: 'canceled', version: 99 } }]);
    expect(a?.status).toBe('under_review');
    expect(b?.status).toBe('canceled');
  });
});

describe('inbox batch helpers', () => {
  it('loads, marks processed and counts entries', async () => {
    const ids = [];
    for (const n of [1, 2, 3]) {
      const raw = JSON.stringify({ n });
      const result = await recordDelivery(db, { merchantId: 77, deliveryKey: deliveryKeyOf(raw), event: 'x', rawBody: raw });
      ids.push(result.id);
    }
    expect((await getDeliveries(db, ids)).map((row) => row.rawBody).sort()).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(await markDeliveriesProcessed(db, ids.slice(0, 2))).toBe(2);
    expect(await countDeliveriesByStatus(db, 77)).toEqual({ received: 1, queued: 0, processed: 2, failed: 0 });
  });
});

describe('recordDeliveries', () => {
  it('records a batch in input order, with repeats inside the batch and from before as duplicates', async () => {
    const body = (n: number) => JSON.stringify({ batch: n });
    const input = (n: number) => ({ merchantId: 78, deliveryKey: deliveryKeyOf(body(n)), event: 'x', rawBody: body(n) });
    const before = await recordDelivery(db, input(1));
    const results = await recordDeliveries(db, [input(1), input(2), input(2), input(3)]);
    expect(results[0]).toEqual({ duplicate: true, id: before.id, status: 'received' });
    expect(results[1]).toMatchObject({ duplicate: false });
    expect(results[2]).toEqual({ duplicate: true, id: results[1]?.id, status: 'received' });
    expect(results[3]).toMatchObject({ duplicate: false });
    expect(await markDeliveriesQueued(db, results.map((r) => r.id))).toBe(3);
    expect(await markDeliveriesProcessed(db, [before.id])).toBe(1);
    expect(await markDeliveriesQueued(db, [before.id])).toBe(0);
    expect(await countDeliveriesByStatus(db, 78)).toEqual({ received: 0, queued: 2, processed: 1, failed: 0 });
  });

  it('finds entries accepted but never enqueued, oldest first', async () => {
    const raw = (n: number) => JSON.stringify({ stale: n });
    const old = await recordDelivery(db, { merchantId: 79, deliveryKey: deliveryKeyOf(raw(1)), event: 'x', rawBody: raw(1), receivedAt: new Date(Date.now() - 60_000) });
    await recordDelivery(db, { merchantId: 79, deliveryKey: deliveryKeyOf(raw(2)), event: 'x', rawBody: raw(2) });
    const stale = await findUnqueuedDeliveries(db, { olderThan: new Date(Date.now() - 30_000) });
    expect(stale.filter((row) => row.merchantId === 79n).map((row) => row.id)).toEqual([old.id]);
  });
});
