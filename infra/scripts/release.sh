#!/usr/bin/env bash
# `pnpm release`: builds every package, then `changeset publish` publishes each public package
# whose version is not on the registry yet (through pnpm publish, so `workspace:*` and `catalog:`
# become real versions) and tags it in git. The registry: see registry-env.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/scripts/registry-env.sh

pnpm exec turbo run build --output-logs=errors-only
pnpm exec changeset publish
