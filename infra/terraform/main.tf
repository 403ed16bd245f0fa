locals {
  # salla-analytics-staging, salla-analytics-production
  name = "${var.name_prefix}-${var.environment}"
}

# One workspace per environment keeps staging's and production's state apart; applying one
# environment's variables in the other's workspace is refused before anything changes.
resource "terraform_data" "environment_guard" {
  input = var.environment

  lifecycle {
    precondition {
      condition     = terraform.workspace == var.environment
      error_message = "Select the workspace of this environment first: terraform workspace select ${var.environment}."
    }
  }
}
