import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database, listEmailDeliveries, listOutboxEmails } from '@salla-analytics/database-schema';
import { createOutboxSender, type LocalQStash, signQStashPush, startLocalQStashServer } from '@salla-analytics/integration-gateways';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxStore, JobScheduler, type ScheduledRun, sendEmailOnce } from '../src/index.js';
import { createQStashSchedules, createQStashVerifier } from '@salla-analytics/integration-gateways';
import { buildApp } from '../src/http/build-app.js';
import { PipelineMetrics } from '../src/observability/metrics.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const logger = pino({ level: 'silent' });
let postgres: TestPostgres;
let outboxDir: string;

beforeAll(async () => {
  postgres = await startPostgres();
  outboxDir = await mkdtemp(join(tmpdir(), 'sched-outbox-'));
});
afterAll(async () => {
  await postgres?.stop();
  if (outboxDir) await rm(outboxDir, { recursive: true, force: true });
});

/** A clock the test moves by hand. */
function fakeClock(iso: string) {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next: string) => {
      now = new Date(next);
    },
  };
}

function worker(db: Database, clock: () => Date, handler: (run: ScheduledRun) => Promise<void>, extra: { maxCatchUp?: number; cron?: string; name?: string } = {}) {
  return new JobScheduler({ db, logger, driver: 'postgres', clock, leaseMs: 60_000, concurrency: 4 }).register({
    name: extra.name ?? 'test.hourly',
    cron: extra.cron ?? '0 * * * *',
    handler,
    ...(extra.maxCatchUp ? { maxCatchUp: extra.maxCatchUp } : {}),
  });
}

async function tickJobs(db: Database, type: string) {
  return db.job.findMany({ where: { type }, orderBy: { runAt: 'asc' } });
}

