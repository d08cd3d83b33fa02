#!/usr/bin/env bash
# Rebuilds the vocabulary files in this folder from pinned npm packages.
# Needs node and npm; the generator itself never runs this (it reads the
# committed output), so this only matters when the vocabulary should change.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# --ignore-scripts: no install hooks; --omit=optional: @node-rs/jieba's native
# binaries are optional dependencies and only its dict.txt is wanted here.
npm install --prefix "$tmp" --ignore-scripts --omit=optional \
  --no-audit --no-fund --no-package-lock --loglevel=error \
  @node-rs/jieba@2.0.3 opencc-js@1.4.2 chinese-poetry@2.0.1

node "$here/extract.mjs" "$tmp/node_modules" "$here"

# s2t.tsv derives from OpenCC's dictionaries, which are Apache-2.0: ship the licence with it.
cp "$tmp/node_modules/opencc-js/LICENSES/Apache-2.0.txt" "$here/LICENSE-Apache-2.0.txt"
