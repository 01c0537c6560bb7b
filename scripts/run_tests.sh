#!/usr/bin/env bash
# What `make test` (and so CI) runs, in the house order: lint, Django checks,
# services, then the suite on SQLite and again on PostgreSQL 15 with the shared
# cache in Redis (as in production), both passes at once (SERIAL_PASSES=1: in turn).
# Every step runs even after a failure so one CI log shows everything; the
# script exits non-zero when any step failed. FAIL_FAST=1 stops at the first.
#
# Services this script starts (search engine, stripe-mock, Redis) are stopped again at
# the end unless KEEP_SERVICES=1; PostgreSQL is left running. PG_TEST_URL
# overrides the PostgreSQL URL of the second pass (pytest-django tests on a
# test_<name> copy, so a different name keeps parallel runs apart). REDIS_TEST_DB
# (default 1) picks the Redis database of that pass; keys carry a per-process
# prefix, so runs sharing one database do not collide either.
set -uo pipefail

cd "$(dirname "$0")/.."
BIN=.venv/bin
PYTEST_ARGS=(-q -rfEs --durations=10 --ds=marketplace.settings.test)
# Checks need settings but no real database.
CHECK_ENV=(DJANGO_SETTINGS_MODULE=marketplace.settings.test "DATABASE_URL=sqlite://:memory:")

declare -a RESULTS=()
declare -a STARTED=()
FAILED=0

header() {
    printf '\n\033[1m==== %s ====\033[0m\n' "$*"
}

step() {
    # step "Title" command args...: runs the command, records PASS/FAIL and time.
    local title="$1"
    shift
    header "$title"
    local start=$SECONDS rc=0
    "$@" || rc=$?
    local took=$((SECONDS - start))
    if [ "$rc" -eq 0 ]; then
        RESULTS+=("PASS  ${title} (${took}s)")
    else
        if [ "$rc" -eq 5 ]; then
            echo "pytest collected no tests: treated as a failure." >&2
        fi
        RESULTS+=("FAIL  ${title} (exit ${rc}, ${took}s)")
        FAILED=1
        if [ "${FAIL_FAST:-0}" = "1" ]; then
            finish
        fi
    fi
    return 0
}

start_service() {
    # start_service NAME SCRIPT: start an optional service when its script exists.
    local name="$1" script="$2"
    if [ ! -x "$script" ]; then
        echo "${script} not present: ${name} tests run without it."
        return 0
    fi
    if ! "$script" status >/dev/null 2>&1; then
        STARTED+=("$script")
    fi
    "$script" start
}

show_pass() {
    # show_pass PID LOG: wait for a pass started in the background, print its log.
    local rc=0
    wait "$1" || rc=$?
    cat "$2"
    return "$rc"
}

stop_services() {
    [ "${KEEP_SERVICES:-0}" = "1" ] && return 0
    local script
    for script in "${STARTED[@]}"; do
        "$script" stop >/dev/null 2>&1 || true
    done
}

finish() {
    stop_services
    header "Summary"
    printf '%s\n' "${RESULTS[@]}"
    if [ "$FAILED" -ne 0 ]; then
        printf '\n\033[1;31mmake test: FAILED\033[0m\n'
        exit 1
    fi
    printf '\n\033[1;32mmake test: all passed\033[0m\n'
    exit 0
}
trap 'kill $(jobs -p) 2>/dev/null; stop_services; exit 130' INT TERM

run_pytest_sqlite() {
    # PostgreSQL-only and Redis tests run in the second pass.
    env -u CACHE_URL "DATABASE_URL=sqlite:///$PWD/var/db.sqlite3" EXPECT_POSTGRES=0 \
        "$BIN/pytest" "${PYTEST_ARGS[@]}" -m "not postgres and not redis"
}

run_pytest_postgres() {
    if [ -z "${PG_URL:-}" ]; then
        echo "PostgreSQL did not start: see the Services step above." >&2
        return 1
    fi
    # EXPECT_POSTGRES tells tests/test_database_backend.py this pass must be on PostgreSQL.
    # The browser journeys ran in the first pass: their live server has its own
    # SQLite database whatever DATABASE_URL says, so a second run would repeat it.
    env "DATABASE_URL=$PG_URL" EXPECT_POSTGRES=1 \
        "CACHE_URL=redis://127.0.0.1:6379/${REDIS_TEST_DB:-1}" \
        "$BIN/pytest" "${PYTEST_ARGS[@]}" -m "not browser"
}

services() {
    local rc=0
    PG_URL="$(scripts/postgres.sh start)" || { PG_URL=""; rc=1; }
    if [ -n "$PG_URL" ]; then
        PG_URL="${PG_TEST_URL:-$PG_URL}"
        echo "PostgreSQL: $PG_URL"
    fi
    start_service "search engine" scripts/engine.sh || rc=1
    start_service "stripe-mock" scripts/stripe-mock.sh || rc=1
    # Debian's chromium and axe-core for tests/browser (installed once).
    scripts/chromium.sh >/dev/null || rc=1
    # DejaVu Sans for the QR label sheets (fonts-dejavu-core, installed once).
    scripts/fonts.sh >/dev/null || rc=1
    start_service "Redis" scripts/redis.sh || rc=1
    return "$rc"
}

mkdir -p var
step "Lint: ruff check" "$BIN/ruff" check .
step "Lint: ruff format --check" "$BIN/ruff" format --check .
step "Lint: djhtml --check templates" "$BIN/djhtml" --tabwidth 2 --check templates
step "Lint: import layers" "$BIN/python" scripts/check_imports.py
step "Django: manage.py check" env "${CHECK_ENV[@]}" "$BIN/python" manage.py check
step "Django: makemigrations --check" env "${CHECK_ENV[@]}" \
    "$BIN/python" manage.py makemigrations --check --dry-run
PG_URL=""
step "Services: PostgreSQL 15, search engine, stripe-mock, Redis, chromium, fonts" services
if [ "${SERIAL_PASSES:-0}" = "1" ]; then
    step "pytest on SQLite" run_pytest_sqlite
    step "pytest on PostgreSQL 15" run_pytest_postgres
else
    # Two cores: the passes run side by side. Each has its own database, index
    # prefix, media folders and cache key prefix (marketplace/settings/test.py), and
    # no test stops a shared service; each log is printed when its pass ends.
    header "pytest on SQLite and on PostgreSQL 15, side by side"
    echo "logs: var/test-sqlite.log and var/test-postgres.log (SERIAL_PASSES=1: one by one)"
    run_pytest_sqlite >var/test-sqlite.log 2>&1 &
    SQLITE_PID=$!
    run_pytest_postgres >var/test-postgres.log 2>&1 &
    POSTGRES_PID=$!
    step "pytest on SQLite" show_pass "$SQLITE_PID" var/test-sqlite.log
    step "pytest on PostgreSQL 15" show_pass "$POSTGRES_PID" var/test-postgres.log
fi
finish
