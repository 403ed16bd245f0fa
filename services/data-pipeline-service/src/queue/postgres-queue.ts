import type { Logger } from 'pino';
import PgBoss from 'pg-boss';
import type { BatchHandler, DeliveryOutcome, Queue, QueueDelivery, QueueMessage } from './queue.js';
import { queueMessageSchema } from './queue.js';

export interface PostgresQueueOptions {
  connectionString: string;
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  jobTimeoutSeconds: number;
  maintenanceSeconds: number;
  pollIntervalMs: number;
  batchSize: number;
  concurrency: number;
  poolSize?: number;
  logger: Logger;
}

/** Where pg-boss moves a message whose last attempt timed out (its worker died): recorded as a dead letter. */
export const expiredQueueName = (name: string) => `${name}.expired`;

/**
 * pg-boss 10 on the pipeline's PostgreSQL. Own fetch loops (not `work()`) so one batch can
 * complete some messages and fail others. A message held by a consumer that dies (SIGKILL) is
 * handed out again after `jobTimeoutSeconds`; retries back off exponentially (pg-boss
 * `retryBackoff`); the handler sees `lastAttempt` and dead-letters instead of failing then.
 */
export class PostgresQueue implements Queue {
  readonly driver = 'postgres' as const;
  readonly #options: PostgresQueueOptions;
  readonly #boss: PgBoss;
  readonly #loops: Promise<void>[] = [];
  #running = false;
  #started = false;

  constructor(options: PostgresQueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      maintenanceIntervalSeconds: options.maintenanceSeconds,
      application_name: 'salla-pipeline-queue',
    });
    // pg-boss reports connection trouble as events; an unhandled 'error' event would crash the process.
    this.#boss.on('error', (error: Error) => options.logger.warn({ err: { message: error.message } }, 'queue error'));
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    const { name } = this.#options;
    const expired = expiredQueueName(name);
    if (!(await this.#boss.getQueue(expired))) await this.#boss.createQueue(expired, { name: expired, retryLimit: 5, retryDelay: 5, retryBackoff: true });
    const settings = {
      name,
      retryLimit: this.#options.retryLimit,
      retryDelay: this.#options.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.#options.jobTimeoutSeconds,
      deadLetter: expired,
    };
    if (await this.#boss.getQueue(name)) await this.#boss.updateQueue(name, settings);
    else await this.#boss.createQueue(name, settings);
    this.#started = true;
  }

  async publish(messages: QueueMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.#boss.insert(messages.map((message) => ({ name: this.#options.name, data: message })) as never);
  }

  async consume(handler: BatchHandler): Promise<void> {
    this.#running = true;
    for (let index = 0; index < this.#options.concurrency; index++) this.#loops.push(this.#loop(this.#options.name, handler));
  }

  /** Messages whose final attempt expired (the consumer died holding them) go to `onExpired`. */
  async consumeExpired(onExpired: (messages: QueueMessage[]) => Promise<void>): Promise<void> {
    this.#running = true;
    this.#loops.push(
      this.#loop(expiredQueueName(this.#options.name), async (deliveries) => {
        await onExpired(deliveries.map((delivery) => delivery.message));
        return deliveries.map(() => ({ status: 'done' as const }));
      }),
    );
  }

  async check(): Promise<void> {
    await this.#boss.getQueueSize(this.#options.name);
  }

  async backlog(): Promise<number | null> {
    // Everything not settled yet: created, retry and active.
    return this.#boss.getQueueSize(this.#options.name, { before: 'completed' });
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.allSettled(this.#loops);
    if (this.#started) await this.#boss.stop({ graceful: false, wait: true, close: true });
    this.#started = false;
  }

  async #loop(name: string, handler: BatchHandler): Promise<void> {
    const { logger, batchSize, pollIntervalMs } = this.#options;
    let idleDelay = pollIntervalMs;
    while (this.#running) {
      let jobs: Array<{ id: string; data: unknown; retryCount: number; retryLimit: number }>;
      try {
        jobs = (await this.#boss.fetch(name, { batchSize, includeMetadata: true })) as typeof jobs;
        idleDelay = pollIntervalMs;
      } catch (error) {
        logger.warn({ err: { message: (error as Error).message }, queue: name }, 'queue fetch failed; backing off');
        idleDelay = Math.min(idleDelay * 2, 10_000);
        await sleep(idleDelay);
        continue;
      }
      if (jobs.length === 0) {
        await sleep(pollIntervalMs);
        continue;
      }
      const deliveries: QueueDelivery[] = [];
      const malformed: string[] = [];
      const ids: string[] = [];
      for (const job of jobs) {
        const parsed = queueMessageSchema.safeParse(job.data);
        if (!parsed.success) {
          malformed.push(job.id);
          continue;
        }
        ids.push(job.id);
        deliveries.push({ message: parsed.data, attempt: job.retryCount, lastAttempt: job.retryCount >= job.retryLimit });
      }
      if (malformed.length > 0) {
        logger.error({ queue: name, jobs: malformed.length }, 'queue messages with an unknown shape were dropped');
        await this.#boss.complete(name, malformed).catch(() => undefined);
      }
      await this.#settle(name, ids, deliveries, handler);
    }
  }

  async #settle(name: string, ids: string[], deliveries: QueueDelivery[], handler: BatchHandler): Promise<void> {
    const { logger } = this.#options;
    let outcomes: DeliveryOutcome[];
    try {
      outcomes = await handler(deliveries);
    } catch (error) {
      // Unexpected: every message of the batch is retried (effects are idempotent).
      logger.error({ err: { message: (error as Error).message }, queue: name }, 'batch handler failed');
      outcomes = deliveries.map(() => ({ status: 'retry' as const, error: (error as Error).message }));
    }
    const done: string[] = [];
    const failed = new Map<string, string[]>();
    outcomes.forEach((outcome, index) => {
      const id = ids[index];
      if (id === undefined) return;
      if (outcome.status === 'retry') failed.set(outcome.error, [...(failed.get(outcome.error) ?? []), id]);
      else done.push(id);
    });
    // If PostgreSQL is down here the jobs stay active and come back after the job timeout.
    try {
      if (done.length > 0) await this.#boss.complete(name, done);
      for (const [message, failedIds] of failed) {
        // pg-boss 10 fails many ids with one output (its typings only list that for one id).
        await (this.#boss.fail as (queue: string, ids: string[], data: object) => Promise<unknown>)(name, failedIds, { message });
      }
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message }, queue: name }, 'could not settle queue messages; they will be redelivered');
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
