import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cancelJob,
  claimNextJob,
  enqueueJobUnlessActive,
  completeJob,
  type Database,
  enqueueJob,
  failJob,
  findActiveJob,
  getJob,
  heartbeatJob,
  listJobs,
  updateJobProgress,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const MERCHANT_A = 1305146709n;
const MERCHANT_B = 1305146710n;

let postgres: TestPostgres;
let db: Database;
beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
});
beforeEach(async () => {
  await db.job.deleteMany();
});
afterAll(async () => {
  await postgres?.stop();
});

describe('enqueueJob', () => {
  it('enqueues a job at most once per dedupe key', async () => {
    const input = {
      type: 'backfill.orders',
      merchantId: MERCHANT_A,
      dedupeKey: `backfill.orders:${MERCHANT_A}`,
    };
    const first = await enqueueJob(db, input);
    const second = await enqueueJob(db, input);
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ job: first.job, duplicate: true });
    expect(first.job).toMatchObject({ status: 'queued', attempts: 0, progressDone: 0 });
  });
});

describe('claimNextJob', () => {
  it('gives each due job to exactly one of many concurrent workers', async () => {
    for (let i = 0; i < 3; i++) await enqueueJob(db, { type: 'report.send', merchantId: MERCHANT_A });
    await enqueueJob(db, {
      type: 'report.send',
      merchantId: MERCHANT_A,
      runAt: new Date(Date.now() + 3_600_000),
    });

    const claims = await Promise.all(Array.from({ length: 6 }, () => claimNextJob(db)));
    const claimed = claims.filter((job) => job !== null);
    expect(claimed).toHaveLength(3); // the future one is not due
    expect(new Set(claimed.map((job) => job.id)).size).toBe(3);
    for (const job of claimed) expect(job).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('can be limited to some job types', async () => {
    await enqueueJob(db, { type: 'backfill.orders', merchantId: MERCHANT_A });
    expect(await claimNextJob(db, { types: ['report.send'] })).toBeNull();
    expect(await claimNextJob(db, { types: ['report.send', 'backfill.orders'] })).toMatchObject({
      type: 'backfill.orders',
    });
  });
});

describe('a job run', () => {
  it('saves progress and checkpoint, retries after a failure, then succeeds', async () => {
    await enqueueJob(db, { type: 'backfill.orders', merchantId: MERCHANT_A, progressTotal: 300 });
    const run1 = await claimNextJob(db);
    if (!run1) throw new Error('expected a job');
    expect(await updateJobProgress(db, run1.id, { done: 60, checkpoint: { page: 2 } })).toBe(true);
    expect(
      await failJob(db, run1.id, { error: '429 Too Many Requests', retryAt: new Date(Date.now() - 1) }),
    ).toBe(true);

    const run2 = await claimNextJob(db);
    expect(run2).toMatchObject({ id: run1.id, attempts: 2, progressDone: 60, checkpoint: { page: 2 } });
    expect(await completeJob(db, run1.id)).toBe(true);
    expect(await completeJob(db, run1.id)).toBe(false); // not running any more
    expect(await db.job.findUnique({ where: { id: run1.id } })).toMatchObject({
      status: 'succeeded',
      error: null,
    });
  });

  it('fails for good without a retry time', async () => {
    await enqueueJob(db, { type: 'report.send', merchantId: null });
    const run = await claimNextJob(db);
    expect(await failJob(db, run?.id ?? '', { error: 'template missing' })).toBe(true);
    expect(await claimNextJob(db)).toBeNull();
    expect(await db.job.findUnique({ where: { id: run?.id ?? '' } })).toMatchObject({ status: 'failed' });
  });
});

describe('tenant scoping', () => {
  it('lists and cancels only the merchant’s own jobs', async () => {
    const a = await enqueueJob(db, { type: 'backfill.orders', merchantId: MERCHANT_A });
    await enqueueJob(db, { type: 'backfill.orders', merchantId: MERCHANT_B });
    await enqueueJob(db, { type: 'platform.cleanup', merchantId: null });

    const listed = await listJobs(db, { merchantId: MERCHANT_A });
    expect(listed.map((job) => job.id)).toEqual([a.job.id]);

    expect(await cancelJob(db, { merchantId: MERCHANT_B, id: a.job.id })).toBe(false);
    expect(await cancelJob(db, { merchantId: MERCHANT_A, id: a.job.id })).toBe(true);
    expect(await listJobs(db, { merchantId: MERCHANT_A, status: 'canceled' })).toHaveLength(1);
  });
});

describe('leases (a worker that dies mid-job)', () => {
  it('hands a running job whose lease ran out to another worker, checkpoint kept; a renewed lease keeps it', async () => {
    const { job } = await enqueueJob(db, { type: 'salla.backfill', merchantId: MERCHANT_A });
    const t0 = new Date('2030-01-01T00:00:00Z');
    const claimed = await claimNextJob(db, { leaseMs: 1_000, now: t0 });
    expect(claimed?.id).toBe(job.id);
    expect(claimed?.leaseExpiresAt?.toISOString()).toBe('2030-01-01T00:00:01.000Z');
    await updateJobProgress(db, job.id, { done: 60, total: 600, checkpoint: { nextPage: 2 } });
    // Still leased: nobody else gets it.
    expect(await claimNextJob(db, { leaseMs: 1_000, now: new Date(t0.getTime() + 500) })).toBeNull();
    // Without a lease option, running jobs are never taken over (the old behaviour).
    expect(await claimNextJob(db, { now: new Date(t0.getTime() + 5_000) })).toBeNull();
    // The worker died: after the lease, the next claim resumes it.
    const resumed = await claimNextJob(db, { leaseMs: 1_000, now: new Date(t0.getTime() + 1_500) });
    expect(resumed).toMatchObject({ id: job.id, attempts: 2, progressDone: 60, checkpoint: { nextPage: 2 } });
    // A heartbeat renews the lease.
    expect(await heartbeatJob(db, job.id, { leaseMs: 60_000, now: new Date() })).toBe(true);
    expect(await claimNextJob(db, { leaseMs: 1_000, now: new Date(Date.now() + 30_000) })).toBeNull();
    expect(await completeJob(db, job.id)).toBe(true);
    expect(await heartbeatJob(db, job.id, { leaseMs: 1_000 })).toBe(false);
  });

  it('finds the merchant’s active job of a type, and a job by id only for its merchant', async () => {
    const { job } = await enqueueJob(db, { type: 'salla.backfill', merchantId: MERCHANT_A });
    expect((await findActiveJob(db, { merchantId: MERCHANT_A, type: 'salla.backfill' }))?.id).toBe(job.id);
    expect(await findActiveJob(db, { merchantId: MERCHANT_B, type: 'salla.backfill' })).toBeNull();
    expect((await getJob(db, { merchantId: MERCHANT_A, id: job.id }))?.id).toBe(job.id);
    expect(await getJob(db, { merchantId: MERCHANT_B, id: job.id })).toBeNull();
    expect(await getJob(db, { merchantId: MERCHANT_A, id: 'not-a-uuid' })).toBeNull();
    await cancelJob(db, { merchantId: MERCHANT_A, id: job.id });
    expect(await findActiveJob(db, { merchantId: MERCHANT_A, type: 'salla.backfill' })).toBeNull();
  });
});

describe('enqueueJobUnlessActive', () => {
  it('queues one job however many callers ask at once, and a new one once it finished', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => enqueueJobUnlessActive(db, { type: 'salla.backfill', merchantId: MERCHANT_A })));
    expect(results.filter((result) => result.started)).toHaveLength(1);
    expect(new Set(results.map((result) => result.job.id)).size).toBe(1);
    const [first] = results;
    await cancelJob(db, { merchantId: MERCHANT_A, id: first!.job.id });
    const next = await enqueueJobUnlessActive(db, { type: 'salla.backfill', merchantId: MERCHANT_A });
    expect(next.started).toBe(true);
    expect(next.job.id).not.toBe(first!.job.id);
    expect((await enqueueJobUnlessActive(db, { type: 'salla.backfill', merchantId: MERCHANT_B })).started).toBe(true);
  });
});
