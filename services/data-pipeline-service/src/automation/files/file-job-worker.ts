import { AppError, EXPORT_JOB_TYPE, FILE_IMPORT_JOB_TYPE, isAppError } from '@salla-analytics/core-library';
import { claimNextJob, completeJob, type Database, failJob, heartbeatJob, type Job } from '@salla-analytics/database-schema';
import { type BatchWriter, ClickHouseAnalyticsRepository, type createAnalyticsClient, type IAnalyticsRepository } from '@salla-analytics/olap-repository';
import type { Logger } from 'pino';
import { runExportJob } from '../exports/run-export-job.js';
import { type ImportJobDeps, runImportJob } from '../imports/run-import-job.js';

export interface FileJobWorkerOptions {
  db: Database;
  writer: BatchWriter;
  /** ClickHouse, read through IAnalyticsRepository (the same queries as the PWA's views). */
  analytics: ReturnType<typeof createAnalyticsClient>;
  logger: Logger;
  /** Jobs at once (0: this process runs none). */
  concurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  maxAttempts: number;
  /** How long a finished export stays downloadable. */
  exportTtlMs: number;
  /** Tests: see ImportJobDeps. */
  importHooks?: Pick<ImportJobDeps, 'afterChunkCommitted' | 'chunkSize'>;
  onJobFinished?: (job: Job, outcome: 'succeeded' | 'failed' | 'retry') => void;
}

/**
 * Runs background exports and order-history file imports from the jobs table (claimNextJob with
 * leases: a killed worker's job is claimed again once its lease runs out and resumes — exports
 * from the start, imports from their checkpoint). Failures retry with backoff up to maxAttempts.
 * (Expired export files and uploads are deleted by the `files.cleanup` schedule.)
 */
export class FileJobWorker {
  readonly #o: FileJobWorkerOptions;
  readonly #repository: IAnalyticsRepository;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: FileJobWorkerOptions) {
    this.#o = options;
    this.#repository = new ClickHouseAnalyticsRepository(options.analytics);
  }

  start(): void {
    if (this.#o.concurrency > 0) this.#timer = setTimeout(() => void this.poll(), 0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const { controller } of this.#running.values()) controller.abort();
    await Promise.allSettled([...this.#running.values()].map((entry) => entry.done));
  }

  /** Claims and runs due jobs up to the concurrency; resolves when the claimed ones finished. */
  async poll(): Promise<void> {
    const launched: Promise<void>[] = [];
    try {
      while (!this.#stopped && this.#running.size < this.#o.concurrency) {
        const job = await claimNextJob(this.#o.db, { types: [EXPORT_JOB_TYPE, FILE_IMPORT_JOB_TYPE], leaseMs: this.#o.leaseMs });
        if (!job) break;
        launched.push(this.#launch(job));
      }
    } catch (error) {
      this.#o.logger.warn({ err: { message: (error as Error).message } }, 'file job poll failed; will try again');
    }
    if (!this.#stopped && this.#o.concurrency > 0) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.poll(), this.#o.pollIntervalMs);
    }
    await Promise.allSettled(launched);
  }

  #launch(job: Job): Promise<void> {
    const controller = new AbortController();
    const heartbeat = setInterval(() => {
      heartbeatJob(this.#o.db, job.id, { leaseMs: this.#o.leaseMs })
        .then((running) => running || controller.abort())
        .catch(() => undefined);
    }, Math.max(250, Math.floor(this.#o.leaseMs / 3)));
    const done = this.runJob(job, controller.signal).finally(() => {
      clearInterval(heartbeat);
      this.#running.delete(job.id);
    });
    this.#running.set(job.id, { controller, done });
    return done;
  }

  /** Runs one claimed job to its end (complete, retry later, or failed for good). */
  async runJob(job: Job, signal: AbortSignal): Promise<void> {
    const { db, logger } = this.#o;
    const log = { jobId: job.id, merchantId: Number(job.merchantId), type: job.type, attempt: job.attempts };
    try {
      if (job.type === EXPORT_JOB_TYPE) {
        const result = await runExportJob({ db, repository: this.#repository, fileTtlMs: this.#o.exportTtlMs, leaseMs: this.#o.leaseMs, signal }, job);
        logger.info({ ...log, rows: result.rows }, 'export written');
      } else if (job.type === FILE_IMPORT_JOB_TYPE) {
        const result = await runImportJob({ db, writer: this.#o.writer, leaseMs: this.#o.leaseMs, signal, ...this.#o.importHooks }, job);
        logger.info({ ...log, orders: result.done, rejectedOrders: result.rejectedOrders }, 'order-history file imported');
      } else throw new AppError('INVALID_ARGUMENT', `not a file job: ${job.type}`, { retryable: false });
      await completeJob(db, job.id);
      this.#o.onJobFinished?.(job, 'succeeded');
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = (isAppError(error) && !error.retryable) || job.attempts >= this.#o.maxAttempts;
      const retryAt = permanent ? undefined : new Date(Date.now() + Math.min(60_000, 1_000 * 2 ** (job.attempts - 1)));
      await failJob(db, job.id, { error: message, ...(retryAt ? { retryAt } : {}) }).catch(() => undefined);
      logger[permanent ? 'error' : 'warn']({ ...log, err: { message } }, permanent ? 'file job failed' : 'file job failed; will retry');
      this.#o.onJobFinished?.(job, permanent ? 'failed' : 'retry');
    }
  }
}
