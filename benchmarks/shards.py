"""Sharded site benchmark: `summary-site build --records` of N synthetic articles, then one more; prints figures.

    python benchmarks/shards.py [--sizes 10000,100000] [--shard-articles 2000] [--jobs 2] [--keep DIR]
                                [--no-browser]

The records are those of benchmarks/site_size.py (copies of the real analysed articles, each with its own id,
title and date over 2007-2026, and its own names where its base alone names someone), written as a JSON Lines
store file. Each size is built with the real CLI (`summary-site build --records FILE -j JOBS`, mkdocs.yml
with `shard_articles`) in a child process, and prints:

- build time and peak memory: the largest sum of resident memory (RSS) over the whole process tree (the CLI,
  its MkDocs runs, their Pagefind processes), sampled every 0.2 s from /proc;
- site size in all and per article, file count, article pages' HTML (median and largest), shards;
- one more article (a record dated in the newest month, appended to the store): time until the new site is
  in place and which shards were rebuilt; then a rebuild without change;
- in headless Chromium (unless --no-browser): bytes of the Home page's first visit, and the search latency:
  time from the first keystroke of a query naming an archive article to its first result, with the bytes
  the search fetched.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SEARCH_FILES = re.compile(r"/pagefind(-shards)?/|summary-site-search\.js")


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def run_measured(cmd: list[str], cwd: Path) -> dict:
    """Run `cmd`; its wall time and the peak RSS of its process tree."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{err[-3000:]}")
    built = re.findall(r"to build \(([^)]*)\)", err)
    return {"seconds": seconds, "peak_mb": peak[0] / 1e6, "rebuilt": built[-1] if built else "?", "log": err}


def project(folder: Path, shard_articles: int, min_articles: int) -> Path:
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for page in ("index.md", "about.md"):
        shutil.copy(ROOT / "docs" / page, docs / page)
    if not (docs / "assets").exists():
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "      min_articles: 2\n", f"      min_articles: {min_articles}\n      shard_articles: {shard_articles}\n")
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    (folder / "seeds").mkdir(exist_ok=True)
    return folder


def site_stats(site: Path, n: int) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    sizes = [p.stat().st_size for p in files]
    articles = [p.stat().st_size for p in (site / "articles").glob("*/index.html")]
    return {"files": len(files), "site_mb": sum(sizes) / 1e6, "per_article_kb": sum(sizes) / 1e3 / n,
            "article_median_kb": statistics.median(articles) / 1e3, "article_max_kb": max(articles) / 1e3,
            "shards": len(json.loads((site / "pagefind-shards" / "shards.json").read_text()))
            if (site / "pagefind-shards" / "shards.json").exists() else 0}


def browser_figures(site: Path, query: str) -> dict:
    from playwright.sync_api import sync_playwright
    from search import ARGS, CHROMIUM, measure, serve
    from site_size import first_visit

    if CHROMIUM is None:
        return {}
    out = first_visit(site)
    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                tries = [measure(browser, server, url, query, 60) for _ in range(3)]
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    out.update(search_s=statistics.median(t["seconds"] for t in tries),
               search_all=[round(t["seconds"], 2) for t in tries],
               search_kb=tries[-1]["search_bytes"] / 1e3, search_first=tries[-1]["first"])
    return out


def one_size(records: list, n: int, work: Path, args) -> dict:
    folder = project(work / f"size-{n}", args.shard_articles, args.min_articles)
    store = folder / "records.jsonl"
    with open(store, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    cmd = [sys.executable, "-m", "generator", "build", "-v", "--records", str(store), "--docs", "docs",
           "-f", "mkdocs.yml", "--site-dir", "site", "-j", str(args.jobs)]
    stats: dict = {"n": n}
    cold = run_measured(cmd, folder)
    stats.update(build_s=cold["seconds"], build_peak_mb=cold["peak_mb"])
    stats.update(site_stats(folder / "site", n))
    print(f"  {n:,}: cold build {cold['seconds']:.1f} s, peak {cold['peak_mb']:.0f} MB", flush=True)
    newest = max(records, key=lambda r: r.date or "")
    extra = dataclasses.replace(newest, id=f"{newest.id}-one-more", path=f"{newest.path}#one-more",
                                title=f"{newest.title} (one more)", date="2026-12-01")
    with open(store, "a", encoding="utf-8") as f:
        f.write(json.dumps(extra.to_dict(), ensure_ascii=False) + "\n")
    more = run_measured(cmd, folder)
    stats.update(more_s=more["seconds"], more_peak_mb=more["peak_mb"], more_rebuilt=more["rebuilt"])
    print(f"  {n:,}: one more article {more['seconds']:.1f} s (rebuilt: {more['rebuilt']})", flush=True)
    same = run_measured(cmd, folder)
    stats.update(same_s=same["seconds"], same_rebuilt=same["rebuilt"])
    timings = re.findall(r"generated|sharded build: [\d.]+ s", more["log"])
    stats["more_log"] = "; ".join(timings)
    if not args.no_browser:
        base = records[len(records) // 3]  # an archive article: its title's rarest words
        stats.update(browser_figures(folder / "site", " ".join(base.title.split()[:3])))
    return stats


def report(s: dict) -> str:
    lines = [f"{s['n']:,} articles ({s['shards']} shards + hub):",
             f"  cold build {s['build_s']:.1f} s, peak memory {s['build_peak_mb']:.0f} MB (process tree)",
             f"  site {s['site_mb']:.0f} MB, {s['per_article_kb']:.1f} KB per article, {s['files']:,} files; "
             f"article HTML median {s['article_median_kb']:.1f} KB, largest {s['article_max_kb']:.1f} KB",
             f"  one more article: {s['more_s']:.1f} s, peak {s['more_peak_mb']:.0f} MB (rebuilt {s['more_rebuilt']}); "
             f"no change: {s['same_s']:.1f} s (rebuilt {s['same_rebuilt']})"]
    if "first_visit_kb" in s:
        lines.append(f"  first visit (Home): {s['first_visit_kb']:.0f} KB in {s['requests']} requests")
    if "search_s" in s:
        lines.append(f"  search, navigation to first result: {s['search_s']:.2f} s ({s['search_all']}), "
                     f"{s['search_kb']:.0f} KB of search files; first: {s['search_first'][:60]}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000", help="comma-separated article counts (default: %(default)s)")
    ap.add_argument("--shard-articles", type=int, default=2000, help="articles per shard at most")
    ap.add_argument("--min-articles", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2, help="parallel MkDocs runs")
    ap.add_argument("--cache", type=Path, default=ROOT / ".summary-site-cache")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    from site_size import base_records, variants

    work = args.keep or Path(tempfile.mkdtemp(prefix="summary-site-shards-"))
    try:
        records = base_records(args.cache, 1)
        print(f"{len(records)} base articles", flush=True)
        for n in [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]:
            shutil.rmtree(work / f"size-{n}", ignore_errors=True)
            print(report(one_size(variants(records, n), n, work, args)), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
