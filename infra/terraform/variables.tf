# Every input, typed and checked. Non-secret values per environment live in
# environments/<environment>.tfvars; every secret is a `sensitive` variable given as TF_VAR_<name>
# (from a secret store or CI secrets) and never written to a file in this repository.

# ── Environment ────────────────────────────────────────────────────────────────────────────────

variable "environment" {
  type        = string
  description = "Which deployment this is: staging or production. Must equal the selected Terraform workspace."
  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every cloud resource name; the environment is appended (salla-analytics-staging)."
  default     = "salla-analytics"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name_prefix))
    error_message = "name_prefix must be 3-41 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "log_level" {
  type        = string
  description = "LOG_LEVEL of the PWA and the pipeline (pino levels)."
  default     = "info"
  validation {
    condition     = contains(["fatal", "error", "warn", "info", "debug", "trace", "silent"], var.log_level)
    error_message = "log_level must be one of fatal, error, warn, info, debug, trace, silent."
  }
}

# ── ClickHouse Cloud ───────────────────────────────────────────────────────────────────────────

variable "clickhouse_organization_id" {
  type        = string
  description = "ClickHouse Cloud organization ID (console → Organization → Details)."
  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.clickhouse_organization_id))
    error_message = "clickhouse_organization_id must be a UUID."
  }
}

variable "clickhouse_token_key" {
  type        = string
  description = "ClickHouse Cloud API key ID with the Admin role (provider credentials)."
  sensitive   = true
  validation {
    condition     = length(var.clickhouse_token_key) > 0
    error_message = "clickhouse_token_key must not be empty."
  }
}

variable "clickhouse_token_secret" {
  type        = string
  description = "ClickHouse Cloud API key secret (provider credentials)."
  sensitive   = true
  validation {
    condition     = length(var.clickhouse_token_secret) > 0
    error_message = "clickhouse_token_secret must not be empty."
  }
}

variable "clickhouse_cloud_provider" {
  type        = string
  description = "Cloud that hosts the ClickHouse service."
  default     = "aws"
  validation {
    condition     = contains(["aws", "gcp", "azure"], var.clickhouse_cloud_provider)
    error_message = "clickhouse_cloud_provider must be aws, gcp or azure."
  }
}

variable "clickhouse_region" {
  type        = string
  description = "Region of the ClickHouse service (e.g. eu-central-1); keep it near the Vercel function region."
  validation {
    condition     = can(regex("^[a-z]+(-[a-z]+)*[0-9]*(-[0-9]+)?$", var.clickhouse_region))
    error_message = "clickhouse_region must look like a cloud region name, e.g. eu-central-1."
  }
}

variable "clickhouse_min_replica_memory_gb" {
  type        = number
  description = "Autoscaling floor per replica, in GiB (multiple of 4, at least 8)."
  default     = 8
  validation {
    condition     = var.clickhouse_min_replica_memory_gb >= 8 && var.clickhouse_min_replica_memory_gb % 4 == 0
    error_message = "clickhouse_min_replica_memory_gb must be a multiple of 4 and at least 8."
  }
}

variable "clickhouse_max_replica_memory_gb" {
  type        = number
  description = "Autoscaling ceiling per replica, in GiB (multiple of 4, at least 8)."
  default     = 16
  validation {
    condition     = var.clickhouse_max_replica_memory_gb >= 8 && var.clickhouse_max_replica_memory_gb % 4 == 0
    error_message = "clickhouse_max_replica_memory_gb must be a multiple of 4 and at least 8."
  }
}

variable "clickhouse_idle_scaling" {
  type        = bool
  description = "Let the service scale to zero when idle (staging); production stays up."
  default     = false
}

variable "clickhouse_idle_timeout_minutes" {
  type        = number
  description = "Minutes without queries before an idle-scaling service stops (at least 5)."
  default     = 15
  validation {
    condition     = var.clickhouse_idle_timeout_minutes >= 5
    error_message = "clickhouse_idle_timeout_minutes must be at least 5."
  }
}

