#!/usr/bin/env bash
# Regenerates src/WikiViewer/Text/Data/ from the Debian packages `opencc`
# (opencc_dict + dictionaries) and `unicode-data` (Unihan). The output is
# committed, so the build never needs these packages; run this only to move
# to a newer OpenCC or Unihan.
#
#   tools/opencc/generate.sh
#
# Needs: opencc (opencc_dict), libopencc-data, unicode-data, python3, dpkg-query.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out_dir="$repo_root/src/WikiViewer/Text/Data"
opencc_dir="${OPENCC_DIR:-/usr/share/opencc}"
unihan_variants="${UNIHAN_VARIANTS:-/usr/share/unicode/Unihan_Variants.txt.bz2}"
unihan_other="${UNIHAN_OTHER_MAPPINGS:-/usr/share/unicode/Unihan_OtherMappings.txt.bz2}"
opencc_copyright="${OPENCC_COPYRIGHT:-/usr/share/doc/opencc/copyright}"
unicode_copyright="${UNICODE_COPYRIGHT:-/usr/share/doc/unicode-data/copyright}"

for tool in opencc_dict python3 dpkg-query; do
    command -v "$tool" >/dev/null || { echo "generate.sh: '$tool' not found" >&2; exit 1; }
done
for f in "$unihan_variants" "$unihan_other" "$opencc_copyright" "$unicode_copyright"; do
    [[ -r "$f" ]] || { echo "generate.sh: cannot read $f" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dicts=(TSCharacters TSPhrases STCharacters STPhrases)
for d in "${dicts[@]}"; do
    opencc_dict -i "$opencc_dir/$d.ocd2" -o "$work/$d.txt" -f ocd2 -t text
done

opencc_version="$(dpkg-query -W -f='${Version}' opencc)"
opencc_data_version="$(dpkg-query -W -f='${Version}' libopencc-data)"
unicode_data_version="$(dpkg-query -W -f='${Version}' unicode-data)"

mkdir -p "$out_dir"

python3 - "$work" "$out_dir" "$unihan_variants" "$unihan_other" <<'PY'
import bz2, sys, unicodedata

work, out_dir, unihan_path, unihan_other_path = sys.argv[1:5]

def read_opencc(name):
    table = {}
    with open(f"{work}/{name}.txt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            key, sep, cands = line.partition("\t")
            if not sep or not key or not cands:
                sys.exit(f"{name}.txt:{n}: malformed line {line!r}")
            if key in table:
                sys.exit(f"{name}.txt:{n}: duplicate key {key!r}")
            # Fold() normalizes its input to NFC before looking anything up,
            # so a key that is not NFC could never match.
            for s in [key, *cands.split(" ")]:
                if unicodedata.normalize("NFC", s) != s:
                    sys.exit(f"{name}.txt:{n}: not NFC: {s!r}")
            table[key] = cands.split(" ")
    return table

def write_sorted(name, rows):
    # Python orders str by code point, which is also the byte order of UTF-8:
    # independent of locale, so the output is reproducible.
    with open(f"{out_dir}/{name}.txt", "w", encoding="utf-8", newline="\n") as f:
        for key, value in sorted(rows):
            f.write(f"{key}\t{value}\n")

ts = read_opencc("TSCharacters")
st = read_opencc("STCharacters")
# TSCharactersOpenCC is OpenCC's own table, for display (ChineseConverter.ToSimplified):
# the folding table below adds Unihan variants that often map a rare character
# to one in a later CJK extension, which few fonts can show.
for name, table in (("TSPhrases", read_opencc("TSPhrases")),
                    ("STPhrases", read_opencc("STPhrases")),
                    ("STCharacters", st),
                    ("TSCharactersOpenCC", ts)):
    write_sorted(name, ((k, " ".join(v)) for k, v in table.items()))

for k in ts:
    if len(k) != 1:
        sys.exit(f"TSCharacters: key {k!r} is not one code point")

# Folding table: OpenCC first, then Unihan only where OpenCC is silent.
fold = {k: v[0] for k, v in ts.items()}
# Characters OpenCC treats as Simplified (a TS target or an ST source) must
# stay put, even if Unihan knows a yet simpler variant (e.g. 榝 -> U+2C0AE).
opencc_simplified = {c for v in ts.values() for c in v} | set(st)

# Characters of the Table of General Standard Chinese Characters (通用规范汉字表,
# Unihan kTGH) are standard Simplified: Unihan would otherwise fold 幺 into 么
# (merging it with 麼) and 瑙 into an Extension G ideograph.
standard = set()
with bz2.open(unihan_other_path, "rt", encoding="utf-8") as f:
    for line in f:
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 3 and fields[1] == "kTGH":
            standard.add(chr(int(fields[0][2:], 16)))
if len(standard) < 8000:
    sys.exit(f"Unihan: expected ~8105 kTGH entries, found {len(standard)}")

unihan_added = 0
unihan_standard = 0
unihan_version = "?"
with bz2.open(unihan_path, "rt", encoding="utf-8") as f:
    for line in f:
        if line.startswith("# Unicode version:"):
            unihan_version = line.split(":", 1)[1].strip()
        if line.startswith("#") or not line.strip():
            continue
        cp, field, value = line.rstrip("\n").split("\t")
        if field != "kSimplifiedVariant":
            continue
        key = chr(int(cp[2:], 16))
        targets = [chr(int(t.split("<")[0][2:], 16)) for t in value.split(" ")]
        if len(targets) != 1 or targets[0] == key:
            continue
        if key in ts or key in opencc_simplified:
            continue
        if key in standard:
            unihan_standard += 1
            continue
        for s in (key, targets[0]):
            if unicodedata.normalize("NFC", s) != s:
                sys.exit(f"Unihan: not NFC: U+{ord(s):04X}")
        fold[key] = targets[0]
        unihan_added += 1

# Resolve chains (OpenCC has 薴 -> 苧 -> 苎) so that folding is idempotent:
# a Traditional query and its half-folded form must meet on the same key.
chains = 0
for key in list(fold):
    seen = {key}
    target = fold[key]
    while target in fold and fold[target] != target:
        if target in seen:
            sys.exit(f"TSCharacters: cycle through {key!r}")
        seen.add(target)
        target = fold[target]
    if target != fold[key]:
        chains += 1
        fold[key] = target

# Identity rows (OpenCC lists e.g. 阪 -> 阪 first) change nothing; drop them.
identity = [k for k, v in fold.items() if k == v]
for k in identity:
    del fold[k]

write_sorted("TSCharacters", fold.items())

with open(f"{work}/stats", "w") as f:
    f.write(f"unihan_version={unihan_version}\n")
    f.write(f"unihan_added={unihan_added}\n")
    f.write(f"unihan_standard={unihan_standard}\n")
    f.write(f"chains={chains}\n")
    f.write(f"identity={len(identity)}\n")
    f.write(f"opencc_ts={len(ts)}\n")
PY

opencc_ts_lines="$(wc -l < "$work/TSCharacters.txt" | tr -d ' ')"

# shellcheck disable=SC1091
source "$work/stats"

count() { wc -l < "$out_dir/$1" | tr -d ' '; }
size() { stat -c %s "$out_dir/$1"; }

# Licence files are .md so the csproj's Text\Data\*.txt glob doesn't embed them.
{
    echo "# OpenCC copyright and licence"
    echo
    echo "Copied verbatim from the Debian package \`opencc\` $opencc_version"
    echo "(\`$opencc_copyright\`). The dictionaries in this folder are derived from"
    echo "OpenCC's and are used under the Apache License 2.0."
    echo
    echo '```text'
    cat "$opencc_copyright"
    echo '```'
} > "$out_dir/LICENSE-OpenCC.md"

{
    echo "# Unicode copyright and licence"
    echo
    echo "Copied verbatim from the Debian package \`unicode-data\` $unicode_data_version"
    echo "(\`$unicode_copyright\`). Debian ships an older wording of Unicode's"
    echo "data-files licence; Unicode, Inc. now publishes the same permissive terms as"
    echo "the Unicode License v3 (SPDX \`Unicode-3.0\`, https://www.unicode.org/license.txt)."
    echo "\`TSCharacters.txt\` contains entries derived from Unihan's \`kSimplifiedVariant\`"
    echo "field (modified: filtered and merged with OpenCC, see README.md)."
    echo
    echo '```text'
    cat "$unicode_copyright"
    echo '```'
} > "$out_dir/LICENSE-Unicode.md"

cat > "$out_dir/README.md" <<MD
# Chinese script data

Generated by \`tools/opencc/generate.sh\`; do not edit by hand. Regenerate with

    tools/opencc/generate.sh

on a Debian/Ubuntu machine with the packages \`opencc\`, \`libopencc-data\`,
\`unicode-data\` and \`python3\` installed. The build and tests need none of them.
The \`.txt\` files are embedded into the assembly as
\`WikiViewer.Text.Data.<file name>\` (see \`WikiViewer.csproj\`).

## Origin

- OpenCC $opencc_data_version (Debian packages \`opencc\` $opencc_version and
  \`libopencc-data\` $opencc_data_version), dictionaries from
  \`$opencc_dir/*.ocd2\`, exported with
  \`opencc_dict -i X.ocd2 -o X.txt -f ocd2 -t text\`.
- Unihan $unihan_version (Debian package \`unicode-data\` $unicode_data_version),
  field \`kSimplifiedVariant\` of \`$unihan_variants\`
  and field \`kTGH\` of \`$unihan_other\`.

## Files

| File | Lines | Bytes | Content |
|---|---:|---:|---|
| \`TSCharacters.txt\` | $(count TSCharacters.txt) | $(size TSCharacters.txt) | Traditional → Simplified, one character each: the folding table used by \`ChineseScript.Fold\` |
| \`TSCharactersOpenCC.txt\` | $(count TSCharactersOpenCC.txt) | $(size TSCharactersOpenCC.txt) | OpenCC TSCharacters, all candidates: the character stage of \`ChineseConverter.ToSimplified\` (display) |
| \`TSPhrases.txt\` | $(count TSPhrases.txt) | $(size TSPhrases.txt) | OpenCC TSPhrases, all candidates |
| \`STCharacters.txt\` | $(count STCharacters.txt) | $(size STCharacters.txt) | OpenCC STCharacters, all candidates |
| \`STPhrases.txt\` | $(count STPhrases.txt) | $(size STPhrases.txt) | OpenCC STPhrases, all candidates |

Format: UTF-8, one entry per line, \`key<TAB>candidate1 candidate2 …\`
(OpenCC's text format), sorted by key in code-point order. \`TSCharacters.txt\`
has exactly one candidate per line.

\`TSCharacters.txt\` is built as follows:

1. OpenCC's TSCharacters ($opencc_ts_lines lines), first candidate only
   (e.g. \`乾 干 乾\` becomes \`乾 干\`).
2. Plus $unihan_added Unihan \`kSimplifiedVariant\` entries for characters OpenCC has
   no entry for. Skipped: entries mapping a character to itself or to several
   code points, characters OpenCC treats as already Simplified (a target of
   TSCharacters or a key of STCharacters), and characters of the Table of
   General Standard Chinese Characters (Unihan \`kTGH\`, $unihan_standard skipped,
   e.g. \`幺 → 么\`, which would merge 幺 with 么/麼).
3. Chains are resolved so folding is idempotent ($chains entry changed,
   e.g. OpenCC's \`薴 → 苧\` and \`苧 → 苎\` give \`薴 → 苎\`).
4. Identity rows are dropped ($identity, e.g. OpenCC's \`阪 阪 坂\`).

## Licences

- OpenCC dictionaries: Apache License 2.0, © BYVoid and contributors;
  see \`LICENSE-OpenCC.md\`.
- Unihan data: Unicode License v3 (Unicode-3.0), © Unicode, Inc.; see
  \`LICENSE-Unicode.md\`. The Unihan-derived rows of \`TSCharacters.txt\` are
  modified (filtered and merged) as described above.
MD

echo "Wrote $out_dir:"
for f in TSCharacters.txt TSCharactersOpenCC.txt TSPhrases.txt STCharacters.txt STPhrases.txt; do
    printf '  %-24s %7s lines %9s bytes\n' "$f" "$(count "$f")" "$(size "$f")"
done