describe('the job scheduler on embedded Postgres', () => {
  it('a tick triggered many times, by two workers at once, runs its handler exactly once', async () => {
    const { url, db } = await postgres.createMigratedDatabase();
    const second = createDatabase(url, { maxConnections: 4 });
    const clock = fakeClock('2026-03-02T05:30:00Z');
    const runs: string[] = [];
    const handler = async ({ scheduledFor }: ScheduledRun) => void runs.push(scheduledFor.toISOString());
    const a = worker(db, clock.now, handler);
    const b = worker(second, clock.now, handler);
    await Promise.all([a.sync(), b.sync()]);
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs).toEqual([]); // nothing is due before 06:00

    clock.set('2026-03-02T06:00:05Z');
    const triggers = await Promise.all([a.enqueueDue(), b.enqueueDue(), a.enqueueDue(), b.enqueueDue()]);
    expect(triggers.flat().filter((tick) => !tick.duplicate).map((tick) => tick.scheduledFor.toISOString())).toEqual(['2026-03-02T06:00:00.000Z']);
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    expect(runs).toEqual(['2026-03-02T06:00:00.000Z']);
    const jobs = await tickJobs(db, 'schedule:test.hourly');
    expect(jobs.map((job) => [job.status, job.attempts, job.dedupeKey])).toEqual([['succeeded', 1, 'schedule:test.hourly:2026-03-02T06:00:00.000Z']]);
    await second.$disconnect();
  });

  it('after downtime runs only the newest missed ticks (maxCatchUp) and then the next one on time', async () => {
    const { db } = await postgres.createMigratedDatabase();
    const clock = fakeClock('2026-03-02T00:10:00Z');
    const runs: string[] = [];
    const s = worker(db, clock.now, async ({ scheduledFor }) => void runs.push(scheduledFor.toISOString()), { maxCatchUp: 2 });
    await s.sync();
    clock.set('2026-03-02T04:20:00Z'); // 01:00 … 04:00 were missed
    await s.runOnce();
    expect(runs.sort()).toEqual(['2026-03-02T03:00:00.000Z', '2026-03-02T04:00:00.000Z']);
    clock.set('2026-03-02T04:59:59Z');
    await s.runOnce();
    clock.set('2026-03-02T05:00:00Z');
    await s.runOnce();
    expect(runs.sort()).toEqual(['2026-03-02T03:00:00.000Z', '2026-03-02T04:00:00.000Z', '2026-03-02T05:00:00.000Z']);
  });

  it('a failing handler is retried with backoff and then failed for good after maxAttempts', async () => {
    const { db } = await postgres.createMigratedDatabase();
    const clock = fakeClock('2026-03-02T05:59:00Z');
    let calls = 0;
    const s = new JobScheduler({ db, logger, driver: 'postgres', clock: clock.now, concurrency: 1 }).register({
      name: 'test.flaky',
      cron: '0 6 * * *',
      maxAttempts: 2,
      handler: async () => {
        calls += 1;
        throw new Error('ClickHouse down');
      },
    });
    await s.sync();
    clock.set('2026-03-02T06:00:00Z');
    await s.runOnce();
    expect((await tickJobs(db, 'schedule:test.flaky'))[0]).toMatchObject({ status: 'queued', attempts: 1, error: 'ClickHouse down' });
    await s.runOnce(); // the retry is not due yet (backoff)
    expect(calls).toBe(1);
    clock.set('2026-03-02T06:00:06Z');
    await s.runOnce();
    expect(calls).toBe(2);
    expect((await tickJobs(db, 'schedule:test.flaky'))[0]).toMatchObject({ status: 'failed', attempts: 2 });
  });

  for (const stage of ['after-send', 'during-send'] as const) {
    it(`a worker killed ${stage === 'after-send' ? 'after its handler sent the email' : 'inside the send (ledger row claimed)'}: the tick runs again once its lease expires and no email goes out twice`, async () => {
      const { url, db } = await postgres.createMigratedDatabase();
      const dir = join(outboxDir, stage);
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/scheduler-crash-child.ts'), url, dir, '2026-03-02T05:00:30Z', stage], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      expect(signal).toBe('SIGKILL');
      // The process died between the claim of the tick and its completion: the job is still running.
      const [job] = await tickJobs(db, 'schedule:crash.report');
      expect(job).toMatchObject({ status: 'running', attempts: 1 });
      expect((await listEmailDeliveries(db, { merchantId: 42 })).map((row) => row.status)).toEqual([stage === 'after-send' ? 'sent' : 'sending']);

      const clock = fakeClock('2026-03-02T05:00:40Z');
      const sender = createOutboxSender({ dir, from: 'Reports <r@example.test>', store: createOutboxStore(db) });
      const runs: string[] = [];
      const results: string[] = [];
      const survivor = new JobScheduler({ db, logger, driver: 'postgres', clock: clock.now, leaseMs: 60_000 }).register({
        name: 'crash.report',
        cron: '0 5 * * *',
        handler: async ({ scheduledFor }) => {
          runs.push(scheduledFor.toISOString());
          const result = await sendEmailOnce(
            { db, sender },
            { merchantId: 42, idempotencyKey: `report:${scheduledFor.toISOString()}`, email: { to: 'owner@example.test', locale: 'en', template: 'alert_triggered', model: { metric: 'Revenue', storeName: 'Crash', name: 'Owner', change: '-50%' } } },
          );
          results.push(result.status === 'skipped' ? `skipped:${result.existing}` : result.status);
        },
      });
      await survivor.sync();
      await survivor.runOnce();
      expect(runs).toEqual([]); // the lease (60 s from 05:00:30) still holds
      clock.set('2026-03-02T05:01:31Z');
      await survivor.runOnce();
      expect(runs).toEqual(['2026-03-02T05:00:00.000Z']);
      expect(results).toEqual([stage === 'after-send' ? 'skipped:sent' : 'skipped:sending']);
      expect((await tickJobs(db, 'schedule:crash.report'))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
      const written = (await listOutboxEmails(db, { merchantId: 42 })).length;
      expect(written).toBe(stage === 'after-send' ? 1 : 0);
      expect((await readdir(dir).catch(() => [])).filter((file) => file.endsWith('.html'))).toHaveLength(written);
      // The interrupted send is reported (never re-sent): it stays `sending`.
      if (stage === 'during-send') expect((await listEmailDeliveries(db, { status: 'sending' })).map((row) => row.idempotencyKey)).toEqual(['report:2026-03-02T05:00:00.000Z']);
    });
  }
});

