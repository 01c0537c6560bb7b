#!/usr/bin/env bash
# The font of the QR label sheets (catalog/label_sheet.py): DejaVu Sans, with every
# Vietnamese letter, from Debian's fonts-dejavu-core. reportlab bundles only Vera,
# which stops at Latin-1. Safe to run again; prints the font directory.
#
# Usage: scripts/fonts.sh [install|status]   (default: install)
set -euo pipefail

FONT_DIR="${LABEL_FONT_DIR:-/usr/share/fonts/truetype/dejavu}"
FILES=(DejaVuSans.ttf DejaVuSans-Bold.ttf)

log() { echo "fonts.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

present() {
    for file in "${FILES[@]}"; do
        [ -f "$FONT_DIR/$file" ] || return 1
    done
}

install_fonts() {
    present && return
    log "installing the Debian fonts-dejavu-core package"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be stale on a fresh machine: update once, then retry.
    if ! as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
        fonts-dejavu-core >&2; then
        as_root apt-get -o DPkg::Lock::Timeout=300 update -q >&2
        as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
            fonts-dejavu-core >&2
    fi
    present || { log "missing ${FILES[*]} in $FONT_DIR"; exit 1; }
}

case "${1:-install}" in
    install)
        install_fonts
        echo "$FONT_DIR"
        ;;
    status)
        if present; then echo "ready: $FONT_DIR"; else echo "missing: fonts-dejavu-core (run scripts/fonts.sh)"; exit 1; fi
        ;;
    *)
        echo "usage: $0 [install|status]" >&2
        exit 2
        ;;
esac
