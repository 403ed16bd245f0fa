import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

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
  readonly ackDuration = new Histogram({
    name: 'pipeline_webhook_ack_seconds',
    help: 'Time to answer a webhook delivery',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    // Process metrics, among them the event loop's delay (nodejs_eventloop_lag_p99_seconds): intake
    // and consumers share one loop, so a consumer that blocks it shows up in acknowledgements.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  #counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}
