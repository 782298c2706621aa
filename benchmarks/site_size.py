"""Site size benchmark: N synthetic articles made from real analysed ones, built into a site; prints its size.

    python benchmarks/site_size.py [--sizes 1000,10000] [--min-articles 2] [--first-visit] [--keep DIR]

The base articles are real texts: the seed article and, when ../shared/eval is beside the project, its articles
(read, never copied into the repository), analysed once through `generator.pipeline.run` and its cache. Each
size is made of copies of them, each with its own id, title and date (spread over the twenty years 2007-2026).
A copy keeps the actors and places its base shares with other base articles; the ones its base alone names
get a name of the copy's own (and lose their gazetteer id), so the share of people and places named in one
article stays that of the real collection instead of every copy naming the same ones. Every article gets
topic tags (`page_sizes.synthetic_tags`: a few hundred, a few very common).

Each size goes through `aggregate.build` (with `--min-articles`), `render.pages.render_site`,
`site.write_generated` and `site.build_site` (mkdocs build --strict and Pagefind) in a process of its own,
and prints: build time (pages written, then mkdocs with the search index), peak memory (resource.getrusage of
that process and of its children: pagefind), site size in all and per article, file count, article pages'
HTML (median and largest), the largest page, the largest page of each kind (article, actor, place, tag,
index), and sitemap.xml. With `--first-visit`, the bytes the server
sends from navigation to the Home page in headless Chromium until the network is idle (a fresh context,
nothing cached), and the three largest files of them. Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

FIRST_YEAR, YEARS = 2007, 20


def variants(records: list, n: int) -> list:
    """n records: the base ones, then copies with their own id, title and date and their own names for the
    actors and places that only their base names."""
    from page_sizes import synthetic_tags

    from generator.analyse.gazetteer import norm

    seen: dict[str, set[str]] = {}
    for r in records:
        for x in [*r.actors, *r.places]:
            seen.setdefault(norm(x.name), set()).add(r.id)
    out = []
    for i in range(n):
        base, k = records[i % len(records)], i // len(records)
        tags = base.tags[:2] + synthetic_tags(i)
        if k == 0:
            out.append(dataclasses.replace(base, tags=tags))
            continue
        tag = _tag(k)

        def own(name: str | None, tag=tag) -> str | None:
            return f"{name} {tag}" if name and len(seen.get(norm(name), ())) <= 1 else name

        actors = [dataclasses.replace(a, name=own(a.name), aliases=[]) for a in base.actors]
        places = [dataclasses.replace(p, name=own(p.name), aliases=[],
                                      geonameid=None if own(p.name) != p.name else p.geonameid) for p in base.places]
        quotes = [dataclasses.replace(q, speaker=own(q.speaker)) for q in base.quotes]
        date = f"{FIRST_YEAR + (i * 7) % YEARS}-{1 + (i * 5) % 12:02d}-{1 + (i * 11) % 28:02d}"
        out.append(dataclasses.replace(base, id=f"{base.id}-v{k}", path=f"{base.path}#v{k}",
                                       title=f"{base.title} (copy {k})", date=date, actors=actors, places=places,
                                       quotes=quotes, tags=tags))
    return out


def _tag(k: int) -> str:
    """A short made-up word per copy ("Qab"), so that a renamed person is still a given name and a surname."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    while True:
        k, d = divmod(k, len(letters))
        word = letters[d] + word
        if not k:
            break
    return "Q" + word + "a"


def base_records(cache: Path, jobs: int) -> list:
    from search import base_records as records

    return records(cache, jobs)


# --- one build, in its own process ----------------------------------------------------------------------

