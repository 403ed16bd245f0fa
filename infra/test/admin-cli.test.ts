import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateStore, localDateRangeToPeriod, orderStatusCategory, toLocalDate, toMinorUnits } from '@salla-analytics/core-library';
import {
  BatchWriter,
  createAnalyticsClient,
  type EmbeddedClickHouse,
  orderToRows,
  runMigrations,
  startEmbeddedClickHouse,
} from '@salla-analytics/olap-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './support/run-node.js';

const ADMIN = resolve(import.meta.dirname, '../dist/bin/admin.js');
const MERCHANT = 777001;
const store = generateStore({ seed: 11, merchantId: MERCHANT, months: 3, endDate: new Date('2025-09-30T20:00:00Z'), ordersPerMonth: 400 });

let server: EmbeddedClickHouse;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'admin-cli-'));
  server = await startEmbeddedClickHouse({ dataPath: dir, port: 0 });
  const admin = createAnalyticsClient({ url: server.url });
  await runMigrations(admin, { database: 'cli_test' });
  await admin.close();
  const client = createAnalyticsClient({ url: server.url, database: 'cli_test' });
  const writer = new BatchWriter({ client, database: 'cli_test', maxDelayMs: 20 });
  await Promise.all(store.orders.map((order) => writer.write('orders', [orderToRows(MERCHANT, order, 1).order])));
  await writer.close();
  await client.close();
  env = { CLICKHOUSE_URL: server.url, CLICKHOUSE_DATABASE: 'cli_test' };
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pnpm admin overview', () => {
  it('prints the overview as JSON with money in minor units, matching the generated orders', async () => {
    const result = await runNode(ADMIN, ['overview', '--merchant', String(MERCHANT), '--from', '2025-09-01', '--to', '2025-09-30', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const overview = JSON.parse(result.stdout);
    const september = store.orders.filter((o) => toLocalDate(o.date!, 'Asia/Riyadh').startsWith('2025-09'));
    const august = store.orders.filter((o) => toLocalDate(o.date!, 'Asia/Riyadh').startsWith('2025-08'));
    const gross = (orders: typeof september) => orders.reduce((s, o) => s + toMinorUnits(o.amounts!.total.amount, 'SAR'), 0);
    const kept = september.filter((o) => !['canceled', 'refunded'].includes(orderStatusCategory(o.status!.slug)));
    expect(overview.period).toEqual({ fromDate: '2025-09-01', toDate: '2025-09-30', timeZone: 'Asia/Riyadh' });
    expect(overview.comparison).toEqual({ fromDate: '2025-08-01', toDate: '2025-08-31' });
    expect(overview.metrics.orders).toMatchObject({ value: september.length, previous: august.length, unit: 'count' });
    expect(overview.metrics.grossSales).toMatchObject({ value: gross(september), previous: gross(august), unit: 'minor_units' });
    expect(overview.metrics.netSales.value).toBe(gross(kept));
    expect(Number.isInteger(overview.metrics.aov.value)).toBe(true);
    expect(localDateRangeToPeriod('2025-09-01', '2025-09-30', 'Asia/Riyadh').fromDate).toBe('2025-09-01');
  });

  it('prints a readable summary without --json', async () => {
    const result = await runNode(ADMIN, ['overview', '--merchant', String(MERCHANT), '--from', '2025-09-01', '--to', '2025-09-30'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Merchant 777001, 2025-09-01 to 2025-09-30 \(Asia\/Riyadh\)/);
    expect(result.stdout).toMatch(/grossSales\s+\d+\.\d{2} SAR/);
  });

  it.each([
    [['frobnicate'], /^error: unknown command 'frobnicate'\n$/],
    [[], /^error: no command given/],
    [['overview', '--merchant', '12x', '--from', '2025-09-01', '--to', '2025-09-30'], /^error: --merchant must be a positive integer/],
    [['overview', '--merchant', '1', '--from', '2025-02-30', '--to', '2025-03-01'], /^error: --from must be a date like 2025-03-01/],
    [['overview', '--merchant', '1', '--from', '2025-03-02', '--to', '2025-03-01'], /^error: --from \(2025-03-02\) is after --to/],
    [['overview', '--merchant', '1', '--from', '2025-03-01'], /^error: required option '--to <date>' not specified/],
    [['overview', '--merchant', '1', '--from', '2025-03-01', '--to', '2025-03-02', '--tz', 'Mars/Olympus'], /^error: --tz must be an IANA time zone/],
  ])('rejects %j with one line and a non-zero exit', async (args, message) => {
    const result = await runNode(ADMIN, args, env);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says plainly when ClickHouse cannot be reached', async () => {
    const result = await runNode(ADMIN, ['overview', '--merchant', '1', '--from', '2025-09-01', '--to', '2025-09-30'], {
      CLICKHOUSE_URL: 'http://127.0.0.1:1',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Cannot reach ClickHouse at http:\/\/127\.0\.0\.1:1/);
  });
});
