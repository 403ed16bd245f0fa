import { createDatabase, type Database, getInboxBacklog } from '@salla-analytics/database-schema';
import {
  createEmailSender,
  createQStashSchedules,
  createQStashVerifier,
  createSallaGateway,
  createTokenCipher,
  type EmailSender,
  parseTokenEncryptionKeys,
  type SallaGateway,
} from '@salla-analytics/integration-gateways';
import { BatchWriter, ClickHouseAnalyticsRepository, createAnalyticsClient } from '@salla-analytics/olap-repository';
import { createAutomationDeps } from './automation/automation-deps.js';
import { registerSchedules } from './automation/register-schedules.js';
import { createOutboxStore } from './email/outbox-store.js';
import { JobScheduler } from './scheduler/scheduler.js';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { type CacheInvalidationPublisher, PostgresNotifyPublisher } from './cache/cache-invalidation.js';
import { enqueueHistoryJob } from './backfill/enqueue-backfill.js';
import { HistoryJobWorker } from './backfill/history-job-worker.js';
import { FileJobWorker } from './automation/files/file-job-worker.js';
import type { PipelineEnv } from './env.js';
import { createInstallationTokenStore } from './salla/installation-token-store.js';
import { buildApp } from './http/build-app.js';
import { createLogger, type Logger } from './observability/logger.js';
import { PipelineMetrics } from './observability/metrics.js';
import { DeliveryProcessor } from './processing/delivery-processor.js';
import { InboxQueue } from './queue/inbox-queue.js';
import { QStashQueue } from './queue/qstash-queue.js';
import type { Queue } from './queue/queue.js';
import { IntakeBatcher } from './webhooks/intake-batcher.js';
import { LocalHandoff } from './queue/local-handoff.js';
import { recoverUnqueuedDeliveries } from './webhooks/recover-unqueued.js';

export interface Pipeline {
  app: FastifyInstance;
  db: Database;
  queue: Queue;
  metrics: PipelineMetrics;
  logger: Logger;
  processor: DeliveryProcessor;
  /** Groups accepted deliveries into inbox writes; hands them to this process's consumer when one is linked (useHandoff). */
  intake: IntakeBatcher;
  /** Salla's OAuth + Admin API clients, when SALLA_CLIENT_ID/SECRET and TOKEN_ENCRYPTION_KEYS are set. */
  salla: SallaGateway | null;
  /** Runs history backfill and reconciliation jobs (role all/worker). */
  historyWorker: HistoryJobWorker;
  /** Runs background exports and order-history file imports, deletes expired files (role all/worker). */
  fileWorker: FileJobWorker;
  /** The job scheduler (alerts, digests, campaigns, exports): see src/scheduler and src/automation. */
  scheduler: JobScheduler;
  /** Postmark or the outbox; scheduled features send through sendEmailOnce. */
  email: EmailSender;
  /** Creates the queue, starts the consumers (role all/worker) and the HTTP server (role all/intake). Returns the URL. */
  start(): Promise<string | null>;
  /** Stops intake, lets the batches in progress finish, flushes and closes every connection. */
  stop(): Promise<void>;
}

export interface PipelineOptions {
  /** Where logs go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Replaces the Postgres NOTIFY publisher (e.g. Redis pub/sub). */
  invalidation?: CacheInvalidationPublisher;
  /** The scheduler's clock (tests drive time with it). */
  clock?: () => Date;
  /** The metrics registry to fill (the process entry shares it across its threads); a new one by default. */
  metrics?: PipelineMetrics;
}

