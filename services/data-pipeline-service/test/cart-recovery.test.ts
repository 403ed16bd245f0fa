import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeRecoveryCampaigns } from '@salla-analytics/core-library';
import {
  createRecoveryCampaign,
  listOutboxEmails,
  listRecoverySends,
  type RecoveryCampaign,
  saveExportFile,
  upsertMerchant,
} from '@salla-analytics/database-schema';
import { createOutboxSender, type EmailSender } from '@salla-analytics/integration-gateways';
import { ClickHouseAnalyticsRepository, getCustomerPurchases } from '@salla-analytics/olap-repository';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCartRecovery, type SendOnce } from '../src/automation/cart-recovery/run-cart-recovery.js';
import { createAutomationDeps } from '../src/automation/automation-deps.js';
import { registerSchedules } from '../src/automation/register-schedules.js';
import { createOutboxStore } from '../src/email/outbox-store.js';
import { JobScheduler } from '../src/scheduler/scheduler.js';
import { sendEmailOnce } from '../src/email/send-email-once.js';
import { drained, type Engines, type RunningPipeline, sendAll, startEngines, startPipeline } from './support/harness.js';

// Store A runs a campaign; store B has carts and orders with the same ids and customers, and no campaign.
const A = 700_001;
const B = 700_002;
const C = 700_003;
const riyadh = (local: string) => new Date(`${local}+03:00`);
const sallaDate = (local: string) => ({ date: `${local.replace('T', ' ')}.000000`, timezone_type: 3, timezone: 'Asia/Riyadh' });

function cartWebhook(merchant: number, id: number, customer: number, at: string, totalSar: number, extra: Record<string, unknown> = {}) {
  return {
    event: 'abandoned.cart',
    merchant,
    created_at: at.replace('T', ' '),
    data: {
      id,
      total: { amount: totalSar, currency: 'SAR' },
      checkout_url: `https://store-${merchant}.example/checkout/${id}`,
      created_at: sallaDate(at),
      updated_at: sallaDate(at),
      customer: { id: customer, name: `عميل ${customer}`, email: `c${customer}@example.com`, ...extra },
      items: [{ id: id * 10, product_id: 77, name: 'عباية كريب', quantity: 2, amounts: { total: { amount: totalSar, currency: 'SAR' } } }],
    },
  };
}

function orderWebhook(merchant: number, id: number, customer: number, at: string, totalSar: number) {
  return {
    event: 'order.created',
    merchant,
    created_at: at.replace('T', ' '),
    data: {
      id,
      reference_id: id,
      date: sallaDate(at),
      status: { id: 1, name: 'مكتمل', slug: 'completed' },
      payment_method: 'mada',
      currency: 'SAR',
      amounts: { sub_total: { amount: totalSar, currency: 'SAR' }, total: { amount: totalSar, currency: 'SAR' } },
      customer: { id: customer, first_name: 'عميل', last_name: String(customer), email: `c${customer}@example.com`, city: 'الرياض' },
      items: [{ id: id * 10, name: 'عباية كريب', quantity: 1, product: { id: 77 }, amounts: { total: { amount: totalSar, currency: 'SAR' } } }],
    },
  };
}

const rules = {
  delayMinutes: 60,
  minCartValueMinor: 10_000,
  maxAttempts: 2,
  attemptSpacingMinutes: 24 * 60,
  quietHours: { start: 22 * 60, end: 8 * 60 },
  attributionWindowHours: 72,
};

let engines: Engines;
let pipeline: RunningPipeline;
let outboxDir: string;
let sender: EmailSender;
let campaign: RecoveryCampaign;
const logger = pino({ level: 'silent' });

const ledgerSend: SendOnce = (input) => sendEmailOnce({ db: engines.db, sender }, input);
const tick = (local: string, sendOnce: SendOnce = ledgerSend) =>
  // One cart per ClickHouse page: every tick also walks the candidates page by page.
  runCartRecovery({ db: engines.db, analytics: engines.ch.client, sendOnce, logger }, { now: riyadh(local), pageSize: 1 });