def build_one(records_file: Path, work: Path, min_articles: int) -> dict:
    """Runs in a child process (`--build-one`): write the pages, build the site; timings and peak memory."""
    from generator import aggregate
    from generator.records import Record
    from generator.render.pages import render_site
    from generator.site import build_site, write_generated

    with open(records_file, encoding="utf-8") as f:
        records = [Record.from_dict(json.loads(line)) for line in f]
    docs, site = work / "docs", work / "site"
    docs.mkdir(parents=True, exist_ok=True)
    for page in ("index.md", "about.md"):
        shutil.copy(ROOT / "docs" / page, docs / page)
    if not (docs / "assets").exists():
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    config = work / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      min_articles: 2\n", f"      min_articles: {min_articles}\n")
    config.write_text(text, encoding="utf-8")
    t = time.perf_counter()
    write_generated(docs, render_site(aggregate.build(records, min_articles=min_articles)))
    pages_s = time.perf_counter() - t
    t = time.perf_counter()
    build_site(config, docs, site)
    mkdocs_s = time.perf_counter() - t
    return {"pages_s": pages_s, "mkdocs_s": mkdocs_s,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def build(records: list, work: Path, min_articles: int) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    records_file = work / "records.jsonl"
    with open(records_file, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, __file__, "--build-one", str(records_file), str(work), str(min_articles)],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    site = work / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    sizes = {p: p.stat().st_size for p in files}
    html = {p: n for p, n in sizes.items() if p.suffix == ".html"}
    articles = [n for p, n in html.items() if p.parent.parent.name == "articles"]
    biggest = max(html, key=html.get)
    from page_sizes import largest_by_kind

    by_kind = ", ".join(f"{kind} {size / 1e3:.0f} KB ({rel.parent})" for kind, (size, rel) in
                        sorted(largest_by_kind(site).items()))
    stats.update(files=len(files), site_mb=sum(sizes.values()) / 1e6, pages=len(html),
                 actor_pages=sum(1 for p in html if p.parent.parent.name == "actors"),
                 place_pages=sum(1 for p in html if p.parent.parent.name == "places"),
                 article_median_kb=statistics.median(articles) / 1e3 if articles else 0,
                 article_max_kb=max(articles, default=0) / 1e3,
                 largest_page=f"{biggest.relative_to(site).parent}", largest_kb=html[biggest] / 1e3, by_kind=by_kind,
                 tag_pages=sum(1 for p in html if p.parent.parent.name == "tags"),
                 sitemap_kb=sum(n for p, n in sizes.items() if p.name.startswith("sitemap")
                                and p.parent == site and p.suffix == ".xml") / 1e3)
    return stats


def first_visit(site: Path) -> dict:
    """Bytes sent by the server from navigation to the Home page until the network is idle (Chromium)."""
    import re

    from playwright.sync_api import sync_playwright
    from search import ARGS, CHROMIUM, serve

    if CHROMIUM is None:
        return {}
    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
                page = context.new_page()
                server.sent.clear()
                page.goto(url, wait_until="networkidle")
                page.wait_for_timeout(1500)  # late requests (Material fetches sitemap.xml after load)
                sent = list(server.sent)
                context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    top = sorted(sent, key=lambda x: -x[1])[:3]
    return {"first_visit_kb": sum(n for _, n in sent) / 1e3, "requests": len(sent),
            "top": ", ".join(f"{path} {n / 1e3:.0f} KB" for path, n in top)}


def report(n: int, s: dict) -> str:
    per = s["site_mb"] * 1e3 / n
    lines = [f"{n:,} articles (min_articles {s['min_articles']}):",
             f"  build: pages written {s['pages_s']:.1f} s, mkdocs + pagefind {s['mkdocs_s']:.1f} s",
             f"  peak memory: {s['peak_mb']:.0f} MB (build process), {s['children_peak_mb']:.0f} MB (pagefind)",
             f"  site: {s['site_mb']:.1f} MB, {per:.1f} KB per article, {s['files']:,} files, {s['pages']:,} pages "
             f"({s['actor_pages']:,} actor, {s['place_pages']:,} place, {s['tag_pages']:,} tag)",
             f"  article HTML: median {s['article_median_kb']:.1f} KB, largest {s['article_max_kb']:.1f} KB; "
             f"largest page {s['largest_page']} {s['largest_kb']:.0f} KB; sitemap.xml {s['sitemap_kb']:.1f} KB",
             f"  largest page of each kind: {s['by_kind']}"]
    if "first_visit_kb" in s:
        lines.append(f"  first visit (Home, Chromium): {s['first_visit_kb']:.0f} KB in {s['requests']} requests; "
                     f"largest: {s['top']}")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--build-one":
        print(json.dumps(build_one(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated article counts (default: %(default)s)")
    ap.add_argument("--min-articles", type=int, default=2, help="articles before an actor or place has a page")
    ap.add_argument("--first-visit", action="store_true", help="measure the Home page's first visit in Chromium")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the one-off analysis")
    ap.add_argument("--cache", type=Path, default=ROOT / ".summary-site-cache")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = ap.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = args.keep or Path(tempfile.mkdtemp(prefix="summary-site-size-"))
    try:
        t = time.perf_counter()
        records = base_records(args.cache, args.jobs)
        print(f"{len(records)} base articles analysed in {time.perf_counter() - t:.0f} s", flush=True)
        for n in sizes:
            folder = work / f"size-{n}"
            shutil.rmtree(folder, ignore_errors=True)
            stats = build(variants(records, n), folder, args.min_articles)
            stats["min_articles"] = args.min_articles
            if args.first_visit:
                stats.update(first_visit(folder / "site"))
            print(report(n, stats), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
