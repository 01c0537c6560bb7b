#!/usr/bin/env bash
# What the browser tests (tests/browser/) need: Debian's chromium, which
# Playwright drives through executable_path (never `playwright install`: the
# machine reaches package registries only), and axe-core from npm into
# tests/browser/node_modules. Safe to run again at any time; prints the path
# of the browser.
#
# Usage: scripts/chromium.sh [install|status]   (default: install)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
NODE_DIR="$ROOT/tests/browser"
AXE="$NODE_DIR/node_modules/axe-core/axe.min.js"

log() { echo "chromium.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

install_chromium() {
    if [ -x "$CHROMIUM" ]; then
        return
    fi
    log "installing the Debian chromium package"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be stale on a fresh machine: update once, then retry.
    if ! as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
        chromium >&2; then
        as_root apt-get -o DPkg::Lock::Timeout=300 update -q >&2
        as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
            chromium >&2
    fi
}

install_axe() {
    # The lock file pins the version; node_modules is rebuilt only when it changed.
    if [ -f "$AXE" ] && [ "$NODE_DIR/node_modules/.package-lock.json" -nt "$NODE_DIR/package-lock.json" ]; then
        return
    fi
    if ! command -v npm >/dev/null 2>&1; then
        log "installing the Debian npm package"
        as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends npm >&2
    fi
    log "installing axe-core into tests/browser/node_modules"
    npm ci --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error >&2
}

case "${1:-install}" in
    install)
        install_chromium
        install_axe
        echo "$CHROMIUM"
        ;;
    status)
        if [ -x "$CHROMIUM" ] && [ -f "$AXE" ]; then
            echo "ready: $CHROMIUM"
        else
            echo "missing: chromium or axe-core (run scripts/chromium.sh)"
            exit 3
        fi
        ;;
    *)
        echo "usage: $0 [install|status]" >&2
        exit 2
        ;;
esac