variable "clickhouse_ip_access" {
  type = list(object({
    source      = string
    description = string
  }))
  description = "Addresses allowed to reach the service. Vercel functions have no fixed egress IPs, so the default is open, protected by the password and TLS; narrow it with Vercel Secure Compute."
  default     = [{ source = "0.0.0.0/0", description = "Vercel functions (no fixed egress IPs)" }]
  validation {
    condition     = length(var.clickhouse_ip_access) > 0 && alltrue([for entry in var.clickhouse_ip_access : can(cidrhost(entry.source, 0)) || can(cidrhost("${entry.source}/32", 0))])
    error_message = "clickhouse_ip_access needs at least one entry, each an IPv4 address or CIDR."
  }
}

variable "clickhouse_password" {
  type        = string
  description = "Password of the service's default user (CLICKHOUSE_PASSWORD). Only its SHA-256 goes to ClickHouse Cloud."
  sensitive   = true
  validation {
    condition     = length(var.clickhouse_password) >= 24
    error_message = "clickhouse_password must be at least 24 characters."
  }
}

variable "clickhouse_database" {
  type        = string
  description = "Database holding the analytics tables (CLICKHOUSE_DATABASE); the migrations create it."
  default     = "salla_analytics"
  validation {
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]*$", var.clickhouse_database))
    error_message = "clickhouse_database must be a plain identifier."
  }
}

# ── Upstash (Redis cache, QStash queue) ───────────────────────────────────────────────────────

variable "upstash_email" {
  type        = string
  description = "Email of the Upstash account that owns the resources (provider credentials)."
  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.upstash_email))
    error_message = "upstash_email must be an email address."
  }
}

variable "upstash_api_key" {
  type        = string
  description = "Upstash management API key (provider credentials)."
  sensitive   = true
  validation {
    condition     = length(var.upstash_api_key) > 0
    error_message = "upstash_api_key must not be empty."
  }
}

variable "upstash_redis_primary_region" {
  type        = string
  description = "Primary region of the global Upstash Redis database (the PWA's query cache)."
  default     = "eu-central-1"
  validation {
    condition     = contains(["us-east-1", "us-west-1", "us-west-2", "eu-central-1", "eu-west-1", "sa-east-1", "ap-southeast-1", "ap-southeast-2"], var.upstash_redis_primary_region)
    error_message = "upstash_redis_primary_region must be one of Upstash's global-database regions."
  }
}

variable "upstash_redis_read_regions" {
  type        = set(string)
  description = "Read replicas of the Redis database (none by default)."
  default     = []
  validation {
    condition     = alltrue([for region in var.upstash_redis_read_regions : contains(["us-east-1", "us-west-1", "us-west-2", "eu-central-1", "eu-west-1", "sa-east-1", "ap-southeast-1", "ap-southeast-2"], region)])
    error_message = "upstash_redis_read_regions must name Upstash global-database regions."
  }
}

variable "qstash_url" {
  type        = string
  description = "QStash API base URL of the account's region (QSTASH_URL)."
  default     = "https://qstash.upstash.io"
  validation {
    condition     = can(regex("^https://", var.qstash_url))
    error_message = "qstash_url must be an https:// URL."
  }
}

variable "qstash_token" {
  type        = string
  description = "QStash token for publishing (QSTASH_TOKEN; Upstash console → QStash). QStash keys are per account, so they are inputs, not resources."
  sensitive   = true
  validation {
    condition     = length(var.qstash_token) > 0
    error_message = "qstash_token must not be empty."
  }
}

variable "qstash_current_signing_key" {
  type        = string
  description = "QStash current signing key: the pipeline verifies every push with it (QSTASH_CURRENT_SIGNING_KEY)."
  sensitive   = true
  validation {
    condition     = length(var.qstash_current_signing_key) > 0
    error_message = "qstash_current_signing_key must not be empty."
  }
}

