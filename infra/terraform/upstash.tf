# Upstash Redis: the PWA's shared query cache (per merchant, invalidated by ingestion), reached over
# its REST API from serverless functions.
resource "upstash_redis_database" "cache" {
  database_name  = "${local.name}-cache"
  region         = "global"
  primary_region = var.upstash_redis_primary_region
  read_regions   = var.upstash_redis_read_regions
  tls            = true
  # A cache: when it is full, evicting old answers beats refusing writes.
  eviction = true

  depends_on = [terraform_data.environment_guard]
}

# QStash: in the cloud the pipeline enqueues each accepted delivery with QStash, which pushes it
# (signed) to the pipeline's consumer endpoint and retries with backoff. The pipeline publishes to
# QSTASH_CONSUMER_URL directly; this URL group names the same endpoint so operators can publish or
# replay to `<name>-webhooks` from the console without knowing the URL.
resource "upstash_qstash_topic_v2" "webhooks" {
  name      = "${local.name}-webhooks"
  endpoints = [local.qstash_consumer_url]

  depends_on = [terraform_data.environment_guard]
}
