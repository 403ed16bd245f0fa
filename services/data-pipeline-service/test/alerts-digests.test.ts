import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney } from '@salla-analytics/core-library';
import {
  claimEmailDelivery,
  createAlertRule,
  findOrCreateUser,
  grantMembership,
  listAlertEvents,
  listEmailDeliveries,
  listNotifications,
  listOutboxEmails,
  recordAlertEvent,
  saveDigestPreference,
  upsertMerchant,
} from '@salla-analytics/database-schema';
import { createOutboxSender } from '@salla-analytics/integration-gateways';
import { ClickHouseAnalyticsRepository } from '@salla-analytics/olap-repository';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAlerts } from '../src/automation/alerts/register-alerts.js';
import { type AutomationDeps, createAutomationDeps } from '../src/automation/automation-deps.js';
import { evaluateAlerts } from '../src/automation/alerts/evaluate-alerts.js';
import { registerDigests } from '../src/automation/digests/register-digests.js';
import { sendDigests } from '../src/automation/digests/send-digests.js';
import { createOutboxStore } from '../src/email/outbox-store.js';
import { JobScheduler } from '../src/scheduler/scheduler.js';
import { drained, type Engines, type RunningPipeline, sendAll, startEngines, startPipeline } from './support/harness.js';

// Store A (Asia/Riyadh, week starts Sunday): a usual Wednesday brings 1,000 SAR by 14:00 and
// 5,000 SAR in the evening; this Wednesday (2026-03-04) only 300 SAR by 14:00, last order at 09:00.
// Store B (same zone): 2 orders in the 13:00 hour on past Wednesdays, 6 this Wednesday.
const A = 810_001;
const B = 810_002;
const sallaDate = (local: string) => ({ date: `${local.replace('T', ' ')}.000000`, timezone_type: 3, timezone: 'Asia/Riyadh' });
const logger = pino({ level: 'silent' });

let nextId = 50_000;
function order(merchant: number, at: string, totalSar: number, product: { id: number; name: string } = { id: 1, name: 'عباية كريب' }, status = 'completed') {
  const id = nextId++;
  return {
    event: 'order.created',
    merchant,
    created_at: at.replace('T', ' '),
    data: {
      id,
      reference_id: id,
      date: sallaDate(at),
      status: { id: 1, name: status, slug: status },
      payment_method: 'mada',
      currency: 'SAR',
      amounts: { sub_total: { amount: totalSar, currency: 'SAR' }, total: { amount: totalSar, currency: 'SAR' } },
      customer: { id: 9000 + (id % 7), first_name: 'عميل', last_name: String(id), email: `c${id}@example.com`, city: 'الرياض' },
      items: [{ id: id * 10, name: product.name, quantity: 1, product: { id: product.id }, amounts: { total: { amount: totalSar, currency: 'SAR' } } }],
    },
  };
}

const pastWednesdays = ['2026-02-25', '2026-02-18', '2026-02-11', '2026-02-04'];
const abaya = { id: 11, name: 'عباية كريب سوداء' };
const scarf = { id: 12, name: 'طرحة شيفون' };
const orders = [
  ...pastWednesdays.flatMap((day) => [order(A, `${day}T10:00:00`, 600), order(A, `${day}T13:59:00`, 400), order(A, `${day}T20:00:00`, 5000)]),
  order(A, '2026-03-04T09:00:00', 300),
  // Digest periods: Friday 03-06 and Saturday 03-07 (one canceled order does not count in net sales).
  order(A, '2026-03-06T12:00:00', 200, scarf),
  order(A, '2026-03-06T18:00:00', 300, abaya),
  order(A, '2026-03-07T11:00:00', 400, abaya),
  order(A, '2026-03-07T12:00:00', 400, abaya),
  order(A, '2026-03-07T19:00:00', 400, scarf),
  order(A, '2026-03-07T20:00:00', 999, scarf, 'canceled'),
  ...pastWednesdays.flatMap((day) => [order(B, `${day}T13:10:00`, 100), order(B, `${day}T13:40:00`, 100)]),
  ...Array.from({ length: 6 }, (_, i) => order(B, `2026-03-04T13:${String(5 + i * 9).padStart(2, '0')}:00`, 100)),
];