/** Every email that left (the outbox), as (recipient, ledger key without the merchant prefix, language). */
async function sentEmails() {
  const emails = await listOutboxEmails(engines.db, { limit: 100 });
  return emails
    .map((email) => [email.toAddress, email.idempotencyKey.replace(`${A}:cart-recovery:${campaign.id}:`, ''), email.locale] as const)
    .sort((x, y) => x[1].localeCompare(y[1]));
}

beforeAll(async () => {
  engines = await startEngines();
  pipeline = await startPipeline(engines);
  outboxDir = mkdtempSync(join(tmpdir(), 'cart-recovery-outbox-'));
  sender = createOutboxSender({ dir: outboxDir, from: 'Store <no-reply@example.com>', store: createOutboxStore(engines.db) });
  await upsertMerchant(engines.db, { id: A, name: 'متجر الأناقة', timeZone: 'Asia/Riyadh', locale: 'ar' });
  await upsertMerchant(engines.db, { id: B, name: 'Store B', timeZone: 'Asia/Riyadh', locale: 'en' });
  campaign = await createRecoveryCampaign(engines.db, { merchantId: A, name: 'استرجاع السلال', rules, activeSince: riyadh('2026-03-01T00:00:00') });

  // Everything arrives as signed Salla webhooks through the pipeline's intake, queue and ClickHouse writer.
  const statuses = await sendAll(pipeline, [
    cartWebhook(A, 1001, 501, '2026-03-02T10:00:00', 250),
    cartWebhook(A, 1002, 502, '2026-03-02T10:00:00', 50), // below the minimum
    cartWebhook(A, 1003, 503, '2026-03-02T21:30:00', 300, { language: 'en' }), // due in quiet hours
    cartWebhook(A, 1004, 504, '2026-03-02T10:00:00', 400), // bought after the first email
    cartWebhook(A, 1005, 505, '2026-03-02T10:00:00', 200), // bought before any email
    cartWebhook(A, 1006, 506, '2026-02-27T10:00:00', 900), // abandoned before the campaign started
    orderWebhook(A, 9005, 505, '2026-03-02T10:30:00', 200),
    cartWebhook(B, 1001, 501, '2026-03-02T10:00:00', 999),
    cartWebhook(B, 1007, 507, '2026-03-02T10:00:00', 999),
    cartWebhook(B, 1008, 508, '2026-03-02T10:00:00', 500),
    cartWebhook(C, 3001, 601, '2026-03-02T10:00:00', 150),
    orderWebhook(B, 9901, 501, '2026-03-02T12:00:00', 999),
  ]);
  expect(statuses.every((status) => status === 200)).toBe(true);
  await drained(engines);
}, 120_000);

afterAll(async () => {
  await pipeline?.stop();
  await engines?.stop();
  if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
});