describe('the email ledger (sendEmailOnce)', () => {
  it('sends exactly once under 20 concurrent duplicate calls, and scopes keys per merchant', async () => {
    const { db } = await postgres.createMigratedDatabase();
    const sender = createOutboxSender({ dir: join(outboxDir, 'concurrent'), from: 'R <r@example.test>', store: createOutboxStore(db) });
    let sends = 0;
    const counted = {
      ...sender,
      send: async (email: Parameters<typeof sender.send>[0]) => {
        sends += 1;
        return sender.send(email);
      },
    };
    const email = { to: 'owner@example.test', locale: 'ar', template: 'alert_triggered', model: { metric: 'الإيرادات', storeName: 'متجر', name: 'سارة', change: '-40%' } } as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sendEmailOnce({ db, sender: counted }, { merchantId: 7, idempotencyKey: 'alert:r1:2026-03-02T06:00:00.000Z', email })),
    );
    expect(sends).toBe(1);
    expect(results.filter((result) => result.status === 'sent')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'skipped')).toHaveLength(19);
    // The same key for another store is another email.
    const other = await sendEmailOnce({ db, sender: counted }, { merchantId: 8, idempotencyKey: 'alert:r1:2026-03-02T06:00:00.000Z', email });
    expect(other.status).toBe('sent');
    expect((await listOutboxEmails(db)).map((row) => [Number(row.merchantId), row.idempotencyKey]).sort()).toEqual([
      [7, '7:alert:r1:2026-03-02T06:00:00.000Z'],
      [8, '8:alert:r1:2026-03-02T06:00:00.000Z'],
    ]);
  });

  it('a send the provider refused may be retried; a timeout (maybe delivered) is never retried', async () => {
    const { db } = await postgres.createMigratedDatabase();
    const sender = createOutboxSender({ dir: join(outboxDir, 'refused'), from: 'R <r@example.test>', store: createOutboxStore(db) });
    const { AppError } = await import('@salla-analytics/core-library');
    const email = { to: 'owner@example.test', locale: 'en', template: 'alert_triggered', model: { metric: 'Revenue', storeName: 'S', name: 'N', change: '-1%' } } as const;
    const refusing = { ...sender, send: async () => Promise.reject(new AppError('RATE_LIMITED', 'Postmark rate-limited the send')) };
    await expect(sendEmailOnce({ db, sender: refusing }, { merchantId: 9, idempotencyKey: 'k-refused', email })).rejects.toThrow('rate-limited');
    expect((await listEmailDeliveries(db, { merchantId: 9 }))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await sendEmailOnce({ db, sender }, { merchantId: 9, idempotencyKey: 'k-refused', email })).toMatchObject({ status: 'sent' });
    expect((await listEmailDeliveries(db, { merchantId: 9 }))[0]).toMatchObject({ status: 'sent', attempts: 2 });

    const timingOut = { ...sender, send: async () => Promise.reject(new AppError('TIMEOUT', 'Postmark timed out')) };
    await expect(sendEmailOnce({ db, sender: timingOut }, { merchantId: 9, idempotencyKey: 'k-timeout', email })).rejects.toThrow('timed out');
    expect(await sendEmailOnce({ db, sender }, { merchantId: 9, idempotencyKey: 'k-timeout', email })).toMatchObject({ status: 'skipped', existing: 'sending' });
    expect((await listOutboxEmails(db, { merchantId: 9 })).map((row) => row.idempotencyKey)).toEqual(['9:k-refused']);
  });
});

