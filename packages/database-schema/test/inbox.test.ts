import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDeliveries,
  countPendingDeliveries,
  type Database,
  deliveryKeyOf,
  getDeliveries,
  getDelivery,
  getInboxBacklog,
  markDeliveriesProcessed,
  markDeliveriesQueued,
  recordDeliveries,
  recordDelivery,
  releaseDeliveries,
  requeueDeliveries,
  updateDeliveryStatus,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const MERCHANT_A = 1305146709n; // a real-looking Salla store id: larger than int32
const MERCHANT_B = 2_000_000_001;

const body = JSON.stringify({
  event: 'order.created',
  merchant: Number(MERCHANT_A),
  created_at: '2026-11-21 12:31:25',
  data: { id: 42, reference_id: 1001 },
});

let postgres: TestPostgres;
let db: Database;
beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
});
afterAll(async () => {
  await postgres?.stop();
});

describe('recordDelivery', () => {
  it('reports the second copy of a delivery as a duplicate, without throwing, and keeps one row', async () => {
    const input = {
      merchantId: MERCHANT_A,
      deliveryKey: deliveryKeyOf(body),
      event: 'order.created',
      rawBody: body,
    };

    const first = await recordDelivery(db, input);
    expect(first.duplicate).toBe(false);

    const second = await recordDelivery(db, input);
    expect(second).toEqual({ duplicate: true, id: first.id, status: 'received' });

    const rows = await db.webhookInbox.findMany({ where: { deliveryKey: input.deliveryKey } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.rawBody).toBe(body);
    expect(rows[0]?.merchantId).toBe(MERCHANT_A);
  });

  it('is unique per merchant: the same key for two merchants is two rows', async () => {
    const key = deliveryKeyOf('same body, two stores');
    const a = await recordDelivery(db, {
      merchantId: MERCHANT_A,
      deliveryKey: key,
      event: 'product.updated',
      rawBody: '{}',
    });
    const b = await recordDelivery(db, {
      merchantId: MERCHANT_B,
      deliveryKey: key,
      event: 'product.updated',
      rawBody: '{}',
    });
    expect(a.duplicate).toBe(false);
    expect(b.duplicate).toBe(false);
    expect(a.id).not.toBe(b.id);
    expect(await db.webhookInbox.count({ where: { deliveryKey: key } })).toBe(2);
  });

  it('handles concurrent copies of one delivery: exactly one is new', async () => {
    const input = {
      merchantId: MERCHANT_B,
      deliveryKey: deliveryKeyOf('race'),
      event: 'order.updated',
      rawBody: '{}',
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => recordDelivery(db, input)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });

  it('rejects input without a merchant id', async () => {
    await expect(
      recordDelivery(db, { merchantId: 0, deliveryKey: 'k', event: 'order.created', rawBody: '{}' }),
    ).rejects.toThrow();
  });
});

describe('getDelivery / updateDeliveryStatus', () => {
  it('only touch the merchant’s own inbox entries', async () => {
    const { id } = await recordDelivery(db, {
      merchantId: MERCHANT_A,
      deliveryKey: deliveryKeyOf('status flow'),
      event: 'order.created',
      rawBody: '{"a":1}',
    });

    expect(await getDelivery(db, { merchantId: MERCHANT_B, id })).toBeNull();
    expect(await updateDeliveryStatus(db, { merchantId: MERCHANT_B, id }, { status: 'queued' })).toBe(false);

    expect(await updateDeliveryStatus(db, { merchantId: MERCHANT_A, id }, { status: 'queued' })).toBe(true);
    expect(
      await updateDeliveryStatus(db, { merchantId: MERCHANT_A, id }, { status: 'failed', error: 'boom' }),
    ).toBe(true);
    const processedAt = new Date('2026-11-21T10:00:00Z');
    expect(
      await updateDeliveryStatus(
        db,
        { merchantId: MERCHANT_A, id },
        { status: 'processed', at: processedAt },
      ),
    ).toBe(true);

    const entry = await getDelivery(db, { merchantId: MERCHANT_A, id });
    expect(entry).toMatchObject({ status: 'processed', attempts: 2, error: null, processedAt });
  });
});

describe('recordDeliveries / getDeliveries / markDeliveriesQueued / markDeliveriesProcessed', () => {
  const entry = (merchantId: bigint | number, text: string, receivedAt?: Date) => ({
    merchantId,
    deliveryKey: deliveryKeyOf(text),
    event: 'order.updated',
    rawBody: text,
    ...(receivedAt ? { receivedAt } : {}),
  });

  it('writes a batch once per (merchant, key): repeats inside the batch and of earlier batches are duplicates, in input order', async () => {
    const [early] = await recordDeliveries(db, [entry(MERCHANT_A, 'batch 0')]);
    expect(early?.duplicate).toBe(false);
    const receivedAt = new Date('2026-11-21T09:00:00.123Z');
    const results = await recordDeliveries(db, [
      entry(MERCHANT_A, 'batch 1', receivedAt),
      entry(MERCHANT_A, 'batch 0'),
      entry(MERCHANT_B, 'batch 1'),
      entry(MERCHANT_A, 'batch 1'),
    ]);
    expect(results.map((r) => r.duplicate)).toEqual([false, true, false, true]);
    expect(results[1]).toEqual({ duplicate: true, id: early?.id, status: 'received' });
    expect(results[3]?.id).toBe(results[0]?.id);
    expect(results[2]?.id).not.toBe(results[0]?.id);
    expect(results[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const ids = [results[0]?.id, results[2]?.id, early?.id].map(String);
    const rows = await getDeliveries(db, [...ids, '00000000-0000-7000-8000-000000000000']);
    expect(rows).toHaveLength(3);
    const first = rows.find((row) => row.id === results[0]?.id);
    expect(first).toMatchObject({ merchantId: MERCHANT_A, event: 'order.updated', rawBody: 'batch 1', status: 'received', attempts: 0, error: null, processedAt: null });
    expect(first?.receivedAt).toEqual(receivedAt);
    expect(typeof rows[0]?.merchantId).toBe('bigint');

    expect(await markDeliveriesQueued(db, ids)).toBe(3);
    const processedAt = new Date('2026-11-21T09:00:01Z');
    expect(await markDeliveriesProcessed(db, [ids[0] as string], processedAt)).toBe(1);
    // queued never undoes processed
    expect(await markDeliveriesQueued(db, ids)).toBe(0);
    const after = await getDeliveries(db, ids);
    expect(after.find((row) => row.id === ids[0])).toMatchObject({ status: 'processed', attempts: 1, processedAt });
    expect(after.filter((row) => row.status === 'queued')).toHaveLength(2);
  });

  it('keeps bodies byte for byte (quotes, backslashes, escapes, Arabic, emoji)', async () => {
    const body = JSON.stringify({ note: 'a "quoted" \\ back\\slash \\u0000 \n متجر 🛒', nested: { t: '\t' } });
    const [result] = await recordDeliveries(db, [entry(MERCHANT_A, body)]);
    const [row] = await getDeliveries(db, [result?.id as string]);
    expect(row?.rawBody).toBe(body);
  });

  it('joins an interactive transaction (plain SQL through the transaction client), and rolls back with it', async () => {
    const text = 'inside a transaction';
    await expect(
      db.$transaction(async (tx) => {
        const [inside] = await recordDeliveries(tx, [entry(MERCHANT_A, text)]);
        expect(await getDeliveries(tx, [inside?.id as string])).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const [after] = await recordDeliveries(db, [entry(MERCHANT_A, text)]);
    expect(after?.duplicate).toBe(false);
  });

  it('concurrent batches holding the same deliveries in opposite orders record each once', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `concurrent ${i}`);
    const forward = texts.map((text) => entry(MERCHANT_B, text));
    const backward = [...forward].reverse();
    const outcomes = await Promise.all([recordDeliveries(db, forward), recordDeliveries(db, backward), recordDeliveries(db, forward)]);
    const fresh = outcomes.flat().filter((r) => !r.duplicate);
    expect(fresh).toHaveLength(50);
    expect(new Set(outcomes.flat().map((r) => r.id)).size).toBe(50);
  });
});

describe('the inbox as a queue (claimDeliveries / releaseDeliveries / requeueDeliveries)', () => {
  const MERCHANT_Q = 3_000_000_001;
  const write = (texts: string[]) =>
    recordDeliveries(
      db,
      texts.map((text) => ({ merchantId: MERCHANT_Q, deliveryKey: deliveryKeyOf(text), event: 'order.updated', rawBody: text })),
      { queued: true },
    );
  const mine = (claimed: Awaited<ReturnType<typeof claimDeliveries>>) => claimed.filter((row) => row.merchantId === BigInt(MERCHANT_Q));

  it('hands each queued entry to one of several concurrent consumers, with its body, and again after the lease', async () => {
    const written = await write(Array.from({ length: 30 }, (_, i) => `queue ${i}`));
    expect(written.every((r) => !r.duplicate)).toBe(true);
    const batches = await Promise.all([1, 2, 3].map(() => claimDeliveries(db, { limit: 20, leaseSeconds: 60 })));
    const claimed = batches.flatMap(mine);
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed.map((row) => row.id)).size).toBe(30);
    expect(claimed.every((row) => row.claims === 1 && row.status === 'queued' && row.rawBody.startsWith('queue '))).toBe(true);
    expect(mine(await claimDeliveries(db, { limit: 100, leaseSeconds: 60 }))).toEqual([]);

    // Processed entries leave the queue; the others come back when their lease ends (a consumer died).
    await markDeliveriesProcessed(db, claimed.slice(0, 10).map((row) => row.id));
    await db.$executeRawUnsafe(`UPDATE webhook_inbox SET available_at = now() - interval '1 second' WHERE merchant_id = ${MERCHANT_Q}`);
    const again = mine(await claimDeliveries(db, { limit: 100, leaseSeconds: 60 }));
    expect(again.map((row) => row.id).sort()).toEqual(claimed.slice(10).map((row) => row.id).sort());
    expect(again.every((row) => row.claims === 2)).toBe(true);
    expect(await countPendingDeliveries(db)).toBeGreaterThanOrEqual(20);

    // A retry waits for its own delay and keeps the error; a failed entry is not released.
    await updateDeliveryStatus(db, { merchantId: MERCHANT_Q, id: again[0]?.id as string }, { status: 'failed', error: 'dead' });
    expect(
      await releaseDeliveries(db, [
        { id: again[0]?.id as string, delayMs: 0, error: 'x' },
        { id: again[1]?.id as string, delayMs: 0, error: 'ClickHouse unreachable' },
        { id: again[2]?.id as string, delayMs: 60_000, error: 'later' },
      ]),
    ).toBe(2);
    const retried = mine(await claimDeliveries(db, { limit: 100, leaseSeconds: 60 }));
    expect(retried.map((row) => [row.id, row.claims, row.error])).toEqual([[again[1]?.id, 3, 'ClickHouse unreachable']]);

    // A replayed (failed) entry is queued again as new; a processed one never is.
    expect(await requeueDeliveries(db, [again[0]?.id as string, claimed[0]?.id as string])).toBe(1);
    const replayed = mine(await claimDeliveries(db, { limit: 100, leaseSeconds: 60 }));
    expect(replayed.map((row) => [row.id, row.claims])).toEqual([[again[0]?.id, 1]]);
  });

  it('writes new entries received unless asked to enqueue them', async () => {
    const [plain] = await recordDeliveries(db, [{ merchantId: MERCHANT_Q, deliveryKey: deliveryKeyOf('plain'), event: 'x', rawBody: 'plain' }]);
    const [queued] = await write(['queued entry']);
    const rows = await getDeliveries(db, [plain?.id as string, queued?.id as string]);
    expect(rows.find((row) => row.id === plain?.id)).toMatchObject({ status: 'received', claims: 0 });
    expect(rows.find((row) => row.id === queued?.id)).toMatchObject({ status: 'queued', claims: 0 });
    const [repeat] = await write(['queued entry']);
    expect(repeat).toEqual({ duplicate: true, id: queued?.id, status: 'queued' });
  });

  it('carries the delivering request’s trace context to the consumer that claims the entry', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const [traced, untraced] = await recordDeliveries(
      db,
      [
        { merchantId: MERCHANT_Q, deliveryKey: deliveryKeyOf('traced'), event: 'order.created', rawBody: 'traced', traceContext: traceparent },
        { merchantId: MERCHANT_Q, deliveryKey: deliveryKeyOf('untraced'), event: 'order.created', rawBody: 'untraced' },
      ],
      { queued: true },
    );
    const claimed = mine(await claimDeliveries(db, { limit: 100, leaseSeconds: 60 }));
    expect(claimed.find((row) => row.id === traced?.id)?.traceContext).toBe(traceparent);
    expect(claimed.find((row) => row.id === untraced?.id)?.traceContext).toBeNull();
    const [read] = await getDeliveries(db, [traced?.id as string]);
    expect(read?.traceContext).toBe(traceparent);
  });

  it('reports the backlog’s depth and the age of its oldest entry', async () => {
    const before = await getInboxBacklog(db);
    await recordDeliveries(db, [{ merchantId: MERCHANT_Q, deliveryKey: deliveryKeyOf('old one'), event: 'x', rawBody: 'old one', receivedAt: new Date(Date.now() - 3_600_000) }], {
      queued: true,
    });
    const after = await getInboxBacklog(db);
    expect(after.pending).toBe(before.pending + 1);
    expect(after.oldestAgeSeconds).toBeGreaterThanOrEqual(3_599);
    expect(after.pending).toBe(await countPendingDeliveries(db));
  });
});

describe('deliveryKeyOf', () => {
  it('is the SHA-256 of the raw bytes, the same for a string and its UTF-8 bytes', () => {
    const text = '{"name":"متجر"}';
    expect(deliveryKeyOf(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(deliveryKeyOf(new TextEncoder().encode(text))).toBe(deliveryKeyOf(text));
    expect(deliveryKeyOf(`${text} `)).not.toBe(deliveryKeyOf(text));
  });
});
