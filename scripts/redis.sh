#!/usr/bin/env bash
# Redis for the shared cache (CACHE_URL) in tests, benchmarks and development:
# installs Debian's redis-server when missing and runs it on 127.0.0.1:6379 with
# its own data folder (var/redis), daemonized with a pidfile. Safe to run again.
#
# Usage: scripts/redis.sh [start|stop|status|url]   (default: start)
#   start   install when missing, start, wait until it answers PING
#   stop    stop the server this script started (its pidfile)
#   status  exit 0 when something answers PING on the port
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${REDIS_PORT:-6379}"
DATA_DIR="$ROOT/var/redis"
PID_FILE="$DATA_DIR/redis.pid"
LOG_FILE="$DATA_DIR/redis.log"

log() { echo "redis.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

answers() {
    command -v redis-cli >/dev/null 2>&1 \
        && [ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" = "PONG" ]
}

install_server() {
    if command -v redis-server >/dev/null 2>&1; then
        return
    fi
    log "installing the Debian redis-server package"
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q redis-server >&2; then
        as_root apt-get -o DPkg::Lock::Timeout=300 update -q >&2
        as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q redis-server >&2
    fi
}

start() {
    install_server
    if answers; then
        log "already answers on 127.0.0.1:${PORT}"
        return
    fi
    mkdir -p "$DATA_DIR"
    # A cache only: no snapshots to disk, oldest keys evicted when memory is full.
    redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes \
        --dir "$DATA_DIR" --pidfile "$PID_FILE" --logfile "$LOG_FILE" \
        --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru
    for _ in $(seq 1 50); do
        if answers; then
            log "started on 127.0.0.1:${PORT} (pid $(cat "$PID_FILE" 2>/dev/null))"
            return
        fi
        sleep 0.2
    done
    log "Redis did not answer on 127.0.0.1:${PORT}; see ${LOG_FILE}"
    exit 1
}

stop() {
    if [ -f "$PID_FILE" ]; then
        kill "$(cat "$PID_FILE")" 2>/dev/null || true
        rm -f "$PID_FILE"
        log "stopped"
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status)
        if answers; then echo "running: redis://127.0.0.1:${PORT}"; else echo "stopped"; exit 3; fi
        ;;
    url) echo "redis://127.0.0.1:${PORT}" ;;
    *)
        echo "usage: $0 [start|stop|status|url]" >&2
        exit 2
        ;;
esac
