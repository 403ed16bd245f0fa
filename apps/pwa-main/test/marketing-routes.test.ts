import { claimRecoverySend, createDatabase, finishRecoverySend } from '@salla-analytics/database-schema';
import { BatchWriter, ClickHouseAnalyticsRepository, createAnalyticsClient, type OrderRow } from '@salla-analytics/olap-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '../src/env';
import { closeContext } from '../src/server/context';
import { resetRateLimitersForTests } from '../src/server/security/rate-limit';
import { callAs as call, callRoute } from './support/call-route';
import { sessionFor } from './support/sessions';
import { MERCHANT_A, MERCHANT_B, startTestStack, type TestStack } from './support/test-stack';

let stack: TestStack;
let ownerA: string;
let ownerB: string;
let viewerA: string;
const small = { ...MERCHANT_A, months: 6, ordersPerMonth: 80 };
const rules = { delayMinutes: 60, minCartValueMinor: 10_000, maxAttempts: 2, attemptSpacingMinutes: 1_440, quietHours: { start: 1_320, end: 480 }, attributionWindowHours: 72 };

beforeAll(async () => {
  stack = await startTestStack([small, MERCHANT_B], { endDate: new Date('2026-10-31T20:00:00Z') });
  Object.assign(process.env, stack.env, { RATE_LIMIT_SESSION_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
  resetEnvForTests();
  resetRateLimitersForTests();
  ownerA = await sessionFor(stack.databaseUrl, 'owner-a@example.com', MERCHANT_A.merchantId, 'owner');
  ownerB = await sessionFor(stack.databaseUrl, 'owner-b@example.com', MERCHANT_B.merchantId, 'owner');
  viewerA = await sessionFor(stack.databaseUrl, 'staff-a@example.com', MERCHANT_A.merchantId, 'viewer');
}, 300_000);

afterAll(async () => {
  await closeContext();
  await stack?.stop();
});


describe('segments', () => {
  it('saves a custom segment per store, evaluated in ClickHouse, with members paged', async () => {
    const filters = { minOrders: 2, minSpendMinor: 50_000 };
    const created = await call('/api/v1/segments', ownerA, { method: 'POST', body: { name: 'عملاء متكررون', filters } });
    expect(created.status).toBe(200);
    const client = createAnalyticsClient({ url: stack.clickhouseUrl, database: stack.clickhouseDatabase });
    const expected = await new ClickHouseAnalyticsRepository(client).getSegmentMembers({ merchantId: MERCHANT_A.merchantId, filters, asOf: new Date(), limit: 5, offset: 5 });
    await client.close();
    expect(expected.total).toBeGreaterThan(10);
    expect(created.body.data).toMatchObject({ name: 'عملاء متكررون', filters, members: expected.total });

    const page = await call('/api/v1/segments/members', ownerA, { query: { segment: created.body.data.id, limit: '5', offset: '5' } });
    expect(page.body.data.total).toBe(expected.total);
    expect(page.body.data.members.map((m: { customerId: number }) => m.customerId)).toEqual(expected.members.map((m) => m.customerId));
    expect(page.body.data.members.every((m: { orders: number; spendMinor: number }) => m.orders >= 2 && m.spendMinor >= 50_000)).toBe(true);

    const listA = await call('/api/v1/segments', ownerA);
    expect(listA.body.data.custom.map((s: { name: string }) => s.name)).toEqual(['عملاء متكررون']);
    expect(listA.body.data.rfm).toHaveLength(11);
    const listB = await call('/api/v1/segments', ownerB);
    expect(listB.body.data.custom).toEqual([]);

    // Store B cannot read, rename or delete A's segment, even knowing its id.
    expect((await call('/api/v1/segments/members', ownerB, { query: { segment: created.body.data.id } })).status).toBe(404);
    expect((await call('/api/v1/segments', ownerB, { method: 'PATCH', body: { id: created.body.data.id, name: 'x' } })).status).toBe(404);
    expect((await call('/api/v1/segments', ownerB, { method: 'DELETE', query: { id: created.body.data.id } })).status).toBe(404);

    const renamed = await call('/api/v1/segments', ownerA, { method: 'PATCH', body: { id: created.body.data.id, name: 'VIP' } });
    expect(renamed.body.data.name).toBe('VIP');
    expect((await call('/api/v1/segments', ownerA, { method: 'DELETE', query: { id: created.body.data.id } })).status).toBe(200);
    expect((await call('/api/v1/segments', ownerA)).body.data.custom).toEqual([]);
  });

  it('lists an RFM segment’s members, and refuses bad input with a code', async () => {
    const rfm = (await call('/api/v1/segments', ownerA)).body.data.rfm as { segment: string; customers: number }[];
    const biggest = [...rfm].sort((a, b) => b.customers - a.customers)[0]!;
    const members = await call('/api/v1/segments/members', ownerA, { query: { segment: biggest.segment, limit: '200' } });
    expect(members.body.data.total).toBe(biggest.customers);
    expect(members.body.data.members.every((m: { rfmSegment: string }) => m.rfmSegment === biggest.segment)).toBe(true);

    const bad = [
      { name: 'x', filters: { minSpendMinor: 500, maxSpendMinor: 100 } },
      { name: 'x', filters: { city: "x' OR 1=1" }, merchantId: MERCHANT_B.merchantId },
      { name: '', filters: {} },
      { name: 'x', filters: { rfmSegments: ['whales'] } },
    ];
    for (const body of bad) {
      const response = await call('/api/v1/segments', ownerA, { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.code).toBe('VALIDATION_FAILED');
    }
    expect((await call('/api/v1/segments', viewerA, { method: 'POST', body: { name: 'x', filters: {} } })).status).toBe(403);
    await call('/api/v1/segments', ownerA, { method: 'POST', body: { name: 'twice', filters: {} } });
    const duplicate = await call('/api/v1/segments', ownerA, { method: 'POST', body: { name: 'twice', filters: {} } });
    expect([duplicate.status, duplicate.body.error?.code]).toEqual([409, 'CONFLICT']);
  });
});

describe('cart recovery campaigns', () => {
  it('creates, lists per store, pauses; only owners/admins, same origin, valid rules', async () => {
    const created = await call('/api/v1/campaigns', ownerA, { method: 'POST', body: { name: 'استرجاع', rules } });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ name: 'استرجاع', status: 'active', rules, stats: { emailsSent: 0, recoveredRevenueMinor: 0 } });
    expect((await call('/api/v1/campaigns', ownerB)).body.data).toEqual([]);
    expect((await call('/api/v1/campaigns', viewerA)).body.data.map((c: { id: string }) => c.id)).toEqual([created.body.data.id]);
    expect((await call('/api/v1/campaigns', viewerA, { method: 'POST', body: { name: 'x', rules } })).status).toBe(403);
    const crossSite = await callRoute('/api/v1/campaigns', { method: 'POST', cookie: ownerA, headers: { origin: 'https://evil.example' }, body: { name: 'x', rules } });
    expect(crossSite.status).toBe(403);
    for (const bad of [{ ...rules, maxAttempts: 9 }, { ...rules, quietHours: { start: 60, end: 60 } }, { ...rules, delayMinutes: -1 }]) {
      const response = await call('/api/v1/campaigns', ownerA, { method: 'POST', body: { name: 'x', rules: bad } });
      expect([response.status, response.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await call('/api/v1/campaigns', ownerB, { method: 'PATCH', body: { id: created.body.data.id, status: 'paused' } })).status).toBe(404);
    const paused = await call('/api/v1/campaigns', ownerA, { method: 'PATCH', body: { id: created.body.data.id, status: 'paused' } });
    expect(paused.body.data.status).toBe('paused');
  });

  it('shows recovered revenue per campaign, exactly, from the sends and the orders that followed', async () => {
    const first = (await call('/api/v1/campaigns', ownerA, { method: 'POST', body: { name: 'first', rules } })).body.data;
    const second = (await call('/api/v1/campaigns', ownerA, { method: 'POST', body: { name: 'second', rules: { ...rules, attributionWindowHours: 1 } } })).body.data;
    const db = createDatabase(stack.databaseUrl);
    const at = (iso: string) => new Date(iso);
    const send = async (campaignId: string, cartId: number, customerId: number, attempt: number, sentAt: string) => {
      const { send: row } = await claimRecoverySend(db, {
        merchantId: MERCHANT_A.merchantId, campaignId, cartId, customerId, attempt, idempotencyKey: `cart-recovery:${campaignId}:${cartId}:${attempt}`, cartValueMinor: 20_000, currency: 'SAR', now: at(sentAt),
      });
      await finishRecoverySend(db, row.id, { status: 'sent', sentAt: at(sentAt) });
    };
    await send(first.id, 1, 990_001, 1, '2026-11-01T09:00:00Z');
    await send(first.id, 1, 990_001, 2, '2026-11-02T09:00:00Z');
    await send(first.id, 2, 990_002, 1, '2026-11-01T09:00:00Z');
    await send(second.id, 3, 990_003, 1, '2026-11-01T09:00:00Z');
    await db.$disconnect();
    const client = createAnalyticsClient({ url: stack.clickhouseUrl, database: stack.clickhouseDatabase });
    const writer = new BatchWriter({ client, database: stack.clickhouseDatabase, maxDelayMs: 20 });
    const order = (merchantId: number, orderId: number, customerId: number, iso: string, total: number): OrderRow => ({
      merchant_id: merchantId, order_id: orderId, reference_id: String(orderId), created_at: at(iso), status: 'completed', payment_method: 'mada', source: 'store', currency: 'SAR',
      sub_total_minor: total, shipping_minor: 0, tax_minor: 0, discount_minor: 0, total_minor: total, items_count: 1, customer_id: customerId, customer_city: 'الرياض', customer_country: 'SA', coupon_code: '', version: 1, is_deleted: 0,
    });
    await writer.write('orders', [
      order(MERCHANT_A.merchantId, 88_001, 990_001, '2026-11-03T10:00:00Z', 12_345), // 25 h after the 2nd email: first campaign
      order(MERCHANT_A.merchantId, 88_002, 990_001, '2026-11-03T11:00:00Z', 99_999), // the cart is recovered once
      order(MERCHANT_A.merchantId, 88_003, 990_002, '2026-11-05T09:00:00Z', 50_000), // after 72 h: not attributed
      order(MERCHANT_A.merchantId, 88_004, 990_003, '2026-11-01T09:30:00Z', 7_000), // inside the second campaign's 1 h
      order(MERCHANT_B.merchantId, 88_005, 990_002, '2026-11-01T10:00:00Z', 1_000_000), // another store's customer with the same id
    ]);
    await writer.close();
    await client.close();

    const list = (await call('/api/v1/campaigns', ownerA)).body;
    const stats = Object.fromEntries(list.data.map((c: { name: string; stats: unknown }) => [c.name, c.stats]));
    expect(stats.first).toEqual({ emailsSent: 3, cartsEmailed: 2, recoveredCarts: 1, recoveredRevenueMinor: 12_345 });
    expect(stats.second).toEqual({ emailsSent: 1, cartsEmailed: 1, recoveredCarts: 1, recoveredRevenueMinor: 7_000 });
    expect(list.meta?.currency).toBe('SAR');
  });
});
