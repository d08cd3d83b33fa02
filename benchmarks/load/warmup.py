#!/usr/bin/env python3
"""Two passes over a URL list (every path twice), with a few keep-alive
connections: fills the servers' caches before the measured runs (WikiViewer's
keep a page from its second request, docs/benchmarks.md, "Pages: kept from
their second request").

  warmup.py BASE_URL LIST [--connections 4] [--passes 2] [--accept-encoding VALUE] [--cookie NAME=VALUE]

Prints one JSON line: requests, seconds, status counts. The rate is bounded by
this client, so it is not a benchmark figure for the fast servers.
"""
import argparse
import http.client
import json
import threading
import time
from urllib.parse import urlsplit


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("list")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--accept-encoding", default="")
    parser.add_argument("--cookie", default="")
    args = parser.parse_args()

    with open(args.list, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()] * args.passes
    base = urlsplit(args.base)
    headers = {"Accept-Encoding": args.accept_encoding} if args.accept_encoding else {}
    if args.cookie:
        headers["Cookie"] = args.cookie
    statuses = {}
    lock = threading.Lock()

    def work(offset):
        connection = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
        counts = {}
        for path in paths[offset::args.connections]:
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                status = str(response.status)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
                status = "error"
            counts[status] = counts.get(status, 0) + 1
        connection.close()
        with lock:
            for status, count in counts.items():
                statuses[status] = statuses.get(status, 0) + count

    start = time.monotonic()
    workers = [threading.Thread(target=work, args=(i,)) for i in range(args.connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = time.monotonic() - start
    print(json.dumps({"requests": len(paths), "seconds": round(seconds, 2), "statuses": statuses}))


if __name__ == "__main__":
    main()
