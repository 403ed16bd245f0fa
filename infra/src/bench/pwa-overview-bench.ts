import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addLocalDays } from '@salla-analytics/core-library';
import autocannon from 'autocannon';
import { loadDemoStore } from '../demo/load-demo-store.js';
import { readStackEnv } from '../env.js';
import { startPwaProcess } from '../local-stack/pwa-process.js';
import { startLocalStack } from '../local-stack/start-stack.js';
import { freePort } from './free-port.js';
import { percentile } from './percentiles.js';

export interface PwaRun {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface PwaBenchReport {
  date: string;
  orders: number;
  connections: number;
  runs: PwaRun[];
}

/**
 * GET /api/v1/overview of the production PWA (`next start`) under N concurrent clients (`--connections`, 100 by default), signed
 * in to the demo store of a throwaway local stack (embedded PostgreSQL + ClickHouse, pipeline).
 * Cold: every request names a different date range, so every one misses the cache and queries
 * ClickHouse (two periods). Warm: one range, answered from the in-process cache.
 */
export async function runPwaOverviewBench(options: { connections: number; coldRequests: number; warmSeconds: number; log: (line: string) => void }): Promise<PwaBenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pwa-'));
  const [pg, ch, pipeline, pwaPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
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

      // Distinct 7- to 35-day ranges inside the store's history: each one a cache miss.
      const ranges: string[] = [];
      for (let i = 0; ranges.length < options.coldRequests && i < 100_000; i++) {
        const from = addLocalDays(demo.fromDate, 30 + (i % 300));
        const to = addLocalDays(from, 6 + Math.floor(i / 300) * 7 + (i % 7));
        if (to <= demo.toDate) ranges.push(`/api/v1/overview?preset=custom&from=${from}&to=${to}&compare=previous_period`);
      }
      let next = 0;
      const cold = await measure(options.log, 'cold cache (every request a different range)', {
        url: pwa.url,
        connections: options.connections,
        amount: ranges.length,
        headers,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: ranges[next++ % ranges.length] as string }) }],
      });
      const warmPath = '/api/v1/overview?preset=last_30_days&compare=previous_period';
      await fetch(`${pwa.url}${warmPath}`, { headers });
      const warm = await measure(options.log, 'warm cache (same range)', {
        url: `${pwa.url}${warmPath}`,
        connections: options.connections,
        duration: options.warmSeconds,
        headers,
      });
      return { date: new Date().toISOString(), orders: demo.orders, connections: options.connections, runs: [cold, warm] };
    } finally {
      await pwa.stop();
    }
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(log: (line: string) => void, name: string, options: Parameters<typeof autocannon>[0]): Promise<PwaRun> {
  const latencies: number[] = [];
  const instance = autocannon({ timeout: 30, ...options });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const run: PwaRun = {
    name,
    requests: result.requests.total,
    rps: result.requests.total / Math.max(result.duration, 0.001),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  log(`${name.padEnd(46)} ${run.requests} requests, ${run.rps.toFixed(0)}/s, p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, non-2xx ${run.non2xx}`);
  return run;
}

export function renderPwaBench(report: PwaBenchReport): string {
  return [
    '## PWA — overview endpoint under load',
    '',
    `Written by \`pnpm bench\` (infra/src/bench/pwa-overview-bench.ts). \`GET /api/v1/overview\` of the production`,
    `build (\`next start\`) on a throwaway local stack with the demo store (${report.orders.toLocaleString('en')} orders, loaded through`,
    `the pipeline), signed in with the demo login, ${report.connections} concurrent connections (autocannon, keep-alive, same machine).`,
    'Cold: every request names a different date range, so each one misses the cache and runs the',
    'ClickHouse query for the period and its comparison. Warm: one range, served from the in-process cache.',
    'Latencies are nearest-rank percentiles of every 2xx response.',
    '',
    `- Date: ${report.date}`,
    '',
    '| run | requests | req/s | p50 ms | p95 ms | p99 ms | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.runs.map(
      (r) => `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx + r.errors} |`,
    ),
    '',
    `Targets (issue 4, stated for 50 clients; \`--connections\` sets the count, issue 8 asks for 100): p95 under 100 ms cold — ${verdict(report.runs[0], 100)}; under 20 ms warm — ${verdict(report.runs[1], 20)}.`,
    'Where the time goes on this machine (2 cores shared by the load generator, PostgreSQL, the',
    `embedded ClickHouse and the app): the embedded engine (chdb) runs one query at a time, so ${report.connections}`,
    'concurrent misses queue behind each other; a warm answer costs a few ms of Next.js request',
    `handling, so ${report.connections} connections queue on the CPU. A ClickHouse server and more app instances lift both.`,
    '',
  ].join('\n');
}

function verdict(run: PwaRun | undefined, targetMs: number): string {
  if (!run) return 'not measured';
  return run.p95 < targetMs ? `met (${run.p95.toFixed(1)} ms)` : `not met (${run.p95.toFixed(1)} ms)`;
}
