"""Builds FoldCharacters.txt, the folding table of ChineseScript.Fold, from
the exported OpenCC dictionaries and Unihan. Called by generate.sh.

    python3 build-fold.py <data dir> <Unihan_Variants.txt.bz2> <Unihan_OtherMappings.txt.bz2> <stats file>
"""
import bz2
import sys
import unicodedata

data_dir, unihan_path, unihan_other_path, stats_path = sys.argv[1:5]


def read(name):
    table = {}
    with open(f"{data_dir}/{name}.txt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            key, sep, value = line.rstrip("\n").partition("\t")
            if not sep or not key or not value or "\t" in value:
                sys.exit(f"{name}.txt:{n}: malformed line {line!r}")
            table[key] = value
    return table


def one_code_point(name, table):
    for k, v in table.items():
        if len(k) != 1 or len(v) != 1:
            sys.exit(f"{name}: {k!r} -> {v!r} is not one code point to one")


ts = read("TSCharacters")
st = read("STCharacters")
one_code_point("TSCharacters", ts)

# Fold() normalizes its input to NFC before looking anything up, so a key that
# is not NFC could never match.
for k, v in ts.items():
    for s in (k, v):
        if unicodedata.normalize("NFC", s) != s:
            sys.exit(f"TSCharacters: not NFC: U+{ord(s):04X}")

# Folding table: OpenCC first, then Unihan only where OpenCC is silent.
fold = dict(ts)
# Characters OpenCC treats as Simplified (a TS target or an ST source) must
# stay put, even if Unihan knows a yet simpler variant (e.g. 榝 -> U+2C0AE).
opencc_simplified = set(ts.values()) | set(st)

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


def resolve(table):
    """Follows chains (OpenCC has 薴 -> 苧 -> 苎) so that folding is idempotent:
    a Traditional query and its half-folded form must meet on the same key."""
    changed = 0
    for key in list(table):
        seen = {key}
        target = table[key]
        while target in table and table[target] != target:
            if target in seen:
                sys.exit(f"fold: cycle through {key!r}")
            seen.add(target)
            target = table[target]
        if target != table[key]:
            changed += 1
            table[key] = target
    return changed


chains = resolve(fold)


def folded(c):
    return fold.get(c, c)


# Regional variants (裡/裏, 着/著, 峰/峯 ...) must meet on one key too, or a
# search for 裡 misses 裏. Where the table above keeps a pair apart, fold one
# side's key into the other's: into what t2s produces (a TSCharacters value)
# when only one side is that, else into OpenCC's standard form (the key of the
# forward dictionaries, the value of the Rev ones), so that 着 stays 着.
ts_targets = set(ts.values())
variant_rows = []
for name, forward in (("TWVariants", True), ("TWVariantsRev", False),
                      ("HKVariants", True), ("HKVariantsRev", False)):
    table = read(name)
    one_code_point(name, table)
    for k, v in table.items():
        a, b = folded(k), folded(v)
        if a == b:
            continue
        target, source = (a, b) if forward else (b, a)
        if source in ts_targets and target not in ts_targets:
            target, source = source, target
        fold[source] = target
        variant_rows.append(f"{name}: {k} {v}: {source} -> {target}")
        resolve(fold)

for name in ("TWVariants", "TWVariantsRev", "HKVariants", "HKVariantsRev"):
    for k, v in read(name).items():
        if folded(k) != folded(v):
            sys.exit(f"{name}: {k} and {v} still fold apart")

# Identity rows change nothing; drop them.
identity = [k for k, v in fold.items() if k == v]
for k in identity:
    del fold[k]

# Python orders str by code point, which is also the byte order of UTF-8:
# independent of locale, so the output is reproducible.
with open(f"{data_dir}/FoldCharacters.txt", "w", encoding="utf-8", newline="\n") as f:
    for key, value in sorted(fold.items()):
        f.write(f"{key}\t{value}\n")

with open(stats_path, "w", encoding="utf-8") as f:
    f.write(f"unihan_version={unihan_version}\n")
    f.write(f"unihan_added={unihan_added}\n")
    f.write(f"unihan_standard={unihan_standard}\n")
    f.write(f"chains={chains}\n")
    f.write(f"identity={len(identity)}\n")
    f.write(f"opencc_ts={len(ts)}\n")
    f.write(f"variant_added={len(variant_rows)}\n")
with open(stats_path + ".variants", "w", encoding="utf-8") as f:
    f.write("".join(r + "\n" for r in variant_rows))
