#!/usr/bin/env bash
# Start or stop Stripe's own mock API server (stripe-mock) for tests and development.
#   scripts/stripe-mock.sh [start]   install when missing, start in the background, wait
#   scripts/stripe-mock.sh stop      stop the server this script started
#   scripts/stripe-mock.sh status    exit 0 when it answers
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="v0.203.0"
BIN_DIR="$ROOT/var/bin"
BIN="$BIN_DIR/stripe-mock"
RUN_DIR="$ROOT/var/run"
PID_FILE="$RUN_DIR/stripe-mock.pid"
LOG_FILE="$RUN_DIR/stripe-mock.log"
HTTP_PORT="${STRIPE_MOCK_PORT:-12111}"
HTTPS_PORT="${STRIPE_MOCK_HTTPS_PORT:-12112}"

answers() {
    curl -s -o /dev/null -H "Authorization: Bearer sk_test_123" \
        "http://127.0.0.1:$HTTP_PORT/v1/customers" 2>/dev/null
}

install() {
    if [ -x "$BIN" ]; then
        return
    fi
    if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
        export PATH="/usr/local/go/bin:$PATH"
    fi
    mkdir -p "$BIN_DIR"
    echo "Installing stripe-mock $VERSION into $BIN_DIR ..."
    GOBIN="$BIN_DIR" go install "github.com/stripe/stripe-mock@$VERSION"
}

start() {
    if answers; then
        echo "stripe-mock already answers on 127.0.0.1:$HTTP_PORT"
        return
    fi
    install
    mkdir -p "$RUN_DIR"
    nohup "$BIN" -http-addr "127.0.0.1:$HTTP_PORT" -https-addr "127.0.0.1:$HTTPS_PORT" \
        >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 100); do
        if answers; then
            echo "stripe-mock started on 127.0.0.1:$HTTP_PORT (pid $(cat "$PID_FILE"))"
            return
        fi
        sleep 0.2
    done
    echo "stripe-mock did not answer; see $LOG_FILE" >&2
    exit 1
}

stop() {
    if [ -f "$PID_FILE" ]; then
        kill "$(cat "$PID_FILE")" 2>/dev/null || true
        rm -f "$PID_FILE"
        echo "stripe-mock stopped"
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) answers ;;
    *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
