import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { BACKFILL_JOB_TYPE, backfillProgressOf, generateStore } from '@salla-analytics/core-library';
import { type Job, listDeadLetters, listJobs } from '@salla-analytics/database-schema';
import { type LocalSalla, startLocalSallaServer } from '@salla-analytics/integration-gateways';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSallaBody } from '../src/index.js';
import { drained, type Engines, SECRET, startEngines, waitFor } from './support/harness.js';
import { authorizeWebhook, SALLA_CLIENT, SallaTruth, sallaEnv, storedNumbers } from './support/salla-history.js';
import getPort from 'get-port';

/**
 * The acceptance test of the history backfill: 50,000 orders from the local Salla Admin API (rate
 * limited), the pipeline process SIGKILLed three times mid-import and restarted, while webhooks
 * for the same store's orders keep arriving. The end state must equal Salla's exactly.
 */
const SERVER = resolve(import.meta.dirname, '../src/bin/server.ts');
const M = 730001;
const store = generateStore({ seed: 50, merchantId: M, months: 12, endDate: new Date('2025-12-31T20:59:59Z'), ordersPerMonth: 4_167, products: 150, customers: 6_000 });

let engines: Engines;
let salla: LocalSalla;
let port: number;
let child: ChildProcess | null = null;

function startServer(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      ...engines.env({
        PIPELINE_PORT: String(port),
        QUEUE_JOB_TIMEOUT_SECONDS: '3',
        INTAKE_RECOVERY_AFTER_SECONDS: '2',
        LOG_LEVEL: 'warn',
        ...sallaEnv(salla, { BACKFILL_JOB_LEASE_SECONDS: '3', BACKFILL_POLL_INTERVAL_MS: '200' }),
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4_000)));
  proc.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4_000)));
  return waitFor(async () => {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
    return fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
  }, 60_000).then(() => proc);
}

/** Posts a signed webhook; false when the process is down (the sender keeps it and retries, as Salla does). */
async function deliver(body: unknown): Promise<boolean> {
  const text = JSON.stringify(body);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/webhooks/salla`, {
      method: 'POST',
      body: text,
      headers: { 'Content-Type': 'application/json', 'X-Salla-Signature': signSallaBody(text, SECRET) },
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function backfillJob(): Promise<Job | undefined> {
  const [job] = await listJobs(engines.db, { merchantId: M, type: BACKFILL_JOB_TYPE, limit: 1 });
  return job;
}

beforeAll(async () => {
  [engines, salla] = await Promise.all([
    startEngines(),
    // A Pro-like store bucket, scaled to a test's patience: 60 requests, draining 60 per second.
    startLocalSallaServer({ ...SALLA_CLIENT, rateLimit: { capacity: 60, leakPerSecond: 60 } }),
  ]);
  port = await getPort();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await salla?.close();
  await engines?.stop();
});

describe('backfill of 50,000 orders, killed 3 times, with webhooks arriving', () => {
  it('ends with exact counts and sums, no duplicates, no dead letters', async () => {
    expect(store.orders.length).toBeGreaterThanOrEqual(50_000);
    const truth = new SallaTruth(salla, M, store);
    child = await startServer();
    const started = Date.now();
    expect(await deliver(authorizeWebhook(salla, M))).toBe(true);

    // Webhooks for the same store, all along: status and shipping changes of random orders
    // (each order once), and new orders. Unacknowledged ones are re-sent until acknowledged.
    const pending: unknown[] = [];
    let sending = true;
    let sent = 0;
    const shuffled = [...store.orders.map((order) => order.id)].sort((a, b) => ((a * 2_654_435_761) % 4_294_967_296) - ((b * 2_654_435_761) % 4_294_967_296));
    const sender = (async () => {
      let next = 0;
      let created = 0;
      while (sending) {
        for (let i = 0; i < 5; i++) {
          const id = shuffled[next++] as number;
          pending.push(i % 2 ? truth.changeStatus(id, next % 3 ? 'completed' : 'canceled') : truth.changeShipping(id, 20 + (next % 15)));
        }
        if (next % 50 === 0) {
          const template = store.orders[next] ?? store.orders[0]!;
          pending.push(truth.create({ ...template, id: 88_000_000 + ++created, reference_id: 88_000_000 + created, date: new Date(), updated_at: new Date() }));
        }
        const batch = pending.splice(0, pending.length);
        const results = await Promise.all(batch.map(async (body) => ((await deliver(body)) ? null : body)));
        for (const body of results) if (body !== null) pending.push(body);
        sent += batch.length - results.filter((body) => body !== null).length;
        await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
      }
    })();

    // Three SIGKILLs at different points of the import, each followed by a restart.
    const kills: number[] = [];
    for (const at of [0.15, 0.45, 0.75]) {
      await waitFor(async () => {
        const job = await backfillJob();
        const progress = job ? backfillProgressOf(job) : null;
        return progress?.total !== null && progress !== null && progress.done >= (progress.total ?? Infinity) * at;
      }, 240_000, 50);
      kills.push((await backfillJob())?.progressDone ?? 0);
      child.kill('SIGKILL');
      await new Promise((resolveExit) => child?.once('exit', resolveExit));
      child = await startServer();
    }

    await waitFor(async () => (await backfillJob())?.status === 'succeeded', 300_000, 200);
    const seconds = (Date.now() - started) / 1000;
    sending = false;
    await sender;
    await waitFor(async () => {
      const batch = pending.splice(0, pending.length);
      for (const body of batch) if (!(await deliver(body))) pending.push(body);
      return pending.length === 0;
    }, 60_000);
    await drained(engines, 120_000);

    const job = (await backfillJob()) as Job;
    expect(job.attempts).toBe(4); // the first run and three resumptions from the checkpoint
    expect(await listDeadLetters(engines.db, { merchantId: M })).toEqual([]);
    const expected = truth.expected();
    const stored = await storedNumbers(engines.ch, M);
    expect(stored).toEqual({
      orders: expected.orders,
      distinctOrders: expected.orders,
      grossMinor: expected.grossMinor,
      canceled: expected.canceled,
      items: expected.items,
      products: store.products.length,
      customers: store.customers.length,
    });
    const [states] = await engines.postgres.query<{ n: string }>('pipeline', 'SELECT count(*) AS n FROM order_states WHERE merchant_id = $1', [M]);
    expect(Number(states?.n)).toBe(expected.orders);
    expect(salla.stats().retryAfterViolations).toEqual([]);
    expect(salla.stats().refreshTokenReuses).toEqual([]);
    const requests = salla.stats().requests.filter((r) => r.merchantId === M);
    console.log(
      JSON.stringify({
        orders: store.orders.length,
        items: store.orders.length + store.products.length + store.customers.length,
        seconds: Math.round(seconds),
        ordersPerSecond: Math.round(store.orders.length / seconds),
        killedAtDone: kills,
        webhooksSent: sent,
        apiRequests: requests.length,
        throttled429: requests.filter((r) => r.status === 429).length,
      }),
    );
  }, 600_000);
});
