import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { generateStore, toWebhookDeliveries } from '@salla-analytics/core-library';
import { signSallaBody } from '@salla-analytics/data-pipeline-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type CollectedSpan, startOtlpCollector } from './support/otlp-collector.js';
import getPort from 'get-port';

const OBSERVABILITY = resolve(import.meta.dirname, '../observability');
// Grafana's variable syntax (not a template literal): panels take the data source chosen on import.
const GRAFANA_DATASOURCE_VARIABLE = ['$', '{datasource}'].join('');
const START = resolve(import.meta.dirname, '../dist/bin/start.js');

// OTLP's SpanKind numbers (opentelemetry/proto/trace/v1).
const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

const dashboard = JSON.parse(readFileSync(join(OBSERVABILITY, 'grafana-dashboard.json'), 'utf8')) as unknown;
const alertRules = parseYaml(readFileSync(join(OBSERVABILITY, 'alert-rules.yml'), 'utf8')) as unknown;
const prometheusConfig = parseYaml(readFileSync(join(OBSERVABILITY, 'prometheus.yml'), 'utf8')) as {
  rule_files: string[];
  scrape_configs: Array<{ job_name: string; metrics_path: string; static_configs: Array<{ targets: string[] }> }>;
};

/** What Grafana 10.4 / 11 (dashboard schemaVersion 39) needs of the dashboard JSON we ship. */
const datasourceRef = z.object({ type: z.literal('prometheus'), uid: z.string().min(1) });
const grafanaDashboardSchema = z.object({
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  title: z.string().min(1),
  schemaVersion: z.literal(39),
  version: z.number().int().nonnegative(),
  time: z.object({ from: z.string(), to: z.string() }),
  refresh: z.string(),
  templating: z.object({ list: z.array(z.object({ name: z.string(), type: z.string() })) }),
  annotations: z.object({ list: z.array(z.unknown()) }),
  panels: z
    .array(
      z.object({
        id: z.number().int().positive(),
        type: z.enum(['timeseries', 'stat', 'gauge', 'table', 'barchart']),
        title: z.string().min(1),
        datasource: datasourceRef,
        gridPos: z.object({ x: z.number().int().min(0), y: z.number().int().min(0), w: z.number().int().min(1), h: z.number().int().min(1) }).refine((g) => g.x + g.w <= 24, 'a panel fits the 24-column grid'),
        fieldConfig: z.object({ defaults: z.object({ unit: z.string() }), overrides: z.array(z.unknown()) }),
        targets: z.array(z.object({ refId: z.string().regex(/^[A-Z]$/), expr: z.string().min(1), datasource: datasourceRef, legendFormat: z.string() })).min(1),
      }),
    )
    .min(1),
});
const alertRulesSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string().min(1),
      rules: z.array(
        z.object({
          alert: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
          expr: z.string().min(1),
          for: z.string().regex(/^\d+[smh]$/).optional(),
          labels: z.object({ severity: z.enum(['page', 'ticket']) }),
          annotations: z.object({ summary: z.string().min(1) }),
        }),
      ),
    }),
  ),
});

const parsedDashboard = grafanaDashboardSchema.parse(dashboard);
const parsedRules = alertRulesSchema.parse(alertRules);
const expressions = [
  ...parsedDashboard.panels.flatMap((panel) => panel.targets.map((target) => ({ where: `dashboard: ${panel.title}`, expr: target.expr }))),
  ...parsedRules.groups.flatMap((group) => group.rules.map((rule) => ({ where: `alert: ${rule.alert}`, expr: rule.expr }))),
];

