import { context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * A span per BFF route (`bff GET /api/v1/overview`), under Next's request span when Next traces:
 * the repository's query spans and the ClickHouse calls hang below it. Attributes: the route's
 * declared path, method and status, and the merchant id once the session resolved it — never the
 * query string or body.
 */
export async function inRouteSpan(method: string, path: string, work: (span: Span) => Promise<Response>): Promise<Response> {
  const span = trace.getTracer('@salla-analytics/pwa-main').startSpan(`bff ${method} ${path}`, {
    attributes: { 'http.request.method': method, 'http.route': path },
  });
  try {
    const response = await context.with(trace.setSpan(context.active(), span), () => work(span));
    span.setAttribute('http.response.status_code', response.status);
    if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } finally {
    span.end();
  }
}