describe('the QStash driver (real SDK against the local QStash stand-in)', () => {
  const KEYS = { token: 'qstash-token-sched', currentSigningKey: 'sig_current_sched', nextSigningKey: 'sig_next_sched' };
  let qstash: LocalQStash;
  beforeAll(async () => {
    qstash = await startLocalQStashServer({ ...KEYS, retryBaseDelayMs: 20 });
  });
  afterAll(async () => {
    await qstash?.close();
  });

  it('creates one QStash schedule per name, and a signed push (even repeated) enqueues the tick once', async () => {
    const { db } = await postgres.createMigratedDatabase();
    const clock = fakeClock('2026-03-02T05:40:00Z');
    const runs: string[] = [];
    const app = { url: '' };
    const scheduler = new JobScheduler({
      db,
      logger,
      driver: 'qstash',
      clock: clock.now,
      concurrency: 0, // the test runs the jobs itself (runOnce) after the pushes
      qstash: {
        schedules: createQStashSchedules({ token: KEYS.token, baseUrl: qstash.url }),
        verifier: createQStashVerifier({ currentSigningKey: KEYS.currentSigningKey, nextSigningKey: KEYS.nextSigningKey }),
        get triggerUrl() {
          return app.url;
        },
      },
    }).register({ name: 'digests.send', cron: '*/15 * * * *', handler: async ({ scheduledFor }) => void runs.push(scheduledFor.toISOString()) });
    const server = buildApp({
      db,
      logger,
      metrics: new PipelineMetrics(),
      webhookSecret: 'x'.repeat(32),
      bodyLimit: 1 << 20,
      logRequests: false,
      checks: {},
      scheduler,
    } as unknown as Parameters<typeof buildApp>[0]);
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    app.url = `${base}/scheduler/qstash`;
    try {
      await scheduler.sync();
      expect(qstash.schedules().map((s) => [s.scheduleId, s.cron, s.destination, JSON.parse(s.body)])).toEqual([
        ['salla-analytics.digests.send', '*/15 * * * *', app.url, { schedule: 'digests.send' }],
      ]);
      await scheduler.sync(); // a restart replaces, never duplicates
      expect(qstash.schedules()).toHaveLength(1);

      clock.set('2026-03-02T05:45:02Z');
      expect(qstash.fireSchedules(new Date('2026-03-02T05:45:00Z'))).toHaveLength(1);
      expect(qstash.fireSchedules(new Date('2026-03-02T05:45:00Z'))).toHaveLength(1); // QStash delivering twice
      expect(qstash.fireSchedules(new Date('2026-03-02T05:46:00Z'))).toHaveLength(0); // not a tick of */15
      await qstash.idle();
      expect(qstash.messages().map((m) => [m.state, m.lastStatus])).toEqual([['delivered', 200], ['delivered', 200]]);
      expect((await tickJobs(db, 'schedule:digests.send')).map((job) => job.dedupeKey)).toEqual(['schedule:digests.send:2026-03-02T05:45:00.000Z']);
      const jobs = new JobScheduler({ db, logger, driver: 'qstash', clock: clock.now, qstash: { schedules: createQStashSchedules({ token: KEYS.token, baseUrl: qstash.url }), verifier: createQStashVerifier(KEYS), triggerUrl: app.url } }).register({
        name: 'digests.send',
        cron: '*/15 * * * *',
        handler: async ({ scheduledFor }) => void runs.push(scheduledFor.toISOString()),
      });
      await jobs.runOnce();
      await jobs.runOnce();
      expect(runs).toEqual(['2026-03-02T05:45:00.000Z']);

      // Unsigned or wrongly signed pushes are refused and enqueue nothing.
      clock.set('2026-03-02T06:00:01Z');
      const body = JSON.stringify({ schedule: 'digests.send' });
      for (const signature of [undefined, signQStashPush('wrong-key', app.url, body)]) {
        const response = await fetch(app.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature ? { 'upstash-signature': signature } : {}) } });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_SIGNATURE');
      }
      const bad = '{"schedule": 5}';
      const refused = await fetch(app.url, { method: 'POST', body: bad, headers: { 'upstash-signature': signQStashPush(KEYS.currentSigningKey, app.url, bad) } });
      expect(refused.status).toBe(400);
      expect(await tickJobs(db, 'schedule:digests.send')).toHaveLength(1);
    } finally {
      await server.close();
      await scheduler.stop();
    }
  });
});
