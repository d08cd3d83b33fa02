#!/usr/bin/env python3
"""Turns one scale run's raw figures into results/N.json, a row of
results/results.csv and the printed table (issue 19's targets, met or missed).

  report.py RAW.jsonl MACHINE.json RESULTS_DIR [--healthz NAME=SAMPLES.tsv]...   (run.sh calls it)
  report.py --table RESULTS_DIR/N.json                                           print a run's table again
"""
import argparse
import csv
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("load_report", os.path.join(HERE, "..", "load", "report.py"))
load_report = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load_report)

WRK_RUNS = ("pages", "search", "home", "category", "random")
RUN_NAMES = {"pages": "random article pages", "search": "distinct searches (/api/search)", "home": "home page, paged",
             "category": "category pages, paged", "random": "/random (302)"}

# Issue 19: (key, what, unit, limit); the measured value must not exceed the limit.
TARGETS = (
    ("first_start_s", "first start: seconds to ready", "s", 120),
    ("first_start_vmhwm_ready_mb", "first start: VmHWM when ready", "MB", 4096),
    ("first_start_vmhwm_mb", "first start: VmHWM until ready and the snapshot written", "MB", 4096),
    ("restart_s", "restart: seconds to ready", "s", 5),
    ("rss_anon_after_mb", "RssAnon after pages and searches", "MB", 1536),
    ("page_p99_ms", "page p99", "ms", 20),
    ("search_p99_ms", "search p99", "ms", 50),
    ("errors", "errors, every wrk run", "", 0),
)


