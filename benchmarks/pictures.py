"""Time of the build-time pictures at scale: analysed records copied N times, then the Explore network and
every actor's and place's timeline rendered. Prints seconds and sizes; asserts nothing.

    summary-site analyze ARTICLES... > records.jsonl
    python benchmarks/pictures.py records.jsonl --copies 100
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from benchmarks.page_sizes import copies
    from generator.aggregate import build
    from generator.records import Record
    from generator.render.charts import outlets_block, timeline_block
    from generator.render.network import explore_page, neighbourhood_block

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", type=Path)
    ap.add_argument("--copies", type=int, default=100)
    args = ap.parse_args()
    records = [Record.from_dict(json.loads(line)) for line in args.records.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    records = copies(records, args.copies)
    index = build(records)
    print(f"{len(index.records):,} articles, {len(index.actors):,} actors, {len(index.places):,} places")
    t = time.perf_counter()
    page = explore_page(index)
    print(f"Explore page: {time.perf_counter() - t:.2f} s, {len(page.encode()):,} bytes")
    t = time.perf_counter()
    sizes = [len(timeline_block("t", x.name, [index.by_id[r] for r in x.articles]))
             for x in [*index.actors.values(), *index.places.values()]]
    print(f"{len(sizes):,} timelines: {time.perf_counter() - t:.2f} s, largest {max(sizes, default=0):,} bytes")
    t = time.perf_counter()
    for x in index.actors.values():
        neighbourhood_block(x, index)
    print(f"{len(index.actors):,} neighbourhoods: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    block = outlets_block("o", index.records)
    print(f"Articles by outlet: {time.perf_counter() - t:.2f} s, {len(block):,} bytes")


if __name__ == "__main__":
    main()
