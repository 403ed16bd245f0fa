import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateStore, toWebhookDeliveries } from '@salla-analytics/core-library';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedOverview, overviewFigures } from './support/ground-truth.js';
import { runNode } from './support/run-node.js';
import { buildStorm, sendStorm } from './support/webhook-storm.js';
import getPort from 'get-port';

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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stream-'));
  const [pgPort, chPort, pipelinePort, pwaPort] = await Promise.all([getPort(), getPort(), getPort(), getPort()]);
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
    const sends = buildStorm(deliveries, { secret, merchantId: MERCHANT, seed: 7, duplicateRate: 0.25, garbage: 50, impostors: 100, reorderWindow: Number.MAX_SAFE_INTEGER });

    // A healthy stack answers every send at once: no retries, every answer the expected one.
    const report = await sendStorm(pipelineUrl, sends, { concurrency: 16 });
    expect(report.wrong).toEqual([]);
    expect(report.retriedSends).toBe(0);
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
    expect(overviewFigures(metrics)).toEqual(expectedOverview(store, '2025-07-01'));

    const letters = JSON.parse((await runNode(ADMIN, ['dead-letters', 'list', '--limit', '500', '--json'], adminEnv)).stdout);
    expect(letters).toHaveLength(50);
    expect(new Set(letters.map((letter: { source: string }) => letter.source))).toEqual(new Set(['webhook']));
  });
});
