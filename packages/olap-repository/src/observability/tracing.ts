import { type Attributes, type Context, context, type Link, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Spans through the OpenTelemetry API only: without an SDK registered by the process (the service
 * or app entry point) every call below is a no-op on a non-recording span. The tracer is looked up
 * per span, not kept: a tracer taken before the SDK registers (or from another copy of the API,
 * ESM beside CommonJS) would stay a no-op.
 */
const TRACER = '@salla-analytics/olap-repository';

/** At most this many links on a batch span (one per writer that shares the batch). */
const MAX_LINKS = 64;

/** Runs `work` inside a span that ends with it, marked as an error when it throws. */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context; links?: Link[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = trace.getTracer(TRACER).startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}), ...(options.links ? { links: options.links } : {}) },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Links to the spans of the other contexts (a batch written on behalf of several callers). */
export function linksTo(contexts: Context[]): Link[] {
  const links: Link[] = [];
  for (const other of contexts) {
    const spanContext = trace.getSpanContext(other);
    if (spanContext !== undefined && links.length < MAX_LINKS) links.push({ context: spanContext });
  }
  return links;
}
