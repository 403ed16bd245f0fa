import {
  type ClaimedDelivery,
  claimDeliveries,
  countPendingDeliveries,
  type Database,
  markDeliveriesQueued,
  releaseDeliveries,
  requeueDeliveries,
} from '@salla-analytics/database-schema';
import type { Logger } from 'pino';
import type { BatchHandler, DeliveryOutcome, Queue, QueueDelivery, QueueMessage } from './queue.js';

export interface InboxQueueOptions {
  db: Database;
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long a claim holds an entry: a consumer that dies holding it (SIGKILL) loses it after this. */
  jobTimeoutSeconds: number;
  pollIntervalMs: number;
  batchSize: number;
  concurrency: number;
  logger: Logger;
  /** The queue was given a database of its own (an operator tool): stop() closes it. */
  closeDatabaseOnStop?: boolean;
}

const MAX_RETRY_DELAY_MS = 3_600_000;
/** How long a local batch may wait to fill after the first handed-over entry arrives. */
const LOCAL_BATCH_WAIT_MS = 50;

/**
 * The durable Postgres queue: the webhook inbox itself (database-schema's claimDeliveries). The
 * intake writes an entry `queued`, so the inbox write is the enqueue — one statement, no second
 * copy of each message, no window in which an accepted delivery is in one and not the other.
 * Consumer loops claim a batch per statement (FOR UPDATE SKIP LOCKED) with a lease of
 * `jobTimeoutSeconds`; a message is redelivered when its lease ends (its consumer died), retried
 * with exponential backoff (with jitter) when the handler asks, and its last attempt is flagged so
 * the handler dead-letters instead of failing. A message claimed again after its last attempt
 * expired goes to the `consumeExpired` handler (a dead letter, `job_timeout`).
 */
export class InboxQueue implements Queue {
  readonly driver = 'postgres' as const;
  readonly enqueuesOnInboxWrite = true;
  readonly #o: InboxQueueOptions;
  readonly #loops: Promise<void>[] = [];
  #onExpired: ((messages: QueueMessage[]) => Promise<void>) | null = null;
  #running = false;
  /** Entries the intake of this process wrote claimed for us (deliverClaimed), waiting for a batch. */
  #local: ClaimedDelivery[] = [];
  #wakeLocal: (() => void) | null = null;
  #onLocalSettled: ((count: number) => void) | null = null;

