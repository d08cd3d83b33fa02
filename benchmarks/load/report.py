#!/usr/bin/env python3
"""Turns one run's raw figures into results/N.json, results/results.csv and
the printed table.

  report.py RAW.jsonl MACHINE.json RESULTS_DIR    (run.sh calls it)
  report.py --table RESULTS_DIR                   print the tables of every N again
  report.py --line WRK_JSON                       one wrk result, one line
"""
import csv
import glob
import json
import os
import sys

SERVERS = ("wikiviewer", "kiwix", "nginx")
NAMES = {"wikiviewer": "WikiViewer", "kiwix": "kiwix-serve", "nginx": "nginx"}


def errors(r):
    return r["errors_connect"] + r["errors_read"] + r["errors_write"] + r["errors_status"] + r["errors_timeout"]


def rate(r):
    return r["requests"] / r["duration_us"] * 1e6


def summary(r):
    if not r:
        return None
    return {"rate": round(rate(r), 1), "p50_ms": r["p50_us"] / 1000, "p99_ms": r["p99_us"] / 1000,
            "errors": errors(r), "requests": r["requests"], "wrapped": r.get("wrapped", 0)}


def line(r):
    return f"{rate(r):,.0f}/s p50 {r['p50_us'] / 1000:.2f} ms p99 {r['p99_us'] / 1000:.2f} ms errors {errors(r)}"


def build(raw_path, machine_path):
    result = {"machine": json.load(open(machine_path)), "servers": {}}
    for text in open(raw_path, encoding="utf-8"):
        record = json.loads(text)
        server, metric, value = record["server"], record["metric"], record["value"]
        if server in ("run", "export", "zim"):
            result.setdefault(server, {})[metric] = value
            continue
        figures = result["servers"].setdefault(server, {})
        if metric in ("pages", "search_sample", "search_distinct") or metric.startswith("pages_"):
            figures[metric] = summary(value)
            figures[metric + "_raw"] = value
        else:
            figures[metric] = value
    return result


def fmt(value, spec):
    return "–" if value is None else format(value, spec)


