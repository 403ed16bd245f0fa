import { BACKFILL_JOB_TYPE, emptyBackfillCheckpoint } from '@salla-analytics/core-library';
import { claimNextJob, createDatabase, type Database, updateJobProgress, upsertMerchant } from '@salla-analytics/database-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '../src/env';
import { closeContext } from '../src/server/context';
import { resetRateLimitersForTests } from '../src/server/security/rate-limit';
import { callRoute, ORIGIN } from './support/call-route';
import { sessionFor } from './support/sessions';
import { startTestStack, type TestStack } from './support/test-stack';

const STORE = 940_001;
let stack: TestStack;
let db: Database;
let owner: string;
let viewer: string;

beforeAll(async () => {
  stack = await startTestStack([]);
  Object.assign(process.env, stack.env, { CACHE_INVALIDATION_LISTEN: 'false' });
  resetEnvForTests();
  resetRateLimitersForTests();
  db = createDatabase(stack.databaseUrl, { maxConnections: 2 });
  await upsertMerchant(db, { id: STORE, name: 'متجر التاريخ' });
  owner = await sessionFor(stack.databaseUrl, 'owner@history.example', STORE, 'owner');
  viewer = await sessionFor(stack.databaseUrl, 'viewer@history.example', STORE, 'viewer');
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await closeContext();
  await stack?.stop();
});

type Envelope = { data: Record<string, unknown> | null; meta: Record<string, unknown> };

describe('/api/v1/history-import (Settings → import history)', () => {
  it('has nothing before the first import', async () => {
    const response = await callRoute('/api/v1/history-import', { cookie: owner });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Envelope).data).toBeNull();
  });

  it('lets only owners/admins start it, same-origin only', async () => {
    expect((await callRoute('/api/v1/history-import', { method: 'POST', cookie: viewer, headers: { origin: ORIGIN } })).status).toBe(403);
    expect((await callRoute('/api/v1/history-import', { method: 'POST', cookie: owner, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await callRoute('/api/v1/history-import', { method: 'POST', headers: { origin: ORIGIN } })).status).toBe(401);
  });

  it('queues one import for the pipeline however often it is clicked, and shows its progress', async () => {
    const first = (await (await callRoute('/api/v1/history-import', { method: 'POST', cookie: owner, headers: { origin: ORIGIN } })).json()) as Envelope;
    expect(first.meta.started).toBe(true);
    expect(first.data).toMatchObject({ type: BACKFILL_JOB_TYPE, status: 'queued', done: 0 });
    const again = (await (await callRoute('/api/v1/history-import', { method: 'POST', cookie: owner, headers: { origin: ORIGIN } })).json()) as Envelope;
    expect(again.meta.started).toBe(false);
    expect(again.data?.jobId).toBe(first.data?.jobId);

    // The pipeline's worker picks it up and reports progress in the jobs table.
    const job = await claimNextJob(db, { types: [BACKFILL_JOB_TYPE], leaseMs: 60_000 });
    expect(job?.id).toBe(first.data?.jobId);
    const checkpoint = emptyBackfillCheckpoint();
    checkpoint.resources.orders = { nextPage: 11, done: 600, total: 2_400, finished: false, invalid: 0 };
    checkpoint.resources.products = { nextPage: 3, done: 120, total: 120, finished: true, invalid: 0 };
    checkpoint.resources.customers = { nextPage: 5, done: 240, total: 480, finished: false, invalid: 0 };
    checkpoint.ratePerSecond = 320;
    checkpoint.etaSeconds = 6;
    await updateJobProgress(db, job!.id, { done: 960, total: 3_000, checkpoint });

    // Any member of the store may watch it.
    const progress = (await (await callRoute('/api/v1/history-import', { cookie: viewer })).json()) as Envelope;
    expect(progress.data).toMatchObject({ status: 'running', done: 960, total: 3_000, fraction: 0.32, ratePerSecond: 320, etaSeconds: 6 });
    expect((progress.data?.resources as Record<string, unknown> | undefined)?.orders).toMatchObject({ done: 600, total: 2_400 });
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await callRoute('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/api/v1/history-import'] ?? {}).sort()).toEqual(['get', 'post']);
  });
});
