"""Stories benchmark: how well `generator.stories` groups the same event, and how fast at 10,000 articles.

    python benchmarks/stories.py [--sizes 10000] [--thresholds 0.15,0.2,0.25,0.3,0.4] [--cache DIR]

1. Grouping: the articles of ../shared/eval's polnear-dev and bbc-dev (read, never copied into the project)
   are analysed (through the cache) and grouped; the labels are benchmarks/stories_labels.json (how they were
   made is in its "about"). Prints the pairwise precision and recall at the default options and at each of
   `--thresholds`, counting "maybe" pairs neither way, then the stories found and the labelled pairs missed.
2. Speed: `--sizes` records made from the real analysed ones (benchmarks/site_size.py's variants: each copy with
   its own id, title, date and names), timed through `aggregate.build` and `stories.group`. The copies keep
   their base's text and fall on 420 distinct dates, so the copies of one text dated within the window group
   as wire copies: a worst case for the LSH buckets (about a hundred identical texts each), not a measure of
   the grouping's quality.

Skips (exit 0, one line) when ../shared/eval is absent. Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHARED = ROOT.parent / "shared" / "eval"
LABELS = ROOT / "benchmarks" / "stories_labels.json"


def load_labels(path: Path = LABELS) -> tuple[dict[str, str], dict[str, str]]:
    """(sure member -> group, maybe member -> group), by article file name."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    sure = {f: g for g, d in doc["groups"].items() for f in d["sure"]}
    maybe = {f: g for g, d in doc["groups"].items() for f in d["maybe"]}
    return sure, maybe


def truth(a: str, b: str, sure: dict[str, str], maybe: dict[str, str]) -> bool | None:
    """Whether two articles are one story by the labels; None when a "maybe" member makes it arguable."""
    ga, gb = sure.get(a) or maybe.get(a), sure.get(b) or maybe.get(b)
    if ga is not None and ga == gb:
        return True if a in sure and b in sure else None
    return False


def precision_recall(stories, names: dict[str, str], sure, maybe) -> dict:
    """Pairwise figures of `stories` (groups of record ids) over every pair of the named records."""
    grouped = {(min(a, b), max(a, b)) for s in stories for a, b in itertools.combinations(s.articles, 2)}
    tp = fp = fn = 0
    missed = []
    for a, b in itertools.combinations(sorted(names), 2):
        label = truth(names[a], names[b], sure, maybe)
        if label is None:
            continue
        predicted = (min(a, b), max(a, b)) in grouped
        tp += predicted and label
        fp += predicted and not label
        if label and not predicted:
            fn += 1
            missed.append((names[a], names[b]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "missed": missed,
            "stories": len(stories)}


def labelled_records(cache: Path, jobs: int) -> list:
    from generator import pipeline

    paths = [SHARED / s / "articles" for s in ("polnear-dev", "bbc-dev")]
    return [r for r in pipeline.run(paths, jobs=jobs, cache_dir=cache) if hasattr(r, "id")]


def grouping(records: list, thresholds: list[float]) -> None:
    from generator import aggregate, stories

    sure, maybe = load_labels()
    index = aggregate.build(records, min_articles=aggregate.MIN_ARTICLES)
    names = {r.id: Path(r.path).name for r in index.records}
    print(f"labelled set: {len(names)} articles, {sum(1 for _ in _positive_pairs(names, sure, maybe))} same-story "
          f"pairs (sure), {len({g for g in sure.values()})} groups with two or more sure members")
    default = stories.StoryOptions()
    for t in sorted({default.threshold, *thresholds}):
        found = stories.group(index, dataclasses.replace(default, threshold=t))
        fig = precision_recall(found, names, sure, maybe)
        mark = "  (default)" if t == default.threshold else ""
        print(f"  threshold {t:.2f}: precision {fig['precision']:.2f} ({fig['tp']}/{fig['tp'] + fig['fp']} pairs), "
              f"recall {fig['recall']:.2f} ({fig['tp']}/{fig['tp'] + fig['fn']}), {fig['stories']} stories{mark}")
    found = stories.group(index, default)
    fig = precision_recall(found, names, sure, maybe)
    print("stories at the default options:")
    for s in found:
        print(f"  {s.title[:70]!r}: " + ", ".join(names[rid][:40] for rid in s.articles))
    print("same-story pairs not grouped:")
    for a, b in fig["missed"]:
        print(f"  {a[:45]}  ~  {b[:45]}")


def _positive_pairs(names, sure, maybe):
    return (p for p in itertools.combinations(sorted(names.values()), 2) if truth(*p, sure, maybe))


def speed(records: list, sizes: list[int]) -> None:
    from site_size import variants

    from generator import aggregate, stories

    for n in sizes:
        many = variants(records, n)
        t0 = time.perf_counter()
        index = aggregate.build(many, min_articles=aggregate.MIN_ARTICLES)
        t1 = time.perf_counter()
        found = stories.group(index)
        t2 = time.perf_counter()
        sizes_ = sorted((len(s.articles) for s in found), reverse=True)
        print(f"{n:,} articles: aggregate.build {t1 - t0:.1f} s, stories.group {t2 - t1:.1f} s; "
              f"{len(found):,} stories, {sum(sizes_):,} articles in them, largest {sizes_[0] if sizes_ else 0}",
              flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000", help="comma-separated article counts for the speed part ('' none)")
    ap.add_argument("--thresholds", default="0.15,0.2,0.25,0.3,0.4")
    ap.add_argument("--cache", type=Path, default=ROOT / ".summary-site-cache")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is not there (the labelled articles live outside the project)")
        return 0
    records = labelled_records(args.cache, args.jobs)
    grouping(records, [float(x) for x in args.thresholds.split(",") if x])
    if args.sizes:
        from search import base_records

        speed(base_records(args.cache, args.jobs), [int(x) for x in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