/** The composition root: everything the service runs, wired from one parsed env. */
export function createPipeline(env: PipelineEnv, options: PipelineOptions = {}): Pipeline {
  const logger = createLogger({ level: env.LOG_LEVEL, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const metrics = options.metrics ?? new PipelineMetrics();
  const db = createDatabase(env.DATABASE_URL, { maxConnections: env.DATABASE_POOL_SIZE });
  const analytics = createAnalyticsClient({
    url: env.CLICKHOUSE_URL,
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    database: env.CLICKHOUSE_DATABASE,
    requestTimeoutMs: 15_000,
  });
  const invalidation = options.invalidation ?? new PostgresNotifyPublisher(db);
  const writer = new BatchWriter({
    client: analytics,
    database: env.CLICKHOUSE_DATABASE,
    maxRows: env.BATCH_MAX_ROWS,
    maxDelayMs: env.BATCH_MAX_DELAY_MS,
    onFlush: async (batch) => {
      metrics.batchRows.observe({ table: batch.table }, batch.rows);
      metrics.olapQueryDuration.observe({ query: `insert_${batch.table}`, outcome: 'ok' }, batch.durationMs / 1000);
      const at = new Date().toISOString();
      await invalidation.publish(batch.merchantIds.map((merchantId) => ({ merchantId, table: batch.table, at })));
      metrics.invalidations.inc(batch.merchantIds.length);
    },
    onFlushError: (error) => logger.warn({ err: { message: (error as Error).message } }, 'cache invalidation failed'),
  });
  const cipher = env.TOKEN_ENCRYPTION_KEYS ? createTokenCipher(parseTokenEncryptionKeys(env.TOKEN_ENCRYPTION_KEYS)) : null;
  const salla =
    cipher && env.SALLA_CLIENT_ID && env.SALLA_CLIENT_SECRET ? createSallaGateway(env, { store: createInstallationTokenStore(db), cipher }) : null;
  const fileWorker = new FileJobWorker({
    db,
    writer,
    analytics,
    logger,
    concurrency: env.PIPELINE_ROLE === 'intake' ? 0 : env.FILE_JOB_CONCURRENCY,
    leaseMs: env.BACKFILL_JOB_LEASE_SECONDS * 1000,
    pollIntervalMs: env.BACKFILL_POLL_INTERVAL_MS,
    maxAttempts: env.BACKFILL_MAX_ATTEMPTS,
    exportTtlMs: env.EXPORT_FILE_TTL_SECONDS * 1000,
  });
  const historyWorker = new HistoryJobWorker({
    db,
    writer,
    analytics,
    admin: salla?.admin ?? null,
    logger,
    concurrency: env.BACKFILL_CONCURRENCY,
    leaseMs: env.BACKFILL_JOB_LEASE_SECONDS * 1000,
    pollIntervalMs: env.BACKFILL_POLL_INTERVAL_MS,
    maxAttempts: env.BACKFILL_MAX_ATTEMPTS,
    pagesInFlight: env.BACKFILL_PAGES_IN_FLIGHT,
    perPage: env.SALLA_API_PER_PAGE,
  });
  const clock = options.clock ?? (() => new Date());
  const email = createEmailSender(env, { outbox: createOutboxStore(db) });
  const scheduler = new JobScheduler({
    db,
    logger,
    driver: env.SCHEDULER_DRIVER,
    clock,
    pollIntervalMs: env.SCHEDULER_POLL_INTERVAL_MS,
    leaseMs: env.SCHEDULER_LEASE_SECONDS * 1000,
    concurrency: env.PIPELINE_ROLE === 'intake' ? 0 : env.SCHEDULER_CONCURRENCY,
    ...(env.SCHEDULER_DRIVER === 'qstash'
      ? {
          qstash: {
            schedules: createQStashSchedules({ token: env.QSTASH_TOKEN ?? '', ...(env.QSTASH_URL ? { baseUrl: env.QSTASH_URL } : {}) }),
            verifier: createQStashVerifier({ currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY ?? '', nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY ?? '' }),
            triggerUrl: env.QSTASH_SCHEDULER_URL ?? '',
            retries: 3,
          },
        }
      : {}),
  });
  registerSchedules(
    scheduler,
    createAutomationDeps({ db, analytics: new ClickHouseAnalyticsRepository(analytics), clickhouse: analytics, email, logger, clock, appUrl: env.APP_PUBLIC_URL }),
  );
  const onInstalled = async (merchantId: number, installedAt: Date) => {
    if (!env.BACKFILL_ON_INSTALL) return;
    if (salla === null) {
      logger.info({ merchantId }, 'history backfill not queued on install: Salla is not configured (SALLA_CLIENT_ID, SALLA_CLIENT_SECRET)');
      return;
    }
    const { job, started } = await enqueueHistoryJob(db, { merchantId, installedAt });
    if (started) logger.info({ merchantId, jobId: job.id }, 'history backfill queued on install');
  };

  const queue: InboxQueue | QStashQueue =
    env.QUEUE_DRIVER === 'qstash'
      ? new QStashQueue({
          token: env.QSTASH_TOKEN ?? '',
          ...(env.QSTASH_URL ? { baseUrl: env.QSTASH_URL } : {}),
          currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY ?? '',
          nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY ?? '',
          consumerUrl: env.QSTASH_CONSUMER_URL ?? '',
          retries: env.QUEUE_RETRY_LIMIT,
        })
      : createInboxQueue(env, db, logger);

  const processor = new DeliveryProcessor({
    db,
    writer,
    cipher,
    logger,
    metrics,
    // Keep a batch (and ClickHouse outages) well inside the time the queue lets a consumer hold it.
    writeRetryBudgetMs: Math.max(1_000, env.QUEUE_JOB_TIMEOUT_SECONDS * 1000 * 0.6),
    onInstalled,
  });

  // Queue depth and lag, read by the thread that serves /metrics.
  if (env.PIPELINE_ROLE !== 'worker' && env.QUEUE_DRIVER === 'postgres') metrics.watchBacklog(() => getInboxBacklog(db));
  const intake = new IntakeBatcher({ db, queue, metrics }, {
    maxBatch: env.INTAKE_BATCH_MAX,
    maxDelayMs: env.INTAKE_BATCH_DELAY_MS,
    maxInFlight: env.INTAKE_MAX_IN_FLIGHT,
  });
  const app = buildApp({
    db,
    queue,
    intake,
    logger,
    metrics,
    webhookSecret: env.SALLA_WEBHOOK_SECRET,
    ...(env.SALLA_WEBHOOK_TOKEN ? { webhookToken: env.SALLA_WEBHOOK_TOKEN } : {}),
    bodyLimit: env.PIPELINE_BODY_LIMIT_BYTES,
    logRequests: env.LOG_REQUESTS,
    checks: {
      postgres: () => db.$queryRawUnsafe('SELECT 1'),
      clickhouse: async () => {
        const ping = await analytics.ping();
        if (!ping.success) throw new Error('ClickHouse ping failed');
      },
      queue: () => queue.check(),
    },
    ...(queue instanceof QStashQueue ? { qstash: queue } : {}),
    ...(scheduler.driver === 'qstash' ? { scheduler } : {}),
  });

  const consumes = env.PIPELINE_ROLE !== 'intake';
  // Intake and consumer in this very thread: new entries go straight to the consumer (see LocalHandoff).
  if (env.PIPELINE_ROLE === 'all' && env.PIPELINE_HANDOFF && queue instanceof InboxQueue) {
    const handoff = new LocalHandoff({ leaseSeconds: env.QUEUE_JOB_TIMEOUT_SECONDS, limit: handoffLimit(env), send: (entries) => queue.deliverClaimed(entries) });
    queue.onLocalSettled((count) => handoff.settled(count));
    intake.useHandoff(handoff);
  }
  const serves = env.PIPELINE_ROLE !== 'worker' || env.QUEUE_DRIVER === 'qstash' || env.SCHEDULER_DRIVER === 'qstash';
  let stopped = false;
  let recovery: NodeJS.Timeout | null = null;
  const recover = async () => {
    try {
      const count = await recoverUnqueuedDeliveries({ db, queue }, { olderThanMs: env.INTAKE_RECOVERY_AFTER_SECONDS * 1000 });
      if (count > 0) logger.warn({ count }, 'enqueued accepted deliveries that had never been enqueued');
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'inbox recovery failed; will try again');
    }
    if (!stopped) recovery = setTimeout(recover, Math.min(env.INTAKE_RECOVERY_AFTER_SECONDS, 30) * 1000);
  };

  return {
    app,
    db,
    queue,
    metrics,
    logger,
    processor,
    intake,
    salla,
    historyWorker,
    fileWorker,
    scheduler,
    email,
    async start() {
      await queue.start();
      if (consumes) {
        await queue.consume(processor.handle);
        if (queue instanceof InboxQueue) await queue.consumeExpired(processor.handleExpired);
        void recover();
        historyWorker.start();
        fileWorker.start();
      }
      // Intake-only processes still answer QStash schedule pushes (they enqueue; workers run).
      await scheduler.start();
      if (!serves) {
        await app.ready();
        return null;
      }
      const url = await app.listen({ host: env.PIPELINE_HOST, port: env.PIPELINE_PORT });
      logger.info({ url, role: env.PIPELINE_ROLE, queue: queue.driver }, 'pipeline listening');
      return url;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (recovery !== null) clearTimeout(recovery);
      await app.close();
      await historyWorker.stop();
      await fileWorker.stop();
      await scheduler.stop();
      await email.close();
      await queue.stop();
      await writer.close();
      await Promise.allSettled([db.$disconnect(), analytics.close()]);
    },
  };
}

/**
 * Deliveries handed to a consumer and not yet settled, at most: two rounds of full batches
 * (20,000 entries, ~20 MB, by default). Beyond it the intake writes entries for the claim loops.
 */
export function handoffLimit(env: PipelineEnv): number {
  return env.QUEUE_BATCH_SIZE * Math.max(2, env.QUEUE_CONCURRENCY) * 2;
}

function createInboxQueue(env: PipelineEnv, db: Database, logger: Logger, options: { closeDatabaseOnStop?: boolean } = {}): InboxQueue {
  return new InboxQueue({
    db,
    retryLimit: env.QUEUE_RETRY_LIMIT,
    retryDelaySeconds: env.QUEUE_RETRY_DELAY_SECONDS,
    jobTimeoutSeconds: env.QUEUE_JOB_TIMEOUT_SECONDS,
    pollIntervalMs: env.QUEUE_POLL_INTERVAL_MS,
    batchSize: env.QUEUE_BATCH_SIZE,
    concurrency: env.QUEUE_CONCURRENCY,
    logger,
    ...options,
  });
}

/** A queue for operator tools (dead-letter replay): publishes only, consumes nothing. */
export async function openQueueForPublishing(env: PipelineEnv, logger: Logger): Promise<Queue> {
  const queue =
    env.QUEUE_DRIVER === 'qstash'
      ? new QStashQueue({
          token: env.QSTASH_TOKEN ?? '',
          ...(env.QSTASH_URL ? { baseUrl: env.QSTASH_URL } : {}),
          currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY ?? '',
          nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY ?? '',
          consumerUrl: env.QSTASH_CONSUMER_URL ?? '',
          retries: env.QUEUE_RETRY_LIMIT,
        })
      : createInboxQueue(env, createDatabase(env.DATABASE_URL, { maxConnections: 2 }), logger, { closeDatabaseOnStop: true });
  await queue.start();
  return queue;
}
