#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK on a Debian/Ubuntu machine:
# - for the browser tests (tests/WikiViewer.BrowserTests): Debian's chromium,
#   which Playwright drives through ExecutablePath, and a font with Chinese
#   glyphs (without one every screenshot shows boxes);
# - for the OpenCC differential test (tests/WikiViewer.Tests/Text): node and
#   npm, and the pinned opencc-js of tests/opencc-reference (npm ci).
# Does nothing when all of it is already there. Needs root (or sudo) to install
# packages.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    need+=(fonts-wqy-microhei fontconfig)
fi

install_reference() {
    [ -d "$repo_root/tests/opencc-reference/node_modules/opencc-js" ] && return 0
    echo "install-test-deps: npm ci --prefix tests/opencc-reference" >&2
    npm ci --prefix "$repo_root/tests/opencc-reference" --no-audit --no-fund >&2 \
        || { echo "install-test-deps: FAILED: npm ci --prefix tests/opencc-reference" >&2; exit 1; }
}

if [ ${#need[@]} -eq 0 ]; then
    install_reference
    exit 0
fi

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
command -v node >/dev/null 2>&1 || { echo "install-test-deps: node is still not on PATH after installing" >&2; exit 1; }
install_reference
