# The environment of each deployed package, variable by variable, from the packages' env schemas
# (src/env.ts: apps/pwa-main, services/data-pipeline-service and the libraries they compose —
# olap-repository, database-schema, integration-gateways). infra/test/terraform.test.ts reads the
# schemas and fails when a variable is neither set here nor listed in env_left_to_defaults, so a
# new setting cannot reach production unnoticed.

locals {
  app_origin          = var.pwa_domain == null ? "https://${vercel_project.pwa.name}.vercel.app" : "https://${var.pwa_domain}"
  pipeline_origin     = var.pipeline_domain == null ? "https://${vercel_project.pipeline.name}.vercel.app" : "https://${var.pipeline_domain}"
  qstash_consumer_url = "${local.pipeline_origin}/queue/qstash"

  # apps/pwa-main (src/env.ts)
  pwa_env = {
    DEPLOYMENT_ENV           = "production"
    LOG_LEVEL                = var.log_level
    APP_ORIGIN               = local.app_origin
    SESSION_TTL_HOURS        = tostring(var.session_ttl_hours)
    COOKIE_SECURE            = "true"
    DEMO_LOGIN               = "false"
    SALLA_CLIENT_ID          = var.salla_client_id
    SALLA_CLIENT_SECRET      = var.salla_client_secret
    SALLA_REDIRECT_URI       = "${local.app_origin}/api/auth/salla/callback"
    SALLA_ACCOUNTS_URL       = var.salla_accounts_url
    UPSTASH_REDIS_REST_URL   = "https://${upstash_redis_database.cache.endpoint}"
    UPSTASH_REDIS_REST_TOKEN = upstash_redis_database.cache.rest_token
    CACHE_TTL_SECONDS        = tostring(var.cache_ttl_seconds)
    DATABASE_URL             = var.database_url
    CLICKHOUSE_URL           = local.clickhouse_url
    CLICKHOUSE_USER          = "default"
    CLICKHOUSE_PASSWORD      = var.clickhouse_password
    CLICKHOUSE_DATABASE      = var.clickhouse_database
    # The assistant runs in the BFF (integration-gateways' OpenAI client).
    OPENAI_API_KEY    = var.openai_api_key
    OPENAI_BASE_URL   = var.openai_base_url
    OPENAI_CHAT_MODEL = var.openai_chat_model
    # Report and alert emails (integration-gateways' Postmark client).
    POSTMARK_TOKEN = var.postmark_token
    EMAIL_FROM     = var.email_from
    # Signed, expiring links to finished exports.
    EXPORT_LINK_SECRET = var.export_link_secret
  }

  # services/data-pipeline-service (src/env.ts, with integration-gateways' Salla settings)
  pipeline_env = {
    SALLA_WEBHOOK_SECRET       = var.salla_webhook_secret
    SALLA_WEBHOOK_TOKEN        = var.salla_webhook_token
    SALLA_CLIENT_ID            = var.salla_client_id
    SALLA_CLIENT_SECRET        = var.salla_client_secret
    SALLA_ACCOUNTS_URL         = var.salla_accounts_url
    TOKEN_ENCRYPTION_KEYS      = var.token_encryption_keys
    PIPELINE_ROLE              = "all"
    QUEUE_DRIVER               = "qstash"
    QSTASH_URL                 = var.qstash_url
    QSTASH_TOKEN               = var.qstash_token
    QSTASH_CURRENT_SIGNING_KEY = var.qstash_current_signing_key
    QSTASH_NEXT_SIGNING_KEY    = var.qstash_next_signing_key
    QSTASH_CONSUMER_URL        = local.qstash_consumer_url
    DATABASE_URL               = var.database_url
    DATABASE_POOL_SIZE         = tostring(var.database_pool_size)
    CLICKHOUSE_URL             = local.clickhouse_url
    CLICKHOUSE_USER            = "default"
    CLICKHOUSE_PASSWORD        = var.clickhouse_password
    CLICKHOUSE_DATABASE        = var.clickhouse_database
    LOG_LEVEL                  = var.log_level
    POSTMARK_TOKEN             = var.postmark_token
    EMAIL_FROM                 = var.email_from
    # Cart recovery, alerts, digests, file jobs: QStash schedules push each tick to the pipeline.
    SCHEDULER_DRIVER      = "qstash"
    QSTASH_SCHEDULER_URL  = "${local.pipeline_origin}/scheduler/qstash"
    APP_PUBLIC_URL        = local.app_origin
  }

  # Stored as Vercel sensitive variables and only in sensitive outputs.
  secret_env_keys = [
    "SALLA_CLIENT_SECRET",
    "SALLA_WEBHOOK_SECRET",
    "SALLA_WEBHOOK_TOKEN",
    "TOKEN_ENCRYPTION_KEYS",
    "DATABASE_URL",
    "CLICKHOUSE_PASSWORD",
    "UPSTASH_REDIS_REST_TOKEN",
    "QSTASH_TOKEN",
    "QSTASH_CURRENT_SIGNING_KEY",
    "QSTASH_NEXT_SIGNING_KEY",
    "OPENAI_API_KEY",
    "POSTMARK_TOKEN",
    "EXPORT_LINK_SECRET",
  ]

  # Read by the packages but deliberately not set in the cloud: the schema's default is right
  # there, or the variable belongs to the local stack. Documentation only; the test checks that
  # every entry still exists in some env schema.
  env_left_to_defaults = {
    NODE_ENV                           = "set by Vercel (production)"
    DEMO_MERCHANT_ID                   = "the demo store exists only on the local stack (DEMO_LOGIN=false)"
    REDIS_URL                          = "self-hosted Redis; the cloud cache is Upstash REST (REDIS_URL would win over it)"
    CACHE_INVALIDATION_LISTEN          = "default on: PostgreSQL LISTEN for the pipeline's per-merchant signal; entries also expire after CACHE_TTL_SECONDS"
    RATE_LIMIT_SESSION_PER_MINUTE      = "default 600 per session"
    RATE_LIMIT_IP_PER_MINUTE           = "default 1200 per client IP"
    PIPELINE_HOST                      = "the platform binds the listener"
    PIPELINE_PORT                      = "the platform assigns the port"
    PIPELINE_BODY_LIMIT_BYTES          = "default 1 MiB, above Salla's largest payloads"
    INTAKE_BATCH_MAX                   = "tuning; default"
    INTAKE_BATCH_DELAY_MS              = "tuning; default"
    INTAKE_RECOVERY_AFTER_SECONDS      = "tuning; default"
    QUEUE_NAME                         = "default salla-webhooks"
    QUEUE_RETRY_LIMIT                  = "tuning; default"
    QUEUE_RETRY_DELAY_SECONDS          = "tuning; default"
    QUEUE_JOB_TIMEOUT_SECONDS          = "pg-boss only (QUEUE_DRIVER=postgres)"
    QUEUE_MAINTENANCE_SECONDS          = "pg-boss only (QUEUE_DRIVER=postgres)"
    QUEUE_POLL_INTERVAL_MS             = "pg-boss only (QUEUE_DRIVER=postgres)"
    QUEUE_BATCH_SIZE                   = "Postgres queue only (QUEUE_DRIVER=postgres)"
    QUEUE_CONCURRENCY                  = "pg-boss only (QUEUE_DRIVER=postgres)"
    BATCH_MAX_ROWS                     = "tuning; default"
    BATCH_MAX_DELAY_MS                 = "tuning; default"
    LOG_REQUESTS                       = "default off (problems and per-batch summaries only)"
    CLICKHOUSE_CLUSTER                 = "ClickHouse Cloud replicates by itself; only for self-managed clusters"
    SALLA_API_URL                      = "default: Salla's Admin API v2"
    SALLA_API_TIMEOUT_MS               = "tuning; default"
    SALLA_API_MAX_RETRIES              = "tuning; default"
    SALLA_API_PER_PAGE                 = "default: Salla's maximum page size"
    SALLA_TOKEN_REFRESH_BEFORE_SECONDS = "tuning; default"
    BACKFILL_ON_INSTALL                = "default on"
    BACKFILL_CONCURRENCY               = "tuning; default"
    BACKFILL_JOB_LEASE_SECONDS         = "tuning; default"
    BACKFILL_POLL_INTERVAL_MS          = "tuning; default"
    BACKFILL_MAX_ATTEMPTS              = "tuning; default"
    BACKFILL_PAGES_IN_FLIGHT           = "tuning; default"
    OPENAI_EMBEDDING_MODEL             = "default text-embedding-3-small"
    ASSISTANT_PLANNER                  = "default auto: the LLM planner when OPENAI_API_KEY is set"
    ASSISTANT_RETRIEVAL                = "default auto: embeddings when OPENAI_API_KEY is set"
    OPENAI_TIMEOUT_MS                  = "tuning; default"
    OPENAI_BREAKER_ERROR_PERCENT       = "tuning; default"
    OPENAI_BREAKER_MIN_CALLS           = "tuning; default"
    OPENAI_BREAKER_RESET_MS            = "tuning; default"
    POSTMARK_API_URL                   = "default: Postmark's API"
    POSTMARK_MESSAGE_STREAM            = "default outbound"
    POSTMARK_SERVER_TEMPLATES          = "default off (the app's own templates)"
    POSTMARK_TIMEOUT_MS                = "tuning; default"
    EMAIL_OUTBOX_DIR                   = "local stack only (used when POSTMARK_TOKEN is unset)"
    OTEL_EXPORTER_OTLP_ENDPOINT        = "tracing off by default; set to an OTLP/HTTP collector to export traces (infra/README.md, Observability)"
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = "tracing off by default (traces-only OTLP endpoint)"
    OTEL_SERVICE_NAME                  = "default: pwa-main / data-pipeline-service"
    OTEL_SDK_DISABLED                  = "default false (tracing is off anyway without an OTLP endpoint)"
    PWA_METRICS_PORT                   = "self-hosted only: Vercel exposes no second port; Prometheus scrapes the pipeline's /metrics"
    PWA_METRICS_HOST                   = "default loopback"
    EXPORT_DIRECT_MAX_ROWS             = "default 2,000 rows written at once; larger exports run as background jobs"
    PIPELINE_CONSUMER_THREAD           = "default: a consumer thread only with the Postgres queue (the cloud uses QStash pushes)"
    PIPELINE_HANDOFF                   = "default: only with the Postgres queue (the cloud uses QStash pushes)"
    INTAKE_MAX_IN_FLIGHT               = "tuning; default"
    FILE_JOB_CONCURRENCY               = "tuning; default"
    EXPORT_FILE_TTL_SECONDS            = "default 15 minutes (download links expire with the file)"
    SCHEDULER_CONCURRENCY              = "tuning; default"
    SCHEDULER_POLL_INTERVAL_MS         = "postgres driver only (the cloud uses QStash schedules)"
    SCHEDULER_LEASE_SECONDS            = "tuning; default"
  }
}
