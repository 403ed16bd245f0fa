// @salla-analytics/data-pipeline-service — Salla webhooks to ClickHouse: verified, idempotent, batched.

export {
  CACHE_INVALIDATION_CHANNEL,
  type CacheInvalidation,
  type CacheInvalidationPublisher,
  PostgresNotifyPublisher,
} from './cache/cache-invalidation.js';
export { type ReplayResult, replayAllDeadLetters, replayDeadLetter } from './dead-letters/replay-dead-letters.js';
export { type PipelineEnv, pipelineEnvSchema, readPipelineAdminEnv, readPipelineEnv } from './env.js';
export { createLogger, type Logger } from './observability/logger.js';
export { PipelineMetrics } from './observability/metrics.js';
export { createPipeline, openQueueForPublishing, type Pipeline, type PipelineOptions } from './pipeline.js';
export { eventRank, eventTime, eventVersion, RANK } from './processing/event-version.js';
export type { BatchHandler, DeliveryOutcome, Queue, QueueDelivery, QueueMessage } from './queue/queue.js';
export { type AcceptResult, acceptDelivery } from './webhooks/accept-delivery.js';
export { signSallaBody, verifySallaSignature, verifySallaToken } from './webhooks/verify-signature.js';
export { enqueueHistoryJob, type HistoryJobKind } from './backfill/enqueue-backfill.js';
export { HistoryJobWorker, type HistoryJobWorkerOptions } from './backfill/history-job-worker.js';
export { type BackfillDeps, JobStopped, runBackfill } from './backfill/run-backfill.js';
export { type ReconcileDeps, runReconcile } from './backfill/run-reconcile.js';
export { type SnapshotWriteDeps, writeSnapshotPage } from './backfill/write-snapshots.js';
export { snapshotTime, snapshotVersion } from './processing/event-version.js';
export { createInstallationTokenStore } from './salla/installation-token-store.js';
// Job scheduler, email ledger and the scheduled features (alerts, digests, …)
export {
  JobScheduler,
  QSTASH_SCHEDULE_PREFIX,
  type ScheduleDefinition,
  type ScheduledRun,
  type SchedulerDriver,
  type SchedulerOptions,
} from './scheduler/scheduler.js';
export { type LedgerEmail, type SendEmailOnceInput, type SendEmailOnceResult, sendEmailOnce } from './email/send-email-once.js';
export { createOutboxStore } from './email/outbox-store.js';
export { type AutomationDeps, createAutomationDeps } from './automation/automation-deps.js';
export { registerSchedules } from './automation/register-schedules.js';