variable "qstash_next_signing_key" {
  type        = string
  description = "QStash next signing key, accepted during key rotation (QSTASH_NEXT_SIGNING_KEY)."
  sensitive   = true
  validation {
    condition     = length(var.qstash_next_signing_key) > 0
    error_message = "qstash_next_signing_key must not be empty."
  }
}

# ── Vercel ─────────────────────────────────────────────────────────────────────────────────────

variable "vercel_api_token" {
  type        = string
  description = "Vercel access token scoped to the team (provider credentials)."
  sensitive   = true
  validation {
    condition     = length(var.vercel_api_token) > 0
    error_message = "vercel_api_token must not be empty."
  }
}

variable "vercel_team_id" {
  type        = string
  description = "Vercel team ID or slug that owns the projects."
  validation {
    condition     = length(var.vercel_team_id) > 0
    error_message = "vercel_team_id must not be empty."
  }
}

variable "vercel_region" {
  type        = string
  description = "Vercel function region of both projects; near ClickHouse and Postgres (fra1 = Frankfurt)."
  default     = "fra1"
  validation {
    condition     = can(regex("^[a-z]{3}[0-9]$", var.vercel_region))
    error_message = "vercel_region must be a Vercel region code such as fra1 or iad1."
  }
}

variable "github_repository" {
  type        = string
  description = "The monorepo on GitHub (owner/name); Vercel deploys from it."
  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name."
  }
}

variable "production_branch" {
  type        = string
  description = "Branch whose pushes become this environment's production deployment (main for production, staging for staging)."
  validation {
    condition     = can(regex("^[A-Za-z0-9._/-]+$", var.production_branch))
    error_message = "production_branch must be a git branch name."
  }
}

variable "pwa_domain" {
  type        = string
  description = "Custom domain of the merchant app (e.g. app.example.com); null = the project's vercel.app domain."
  default     = null
  validation {
    condition     = var.pwa_domain == null || can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.pwa_domain))
    error_message = "pwa_domain must be a host name."
  }
}

variable "pipeline_domain" {
  type        = string
  description = "Custom domain of the pipeline service (webhooks, QStash pushes); null = the project's vercel.app domain."
  default     = null
  validation {
    condition     = var.pipeline_domain == null || can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.pipeline_domain))
    error_message = "pipeline_domain must be a host name."
  }
}

# ── Application settings and secrets ──────────────────────────────────────────────────────────

variable "database_url" {
  type        = string
  description = "PostgreSQL for application state (DATABASE_URL): Vercel's Postgres integration or any managed PostgreSQL. Use its pooled URL."
  sensitive   = true
  validation {
    condition     = can(regex("^postgres(ql)?://", var.database_url))
    error_message = "database_url must be a postgres:// or postgresql:// URL."
  }
}

variable "database_pool_size" {
  type        = number
  description = "Connections per pipeline instance (DATABASE_POOL_SIZE); small on serverless, where instances multiply."
  default     = 3
  validation {
    condition     = var.database_pool_size >= 1 && var.database_pool_size <= 50
    error_message = "database_pool_size must be between 1 and 50."
  }
}

variable "salla_client_id" {
  type        = string
  description = "OAuth client ID of the Salla app (SALLA_CLIENT_ID; Salla Partners portal)."
  validation {
    condition     = length(var.salla_client_id) > 0
    error_message = "salla_client_id must not be empty."
  }
}

variable "salla_client_secret" {
  type        = string
  description = "OAuth client secret of the Salla app (SALLA_CLIENT_SECRET)."
  sensitive   = true
  validation {
    condition     = length(var.salla_client_secret) > 0
    error_message = "salla_client_secret must not be empty."
  }
}

variable "salla_accounts_url" {
  type        = string
  description = "Salla's OAuth server (SALLA_ACCOUNTS_URL)."
  default     = "https://accounts.salla.sa"
  validation {
    condition     = can(regex("^https://", var.salla_accounts_url))
    error_message = "salla_accounts_url must be an https:// URL."
  }
}

