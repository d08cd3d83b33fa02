#!/usr/bin/env python3
"""Draws startup time and RSS against corpus size from results/N.json.

  chart.py RESULTS_DIR OUT.png
"""
import glob
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SERVERS = (("wikiviewer", "WikiViewer", "tab:blue"), ("kiwix", "kiwix-serve", "tab:orange"), ("nginx", "nginx", "tab:green"))


def main():
    results_dir, out = sys.argv[1], sys.argv[2]
    results = [json.load(open(p)) for p in glob.glob(os.path.join(results_dir, "[0-9]*.json"))]
    results.sort(key=lambda r: r["run"]["articles"])
    if not results:
        sys.exit("chart.py: no results in " + results_dir)

    fig, (startup, rss) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, name, color in SERVERS:
        points = [(r["run"]["articles"], r["servers"][key]) for r in results if key in r["servers"]]
        if not points:
            continue
        n = [p[0] for p in points]
        startup.plot(n, [p[1]["startup_s"] for p in points], "o-", color=color, label=name + (", from the folder" if key == "wikiviewer" else ""))
        rss.plot(n, [p[1]["rss_ready_mb"] for p in points], "o-", color=color, label=f"{name}, ready")
        if all("rss_after_mb" in p[1] for p in points):
            rss.plot(n, [p[1]["rss_after_mb"] for p in points], "s--", color=color, alpha=0.6, label=f"{name}, after the load runs")
        snapshot = [p for p in points if p[1].get("snapshot_startup_s") is not None]
        if snapshot:
            startup.plot([p[0] for p in snapshot], [p[1]["snapshot_startup_s"] for p in snapshot], "^-", color=color, alpha=0.6,
                         label=f"{name}, restarted from its snapshot")
            rss.plot([p[0] for p in snapshot], [p[1]["snapshot_rss_ready_mb"] for p in snapshot], "^-", color=color, alpha=0.6,
                     label=f"{name}, ready from its snapshot")
        if key == "wikiviewer" and len(points) >= 2:
            # Linear growth from the smallest corpus, for comparison.
            n0, s0, r0 = n[0], points[0][1]["startup_s"], points[0][1]["rss_ready_mb"]
            startup.plot(n, [s0 * x / n0 for x in n], ":", color="grey", label="WikiViewer, linear from the first point")
            rss.plot(n, [r0 * x / n0 for x in n], ":", color="grey", label="WikiViewer ready, linear from the first point")

    startup.axhline(20, color="red", linewidth=0.8, linestyle="--", label="target: 20 s at 100k")
    rss.axhline(2048, color="red", linewidth=0.8, linestyle="--", label="target: 2 GB at 100k")
    startup.set(title="Startup to ready", xlabel="articles", ylabel="seconds")
    rss.set(title="Resident memory (VmRSS)", xlabel="articles", ylabel="MB")
    for axis in (startup, rss):
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=7)
    machine = results[-1]["machine"]
    fig.suptitle(f"benchmarks/load/run.sh — {machine['cores']} cores, {machine['memory_gb']} GB, {machine['os']}", fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    print("chart.py: wrote " + out)


if __name__ == "__main__":
    main()
