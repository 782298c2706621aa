"""Page sizes at scale: analysed records copied N times into one archive, rendered, optionally built.

    summary-site analyze ARTICLES... > records.jsonl
    python benchmarks/page_sizes.py records.jsonl --copies 100 [--build DIR]

Each copy of a record gets its own id, title and date (spread over ten years), so the archive has N times
as many articles with the same people in them: the most quoted person of 100 articles becomes the most
quoted of 10,000. Each copy also gets topic tags (`synthetic_tags`: a few hundred, a few of them on half the
articles, as "Politics" or "World" are). Prints the largest generated pages (Markdown, and HTML with --build,
which runs the real `summary-site build` on the copies' pages) against the 250 KB budget, overall and of each
kind (article, actor, place, tag, index page); asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET = 250_000
TOPICS = ("Politics", "World", "Economy", "Health", "Conflict", "Elections", "Climate", "Energy", "Business",
          "Courts", "Crime", "Education", "Transport", "Housing", "Migration", "Technology", "Science", "Sport",
          "Culture", "Media", "Defence", "Diplomacy", "Trade", "Jobs", "Farming", "Water", "Weather", "Religion",
          "Human rights", "Terrorism", "Refugees", "Reconstruction", "Oil", "Banking", "Taxes", "Welfare",
          "Local government", "Protests", "Security", "Aid")
REGIONS = ("", "Europe", "Middle East", "Africa", "Asia", "Americas", "UK", "US")
TAG_NAMES = [f"{t} ({r})" if r else t for r in REGIONS for t in TOPICS]
"""320 tags: the plain topics are the common ones."""
TAG_WEIGHTS = [1 / (k + 1) for k in range(len(TAG_NAMES))]


def synthetic_tags(i: int) -> list[str]:
    """Three to five topic tags for article `i`, Zipf-like over `TAG_NAMES` (the first on about half of the
    articles, most on a few dozen of 10,000); one in ten spelled in lower case, as some sources do."""
    rng = random.Random(i)
    tags = [TAG_NAMES[k] for k in rng.choices(range(len(TAG_NAMES)), weights=TAG_WEIGHTS, k=rng.randint(3, 5))]
    return [t.lower() if rng.random() < 0.1 else t for t in dict.fromkeys(tags)]


def copies(records: list, n: int) -> list:
    out = []
    start = dt.date(2016, 1, 1)
    for k in range(n):
        for i, r in enumerate(records):
            c = copy.deepcopy(r)
            c.id = f"{r.id}-{k}"
            c.title = f"{r.title} ({k})"
            c.date = (start + dt.timedelta(days=(k * len(records) + i) % 3650)).isoformat()
            c.tags = r.tags[:2] + synthetic_tags(k * len(records) + i)
            out.append(c)
    return out


def largest(paths: list[Path], base: Path, top: int = 6) -> None:
    sizes = sorted(((p.stat().st_size, p) for p in paths), reverse=True)[:top]
    for size, p in sizes:
        flag = "  OVER" if size > BUDGET else ""
        print(f"  {size / 1000:8.1f} KB  {p.relative_to(base)}{flag}")


def kind_of(rel: Path) -> str:
    """article, actor, place, tag, quote (a speaker's CSV is not HTML), explore; "index" for the index pages."""
    parts = rel.parts
    if len(parts) <= 2:
        return "index"
    return {"articles": "article", "actors": "actor", "places": "place", "tags": "tag"}.get(parts[0], parts[0])


def largest_by_kind(site: Path) -> dict[str, tuple[int, Path]]:
    """The largest HTML page of each kind: {kind: (bytes, path under site/)}."""
    out: dict[str, tuple[int, Path]] = {}
    for p in site.rglob("*.html"):
        rel = p.relative_to(site)
        if rel.parts[0] in ("pagefind", "assets"):
            continue
        size, kind = p.stat().st_size, kind_of(rel)
        if size > out.get(kind, (-1, None))[0]:
            out[kind] = (size, rel)
    return out


def print_by_kind(site: Path) -> None:
    print("largest HTML page of each kind:")
    for kind, (size, rel) in sorted(largest_by_kind(site).items()):
        print(f"  {kind:8s} {size / 1000:8.1f} KB  {rel}{'  OVER' if size > BUDGET else ''}")


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
    tags = [k for k in pages if k.startswith("tags/") and k != "tags/index.md"]
    print(f"{len(tags)} tag pages; most used: " + ", ".join(
        f"{t['name']} ({t['articles']:,})" for t in sorted(json.loads(pages["downloads/tags.json"]),
                                                           key=lambda t: -t["articles"])[:3]))
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
        print_by_kind(site)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
