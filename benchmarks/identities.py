"""Split identities and a sample of actor pages on a site built from folders of articles (issue 14).

    python benchmarks/identities.py [FOLDER...] [--sample 60] [--seed 14] [--cache DIR]

Counts what a reader would see as one thing on two pages: a bare-surname person page beside a full-name
page of the same surname, and a name under two kinds (two actor kinds, or an actor and a place). Then
prints a random sample of actor pages (`random.Random(seed).sample` over the sorted page ids) to judge
by eye how many are junk or the wrong kind. Default folders: every `articles/` in ../shared/eval (the
script says so and exits 0 when that is absent).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import aggregate, pipeline  # noqa: E402
from generator.analyse.gazetteer import norm  # noqa: E402
from generator.ingest import IngestError  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def splits(index: aggregate.SiteIndex) -> tuple[list[tuple[str, list[str]]], dict[str, set[str]]]:
    persons = [e for e in index.actors.values() if e.kind == "person"]
    full: dict[str, list[str]] = defaultdict(list)
    for e in persons:
        words = norm(e.name).split()
        if len(words) >= 2:
            full[words[-1]].append(e.name)
    bare = [(e.name, full[norm(e.name)]) for e in persons if " " not in norm(e.name) and norm(e.name) in full]
    kinds: dict[str, set[str]] = defaultdict(set)
    for e in index.actors.values():
        kinds[norm(e.name)].add(e.kind)
    for e in index.places.values():
        kinds[norm(e.name)].add("place")
    return bare, {n: k for n, k in kinds.items() if len(k) > 1}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folders", nargs="*", type=Path)
    p.add_argument("--sample", type=int, default=60)
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--cache", type=Path, default=None, help="record cache (default: none, analyse everything)")
    args = p.parse_args(argv)
    folders = args.folders
    if not folders and EVAL.is_dir():
        folders = sorted(d / "articles" for d in EVAL.iterdir() if (d / "articles").is_dir())
    if not folders:
        print(f"skipped: no folders given and no evaluation data at {EVAL}")
        return 0
    records = [r for r in pipeline.run(folders, jobs=0, cache_dir=args.cache) if not isinstance(r, IngestError)]
    index = aggregate.build(records)
    bare, two = splits(index)
    print(f"{len(records)} articles, {len(index.actors)} actor pages, {len(index.places)} place pages")
    print(f"split identities: {len(bare) + len(two)} ({len(bare)} bare surname beside a full name, "
          f"{len(two)} names under two kinds)")
    for name, owners in bare:
        print(f"  bare: {name} beside {', '.join(owners)}")
    for name, kinds in sorted(two.items()):
        print(f"  two kinds: {name}: {', '.join(sorted(kinds))}")
    ids = sorted(index.actors)
    n = min(args.sample, len(ids))
    print(f"sample: random.Random({args.seed}).sample(sorted actor page ids, {n})")
    for i in random.Random(args.seed).sample(ids, n):
        e = index.actors[i]
        print(f"  {e.kind:12s} {e.name} | aliases {e.aliases[:3]} | roles {e.roles[:2]} | {len(e.articles)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
