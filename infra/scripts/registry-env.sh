# Sourced by release.sh and publish-package.sh: the private registry these packages publish to.
#
# It is named by NPM_CONFIG_REGISTRY (its token lives in the npm userconfig, e.g. the file
# NPM_CONFIG_USERCONFIG names). The tools involved read it under three names: npm reads
# NPM_CONFIG_REGISTRY, changesets reads only the lower-case npm_config_registry (and otherwise
# falls back to the public registry), pnpm 12 reads only pnpm_config_registry. This passes one
# value to all of them, and stops without one: these packages are never published to the public
# registry by accident.
registry="${NPM_CONFIG_REGISTRY:-${npm_config_registry:-${pnpm_config_registry:-}}}"
if [ -z "$registry" ]; then
  echo "error: set NPM_CONFIG_REGISTRY to the private registry to publish to (its token goes in the npm userconfig)" >&2
  exit 2
fi
export NPM_CONFIG_REGISTRY="$registry" npm_config_registry="$registry" pnpm_config_registry="$registry"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
