import { AppError, isAppError } from '@salla-analytics/core-library';
import {
  claimNextJob,
  completeJob,
  type Database,
  enqueueDueScheduleTicks,
  type EnqueuedTick,
  failJob,
  type Job,
  registerSchedule,
  ScheduleNameSchema,
  scheduleJobType,
} from '@salla-analytics/database-schema';
import type { QStashSchedules, QStashVerifier } from '@salla-analytics/integration-gateways';
import type { Logger } from 'pino';
import { z } from 'zod';
import { keepJobLease } from './lease-heartbeat.js';

/** What a handler gets: the tick it runs for (UTC) and the scheduler's clock now. */
export interface ScheduledRun {
  scheduledFor: Date;
  now: Date;
  /** Aborted when the worker stops or loses the job's lease: stop at a safe point. */
  signal: AbortSignal;
}

export interface ScheduleDefinition {
  /** Unique, lower-case (`alerts.evaluate`, `digests.send`, `campaigns.cart-recovery`). */
  name: string;
  /** 5-field cron in UTC, e.g. every 15 minutes `*\/15 * * * *`. */
  cron: string;
  /**
   * Must be idempotent: a tick can run more than once (a worker killed mid-run, a retry). Side
   * effects go through idempotent writes and `sendEmailOnce`.
   */
  handler: (run: ScheduledRun) => Promise<void>;
  /** Missed ticks run after downtime, newest first kept (default 1: only the latest). */
  maxCatchUp?: number;
  /** Runs of one tick before it is failed for good (default 5; retried with backoff). */
  maxAttempts?: number;
}

export type SchedulerDriver = 'postgres' | 'qstash';

export interface SchedulerOptions {
  db: Database;
  logger: Logger;
  /** `postgres`: a timer in this process finds due ticks; `qstash`: QStash schedules push them. */
  driver: SchedulerDriver;
  /** Injectable clock (tests); default the wall clock. */
  clock?: () => Date;
  /** How often the worker looks for due ticks and jobs (default 1 s). */
  pollIntervalMs?: number;
  /** A running tick whose worker stops renewing its lease this long is run again (default 60 s). */
  leaseMs?: number;
  /** Ticks this process runs at once (default 2; 0 = trigger only, run nothing). */
  concurrency?: number;
  /** Required for the qstash driver. */
  qstash?: { schedules: QStashSchedules; verifier: QStashVerifier; triggerUrl: string; retries?: number };
}

export const QSTASH_SCHEDULE_PREFIX = 'salla-analytics.';

const triggerBodySchema = z.object({ schedule: ScheduleNameSchema }).strict();

export type TriggerResult = { status: 200 | 400 | 401 | 404; body: unknown };

/**
 * One job scheduler for the embedded stack and the cloud. Schedules live in Postgres
 * (`schedules`); a due tick becomes a job with the dedupe key (name + tick), so however often a
 * tick is triggered it is enqueued once; workers claim tick jobs with leases (`claimNextJob`,
 * `FOR UPDATE SKIP LOCKED`) and run the handler with `{ scheduledFor, now }`. Only the trigger
 * differs by driver: a timer here (`postgres`), or a QStash schedule per name POSTing a signed
 * `{ schedule }` to the pipeline (`qstash`), which runs the same enqueue.
 */
export class JobScheduler {
  readonly #o: Required<Omit<SchedulerOptions, 'qstash'>> & Pick<SchedulerOptions, 'qstash'>;
  readonly #definitions = new Map<string, ScheduleDefinition>();
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | null = null;
  #started = false;
  #stopped = false;
  #polling = false;

  constructor(options: SchedulerOptions) {
    if (options.driver === 'qstash' && !options.qstash) throw new AppError('INVALID_ENV', 'the qstash scheduler needs QStash settings');
    this.#o = { clock: () => new Date(), pollIntervalMs: 1_000, leaseMs: 60_000, concurrency: 2, ...options };
  }

