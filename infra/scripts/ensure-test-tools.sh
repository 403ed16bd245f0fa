#!/usr/bin/env bash
# The test suite drives real engines and a real browser. PostgreSQL and ClickHouse come from npm;
# Chromium (browser and story tests), redis-server (cache tests) and Prometheus (observability
# test) come from Debian's packages.
# Installs whichever is missing when it can (root + apt), otherwise says exactly what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Prometheus (and promtool) check the dashboard's and alert rules' PromQL against live services.
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test tools from Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "error: the test suite needs ${missing[*]}; install them (Debian: sudo apt-get install -y ${missing[*]}) and run again" >&2
exit 1
