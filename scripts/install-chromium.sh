#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing.
# Test tools cannot download their own browser here, so the tests drive this one.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "Chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then as_root=""; elif command -v sudo >/dev/null 2>&1; then as_root="sudo"; else
  echo "Chromium is missing and installing it needs root: run 'apt-get install chromium' as root." >&2
  exit 1
fi
$as_root apt-get update
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y --no-install-recommends chromium
