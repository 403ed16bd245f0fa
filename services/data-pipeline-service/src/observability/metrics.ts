import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram, type MetricObjectWithValues, type MetricValue, Registry } from 'prom-client';

/** Metrics of another thread of the same process, as `registry.getMetricsAsJSON()` gives them. */
export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OLAP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Backlog = { pending: number; oldestAgeSeconds: number };

/** Prometheus metrics of one pipeline process (served on GET /metrics). */
export class PipelineMetrics {
  readonly registry = new Registry();
  readonly received = this.#counter('pipeline_webhooks_received_total', 'Webhook deliveries that passed authentication', ['event']);
  readonly duplicates = this.#counter('pipeline_webhooks_duplicates_total', 'Deliveries already in the inbox (no second effect)');
  readonly rejected = this.#counter('pipeline_webhooks_rejected_total', 'Deliveries answered with 4xx/5xx, by reason', ['reason']);
  readonly queued = this.#counter('pipeline_messages_queued_total', 'Messages handed to the queue');
  readonly processed = this.#counter('pipeline_messages_processed_total', 'Messages whose effects are committed', ['event']);
  readonly retried = this.#counter('pipeline_messages_retried_total', 'Message attempts that failed and will be retried');
  readonly deadLettered = this.#counter('pipeline_messages_dead_lettered_total', 'Inputs kept as dead letters, by reason', ['reason']);
  readonly invalidations = this.#counter('pipeline_cache_invalidations_total', 'Cache-invalidation signals sent (one per merchant per batch)');
  readonly handedOff = this.#counter('pipeline_messages_handed_off_total', 'Messages the intake wrote claimed and passed to its own process\'s consumer (no claim read)');
  readonly batchRows = new Histogram({
    name: 'pipeline_clickhouse_batch_rows',
    help: 'Rows per committed ClickHouse batch',
    labelNames: ['table'],
    buckets: [1, 10, 50, 100, 500, 1_000, 5_000, 10_000],
    registers: [this.registry],
  });
  readonly lag = new Histogram({
    name: 'pipeline_end_to_end_lag_seconds',
    help: 'From delivery accepted (inbox) to its effects committed',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3_600],
    registers: [this.registry],
  });
  readonly intakeGroupSize = new Histogram({
    name: 'pipeline_intake_group_size',
    help: 'Deliveries per inbox insert (concurrent deliveries share one statement)',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [this.registry],
  });
  readonly ackDuration = new Histogram({
    name: 'pipeline_webhook_ack_seconds',
    help: 'Time to answer a webhook delivery',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  /** Every HTTP request by route pattern (same name and labels as the BFF's). */
  readonly httpDuration = this.histogram('http_server_request_duration_seconds', 'HTTP request duration by route', ['route', 'method', 'status'], HTTP_BUCKETS);
  /** ClickHouse work by query name (here `insert_<table>`, one observation per committed batch). */
  readonly olapQueryDuration = this.histogram('olap_query_duration_seconds', 'ClickHouse query duration by query name', ['query', 'outcome'], OLAP_BUCKETS);
  /** Read at each scrape once watchBacklog is called (by the thread that serves /metrics). */
  readonly queueDepth = this.#backlogGauge('pipeline_queue_depth', 'Inbox entries waiting or being processed', 'pending');
  readonly queueOldestAge = this.#backlogGauge('pipeline_queue_oldest_age_seconds', 'Age of the oldest inbox entry not yet processed (queue lag)', 'oldestAgeSeconds');
  #readBacklog: (() => Promise<Backlog>) | null = null;
  #backlog: Promise<Backlog> | null = null;

  /** Reads the queue's depth and lag at each scrape (one indexed count for both gauges). */
  watchBacklog(read: () => Promise<Backlog>): void {
    this.#readBacklog = read;
  }

  #backlogGauge(name: string, help: string, field: keyof Backlog): Gauge {
    const metrics = this;
    return new Gauge({
      name,
      help,
      registers: [this.registry],
      // Threads of one process aggregate: only the one that reads the backlog reports it.
      aggregator: 'max',
      async collect() {
        const read = metrics.#readBacklog;
        if (read === null) return;
        metrics.#backlog ??= read().finally(() => setTimeout(() => (metrics.#backlog = null), 1_000).unref());
        this.set((await metrics.#backlog)[field]);
      },
    });
  }

  /**
   * A counter of this registry, for code added to the service (jobs, emails, …): the same metric
   * when the name is registered already. Names: lower_snake_case with a unit suffix, counters end in
   * `_total`; label values must come from a small fixed set (never ids, e-mails or free text).
   */
  counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return (this.registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of this registry (see counter); `buckets` in the metric's unit (seconds for durations). */
  histogram<L extends string>(name: string, help: string, labelNames: L[] = [], buckets = HTTP_BUCKETS): Histogram<L> {
    return (this.registry.getSingleMetric(name) as Histogram<L> | undefined) ?? new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  readonly #peers: Array<() => Promise<MetricsSnapshot>> = [];

  /**
   * `defaultMetrics: false` for a second thread of the process (the consumer thread): the process
   * metrics come from the main thread, among them its event loop's delay
   * (nodejs_eventloop_lag_p99_seconds) — the loop that answers webhooks.
   */
  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** Adds another thread's metrics to what render() serves (counters and histograms are summed). */
  addPeer(snapshot: () => Promise<MetricsSnapshot>): void {
    this.#peers.push(snapshot);
  }

  /** The Prometheus text of this registry plus its peers'. */
  async render(): Promise<string> {
    if (this.#peers.length === 0) return this.registry.metrics();
    const snapshots = await Promise.all([this.registry.getMetricsAsJSON(), ...this.#peers.map((peer) => peer())]);
    return AggregatorRegistry.aggregate(snapshots).metrics();
  }

  #counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}
