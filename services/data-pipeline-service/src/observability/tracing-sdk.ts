import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { PipelineEnv } from '../env.js';

export interface Tracing {
  /** Exports what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * The OpenTelemetry SDK of a pipeline process (its entry point calls this first; the libraries
 * only use the API). On only when an OTLP endpoint is configured (the standard
 * OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_SDK_DISABLED is not
 * true; otherwise nothing is registered and every span is a no-op. The exporter sends OTLP/HTTP
 * protobuf and reads the other standard OTEL_EXPORTER_OTLP_* and OTEL_BSP_* variables itself.
 */
export function startTracing(env: PipelineEnv, serviceName = 'data-pipeline-service'): Tracing | null {
  if (env.OTEL_SDK_DISABLED || (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(env) }))],
  });
  // Also installs the AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  // A collector that is down at shutdown loses the last spans, never the clean exit.
  return { shutdown: () => provider.shutdown().catch(() => undefined) };
}

/** The traces URL from the parsed env (the spec's rule: a base endpoint gets `/v1/traces`). */
function tracesUrl(env: Pick<PipelineEnv, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>): string {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').replace(/\/+$/, '')}/v1/traces`;
}
