import { booleanFromString, parseEnv, portSchema } from '@salla-analytics/core-library';
import { emailEnvShape, sallaEnvShape } from '@salla-analytics/integration-gateways';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The pipeline's whole configuration. Nothing else in this package reads `process.env`.
 * Secrets (webhook secret and token, QStash keys, token encryption keys) are never logged.
 */
const baseSchema = z.object({
    /** Salla app webhook secret: `X-Salla-Signature` is HMAC-SHA256(raw body) with it. The local stack generates one. */
    SALLA_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters'),
    /** Optional static token for Salla's "Token" security strategy (`Authorization: Bearer <token>`). */
    SALLA_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    PIPELINE_HOST: z.string().default('127.0.0.1'),
    PIPELINE_PORT: portSchema(4000),
    /** `all` = intake + consumer in one process; `intake` or `worker` to scale them apart. */
    PIPELINE_ROLE: z.enum(['all', 'intake', 'worker']).default('all'),
    /**
     * Role `all` as a process (bin/server): the consumers run in a worker thread of their own, so
     * acknowledgements never wait behind batch work and the two use two cores. `false`: one thread.
     */
    PIPELINE_CONSUMER_THREAD: booleanFromString.default(true),
    /**
     * Role `all` on the inbox queue: the intake writes new entries claimed for this process's
     * consumer and passes them over directly (LocalHandoff) instead of the consumer claiming them.
     */
    PIPELINE_HANDOFF: booleanFromString.default(true),
    PIPELINE_BODY_LIMIT_BYTES: positiveInt(1_048_576),
    /** Concurrent deliveries share inbox and queue writes: up to this many, waiting at most this long. */
    INTAKE_BATCH_MAX: positiveInt(100),
    INTAKE_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(100).default(1),
    /** Groups written at once; deliveries arriving meanwhile join the next group (fewer, larger inbox inserts under load). */
    INTAKE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(16).default(4),
    /** Accepted deliveries still not enqueued after this long (a crash in between) are enqueued again by the worker. */
    INTAKE_RECOVERY_AFTER_SECONDS: positiveInt(30),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').default('postgresql://postgres:postgres@127.0.0.1:54329/salla_analytics'),
    DATABASE_POOL_SIZE: positiveInt(10),
    CLICKHOUSE_URL: z.url().default('http://127.0.0.1:8123'),
    CLICKHOUSE_USER: z.string().default('default'),
    CLICKHOUSE_PASSWORD: z.string().default(''),
    CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('salla_analytics'),
    /** `postgres` (the inbox on DATABASE_URL is the queue, the default) or `qstash` (Upstash QStash pushes to /queue/qstash). */
    QUEUE_DRIVER: z.enum(['postgres', 'qstash']).default('postgres'),
    /** Unused since the inbox is the Postgres queue (was the pg-boss queue name); accepted so existing settings still parse. */
    QUEUE_NAME: z.string().regex(/^[a-z0-9_.-]+$/).default('salla-webhooks'),
    /** Attempts after the first one before a message becomes a dead letter. */
    QUEUE_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(8),
    /** First retry delay in seconds; doubles with each attempt (with jitter). */
    QUEUE_RETRY_DELAY_SECONDS: positiveInt(2),
    /** A message held longer than this by a consumer (e.g. one that was killed) is handed out again. */
    QUEUE_JOB_TIMEOUT_SECONDS: positiveInt(120),
    /** Unused since the inbox is the Postgres queue (was pg-boss maintenance); accepted so existing settings still parse. */
    QUEUE_MAINTENANCE_SECONDS: positiveInt(30),
    QUEUE_POLL_INTERVAL_MS: positiveInt(200),
    /**
     * Messages one consumer loop claims at once, and how many loops run. Big batches from several
     * loops make big ClickHouse inserts: the embedded engine spends ~0.3 ms of CPU per order row in
     * inserts of 200 rows and ~0.1 ms in inserts of 1,000 (each insert writes a part per month).
     * Every batch waits for the ClickHouse flush it is in (BATCH_MAX_DELAY_MS + the insert), so
     * batch × loops per flush cycle caps the throughput: 1,000 × 4 gave ~4,000 events/s in the
     * ingest bench, 2,500 × 4 lets the consumer keep up with the intake (~5,000/s there).
     */
    QUEUE_BATCH_SIZE: positiveInt(2_500),
    QUEUE_CONCURRENCY: positiveInt(4),
    QSTASH_URL: z.url().optional(),
    QSTASH_TOKEN: z.string().min(1).optional(),
    QSTASH_CURRENT_SIGNING_KEY: z.string().min(1).optional(),
    QSTASH_NEXT_SIGNING_KEY: z.string().min(1).optional(),
    /** Public URL QStash pushes to, e.g. https://pipeline.example.com/queue/qstash. */
    QSTASH_CONSUMER_URL: z.url().optional(),
    /** `keyId:base64(32 bytes)` list, first = current (see integration-gateways). Needed for app.store.authorize. */
    TOKEN_ENCRYPTION_KEYS: z.string().min(1).optional(),
    /** ClickHouse batches: flush at this many rows or this many ms after the first, whichever comes first. */
    BATCH_MAX_ROWS: positiveInt(20_000),
    BATCH_MAX_DELAY_MS: positiveInt(500),
    /** Salla's OAuth client and Admin API (history backfill, reconciliation): SALLA_CLIENT_ID, SALLA_API_URL, … (integration-gateways). */
    ...sallaEnvShape,
    /** Import the store's history (orders, products, customers) when the app is installed (app.store.authorize / app.installed). */
    BACKFILL_ON_INSTALL: booleanFromString.default(true),
    /** Backfill/reconcile jobs one worker process runs at once. 0 = this process runs none. */
    BACKFILL_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(1),
    /** Background exports and order-history file imports one worker process runs at once. 0 = none. */
    FILE_JOB_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(1),
    /** How long a finished background export stays downloadable (then its file is deleted). */
    EXPORT_FILE_TTL_SECONDS: positiveInt(86_400),
    /** How often expired export files and uploads are deleted. */
    /** A running job whose worker stops renewing its lease this long (killed) is resumed by another. */
    BACKFILL_JOB_LEASE_SECONDS: positiveInt(60),
    /** How often an idle worker looks for a job. */
    BACKFILL_POLL_INTERVAL_MS: positiveInt(1_000),
    /** Runs of one job before it fails for good (each resumes from its checkpoint). */
    BACKFILL_MAX_ATTEMPTS: positiveInt(5),
    /** Pages written but not yet committed at once, per resource (fetching runs ahead of ClickHouse). */
    BACKFILL_PAGES_IN_FLIGHT: positiveInt(4),
    /**
     * OpenTelemetry traces (OTLP/HTTP protobuf): on when an endpoint is set, e.g.
     * http://127.0.0.1:4318 (the SDK's exporter reads the other OTEL_* variables itself).
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).optional(),
    OTEL_SDK_DISABLED: booleanFromString.default(false),
    /** Job scheduler trigger: `postgres` (a timer in the worker finds due ticks) or `qstash` (QStash schedules POST /scheduler/qstash). */
    SCHEDULER_DRIVER: z.enum(['postgres', 'qstash']).default('postgres'),
    /** Public URL QStash schedules push to, e.g. https://pipeline.example.com/scheduler/qstash. */
    QSTASH_SCHEDULER_URL: z.url().optional(),
    /** Scheduled jobs (alerts, digests, campaigns, exports) one worker process runs at once. 0 = none here. */
    SCHEDULER_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(2),
    SCHEDULER_POLL_INTERVAL_MS: positiveInt(1_000),
    /** A scheduled job whose worker stops renewing its lease this long (killed) runs again. */
    SCHEDULER_LEASE_SECONDS: positiveInt(60),
    /** The PWA's public URL, for links in alert and digest emails. */
    APP_PUBLIC_URL: z.url().default('http://localhost:3000').transform((url) => url.replace(/\/+$/, '')),
    /** Postmark (POSTMARK_TOKEN …) or the outbox (EMAIL_OUTBOX_DIR), EMAIL_FROM (integration-gateways). */
    ...emailEnvShape,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Log every accepted webhook at info (default: only problems and a per-batch summary). */
    LOG_REQUESTS: booleanFromString.default(false),
});

