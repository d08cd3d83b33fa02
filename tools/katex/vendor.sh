#!/usr/bin/env bash
# Vendors KaTeX from the npm registry into src/WikiViewer/wwwroot/lib/katex/:
# the minified script and stylesheet, the woff2 fonts and the licence. The
# viewer is offline and its Content-Security-Policy allows nothing from
# elsewhere, so KaTeX is served from wwwroot and committed with the source.
#
# usage: tools/katex/vendor.sh [VERSION]   (default: the version pinned below)
#
# Only woff2 is shipped (every browser that runs KaTeX reads it); the
# stylesheet's woff and ttf fallbacks are cut so that it names only files that
# exist, which the static export follows from the stylesheet's url(...)s.
set -euo pipefail

version="${1:-0.19.1}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/src/WikiViewer/wwwroot/lib/katex"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "katex@$version" >/dev/null)
dist="$work/node_modules/katex/dist"

rm -rf "$target"
mkdir -p "$target/fonts"
cp "$dist/katex.min.js" "$target/"
cp "$dist/fonts/"*.woff2 "$target/fonts/"
cp "$work/node_modules/katex/LICENSE" "$target/LICENSE"
# src:url(fonts/X.woff2) format("woff2"),url(fonts/X.woff) format("woff"),url(fonts/X.ttf) format("truetype")
# becomes src:url(fonts/X.woff2) format("woff2").
sed -E 's/,url\(fonts\/[A-Za-z0-9_-]+\.(woff|ttf)\) format\("(woff|truetype)"\)//g' "$dist/katex.min.css" > "$target/katex.min.css"
if grep -Eq '\.(woff|ttf)\)' "$target/katex.min.css"; then
    echo "vendor.sh: katex.min.css still names woff or ttf fonts; update the sed expression" >&2
    exit 1
fi

echo "$version" > "$target/VERSION"
echo "KaTeX $version vendored into $target"
