#!/usr/bin/env bash
# Install what the Teams end-to-end test needs (tests/teams/test_playground_e2e.py):
# Chromium from Debian's packages, and the Microsoft 365 Agents Playground plus
# playwright-core from npm into deploy/teams/e2e/node_modules (versions pinned
# by package-lock.json). Safe to run again; skips what is already there.
#
#   bash deploy/teams/e2e/install.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v chromium >/dev/null 2>&1; then
    echo "install.sh: installing chromium (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install.sh: installing nodejs and npm (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

if [ ! -f "$here/node_modules/@microsoft/m365agentsplayground/cli.js" ] \
    || [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "install.sh: installing the Agents Playground and playwright-core (npm ci)"
    # playwright-core downloads no browser; the test uses /usr/bin/chromium.
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "install.sh: ready ($(chromium --version 2>/dev/null | head -n1), node $(node --version))"
