# ClickHouse Cloud: the analytics store (olap-repository). One service per environment; ClickHouse
# Cloud replicates every MergeTree table itself, so CLICKHOUSE_CLUSTER stays unset.
resource "clickhouse_service" "analytics" {
  name           = local.name
  cloud_provider = var.clickhouse_cloud_provider
  region         = var.clickhouse_region

  min_replica_memory_gb = var.clickhouse_min_replica_memory_gb
  max_replica_memory_gb = var.clickhouse_max_replica_memory_gb
  idle_scaling          = var.clickhouse_idle_scaling
  idle_timeout_minutes  = var.clickhouse_idle_scaling ? var.clickhouse_idle_timeout_minutes : null

  ip_access = var.clickhouse_ip_access

  # Only the hash leaves this machine for ClickHouse Cloud; the password itself reaches the apps
  # as a sensitive Vercel variable.
  password_hash = base64sha256(var.clickhouse_password)

  depends_on = [terraform_data.environment_guard]

  lifecycle {
    precondition {
      condition     = var.clickhouse_max_replica_memory_gb >= var.clickhouse_min_replica_memory_gb
      error_message = "clickhouse_max_replica_memory_gb must be at least clickhouse_min_replica_memory_gb."
    }
  }
}

locals {
  # @clickhouse/client speaks HTTPS to the service's HTTP interface.
  clickhouse_url = "https://${clickhouse_service.analytics.endpoints.https.host}:${clickhouse_service.analytics.endpoints.https.port}"
}
