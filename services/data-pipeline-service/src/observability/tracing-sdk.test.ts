import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { readPipelineEnv } from '../env.js';
import { currentTraceparent, withSpan } from './spans.js';
import { startTracing } from './tracing-sdk.js';

const base = { SALLA_WEBHOOK_SECRET: 'test-webhook-secret-0123456789' };

afterAll(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('startTracing', () => {
  it('registers nothing without an OTLP endpoint: spans are no-ops and no trace context is stored', async () => {
    expect(startTracing(readPipelineEnv(base))).toBeNull();
    expect(startTracing(readPipelineEnv({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }))).toBeNull();
    await withSpan('POST /webhooks/salla', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      expect(currentTraceparent()).toBeUndefined();
    });
  });

  it('with an endpoint, records spans, propagates a W3C traceparent and exports OTLP/HTTP protobuf to <endpoint>/v1/traces', async () => {
    const received: Array<{ url: string | undefined; type: string | undefined; bytes: number }> = [];
    const collector = createServer((request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => (bytes += chunk.length));
      request.on('end', () => {
        received.push({ url: request.url, type: request.headers['content-type'], bytes });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`;
    const tracing = startTracing(readPipelineEnv({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }));
    expect(tracing).not.toBeNull();
    await withSpan('POST /webhooks/salla', {}, async (span) => {
      expect(span.isRecording()).toBe(true);
      expect(currentTraceparent()).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    });
    await tracing?.shutdown();
    await new Promise((resolve) => collector.close(resolve));
    expect(received).toEqual([{ url: '/v1/traces', type: 'application/x-protobuf', bytes: expect.any(Number) }]);
    expect(received[0]?.bytes).toBeGreaterThan(20);
  });

  it('a collector that is down does not fail the shutdown', async () => {
    // A fresh registration (the previous test's provider is shut down), and nothing on port 9.
    trace.disable();
    context.disable();
    propagation.disable();
    const tracing = startTracing(readPipelineEnv({ ...base, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces' }));
    await withSpan('x', {}, async () => undefined);
    await expect(tracing?.shutdown()).resolves.toBeUndefined();
  });
});
