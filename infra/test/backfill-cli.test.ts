import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateStore, toMinorUnits } from '@salla-analytics/core-library';
import { createPipeline, type Pipeline, readPipelineEnv, signSallaBody } from '@salla-analytics/data-pipeline-service';
import { migrateDeploy } from '@salla-analytics/database-schema';
import { type LocalSalla, sallaWallTime, startLocalSallaServer } from '@salla-analytics/integration-gateways';
import { createAnalyticsClient, type EmbeddedClickHouse, runMigrations, startEmbeddedClickHouse } from '@salla-analytics/olap-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedPostgres, startEmbeddedPostgres } from '../src/index.js';
import { runNode } from './support/run-node.js';
import getPort from 'get-port';

const ADMIN = resolve(import.meta.dirname, '../dist/bin/admin.js');
const M = 930001;
const SECRET = 'backfill-cli-webhook-secret-0123456789';
const store = generateStore({ seed: 9, merchantId: M, months: 2, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 600, products: 50 });

let dir: string;
let postgres: StartedPostgres;
let clickhouse: EmbeddedClickHouse;
let salla: LocalSalla;
let pipeline: Pipeline;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'backfill-cli-'));
  [postgres, clickhouse, salla] = await Promise.all([
    getPort().then((port) => startEmbeddedPostgres({ dir: join(dir, 'postgres'), port, database: 'cli' })),
    startEmbeddedClickHouse({ dataPath: join(dir, 'clickhouse'), port: 0 }),
    startLocalSallaServer({ clientId: 'cli-client', clientSecret: 'cli-secret-0123456789', rateLimit: { capacity: 10, leakPerSecond: 20 } }),
  ]);
  await migrateDeploy(postgres.databaseUrl);
  const admin = createAnalyticsClient({ url: clickhouse.url });
  await runMigrations(admin, { database: 'cli' });
  await admin.close();
  salla.seed(M, store);
  env = { DATABASE_URL: postgres.databaseUrl, CLICKHOUSE_URL: clickhouse.url, CLICKHOUSE_DATABASE: 'cli' };
  const port = await getPort();
  pipeline = createPipeline(
    readPipelineEnv({
      ...env,
      SALLA_WEBHOOK_SECRET: SECRET,
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
      PIPELINE_PORT: String(port),
      SALLA_CLIENT_ID: 'cli-client',
      SALLA_CLIENT_SECRET: 'cli-secret-0123456789',
      SALLA_ACCOUNTS_URL: salla.accountsUrl,
      SALLA_API_URL: salla.apiUrl,
      // Only the CLI starts it here.
      BACKFILL_ON_INSTALL: 'false',
      BACKFILL_POLL_INTERVAL_MS: '100',
      BATCH_MAX_DELAY_MS: '50',
      QUEUE_POLL_INTERVAL_MS: '50',
      LOG_LEVEL: 'silent',
    }),
  );
  const url = await pipeline.start();
  const tokens = salla.issueTokens(M);
  const body = JSON.stringify({
    event: 'app.store.authorize',
    merchant: M,
    created_at: sallaWallTime(new Date()),
    data: { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, expires: tokens.expires, scope: tokens.scope, token_type: 'bearer' },
  });
  const response = await fetch(`${url}/webhooks/salla`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-salla-signature': signSallaBody(body, SECRET) } });
  expect(response.status).toBe(200);
  // The tokens are stored once the authorize is processed.
  for (let i = 0; i < 100 && (await pipeline.db.installation.count()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
  await pipeline?.stop();
  await salla?.close();
  await clickhouse?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('pnpm admin backfill', () => {
  it('queues the history import and follows it with a progress bar until it succeeds', async () => {
    const result = await runNode(ADMIN, ['backfill', '--merchant', String(M), '--interval', '100'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^queued history backfill [0-9a-f-]{36} of merchant 930001/);
    // The bar (non-TTY: a line every few seconds and at the end) with done/total, rate and ETA.
    const total = store.orders.length + store.products.length + store.customers.length;
    expect(result.stderr).toContain(`| 100% | ${total}/${total} |`);
    expect(result.stdout).toMatch(/^history backfill [0-9a-f-]{36} succeeded in \d+s/);
    expect(result.stdout).toContain(`orders    ${store.orders.length}/${store.orders.length}`);
    const client = createAnalyticsClient({ url: clickhouse.url, database: 'cli' });
    const rows = (await (await client.query({ query: `SELECT count() AS n, sum(total_minor) AS gross FROM orders FINAL WHERE merchant_id = ${M}`, format: 'JSONEachRow' })).json()) as Array<{ n: string; gross: string }>;
    await client.close();
    expect(Number(rows[0]?.n)).toBe(store.orders.length);
    expect(Number(rows[0]?.gross)).toBe(store.orders.reduce((sum, order) => sum + toMinorUnits(order.amounts?.total.amount ?? 0, 'SAR'), 0));
  });

  it('--reconcile compares with Salla and reports nothing to repair; --json prints the progress', async () => {
    const result = await runNode(ADMIN, ['backfill', '--merchant', String(M), '--reconcile', '--json', '--interval', '100'], env);
    expect(result.code).toBe(0);
    const progress = JSON.parse(result.stdout);
    expect(progress.status).toBe('succeeded');
    expect(progress.reconcile.resources.map((r: { resource: string; repaired: number; apiTotal: number; storedAfter: number }) => [r.resource, r.repaired, r.apiTotal === r.storedAfter])).toEqual([
      ['products', 0, true],
      ['customers', 0, true],
      ['orders', 0, true],
    ]);
  });

  it('refuses a bad merchant id', async () => {
    const result = await runNode(ADMIN, ['backfill', '--merchant', 'abc'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: --merchant must be a positive integer store id');
  });
});
