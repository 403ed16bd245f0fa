# Providers are pinned to a minor series (~> x.y: patch and minor updates within the major, never a
# new major without a change here). `terraform init` writes the exact versions it picked to
# .terraform.lock.hcl; commit that file after the first init so every apply uses the same builds.
terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    clickhouse = {
      source  = "ClickHouse/clickhouse"
      version = "~> 3.33"
    }
    upstash = {
      source  = "upstash/upstash"
      version = "~> 1.5"
    }
    vercel = {
      source  = "vercel/vercel"
      version = "~> 3.0"
    }
  }

  # State: one Terraform workspace per environment (`terraform workspace select staging`). Keep it
  # in a remote backend with locking for a team, e.g. an S3 bucket given at init time:
  #   terraform init -backend-config=backend.hcl   (with a `backend "s3" {}` block added here)
}