describe('cart recovery campaign, tick by tick', () => {
  it('waits for the delay, skips small, old and purchased carts', async () => {
    expect(await tick('2026-03-02T10:30:00')).toMatchObject({ sent: 0 });
    expect(await tick('2026-03-02T11:00:00')).toMatchObject({ sent: 2 });
    expect(await sentEmails()).toEqual([
      ['c501@example.com', '1001:1', 'ar'],
      ['c504@example.com', '1004:1', 'ar'],
    ]);
  });

  it('re-running the same tick, or two copies at once, sends nothing more', async () => {
    const again = await Promise.all([tick('2026-03-02T11:00:00'), tick('2026-03-02T11:00:00'), tick('2026-03-02T11:01:00')]);
    expect(again.map((report) => report.sent)).toEqual([0, 0, 0]);
    expect(await sentEmails()).toHaveLength(2);
  });

  it('holds an email due in quiet hours until they end (store time), in the customer’s language', async () => {
    await pipeline.send(orderWebhook(A, 9004, 504, '2026-03-02T15:00:00', 380));
    await drained(engines);
    expect((await tick('2026-03-02T23:00:00')).sent).toBe(0);
    expect((await tick('2026-03-03T07:59:00')).sent).toBe(0);
    expect((await tick('2026-03-03T08:00:00')).sent).toBe(1);
    const emails = await listOutboxEmails(engines.db, { limit: 100 });
    const english = emails.find((email) => email.toAddress === 'c503@example.com');
    expect(english).toMatchObject({ locale: 'en', subject: 'Your cart at متجر الأناقة is waiting' });
    expect(english?.htmlBody).toContain('dir="ltr"');
    expect(english?.htmlBody).toContain('href="https://store-700001.example/checkout/1003"');
    expect(english?.htmlBody).toContain('SAR\u00a0300.00');
    const arabic = emails.find((email) => email.toAddress === 'c501@example.com');
    expect(arabic?.subject).toBe('سلتك في متجر الأناقة بانتظارك');
    expect(arabic?.htmlBody).toContain('<html lang="ar" dir="rtl">');
    expect(arabic?.htmlBody).toContain('عباية كريب × 2');
  });

  it('sends the second attempt after the spacing, never after a purchase, and stops at the maximum', async () => {
    expect(await tick('2026-03-03T10:59:00')).toMatchObject({ sent: 0, stoppedByPurchase: 0 });
    expect((await tick('2026-03-03T11:05:00')).sent).toBe(1);
    // 1003's second email (due 08:00 on the 4th) goes out at the next tick; 1004 was bought.
    expect(await tick('2026-03-05T12:00:00')).toMatchObject({ sent: 1 });
    expect((await tick('2026-03-10T12:00:00')).sent).toBe(0);
    expect(await sentEmails()).toEqual([
      ['c501@example.com', '1001:1', 'ar'],
      ['c501@example.com', '1001:2', 'ar'],
      ['c503@example.com', '1003:1', 'en'],
      ['c503@example.com', '1003:2', 'en'],
      ['c504@example.com', '1004:1', 'ar'],
    ]);
    // Store B's carts (one with the same id and customer) were never touched.
    const ledger = await engines.postgres.query<{ merchant_id: string }>('pipeline', 'SELECT DISTINCT merchant_id FROM email_deliveries');
    expect(ledger.map((row) => Number(row.merchant_id))).toEqual([A]);
    expect(await listRecoverySends(engines.db, { merchantId: B })).toEqual([]);
  });

  it('attributes recovered revenue exactly, per campaign, within the window', async () => {
    // 501 buys 25 h after their second email (inside 72 h); B's order by "501" must not count.
    await pipeline.send(orderWebhook(A, 9001, 501, '2026-03-04T12:00:00', 260.5));
    // 503 buys just after the window (72 h after their last email, 12:00 on the 5th).
    await pipeline.send(orderWebhook(A, 9003, 503, '2026-03-08T12:00:01', 300));
    await drained(engines);
    const sends = await listRecoverySends(engines.db, { merchantId: A, campaignId: campaign.id });
    const purchases = await getCustomerPurchases(engines.ch.client, {
      merchantId: A,
      customerIds: sends.map((send) => Number(send.customerId)),
      from: riyadh('2026-03-01T00:00:00'),
      to: riyadh('2026-03-20T00:00:00'),
    });
    const [stats] = summarizeRecoveryCampaigns(
      [campaign.id],
      sends.map((send) => ({ campaignId: send.campaignId, cartId: Number(send.cartId), customerId: Number(send.customerId), status: send.status, sentAt: send.sentAt })),
      purchases,
      () => rules.attributionWindowHours * 3_600_000,
    );
    expect(stats).toEqual({ campaignId: campaign.id, emailsSent: 5, cartsEmailed: 3, recoveredCarts: 2, recoveredRevenueMinor: 26_050 + 38_000 });
  });
});

