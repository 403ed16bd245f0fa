import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  deliveryKeyOf,
  getDelivery,
  recordDelivery,
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

describe('deliveryKeyOf', () => {
  it('is the SHA-256 of the raw bytes, the same for a string and its UTF-8 bytes', () => {
    const text = '{"name":"متجر"}';
    expect(deliveryKeyOf(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(deliveryKeyOf(new TextEncoder().encode(text))).toBe(deliveryKeyOf(text));
    expect(deliveryKeyOf(`${text} `)).not.toBe(deliveryKeyOf(text));
  });
});
