import { type Attributes, type Context, context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const TRACER = '@salla-analytics/data-pipeline-service';

/** Runs `work` in a span (child of `parent`, or of the active span) that ends with it. */
export async function withSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context; links?: Context[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const links = (options.links ?? []).flatMap((other) => {
    const spanContext = trace.getSpanContext(other);
    return spanContext ? [{ context: spanContext }] : [];
  });
  const span = trace.getTracer(TRACER).startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {}, links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * The active trace context as a W3C `traceparent`, to store with a queued message; undefined when
 * tracing is off (no propagator registered) or no span is active.
 */
export function currentTraceparent(): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a stored `traceparent` names (the root context when there is none). */
export function contextOf(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** At most this many messages of a batch are linked from its span. */
const MAX_LINKS = 64;

/**
 * A consumer batch continues the trace of its first message (the delivery's webhook request) and
 * links the traces of the others (up to MAX_LINKS).
 */
export function batchParent(traceparents: Array<string | null | undefined>): { parent: Context; links: Context[] } {
  const present = traceparents.filter((value): value is string => typeof value === 'string' && value.length > 0);
  const [first, ...others] = present;
  return { parent: contextOf(first), links: others.slice(0, MAX_LINKS).map(contextOf) };
}
