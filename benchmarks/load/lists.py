#!/usr/bin/env python3
"""Writes the URL lists that wrk draws from, the same pages and queries for
every server.

  lists.py --export DIR --corpus DIR --book NAME --out DIR [--seed S]
           [--sample 500] [--distinct 50000]

pages-{wikiviewer,kiwix,nginx}.txt  every article of the export, one path a line
search-sample-{wikiviewer,kiwix}.txt  a fixed sample of --sample 2-4 character
                                      Chinese queries drawn from the corpus text
search-distinct-{wikiviewer,kiwix}.txt  --distinct other distinct queries drawn
                                      the same way (each sent once: no cache helps)
queries-sample.txt, queries-distinct.txt  the queries themselves

Articles are the exported wiki/*.html pages that name a canonical URL and do
not redirect (the export also holds redirect pages and the pages for titles
that are not in the store). A file name is the title with a few characters
percent-escaped (src/WikiViewer/Export/ExportPaths.cs), so unquote gives the
title back.
"""
import argparse
import os
import random
import re
import sys
from urllib.parse import quote, unquote

HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def articles(export_dir):
    wiki = os.path.join(export_dir, "wiki")
    names = []
    for name in sorted(os.listdir(wiki)):
        if not name.endswith(".html"):
            continue
        with open(os.path.join(wiki, name), encoding="utf-8") as f:
            head = f.read(4096)
        if 'rel="canonical"' in head and 'http-equiv="refresh"' not in head:
            names.append(name)
    return names


def body_text(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        # Categories, interlanguage links and the trailing reference list are not running text.
        if stripped.startswith("[") and "wikilink" in stripped and stripped.endswith(")"):
            continue
        if re.match(r"^[0-9]+\.\s", stripped):
            continue
        lines.append(line)
    return LINK_TARGET.sub("]", "\n".join(lines))


def draw_queries(corpus_dir, count, rng, exclude=frozenset()):
    files = sorted(f for f in os.listdir(corpus_dir) if f.endswith((".txt", ".md")))
    runs_cache = {}
    queries, seen = [], set(exclude)
    attempts = 0
    while len(queries) < count and attempts < count * 50:
        attempts += 1
        name = files[rng.randrange(len(files))]
        runs = runs_cache.get(name)
        if runs is None:
            runs = HAN.findall(body_text(os.path.join(corpus_dir, name)))
            if len(runs_cache) < 20000:
                runs_cache[name] = runs
        if not runs:
            continue
        run = runs[rng.randrange(len(runs))]
        length = rng.randint(2, min(4, len(run)))
        start = rng.randrange(len(run) - length + 1)
        query = run[start:start + length]
        if query not in seen:
            seen.add(query)
            queries.append(query)
    return queries


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--export", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--book", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--distinct", type=int, default=50000)
    args = parser.parse_args()

    names = articles(args.export)
    if not names:
        sys.exit("lists.py: no article pages under " + os.path.join(args.export, "wiki"))
    titles = [unquote(n[: -len(".html")]) for n in names]
    write(os.path.join(args.out, "pages-nginx.txt"), ["/wiki/" + quote(n, safe="") for n in names])
    write(os.path.join(args.out, "pages-kiwix.txt"), [f"/{args.book}/wiki/" + quote(n, safe="") for n in names])
    # WikiViewer's own URLs (WikiUrls.Article): the title percent-encoded, '/' kept.
    write(os.path.join(args.out, "pages-wikiviewer.txt"), ["/wiki/" + quote(t, safe="/") for t in titles])

    rng = random.Random(args.seed)
    sample = draw_queries(args.corpus, args.sample, rng)
    distinct = draw_queries(args.corpus, args.distinct, rng, exclude=frozenset(sample))
    for kind, queries in (("sample", sample), ("distinct", distinct)):
        write(os.path.join(args.out, f"queries-{kind}.txt"), queries)
        write(os.path.join(args.out, f"search-{kind}-wikiviewer.txt"),
              ["/api/search?q=" + quote(q, safe="") + "&limit=20" for q in queries])
        write(os.path.join(args.out, f"search-{kind}-kiwix.txt"),
              [f"/search?books.name={args.book}&pattern=" + quote(q, safe="") + "&pageLength=20" for q in queries])
    print(f"lists.py: {len(names)} articles, {len(sample)} sample queries, {len(distinct)} distinct queries")


if __name__ == "__main__":
    main()
