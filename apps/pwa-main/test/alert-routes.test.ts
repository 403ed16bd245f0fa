import { createDatabase } from '@salla-analytics/database-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '../src/env';
import { closeContext } from '../src/server/context';
import { resetRateLimitersForTests } from '../src/server/security/rate-limit';
import { seedFiredAlert } from './support/alert-seed';
import { callAs as call, callRoute } from './support/call-route';
import { sessionFor } from './support/sessions';
import { MERCHANT_A, MERCHANT_B, startTestStack, type TestStack } from './support/test-stack';

let stack: TestStack;
let ownerA: string;
let ownerB: string;
let viewerA: string;

beforeAll(async () => {
  stack = await startTestStack([{ ...MERCHANT_A, months: 1, ordersPerMonth: 10 }, { ...MERCHANT_B, months: 1, ordersPerMonth: 10 }]);
  Object.assign(process.env, stack.env, { RATE_LIMIT_SESSION_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
  resetEnvForTests();
  resetRateLimitersForTests();
  ownerA = await sessionFor(stack.databaseUrl, 'alerts-owner-a@example.com', MERCHANT_A.merchantId, 'owner');
  ownerB = await sessionFor(stack.databaseUrl, 'alerts-owner-b@example.com', MERCHANT_B.merchantId, 'owner');
  viewerA = await sessionFor(stack.databaseUrl, 'alerts-viewer-a@example.com', MERCHANT_A.merchantId, 'viewer');
}, 300_000);

afterAll(async () => {
  await closeContext();
  await stack?.stop();
});


describe('alert rules', () => {
  it('creates, lists, changes and deletes rules per store; another store can do none of it', async () => {
    const created = await call('/api/v1/alerts', ownerA, { method: 'POST', body: { name: 'هبوط المبيعات', type: 'revenue_drop', threshold: 30 } });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ name: 'هبوط المبيعات', type: 'revenue_drop', threshold: 30, baselineWeeks: 4, suppressionHours: 24, emailEnabled: true, enabled: true, lastFiredAt: null, firedCount: 0 });
    const id = created.body.data.id as string;
    expect((await call('/api/v1/alerts', ownerA)).body.data.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await call('/api/v1/alerts', ownerB)).body.data).toEqual([]);
    expect((await call('/api/v1/alerts', ownerB, { method: 'PATCH', body: { id, enabled: false } })).status).toBe(404);
    expect((await call('/api/v1/alerts', ownerB, { method: 'DELETE', query: { id } })).status).toBe(404);
    const paused = await call('/api/v1/alerts', ownerA, { method: 'PATCH', body: { id, enabled: false, threshold: 40 } });
    expect(paused.body.data).toMatchObject({ enabled: false, threshold: 40 });
    expect((await call('/api/v1/alerts', ownerA, { method: 'DELETE', query: { id } })).status).toBe(200);
    expect((await call('/api/v1/alerts', ownerA)).body.data).toEqual([]);
  });

  it('refuses bad rules with a machine-readable code, viewers, and cross-site writes', async () => {
    for (const body of [
      { name: 'x', type: 'revenue_drop', threshold: 150 },
      { name: 'x', type: 'orders_spike', threshold: 100 },
      { name: 'x', type: 'no_orders', threshold: 0 },
      { name: '', type: 'no_orders', threshold: 3 },
      { name: 'x', type: 'weather', threshold: 3 },
      { name: 'x', type: 'no_orders', threshold: 3, merchantId: MERCHANT_B.merchantId },
    ]) {
      const refused = await call('/api/v1/alerts', ownerA, { method: 'POST', body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    }
    const rule = (await call('/api/v1/alerts', ownerA, { method: 'POST', body: { name: 'spike', type: 'orders_spike', threshold: 300 } })).body.data;
    const tooLow = await call('/api/v1/alerts', ownerA, { method: 'PATCH', body: { id: rule.id, threshold: 50 } });
    expect([tooLow.status, tooLow.body.error?.code]).toEqual([400, 'INVALID_ARGUMENT']);
    expect((await call('/api/v1/alerts', viewerA, { method: 'POST', body: { name: 'x', type: 'no_orders', threshold: 3 } })).status).toBe(403);
    expect((await call('/api/v1/alerts', viewerA)).status).toBe(200);
    const crossSite = await callRoute('/api/v1/alerts', { method: 'POST', cookie: ownerA, headers: { origin: 'https://evil.example' }, body: { name: 'x', type: 'no_orders', threshold: 3 } });
    expect(crossSite.status).toBe(403);
  });
});

describe('history and notifications', () => {
  it('shows fired alerts and each user’s own notifications; marking read touches only the caller’s', async () => {
    const rule = (await call('/api/v1/alerts', ownerA, { method: 'POST', body: { name: 'No orders 3h', type: 'no_orders', threshold: 3 } })).body.data;
    const db = createDatabase(stack.databaseUrl, { maxConnections: 2 });
    const firedAt = new Date('2026-03-04T11:00:00Z');
    const event = await seedFiredAlert(db, rule, MERCHANT_A.merchantId, firedAt);
    await db.$disconnect();

    const history = await call('/api/v1/alerts/history', ownerA, { query: { ruleId: rule.id } });
    expect(history.body.data).toEqual([{ id: event.id, ruleId: rule.id, ruleName: 'No orders 3h', type: 'no_orders', firedAt: firedAt.toISOString(), value: 0, baseline: null, unit: 'orders', currency: 'SAR' }]);
    expect((await call('/api/v1/alerts/history', ownerB)).body.data).toEqual([]);
    expect((await call('/api/v1/alerts', ownerA)).body.data.find((r: { id: string }) => r.id === rule.id)).toMatchObject({ lastFiredAt: firedAt.toISOString(), firedCount: 1 });

    const mine = await call('/api/v1/notifications', ownerA);
    expect([mine.body.data.length, mine.body.meta?.unread, mine.body.data[0].read, mine.body.data[0].ruleName]).toEqual([1, 1, false, 'No orders 3h']);
    expect((await call('/api/v1/notifications', ownerB)).body.data).toEqual([]);
    // B cannot mark A's notification read, even with its id.
    expect((await call('/api/v1/notifications', ownerB, { method: 'POST', body: { ids: [mine.body.data[0].id] } })).body.data).toEqual({ marked: 0 });
    expect((await call('/api/v1/notifications', ownerA, { method: 'POST', body: { all: true } })).body.data).toEqual({ marked: 1 });
    expect((await call('/api/v1/notifications', ownerA)).body.meta?.unread).toBe(0);
    expect((await call('/api/v1/notifications', viewerA)).body.meta?.unread).toBe(1);
    expect((await call('/api/v1/notifications', ownerA, { method: 'POST', body: { all: false } })).status).toBe(400);
  });
});

describe('digest preference', () => {
  it('defaults to off in the user’s language, saves per user and store, refuses bad hours', async () => {
    const initial = await call('/api/v1/digest', ownerA);
    expect(initial.body.data).toMatchObject({ enabled: false, frequency: 'daily', hour: 8, saved: false, timeZone: 'Asia/Riyadh' });
    const saved = await call('/api/v1/digest', ownerA, { method: 'PATCH', body: { enabled: true, frequency: 'weekly', hour: 9, locale: 'en' } });
    expect(saved.body.data).toMatchObject({ enabled: true, frequency: 'weekly', hour: 9, locale: 'en', saved: true });
    expect((await call('/api/v1/digest', ownerA)).body.data).toMatchObject({ enabled: true, frequency: 'weekly', hour: 9 });
    expect((await call('/api/v1/digest', viewerA)).body.data.saved).toBe(false);
    expect((await call('/api/v1/digest', ownerB)).body.data.saved).toBe(false);
    const bad = await call('/api/v1/digest', ownerA, { method: 'PATCH', body: { enabled: true, frequency: 'weekly', hour: 24, locale: 'en' } });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
