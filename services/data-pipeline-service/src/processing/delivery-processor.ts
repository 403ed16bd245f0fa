import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SpanKind } from '@opentelemetry/api';
import { isAppError, parseSallaWebhook, type SallaWebhook } from '@salla-analytics/core-library';
import {
  type Database,
  getDeliveries,
  markDeliveriesProcessed,
  mergeOrderStates,
  type OrderStatePart,
  recordDeadLetter,
  updateDeliveryStatus,
  type WebhookInbox,
} from '@salla-analytics/database-schema';
import type { TokenCipher } from '@salla-analytics/integration-gateways';
import {
  type AnalyticsTables,
  abandonedCartToRow,
  type BatchWriter,
  customerToRow,
  productToRow,
} from '@salla-analytics/olap-repository';
import type { Logger } from 'pino';
import type { PipelineMetrics } from '../observability/metrics.js';
import { batchParent, withSpan } from '../observability/spans.js';
import type { DeliveryOutcome, QueueDelivery, QueueMessage } from '../queue/queue.js';
import { eventVersion } from './event-version.js';
import { applyAuthorize, applyLifecycle, type OnInstalled } from './installations.js';
import { itemsChangedBy, type OrderEventFacts, orderEventFacts, rowsForOrderState } from './order-events.js';

export interface DeliveryProcessorOptions {
  db: Database;
  writer: BatchWriter;
  cipher: TokenCipher | null;
  logger: Logger;
  metrics: PipelineMetrics;
  /** How long a batch keeps retrying its ClickHouse writes (e.g. while ClickHouse restarts) before giving the messages back. */
  writeRetryBudgetMs: number;
  /** After an install was applied (queues the history backfill). */
  onInstalled?: OnInstalled;
}

type Rows = { [T in keyof AnalyticsTables]: AnalyticsTables[T][] };

/**
 * A batch of hundreds of deliveries is parsed and transformed in slices: between slices the event
 * loop answers webhooks waiting in the same process (role `all`), so acknowledgements stay fast
 * while a big batch is processed.
 */
const YIELD_EVERY = 32;

interface Work {
  index: number;
  delivery: QueueDelivery;
  inbox: WebhookInbox;
  webhook: SallaWebhook;
}

/**
 * The queue consumer: turns a batch of inbox references into committed effects. Idempotent
 * (at-least-once delivery is fine): ClickHouse rows carry versions from event time and order
 * facts are merged in Postgres, so repeats and reorderings converge. A message is acknowledged
 * only after its rows are committed; its failures are retried, and on the last attempt it is
 * kept as a dead letter with the reason.
 */
export class DeliveryProcessor {
  readonly #o: DeliveryProcessorOptions;

  constructor(options: DeliveryProcessorOptions) {
    this.#o = options;
  }