function qstashSettingsPresent(env: z.infer<typeof baseSchema>, ctx: z.RefinementCtx): void {
  if (env.SCHEDULER_DRIVER === 'qstash') {
    for (const key of ['QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY', 'QSTASH_SCHEDULER_URL'] as const) {
      if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when SCHEDULER_DRIVER=qstash' });
    }
  }
  if (env.QUEUE_DRIVER !== 'qstash') return;
  for (const key of ['QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY', 'QSTASH_CONSUMER_URL'] as const) {
    if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when QUEUE_DRIVER=qstash' });
  }
}

export const pipelineEnvSchema = baseSchema.superRefine(qstashSettingsPresent);

export type PipelineEnv = z.infer<typeof pipelineEnvSchema>;

export function readPipelineEnv(source: Record<string, string | undefined> = process.env): PipelineEnv {
  return parseEnv(pipelineEnvSchema, source);
}

/**
 * For operator tools (the admin CLI's dead-letter commands): the same settings, but they never
 * verify webhooks, so the webhook secret may be absent.
 */
export function readPipelineAdminEnv(source: Record<string, string | undefined> = process.env): PipelineEnv {
  const schema = baseSchema.extend({ SALLA_WEBHOOK_SECRET: z.string().default('') }).superRefine(qstashSettingsPresent);
  return parseEnv(schema, source);
}