let engines: Engines;
let pipeline: RunningPipeline;
let outboxDir: string;
let deps: AutomationDeps;
const users: Record<string, string> = {};
const rules: Record<string, string> = {};

beforeAll(async () => {
  engines = await startEngines();
  pipeline = await startPipeline(engines, { SCHEDULER_CONCURRENCY: '0' });
  await pipeline.pipeline.scheduler.stop();
  expect((await sendAll(pipeline, orders)).every((status) => status === 200)).toBe(true);
  await drained(engines);
  outboxDir = mkdtempSync(join(tmpdir(), 'alerts-outbox-'));
  const sender = createOutboxSender({ dir: outboxDir, from: 'Salla Analytics <reports@example.test>', store: createOutboxStore(engines.db) });
  deps = createAutomationDeps({
    db: engines.db,
    analytics: new ClickHouseAnalyticsRepository(engines.ch.client),
    clickhouse: engines.ch.client,
    email: sender,
    logger,
    clock: () => new Date(),
    appUrl: 'https://app.example.test',
  });
  await upsertMerchant(engines.db, { id: A, name: 'متجر الأناقة', timeZone: 'Asia/Riyadh', weekStart: 'sunday', currency: 'SAR' });
  await upsertMerchant(engines.db, { id: B, name: 'Store B', timeZone: 'Asia/Riyadh', weekStart: 'sunday', currency: 'SAR' });
  for (const [key, email, locale, merchant, role] of [
    ['owner', 'sara@a.example', 'ar', A, 'owner'],
    ['manager', 'omar@a.example', 'en', A, 'admin'],
    ['quiet', 'muted@a.example', 'ar', A, 'viewer'],
    ['b', 'lina@b.example', 'ar', B, 'owner'],
  ] as const) {
    const { user } = await findOrCreateUser(engines.db, { email, name: key === 'owner' ? 'سارة' : key === 'manager' ? 'Omar' : null, locale });
    await grantMembership(engines.db, { userId: user.id, merchantId: merchant, role });
    users[key] = user.id;
  }
  const rule = async (key: string, merchant: number, input: Parameters<typeof createAlertRule>[2]) => {
    rules[key] = (await createAlertRule(engines.db, merchant, input)).id;
  };
  await rule('drop50', A, { name: 'هبوط المبيعات', type: 'revenue_drop', threshold: 50 });
  await rule('drop80', A, { name: 'Severe drop', type: 'revenue_drop', threshold: 80 });
  await rule('quiet3h', A, { name: 'No orders 3h', type: 'no_orders', threshold: 3, emailEnabled: false });
  await rule('quiet6h', A, { name: 'No orders 6h', type: 'no_orders', threshold: 6 });
  await rule('spikeB', B, { name: 'Order spike', type: 'orders_spike', threshold: 300 });
  await rule('dropB', B, { name: 'B drop', type: 'revenue_drop', threshold: 50 });
});
afterAll(async () => {
  await pipeline?.stop();
  await engines?.stop();
  if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
});

const nameOf = (ruleId: string) => Object.entries(rules).find(([, id]) => id === ruleId)?.[0];