  /**
   * One span per batch: a child of its first message's delivery (the trace context stored with
   * the inbox entry or carried by the message), linked to the others' deliveries.
   */
  readonly handle = (deliveries: QueueDelivery[]): Promise<DeliveryOutcome[]> => {
    const { parent, links } = batchParent(deliveries.map((delivery) => delivery.inbox?.traceContext ?? delivery.message.traceContext));
    const attributes = { 'messaging.system': 'salla_inbox', 'messaging.operation.type': 'process', 'messaging.batch.message_count': deliveries.length };
    return withSpan('pipeline consume batch', { kind: SpanKind.CONSUMER, parent, links, attributes }, () => this.#handle(deliveries));
  };

  readonly #handle = async (deliveries: QueueDelivery[]): Promise<DeliveryOutcome[]> => {
    const outcomes: Array<DeliveryOutcome | undefined> = deliveries.map(() => undefined);
    const timing = new PhaseTimer();
    // The inbox queue hands the entries over with their bodies; other queues carry only references.
    const prefetched = deliveries.every((delivery) => delivery.inbox !== undefined);
    const entries = prefetched
      ? deliveries.map((delivery) => delivery.inbox as WebhookInbox)
      : await getDeliveries(this.#o.db, deliveries.map((delivery) => delivery.message.inboxId));
    const inbox = new Map(entries.map((row) => [row.id, row]));
    const work: Work[] = [];
    for (const [index, delivery] of deliveries.entries()) {
      if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      const row = inbox.get(delivery.message.inboxId);
      if (row === undefined || Number(row.merchantId) !== delivery.message.merchantId) {
        this.#o.logger.warn({ inboxId: delivery.message.inboxId, merchantId: delivery.message.merchantId }, 'queue message without its inbox entry; skipped');
        outcomes[index] = { status: 'done' };
        continue;
      }
      if (row.status === 'processed') {
        outcomes[index] = { status: 'done' };
        continue;
      }
      const parsed = parseBody(row.rawBody);
      if (!parsed.ok) {
        outcomes[index] = await this.#deadLetter(delivery, row, 'invalid_payload', parsed.message);
        continue;
      }
      work.push({ index, delivery, inbox: row, webhook: parsed.webhook });
    }
    timing.lap('parse');

    const rows: Rows = { orders: [], order_items: [], customers: [], products: [], abandoned_carts: [], order_status_history: [] };
    const orderFacts: OrderEventFacts[] = [];
    const ready: Work[] = [];
    for (const [position, item] of work.entries()) {
      if (position % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      try {
        await this.#collect(item.webhook, rows, orderFacts);
        ready.push(item);
      } catch (error) {
        outcomes[item.index] = await this.#failed(item, error);
      }
    }
    timing.lap('transform');

    if (ready.length > 0) {
      try {
        const states = await mergeOrderStates(this.#o.db, orderFacts.map((fact) => fact.part));
        timing.lap('merge');
        const partsByOrder = new Map<string, OrderStatePart[]>();
        for (const fact of orderFacts) {
          rows.order_status_history.push(...fact.history);
          const key = `${fact.part.merchantId}:${fact.part.orderId}`;
          partsByOrder.set(key, [...(partsByOrder.get(key) ?? []), fact.part]);
        }
        for (const state of states) {
          const parts = partsByOrder.get(`${state.merchantId}:${state.orderId}`) ?? [];
          const orderRows = rowsForOrderState(state, { items: itemsChangedBy(parts, state) });
          if (orderRows === null) continue;
          rows.orders.push(orderRows.order);
          rows.order_items.push(...orderRows.items);
        }
        await this.#writeAll(rows);
        timing.lap('clickhouse');
        await markDeliveriesProcessed(this.#o.db, ready.map((item) => item.inbox.id));
        timing.lap('mark');
        const now = Date.now();
        for (const item of ready) {
          outcomes[item.index] = { status: 'done' };
          this.#o.metrics.processed.inc({ event: metricEvent(item.webhook.event) });
          this.#o.metrics.lag.observe(Math.max(0, now - item.inbox.receivedAt.getTime()) / 1000);
        }
      } catch (error) {
        for (const item of ready) outcomes[item.index] = await this.#failed(item, error);
      }
    }
    this.#o.logger.debug({ messages: deliveries.length, processed: ready.length, ms: timing.laps }, 'batch handled');
    return outcomes.map((outcome) => outcome ?? { status: 'retry', error: 'not processed' });
  };

  /** Messages whose last attempt expired in the queue (their consumer died): kept as dead letters. */
  readonly handleExpired = async (messages: QueueMessage[]): Promise<void> => {
    const inbox = await getDeliveries(this.#o.db, messages.map((message) => message.inboxId));
    for (const row of inbox) {
      if (row.status === 'processed') continue;
      await this.#deadLetter(
        { message: { inboxId: row.id, merchantId: Number(row.merchantId), event: row.event, receivedAt: row.receivedAt.toISOString() }, attempt: 0, lastAttempt: true },
        row,
        'job_timeout',
        'the last attempt did not finish in time (consumer stopped or killed)',
      );
    }
  };

  async #collect(webhook: SallaWebhook, rows: Rows, orderFacts: OrderEventFacts[]): Promise<void> {
    const { db, cipher } = this.#o;
    switch (webhook.kind) {
      case 'order':
      case 'order_status':
        orderFacts.push(orderEventFacts(webhook));
        return;
      case 'product': {
        const version = eventVersion(webhook);
        if (webhook.event === 'product.deleted') {
          rows.products.push({ ...productToRow(webhook.merchantId, { ...webhook.product, name: webhook.product.name ?? '' }, version), is_deleted: 1 });
        } else if (webhook.product.name !== undefined) {
          rows.products.push(productToRow(webhook.merchantId, webhook.product, version));
        }
        // Partial product events (product.quantity.low without a name, …) would blank the row: only kept in the inbox.
        return;
      }
      case 'customer':
        rows.customers.push(customerToRow(webhook.merchantId, webhook.customer, eventVersion(webhook)));
        return;
      case 'abandoned_cart':
        rows.abandoned_carts.push(abandonedCartToRow(webhook.merchantId, webhook.cart, eventVersion(webhook)));
        return;
      case 'app_authorize':
        await applyAuthorize(db, cipher, webhook, this.#o.onInstalled);
        return;
      case 'app_lifecycle':
        await applyLifecycle(db, webhook, this.#o.onInstalled);
        return;
      case 'unknown':
        return;
    }
  }

  /**
   * Writes every table's rows and waits for the commits. While ClickHouse is unreachable the same
   * rows are retried with backoff (the messages stay with this consumer, nothing new is taken),
   * up to the budget; then the error goes up and the messages are retried by the queue.
   */
  async #writeAll(rows: Rows): Promise<void> {
    const deadline = Date.now() + this.#o.writeRetryBudgetMs;
    let delay = 250;
    for (;;) {
      try {
        await Promise.all(
          (Object.keys(rows) as Array<keyof Rows>).map((table) =>
            rows[table].length === 0 ? undefined : this.#o.writer.write(table, rows[table] as never),
          ),
        );
        return;
      } catch (error) {
        if (Date.now() + delay > deadline) throw error;
        this.#o.logger.warn({ err: { message: errorMessage(error) }, retryInMs: delay }, 'ClickHouse write failed; holding the batch and retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  async #failed(item: Work, error: unknown): Promise<DeliveryOutcome> {
    const message = errorMessage(error);
    const log = { merchantId: item.delivery.message.merchantId, inboxId: item.inbox.id, event: item.webhook.event, attempt: item.delivery.attempt };
    if (!item.delivery.lastAttempt) {
      this.#o.metrics.retried.inc();
      this.#o.logger.warn({ ...log, err: { message } }, 'processing failed; will retry');
      return { status: 'retry', error: message };
    }
    const reason = isAppError(error) && error.code === 'INVALID_ENV' ? 'configuration_error' : 'max_attempts';
    return this.#deadLetter(item.delivery, item.inbox, reason, message);
  }

  async #deadLetter(delivery: QueueDelivery, inbox: WebhookInbox, reason: string, message: string): Promise<DeliveryOutcome> {
    const merchantId = delivery.message.merchantId;
    try {
      await recordDeadLetter(this.#o.db, { source: 'queue', merchantId, event: inbox.event, reason, message, payload: inbox.rawBody });
      await updateDeliveryStatus(this.#o.db, { merchantId, id: inbox.id }, { status: 'failed', error: `${reason}: ${message}` });
    } catch (error) {
      // Postgres is unavailable: leave the message to the queue (it comes back after the timeout).
      return { status: 'retry', error: errorMessage(error) };
    }
    this.#o.metrics.deadLettered.inc({ reason });
    this.#o.logger.error({ merchantId, inboxId: inbox.id, event: inbox.event, reason, err: { message } }, 'message dead-lettered');
    return { status: 'dead-lettered' };
  }
}

/** Milliseconds per phase of a batch, for the debug log. */
class PhaseTimer {
  readonly laps: Record<string, number> = {};
  #last = performance.now();

  lap(name: string): void {
    const now = performance.now();
    this.laps[name] = Math.round(now - this.#last);
    this.#last = now;
  }
}

function parseBody(rawBody: string): { ok: true; webhook: SallaWebhook } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, message: 'the stored body is not JSON' };
  }
  const parsed = parseSallaWebhook(json);
  return parsed.ok ? { ok: true, webhook: parsed.value } : { ok: false, message: parsed.error.message };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Known event names only, so a sender cannot create unbounded metric series. */
function metricEvent(event: string): string {
  return /^(order|product|customer|abandoned|app)\.[a-z.]+$/.test(event) && event.length < 40 ? event : 'other';
}
