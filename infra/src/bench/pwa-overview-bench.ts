import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addLocalDays } from '@salla-analytics/core-library';
import autocannon from 'autocannon';
import { loadDemoStore } from '../demo/load-demo-store.js';
import { readStackEnv } from '../env.js';
import { startPwaProcess } from '../local-stack/pwa-process.js';
import { startLocalStack } from '../local-stack/start-stack.js';
import { percentile } from './percentiles.js';
import { processTreeCpuSeconds } from './process-cpu.js';
import { loadAverages, machineDescription } from './machine.js';
import getPort from 'get-port';

export interface PwaRun {
  name: string;
  /** closed: `connections` requests always in flight; open: requests due on a fixed schedule. */
  model: 'closed' | 'open';
  cache: 'cold' | 'warm';
  clients: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU time of the Next.js server per request (µs); null off Linux. */
  appCpuPerRequestUs: number | null;
}

export interface PwaBenchReport {
  date: string;
  machine: string;
  loadBefore: string;
  loadAfter: string;
  orders: number;
  runs: PwaRun[];
}

export interface PwaBenchOptions {
  /** Closed-loop runs: this many connections, each sending its next request as soon as the last is answered. */
  connections: number[];
  /** Requests of each closed-loop cold run (every one a distinct date range). */
  coldRequests: number;
  warmSeconds: number;
  /** Open-loop runs: this many clients, each opening the overview once per `userIntervalMs`. */
  users: number;
  userIntervalMs: number;
  userSeconds: number;
  log: (line: string) => void;
}

/**
 * GET /api/v1/overview of the production PWA (`next start`), signed in to the demo store of a
 * throwaway local stack (embedded PostgreSQL + ClickHouse, pipeline). Two load models:
 * - closed loop (autocannon): N connections back to back — the server's saturation point; p95
 *   is bounded below by N / throughput (Little's law), whatever the code does;
 * - open loop: N clients each loading the overview once a second on their own schedule, the way
 *   N merchants' dashboards do; latency counts from when each request was due.
 * Cold: every request names a different date range, so each one misses the cache and runs the
 * ClickHouse query (period + comparison in one scan). Warm: one range, from the in-process cache.
 */
export async function runPwaOverviewBench(options: PwaBenchOptions): Promise<PwaBenchReport> {
  const loadBefore = loadAverages();
  const dir = mkdtempSync(join(tmpdir(), 'bench-pwa-'));
  const [pg, ch, pipeline, pwaPort] = [await getPort(), await getPort(), await getPort(), await getPort()];
  const env = readStackEnv({
    SALLA_ANALYTICS_DATA_DIR: dir,
    POSTGRES_PORT: String(pg),
    CLICKHOUSE_HTTP_PORT: String(ch),
    PIPELINE_PORT: String(pipeline),
    PWA_PORT: String(pwaPort),
  });
  const stack = await startLocalStack(env, (line) => options.log(`[stack] ${line}`));
  try {
    const demo = await loadDemoStore(stack, env, (line) => options.log(`[demo] ${line}`));
    const pwa = await startPwaProcess({
      env: {
        ...stack.processEnv,
        DEMO_MERCHANT_ID: String(demo.merchantId),
        LOG_LEVEL: 'warn',
        // The benchmark is one client IP and one session by design.
        RATE_LIMIT_SESSION_PER_MINUTE: '10000000',
        RATE_LIMIT_IP_PER_MINUTE: '10000000',
      },
      port: pwaPort,
      logFile: join(dir, 'pwa.log'),
    });
    try {
      const login = await fetch(`${pwa.url}/api/auth/demo`, { method: 'POST', redirect: 'manual', headers: { origin: pwa.url } });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      if (!cookie.includes('sa_session=')) throw new Error(`demo login failed (${login.status})`);
      const headers = { cookie, accept: 'application/json' };

      // Distinct 7- to 35-day ranges inside the store's history: each one a cache miss. Every run
      // takes fresh ones, so no run is served by an earlier run's cache.
      const ranges: string[] = [];
      for (let i = 0; i < 200_000; i++) {
        const from = addLocalDays(demo.fromDate, 30 + (i % 300));
        const to = addLocalDays(from, 6 + (Math.floor(i / 300) % 5) * 7 + (i % 7));
        const compare = ['previous_period', 'previous_year', 'none'][Math.floor(i / 1500) % 3];
        if (to <= demo.toDate) ranges.push(`/api/v1/overview?preset=custom&from=${from}&to=${to}&compare=${compare}`);
      }
      let next = 0;
      const freshRange = () => {
        if (next >= ranges.length) throw new Error('the bench ran out of distinct date ranges');
        return ranges[next++] as string;
      };
      const warmPath = '/api/v1/overview?preset=last_30_days&compare=previous_period';
      const cpu = () => processTreeCpuSeconds(pwa.pid);
      const runs: PwaRun[] = [];
      await fetch(`${pwa.url}${warmPath}`, { headers });

      for (const connections of options.connections) {
        runs.push(
          await measureClosed(options.log, { name: `${connections} connections, closed loop, cold cache`, cache: 'cold', clients: connections, cpu }, {
            url: pwa.url,
            connections,
            amount: options.coldRequests,
            headers,
            requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: freshRange() }) }],
          }),
        );
        runs.push(
          await measureClosed(options.log, { name: `${connections} connections, closed loop, warm cache`, cache: 'warm', clients: connections, cpu }, {
            url: `${pwa.url}${warmPath}`,
            connections,
            duration: options.warmSeconds,
            headers,
          }),
        );
      }
      const open = { url: pwa.url, headers, clients: options.users, users: options.users, intervalMs: options.userIntervalMs, seconds: options.userSeconds, cpu };
      runs.push(await measureOpen(options.log, { ...open, name: `${options.users} clients, 1 overview/s each, cold cache`, cache: 'cold', path: freshRange }));
      runs.push(await measureOpen(options.log, { ...open, name: `${options.users} clients, 1 overview/s each, warm cache`, cache: 'warm', path: () => warmPath }));
      return { date: new Date().toISOString(), machine: machineDescription(), loadBefore, loadAfter: loadAverages(), orders: demo.orders, runs };
    } finally {
      await pwa.stop();
    }
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface RunLabel {
  name: string;
  cache: PwaRun['cache'];
  clients: number;
  cpu: () => number | null;
}

