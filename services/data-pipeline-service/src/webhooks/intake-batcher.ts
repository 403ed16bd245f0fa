import {
  type Database,
  markDeliveriesQueued,
  type RecordDeliveryResult,
  recordDeliveries,
  updateDeliveryStatus,
} from '@salla-analytics/database-schema';
import type { PipelineMetrics } from '../observability/metrics.js';
import type { Queue, QueueMessage } from '../queue/queue.js';

export interface IntakeItem {
  merchantId: number;
  event: string;
  deliveryKey: string;
  rawBody: string;
  receivedAt: Date;
  /** Set for dead-letter replays (the n-th replay). */
  replay?: number;
}

export interface IntakeOutcome {
  outcome: 'accepted' | 'duplicate';
  inboxId: string;
}

interface Pending {
  item: IntakeItem;
  resolve: (outcome: IntakeOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes accepted deliveries to the inbox and the queue in groups: requests that arrive within
 * `maxDelayMs` of each other (or `maxBatch` of them) share one inbox insert, one queue insert and
 * one status update, instead of three round trips each. Every caller still gets its own answer
 * only after its delivery is in the inbox and enqueued — the 200 keeps its meaning.
 */
export class IntakeBatcher {
  readonly #deps: { db: Database; queue: Queue; metrics?: PipelineMetrics };
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  #pending: Pending[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(deps: { db: Database; queue: Queue; metrics?: PipelineMetrics }, options: { maxBatch?: number; maxDelayMs?: number } = {}) {
    this.#deps = deps;
    this.#maxBatch = options.maxBatch ?? 100;
    this.#maxDelayMs = options.maxDelayMs ?? 2;
  }

  submit(item: IntakeItem): Promise<IntakeOutcome> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (this.#pending.length >= this.#maxBatch) this.#flush();
      else if (this.#timer === null) this.#timer = setTimeout(() => this.#flush(), this.#maxDelayMs);
      // (setTimeout(0) still lets the requests already read in this turn of the event loop join.)
    });
  }

  #flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    this.#write(batch.map((entry) => entry.item)).then(
      (outcomes) => {
        for (const [index, entry] of batch.entries()) entry.resolve(outcomes[index] as IntakeOutcome);
      },
      (error: unknown) => {
        for (const entry of batch) entry.reject(error);
      },
    );
  }

  async #write(items: IntakeItem[]): Promise<IntakeOutcome[]> {
    const { db, queue, metrics } = this.#deps;
    const recorded: RecordDeliveryResult[] = await recordDeliveries(
      db,
      items.map((item) => ({ merchantId: item.merchantId, deliveryKey: item.deliveryKey, event: item.event, rawBody: item.rawBody, receivedAt: item.receivedAt })),
    );
    const messages: QueueMessage[] = [];
    const replayed: Array<{ merchantId: number; id: string }> = [];
    const published = new Set<string>();
    recorded.forEach((result, index) => {
      const item = items[index] as IntakeItem;
      // A known delivery is enqueued again only when an operator replays it. (One that was accepted
      // but never enqueued — a crash in between — is picked up by recoverUnqueuedDeliveries.)
      const enqueue = !result.duplicate || (item.replay !== undefined && result.status !== 'processed');
      if (!enqueue || published.has(result.id)) return;
      published.add(result.id);
      if (item.replay !== undefined) replayed.push({ merchantId: item.merchantId, id: result.id });
      messages.push({
        inboxId: result.id,
        merchantId: item.merchantId,
        event: item.event,
        receivedAt: item.receivedAt.toISOString(),
        ...(item.replay === undefined ? {} : { replay: item.replay }),
      });
    });
    // A replayed entry is 'failed': set it back to queued first (an operator re-runs a replay that crashed).
    for (const entry of replayed) await updateDeliveryStatus(db, { merchantId: entry.merchantId, id: entry.id }, { status: 'queued' });
    await queue.publish(messages);
    await markDeliveriesQueued(db, messages.map((message) => message.inboxId));
    metrics?.queued.inc(messages.length);
    return recorded.map((result) => {
      if (result.duplicate) metrics?.duplicates.inc();
      return { outcome: result.duplicate ? 'duplicate' : 'accepted', inboxId: result.id };
    });
  }
}
