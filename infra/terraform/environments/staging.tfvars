# Staging: non-secret settings only. Secrets come from TF_VAR_* (see infra/README.md).
#   terraform workspace select staging && terraform apply -var-file=environments/staging.tfvars
environment       = "staging"
production_branch = "staging"
log_level         = "debug"

clickhouse_cloud_provider        = "aws"
clickhouse_region                = "eu-central-1"
clickhouse_min_replica_memory_gb = 8
clickhouse_max_replica_memory_gb = 8
clickhouse_idle_scaling          = true
clickhouse_idle_timeout_minutes  = 15

upstash_redis_primary_region = "eu-central-1"
vercel_region                = "fra1"
