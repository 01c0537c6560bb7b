#!/usr/bin/env bash
# PostgreSQL 15 for the test suite and the benchmark: installs the Debian package
# when missing, starts the cluster, creates the `ocop` role and database, and
# prints the DATABASE_URL. Safe to run again at any time.
#
# Usage: scripts/postgres.sh [start|stop|status|url]   (default: start)
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_USER="ocop"
PG_PASSWORD="ocop"
PG_DB="ocop"

log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
    # The server and its superuser belong to the `postgres` system user.
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        sudo -n -u postgres -- "$@"
    fi
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

install_server() {
    if command -v pg_ctlcluster >/dev/null 2>&1 \
        && [ -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ]; then
        return
    fi
    log "installing the Debian PostgreSQL ${PG_VERSION} package"
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q "postgresql-${PG_VERSION}" >&2; then
        as_root apt-get -o DPkg::Lock::Timeout=300 update -q >&2
        as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q "postgresql-${PG_VERSION}" >&2
    fi
}

cluster_port() {
    pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" \
        '$1 == v && $2 == c { print $3 }'
}

ensure_cluster() {
    if [ -z "$(cluster_port)" ]; then
        log "creating cluster ${PG_VERSION}/${PG_CLUSTER}"
        as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >&2
    fi
}

is_running() {
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1
}

wait_ready() {
    local port="$1"
    for _ in $(seq 1 60); do
        if pg_isready -q -h 127.0.0.1 -p "$port"; then
            return 0
        fi
        sleep 0.5
    done
    log "PostgreSQL did not accept connections on 127.0.0.1:${port} within 30 s"
    log "see /var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log"
    return 1
}

psql_super() {
    local port="$1"
    shift
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"
}

ensure_role_and_database() {
    local port="$1"
    if [ "$(psql_super "$port" -tAc \
        "SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}'")" != "1" ]; then
        log "creating role ${PG_USER}"
        psql_super "$port" -c \
            "CREATE ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}'"
    fi
    if [ "$(psql_super "$port" -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")" != "1" ]; then
        log "creating database ${PG_DB}"
        psql_super "$port" -c "CREATE DATABASE ${PG_DB} OWNER ${PG_USER}"
    fi
}

url() {
    echo "postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:$(cluster_port)/${PG_DB}"
}

start() {
    install_server
    ensure_cluster
    if ! is_running; then
        log "starting cluster ${PG_VERSION}/${PG_CLUSTER}"
        as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
    fi
    local port
    port="$(cluster_port)"
    wait_ready "$port"
    ensure_role_and_database "$port"
    url
}

case "${1:-start}" in
    start) start ;;
    stop)
        if command -v pg_ctlcluster >/dev/null 2>&1 && is_running; then
            as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop >&2
        fi
        ;;
    status)
        if command -v pg_ctlcluster >/dev/null 2>&1 && is_running; then
            echo "running: $(url)"
        else
            echo "stopped"
            exit 3
        fi
        ;;
    url) url ;;
    *)
        echo "usage: $0 [start|stop|status|url]" >&2
        exit 2
        ;;
esac
