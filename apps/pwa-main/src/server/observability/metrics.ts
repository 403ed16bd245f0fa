import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OLAP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The BFF's Prometheus metrics. One registry per server process, kept on globalThis: Next bundles
 * the instrumentation hook (which serves them) and the route handlers (which fill them) apart.
 */
export class BffMetrics {
  readonly registry = new Registry();
  /** Every /api route by its declared path (route() in http/route.ts): bounded label values. */
  readonly httpDuration = this.histogram('http_server_request_duration_seconds', 'HTTP request duration by route', ['route', 'method', 'status'], HTTP_BUCKETS);
  readonly cacheRequests = this.counter('bff_cache_requests_total', 'Per-merchant query cache lookups by query and result (hit/miss)', ['query', 'result']);
  /** Repository queries (olap-repository onQuery), by query name. */
  readonly olapQueryDuration = this.histogram('olap_query_duration_seconds', 'ClickHouse query duration by query name', ['query', 'outcome'], OLAP_BUCKETS);

  constructor() {
    this.registry.setDefaultLabels({ service: 'pwa-main' });
    // Process metrics, among them the event loop's delay (nodejs_eventloop_lag_p99_seconds).
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /**
   * A counter of this registry for code added to the BFF (jobs, e-mails, …): the same metric when the
   * name is registered already. Names: lower_snake_case, counters end in `_total`; label values from
   * a small fixed set (never ids, e-mails or free text).
   */
  counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return (this.registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of this registry (see counter); `buckets` in the metric's unit (seconds for durations). */
  histogram<L extends string>(name: string, help: string, labelNames: L[] = [], buckets = HTTP_BUCKETS): Histogram<L> {
    return (this.registry.getSingleMetric(name) as Histogram<L> | undefined) ?? new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}

const holder = globalThis as typeof globalThis & { __sallaBffMetrics?: BffMetrics };

export function bffMetrics(): BffMetrics {
  holder.__sallaBffMetrics ??= new BffMetrics();
  return holder.__sallaBffMetrics;
}
