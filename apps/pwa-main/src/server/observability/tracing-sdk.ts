import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { PwaEnv } from '../../env';

/** Attributes in which Next's own spans put the request's URL. */
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.query'];

/**
 * Drops query strings from Next's request spans before export (`http.target` carries
 * `/api/v1/customers?q=…`): query values may be search terms or e-mails, and traces keep only
 * route patterns, ids and counts. Runs before the exporting processor.
 */
class StripQueryStrings implements SpanProcessor {
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (key === 'url.query') delete attributes[key];
      else if (typeof value === 'string' && value.includes('?')) attributes[key] = value.slice(0, value.indexOf('?'));
    }
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The BFF's OpenTelemetry SDK, registered by instrumentation.ts (Next's instrumentation hook)
 * before any request: Next's own spans (the request, the route handler), route() and the
 * repository's spans all go to one OTLP/HTTP protobuf exporter. Off unless an OTLP endpoint is set
 * (OTEL_EXPORTER_OTLP_ENDPOINT / _TRACES_ENDPOINT): then nothing is registered and every span is a
 * no-op.
 */
export function startTracing(env: PwaEnv): boolean {
  if (env.OTEL_SDK_DISABLED || (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) return false;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? 'pwa-main' }),
    spanProcessors: [new StripQueryStrings(), new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(env) }))],
  });
  provider.register();
  // A collector that is down at exit loses the last spans, never the process.
  const flush = () => void provider.shutdown().catch(() => undefined);
  process.once('SIGTERM', flush);
  process.once('beforeExit', flush);
  return true;
}

/** The traces URL from the parsed env (the spec's rule: a base endpoint gets `/v1/traces`). */
function tracesUrl(env: PwaEnv): string {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').replace(/\/+$/, '')}/v1/traces`;
}
