import {
  createQStashPublisher,
  createQStashVerifier,
  type QStashPublisher,
  type QStashVerifier,
  qstashRetriedCount,
} from '@salla-analytics/integration-gateways';
import type { BatchHandler, Queue, QueueMessage } from './queue.js';
import { queueMessageSchema } from './queue.js';

export interface QStashQueueOptions {
  token: string;
  baseUrl?: string;
  currentSigningKey: string;
  nextSigningKey: string;
  /** Public URL of this service's POST /queue/qstash. */
  consumerUrl: string;
  /** QStash retries (exponential backoff on its side); after the last one we dead-letter ourselves. */
  retries: number;
}

export type PushResult = { status: 200 | 400 | 401 | 500 | 503; body: unknown };

/**
 * Upstash QStash: publish with a deduplication id (the inbox id), QStash pushes each message to
 * POST /queue/qstash signed with `Upstash-Signature`, which `handlePush` verifies (SDK Receiver,
 * through integration-gateways) before handing it to the same batch handler as the Postgres queue.
 * A non-2xx answer makes QStash retry; on the last try a failure is kept as our dead letter and
 * answered 200, so nothing ends up only in QStash's own DLQ.
 */
export class QStashQueue implements Queue {
  readonly driver = 'qstash' as const;
  readonly #options: QStashQueueOptions;
  readonly #publisher: QStashPublisher;
  readonly #verifier: QStashVerifier;
  #handler: BatchHandler | null = null;

  constructor(options: QStashQueueOptions) {
    this.#options = options;
    this.#publisher = createQStashPublisher({ token: options.token, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
    this.#verifier = createQStashVerifier({ currentSigningKey: options.currentSigningKey, nextSigningKey: options.nextSigningKey });
  }

  async start(): Promise<void> {}

  async publish(messages: QueueMessage[]): Promise<void> {
    await Promise.all(
      messages.map((message) =>
        this.#publisher.publishJSON({
          url: this.#options.consumerUrl,
          body: message,
          deduplicationId: message.replay === undefined ? message.inboxId : `${message.inboxId}-replay-${message.replay}`,
          retries: this.#options.retries,
        }),
      ),
    );
  }

  async consume(handler: BatchHandler): Promise<void> {
    this.#handler = handler;
  }

  async check(): Promise<void> {}

  async backlog(): Promise<number | null> {
    return null;
  }

  async stop(): Promise<void> {
    this.#handler = null;
  }

  /** The body of POST /queue/qstash: verify, parse, process, answer. */
  async handlePush(input: { signature: string | undefined; retried: string | string[] | undefined; body: string }): Promise<PushResult> {
    if (!(await this.#verifier.verify({ signature: input.signature, body: input.body, url: this.#options.consumerUrl }))) {
      return { status: 401, body: { error: { code: 'INVALID_SIGNATURE', message: 'Missing or invalid Upstash-Signature' } } };
    }
    const handler = this.#handler;
    if (handler === null) return { status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Consumer not running' } } };
    let json: unknown;
    try {
      json = JSON.parse(input.body);
    } catch {
      json = undefined;
    }
    const parsed = queueMessageSchema.safeParse(json);
    if (!parsed.success) return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'Not a pipeline queue message' } } };
    const attempt = qstashRetriedCount(input.retried);
    const [outcome] = await handler([{ message: parsed.data, attempt, lastAttempt: attempt >= this.#options.retries }]);
    if (outcome?.status === 'retry') return { status: 500, body: { error: { code: 'INTERNAL', message: 'Processing failed; retry' } } };
    return { status: 200, body: { status: outcome?.status ?? 'done' } };
  }
}
