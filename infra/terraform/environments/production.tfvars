# Production: non-secret settings only. Secrets come from TF_VAR_* (see infra/README.md).
#   terraform workspace select production && terraform apply -var-file=environments/production.tfvars
environment       = "production"
production_branch = "main"
log_level         = "info"

clickhouse_cloud_provider        = "aws"
clickhouse_region                = "eu-central-1"
clickhouse_min_replica_memory_gb = 16
clickhouse_max_replica_memory_gb = 64
clickhouse_idle_scaling          = false

upstash_redis_primary_region = "eu-central-1"
upstash_redis_read_regions   = []
vercel_region                = "fra1"
