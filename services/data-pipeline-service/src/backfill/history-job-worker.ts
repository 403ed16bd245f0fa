import { AppError, BACKFILL_JOB_TYPE, isAppError, RECONCILE_JOB_TYPE } from '@salla-analytics/core-library';
import { claimNextJob, completeJob, type Database, failJob, type Job } from '@salla-analytics/database-schema';
import { isReinstallRequired, type SallaAdminClient } from '@salla-analytics/integration-gateways';
import type { BatchWriter, createAnalyticsClient } from '@salla-analytics/olap-repository';
import type { Logger } from 'pino';
import { keepJobLease } from '../scheduler/lease-heartbeat.js';
import { JobStopped, runBackfill } from './run-backfill.js';
import { runReconcile } from './run-reconcile.js';

export interface HistoryJobWorkerOptions {
  db: Database;
  writer: BatchWriter;
  analytics: ReturnType<typeof createAnalyticsClient>;
  /** Null when Salla is not configured: jobs then fail with a configuration error. */
  admin: SallaAdminClient | null;
  logger: Logger;
  concurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  maxAttempts: number;
  pagesInFlight: number;
  /** Admin API page size (≤ 60). */
  perPage?: number;
  onJobFinished?: (job: Job, outcome: 'succeeded' | 'failed' | 'retry') => void;
}

/**
 * Runs history backfill and reconciliation jobs from the jobs table. A claimed job holds a lease
 * that this worker renews while it runs; if the process dies, the lease runs out and the next
 * worker (this one restarted, or another) claims it and resumes from its checkpoint. Failures are
 * retried with backoff up to `maxAttempts` runs; a revoked token or missing configuration fails
 * the job at once. `stop()` ends running jobs at a page boundary and hands them back to the queue.
 */
export class HistoryJobWorker {
  readonly #o: HistoryJobWorkerOptions;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;
  #polling = false;

  constructor(options: HistoryJobWorkerOptions) {
    this.#o = options;
  }

  start(): void {
    if (this.#o.concurrency <= 0) return;
    this.#schedule(0);
  }

  /** Resolves once the running jobs have stopped (checkpoints saved) and were handed back. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const { controller } of this.#running.values()) controller.abort();
    await Promise.allSettled([...this.#running.values()].map((entry) => entry.done));
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#poll(), delay);
  }

  async #poll(): Promise<void> {
    if (this.#polling || this.#stopped) return;
    this.#polling = true;
    try {
      while (!this.#stopped && this.#running.size < this.#o.concurrency) {
        const job = await claimNextJob(this.#o.db, { types: [BACKFILL_JOB_TYPE, RECONCILE_JOB_TYPE], leaseMs: this.#o.leaseMs });
        if (!job) break;
        this.#launch(job);
      }
    } catch (error) {
      this.#o.logger.warn({ err: { message: errorMessage(error) } }, 'history job poll failed; will try again');
    } finally {
      this.#polling = false;
      this.#schedule(this.#o.pollIntervalMs);
    }
  }

  #launch(job: Job): void {
    const controller = new AbortController();
    const stopHeartbeat = keepJobLease(this.#o.db, job.id, { leaseMs: this.#o.leaseMs, controller });
    const done = this.#run(job, controller.signal).finally(() => {
      stopHeartbeat();
      this.#running.delete(job.id);
      if (!this.#stopped) this.#schedule(0);
    });
    this.#running.set(job.id, { controller, done });
  }

  async #run(job: Job, signal: AbortSignal): Promise<void> {
    const { db, logger } = this.#o;
    const log = { jobId: job.id, merchantId: Number(job.merchantId), type: job.type, attempt: job.attempts };
    logger.info(log, job.attempts > 1 ? 'history job resumed from its checkpoint' : 'history job started');
    try {
      if (job.merchantId === null) throw new AppError('INVALID_ARGUMENT', 'a history job needs a merchant');
      if (this.#o.admin === null) {
        throw new AppError('INVALID_ENV', 'Salla is not configured (SALLA_CLIENT_ID, SALLA_CLIENT_SECRET, TOKEN_ENCRYPTION_KEYS)', { retryable: false });
      }
      const deps = { db, writer: this.#o.writer, admin: this.#o.admin, logger, leaseMs: this.#o.leaseMs, signal };
      if (job.type === BACKFILL_JOB_TYPE) {
        await runBackfill({ ...deps, pagesInFlight: this.#o.pagesInFlight, ...(this.#o.perPage ? { perPage: this.#o.perPage } : {}) }, job);
      }
      else await runReconcile({ ...deps, analytics: this.#o.analytics }, job);
      await completeJob(db, job.id);
      this.#o.onJobFinished?.(job, 'succeeded');
    } catch (error) {
      if (error instanceof JobStopped) {
        if (error.reason === 'stopping') {
          // Back to the queue at once, checkpoint kept: the next worker resumes it.
          await failJob(db, job.id, { error: 'worker stopped', retryAt: new Date() }).catch(() => undefined);
        }
        logger.info({ ...log, reason: error.reason }, 'history job stopped');
        return;
      }
      const permanent = isReinstallRequired(error) || (isAppError(error) && !error.retryable) || job.attempts >= this.#o.maxAttempts;
      const message = errorMessage(error);
      if (permanent) {
        await failJob(db, job.id, { error: message }).catch(() => undefined);
        logger.error({ ...log, err: { message } }, 'history job failed');
        this.#o.onJobFinished?.(job, 'failed');
      } else {
        const delay = Math.min(300_000, 2_000 * 2 ** (job.attempts - 1));
        await failJob(db, job.id, { error: message, retryAt: new Date(Date.now() + delay) }).catch(() => undefined);
        logger.warn({ ...log, err: { message }, retryInMs: delay }, 'history job failed; will resume from its checkpoint');
        this.#o.onJobFinished?.(job, 'retry');
      }
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
