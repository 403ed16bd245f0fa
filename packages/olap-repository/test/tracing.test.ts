import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { localDateRangeToPeriod } from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriter, ClickHouseAnalyticsRepository, type QueryObservation } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';
import { orderRow } from './support/rows.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let ch: TestClickHouse;

beforeAll(async () => {
  ch = await startTestClickHouse('tracing_test');
  provider.register();
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
  await ch?.close();
});

const byName = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);
const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;

describe('tracing (OpenTelemetry API; the test registers an SDK)', () => {
  it('puts each repository query in a span with merchant id and query name, parent of the ClickHouse HTTP call', async () => {
    exporter.reset();
    const observed: QueryObservation[] = [];
    const repo = new ClickHouseAnalyticsRepository(ch.client, { onQuery: (observation) => observed.push(observation) });
    const period = localDateRangeToPeriod('2025-03-10', '2025-03-16', 'Asia/Riyadh');
    const root = trace.getTracer('test').startSpan('GET /api/v1/overview', { kind: SpanKind.SERVER });
    await context.with(trace.setSpan(context.active(), root), () => repo.getRevenueOverview({ merchantId: 777_001, period }));
    root.end();

    const spans = exporter.getFinishedSpans();
    const [query] = byName(spans, 'olap getRevenueOverview');
    const [http] = byName(spans, 'clickhouse query');
    expect(query?.attributes).toEqual({ 'olap.query': 'getRevenueOverview', 'salla.merchant_id': 777_001 });
    expect(parentOf(query)).toBe(root.spanContext().spanId);
    expect(http?.kind).toBe(SpanKind.CLIENT);
    expect(parentOf(http)).toBe(query?.spanContext().spanId);
    expect(http?.spanContext().traceId).toBe(root.spanContext().traceId);
    expect(http?.attributes).toMatchObject({ 'db.system.name': 'clickhouse', 'db.namespace': 'tracing_test', 'db.operation.name': 'query' });
    // Never the SQL or its parameter values (the period bounds, the merchant id) on the HTTP span.
    expect(JSON.stringify(http?.attributes)).not.toMatch(/777001|2025-03|SELECT/);
    expect(observed).toMatchObject([{ query: 'getRevenueOverview', merchantId: 777_001, ok: true }]);
    expect(observed[0]?.durationMs).toBeGreaterThan(0);
  });

  it('marks a failed query as an error and still reports it', async () => {
    exporter.reset();
    const observed: QueryObservation[] = [];
    const repo = new ClickHouseAnalyticsRepository(ch.admin, { onQuery: (observation) => observed.push(observation) });
    const period = localDateRangeToPeriod('2025-03-10', '2025-03-16', 'Asia/Riyadh');
    // `admin` has no database selected: the tables are unknown.
    await expect(repo.getSalesTrend({ merchantId: 5, period, granularity: 'day' })).rejects.toThrow();
    const [span] = byName(exporter.getFinishedSpans(), 'olap getSalesTrend');
    expect(span?.status.code).toBe(2);
    expect(observed).toMatchObject([{ query: 'getSalesTrend', merchantId: 5, ok: false }]);
  });

  it('runs a batch insert under the first writer’s span and links the other writers', async () => {
    exporter.reset();
    const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 1_000, maxDelayMs: 20 });
    const tracer = trace.getTracer('test');
    const consumers = [tracer.startSpan('consume 1'), tracer.startSpan('consume 2')];
    await Promise.all(
      consumers.map((span, index) =>
        context.with(trace.setSpan(context.active(), span), () =>
          writer.write('orders', [orderRow({ merchant_id: 31, order_id: index + 1, created_at: new Date('2025-01-01T10:00:00Z') })]),
        ),
      ),
    );
    for (const span of consumers) span.end();
    await writer.close();
    const spans = exporter.getFinishedSpans();
    const [batch] = byName(spans, 'olap batch insert orders');
    const [insert] = byName(spans, 'clickhouse insert');
    expect(parentOf(batch)).toBe(consumers[0]?.spanContext().spanId);
    expect(batch?.links.map((link) => link.context.spanId)).toEqual([consumers[1]?.spanContext().spanId]);
    expect(batch?.attributes).toMatchObject({ 'olap.table': 'orders', 'olap.batch.rows': 2, 'olap.batch.writers': 2 });
    expect(parentOf(insert)).toBe(batch?.spanContext().spanId);
    expect(insert?.attributes).toMatchObject({ 'db.collection.name': 'tracing_test.orders' });
  });
});
