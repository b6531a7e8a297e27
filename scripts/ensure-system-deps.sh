#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download its own here) and the proxy's
# shared-store tests start a real redis-server. Installs whichever is missing, when we may.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "The test suite needs: ${missing[*]}. Install them (e.g. apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian…"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