variable "salla_webhook_secret" {
  type        = string
  description = "Webhook secret of the Salla app: X-Salla-Signature is HMAC-SHA256 of the body with it (SALLA_WEBHOOK_SECRET)."
  sensitive   = true
  validation {
    condition     = length(var.salla_webhook_secret) >= 16
    error_message = "salla_webhook_secret must be at least 16 characters."
  }
}

variable "salla_webhook_token" {
  type        = string
  description = "Static token for Salla's \"Token\" webhook security strategy (SALLA_WEBHOOK_TOKEN); null when the signature strategy is used."
  sensitive   = true
  default     = null
  validation {
    condition     = var.salla_webhook_token == null || length(coalesce(var.salla_webhook_token, "x")) >= 16
    error_message = "salla_webhook_token must be at least 16 characters when set."
  }
}

variable "token_encryption_keys" {
  type        = string
  description = "Keys that encrypt merchants' Salla tokens at rest (TOKEN_ENCRYPTION_KEYS): keyId:base64(32 bytes), comma-separated, current first."
  sensitive   = true
  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]+:[A-Za-z0-9+/]{43}=)*$", var.token_encryption_keys))
    error_message = "token_encryption_keys must be keyId:base64(32 bytes)[,keyId:base64(32 bytes)...]."
  }
}

variable "session_ttl_hours" {
  type        = number
  description = "Lifetime of a merchant's session in the PWA, in hours (SESSION_TTL_HOURS)."
  default     = 168
  validation {
    condition     = var.session_ttl_hours >= 1 && var.session_ttl_hours <= 2160
    error_message = "session_ttl_hours must be between 1 and 2160."
  }
}

variable "cache_ttl_seconds" {
  type        = number
  description = "How long a cached dashboard answer may be served at most (CACHE_TTL_SECONDS)."
  default     = 300
  validation {
    condition     = var.cache_ttl_seconds >= 1 && var.cache_ttl_seconds <= 86400
    error_message = "cache_ttl_seconds must be between 1 and 86400."
  }
}

variable "openai_api_key" {
  type        = string
  description = "OpenAI key of the assistant (OPENAI_API_KEY); null = the built-in deterministic planner."
  sensitive   = true
  default     = null
  validation {
    condition     = var.openai_api_key == null || length(coalesce(var.openai_api_key, "x")) > 0
    error_message = "openai_api_key must not be empty when set."
  }
}

variable "openai_base_url" {
  type        = string
  description = "An OpenAI-compatible server instead of OpenAI's (OPENAI_BASE_URL); null = OpenAI."
  default     = null
  validation {
    condition     = var.openai_base_url == null || can(regex("^https://", var.openai_base_url))
    error_message = "openai_base_url must be an https:// URL when set."
  }
}

variable "openai_chat_model" {
  type        = string
  description = "Chat model of the assistant's planner (OPENAI_CHAT_MODEL)."
  default     = "gpt-4o-mini"
  validation {
    condition     = length(var.openai_chat_model) > 0
    error_message = "openai_chat_model must not be empty."
  }
}

variable "postmark_token" {
  type        = string
  description = "Postmark server token for reports and alerts (POSTMARK_TOKEN); null = emails go to the outbox table."
  sensitive   = true
  default     = null
  validation {
    condition     = var.postmark_token == null || length(coalesce(var.postmark_token, "x")) > 0
    error_message = "postmark_token must not be empty when set."
  }
}

variable "email_from" {
  type        = string
  description = "Sender of every email (EMAIL_FROM), a Postmark-verified sender signature."
  validation {
    condition     = can(regex("@", var.email_from))
    error_message = "email_from must contain an email address."
  }
}

variable "export_link_secret" {
  type        = string
  description = "Key that signs the PWA's expiring export download links (HMAC over store, file and expiry; EXPORT_LINK_SECRET)."
  sensitive   = true
  validation {
    condition     = length(var.export_link_secret) >= 32
    error_message = "export_link_secret must be at least 32 characters."
  }
}
