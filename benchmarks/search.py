"""Search benchmark: Material's built-in search against the chunked one (Pagefind), at 1,000 and 10,000 articles.

    python benchmarks/search.py [--sizes 1000,10000] [--query Pahon] [--runs 2] [--keep DIR]

The articles are real texts: the seed article and, when ../shared/eval is beside the project, its articles
(read, never copied into the repository). They are analysed once (spaCy runs once per text, through
`generator.pipeline.run` and its cache); each size is then made of record variants (`dataclasses.replace`:
new id, title and date) and goes through `aggregate.build`, `render.pages.render_site`,
`site.write_generated` and `site.build_site`, once with `SUMMARY_SITE_SEARCH=builtin` and once with
`chunked`. Each build runs in its own Python process, so its peak memory is its own.

In headless Chromium on loopback (http.server, a fresh browser context per run, so nothing cached), for each
site: the time from navigation to the first results for the query typed into the header search box, and the
bytes sent by the server for the query (the search's files: the index, worker, Pagefind script, wasm, chunks) and
from navigation to those results in all (the page, Material's assets, and the sitemap.xml that Material's
instant navigation fetches on every first visit, whichever the search). Prints one table, sites side by side;
asserts nothing.

Index build time: for `builtin`, the time Material's search plugin spends (collecting pages and writing
search_index.json, inside mkdocs build); for `chunked`, the pagefind run after the build. Peak memory:
the mkdocs build process, and for `chunked` the pagefind process.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gzip
import http.server
import json
import os
import re
import resource
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

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MODES = ("builtin", "chunked")
SEARCH_URL = re.compile(r"/pagefind/|/search/search_index\.json|/workers/search\.|summary-site-search\.js")


# --- corpus ---------------------------------------------------------------------------------------------

def base_paths() -> list[Path]:
    paths = [ROOT / "seeds"]
    shared = ROOT.parent / "shared" / "eval"
    if shared.is_dir():
        paths += sorted(p for p in shared.glob("*/articles") if p.is_dir())
    return paths


def base_records(cache: Path, jobs: int) -> list:
    from generator import pipeline

    records = [r for r in pipeline.run(base_paths(), jobs=jobs, cache_dir=cache) if hasattr(r, "id")]
    if not records:
        raise SystemExit("no article could be analysed")
    return records


def variants(records: list, n: int) -> list:
    """n records: the base ones, then copies with their own id, title and date (spread over 2010-2024)."""
    out = []
    for i in range(n):
        base, k = records[i % len(records)], i // len(records)
        if k == 0:
            out.append(base)
            continue
        date = f"{2010 + k % 15}-{1 + k % 12:02d}-{1 + (i * 7) % 28:02d}"
        out.append(dataclasses.replace(base, id=f"{base.id}-v{k}", path=f"{base.path}#v{k}",
                                       title=f"{base.title} (variant {k})", date=date))
    return out


def write_docs(records: list, docs: Path) -> None:
    from generator import aggregate
    from generator.render.pages import render_site
    from generator.site import write_generated

    docs.mkdir(parents=True, exist_ok=True)
    for page in ("index.md", "about.md"):
        shutil.copy(ROOT / "docs" / page, docs / page)
    if not (docs / "assets").exists():
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    write_generated(docs, render_site(aggregate.build(records)))


# --- one build, in its own process ----------------------------------------------------------------------

def build_one(config: Path, docs: Path, site: Path) -> dict:
    """Runs in a child process (`--build-one`): mkdocs build with timers on the search indexing."""
    from material.plugins.search.plugin import SearchPlugin

    from generator import site as site_mod
    from generator.render import plugin as plugin_mod

    stats = {"index_s": 0.0, "index_peak_mb": None}

    def timed(fn):
        @functools.wraps(fn)
        def wrapper(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                stats["index_s"] += time.perf_counter() - t
        return wrapper

    SearchPlugin.on_page_context = timed(SearchPlugin.on_page_context)
    SearchPlugin.on_post_build = timed(SearchPlugin.on_post_build)

    def run_measured(cmd, **kw):
        """subprocess.run for pagefind, with its own peak memory (os.wait4)."""
        t = time.perf_counter()
        with tempfile.TemporaryFile("w+") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            text = out.read()
        stats["index_s"] += time.perf_counter() - t
        stats["index_peak_mb"] = usage.ru_maxrss / 1024
        return subprocess.CompletedProcess(cmd, proc.returncode, text, text)

    plugin_mod.subprocess.run = run_measured
    t = time.perf_counter()
    site_mod.build_site(config, docs, site)
    stats["build_s"] = time.perf_counter() - t
    stats["build_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def build(config: Path, docs: Path, site: Path, mode: str) -> dict:
    env = dict(os.environ, SUMMARY_SITE_SEARCH=mode, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, __file__, "--build-one", str(config), str(docs), str(site)],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{mode} build failed:\n{done.stderr[-3000:]}")
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    files = [p for p in site.rglob("*") if p.is_file()]
    stats["site_mb"] = sum(p.stat().st_size for p in files) / 1e6
    stats["files"] = len(files)
    lunr = site / "search" / "search_index.json"
    if lunr.exists():
        stats["index_mb"] = lunr.stat().st_size / 1e6
        stats["index_gz_mb"] = len(gzip.compress(lunr.read_bytes(), 6)) / 1e6
    pf = site / "pagefind"
    if pf.is_dir():
        stats["index_mb"] = sum(p.stat().st_size for p in pf.rglob("*") if p.is_file()) / 1e6
        stats["index_files"] = sum(1 for p in pf.rglob("*") if p.is_file())
    return stats


# --- browser --------------------------------------------------------------------------------------------

class Counting(http.server.SimpleHTTPRequestHandler):
    """Counts the bytes of every response body it sends (the server's `sent` list), logs nothing.

    Counted at the server, so the requests of web workers (Pagefind fetches its chunks from one) count too.
    """

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        n = 0
        while chunk := source.read(1 << 16):
            outputfile.write(chunk)
            n += len(chunk)
        self.server.sent.append((self.path, n))


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=folder))
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, server, url: str, query: str, timeout_s: float) -> dict:
    """Navigation to first results: seconds, bytes sent by the server (all, and the search's share), requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = context.new_page()
    try:
        server.sent.clear()
        t0 = time.perf_counter()
        page.goto(url)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially(query)
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=timeout_s * 1000)
            seconds = time.perf_counter() - t0
        except Exception as exc:  # a timeout: shown as "> timeout" in the table
            if "Timeout" not in type(exc).__name__:
                raise
            seconds = float("inf")
        sent = list(server.sent)
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        return {"seconds": seconds, "bytes": sum(n for _, n in sent),
                "search_bytes": sum(n for path, n in sent if SEARCH_URL.search(path)), "requests": len(sent),
                "sitemap_bytes": sum(n for path, n in sent if path.startswith("/sitemap.xml")),
                "first": titles[0] if titles else ""}
    finally:
        context.close()


def browse(sites: dict, query: str, runs: int, timeout_s: float) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for key, folder in sites.items():
                server, url = serve(folder)
                try:
                    tries = [measure(browser, server, url, query, timeout_s) for _ in range(runs)]
                finally:
                    server.shutdown()
                    server.server_close()
                best = dict(tries[0])
                best["seconds"] = statistics.median(t["seconds"] for t in tries)
                best["all_seconds"] = [round(t["seconds"], 2) for t in tries]
                out[key] = best
                print(f"  {key[0]:>6} {key[1]:<8} first results {best['seconds']:.2f} s "
                      f"({', '.join(map(str, best['all_seconds']))}), {best['bytes'] / 1e6:.2f} MB "
                      f"({best['search_bytes'] / 1e6:.2f} MB search), first: {best['first'][:60]}", flush=True)
        finally:
            browser.close()
    return out


# --- main -----------------------------------------------------------------------------------------------

def table(sizes: list[int], builds: dict, views: dict) -> str:
    cols = [(n, m) for n in sizes for m in MODES]

    def cell(n, m, f):
        try:
            return f(builds.get((n, m), {}), views.get((n, m), {}))
        except (KeyError, TypeError, ValueError):
            return "—"

    rows = [
        ("first results after navigation",
         lambda b, v: f"{v['seconds']:.2f} s" if v["seconds"] != float("inf") else "timed out"),
        ("bytes for the query (search files)", lambda b, v: f"{v['search_bytes'] / 1e6:.2f} MB"),
        ("all bytes, navigation to results", lambda b, v: f"{v['bytes'] / 1e6:.2f} MB"),
        ("  of which sitemap.xml (instant nav.)", lambda b, v: f"{v['sitemap_bytes'] / 1e6:.2f} MB"),
        ("requests", lambda b, v: f"{v['requests']}"),
        ("search index on disk", lambda b, v: f"{b['index_mb']:.1f} MB" + (
            f" ({b['index_files']:,} files)" if "index_files" in b else f" ({b['index_gz_mb']:.1f} MB gzip)")),
        ("index build time", lambda b, v: f"{b['index_s']:.1f} s"),
        ("index peak memory", lambda b, v: f"{b['index_peak_mb']:.0f} MB" if b["index_peak_mb"] else "in mkdocs"),
        ("mkdocs build (incl. index)", lambda b, v: f"{b['build_s']:.0f} s"),
        ("mkdocs build peak memory", lambda b, v: f"{b['build_peak_mb']:.0f} MB"),
        ("site size", lambda b, v: f"{b['site_mb']:.0f} MB"),
    ]
    header = [""] + [f"{n:,} {m}" for n, m in cols]
    body = [[name] + [cell(n, m, f) for n, m in cols] for name, f in rows]
    widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in body]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--build-one":
        print(json.dumps(build_one(*map(Path, sys.argv[2:]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default: %(default)s)")
    ap.add_argument("--query", default="Pahon", help="typed into the search box (default: %(default)s, a speaker)")
    ap.add_argument("--runs", type=int, default=2, help="browser runs per site; the median is shown")
    ap.add_argument("--modes", default=",".join(MODES), help="builtin,chunked (default: both)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the one-off analysis")
    ap.add_argument("--timeout", type=float, default=180, help="seconds to wait for results")
    ap.add_argument("--cache", type=Path, default=ROOT / ".summary-site-cache")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="with --keep: measure the sites already built there")
    args = ap.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    modes = [m for m in args.modes.split(",") if m in MODES]
    if CHROMIUM is None:
        raise SystemExit("chromium is not installed")

    work = args.keep or Path(tempfile.mkdtemp(prefix="summary-site-search-"))
    work.mkdir(parents=True, exist_ok=True)
    config = work / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    saved = work / "builds.json"
    try:
        builds, sites = {}, {}
        if args.reuse and saved.exists():
            builds = {(n, m): b for n, m, b in json.loads(saved.read_text())}
            sites = {k: work / f"site-{k[0]}-{k[1]}" for k in builds if k[0] in sizes and k[1] in modes}
            sizes = [n for n in sizes if any(k[0] == n for k in sites)]
        else:
            t = time.perf_counter()
            records = base_records(args.cache, args.jobs)
            print(f"{len(records)} base articles analysed in {time.perf_counter() - t:.0f} s", flush=True)
        for n in sizes if not sites else []:
            docs = work / f"docs-{n}"
            shutil.rmtree(docs, ignore_errors=True)
            t = time.perf_counter()
            write_docs(variants(records, n), docs)
            print(f"{n:,} articles: pages written in {time.perf_counter() - t:.0f} s", flush=True)
            for mode in modes:
                site = work / f"site-{n}-{mode}"
                builds[(n, mode)] = build(config, docs, site, mode)
                sites[(n, mode)] = site
                b = builds[(n, mode)]
                print(f"  {n:>6} {mode:<8} built in {b['build_s']:.0f} s, index {b['index_s']:.1f} s, "
                      f"{b['index_mb']:.1f} MB", flush=True)
        if args.keep and not args.reuse:
            saved.write_text(json.dumps([[n, m, b] for (n, m), b in builds.items()]))
        views = browse(sites, args.query, args.runs, args.timeout)
        print()
        print(f"Query: {args.query!r}; headless Chromium on loopback (no network cost), "
              f"median of {args.runs} run(s); {os.cpu_count()} CPU cores.")
        print(table(sizes, builds, views))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