describe('crashes', () => {
  let crashCampaign: RecoveryCampaign;
  // The process dies right after the email went out (before the send row is updated), or for cart
  // 1008 right after its send row was claimed, before the ledger was asked.
  const crashing =
    (when: 'before-send' | 'after-send'): SendOnce =>
    async (input) => {
      if (when === 'before-send' && input.idempotencyKey.includes(':1008:')) throw new Error('killed before the ledger was asked');
      const result = await ledgerSend(input);
      if (when === 'after-send') throw new Error('killed after the email went out');
      return result;
    };

  beforeAll(async () => {
    crashCampaign = await createRecoveryCampaign(engines.db, {
      merchantId: B,
      name: 'crash test',
      rules: { ...rules, quietHours: null, maxAttempts: 1 },
      activeSince: riyadh('2026-03-01T00:00:00'),
    });
  });

  it('a crash after the email went out never sends it again; one before sends it exactly once', async () => {
    const count = async () => (await engines.postgres.query<{ n: string }>('pipeline', `SELECT count(*) AS n FROM email_outbox WHERE merchant_id = ${B}`))[0]?.n;
    // B's cart 1001 was bought by its customer at 12:00: only 1007 and 1008 are owed an email.
    await expect(tick('2026-03-02T12:00:00', crashing('after-send'))).rejects.toThrow('cart recovery failed');
    expect(Number(await count())).toBe(1);
    await expect(tick('2026-03-02T12:00:00', crashing('before-send'))).rejects.toThrow('cart recovery failed');
    expect(Number(await count())).toBe(1);
    expect(await tick('2026-03-02T12:01:00')).toMatchObject({ sent: 1, alreadyHandled: 0 });
    expect(await tick('2026-03-02T12:02:00')).toMatchObject({ sent: 0, alreadyHandled: 0 });
    expect(Number(await count())).toBe(2);
    const sends = await listRecoverySends(engines.db, { merchantId: B, campaignId: crashCampaign.id });
    expect(sends.map((send) => [Number(send.cartId), send.attempt, send.status]).sort()).toEqual([
      [1007, 1, 'sent'],
      [1008, 1, 'sent'],
    ]);
    const outbox = await listOutboxEmails(engines.db, { merchantId: B, limit: 10 });
    expect(outbox.map((email) => email.toAddress).sort()).toEqual(['c507@example.com', 'c508@example.com']);
  });
});

describe('a purchase that lands during the tick', () => {
  it('is caught by the check right before the send: no email for that cart', async () => {
    const D = 700_004;
    await upsertMerchant(engines.db, { id: D, name: 'Store D', timeZone: 'Asia/Riyadh', locale: 'ar' });
    await createRecoveryCampaign(engines.db, { merchantId: D, name: 'D', rules: { ...rules, quietHours: null }, activeSince: riyadh('2026-04-01T00:00:00') });
    await sendAll(pipeline, [cartWebhook(D, 4001, 801, '2026-04-01T10:00:00', 300), cartWebhook(D, 4002, 802, '2026-04-01T10:00:01', 300)]);
    await drained(engines);
    let purchased = false;
    // Both carts are candidates when the tick starts; right after the first email goes out,
    // the second cart's customer buys (through the pipeline, like any order).
    const buyingMidTick: SendOnce = async (input) => {
      const result = await ledgerSend(input);
      if (!purchased) {
        purchased = true;
        await pipeline.send(orderWebhook(D, 9401, 802, '2026-04-01T11:00:30', 300));
        await drained(engines);
      }
      return result;
    };
    const report = await runCartRecovery({ db: engines.db, analytics: engines.ch.client, sendOnce: buyingMidTick, logger }, { now: riyadh('2026-04-01T11:01:00') });
    expect(report).toMatchObject({ sent: 1, stoppedByPurchase: 1 });
    const outbox = await listOutboxEmails(engines.db, { merchantId: D, limit: 10 });
    expect(outbox.map((email) => email.toAddress)).toEqual(['c801@example.com']);
    const sends = await listRecoverySends(engines.db, { merchantId: D });
    expect(sends.map((send) => [Number(send.cartId), send.status]).sort()).toEqual([
      [4001, 'sent'],
      [4002, 'skipped'],
    ]);
    // Later ticks leave the bought cart alone.
    expect((await runCartRecovery({ db: engines.db, analytics: engines.ch.client, sendOnce: ledgerSend, logger }, { now: riyadh('2026-04-02T12:00:00') })).sent).toBe(1);
    expect((await listOutboxEmails(engines.db, { merchantId: D, limit: 10 })).map((email) => email.toAddress).sort()).toEqual(['c801@example.com', 'c801@example.com']);
  });
});