function cpuPerRequest(before: number | null, after: number | null, requests: number): number | null {
  return before === null || after === null || requests === 0 ? null : ((after - before) * 1e6) / requests;
}

function logRun(log: (line: string) => void, run: PwaRun): PwaRun {
  const cpu = run.appCpuPerRequestUs === null ? '' : `, app CPU ${run.appCpuPerRequestUs.toFixed(0)} µs/request`;
  log(`${run.name.padEnd(46)} ${run.requests} requests, ${run.rps.toFixed(0)}/s, p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, non-2xx ${run.non2xx + run.errors}${cpu}`);
  return run;
}

/**
 * Open loop: each client's requests are due every `intervalMs` (clients start spread over one
 * interval), sent whether or not the previous answer came; latency counts from the due time, so
 * a slow server cannot slow the clients down and hide its own queueing.
 */
async function measureOpen(
  log: (line: string) => void,
  options: RunLabel & { url: string; headers: Record<string, string>; users: number; intervalMs: number; seconds: number; path: () => string },
): Promise<PwaRun> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const cpuBefore = options.cpu();
  const start = performance.now() + 50;
  const perClient = Math.max(1, Math.floor((options.seconds * 1000) / options.intervalMs));
  const due: number[] = [];
  for (let client = 0; client < options.users; client++) {
    for (let k = 0; k < perClient; k++) due.push(start + (client * options.intervalMs) / options.users + k * options.intervalMs);
  }
  due.sort((a, b) => a - b);
  const inFlight: Array<Promise<void>> = [];
  for (const at of due) {
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    const path = options.path();
    inFlight.push(
      fetch(`${options.url}${path}`, { headers: options.headers }).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.ok) latencies.push(performance.now() - at);
          else non2xx += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  const requests = due.length;
  const cpuAfter = options.cpu();
  latencies.sort((a, b) => a - b);
  return logRun(log, {
    name: options.name,
    model: 'open',
    cache: options.cache,
    clients: options.clients,
    requests,
    rps: requests / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx,
    errors,
    appCpuPerRequestUs: cpuPerRequest(cpuBefore, cpuAfter, requests),
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function measureClosed(log: (line: string) => void, label: RunLabel, options: Parameters<typeof autocannon>[0]): Promise<PwaRun> {
  const latencies: number[] = [];
  const cpuBefore = label.cpu();
  const instance = autocannon({ timeout: 30, ...options });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const cpuAfter = label.cpu();
  latencies.sort((a, b) => a - b);
  return logRun(log, {
    name: label.name,
    model: 'closed',
    cache: label.cache,
    clients: label.clients,
    requests: result.requests.total,
    rps: result.requests.total / Math.max(result.duration, 0.001),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    appCpuPerRequestUs: cpuPerRequest(cpuBefore, cpuAfter, result.requests.total),
  });
}

export function renderPwaBench(report: PwaBenchReport): string {
  const target = (run: PwaRun) => (run.cache === 'cold' ? 100 : 20);
  return [
    '## PWA — overview endpoint under load',
    '',
    `Written by \`pnpm bench\` (infra/src/bench/pwa-overview-bench.ts). \`GET /api/v1/overview\` of the production`,
    `build (\`next start\`, one process) on a throwaway local stack with the demo store (${report.orders.toLocaleString('en')} orders, loaded through`,
    'the pipeline), signed in with the demo login; the load generator runs on the same two cores.',
    '- Closed loop (autocannon, keep-alive): N connections, each sending its next request the moment the last is answered —',
    '  the saturation point. There p95 ≥ N ÷ throughput (Little\'s law) whatever the code does.',
    '- Open loop: N clients each loading the overview once a second on their own schedule (spread over the second),',
    '  as N merchants\' dashboards do; latency counts from when each request was due (no coordinated omission).',
    '- Cold: every request names a different date range (never asked before in the run), so each one misses the cache',
    '  and runs the ClickHouse query (period and comparison in one scan). Warm: one range, from the in-process cache.',
    '- App CPU: CPU time of the Next.js server process per request.',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${report.machine}`,
    `- Load average (1, 5, 15 min) before: ${report.loadBefore}; after: ${report.loadAfter}`,
    '',
    '| run | requests | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU µs/request | target p95 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.runs.map(
      (r) =>
        `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx + r.errors} | ${r.appCpuPerRequestUs === null ? '–' : r.appCpuPerRequestUs.toFixed(0)} | < ${target(r)} ms: ${r.p95 < target(r) ? 'met' : '**not met**'} |`,
    ),
    '',
    'Targets: issue 4 asks for p95 under 100 ms cold and under 20 ms warm with 50 concurrent clients; issue 8 measures 100.',
    'Where the time goes on this machine: the embedded engine (chdb) runs one query at a time, so concurrent misses',
    'queue behind each other; a warm answer costs the app CPU shown above, so back-to-back connections queue on the',
    'CPU the load generator, PostgreSQL and the engine also use. A ClickHouse server and more app instances lift both.',
    '',
  ].join('\n');
}
