#!/usr/bin/env bash
# Make sure VENV is a Python 3.11 virtualenv, creating it when missing or when it
# was built with another Python. On a fresh Debian machine without Python 3.11
# (or without its venv module) the Debian packages are installed first.
#
# Usage: scripts/venv.sh [PYTHON] [VENV]     (defaults: python3.11 .venv)
set -euo pipefail

PYTHON="${1:-python3.11}"
VENV="${2:-.venv}"

is_py311() {
    "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null
}

apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@" || { $sudo apt-get -o DPkg::Lock::Timeout=300 update -q && $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@"; }
}

if [ -x "$VENV/bin/python" ] && is_py311 "$VENV/bin/python" \
    && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    exit 0
fi

if ! command -v "$PYTHON" >/dev/null 2>&1 || ! is_py311 "$PYTHON"; then
    if command -v python3 >/dev/null 2>&1 && is_py311 python3; then
        PYTHON=python3
    elif command -v apt-get >/dev/null 2>&1; then
        echo "Python 3.11 not found: installing Debian's python3.11" >&2
        apt_install python3.11 python3.11-venv
        PYTHON=python3.11
    else
        echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)" >&2
        exit 1
    fi
fi

echo "Creating $VENV with $("$PYTHON" --version)" >&2
rm -rf "$VENV"
if ! "$PYTHON" -m venv "$VENV"; then
    # Debian splits ensurepip into its own package.
    apt_install python3.11-venv
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip
