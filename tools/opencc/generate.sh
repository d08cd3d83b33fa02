#!/usr/bin/env bash
# Regenerates src/WikiViewer/Text/Data/ from the npm package opencc-js (the
# OpenCC dictionaries, exactly as opencc-js loads them) and the Debian package
# `unicode-data` (Unihan, for the folding table). The output is committed, so
# the build never needs either; run this only to move to a newer opencc-js or
# Unihan (and then update the version pinned below, the one in
# tests/opencc-reference/package.json, and WikiViewer.Text.OpenCcConverter's
# configs if the preset changed).
#
#   tools/opencc/generate.sh
#
# Needs: node and npm (network access to the npm registry), python3,
# unicode-data, dpkg-query.
set -euo pipefail

opencc_js_version=1.4.2

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
script_dir="$repo_root/tools/opencc"
out_dir="$repo_root/src/WikiViewer/Text/Data"
unihan_variants="${UNIHAN_VARIANTS:-/usr/share/unicode/Unihan_Variants.txt.bz2}"
unihan_other="${UNIHAN_OTHER_MAPPINGS:-/usr/share/unicode/Unihan_OtherMappings.txt.bz2}"
unicode_copyright="${UNICODE_COPYRIGHT:-/usr/share/doc/unicode-data/copyright}"

for tool in node npm python3 dpkg-query; do
    command -v "$tool" >/dev/null || { echo "generate.sh: '$tool' not found" >&2; exit 1; }
done
for f in "$unihan_variants" "$unihan_other" "$unicode_copyright"; do
    [[ -r "$f" ]] || { echo "generate.sh: cannot read $f" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A throwaway project, so that npm writes a package-lock.json with the
# tarball's integrity (sha512) for the README.
(cd "$work" && npm init -y >/dev/null \
    && npm install --save-exact --ignore-scripts --no-audit --no-fund "opencc-js@$opencc_js_version" >/dev/null)
pkg="$work/node_modules/opencc-js"
installed="$(node -p "require('$pkg/package.json').version")"
[[ "$installed" == "$opencc_js_version" ]] || { echo "generate.sh: npm installed opencc-js $installed, not $opencc_js_version" >&2; exit 1; }
integrity="$(node -p "require('$work/package-lock.json').packages['node_modules/opencc-js'].integrity")"
[[ "$integrity" == sha512-* ]] || { echo "generate.sh: no sha512 integrity in package-lock.json" >&2; exit 1; }

# Everything this script writes, so that files of an older release go away.
rm -f "$out_dir"/*.txt "$out_dir"/LICENSE-*.md "$out_dir"/THIRD_PARTY_LICENSES.md "$out_dir"/README.md
mkdir -p "$out_dir"

node "$script_dir/export-dicts.mjs" "$pkg" "$out_dir" > "$work/configs.tsv"
python3 "$script_dir/build-fold.py" "$out_dir" "$unihan_variants" "$unihan_other" "$work/stats"

unicode_data_version="$(dpkg-query -W -f='${Version}' unicode-data)"
# shellcheck disable=SC1091
source "$work/stats"

count() { wc -l < "$out_dir/$1" | tr -d ' '; }
size() { stat -c %s "$out_dir/$1"; }

# Licence files are .md so the csproj's Text\Data\*.txt glob doesn't embed them.
{
    echo "# opencc-js licence (MIT)"
    echo
    echo "Copied verbatim from \`LICENSE\` of the npm package opencc-js $opencc_js_version."
    echo "opencc-js is \"MIT AND Apache-2.0\": its code is MIT, its dictionary data"
    echo "(derived from OpenCC through opencc-data) Apache-2.0, see"
    echo "\`LICENSE-Apache-2.0.md\` and \`THIRD_PARTY_LICENSES.md\`."
    echo
    echo '```text'
    cat "$pkg/LICENSE"
    echo '```'
} > "$out_dir/LICENSE-opencc-js.md"

{
    echo "# Apache License 2.0"
    echo
    echo "Copied verbatim from \`LICENSES/Apache-2.0.txt\` of the npm package opencc-js"
    echo "$opencc_js_version. The dictionaries in this folder (all \`.txt\` files but"
    echo "\`FoldCharacters.txt\`'s Unihan rows) are OpenCC's, © Carbo Kuo (BYVoid) and"
    echo "contributors, used under this licence."
    echo
    echo '```text'
    cat "$pkg/LICENSES/Apache-2.0.txt"
    echo '```'
} > "$out_dir/LICENSE-Apache-2.0.md"

cp "$pkg/THIRD_PARTY_LICENSES.md" "$out_dir/THIRD_PARTY_LICENSES.md"

{
    echo "# Unicode copyright and licence"
    echo
    echo "Copied verbatim from the Debian package \`unicode-data\` $unicode_data_version"
    echo "(\`$unicode_copyright\`). Debian ships an older wording of Unicode's"
    echo "data-files licence; Unicode, Inc. now publishes the same permissive terms as"
    echo "the Unicode License v3 (SPDX \`Unicode-3.0\`, https://www.unicode.org/license.txt)."
    echo "\`FoldCharacters.txt\` contains entries derived from Unihan's \`kSimplifiedVariant\`"
    echo "field (modified: filtered and merged with OpenCC, see README.md)."
    echo
    echo '```text'
    cat "$unicode_copyright"
    echo '```'
} > "$out_dir/LICENSE-Unicode.md"

dict_rows() {
    local f
    for f in "$out_dir"/*.txt; do
        f="$(basename "$f")"
        [[ "$f" == FoldCharacters.txt ]] && continue
        echo "| \`$f\` | $(count "$f") | $(size "$f") | OpenCC dictionary |"
    done
}

config_rows() {
    local name norm seg chain
    while IFS=$'\t' read -r name norm seg chain; do
        seg="${seg#seg=}"
        chain="${chain#chain=}"
        echo "| \`$name\` | ${norm#norm=} | ${seg:-—} | ${chain//|/ → } |"
    done < "$work/configs.tsv"
}

variant_rows() {
    sed 's/^/   - /' "$work/stats.variants"
}

cat > "$out_dir/README.md" <<MD
# Chinese script data

Generated by \`tools/opencc/generate.sh\`; do not edit by hand. Regenerate with

    tools/opencc/generate.sh

on a Debian/Ubuntu machine with node, npm, \`unicode-data\` and \`python3\`
installed. The build and tests need none of them (the differential test needs
node, see \`tests/opencc-reference\`). The \`.txt\` files are embedded into the
assembly as \`WikiViewer.Text.Data.<file name>\` (see \`WikiViewer.csproj\`).

## Origin

- OpenCC 1.4.2's dictionaries as shipped by the npm package
  [opencc-js](https://www.npmjs.com/package/opencc-js) $opencc_js_version
  (integrity \`$integrity\`), read from
  \`dist/esm-lib/dict/*.js\`, one file per dictionary the configs below use.
- Unihan $unihan_version (Debian package \`unicode-data\` $unicode_data_version),
  field \`kSimplifiedVariant\` of \`$unihan_variants\`
  and field \`kTGH\` of \`$unihan_other\`.

## Files

| File | Lines | Bytes | Content |
|---|---:|---:|---|
$(dict_rows)
| \`FoldCharacters.txt\` | $(count FoldCharacters.txt) | $(size FoldCharacters.txt) | Traditional → Simplified, one character each: the folding table of \`ChineseScript.Fold\` |

Format: UTF-8, one entry per line, \`key<TAB>value\`, sorted by key in
code-point order. The OpenCC files hold exactly the pairs opencc-js's
\`Trie.loadDict\` loads: one value per key (opencc-js keeps the first
candidate; the $opencc_js_version data has only one), and where a dictionary
repeated a key, the later entry (the generator resolves that; this release has
no repeats).

## Configs

From \`configs\` of opencc-js's \`dist/esm-lib/preset/full.js\`, as
\`WikiViewer.Text.OpenCcConverter\` implements them. Within a group all
dictionaries form one trie, the first dictionary listed winning a key that
several have; matching is longest match over that trie.

| Config | Normalization | Segmentation | Conversion chain (groups → in order) |
|---|---|---|---|
$(config_rows)

## Differences from C++ OpenCC 1.4.2

We follow opencc-js, which differs from the C++ library's own configs
(\`data/config/*.json\` of OpenCC 1.4.2) as follows:

- **t2s, tw2s, tw2sp, hk2s** do not use \`TSCharactersExt\` (the C++ configs put it
  between TSPhrases and TSCharacters, mapping rarer Traditional characters to
  Simplified ones that need newer fonts). opencc-js does not ship it, so such
  characters pass through unchanged.
- **Groups are unions, not \`short_circuit\`.** The C++ configs mark their
  conversion groups \`match_policy: short_circuit\`: the first dictionary with
  any match decides, even if a later dictionary of the group has a longer
  match. opencc-js merges a group into one trie and takes the longest match
  over all of its dictionaries (the first dictionary wins only on equal keys).
- **s2t and the other s2… configs nest STPhrases and
  STPhrases_GeneratedFromRegionalPhrases in a \`union\` group inside the
  \`short_circuit\` group in C++**; opencc-js flattens the three dictionaries into
  one group (the same union as above).
- **Segmentation.** Where C++ has a segmentation (\`mmseg\` over the same
  dictionaries: s2tw, s2twp, s2hk, tw2s, tw2sp, hk2s), opencc-js's
  \`Trie.segment\` does maximum forward matching, coalescing consecutive
  unmatched code points into one segment; every group then converts each
  segment on its own. We do exactly what opencc-js does and have not checked
  C++'s segmenter against it case by case.
- **Unmatched text** advances over a whole Ideographic Description Sequence
  (U+2FF0–U+2FFF with its operands) at once, as opencc-js's
  \`getUnmatchedLength\` does, so no dictionary key matches inside one.
- **Offered configs.** Only those listed above; opencc-js's jp2t, t2jp, s2hkp and
  hk2sp are not exported.

## FoldCharacters.txt

Built by \`tools/opencc/build-fold.py\`:

1. OpenCC's TSCharacters ($opencc_ts lines).
2. Plus $unihan_added Unihan \`kSimplifiedVariant\` entries for characters OpenCC has
   no entry for. Skipped: entries mapping a character to itself or to several
   code points, characters OpenCC treats as already Simplified (a value of
   TSCharacters or a key of STCharacters), and characters of the Table of
   General Standard Chinese Characters (Unihan \`kTGH\`, $unihan_standard skipped).
3. Chains are resolved so folding is idempotent ($chains entry changed,
   e.g. \`薴 → 苧\` and \`苧 → 苎\` give \`薴 → 苎\`).
4. Every single-character pair of TWVariants, TWVariantsRev, HKVariants and
   HKVariantsRev must fold to one key, so that search finds regional
   spellings (裡/裏, 着/著). Where steps 1–3 keep a pair apart, one side's key
   is folded into the other's: into the TSCharacters value if only one side is
   one, else into OpenCC's standard form (the key of TWVariants/HKVariants,
   the value of the Rev dictionaries). $variant_added rows added:
$(variant_rows)

   Note that this merges characters that Simplified Chinese keeps apart in
   a few of these pairs (幺 with 么, 颚 with 腭, 着 with 著): search treats
   them as one, as it already treats 裡, 裏 and 里.
5. Identity rows are dropped ($identity).

## Licences

- OpenCC dictionaries: Apache License 2.0, © Carbo Kuo (BYVoid) and
  contributors, redistributed by opencc-js (through opencc-data); see
  \`LICENSE-Apache-2.0.md\` and \`THIRD_PARTY_LICENSES.md\`. opencc-js itself
  (whose code is not copied here) is MIT, © The nk2028 Project; see
  \`LICENSE-opencc-js.md\`.
- Unihan data: Unicode License v3 (Unicode-3.0), © Unicode, Inc.; see
  \`LICENSE-Unicode.md\`. The Unihan-derived rows of \`FoldCharacters.txt\` are
  modified (filtered and merged) as described above.
MD

echo "Wrote $out_dir:"
for f in "$out_dir"/*.txt; do
    printf '  %-46s %7s lines %9s bytes\n' "$(basename "$f")" "$(count "$(basename "$f")")" "$(size "$(basename "$f")")"
done
