"""Page sizes at scale: analysed records copied N times into one archive, rendered, optionally built.

    summary-site analyze ARTICLES... > records.jsonl
    python benchmarks/page_sizes.py records.jsonl --copies 100 [--build DIR]

Each copy of a record gets its own id, title and date (spread over ten years), so the archive has N times
as many articles with the same people in them: the most quoted person of 100 articles becomes the most
quoted of 10,000. Prints the largest generated pages (Markdown, and HTML with --build, which runs the
real `summary-site build` on the copies' pages) against the 250 KB budget; asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET = 250_000


def copies(records: list, n: int) -> list:
    out = []
    start = dt.date(2016, 1, 1)
    for k in range(n):
        for i, r in enumerate(records):
            c = copy.deepcopy(r)
            c.id = f"{r.id}-{k}"
            c.title = f"{r.title} ({k})"
            c.date = (start + dt.timedelta(days=(k * len(records) + i) % 3650)).isoformat()
            out.append(c)
    return out


def largest(paths: list[Path], base: Path, top: int = 6) -> None:
    sizes = sorted(((p.stat().st_size, p) for p in paths), reverse=True)[:top]
    for size, p in sizes:
        flag = "  OVER" if size > BUDGET else ""
        print(f"  {size / 1000:8.1f} KB  {p.relative_to(base)}{flag}")


def main() -> int:
    from generator import aggregate
    from generator.records import Record
    from generator.render.pages import render_site
    from generator.site import build_site, write_generated

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records", type=Path, help="JSON Lines from `summary-site analyze`")
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--build", type=Path, help="a scratch project folder: generate and mkdocs build there")
    args = ap.parse_args()
    records = [Record.from_dict(json.loads(x)) for x in args.records.read_text(encoding="utf-8").splitlines() if x]
    many = copies(records, args.copies)
    t = time.perf_counter()
    index = aggregate.build(many)
    pages = render_site(index)
    print(f"{len(many)} articles, {len(index.actors)} actors, {len(index.places)} places: "
          f"rendered {len(pages)} files in {time.perf_counter() - t:.1f} s")
    top = max(index.actors.values(), key=lambda x: len(x.quotes))
    print(f"most quoted: {top.name}, {len(top.quotes)} quotes in {len(top.articles)} articles")
    md = sorted(((len(v.encode()), k) for k, v in pages.items() if k.endswith(".md")), reverse=True)[:6]
    print("largest Markdown pages:")
    for size, k in md:
        print(f"  {size / 1000:8.1f} KB  {k}{'  OVER' if size > BUDGET else ''}")
    if args.build:
        project = args.build
        project.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        docs = project / "docs"
        shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
        write_generated(docs, pages)
        t = time.perf_counter()
        site = build_site(project / "mkdocs.yml", docs, project / "site")
        print(f"mkdocs build in {time.perf_counter() - t:.0f} s; largest HTML pages:")
        largest([p for p in site.rglob("*.html")], site)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
