# What other tooling needs: the endpoints in the clear, and each package's complete environment
# (the same maps the Vercel projects get) as sensitive outputs, e.g. for running the pipeline or
# the admin CLI elsewhere:
#   terraform output -json pipeline_env | jq -r 'to_entries[] | select(.value != null) | "\(.key)=\(.value)"'

output "environment" {
  description = "The environment these resources belong to."
  value       = var.environment
}

output "pwa_url" {
  description = "Public origin of the merchant app (APP_ORIGIN)."
  value       = local.app_origin
}

output "pipeline_url" {
  description = "Public origin of the pipeline; Salla's webhook URL is <pipeline_url>/webhooks/salla."
  value       = local.pipeline_origin
}

output "salla_webhook_url" {
  description = "Set this as the webhook URL of the Salla app in the Partners portal."
  value       = "${local.pipeline_origin}/webhooks/salla"
}

output "clickhouse_url" {
  description = "HTTPS endpoint of the ClickHouse Cloud service (CLICKHOUSE_URL)."
  value       = local.clickhouse_url
}

output "clickhouse_service_id" {
  description = "ID of the ClickHouse Cloud service."
  value       = clickhouse_service.analytics.id
}

output "upstash_redis_rest_url" {
  description = "REST endpoint of the Upstash Redis cache (UPSTASH_REDIS_REST_URL)."
  value       = "https://${upstash_redis_database.cache.endpoint}"
}

output "qstash_consumer_url" {
  description = "Where QStash pushes queued deliveries (QSTASH_CONSUMER_URL)."
  value       = local.qstash_consumer_url
}

output "vercel_project_ids" {
  description = "IDs of the Vercel projects (for the Vercel CLI and CI)."
  value       = { pwa = vercel_project.pwa.id, pipeline = vercel_project.pipeline.id }
}

output "pwa_env" {
  description = "Environment of apps/pwa-main in this environment (null = left to the package's default)."
  value       = local.pwa_env
  sensitive   = true
}

output "pipeline_env" {
  description = "Environment of services/data-pipeline-service in this environment (null = left to the package's default)."
  value       = local.pipeline_env
  sensitive   = true
}
