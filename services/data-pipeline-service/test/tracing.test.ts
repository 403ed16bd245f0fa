import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSallaBody } from '../src/index.js';
import { drained, type Engines, type RunningPipeline, SECRET, startEngines, startPipeline, waitFor } from './support/harness.js';

// The SDK the service's entry point would start (bin/server.ts → startTracing), with an in-memory exporter.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

let engines: Engines;
let run: RunningPipeline;
beforeAll(async () => {
  engines = await startEngines();
  run = await startPipeline(engines);
});
afterAll(async () => {
  await run?.stop();
  await engines?.stop();
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/order.created.json'), 'utf8')) as { data: { id: number } };
const spanNamed = (spans: ReadableSpan[], name: string, traceId: string) => spans.find((span) => span.name === name && span.spanContext().traceId === traceId);

describe('traces through the pipeline', () => {
  it('follows one webhook delivery from the request through the inbox and the queue to the ClickHouse insert', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const body = JSON.stringify({ ...fixture, data: { ...fixture.data, id: 880_001 } });
    // A caller that traces (its traceparent is continued); Salla sends none, and then the trace starts here.
    const sent = await run.post(body, {
      'X-Salla-Signature': signSallaBody(body, SECRET),
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(sent.status).toBe(200);
    await drained(engines);
    await waitFor(() => exporter.getFinishedSpans().some((span) => span.name === 'clickhouse insert' && span.spanContext().traceId === traceId));
    const spans = exporter.getFinishedSpans();

    const request = spanNamed(spans, 'POST /webhooks/salla', traceId);
    const inboxWrite = spanNamed(spans, 'pipeline inbox write', traceId);
    const consume = spanNamed(spans, 'pipeline consume batch', traceId);
    const batchInsert = spanNamed(spans, 'olap batch insert orders', traceId);
    const insert = spans.find((span) => span.name === 'clickhouse insert' && span.parentSpanContext?.spanId === batchInsert?.spanContext().spanId);
    expect(request?.kind).toBe(SpanKind.SERVER);
    expect(request?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(request?.attributes).toMatchObject({ 'http.route': '/webhooks/salla', 'salla.webhook.outcome': 'accepted' });
    expect(inboxWrite?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    // Across the queue: the consumer's batch continues the delivery's trace (stored with the inbox entry).
    expect(consume?.kind).toBe(SpanKind.CONSUMER);
    expect(consume?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(batchInsert?.parentSpanContext?.spanId).toBe(consume?.spanContext().spanId);
    expect(insert?.kind).toBe(SpanKind.CLIENT);
    expect(insert?.attributes).toMatchObject({ 'db.system.name': 'clickhouse', 'db.collection.name': expect.stringMatching(/\.orders$/) });

    // Attributes carry ids and counts, never the body, its customer or the signature.
    const attributes = JSON.stringify(spans.map((span) => span.attributes));
    for (const secret of ['880001', 'noura', '@example.com', 'X-Salla-Signature']) expect(attributes).not.toContain(secret);
  });
});
