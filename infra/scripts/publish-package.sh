#!/usr/bin/env bash
# `pnpm publish:package <name>`: publishes one package at the version in its package.json unless
# the registry already has it — what a package's workflow runs when a release of it is published
# on GitHub (normally `pnpm release` got there first and this only confirms it). Builds the package
# and its dependencies first; pnpm publish rewrites `workspace:*` and `catalog:` to real versions.
# The registry: see registry-env.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/scripts/registry-env.sh

name="${1:-}"
if [ -z "$name" ]; then
  echo "usage: pnpm publish:package <package name>" >&2
  exit 2
fi
manifest="$(pnpm --silent --filter "$name" exec node -p 'JSON.stringify(require("./package.json"))' 2>/dev/null || true)"
if [ -z "$manifest" ]; then
  echo "error: no workspace package is named $name" >&2
  exit 2
fi
version="$(node -p 'JSON.parse(process.argv[1]).version' "$manifest")"
if [ "$(node -p 'JSON.parse(process.argv[1]).private === true' "$manifest")" = "true" ]; then
  echo "error: $name is private; it is never published" >&2
  exit 2
fi
if [ "$(npm view "$name@$version" version 2>/dev/null || true)" = "$version" ]; then
  echo "$name@$version is already on $registry"
  exit 0
fi
pnpm exec turbo run build --filter="$name..." --output-logs=errors-only
pnpm --filter "$name" publish --no-git-checks --access restricted
echo "published $name@$version to $registry"