def healthz(path):
    """What /healthz answered while the store loaded: the samples and a summary."""
    if not path or not os.path.exists(path):
        return None
    samples = []
    for text in open(path, encoding="utf-8"):
        t, code, vmhwm, rss_anon, body = (text.rstrip("\n").split("\t", 4) + [""] * 4)[:5]
        try:
            body = json.loads(body) if body else None
        except ValueError:
            pass
        samples.append({"s": float(t), "status": int(code), "vmhwm_mb": int(vmhwm or 0), "rss_anon_mb": int(rss_anon or 0), "body": body})
    loading = [s for s in samples if s["status"] == 503 and isinstance(s["body"], dict) and s["body"].get("status") == "loading"]
    phases = list(dict.fromkeys(s["body"].get("phase") for s in loading))
    listening = next((s["s"] for s in samples if s["status"] != 0), None)
    picked = [loading[0], loading[len(loading) // 2], loading[-1]] if loading else []
    return {
        "samples": samples,
        "listening_s": listening,
        "vmhwm_mb": max((s["vmhwm_mb"] for s in samples), default=None),
        "loading_answers": len(loading),
        "progress_reported": any((s["body"].get("total") or 0) > 0 for s in loading),
        "phases": phases,
        "first_middle_last": picked,
    }


def build(raw_path, machine_path, healthz_paths):
    result = {"machine": json.load(open(machine_path))}
    for text in open(raw_path, encoding="utf-8"):
        record = json.loads(text)
        result.setdefault(record["section"], {})[record["metric"]] = record["value"]
    for name in WRK_RUNS:
        section = result.get(name)
        if section and "wrk" in section:
            section["summary"] = load_report.summary(section["wrk"])
    for name, path in healthz_paths.items():
        h = healthz(path)
        if h:
            result.setdefault(name, {})["healthz"] = h
    result["figures"] = figures(result)
    result["targets"] = [
        {"figure": key, "what": what, "unit": unit, "limit": limit, "value": result["figures"].get(key),
         "met": None if result["figures"].get(key) is None else result["figures"][key] <= limit}
        for key, what, unit, limit in TARGETS]
    return result


def figures(result):
    first, restart, after = result.get("first_start", {}), result.get("restart", {}), result.get("after", {})
    summaries = {name: result.get(name, {}).get("summary") for name in WRK_RUNS}
    pages, search = summaries["pages"] or {}, summaries["search"] or {}
    ran = [s for s in summaries.values() if s]
    return {
        "first_start_s": first.get("ready_s"),
        "first_start_vmhwm_ready_mb": first.get("vmhwm_ready_mb"),
        # The whole first start's peak: written before ready, the store was part of the load, and
        # what the script read after ready is the server's own once serving (reported apart).
        "first_start_vmhwm_mb": first.get("vmhwm_ready_mb") if first.get("written_before_ready") else first.get("vmhwm_written_mb"),
        "first_start_vmhwm_serving_mb": first.get("vmhwm_written_mb") if first.get("written_before_ready") else None,
        "first_start_vmrss_ready_mb": first.get("vmrss_ready_mb"),
        "first_start_rss_anon_ready_mb": first.get("rssanon_ready_mb"),
        "snapshot_mb": first.get("snapshot_mb"),
        "snapshot_write_s": first.get("snapshot_write_s"),
        "restart_s": restart.get("ready_s"),
        "restart_vmhwm_mb": restart.get("vmhwm_ready_mb"),
        "restart_rss_anon_mb": restart.get("rssanon_ready_mb"),
        "restart_rss_file_mb": restart.get("rssfile_ready_mb"),
        "rss_anon_after_mb": after.get("rssanon_mb"),
        "vmrss_after_mb": after.get("vmrss_mb"),
        "rss_file_after_mb": after.get("rssfile_mb"),
        "vmhwm_after_mb": after.get("vmhwm_mb"),
        "page_rate": pages.get("rate"),
        "page_p50_ms": pages.get("p50_ms"),
        "page_p99_ms": pages.get("p99_ms"),
        "search_rate": search.get("rate"),
        "search_p50_ms": search.get("p50_ms"),
        "search_p99_ms": search.get("p99_ms"),
        "search_wrapped": search.get("wrapped"),
        "errors": sum(s["errors"] for s in ran) if ran else None,
    }


def fmt(value, spec=",", unit=""):
    if value is None:
        return "–"
    return format(value, spec) + (f" {unit}" if unit else "")


def value_spec(unit):
    return {"s": ",.2f", "ms": ",.2f", "MB": ",d", "": ",d"}[unit]


def table(result):
    run, f = result["run"], result["figures"]
    out = [f"### {run['articles']:,} articles (seed {run['seed']}), commit {run.get('commit')}, {run.get('started')}", ""]
    if run.get("failed"):
        out += [f"**The run stopped: {run['failed']}.** The figures below are those measured until then.", ""]
    out += ["| figure | measured | target (issue 19) | |", "| --- | ---: | ---: | --- |"]
    for t in result["targets"]:
        spec = value_spec(t["unit"])
        verdict = "–" if t["met"] is None else ("met" if t["met"] else "**missed**")
        out.append(f"| {t['what']} | {fmt(t['value'], spec, t['unit'])} | ≤ {fmt(t['limit'], ',', t['unit'])} | {verdict} |")
    out += ["", f"wrk -t{run['threads']} -c{run['connections']}, {run['duration_s']} s each (the last three {run['brief_duration_s']} s):", "",
            "| run | load average before | requests/s | p50 ms | p99 ms | errors | requests |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for name in WRK_RUNS:
        section = result.get(name) or {}
        s = section.get("summary")
        if not s:
            continue
        out.append(f"| {RUN_NAMES[name]} | {section.get('load_before', '')} | {s['rate']:,.0f} | {s['p50_ms']:.2f} | {s['p99_ms']:.2f} "
                   f"| {s['errors']:,} | {s['requests']:,} |")
    out.append("")
    first, restart = result.get("first_start") or {}, result.get("restart") or {}
    if first.get("ready_s") is None and first.get("healthz"):
        out.append(f"- First start (load average before {first.get('load_before')}): never ready; VmHWM at the last sample "
                   f"{fmt(first['healthz']['vmhwm_mb'])} MB")
        out.append("- " + healthz_line("first start", first.get("healthz")))
    elif first:
        out.append(f"- First start (load average before {first.get('load_before')}): ready after {fmt(f['first_start_s'], '.2f')} s with "
                   f"VmHWM {fmt(f['first_start_vmhwm_ready_mb'])} MB, VmRSS {fmt(f['first_start_vmrss_ready_mb'])} MB, "
                   f"RssAnon {fmt(f['first_start_rss_anon_ready_mb'])} MB; wrote the snapshot ({fmt(f['snapshot_mb'])} MB: "
                   f"{first.get('snapshot_files', '').strip()}) in {fmt(f['snapshot_write_s'], '.2f')} s, "
                   + (f"before ready; VmHWM a few seconds after ready, once serving (the index and plain texts mapped after the warm-up, "
                      f"file pages the OS may drop), {fmt(f['first_start_vmhwm_serving_mb'])} MB. "
                      if first.get("written_before_ready") else f"VmHWM then {fmt(f['first_start_vmhwm_mb'])} MB. ")
                   + f"{first.get('loaded', '')}; {first.get('load_phases', '')}")
        out.append("- " + healthz_line("first start", first.get("healthz")))
    else:
        out.append("- First start skipped (--skip-first-start): the restart read the store an earlier run wrote")
    if restart:
        out.append(f"- Restart (load average before {restart.get('load_before')}): ready after {fmt(f['restart_s'], '.2f')} s with "
                   f"VmHWM {fmt(f['restart_vmhwm_mb'])} MB, RssAnon {fmt(f['restart_rss_anon_mb'])} MB, RssFile {fmt(f['restart_rss_file_mb'])} MB; "
                   f"{restart.get('read_back', '')}")
        out.append("- " + healthz_line("restart", restart.get("healthz")))
    if result.get("after"):
        out.append(f"- After pages and searches: RssAnon {fmt(f['rss_anon_after_mb'])} MB, VmRSS {fmt(f['vmrss_after_mb'])} MB, "
                   f"RssFile {fmt(f['rss_file_after_mb'])} MB, VmHWM {fmt(f['vmhwm_after_mb'])} MB; distinct-query passes that wrapped "
                   f"around: {fmt(f['search_wrapped'])} (0: every query was new)")
    lists = (result.get("lists") or {}).get("summary") or {}
    if lists:
        out.append(f"- URL lists ({(result.get('lists') or {}).get('seconds')} s): {lists.get('pages'):,} article pages from the titles of "
                   f"{lists.get('titles_sampled'):,} of {lists.get('files'):,} files ({lists.get('pages_dropped')} of {lists.get('pages_checked')} "
                   f"asked did not answer 200 and were dropped); {lists.get('queries'):,} distinct queries; home page of "
                   f"{lists.get('home_pages'):,} pages; {lists.get('category_urls'):,} category URLs ({lists.get('categories_named'):,} "
                   f"categories named in a sample of files, {lists.get('categories_redirected')} of them named in another "
                   f"spelling and replaced by the canonical URL they redirect to, {lists.get('categories_dropped')} dropped; and the "
                   f"{lists.get('categories_largest')} largest, up to {lists.get('categories_largest_articles'):,} articles, paged)")
    for name, section in (("first start", first), ("restart", restart)):
        if section and "log_warnings" in section:
            lines = section.get("log_warning_lines") or []
            cut = f", {section['log_499']} 499s (requests in flight when a wrk run ended)" if "log_499" in section else ""
            out.append(f"- Log of the {name}: {section['log_warnings']} lines at Warning or above (not counting the /healthz 503s "
                       f"while loading{', nor 499s' if cut else ''}), {section.get('log_5xx')} 5xx answers{cut}"
                       + (f"; first: {lines[0]}" if lines else ""))
    out.append(f"- Load average at the end: {run.get('load_end')}; memory available when the run started: "
               f"{fmt(run.get('mem_available_mb'))} MB; corpus {fmt(run.get('corpus_mb'))} MB")
    m = result["machine"]
    out.append(f"- Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, {m['os']}, kernel {m['kernel']}, "
               f".NET SDK {m['dotnet_sdk']} (ASP.NET Core {m['aspnetcore']}), {m['wrk']}")
    return "\n".join(out)


def healthz_line(name, h):
    if not h:
        return f"/healthz during the {name}: not recorded"
    def sample(s):
        body = s["body"]
        return f"{s['s']:.1f} s {body.get('phase')} {body.get('done'):,}/{body.get('total'):,} (VmHWM {s['vmhwm_mb']:,} MB)"
    ready = next((s["s"] for s in h["samples"] if s["status"] == 200), None)
    if not h["samples"]:
        return f"/healthz during the {name}: no answer"
    text = (f"/healthz during the {name}: listening after {fmt(h['listening_s'], '.1f')} s, ready after {fmt(ready, '.1f')} s; "
            f"{h['loading_answers']} answers kept while loading (one a second), progress "
            f"{'reported' if h['progress_reported'] else 'not reported'}")
    if h["phases"]:
        text += f"; phases {' → '.join(str(p) for p in h['phases'])}; first, middle, last: " + "; ".join(sample(s) for s in h["first_middle_last"])
    return text


CSV_FIELDS = ("articles", "seed", "started", "commit", "first_start_s", "first_start_vmhwm_ready_mb", "first_start_vmhwm_mb",
              "first_start_rss_anon_ready_mb", "snapshot_mb", "snapshot_write_s", "restart_s", "restart_vmhwm_mb",
              "restart_rss_anon_mb", "restart_rss_file_mb", "rss_anon_after_mb", "vmrss_after_mb", "rss_file_after_mb",
              "vmhwm_after_mb", "page_rate", "page_p50_ms", "page_p99_ms", "search_rate", "search_p50_ms", "search_p99_ms",
              "search_wrapped", "home_rate", "home_p99_ms", "category_rate", "category_p99_ms", "random_rate", "random_p99_ms",
              "errors", "targets_met", "load_start", "failed")


def csv_row(result):
    run, f = result["run"], result["figures"]
    row = {"articles": run["articles"], "seed": run["seed"], "started": run.get("started"), "commit": run.get("commit"),
           "load_start": (result.get("first_start") or result.get("restart") or {}).get("load_before"), "failed": run.get("failed")}
    row.update({k: v for k, v in f.items() if k in CSV_FIELDS})
    for name in ("home", "category", "random"):
        s = (result.get(name) or {}).get("summary") or {}
        row[f"{name}_rate"], row[f"{name}_p99_ms"] = s.get("rate"), s.get("p99_ms")
    known = [t for t in result["targets"] if t["met"] is not None]
    row["targets_met"] = f"{sum(t['met'] for t in known)}/{len(known)}"
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw", nargs="?")
    parser.add_argument("machine", nargs="?")
    parser.add_argument("results", nargs="?")
    parser.add_argument("--healthz", action="append", default=[], help="NAME=SAMPLES.tsv")
    parser.add_argument("--table")
    args = parser.parse_args()
    if args.table:
        print(table(json.load(open(args.table, encoding="utf-8"))))
        return
    result = build(args.raw, args.machine, dict(h.split("=", 1) for h in args.healthz))
    n = result["run"]["articles"]
    with open(os.path.join(args.results, f"{n}.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
    path = os.path.join(args.results, "results.csv")
    new = not os.path.exists(path)
    with open(path, "a", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        if new:
            writer.writeheader()
        writer.writerow(csv_row(result))
    print(table(result))


if __name__ == "__main__":
    main()