/** Parses PromQL with Prometheus' own grammar (the one its UI uses); the metric names it selects. */
function promql(expr: string): { errors: string[]; metrics: string[] } {
  const errors: string[] = [];
  const metrics: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`at ${node.from}: "${expr.slice(Math.max(0, node.from - 10), node.to + 10)}"`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.push(expr.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}

/** Metric names in a Prometheus exposition, histograms' and summaries' series under their family name too. */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const family = /^# TYPE (\S+) /.exec(line)?.[1];
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line)?.[1];
    for (const name of [family, sample]) if (name) names.add(name);
    if (family) for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${family}${suffix}`);
  }
  return names;
}

describe('dashboard, alert rules and scrape config (static)', () => {
  it('every PromQL expression parses, and a broken one would not', () => {
    expect(expressions.length).toBeGreaterThan(20);
    for (const { where, expr } of expressions) expect(promql(expr).errors, `${where}: ${expr}`).toEqual([]);
    expect(promql('sum(rate(pipeline_webhooks_received_total[5m])').errors.length).toBeGreaterThan(0);
    expect(promql('histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))').metrics).toEqual(['x_bucket']);
  });

  it('the dashboard has the panels the runbook names, unique ids and no overlapping grid cells', () => {
    const titles = parsedDashboard.panels.map((panel) => panel.title.toLowerCase()).join(' | ');
    for (const topic of ['ingest', 'ack latency', 'freshness', 'queue depth', 'dead letters', 'bff p95', 'cache hit', 'clickhouse query p95', 'error', 'event-loop lag']) {
      expect(titles).toContain(topic);
    }
    const ids = parsedDashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cells = new Set<string>();
    for (const { gridPos } of parsedDashboard.panels) {
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(cells.has(`${x},${y}`), `grid cell ${x},${y} used twice`).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
    // Panels use the dashboard's datasource variable, which exists.
    expect(parsedDashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource' }));
    for (const panel of parsedDashboard.panels) expect(panel.datasource.uid).toBe(GRAFANA_DATASOURCE_VARIABLE);
  });

  it('promtool (Prometheus 2.x) accepts the alert rules and the scrape configuration', () => {
    const rules = execFileSync('promtool', ['check', 'rules', join(OBSERVABILITY, 'alert-rules.yml')], { encoding: 'utf8' });
    expect(rules).toMatch(new RegExp(`SUCCESS: ${parsedRules.groups.flatMap((group) => group.rules).length} rules found`));
    expect(execFileSync('promtool', ['check', 'config', join(OBSERVABILITY, 'prometheus.yml')], { encoding: 'utf8' })).toMatch(/SUCCESS/);
  });

  it('prometheus.yml loads the alert rules and scrapes the pipeline and the PWA', () => {
    expect(prometheusConfig.rule_files).toEqual(['alert-rules.yml']);
    expect(prometheusConfig.scrape_configs.map((job) => job.job_name).sort()).toEqual(['pipeline', 'pwa']);
    // Every `job=` matcher in the expressions names a scraped job.
    const jobs = new Set(prometheusConfig.scrape_configs.map((job) => job.job_name));
    for (const { expr } of expressions) for (const [, job] of expr.matchAll(/job="([^"]+)"/g)) expect(jobs.has(job as string), expr).toBe(true);
  });
});

describe('against running services (the local stack with tracing on)', () => {
  let dir: string;
  let stack: ChildProcess;
  let output = '';
  let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
  let ports: { pipeline: number; pwa: number; pwaMetrics: number };

  beforeAll(async () => {
    collector = await startOtlpCollector();
    dir = mkdtempSync(join(tmpdir(), 'observability-'));
    const [pg, ch, pipeline, pwa, pwaMetrics] = await Promise.all([getPort(), getPort(), getPort(), getPort(), getPort()]);
    ports = { pipeline, pwa, pwaMetrics };
    stack = spawn(process.execPath, [START], {
      env: {
        ...process.env,
        SALLA_ANALYTICS_DATA_DIR: dir,
        POSTGRES_PORT: String(pg),
        CLICKHOUSE_HTTP_PORT: String(ch),
        PIPELINE_PORT: String(pipeline),
        PWA_PORT: String(pwa),
        PWA_METRICS_PORT: String(pwaMetrics),
        DEMO_MONTHS: '1',
        DEMO_ORDERS_PER_MONTH: '40',
        // Standard OpenTelemetry variables, inherited by the pipeline and the PWA processes.
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    });
    stack.stdout?.on('data', (chunk) => (output += chunk));
    stack.stderr?.on('data', (chunk) => (output += chunk));
    await until(() => /\] ready/.test(output) || stack.exitCode !== null, 240_000);
    if (stack.exitCode !== null) throw new Error(`the stack exited:\n${output}`);
  }, 300_000);

  afterAll(async () => {
    if (stack && stack.exitCode === null) {
      const exited = new Promise((done) => stack.once('exit', done));
      stack.kill('SIGINT');
      await exited;
    }
    await collector?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('one trace per BFF overview request: route → repository query → ClickHouse HTTP call', async () => {
    const pwaUrl = `http://127.0.0.1:${ports.pwa}`;
    const login = await fetch(`${pwaUrl}/api/auth/demo`, { method: 'POST', redirect: 'manual', headers: { origin: pwaUrl } });
    const cookie = login.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    expect(cookie).toContain('sa_session=');
    const overview = await fetch(`${pwaUrl}/api/v1/overview?preset=last_30_days&compare=previous_period`, { headers: { cookie } });
    expect(overview.status).toBe(200);

    const route = await waitForSpan((span) => span.name === 'bff GET /api/v1/overview');
    const query = await waitForSpan((span) => span.traceId === route.traceId && span.name === 'olap getRevenueOverview');
    const http = await waitForSpan((span) => span.traceId === route.traceId && span.name === 'clickhouse query' && span.parentSpanId === query.spanId);
    // Spans arrive in export batches: wait until the trace is whole (every parent present).
    const traceOf = () => collector.spans.filter((span) => span.traceId === route.traceId);
    const whole = () => traceOf().every((span) => span.parentSpanId === '' || traceOf().some((other) => other.spanId === span.parentSpanId));
    await until(() => whole() && traceOf().some((span) => span.parentSpanId === ''), 20_000);
    const trace = traceOf();
    expect(route.service).toBe('pwa-main');
    expect(route.attributes).toMatchObject({ 'http.route': '/api/v1/overview', 'http.response.status_code': 200, 'salla.merchant_id': 900_001 });
    expect(query.parentSpanId).toBe(route.spanId);
    expect(query.attributes).toEqual({ 'olap.query': 'getRevenueOverview', 'salla.merchant_id': 900_001 });
    expect(http.kind).toBe(CLIENT);
    expect(http.attributes).toMatchObject({ 'db.system.name': 'clickhouse', 'db.operation.name': 'query' });
    // One trace: every span of it leads up to a single root, Next's server span for the request.
    const roots = trace.filter((span) => span.parentSpanId === '' || !trace.some((other) => other.spanId === span.parentSpanId));
    expect(roots).toHaveLength(1);
    expect(roots[0]?.kind).toBe(SERVER);
    expect(ancestors(trace, http).map((span) => span.spanId)).toContain(roots[0]?.spanId);
    // No session token, cookie or query-string value in any attribute.
    const attributes = JSON.stringify(trace.map((span) => span.attributes));
    expect(attributes).not.toContain(cookie.split('=')[1]);
    expect(attributes).not.toContain('last_30_days');
  });

  it('one trace per webhook delivery: intake → inbox → consumer → batch write → ClickHouse insert', async () => {
    const secret = (JSON.parse(readFileSync(join(dir, 'local-secrets.json'), 'utf8')) as { webhookSecret: string }).webhookSecret;
    const store = generateStore({ seed: 7, merchantId: 900_777, months: 1, endDate: new Date(), ordersPerMonth: 5 });
    const delivery = toWebhookDeliveries(store).find((candidate) => candidate.event === 'order.created');
    const body = JSON.stringify(delivery);
    const answer = await fetch(`http://127.0.0.1:${ports.pipeline}/webhooks/salla`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-salla-signature': signSallaBody(body, secret) },
    });
    expect(answer.status).toBe(200);

    const request = await waitForSpan((span) => span.name === 'POST /webhooks/salla' && span.attributes['salla.merchant_id'] === 900_777);
    const inbox = await waitForSpan((span) => span.traceId === request.traceId && span.name === 'pipeline inbox write');
    const consume = await waitForSpan((span) => span.traceId === request.traceId && span.name === 'pipeline consume batch');
    const batch = await waitForSpan((span) => span.traceId === request.traceId && span.name === 'olap batch insert orders');
    const insert = await waitForSpan((span) => span.traceId === request.traceId && span.name === 'clickhouse insert' && span.parentSpanId === batch.spanId);
    expect(request.service).toBe('data-pipeline-service');
    expect(request.kind).toBe(SERVER);
    expect(request.parentSpanId).toBe('');
    expect(inbox.parentSpanId).toBe(request.spanId);
    expect(consume.kind).toBe(CONSUMER);
    expect(consume.parentSpanId).toBe(request.spanId);
    expect(batch.parentSpanId).toBe(consume.spanId);
    expect(insert.kind).toBe(CLIENT);
    expect(String(insert.attributes['db.collection.name'])).toMatch(/\.orders$/);
    // Ids and counts only: no customer name, e-mail or mobile of the order in any attribute.
    const customer = (delivery?.data as { customer?: { first_name?: string; email?: string; mobile?: number | string } } | undefined)?.customer;
    const attributes = JSON.stringify(collector.spans.filter((span) => span.traceId === request.traceId).map((span) => span.attributes));
    for (const value of [customer?.first_name, customer?.email, customer?.mobile].filter((v) => v !== undefined && String(v).length > 2)) {
      expect(attributes).not.toContain(String(value));
    }
  });

  it('every metric the dashboard and the alert rules use is exported by the running services', async () => {
    const pipelineText = await (await fetch(`http://127.0.0.1:${ports.pipeline}/metrics`)).text();
    const pwaResponse = await fetch(`http://127.0.0.1:${ports.pwaMetrics}/metrics`);
    expect(pwaResponse.headers.get('content-type')).toContain('text/plain');
    const pwaText = await pwaResponse.text();
    const exported = new Set([...exposedNames(pipelineText), ...exposedNames(pwaText)]);
    const used = new Set(expressions.flatMap(({ expr }) => promql(expr).metrics));
    // `up` is Prometheus' own (one per scrape target).
    used.delete('up');
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    // The BFF's series carry route patterns, never raw URLs or ids.
    expect(pwaText).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/overview"[^}]*\} \d+/);
    expect(pwaText).toMatch(/bff_cache_requests_total\{[^}]*result="miss"[^}]*\} \d+/);
    expect(pwaText).toMatch(/olap_query_duration_seconds_count\{[^}]*query="getRevenueOverview"[^}]*\} \d+/);
    expect(pwaText).not.toMatch(/900001|sa_session/);
    expect(pipelineText).toMatch(/pipeline_queue_depth \d+/);
    // The metrics port answers nothing else; the app's public port has no /metrics.
    expect((await fetch(`http://127.0.0.1:${ports.pwaMetrics}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports.pwa}/metrics`)).status).toBe(404);
  });

  it('a real Prometheus scrapes both services and evaluates every dashboard and alert expression', async () => {
    const promPort = await getPort();
    const config = join(dir, 'prometheus.yml');
    // The shipped configuration with this test's ports and a 1 s interval.
    writeFileSync(
      config,
      readFileSync(join(OBSERVABILITY, 'prometheus.yml'), 'utf8')
        .replace('scrape_interval: 15s', 'scrape_interval: 1s')
        .replace('evaluation_interval: 15s', 'evaluation_interval: 1s')
        .replace('127.0.0.1:4000', `127.0.0.1:${ports.pipeline}`)
        .replace('127.0.0.1:9464', `127.0.0.1:${ports.pwaMetrics}`)
        .replace('alert-rules.yml', join(OBSERVABILITY, 'alert-rules.yml')),
    );
    const prometheus = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${promPort}`], { stdio: 'ignore' });
    try {
      const api = async (path: string) => (await (await fetch(`http://127.0.0.1:${promPort}${path}`)).json()) as { status: string; error?: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
      let up: Array<{ metric: Record<string, string>; value: [number, string] }> = [];
      await untilAsync(async () => {
        up = (await api('/api/v1/query?query=up').catch(() => ({ data: { result: [] } }))).data.result;
        return up.filter((series) => series.value[1] === '1').length === 2;
      }, 60_000);
      expect(up.map((series) => [series.metric.job, series.value[1]]).sort()).toEqual([['pipeline', '1'], ['pwa', '1']]);
      for (const { where, expr } of expressions) {
        const answer = await api(`/api/v1/query?query=${encodeURIComponent(expr)}`);
        expect(answer.status, `${where}: ${answer.error ?? ''}`).toBe('success');
      }
      // The rules are loaded and evaluated (none in an error state).
      const rules = (await (await fetch(`http://127.0.0.1:${promPort}/api/v1/rules`)).json()) as { data: { groups: Array<{ rules: Array<{ health: string; name: string }> }> } };
      const loaded = rules.data.groups.flatMap((group) => group.rules);
      expect(loaded).toHaveLength(parsedRules.groups.flatMap((group) => group.rules).length);
      await untilAsync(async () => {
        const current = (await (await fetch(`http://127.0.0.1:${promPort}/api/v1/rules`)).json()) as typeof rules;
        return current.data.groups.flatMap((group) => group.rules).every((rule) => rule.health === 'ok');
      }, 20_000);
      const evaluated = (await (await fetch(`http://127.0.0.1:${promPort}/api/v1/rules`)).json()) as typeof rules;
      const unhealthy = evaluated.data.groups.flatMap((group) => group.rules).filter((rule) => rule.health !== 'ok');
      expect(unhealthy.map((rule) => `${rule.name}: ${rule.health}`)).toEqual([]);
    } finally {
      const exited = new Promise((done) => prometheus.once('exit', done));
      prometheus.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  async function waitForSpan(match: (span: CollectedSpan) => boolean, timeoutMs = 30_000): Promise<CollectedSpan> {
    await until(() => collector.spans.some(match), timeoutMs);
    const found = collector.spans.find(match);
    if (found === undefined) throw new Error(`no such span among ${collector.spans.length} (names: ${[...new Set(collector.spans.map((s) => s.name))].join(', ')})`);
    return found;
  }
});

function ancestors(trace: CollectedSpan[], span: CollectedSpan): CollectedSpan[] {
  const chain: CollectedSpan[] = [];
  let current: CollectedSpan | undefined = span;
  while (current) {
    chain.push(current);
    const parentId: string = current.parentSpanId;
    current = trace.find((candidate) => candidate.spanId === parentId);
  }
  return chain;
}

async function untilAsync(predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate()) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 250));
}

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
}