describe('alerts on real engines (embedded PostgreSQL + ClickHouse, data through the pipeline)', () => {
  it('at Wed 14:00 Riyadh exactly the expected rules fire, with their numbers, notifications and emails', async () => {
    const at = new Date('2026-03-04T11:00:00Z');
    const outcomes = await evaluateAlerts(deps, at);
    expect(Object.fromEntries(outcomes.map((o) => [nameOf(o.ruleId), o.outcome]))).toEqual({
      drop50: 'fired', // 300 SAR ≤ 50% of the 1,000 SAR usual by 14:00 (evening orders not counted)
      drop80: 'quiet', // 300 > 200
      quiet3h: 'fired', // last order 09:00, now 14:00
      quiet6h: 'quiet',
      spikeB: 'fired', // 6 orders in the last hour vs 2 usual: 3× ≥ 300%
      dropB: 'quiet', // B's 600 SAR today ≥ its 200 SAR usual: other stores' data never leaks in
    });
    const eventsA = await listAlertEvents(engines.db, { merchantId: A });
    expect(eventsA.map((e) => [nameOf(e.ruleId), e.firedAt.toISOString(), (e.details as { value: number }).value, (e.details as { baseline: number | null }).baseline]).sort()).toEqual([
      ['drop50', '2026-03-04T11:00:00.000Z', 30_000, 100_000],
      ['quiet3h', '2026-03-04T11:00:00.000Z', 0, null],
    ]);
    const eventsB = await listAlertEvents(engines.db, { merchantId: B });
    expect(eventsB.map((e) => [nameOf(e.ruleId), (e.details as { value: number }).value, (e.details as { baseline: number }).baseline])).toEqual([['spikeB', 6, 2]]);

    // In-app: every member of the store, once per event; nothing for another store's members.
    for (const key of ['owner', 'manager', 'quiet']) {
      const { items, unread } = await listNotifications(engines.db, { merchantId: A, userId: users[key] as string });
      expect([items.length, unread]).toEqual([2, 2]);
    }
    expect((await listNotifications(engines.db, { merchantId: A, userId: users.b as string })).items).toEqual([]);
    // Email: one per member for drop50 (quiet3h has email off), in each member's language; B's owner for spikeB.
    const outboxA = await listOutboxEmails(engines.db, { merchantId: A });
    expect(outboxA.map((e) => [e.toAddress, e.locale, e.subject]).sort()).toEqual([
      ['muted@a.example', 'ar', 'تنبيه متجر الأناقة: هبوط المبيعات'],
      ['omar@a.example', 'en', 'متجر الأناقة alert: هبوط المبيعات'],
      ['sara@a.example', 'ar', 'تنبيه متجر الأناقة: هبوط المبيعات'],
    ]);
    const arabic = outboxA.find((e) => e.toAddress === 'sara@a.example');
    expect(arabic?.htmlBody).toContain('<html lang="ar" dir="rtl">');
    expect(arabic?.htmlBody).toContain(formatMoney({ amountMinor: 30_000, currency: 'SAR' }, 'ar'));
    expect(arabic?.htmlBody).toContain('٣٠٠'); // Arabic-Indic digits
    expect(arabic?.htmlBody).toContain('https://app.example.test/alerts');
    expect((await listOutboxEmails(engines.db, { merchantId: B })).map((e) => [e.toAddress, e.subject])).toEqual([['lina@b.example', 'تنبيه Store B: Order spike']]);
  });

  it('re-running the tick (retry, duplicate trigger) adds nothing; later ticks inside the suppression window stay quiet', async () => {
    const at = new Date('2026-03-04T11:00:00Z');
    const before = (await listOutboxEmails(engines.db)).length;
    const again = await evaluateAlerts(deps, at);
    expect(again.filter((o) => o.outcome === 'redelivered').map((o) => nameOf(o.ruleId)).sort()).toEqual(['drop50', 'quiet3h', 'spikeB']);
    const later = await evaluateAlerts(deps, new Date('2026-03-04T11:15:00Z'));
    expect(later.filter((o) => o.outcome === 'suppressed').map((o) => nameOf(o.ruleId)).sort()).toEqual(['drop50', 'quiet3h', 'spikeB']);
    expect((await listOutboxEmails(engines.db)).length).toBe(before);
    expect((await listAlertEvents(engines.db, { merchantId: A })).length).toBe(2);
    expect((await listNotifications(engines.db, { merchantId: A, userId: users.owner as string })).items.length).toBe(2);
  });

  it('a crash after the event was recorded is completed by the next run, once; through the scheduler with two workers', async () => {
    // quiet6h fires at 15:00 Riyadh (6 hours after the 09:00 order). Simulate a worker that died
    // right after recording the event: no notification, no email yet.
    const at = new Date('2026-03-04T12:00:00Z');
    await recordAlertEvent(engines.db, { ruleId: rules.quiet6h as string, merchantId: BigInt(A), firedAt: at, details: { type: 'no_orders', threshold: 6, value: 0, baseline: null, change: null, unit: 'orders', currency: 'SAR', windowFrom: '', windowTo: '', ruleName: 'No orders 6h' } });
    let now = new Date('2026-03-04T11:50:00Z');
    await engines.db.schedule.deleteMany({});
    const workers = [0, 1].map(() => {
      const scheduler = new JobScheduler({ db: engines.db, logger, driver: 'postgres', clock: () => now, concurrency: 2 });
      registerAlerts(scheduler, { ...deps, clock: () => now });
      return scheduler;
    });
    await Promise.all(workers.map((w) => w.sync()));
    now = new Date('2026-03-04T12:00:20Z');
    await Promise.all([...workers.map((w) => w.enqueueDue()), ...workers.map((w) => w.runOnce()), ...workers.map((w) => w.runOnce())]);
    const sent = (await listEmailDeliveries(engines.db, { merchantId: A, keyPrefix: `alert:${rules.quiet6h}:` })).map((row) => [row.idempotencyKey.split(':').at(-1), row.status]);
    expect(sent.sort()).toEqual([[users.manager, 'sent'], [users.owner, 'sent'], [users.quiet, 'sent']].sort());
    expect((await listNotifications(engines.db, { merchantId: A, userId: users.owner as string })).items.length).toBe(3);
    const jobs = await engines.db.job.findMany({ where: { type: 'schedule:alerts.evaluate' } });
    expect(jobs.map((job) => [job.status, job.dedupeKey])).toEqual([['succeeded', 'schedule:alerts.evaluate:2026-03-04T12:00:00.000Z']]);
  });
});

