#!/usr/bin/env bash
# Installs what the browser tests (tests/WikiViewer.BrowserTests) need on a
# Debian/Ubuntu machine: Debian's chromium, which Playwright drives through
# ExecutablePath, and a font with Chinese glyphs (without one every screenshot
# shows boxes). Does nothing when both are already there. Needs root (or sudo).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    need+=(fonts-wqy-microhei fontconfig)
fi
[ ${#need[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

echo "install-test-deps: installing ${need[*]}" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-test-deps: FAILED to install ${need[*]} (output above)" >&2
    exit 1
fi

command -v chromium >/dev/null 2>&1 || { echo "install-test-deps: chromium is still not on PATH after installing" >&2; exit 1; }
[ -n "$(fc-list :lang=zh family)" ] || { echo "install-test-deps: fc-list :lang=zh still finds no Chinese font" >&2; exit 1; }