def table(result):
    n = result["run"]["articles"]
    run = result["run"]
    encoding = run.get("accept_encoding") or ""
    out = [f"### {n:,} articles (seed {run['seed']}); load average at start {run['load_start']}, at end {run.get('load_end', '?')}", "",
           f"Requests {'with Accept-Encoding: ' + encoding if encoding else 'without Accept-Encoding (identity)'}; "
           f"kiwix-serve caches: {run.get('kiwix_cache', 'default')} ({(result['servers'].get('kiwix') or {}).get('env', '')}); "
           f"WikiViewer request log at {run.get('request_log', 'Information')} "
           f"({'a line per request' if run.get('request_log', 'Information') == 'Information' else 'only 4xx/5xx, as nginx with access_log off'}).", ""]
    out.append("| server | pages/s | p50 ms | p99 ms | errors | search q/s (500-query sample) | p50 ms | p99 ms | "
               "search q/s (distinct queries) | p50 ms | p99 ms | errors | startup s | RSS ready MB | RSS after MB |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    servers = result["servers"]
    for server in SERVERS:
        f = servers.get(server)
        if not f:
            continue
        p, s, d = f.get("pages"), f.get("search_sample"), f.get("search_distinct")
        search_errors = None if not s else s["errors"] + d["errors"]
        out.append("| " + " | ".join([
            NAMES[server],
            fmt(p and p["rate"], ",.0f"), fmt(p and p["p50_ms"], ".2f"), fmt(p and p["p99_ms"], ".2f"), fmt(p and p["errors"], "d"),
            fmt(s and s["rate"], ",.0f"), fmt(s and s["p50_ms"], ".2f"), fmt(s and s["p99_ms"], ".2f"),
            fmt(d and d["rate"], ",.0f"), fmt(d and d["p50_ms"], ".2f"), fmt(d and d["p99_ms"], ".2f"),
            fmt(search_errors, "d"),
            fmt(f.get("startup_s"), ".2f"), fmt(f.get("rss_ready_mb"), "d"), fmt(f.get("rss_after_mb"), "d"),
        ]) + " |")
    wv = servers.get("wikiviewer")
    for metric, p in sorted((wv or {}).items()):
        if metric.startswith("pages_") and not metric.endswith("_raw") and isinstance(p, dict) and "rate" in p:
            out.append("| " + " | ".join([f"{NAMES['wikiviewer']} in {metric[len('pages_'):]}",
                fmt(p["rate"], ",.0f"), fmt(p["p50_ms"], ".2f"), fmt(p["p99_ms"], ".2f"), fmt(p["errors"], "d")] + ["–"] * 10) + " |")
    ratios = []
    if wv:
        for other in ("kiwix", "nginx"):
            o = servers.get(other)
            if not o:
                continue
            parts = [f"pages {wv['pages']['rate'] / o['pages']['rate']:.2f}×"]
            if o.get("search_sample"):
                parts.append(f"search (sample) {wv['search_sample']['rate'] / o['search_sample']['rate']:.1f}×")
                parts.append(f"search (distinct) {wv['search_distinct']['rate'] / o['search_distinct']['rate']:.1f}×")
            parts.append(f"startup {wv['startup_s'] / o['startup_s']:.1f}×")
            parts.append(f"RSS ready {wv['rss_ready_mb'] / max(1, o['rss_ready_mb']):.1f}×")
            ratios.append(f"WikiViewer / {NAMES[other]}: " + ", ".join(parts))
    out.append("")
    out.extend(f"- {r}" for r in ratios)
    if wv:
        for metric, p in sorted(wv.items()):
            if metric.startswith("pages_") and not metric.endswith("_raw") and isinstance(p, dict) and "rate" in p:
                out.append(f"- WikiViewer pages in {metric[len('pages_'):]} (variant cookie, after a warm-up pass in it): "
                           f"{p['rate'] / wv['pages']['rate']:.2f}× the pages/s as written")
        out.append(f"- WikiViewer load: {wv.get('loaded', '')}; {wv.get('load_phases', '')}")
        if wv.get("startup_runs"):
            out.append("- WikiViewer started " + str(len(wv["startup_runs"])) + " times from the folder, ready after "
                       + ", ".join(f"{v:.2f}" for v in wv["startup_runs"]) + " s (the table shows the median)")
        if wv.get("snapshot_startup_runs"):
            out.append(f"- WikiViewer restarted from its snapshot ({wv.get('snapshot_mb')} MB, written in {wv.get('snapshot_write_s')} s "
                       f"after the last start from the folder was ready) " + str(len(wv["snapshot_startup_runs"])) + " times, ready after "
                       + ", ".join(f"{v:.2f}" for v in wv["snapshot_startup_runs"]) + f" s: median **{wv['snapshot_startup_s']:.2f} s**, "
                       f"RSS when ready {wv.get('snapshot_rss_ready_mb')} MB (anonymous {wv.get('snapshot_rss_anon_ready_mb', '–')}, "
                       f"file-backed {wv.get('snapshot_rss_file_ready_mb', '–')}); after a pass over every page "
                       f"{wv.get('rss_warm_vmrss_mb', '–')} MB (anonymous {wv.get('rss_warm_rssanon_mb', '–')}, "
                       f"file-backed {wv.get('rss_warm_rssfile_mb', '–')}); after the load {wv.get('rss_after_mb', '–')} MB "
                       f"(anonymous {wv.get('rss_anon_after_mb', '–')}, file-backed {wv.get('rss_file_after_mb', '–')}) "
                       f"(this process served the load); {wv.get('snapshot_load_phases', '')}")
        warm = wv.get("warmup")
        if warm:
            out.append(f"- Warm-up (every article twice, 4 Python connections; bounded by the client): "
                       + ", ".join(f"{NAMES[s]} {servers[s]['warmup']['seconds']} s" for s in SERVERS if s in servers and servers[s].get("warmup")))
    wrapped = [f"{NAMES[s]} {servers[s]['search_distinct']['wrapped']}" for s in SERVERS
               if s in servers and servers[s].get("search_distinct")]
    if wrapped:
        out.append("- Distinct-query passes that ran out of queries and wrapped around (0: every query was new): " + ", ".join(wrapped))
    if "export" in result:
        e = result["export"]
        out.append(f"- Static export: {e.get('files')} files, {e.get('megabytes')} MB, {e.get('seconds')} s"
                   + (f"; ZIM: {result['zim']['megabytes']} MB, built in {result['zim']['seconds']} s" if "zim" in result else ""))
    for server in SERVERS:
        f = servers.get(server) or {}
        loads = [f"{k[len('load_before_'):]} {v}" for k, v in f.items() if k.startswith("load_before_")]
        if loads:
            out.append(f"- Load average before each {NAMES[server]} run: " + "; ".join(loads))
    m = result["machine"]
    out.append(f"- Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, {m['os']}, kernel {m['kernel']}, "
               f".NET SDK {m['dotnet_sdk']} (ASP.NET Core {m['aspnetcore']}), nginx {m['nginx']}, {m['kiwix_serve']}, {m['wrk']}")
    return "\n".join(out)


def write_csv(results_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(results_dir, "[0-9]*.json"))):
        result = json.load(open(path))
        for server, f in result["servers"].items():
            row = {"articles": result["run"]["articles"], "server": server,
                   "startup_s": f.get("startup_s"), "rss_ready_mb": f.get("rss_ready_mb"), "rss_after_mb": f.get("rss_after_mb"),
                   "snapshot_startup_s": f.get("snapshot_startup_s"), "snapshot_rss_ready_mb": f.get("snapshot_rss_ready_mb")}
            for kind in ("pages", "search_sample", "search_distinct"):
                s = f.get(kind) or {}
                for key in ("rate", "p50_ms", "p99_ms", "errors"):
                    row[f"{kind}_{key}"] = s.get(key)
            rows.append(row)
    rows.sort(key=lambda r: (r["articles"], SERVERS.index(r["server"])))
    if rows:
        with open(os.path.join(results_dir, "results.csv"), "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)


def main():
    if sys.argv[1] == "--line":
        print(line(json.loads(sys.argv[2])))
        return
    if sys.argv[1] == "--table":
        for path in sorted(glob.glob(os.path.join(sys.argv[2], "[0-9]*.json")), key=lambda p: int(os.path.basename(p)[:-5])):
            print(table(json.load(open(path))))
            print()
        return
    raw, machine, results_dir = sys.argv[1:4]
    result = build(raw, machine)
    n = result["run"]["articles"]
    with open(os.path.join(results_dir, f"{n}.json"), "w") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
    write_csv(results_dir)
    print(table(result))


if __name__ == "__main__":
    main()