describe('scheduled digests on real engines', () => {
  it('each user gets exactly their digest at the right UTC instant (every quarter hour Sat–Mon checked), once, even when ticks re-run', async () => {
    await saveDigestPreference(engines.db, A, users.owner as string, { enabled: true, frequency: 'daily', hour: 8, locale: 'ar' });
    await saveDigestPreference(engines.db, A, users.manager as string, { enabled: true, frequency: 'weekly', hour: 9, locale: 'en' });
    await saveDigestPreference(engines.db, A, users.quiet as string, { enabled: false, frequency: 'daily', hour: 8, locale: 'ar' });
    await saveDigestPreference(engines.db, B, users.b as string, { enabled: true, frequency: 'daily', hour: 7, locale: 'ar' });
    // A crash left B's Sunday digest claimed but unconfirmed: it must not be re-sent.
    await claimEmailDelivery(engines.db, { merchantId: B, idempotencyKey: `digest:${users.b}:daily:2026-03-08`, to: 'lina@b.example', template: 'daily_digest' });

    const sends: string[] = [];
    for (let t = Date.parse('2026-03-07T00:00:00Z'); t < Date.parse('2026-03-09T00:00:00Z'); t += 15 * 60_000) {
      for (const sent of await sendDigests(deps, new Date(t))) {
        const who = Object.entries(users).find(([, id]) => id === sent.userId)?.[0];
        sends.push(`${new Date(t).toISOString()} ${who} ${sent.kind} ${sent.localDate} ${sent.status}`);
      }
    }
    expect(sends).toEqual([
      '2026-03-07T04:00:00.000Z b daily 2026-03-07 sent',
      '2026-03-07T05:00:00.000Z owner daily 2026-03-07 sent',
      '2026-03-08T04:00:00.000Z b daily 2026-03-08 skipped',
      '2026-03-08T05:00:00.000Z owner daily 2026-03-08 sent',
      '2026-03-08T06:00:00.000Z manager weekly 2026-03-08 sent',
    ]);
    // Re-running a tick (as a retry or a duplicate trigger would) sends nothing more.
    expect((await sendDigests(deps, new Date('2026-03-08T05:00:00Z'))).map((s) => s.status)).toEqual(['skipped']);
    const digests = (await listOutboxEmails(engines.db, { limit: 500 })).filter((e) => e.template.endsWith('_digest'));
    expect(digests.map((e) => [e.toAddress, e.template]).sort()).toEqual([
      ['lina@b.example', 'daily_digest'],
      ['omar@a.example', 'weekly_digest'],
      ['sara@a.example', 'daily_digest'],
      ['sara@a.example', 'daily_digest'],
    ]);

    // Sunday's Arabic daily digest: Saturday 03-07 (1,200 SAR net, 4 orders incl. a canceled one) vs Friday (500 SAR, 2).
    const sunday = digests.find((e) => e.toAddress === 'sara@a.example' && e.idempotencyKey.endsWith('2026-03-08'));
    const html = sunday?.htmlBody ?? '';
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(sunday?.subject).toBe('ملخص متجر الأناقة اليومي: السبت، ٧ مارس ٢٠٢٦');
    expect(html).toContain(`data-metric="netSales" style="font-size: 22px; font-weight: 700; margin: 4px 0; color: #0f172a;">${formatMoney({ amountMinor: 120_000, currency: 'SAR' }, 'ar')}`);
    expect(html).toMatch(/data-metric="orders"[^>]*>٤</);
    expect(html).toMatch(/data-change="netSales"[^>]*>▲ ؜?\+?١٤٠٪/);
    expect(html.indexOf('عباية كريب سوداء')).toBeLessThan(html.indexOf('طرحة شيفون')); // 800 SAR before 400 SAR
    // The English weekly digest: Sun 03-01 … Sat 03-07 vs the week before.
    const weekly = digests.find((e) => e.template === 'weekly_digest');
    expect(weekly?.subject).toBe('متجر الأناقة weekly summary: 1 March 2026 – 7 March 2026');
    expect(weekly?.htmlBody).toContain('<html lang="en" dir="ltr">');
    expect(weekly?.htmlBody).toMatch(/data-metric="orders"[^>]*>7</); // 03-04 (1) + 03-06 (2) + 03-07 (4)
    expect(weekly?.htmlBody).toMatch(/data-change="orders"[^>]*>▲ \+133\.3%/); // vs 3 on 02-22 … 02-28
  });

  it('runs as the registered digests.send schedule: a tick triggered twice by two workers sends once', async () => {
    await engines.db.schedule.deleteMany({});
    let now = new Date('2026-03-09T04:50:00Z');
    const workers = [0, 1].map(() => {
      const scheduler = new JobScheduler({ db: engines.db, logger, driver: 'postgres', clock: () => now, concurrency: 2 });
      registerDigests(scheduler, { ...deps, clock: () => now });
      return scheduler;
    });
    await Promise.all(workers.map((w) => w.sync()));
    now = new Date('2026-03-09T05:00:10Z'); // Monday 08:00 Riyadh: sara's daily
    await Promise.all([...workers.map((w) => w.enqueueDue()), ...workers.map((w) => w.enqueueDue())]);
    await Promise.all([...workers.map((w) => w.runOnce()), ...workers.map((w) => w.runOnce())]);
    const monday = (await listOutboxEmails(engines.db, { merchantId: A, limit: 500 })).filter((e) => e.idempotencyKey.endsWith('daily:2026-03-09'));
    expect(monday.map((e) => e.toAddress)).toEqual(['sara@a.example']);
  });
});