  get driver(): SchedulerDriver {
    return this.#o.driver;
  }

  /** Registers a schedule (before `start`). Names are unique. */
  register(definition: ScheduleDefinition): this {
    ScheduleNameSchema.parse(definition.name);
    if (this.#started) throw new AppError('CONFLICT', `register schedule "${definition.name}" before the scheduler starts`);
    if (this.#definitions.has(definition.name)) throw new AppError('CONFLICT', `schedule "${definition.name}" is registered twice`);
    this.#definitions.set(definition.name, definition);
    return this;
  }

  names(): string[] {
    return [...this.#definitions.keys()];
  }

  /**
   * Stores the schedules (and, with QStash, creates or updates one QStash schedule per name and
   * deletes ours that are no longer registered), then starts polling for tick jobs.
   */
  async start(): Promise<void> {
    await this.sync();
    if (this.#definitions.size > 0) this.#schedule(0);
  }

  /** The first half of `start` without the polling timer (tests then drive `runOnce`). */
  async sync(): Promise<void> {
    this.#started = true;
    const now = this.#o.clock();
    for (const definition of this.#definitions.values()) await registerSchedule(this.#o.db, { name: definition.name, cron: definition.cron, now });
    if (this.#o.driver === 'qstash') await this.#syncQStash();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const { controller } of this.#running.values()) controller.abort();
    await Promise.allSettled([...this.#running.values()].map((entry) => entry.done));
  }

  /** Enqueues the due ticks of all (or some) schedules. The embedded trigger; safe to repeat. */
  async enqueueDue(names?: readonly string[]): Promise<EnqueuedTick[]> {
    const ticks = await enqueueDueScheduleTicks(this.#o.db, {
      now: this.#o.clock(),
      names: names ?? this.names(),
      maxCatchUp: (name) => this.#definitions.get(name)?.maxCatchUp ?? 1,
    });
    for (const tick of ticks) {
      if (!tick.duplicate) this.#o.logger.debug({ schedule: tick.name, scheduledFor: tick.scheduledFor.toISOString() }, 'schedule tick enqueued');
    }
    return ticks;
  }

  /** POST /scheduler/qstash: a QStash schedule's push. Verified, then the same enqueue. */
  async handleQStashTrigger(input: { signature: string | undefined; body: string }): Promise<TriggerResult> {
    const qstash = this.#o.qstash;
    if (!qstash || !(await qstash.verifier.verify({ signature: input.signature, body: input.body, url: qstash.triggerUrl }))) {
      return { status: 401, body: { error: { code: 'INVALID_SIGNATURE', message: 'Missing or invalid Upstash-Signature' } } };
    }
    let parsed: z.infer<typeof triggerBodySchema>;
    try {
      parsed = triggerBodySchema.parse(JSON.parse(input.body));
    } catch {
      return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'The body must be {"schedule": "<name>"}' } } };
    }
    if (!this.#definitions.has(parsed.schedule)) {
      // 404 would make QStash retry; a schedule we no longer run is answered and logged.
      this.#o.logger.warn({ schedule: parsed.schedule }, 'QStash triggered a schedule this pipeline does not register');
      return { status: 200, body: { enqueued: 0, unknownSchedule: parsed.schedule } };
    }
    const ticks = await this.enqueueDue([parsed.schedule]);
    this.#schedule(0);
    return { status: 200, body: { enqueued: ticks.filter((tick) => !tick.duplicate).length } };
  }

  /**
   * One pass of the worker: (embedded) enqueue due ticks, then claim and run tick jobs until none
   * is due or `concurrency` are running. Resolves when the runs it started have finished — tests
   * call it with a fake clock instead of waiting for timers.
   */
  async runOnce(): Promise<void> {
    if (this.#o.driver === 'postgres') await this.enqueueDue();
    const started: Promise<void>[] = [];
    while (!this.#stopped && this.#running.size < this.#o.concurrency) {
      const job = await claimNextJob(this.#o.db, { types: this.names().map(scheduleJobType), leaseMs: this.#o.leaseMs, now: this.#o.clock() });
      if (!job) break;
      started.push(this.#launch(job));
    }
    await Promise.all(started);
  }

  #schedule(delay: number): void {
    if (this.#stopped || this.#o.concurrency <= 0) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#poll(), delay);
  }

  async #poll(): Promise<void> {
    if (this.#polling || this.#stopped) return;
    this.#polling = true;
    try {
      if (this.#o.driver === 'postgres') await this.enqueueDue();
      while (!this.#stopped && this.#running.size < this.#o.concurrency) {
        const job = await claimNextJob(this.#o.db, { types: this.names().map(scheduleJobType), leaseMs: this.#o.leaseMs, now: this.#o.clock() });
        if (!job) break;
        void this.#launch(job);
      }
    } catch (error) {
      this.#o.logger.warn({ err: { message: errorMessage(error) } }, 'scheduler poll failed; will try again');
    } finally {
      this.#polling = false;
      this.#schedule(this.#o.pollIntervalMs);
    }
  }

  #launch(job: Job): Promise<void> {
    const controller = new AbortController();
    const stopHeartbeat = keepJobLease(this.#o.db, job.id, { leaseMs: this.#o.leaseMs, controller, clock: this.#o.clock });
    const done = this.#run(job, controller.signal).finally(() => {
      stopHeartbeat();
      this.#running.delete(job.id);
    });
    this.#running.set(job.id, { controller, done });
    return done;
  }

  async #run(job: Job, signal: AbortSignal): Promise<void> {
    const name = job.type.slice('schedule:'.length);
    const definition = this.#definitions.get(name);
    const scheduledFor = new Date(String((job.checkpoint as { scheduledFor?: string } | null)?.scheduledFor ?? job.runAt.toISOString()));
    const log = { jobId: job.id, schedule: name, scheduledFor: scheduledFor.toISOString(), attempt: job.attempts };
    const { db, logger } = this.#o;
    try {
      if (!definition) throw new AppError('INVALID_ARGUMENT', `no handler registered for schedule "${name}"`, { retryable: false });
      await definition.handler({ scheduledFor, now: this.#o.clock(), signal });
      await completeJob(db, job.id, this.#o.clock());
      logger.info(log, 'scheduled job done');
    } catch (error) {
      const message = errorMessage(error);
      const maxAttempts = definition?.maxAttempts ?? 5;
      if ((isAppError(error) && !error.retryable) || job.attempts >= maxAttempts) {
        await failJob(db, job.id, { error: message, now: this.#o.clock() }).catch(() => undefined);
        logger.error({ ...log, err: { message } }, 'scheduled job failed');
      } else {
        const delay = Math.min(600_000, 5_000 * 2 ** (job.attempts - 1));
        await failJob(db, job.id, { error: message, retryAt: new Date(this.#o.clock().getTime() + delay) }).catch(() => undefined);
        logger.warn({ ...log, err: { message }, retryInMs: delay }, 'scheduled job failed; will retry');
      }
    }
  }

  async #syncQStash(): Promise<void> {
    const qstash = this.#o.qstash;
    if (!qstash) return;
    const ours = new Set<string>();
    for (const definition of this.#definitions.values()) {
      const scheduleId = `${QSTASH_SCHEDULE_PREFIX}${definition.name}`;
      ours.add(scheduleId);
      await qstash.schedules.upsert({
        scheduleId,
        destination: qstash.triggerUrl,
        cron: definition.cron,
        body: { schedule: definition.name },
        ...(qstash.retries === undefined ? {} : { retries: qstash.retries }),
      });
    }
    for (const existing of await qstash.schedules.list()) {
      if (existing.scheduleId.startsWith(QSTASH_SCHEDULE_PREFIX) && !ours.has(existing.scheduleId)) await qstash.schedules.delete(existing.scheduleId);
    }
    this.#o.logger.info({ schedules: [...ours] }, 'QStash schedules in place');
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