  constructor(options: InboxQueueOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {}

  /**
   * Entries are enqueued when the intake writes them; this is for the others: dead-letter replays
   * (queued again as new, every attempt available) and entries accepted but never marked queued.
   */
  async publish(messages: QueueMessage[]): Promise<void> {
    const replays = messages.filter((message) => message.replay !== undefined).map((message) => message.inboxId);
    const others = messages.filter((message) => message.replay === undefined).map((message) => message.inboxId);
    await requeueDeliveries(this.#o.db, replays);
    await markDeliveriesQueued(this.#o.db, others);
  }

  async consume(handler: BatchHandler): Promise<void> {
    this.#running = true;
    for (let index = 0; index < this.#o.concurrency; index++) {
      this.#loops.push(this.#loop(handler));
      this.#loops.push(this.#localLoop(handler));
    }
  }

  /**
   * Entries written already claimed by this process's intake (see LocalHandoff): processed in
   * batches like claimed ones, without reading them back. `onSettled` hears how many of them each
   * batch settled.
   */
  deliverClaimed(entries: ClaimedDelivery[]): void {
    this.#local.push(...entries);
    const wake = this.#wakeLocal;
    this.#wakeLocal = null;
    wake?.();
  }

  onLocalSettled(listener: (count: number) => void): void {
    this.#onLocalSettled = listener;
  }

  /** Messages claimed again after their last attempt expired (the consumer died holding them) go to `onExpired`. */
  async consumeExpired(onExpired: (messages: QueueMessage[]) => Promise<void>): Promise<void> {
    this.#onExpired = onExpired;
  }

  async check(): Promise<void> {
    await this.#o.db.$queryRawUnsafe('SELECT 1 FROM webhook_inbox LIMIT 1');
  }

  async backlog(): Promise<number | null> {
    return countPendingDeliveries(this.#o.db);
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wakeLocal?.();
    await Promise.allSettled(this.#loops);
    this.#loops.length = 0;
    // Handed over but not started: available again now rather than at the end of their lease.
    const left = this.#local.splice(0);
    if (left.length > 0) {
      await releaseDeliveries(this.#o.db, left.map((entry) => ({ id: entry.id, delayMs: 0, error: 'consumer stopped before processing' }))).catch(() => undefined);
      this.#onLocalSettled?.(left.length);
    }
    if (this.#o.closeDatabaseOnStop) await this.#o.db.$disconnect();
  }

  async #loop(handler: BatchHandler): Promise<void> {
    const { logger, batchSize, pollIntervalMs, jobTimeoutSeconds } = this.#o;
    let idleDelay = pollIntervalMs;
    while (this.#running) {
      let claimed: ClaimedDelivery[];
      try {
        claimed = await claimDeliveries(this.#o.db, { limit: batchSize, leaseSeconds: jobTimeoutSeconds });
        idleDelay = pollIntervalMs;
      } catch (error) {
        logger.warn({ err: { message: (error as Error).message } }, 'queue claim failed; backing off');
        idleDelay = Math.min(idleDelay * 2, 10_000);
        await sleep(idleDelay);
        continue;
      }
      if (claimed.length === 0) {
        await sleep(pollIntervalMs);
        continue;
      }
      const expired: ClaimedDelivery[] = [];
      const deliveries: QueueDelivery[] = [];
      for (const entry of claimed) {
        const attempt = entry.claims - 1;
        if (attempt > this.#o.retryLimit && this.#onExpired !== null) expired.push(entry);
        else deliveries.push({ message: messageOf(entry), attempt, lastAttempt: attempt >= this.#o.retryLimit, inbox: entry });
      }
      if (expired.length > 0) await this.#expire(expired);
      if (deliveries.length > 0) await this.#settle(deliveries, handler);
    }
  }

  async #localLoop(handler: BatchHandler): Promise<void> {
    const { batchSize, pollIntervalMs } = this.#o;
    while (this.#running) {
      if (this.#local.length === 0) {
        await new Promise<void>((resolve) => {
          const previous = this.#wakeLocal;
          this.#wakeLocal = () => {
            previous?.();
            resolve();
          };
        });
        // A short wait lets a batch fill (fewer, larger ClickHouse writes), as a claim would.
        if (this.#running && this.#local.length < batchSize) await sleep(Math.min(pollIntervalMs, LOCAL_BATCH_WAIT_MS));
        continue;
      }
      const batch = this.#local.splice(0, batchSize);
      await this.#settle(
        batch.map((entry) => ({ message: messageOf(entry), attempt: entry.claims - 1, lastAttempt: entry.claims - 1 >= this.#o.retryLimit, inbox: entry })),
        handler,
      );
      this.#onLocalSettled?.(batch.length);
    }
  }

  async #expire(entries: ClaimedDelivery[]): Promise<void> {
    try {
      await this.#onExpired?.(entries.map(messageOf));
    } catch (error) {
      // They stay claimed and come back after the lease.
      this.#o.logger.warn({ err: { message: (error as Error).message } }, 'could not record expired messages; they will be redelivered');
    }
  }

  async #settle(deliveries: QueueDelivery[], handler: BatchHandler): Promise<void> {
    const { logger } = this.#o;
    let outcomes: DeliveryOutcome[];
    try {
      outcomes = await handler(deliveries);
    } catch (error) {
      // Unexpected: every message of the batch is retried (effects are idempotent).
      logger.error({ err: { message: (error as Error).message } }, 'batch handler failed');
      outcomes = deliveries.map(() => ({ status: 'retry' as const, error: (error as Error).message }));
    }
    // 'done' and 'dead-lettered' entries were moved on by the handler (processed / failed).
    const retries: Array<{ id: string; delayMs: number; error: string }> = [];
    outcomes.forEach((outcome, index) => {
      const delivery = deliveries[index];
      if (outcome.status !== 'retry' || delivery === undefined) return;
      retries.push({ id: delivery.message.inboxId, delayMs: this.#retryDelayMs(delivery.attempt), error: outcome.error });
    });
    try {
      await releaseDeliveries(this.#o.db, retries);
    } catch (error) {
      // PostgreSQL is down: they stay claimed and come back after the lease.
      logger.warn({ err: { message: (error as Error).message } }, 'could not schedule retries; the messages will be redelivered');
    }
  }

  /** retryDelay × 2^attempt, ±25 % jitter, at most an hour. */
  #retryDelayMs(attempt: number): number {
    const base = this.#o.retryDelaySeconds * 1000 * 2 ** Math.min(attempt, 20);
    return Math.min(MAX_RETRY_DELAY_MS, base * (0.75 + Math.random() * 0.5));
  }
}

function messageOf(entry: ClaimedDelivery): QueueMessage {
  return { inboxId: entry.id, merchantId: Number(entry.merchantId), event: entry.event, receivedAt: entry.receivedAt.toISOString() };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
