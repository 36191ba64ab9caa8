#!/usr/bin/env bash
# Installs the Debian package chromium (the headless browser the explorer's browser test drives) if
# no chromium is on the PATH. Needs root and the Debian package registry (as in CI); prints where
# chromium is and exits 0 when it is there, exits non-zero with a message when it cannot install it.
# See docs/explorer.md.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  command -v chromium
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium is missing and installing it needs root: run 'apt-get install -y chromium' as root." >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing and this system has no apt-get: install Chromium and put 'chromium' on the PATH." >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium
command -v chromium
