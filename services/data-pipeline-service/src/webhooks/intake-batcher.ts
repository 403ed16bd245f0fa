import {
  type Database,
  markDeliveriesQueued,
  type RecordDeliveryResult,
  recordDeliveries,
  updateDeliveryStatus,
} from '@salla-analytics/database-schema';
import type { PipelineMetrics } from '../observability/metrics.js';
import type { HandedOff, LocalHandoff } from '../queue/local-handoff.js';
import type { Queue, QueueMessage } from '../queue/queue.js';
import { withSpan } from '../observability/spans.js';

export interface IntakeItem {
  merchantId: number;
  event: string;
  deliveryKey: string;
  rawBody: string;
  receivedAt: Date;
  /** Set for dead-letter replays (the n-th replay). */
  replay?: number;
  /** W3C `traceparent` of the delivering request, kept with the inbox entry (tracing on). */
  traceContext?: string | undefined;
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
 * `maxDelayMs` of each other (or `maxBatch` of them) share one inbox insert and one queue insert,
 * instead of round trips each. At most `maxInFlight` groups are written at once; requests that
 * arrive meanwhile wait for the next group, so groups grow with the load instead of the number
 * of commits. Every caller gets its own answer only after its delivery is in the inbox and
 * enqueued — the 200 keeps its meaning. (Marking the entries `queued` comes after the answers:
 * an entry left `received` by a crash there is enqueued again by recoverUnqueuedDeliveries, and
 * enqueueing twice is harmless.)
 *
 * With a LocalHandoff (role `all`, inbox queue) a group with room at the consumer is written
 * already claimed for this process and handed over once committed; other groups are written for
 * the claim loops.
 */
export class IntakeBatcher {
  readonly #deps: IntakeBatcherDeps;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #maxInFlight: number;
  #pending: Pending[] = [];
  #timer: NodeJS.Timeout | null = null;
  #inFlight = 0;
  #handoff: LocalHandoff | null = null;

  constructor(
    deps: IntakeBatcherDeps,
    options: { maxBatch?: number; maxDelayMs?: number; maxInFlight?: number } = {},
  ) {
    this.#deps = deps;
    this.#maxBatch = options.maxBatch ?? 100;
    this.#maxDelayMs = options.maxDelayMs ?? 2;
    this.#maxInFlight = options.maxInFlight ?? 4;
  }

  /** From now on, groups the consumer has room for are handed to it directly (see LocalHandoff). */
  useHandoff(handoff: LocalHandoff): void {
    this.#handoff = handoff;
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
    // Every writer busy: the pending deliveries go with the next group (see #settled).
    if (this.#pending.length === 0 || this.#inFlight >= this.#maxInFlight) return;
    const batch = this.#pending.splice(0, this.#maxBatch);
    this.#inFlight += 1;
    // The span is a child of the request that opened the group (the timer runs in its context).
    const attributes = { 'messaging.batch.message_count': batch.length };
    withSpan('pipeline inbox write', { attributes }, () => this.#write(batch.map((entry) => entry.item))).then(
      ({ outcomes, queued }) => {
        this.#settled();
        for (const [index, entry] of batch.entries()) entry.resolve(outcomes[index] as IntakeOutcome);
        // Failure here only leaves entries `received`; the recovery enqueues them again.
        markDeliveriesQueued(this.#deps.db, queued).catch(() => undefined);
      },
      (error: unknown) => {
        this.#settled();
        for (const entry of batch) entry.reject(error);
      },
    );
  }

  #settled(): void {
    this.#inFlight -= 1;
    if (this.#pending.length > 0) this.#flush();
  }

  async #write(items: IntakeItem[]): Promise<{ outcomes: IntakeOutcome[]; queued: string[] }> {
    const { db, queue, metrics } = this.#deps;
    // With the inbox queue, writing a new entry `queued` is enqueueing it (one statement).
    const inboxQueue = queue.enqueuesOnInboxWrite === true;
    metrics?.intakeGroupSize.observe(items.length);
    const handoff = inboxQueue && this.#handoff !== null && this.#handoff.room() >= items.length ? this.#handoff : null;
    const recorded: RecordDeliveryResult[] = await recordDeliveries(
      db,
      items.map((item) => ({
        merchantId: item.merchantId,
        deliveryKey: item.deliveryKey,
        event: item.event,
        rawBody: item.rawBody,
        receivedAt: item.receivedAt,
        traceContext: item.traceContext ?? null,
      })),
      { queued: inboxQueue, ...(handoff === null ? {} : { leaseSeconds: handoff.leaseSeconds }) },
    );
    const handed: HandedOff[] = [];
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
      if (handoff !== null && !result.duplicate) {
        // Written claimed for this process: the consumer gets it here, not from a claim.
        handed.push(claimedEntry(result.id, item, handoff.leaseSeconds));
        return;
      }
      if (item.replay !== undefined) replayed.push({ merchantId: item.merchantId, id: result.id });
      messages.push({
        inboxId: result.id,
        merchantId: item.merchantId,
        event: item.event,
        receivedAt: item.receivedAt.toISOString(),
        ...(item.replay === undefined ? {} : { replay: item.replay }),
        ...(item.traceContext === undefined ? {} : { traceContext: item.traceContext }),
      });
    });
    // A replayed entry is 'failed': set it back to queued first (an operator re-runs a replay that
    // crashed). The inbox queue does that itself when the replay is published, in one statement.
    if (!inboxQueue) {
      for (const entry of replayed) await updateDeliveryStatus(db, { merchantId: entry.merchantId, id: entry.id }, { status: 'queued' });
    }
    await queue.publish(inboxQueue ? messages.filter((message) => message.replay !== undefined) : messages);
    handoff?.deliver(handed);
    metrics?.queued.inc(messages.length + handed.length);
    if (handed.length > 0) metrics?.handedOff.inc(handed.length);
    const outcomes = recorded.map((result): IntakeOutcome => {
      if (result.duplicate) metrics?.duplicates.inc();
      return { outcome: result.duplicate ? 'duplicate' : 'accepted', inboxId: result.id };
    });
    return { outcomes, queued: inboxQueue ? [] : messages.map((message) => message.inboxId) };
  }
}

export interface IntakeBatcherDeps {
  db: Database;
  queue: Queue;
  metrics?: PipelineMetrics;
}

/** The inbox entry as recordDeliveries wrote it with a lease (what claimDeliveries would have returned). */
function claimedEntry(id: string, item: IntakeItem, leaseSeconds: number): HandedOff {
  return {
    id,
    merchantId: BigInt(item.merchantId),
    deliveryKey: item.deliveryKey,
    event: item.event,
    rawBody: item.rawBody,
    status: 'queued',
    attempts: 0,
    error: null,
    receivedAt: item.receivedAt,
    processedAt: null,
    availableAt: new Date(Date.now() + leaseSeconds * 1000),
    claims: 1,
    traceContext: item.traceContext ?? null,
  };
}
