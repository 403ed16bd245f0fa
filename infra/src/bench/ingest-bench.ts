import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  generateStore,
  localDateRangeToPeriod,
  type SallaWebhookDelivery,
  type SyntheticStore,
  toLocalDate,
  toWebhookDeliveries,
} from '@salla-analytics/core-library';
import { createDatabase, type Database, upsertMerchant } from '@salla-analytics/database-schema';
import { ClickHouseAnalyticsRepository } from '@salla-analytics/olap-repository';
import { readStackEnv } from '../env.js';
import { type LocalStack, startLocalStack } from '../local-stack/start-stack.js';
import { type SignedDelivery, SignedWebhookSender, signDeliveries } from '../load/signed-webhook-sender.js';
import { loadAverages, machineDescription } from './machine.js';
import { percentile } from './percentiles.js';
import { ownCpuSeconds, processTreeCpuSeconds } from './process-cpu.js';
import getPort from 'get-port';

export interface IngestBenchOptions {
  /** Deliveries for the end-to-end throughput run (rounded up to whole generated stores). */
  deliveries: number;
  /** Merchants the throughput deliveries are spread over (interleaved, each in time order). */
  merchants: number;
  /** Requests in flight during the throughput run. */
  connections: number;
  /** Throughput runs (each on fresh merchants); the median is reported. */
  throughputRuns: number;
  /** Open-loop rate of the acknowledgement/freshness run, and how long it lasts. */
  ratePerSecond: number;
  steadySeconds: number;
  /** One freshness probe (a new order) every this many ms during the steady run. */
  probeEveryMs: number;
  /** Upper bound for each wait for the pipeline to drain (the bench never runs unbounded). */
  timeoutSeconds: number;
  /** Use this PostgreSQL instead of starting an embedded one (e.g. a server with pg_stat_statements). */
  databaseUrl?: string;
  /** Keep the stack's data folder (pipeline.log, engines' data) for a look afterwards. */
  keepData?: boolean;
  log: (line: string) => void;
}

interface ThroughputRun {
  deliveries: number;
  acceptedSeconds: number;
  seconds: number;
  eventsPerSecond: number;
  drained: boolean;
  countsMatch: boolean;
  /** CPU time per delivery during the run (µs), by process; null off Linux. */
  cpuPerDelivery: { pipeline: number; postgres: number; benchProcess: number } | null;
}

export interface IngestBenchReport {
  date: string;
  machine: string;
  loadBefore: string;
  loadAfter: string;
  /** The median run (by events/s), with every run's events/s; drained/countsMatch hold for every run. */
  throughput: ThroughputRun & { merchants: number; connections: number; runs: number[] };
  steady: {
    ratePerSecond: number;
    seconds: number;
    requests: number;
    achievedRate: number;
    non200: number;
    ackP50: number;
    ackP99: number;
    ackMax: number;
    senderLoopDelayP99: number;
  };
  freshness: { probes: number; seen: number; p50: number; p95: number; max: number; pollEveryMs: number };
}

const POLL_EVERY_MS = 50;
const DELIVERIES_PER_ORDER = 5.7; // toWebhookDeliveries: created + ~3.5 status updates + customers, carts, …

/**
 * Ingest through the real stack (`startLocalStack`: embedded PostgreSQL, embedded ClickHouse,
 * the pipeline as its own process), with signed deliveries over HTTP:
 *
 * 1. throughput: N deliveries of several generated merchants, `connections` in flight; timed from
 *    the first request to the moment every inbox entry is processed (= its rows are committed in
 *    ClickHouse), then the analytics counts are checked against the generator;
 * 2. acknowledgement latency: fresh deliveries at a steady open-loop rate;
 * 3. freshness, during (2): one new order every `probeEveryMs`, each on its own local day of a
 *    probe merchant; `getSalesTrend` through ClickHouseAnalyticsRepository is polled every 50 ms
 *    and a probe counts as visible when its day shows an order. Freshness = 200 → visible.
 */
