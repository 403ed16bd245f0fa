import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateStore, orderStatusCategory, toLocalDate, toMinorUnits, toWebhookDeliveries } from '@salla-analytics/core-library';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { runNode } from './support/run-node.js';

const START = resolve(import.meta.dirname, '../dist/bin/start.js');
const ADMIN = resolve(import.meta.dirname, '../dist/bin/admin.js');
const MERCHANT = 930001;
const store = generateStore({ seed: 99, merchantId: MERCHANT, months: 2, endDate: new Date('2025-08-31T20:59:59Z'), ordersPerMonth: 250 });
const deliveries = toWebhookDeliveries(store);

let dir: string;
let env: Record<string, string>;
let stack: ChildProcess;
let output = '';
let pipelineUrl: string;
let secret: string;

function waitFor(pattern: RegExp, timeoutMs = 180_000): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`)), timeoutMs);
    const check = () => {
      if (stack.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`the stack exited with ${stack.exitCode}; output:\n${output}`));
      } else if (pattern.test(output)) {
        clearTimeout(timer);
        resolvePromise();
      } else setTimeout(check, 100);
    };
    check();
  });
}

/** Deterministic pseudo-random numbers, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stream-'));
  const [pgPort, chPort, pipelinePort, pwaPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  env = {
    SALLA_ANALYTICS_DATA_DIR: dir,
    POSTGRES_PORT: String(pgPort),
    CLICKHOUSE_HTTP_PORT: String(chPort),
    PIPELINE_PORT: String(pipelinePort),
    PWA_PORT: String(pwaPort),
    DEMO_MONTHS: '1',
    DEMO_ORDERS_PER_MONTH: '30',
  };
  stack = spawn(process.execPath, [START], { env: { ...process.env, ...env } });
  stack.stdout?.on('data', (chunk) => (output += chunk));
  stack.stderr?.on('data', (chunk) => (output += chunk));
  await waitFor(/ready — /);
  pipelineUrl = `http://127.0.0.1:${pipelinePort}`;
  secret = JSON.parse(readFileSync(join(dir, 'local-secrets.json'), 'utf8')).webhookSecret;
});

afterAll(async () => {
  if (stack && stack.exitCode === null) {
    await new Promise((resolvePromise) => {
      stack.once('exit', resolvePromise);
      stack.kill('SIGINT');
    });
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('a storm of deliveries against the running local stack', () => {
  it('ends with pnpm admin overview equal to the generator, impostors refused, garbage kept', async () => {
    const next = random(7);
    type Send = { body: string | Buffer; signature: string | null; expect: number };
    const sign = (body: string | Buffer) => createHmac('sha256', secret).update(body).digest('hex');
    const sends: Send[] = [];
    for (const delivery of deliveries) {
      const body = JSON.stringify(delivery);
      sends.push({ body, signature: sign(body), expect: 200 });
      if (next() < 0.25) sends.push({ body, signature: sign(body), expect: 200 }); // duplicate
    }
    for (let index = 0; index < 100; index++) {
      // Impostors: real-looking bodies with a wrong, missing or stale signature.
      const body = JSON.stringify({ ...deliveries[index * 7], data: { ...deliveries[index * 7]?.data, id: 1 } });
      const signature = index % 3 === 0 ? null : index % 3 === 1 ? createHmac('sha256', 'not-the-secret').update(body).digest('hex') : sign('{}');
      sends.push({ body, signature, expect: 401 });
    }
    for (let index = 0; index < 50; index++) {
      // Garbage from someone holding the secret: truncated JSON, wrong shapes, bad bytes.
      const kinds = [`{"event":"order.created","merchant":${MERCHANT},`, '[]', JSON.stringify({ event: 'order.created', merchant: MERCHANT, data: {} }), Buffer.from([0xc3, 0x28, index])];
      const body = kinds[index % kinds.length] as string | Buffer;
      const unique = typeof body === 'string' ? `${body} `.repeat(1 + Math.floor(index / kinds.length)) : body;
      sends.push({ body: unique, signature: sign(unique), expect: 400 });
    }
    // Reorder everything.
    for (let index = sends.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [sends[index], sends[other]] = [sends[other] as Send, sends[index] as Send];
    }

    const statuses: number[] = [];
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (cursor < sends.length) {
          const send = sends[cursor++] as Send;
          const response = await fetch(`${pipelineUrl}/webhooks/salla`, {
            method: 'POST',
            body: send.body,
            headers: { 'Content-Type': 'application/json', ...(send.signature ? { 'X-Salla-Signature': send.signature } : {}) },
          });
          await response.arrayBuffer();
          statuses.push(response.status === send.expect ? 0 : response.status);
        }
      }),
    );
    expect(statuses.filter((status) => status !== 0)).toEqual([]);
    expect(sends.length).toBeGreaterThan(3_000);

    // Drained: nothing of this merchant is waiting any more.
    const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT}/salla_analytics` });
    await client.connect();
    try {
      for (let waited = 0; ; waited += 250) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM webhook_inbox WHERE merchant_id = $1 AND status <> 'processed'`, [MERCHANT]);
        if (rows[0].n === 0) break;
        if (waited > 120_000) throw new Error(`${rows[0].n} deliveries still waiting`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 250));
      }
    } finally {
      await client.end();
    }

    const adminEnv = {
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT}/salla_analytics`,
      CLICKHOUSE_URL: `http://127.0.0.1:${env.CLICKHOUSE_HTTP_PORT}`,
    };
    const result = await runNode(ADMIN, ['overview', '--merchant', String(MERCHANT), '--from', '2025-07-01', '--to', '2025-08-31', '--compare', 'none', '--json'], adminEnv);
    expect(result.stderr).toBe('');
    const metrics = JSON.parse(result.stdout).metrics;
    const inRange = store.orders.filter((order) => toLocalDate(order.date as Date, 'Asia/Riyadh') >= '2025-07-01');
    const total = (list: typeof inRange) => list.reduce((sum, order) => sum + toMinorUnits(order.amounts?.total.amount ?? 0, 'SAR'), 0);
    const category = (order: (typeof inRange)[number]) => orderStatusCategory(order.status?.slug ?? '');
    const kept = inRange.filter((order) => !['canceled', 'refunded'].includes(category(order)));
    expect({
      orders: metrics.orders.value,
      grossSales: metrics.grossSales.value,
      netSales: metrics.netSales.value,
      canceledOrders: metrics.canceledOrders.value,
      refundedOrders: metrics.refundedOrders.value,
      aov: metrics.aov.value,
      uniqueCustomers: metrics.uniqueCustomers.value,
    }).toEqual({
      orders: inRange.length,
      grossSales: total(inRange),
      netSales: total(kept),
      canceledOrders: inRange.filter((order) => category(order) === 'canceled').length,
      refundedOrders: inRange.filter((order) => category(order) === 'refunded').length,
      aov: Math.round(total(kept) / kept.length),
      uniqueCustomers: new Set(inRange.map((order) => order.customer?.id)).size,
    });

    const letters = JSON.parse((await runNode(ADMIN, ['dead-letters', 'list', '--limit', '500', '--json'], adminEnv)).stdout);
    expect(letters).toHaveLength(50);
    expect(new Set(letters.map((letter: { source: string }) => letter.source))).toEqual(new Set(['webhook']));
  });
});
