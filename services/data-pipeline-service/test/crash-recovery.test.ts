import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { generateStore, localDateRangeToPeriod, toMinorUnits, toWebhookDeliveries } from '@salla-analytics/core-library';
import { listDeadLetters } from '@salla-analytics/database-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSallaBody } from '../src/index.js';
import { drained, type Engines, SECRET, startEngines, waitFor } from './support/harness.js';
import getPort from 'get-port';

const SERVER = resolve(import.meta.dirname, '../src/bin/server.ts');
const M = 720001;
const store = generateStore({ seed: 17, merchantId: M, months: 2, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 200 });
const deliveries = toWebhookDeliveries(store);

let engines: Engines;
let port: number;
let child: ChildProcess | null = null;

/** The real service process (TypeScript through tsx, so the test needs no build). */
function startServer(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      ...engines.env({
        PIPELINE_PORT: String(port),
        QUEUE_JOB_TIMEOUT_SECONDS: '3',
        BATCH_MAX_DELAY_MS: '300',
        QUEUE_BATCH_SIZE: '50',
        INTAKE_RECOVERY_AFTER_SECONDS: '2',
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk) => (output += chunk));
  proc.stderr?.on('data', (chunk) => (output += chunk));
  return waitFor(async () => {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
    return fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
  }, 60_000).then(() => proc);
}

async function send(body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/webhooks/salla`, {
      method: 'POST',
      body: text,
      headers: { 'Content-Type': 'application/json', 'X-Salla-Signature': signSallaBody(text, SECRET) },
    });
    return response.status;
  } catch {
    return 0; // connection refused while the process is down: the sender retries, as Salla does
  }
}

beforeAll(async () => {
  engines = await startEngines();
  port = await getPort();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await engines?.stop();
});

describe('the pipeline process killed (SIGKILL) mid-batch', () => {
  it('restarts and ends with exact numbers: no loss, no double count', async () => {
    child = await startServer();
    const pending = [...deliveries];
    const unacknowledged: unknown[] = [];
    let sent = 0;
    let killed = false;
    // 8 senders; halfway through, the process is killed while batches are in flight.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let body = pending.shift(); body !== undefined; body = pending.shift()) {
          sent += 1;
          if (!killed && sent === Math.floor(deliveries.length / 2)) {
            killed = true;
            child?.kill('SIGKILL');
          }
          if ((await send(body)) !== 200) unacknowledged.push(body);
        }
      }),
    );
    expect(killed).toBe(true);
    expect(unacknowledged.length).toBeGreaterThan(0);
    const [processedBefore] = await engines.postgres.query<{ n: string }>('pipeline', "SELECT count(*) AS n FROM webhook_inbox WHERE status <> 'processed'");
    expect(Number(processedBefore?.n)).toBeGreaterThan(0);

    child = await startServer();
    // Salla re-sends whatever was not acknowledged with a 200.
    for (const body of unacknowledged) expect(await send(body)).toBe(200);
    await drained(engines, 90_000);
    expect(await listDeadLetters(engines.db, { merchantId: M })).toEqual([]);

    const period = localDateRangeToPeriod('2025-05-01', '2025-06-30', 'Asia/Riyadh');
    const overview = await engines.ch.repository.getRevenueOverview({ merchantId: M, period });
    const expectedGross = store.orders.reduce((sum, order) => sum + toMinorUnits(order.amounts?.total.amount ?? 0, 'SAR'), 0);
    expect(overview.metrics.orders.value).toBe(store.orders.length);
    expect(overview.metrics.grossSales.value).toBe(expectedGross);
    const [counts] = await engines.ch.rows<{ orders: number; history: number }>(
      `SELECT (SELECT count() FROM orders FINAL WHERE merchant_id = ${M}) AS orders,
              (SELECT count() FROM order_status_history FINAL WHERE merchant_id = ${M}) AS history`,
    );
    expect(counts).toEqual({ orders: store.orders.length, history: store.statusHistory.length });

    child.kill('SIGTERM');
    await new Promise((resolveExit) => child?.once('exit', resolveExit));
    expect(child.exitCode).toBe(0);
  });
});
