#!/usr/bin/env python3
"""Writes the URL lists that the scale benchmark's wrk runs draw from, for a
WikiViewer already serving the corpus at BASE.

  lists.py --corpus DIR --base URL --out DIR [--seed 42] [--titles 100000]
           [--queries 200000] [--categories 2000] [--check 50]

pages.txt       /wiki/TITLE for a random sample of --titles articles (all when
                fewer), each title read from its file's lead
search.txt      /api/search?q=Q&limit=20 for --queries distinct 2-4 character
                Chinese queries cut from the corpus text (load/lists.py's
                draw_queries), each sent once
home.txt        / and /?page=K, K any page of the home page's list
categories.txt  /category/NAME for categories named in a sample of --categories
                files (each asked once: one that redirects is replaced by its
                canonical URL), and /category/NAME?page=K for the home page's
                largest categories, K any of their pages
random.txt      /random

Before writing, --check URLs of the pages and the home page are asked once;
those that do not answer 200 are dropped and counted. Prints one JSON line: the counts.
"""
import argparse
import html
import http.client
import importlib.util
import json
import math
import os
import random
import re
import sys
from urllib.parse import quote, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))


def load_lists_module():
    """benchmarks/load/lists.py, for its draw_queries (the same queries as the load benchmark draws)."""
    spec = importlib.util.spec_from_file_location("load_lists", os.path.join(HERE, "..", "load", "lists.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
CATEGORY = re.compile(r"\[(?:Category|分类|分類):([^\]]+)\]\(")
SPACES = re.compile(r"[ _\t\n\r\u3000\u00a0]+")
MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*`]")


def tidy(name):
    """TitleKey.Tidy: runs of white space and underscores made one space, trimmed."""
    return SPACES.sub(" ", name).strip()


def title_of(path):
    """
    The title as src/WikiViewer/Loading/LeadReader.cs reads it, roughly: the first bold
    phrase of the lead's first paragraph (the lead ends at the first heading), its
    links and emphasis reduced to their text; with none, the file name tidied.
    """
    with open(path, "rb") as f:
        head = f.read(16384).decode("utf-8", "replace").lstrip("\ufeff")
    lead = head if not head.startswith("#") else ""
    heading = lead.find("\n#")
    lead = lead if heading < 0 else lead[:heading]
    for paragraph in re.split(r"\n[ \t]*\n", lead):
        match = BOLD.search(paragraph)
        if match:
            name = tidy(MARKUP.sub(lambda m: m.group(1) or "", match.group(1)))
            if 0 < len(name) <= 255:
                return name
    return tidy(os.path.splitext(os.path.basename(path))[0])


def escape_path(name):
    """WikiUrls.EscapePath: the name percent-encoded, '/' kept a path separator."""
    return quote(name, safe="/")


def has_dot_segment(name):
    return any(segment in (".", "..") for segment in name.split("/"))


def article_url(title):
    """WikiUrls.Article."""
    return "/wiki/?title=" + quote(title, safe="") if has_dot_segment(title) else "/wiki/" + escape_path(title)


def category_url(name):
    """WikiUrls.Category."""
    return "/category/?name=" + quote(name, safe="") if has_dot_segment(name) else "/category/" + escape_path(name)


class Client:
    """One keep-alive connection to the server under test."""

    def __init__(self, base):
        self.base = urlsplit(base)
        self.connection = None
        self.location = None

    def get(self, path):
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=60)
            try:
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                self.location = response.getheader("Location")
                return response.status, response.read().decode("utf-8", "replace")
            except (OSError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")


def checked(client, urls, count, rng, what):
    """URLS without those of a random COUNT of them that do not answer 200; the number dropped."""
    asked = rng.sample(range(len(urls)), min(count, len(urls)))
    failed = set()
    for i in asked:
        status, _ = client.get(urls[i])
        if status != 200:
            print(f"lists.py: {what}: {urls[i]} answered {status}", file=sys.stderr)
            failed.add(i)
    if asked and len(failed) * 2 > len(asked):
        sys.exit(f"lists.py: {len(failed)} of {len(asked)} {what} URLs did not answer 200: the lists do not match the server")
    return [u for i, u in enumerate(urls) if i not in failed], len(asked), len(failed)


def resolved(client, urls):
    """
    URLS each asked once: a category named in another script or spelling answers 301 to
    its canonical name, which takes its place; one that answers anything else is dropped.
    Returns the URLs, how many were redirected, how many dropped.
    """
    kept, redirected, dropped = [], 0, 0
    for url in urls:
        status, _ = client.get(url)
        if status in (301, 302) and client.location and client.location.startswith("/category/"):
            kept.append(client.location)
            redirected += 1
        elif status == 200:
            kept.append(url)
        else:
            print(f"lists.py: category: {url} answered {status}", file=sys.stderr)
            dropped += 1
    return list(dict.fromkeys(kept)), redirected, dropped


def largest_categories(home_html):
    """The home page's largest categories: (URL, article count)."""
    found = []
    for href, count in re.findall(r'<li><a href="(/category/[^"]+)">[^<]*</a> <span class="count">([0-9]+)</span></li>', home_html):
        found.append((html.unescape(href), int(count)))
    return found


def write(path, lines):
    load_lists_module().write(path, lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--titles", type=int, default=100000)
    parser.add_argument("--queries", type=int, default=200000)
    parser.add_argument("--categories", type=int, default=2000)
    parser.add_argument("--check", type=int, default=50)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    client = Client(args.base)
    files = sorted(f for f in os.listdir(args.corpus) if f.endswith((".txt", ".md")))
    if not files:
        sys.exit(f"lists.py: no articles in {args.corpus}")
    summary = {"files": len(files)}

    # Pages: titles of a random sample of the files.
    sample = files if len(files) <= args.titles else rng.sample(files, args.titles)
    titles = list(dict.fromkeys(title_of(os.path.join(args.corpus, name)) for name in sample))
    pages, asked, dropped = checked(client, [article_url(t) for t in titles], args.check, rng, "page")
    summary.update(titles_sampled=len(sample), titles=len(titles), pages_checked=asked, pages_dropped=dropped, pages=len(pages))
    write(os.path.join(args.out, "pages.txt"), pages)

    # Home: every page of the list of titles, 200 a page (Pager.PageSize).
    status, body = client.get("/healthz")
    articles = json.loads(body)["articles"] if status == 200 else sys.exit(f"lists.py: /healthz answered {status}")
    home_pages = max(1, math.ceil(articles / 200))
    status, home_html = client.get("/")
    if status != 200:
        sys.exit(f"lists.py: / answered {status}")
    home = ["/"] + [f"/?page={rng.randint(1, home_pages)}" for _ in range(9999)]
    home, asked, dropped = checked(client, home, args.check, rng, "home")
    summary.update(articles=articles, home_pages=home_pages, home_checked=asked, home_dropped=dropped)
    write(os.path.join(args.out, "home.txt"), home)

    # Categories: those named in a sample of the files (most fit one page), and the
    # largest ones, paged.
    named = set()
    for name in rng.sample(files, min(args.categories, len(files))):
        with open(os.path.join(args.corpus, name), encoding="utf-8", errors="replace") as f:
            named.update(tidy(c) for c in CATEGORY.findall(f.read()))
    named = sorted(c for c in named if c)
    categories, redirected, dropped = resolved(client, [category_url(c) for c in named])
    largest = largest_categories(home_html)
    for url, count in largest:
        pages_of = max(1, math.ceil(count / 200))
        categories += [url if k == 1 else f"{url}?page={k}" for k in (rng.randint(1, pages_of) for _ in range(50))]
    summary.update(categories_named=len(named), categories_redirected=redirected, categories_dropped=dropped,
                   categories_largest=len(largest), categories_largest_articles=max((c for _, c in largest), default=0),
                   category_urls=len(categories))
    write(os.path.join(args.out, "categories.txt"), categories)

    write(os.path.join(args.out, "random.txt"), ["/random"])

    # Searches: distinct queries, each sent once. Only a few are asked beforehand, and
    # their URLs are then left out: an answer kept from this check would be a cached answer.
    queries = load_lists_module().draw_queries(args.corpus, args.queries, rng)
    searches = ["/api/search?q=" + quote(q, safe="") + "&limit=20" for q in queries]
    for url in searches[:10]:
        status, _ = client.get(url)
        if status != 200:
            sys.exit(f"lists.py: {url} answered {status}")
    write(os.path.join(args.out, "queries.txt"), queries[10:])
    write(os.path.join(args.out, "search.txt"), searches[10:])
    summary.update(queries=len(searches) - 10)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
