import type { WebhookInbox } from '@salla-analytics/database-schema';
import { z } from 'zod';

/**
 * What travels through the queue: a reference to an inbox entry, never the body (the body stays
 * in Postgres; QStash in the cloud then carries no customer data).
 */
export const queueMessageSchema = z.object({
  inboxId: z.string().uuid(),
  merchantId: z.number().int().positive(),
  event: z.string().min(1),
  /** When the delivery was accepted, ISO 8601: for the end-to-end lag metric. */
  receivedAt: z.string(),
  /** Set when a dead letter is replayed (the n-th replay): a new deduplication id for QStash. */
  replay: z.number().int().positive().optional(),
  /** W3C `traceparent` of the delivering request (tracing on): the consumer's span continues its trace. */
  traceContext: z.string().max(512).optional(),
});

export type QueueMessage = z.infer<typeof queueMessageSchema>;

export interface QueueDelivery {
  message: QueueMessage;
  /** 0 on the first attempt. */
  attempt: number;
  /** No retry follows a failure of this attempt: the handler must dead-letter instead. */
  lastAttempt: boolean;
  /** The inbox entry with its body, when the queue read it already (the inbox queue claims entries). */
  inbox?: WebhookInbox;
}

/** What the handler decided for each delivery, in the same order. */
export type DeliveryOutcome =
  /** Its effects are committed and its inbox entry is `processed` (or it was already). */
  | { status: 'done' }
  /** Try again later (backoff); only returned when it is not the last attempt. */
  | { status: 'retry'; error: string }
  /** Kept as a dead letter by the handler (inbox entry `failed`): the queue must not deliver it again. */
  | { status: 'dead-lettered' };

export type BatchHandler = (deliveries: QueueDelivery[]) => Promise<DeliveryOutcome[]>;

/**
 * The pipeline's queue: at-least-once, with retries and exponential backoff. Two adapters:
 * the inbox on the same PostgreSQL (default, InboxQueue) and Upstash QStash (push, signed).
 */
export interface Queue {
  readonly driver: 'postgres' | 'qstash';
  /**
   * True when the inbox entry is the message (InboxQueue): the intake writes new entries
   * `queued` and publishes nothing for them; `publish` is then only for replays and recovery.
   */
  readonly enqueuesOnInboxWrite?: boolean;
  /** Creates what the queue needs (schema, queue); idempotent. */
  start(): Promise<void>;
  /** Enqueues; `deduplicationId` (the inbox id) makes a second publish of the same message harmless where the driver supports it. */
  publish(messages: QueueMessage[]): Promise<void>;
  /** Starts delivering to `handler` (pull loops for postgres; QStash pushes to the HTTP route instead). */
  consume(handler: BatchHandler): Promise<void>;
  /** Throws when the queue cannot be used (readiness). */
  check(): Promise<void>;
  /** Messages waiting or in progress (postgres only; null when unknown). */
  backlog(): Promise<number | null>;
  /** Stops taking new work and waits for the batches in progress. */
  stop(): Promise<void>;
}