export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchReport> {
  const { log } = options;
  const loadBefore = loadAverages();
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const [pg, ch, pipeline, pwa] = [await getPort(), await getPort(), await getPort(), await getPort()];
  const env = readStackEnv({
    SALLA_ANALYTICS_DATA_DIR: dir,
    POSTGRES_PORT: String(pg),
    CLICKHOUSE_HTTP_PORT: String(ch),
    PIPELINE_PORT: String(pipeline),
    PWA_PORT: String(pwa),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const stack = await startLocalStack(env, (line) => log(`[stack] ${line}`));
  const db = createDatabase(stack.databaseUrl, { maxConnections: 2 });
  const sender = new SignedWebhookSender(stack.pipelineUrl);
  try {
    const endDate = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    // 1. Throughput: several runs on fresh merchants (this host's speed varies from run to run); the median is reported.
    const runs: ThroughputRun[] = [];
    for (let run = 0; run < options.throughputRuns; run++) {
      const merchants = Array.from({ length: options.merchants }, (_, index) => 950_001 + run * 100 + index);
      const perMonth = Math.max(1, Math.ceil(options.deliveries / DELIVERIES_PER_ORDER / merchants.length / 12));
      log(`run ${run + 1}/${options.throughputRuns}: generating ${merchants.length} merchants × ~${perMonth * 12} orders (12 months) for ~${options.deliveries.toLocaleString('en')} deliveries…`);
      const stores = merchants.map((merchantId) => generateStore({ seed: merchantId, merchantId, months: 12, endDate, ordersPerMonth: perMonth }));
      const bulk = signDeliveries(interleave(stores.map(toWebhookDeliveries)), stack.webhookSecret);
      await registerMerchants(db, merchants);
      log(`sending ${bulk.length.toLocaleString('en')} signed deliveries, ${options.connections} in flight…`);
      const cpuBefore = cpuSnapshot(stack.pipelinePid);
      const started = performance.now();
      await sender.sendAll(bulk, { concurrency: options.connections });
      const acceptedSeconds = (performance.now() - started) / 1000;
      log(`all accepted in ${acceptedSeconds.toFixed(1)} s (${Math.round(bulk.length / acceptedSeconds)}/s); waiting until every one is processed…`);
      const drained = await waitForDrain(db, merchants, options.timeoutSeconds * 1000);
      const seconds = (performance.now() - started) / 1000;
      const cpuPerDelivery = cpuDelta(cpuBefore, cpuSnapshot(stack.pipelinePid), bulk.length);
      const countsMatch = drained && (await countsEqual(stack, stores));
      const eventsPerSecond = Math.round(bulk.length / seconds);
      log(`throughput: ${bulk.length} deliveries in ${seconds.toFixed(1)} s = ${eventsPerSecond}/s end to end (drained: ${drained}, counts match: ${countsMatch})`);
      log(`pipeline metrics: ${await metricsSummary(stack.pipelineUrl)}`);
      if (cpuPerDelivery) {
        log(`CPU per delivery: pipeline ${cpuPerDelivery.pipeline} µs, PostgreSQL ${cpuPerDelivery.postgres} µs, bench process (ClickHouse engine + sender) ${cpuPerDelivery.benchProcess} µs`);
      }
      runs.push({ deliveries: bulk.length, acceptedSeconds, seconds, eventsPerSecond, drained, countsMatch, cpuPerDelivery });
    }
    const median = [...runs].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(runs.length / 2)] as ThroughputRun;

    // 2 + 3. Steady rate with freshness probes.
    const steadyCount = Math.round(options.ratePerSecond * options.steadySeconds);
    const steadyMerchants = [960_001, 960_002];
    const steadyPerMonth = Math.max(1, Math.ceil(steadyCount / DELIVERIES_PER_ORDER / steadyMerchants.length / 12));
    const steadyStores = steadyMerchants.map((merchantId) => generateStore({ seed: merchantId, merchantId, months: 12, endDate, ordersPerMonth: steadyPerMonth }));
    const steady = signDeliveries(interleave(steadyStores.map(toWebhookDeliveries)).slice(0, steadyCount), stack.webhookSecret);
    const probeMerchant = 970_001;
    const probeStore = generateStore({ seed: probeMerchant, merchantId: probeMerchant, months: 12, endDate, ordersPerMonth: 120 });
    const probes = probeDeliveries(probeStore, Math.floor((options.steadySeconds * 1000) / options.probeEveryMs), stack.webhookSecret);
    await registerMerchants(db, [...steadyMerchants, probeMerchant]);
    log(`steady run: ${steady.length} deliveries at ${options.ratePerSecond}/s (open loop) with ${probes.length} freshness probes…`);
    const freshness = await measureFreshness(stack, probes, probeStore.timeZone, options, sender, async () => {
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      loopDelay.enable();
      const steadyStarted = performance.now();
      const results = await sender.sendAtRate(steady, { ratePerSecond: options.ratePerSecond });
      const steadySeconds = (performance.now() - steadyStarted) / 1000;
      loopDelay.disable();
      return { results, steadySeconds, loopDelayP99: loopDelay.percentile(99) / 1e6 };
    });
    const { results, steadySeconds, loopDelayP99 } = freshness.steady;
    const acked = results.filter((r) => r.status === 200).map((r) => r.ms);
    const steadyReport = {
      ratePerSecond: options.ratePerSecond,
      seconds: steadySeconds,
      requests: results.length,
      achievedRate: results.length / steadySeconds,
      non200: results.length - acked.length,
      ackP50: percentile(acked, 50),
      ackP99: percentile(acked, 99),
      ackMax: Math.max(...acked),
      senderLoopDelayP99: loopDelayP99,
    };
    log(
      `acknowledgement at ${steadyReport.achievedRate.toFixed(0)}/s: p50 ${steadyReport.ackP50.toFixed(1)} ms, p99 ${steadyReport.ackP99.toFixed(1)} ms, max ${steadyReport.ackMax.toFixed(1)} ms, non-200 ${steadyReport.non200}`,
    );
    log(`pipeline metrics: ${await metricsSummary(stack.pipelineUrl)}`);
    log(`freshness: ${freshness.seen}/${probes.length} probes visible, p50 ${freshness.p50.toFixed(0)} ms, p95 ${freshness.p95.toFixed(0)} ms, max ${freshness.max.toFixed(0)} ms`);
    await waitForDrain(db, [...steadyMerchants, probeMerchant], options.timeoutSeconds * 1000);
    return {
      date: new Date().toISOString(),
      machine: machineDescription(),
      loadBefore,
      loadAfter: loadAverages(),
      throughput: {
        ...median,
        merchants: options.merchants,
        connections: options.connections,
        drained: runs.every((run) => run.drained),
        countsMatch: runs.every((run) => run.countsMatch),
        runs: runs.map((run) => run.eventsPerSecond),
      },
      steady: steadyReport,
      freshness: { probes: probes.length, seen: freshness.seen, p50: freshness.p50, p95: freshness.p95, max: freshness.max, pollEveryMs: POLL_EVERY_MS },
    };
  } finally {
    sender.close();
    await db.$disconnect();
    await stack.stop();
    if (options.keepData) log(`kept the stack's data and logs in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** ClickHouse batches per table (count, mean rows) and the end-to-end lag, from the pipeline's /metrics. */
async function metricsSummary(pipelineUrl: string): Promise<string> {
  const text = await fetch(`${pipelineUrl}/metrics`).then((response) => response.text(), () => '');
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
  const tables = [...text.matchAll(/^pipeline_clickhouse_batch_rows_count\{table="([a-z_]+)"\} (\d+)/gm)].map(([, table, count]) => {
    const sum = value(new RegExp(`^pipeline_clickhouse_batch_rows_sum\\{table="${table}"\\} ([\\d.e+]+)`, 'm'));
    return `${table} ${count}×${Math.round(sum / Number(count))}`;
  });
  const lagCount = value(/^pipeline_end_to_end_lag_seconds_count (\d+)/m);
  const lagSum = value(/^pipeline_end_to_end_lag_seconds_sum ([\d.e+]+)/m);
  const loopP99 = value(/^nodejs_eventloop_lag_p99_seconds ([\d.e+-]+)/m) * 1000;
  const loopMax = value(/^nodejs_eventloop_lag_max_seconds ([\d.e+-]+)/m) * 1000;
  const handedOff = value(/^pipeline_messages_handed_off_total (\d+)/m);
  const groups = value(/^pipeline_intake_group_size_count (\d+)/m);
  const grouped = value(/^pipeline_intake_group_size_sum ([\d.e+]+)/m);
  return `ClickHouse inserts (count×mean rows): ${tables.join(', ')}; inbox inserts ${groups}×${(grouped / groups).toFixed(1)} deliveries; ${handedOff} entries handed to the consumer directly; mean end-to-end lag ${(lagSum / lagCount).toFixed(2)} s over ${lagCount}; pipeline event loop delay p99 ${loopP99.toFixed(1)} ms, max ${loopMax.toFixed(1)} ms`;
}

interface CpuSnapshot {
  all: number | null;
  pipeline: number | null;
  self: number;
}

/** The bench process with its children (PostgreSQL, the pipeline), the pipeline, and this process alone. */
function cpuSnapshot(pipelinePid: number): CpuSnapshot {
  return { all: processTreeCpuSeconds(process.pid), pipeline: processTreeCpuSeconds(pipelinePid), self: ownCpuSeconds() };
}

function cpuDelta(before: CpuSnapshot, after: CpuSnapshot, deliveries: number): IngestBenchReport['throughput']['cpuPerDelivery'] {
  if (before.all === null || after.all === null || before.pipeline === null || after.pipeline === null) return null;
  const us = (seconds: number) => Math.round((seconds * 1e6) / deliveries);
  const pipeline = after.pipeline - before.pipeline;
  const self = after.self - before.self;
  return { pipeline: us(pipeline), postgres: us(after.all - before.all - pipeline - self), benchProcess: us(self) };
}

/** Round-robin over the merchants' streams: concurrent requests mix tenants, each stream stays in time order. */
function interleave(streams: SallaWebhookDelivery[][]): SallaWebhookDelivery[] {
  const out: SallaWebhookDelivery[] = [];
  const longest = Math.max(0, ...streams.map((stream) => stream.length));
  for (let index = 0; index < longest; index++) {
    for (const stream of streams) {
      const delivery = stream[index];
      if (delivery !== undefined) out.push(delivery);
    }
  }
  return out;
}

async function registerMerchants(db: Database, ids: number[]): Promise<void> {
  for (const id of ids) await upsertMerchant(db, { id, name: `Bench store ${id}`, currency: 'SAR', timeZone: 'Asia/Riyadh' });
}

/** Waits until none of these merchants' inbox entries is still received or queued. */
async function waitForDrain(db: Database, merchantIds: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const ids = merchantIds.map(String);
  for (;;) {
    // Through the (status, …) index: cheap enough to ask every 100 ms without loading the database.
    const [row] = await db.$queryRawUnsafe<Array<{ n: string }>>(
      `SELECT count(*)::text AS n FROM webhook_inbox WHERE status IN ('received', 'queued') AND merchant_id = ANY($1::bigint[])`,
      ids,
    );
    if (Number(row?.n) === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function countsEqual(stack: LocalStack, stores: SyntheticStore[]): Promise<boolean> {
  const result = await stack.analytics.query({
    query: `SELECT merchant_id, count() AS orders FROM orders FINAL WHERE merchant_id IN {ids:Array(UInt64)} GROUP BY merchant_id`,
    query_params: { ids: stores.map((store) => store.merchantId) },
    format: 'JSONEachRow',
  });
  const rows = (await result.json()) as Array<{ merchant_id: number | string; orders: number | string }>;
  const counts = new Map(rows.map((row) => [Number(row.merchant_id), Number(row.orders)]));
  return stores.every((store) => counts.get(store.merchantId) === store.orders.length);
}

interface Probe {
  day: string;
  delivery: SignedDelivery;
}

/** order.created deliveries of orders on distinct local days (the freshness poll tells them apart by day). */
function probeDeliveries(store: SyntheticStore, count: number, secret: string): Probe[] {
  const byId = new Map(store.orders.map((order) => [order.id, order]));
  const days = new Set<string>();
  const probes: Array<{ day: string; delivery: SallaWebhookDelivery }> = [];
  for (const delivery of toWebhookDeliveries(store)) {
    if (probes.length >= count) break;
    if (delivery.event !== 'order.created') continue;
    const order = byId.get(Number((delivery.data as { id: unknown }).id));
    if (order?.date === undefined) continue;
    const day = toLocalDate(order.date, store.timeZone);
    if (days.has(day)) continue;
    days.add(day);
    probes.push({ day, delivery });
  }
  const signed = signDeliveries(
    probes.map((probe) => probe.delivery),
    secret,
  );
  return probes.map((probe, index) => ({ day: probe.day, delivery: signed[index] as SignedDelivery }));
}

async function measureFreshness<T>(
  stack: LocalStack,
  probes: Probe[],
  timeZone: string,
  options: IngestBenchOptions,
  sender: SignedWebhookSender,
  load: () => Promise<T>,
): Promise<{ steady: T; seen: number; p50: number; p95: number; max: number }> {
  const repository = new ClickHouseAnalyticsRepository(stack.analytics);
  const first = probes[0]?.day;
  const last = probes[probes.length - 1]?.day;
  const acceptedAt = new Map<string, number>();
  const freshness: number[] = [];
  let sending = true;
  const sendProbes = async () => {
    for (const probe of probes) {
      const result = await sender.post(probe.delivery);
      if (result.status === 200) acceptedAt.set(probe.day, performance.now());
      await new Promise((resolve) => setTimeout(resolve, options.probeEveryMs));
    }
    sending = false;
  };
  const poll = async () => {
    if (first === undefined || last === undefined) return;
    const period = localDateRangeToPeriod(first, last, timeZone);
    // After the last probe, its stragglers get 30 s more.
    let pollDeadline = Number.POSITIVE_INFINITY;
    while (sending || (acceptedAt.size > 0 && Date.now() < pollDeadline)) {
      if (!sending && pollDeadline === Number.POSITIVE_INFINITY) pollDeadline = Date.now() + 30_000;
      const started = performance.now();
      const points = await repository.getSalesTrend({ merchantId: 970_001, period, granularity: 'day' });
      const now = performance.now();
      for (const point of points) {
        const at = acceptedAt.get(point.bucket);
        if (point.orders > 0 && at !== undefined) {
          freshness.push(now - at);
          acceptedAt.delete(point.bucket);
        }
      }
      const wait = POLL_EVERY_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const [steady] = await Promise.all([load(), sendProbes(), poll()]);
  return {
    steady,
    seen: freshness.length,
    p50: percentile(freshness, 50),
    p95: percentile(freshness, 95),
    max: freshness.length > 0 ? Math.max(...freshness) : Number.NaN,
  };
}

export function renderIngestBench(report: IngestBenchReport): string {
  const t = report.throughput;
  const s = report.steady;
  const f = report.freshness;
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  return [
    '## Pipeline — webhook ingest on the embedded engines',
    '',
    'Written by `pnpm bench` (infra/src/bench/ingest-bench.ts). A throwaway local stack (`startLocalStack`: embedded',
    'PostgreSQL, embedded ClickHouse served by the bench process, the pipeline service as its own process with its',
    'defaults); signed Salla deliveries from `generateStore` + `toWebhookDeliveries` POSTed to `/webhooks/salla` over',
    'keep-alive HTTP from the same machine (infra/src/load/signed-webhook-sender.ts).',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${report.machine}`,
    `- Load average (1, 5, 15 min) before: ${report.loadBefore}; after: ${report.loadAfter} (the machine is shared; numbers taken under load are pessimistic)`,
    '',
    '| measure | result | target | |',
    '|---|---:|---:|---|',
    `| end to end, ${t.deliveries.toLocaleString('en')} deliveries (${t.merchants} merchants, ${t.connections} in flight): first request → all processed, median of ${t.runs.length} runs | ${t.eventsPerSecond.toLocaleString('en')} events/s (${t.seconds.toFixed(1)} s; runs: ${t.runs.map((value) => value.toLocaleString('en')).join(', ')}) | ≥ 5,000 events/s | ${met(t.drained && t.eventsPerSecond >= 5_000)} |`,
    `| acknowledgement p50 at ${s.ratePerSecond} req/s open loop (${s.requests.toLocaleString('en')} requests) | ${ms(s.ackP50)} ms | | |`,
    `| acknowledgement p99 at ${s.ratePerSecond} req/s | ${ms(s.ackP99)} ms | < 25 ms | ${met(s.ackP99 < 25)} |`,
    `| freshness p50 (200 → visible in IAnalyticsRepository) | ${ms(f.p50)} ms | | |`,
    `| freshness p95 | ${ms(f.p95)} ms | < 2,000 ms | ${met(f.seen === f.probes && f.p95 < 2_000)} |`,
    '',
    ...(t.cpuPerDelivery
      ? [
          `- CPU time per delivery in the median throughput run: pipeline ${t.cpuPerDelivery.pipeline} µs, PostgreSQL ${t.cpuPerDelivery.postgres} µs, bench process (embedded ClickHouse engine + sender) ${t.cpuPerDelivery.benchProcess} µs — ${Math.round(2e6 / Math.max(1, t.cpuPerDelivery.pipeline + t.cpuPerDelivery.postgres + t.cpuPerDelivery.benchProcess)).toLocaleString('en')} deliveries/s if two idle cores did nothing else.`,
        ]
      : []),
    `- Throughput runs: each on ${t.merchants} fresh merchants of the same stack; in the median run all ${t.deliveries.toLocaleString('en')} answered 200 after ${t.acceptedSeconds.toFixed(1)} s; ${t.drained ? 'in every run every inbox entry was processed' : '**the pipeline had not drained when the bench stopped waiting**'}; orders in ClickHouse (FINAL) ${t.countsMatch ? 'equal' : '**differ from**'} the generator's per merchant in every run. ${t.connections} deliveries in flight: each waits for the group commit of its inbox insert (a few ms), so fewer leave the two cores partly idle (64 in flight gave ~4,000–4,900/s on this host).`,
    `- Steady run: ${s.achievedRate.toFixed(0)} req/s achieved over ${s.seconds.toFixed(1)} s, ${s.non200} not answered 200, slowest ${ms(s.ackMax)} ms; latency counts from when each request was due (open loop, no coordinated omission); the sender's event-loop delay p99 was ${ms(s.senderLoopDelayP99)} ms.`,
    `- Freshness: ${f.seen}/${f.probes} probe orders (one every ${Math.round((s.seconds * 1000) / Math.max(f.probes, 1))} ms during the steady run, each on its own day of a probe merchant) seen by polling \`getSalesTrend\` every ${f.pollEveryMs} ms (adds up to one poll interval); slowest ${ms(f.max)} ms.`,
    '',
  ].join('\n');
}
