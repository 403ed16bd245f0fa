# Vercel: one project per deployable package and environment, built from the monorepo (pnpm +
# turbo build the package and what it depends on), its functions in one region near the data.
locals {
  install_command = "npm install -g pnpm@12.21.0 && pnpm install --frozen-lockfile"
  # Each project's environment variables (env.tf), every target of this environment's project.
  vercel_targets = ["production", "preview"]
}

# The merchant app: Next.js PWA and its BFF (apps/pwa-main).
resource "vercel_project" "pwa" {
  name                       = "${local.name}-pwa"
  framework                  = "nextjs"
  root_directory             = "apps/pwa-main"
  install_command            = local.install_command
  build_command              = "cd ../.. && pnpm exec turbo run build --filter=@salla-analytics/pwa-main..."
  serverless_function_region = var.vercel_region

  git_repository = {
    type              = "github"
    repo              = var.github_repository
    production_branch = var.production_branch
  }

  depends_on = [terraform_data.environment_guard]
}

# The ingestion service: Salla webhooks and QStash pushes (services/data-pipeline-service).
resource "vercel_project" "pipeline" {
  name                       = "${local.name}-pipeline"
  root_directory             = "services/data-pipeline-service"
  install_command            = local.install_command
  build_command              = "cd ../.. && pnpm exec turbo run build --filter=@salla-analytics/data-pipeline-service..."
  serverless_function_region = var.vercel_region

  git_repository = {
    type              = "github"
    repo              = var.github_repository
    production_branch = var.production_branch
  }

  depends_on = [terraform_data.environment_guard]
}

resource "vercel_project_domain" "pwa" {
  count      = var.pwa_domain == null ? 0 : 1
  project_id = vercel_project.pwa.id
  domain     = var.pwa_domain
}

resource "vercel_project_domain" "pipeline" {
  count      = var.pipeline_domain == null ? 0 : 1
  project_id = vercel_project.pipeline.id
  domain     = var.pipeline_domain
}

# Every variable each package's env schema reads (see env.tf); values that are secrets are stored
# as Vercel sensitive variables (write-only after creation). Unset optional ones are left out so
# the package's own default applies.
resource "vercel_project_environment_variables" "pwa" {
  project_id = vercel_project.pwa.id
  variables = [
    for key, value in local.pwa_env : {
      key       = key
      value     = value
      target    = local.vercel_targets
      sensitive = contains(local.secret_env_keys, key)
    } if value != null
  ]
}

resource "vercel_project_environment_variables" "pipeline" {
  project_id = vercel_project.pipeline.id
  variables = [
    for key, value in local.pipeline_env : {
      key       = key
      value     = value
      target    = local.vercel_targets
      sensitive = contains(local.secret_env_keys, key)
    } if value != null
  ]
}