describe('on the job scheduler', () => {
  it('runs as the registered campaigns.cart-recovery schedule; duplicate triggers and two workers send once', async () => {
    // The running pipeline's own scheduler (wall clock) is stopped and its schedule rows dropped:
    // these workers run on a clock the test moves.
    await pipeline.pipeline.scheduler.stop();
    await engines.db.schedule.deleteMany({});
    await upsertMerchant(engines.db, { id: C, name: 'Store C', timeZone: 'Asia/Riyadh', locale: 'en' });
    await createRecoveryCampaign(engines.db, { merchantId: C, name: 'C', rules: { ...rules, quietHours: null, maxAttempts: 1 }, activeSince: riyadh('2026-03-01T00:00:00') });
    let now = new Date('2026-03-02T08:02:00Z'); // 11:02 in Riyadh: the 11:00 tick is due
    const workers = [0, 1].map(() => {
      const scheduler = new JobScheduler({ db: engines.db, logger, driver: 'postgres', clock: () => now, concurrency: 2 });
      const base = { db: engines.db, analytics: new ClickHouseAnalyticsRepository(engines.ch.client), clickhouse: engines.ch.client, email: sender, logger, clock: () => now, appUrl: 'http://127.0.0.1:3000' };
      const deps = createAutomationDeps(base);
      registerSchedules(scheduler, deps);
      return scheduler;
    });
    expect(workers[0]!.names()).toContain('campaigns.cart-recovery');
    await Promise.all(workers.map((w) => w.sync()));
    // Registered at 11:02: the first tick is 11:05 Riyadh (08:05Z).
    now = new Date('2026-03-02T08:05:30Z');
    await Promise.all([...workers.map((w) => w.enqueueDue()), ...workers.map((w) => w.enqueueDue())]);
    await Promise.all([...workers.map((w) => w.runOnce()), ...workers.map((w) => w.runOnce())]);
    const outbox = await listOutboxEmails(engines.db, { merchantId: C, limit: 10 });
    expect(outbox.map((email) => [email.toAddress, email.locale, email.idempotencyKey.split(':').slice(-2).join(':')])).toEqual([['c601@example.com', 'en', '3001:1']]);
    // (Ticks of the pipeline's own wall-clock scheduler, before it was stopped, are not this test's.)
    const ticks = await engines.db.job.findMany({ where: { type: 'schedule:campaigns.cart-recovery', dedupeKey: { startsWith: 'schedule:campaigns.cart-recovery:2026-03' } } });
    expect(ticks.map((job) => [job.status, job.dedupeKey])).toEqual([['succeeded', 'schedule:campaigns.cart-recovery:2026-03-02T08:05:00.000Z']]);
  });

  it('deletes expired export files on the files.cleanup schedule (every 10 minutes), and only those', async () => {
    await pipeline.pipeline.scheduler.stop();
    await engines.db.schedule.deleteMany({});
    let now = new Date('2026-03-05T09:01:00Z');
    const scheduler = new JobScheduler({ db: engines.db, logger, driver: 'postgres', clock: () => now, concurrency: 4 });
    registerSchedules(
      scheduler,
      createAutomationDeps({ db: engines.db, analytics: new ClickHouseAnalyticsRepository(engines.ch.client), clickhouse: engines.ch.client, email: sender, logger, clock: () => now, appUrl: 'http://127.0.0.1:3000' }),
    );
    await scheduler.sync();
    const file = (expiresAt: Date, name: string) =>
      saveExportFile(engines.db, { merchantId: C, tableName: 'carts', format: 'csv', fileName: name, contentType: 'text/csv', content: Buffer.from(name), rowCount: 1, expiresAt });
    const expired = await file(new Date('2026-03-05T09:05:00Z'), 'expired.csv');
    const live = await file(new Date('2026-03-05T12:00:00Z'), 'live.csv');
    now = new Date('2026-03-05T09:10:30Z'); // the 09:10 tick (cart recovery's 09:05 and 09:10 ticks run too)
    await scheduler.enqueueDue(['files.cleanup']);
    await scheduler.runOnce();
    await scheduler.runOnce();
    expect(await engines.db.exportFile.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await engines.db.exportFile.findUnique({ where: { id: live.id } })).not.toBeNull();
    const ticks = await engines.db.job.findMany({ where: { type: 'schedule:files.cleanup', dedupeKey: { startsWith: 'schedule:files.cleanup:2026-03-05' } } });
    expect(ticks.map((job) => [job.status, job.dedupeKey])).toEqual([['succeeded', 'schedule:files.cleanup:2026-03-05T09:10:00.000Z']]);
  });
});
