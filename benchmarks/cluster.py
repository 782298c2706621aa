"""Cluster benchmark: the local pool against a Dask LocalCluster of 1 and 2 workers; prints figures, asserts nothing.

    python benchmarks/cluster.py --articles 1000 [--workers 1,2] [--jobs 2]

The corpus is scale.py's (variants of the seed and ../shared/eval articles, made in a temporary folder).
Each executor analyses the whole corpus with no cache. Figures: start-up (the local pool loads the model
once in this process before forking; a cluster spawns its workers, each loading the model through the
plugin), analysis time and articles/s after start-up, total, the CPU time of this process (for a
LocalCluster it holds the scheduler and the nannies) and of the workers, and whether the records are
byte-identical to the local pool's. Also the bytes that travel per article (article out, record back) against what a
pickled spaCy Doc would cost. The machine may be shared: run it twice and read the figures as rough.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _records(items) -> list[str]:
    return [json.dumps(r.to_dict(), ensure_ascii=False) for r in items if hasattr(r, "to_dict")]


def _run(label: str, make_executor, corpus: Path) -> tuple[list[str], dict]:
    from generator import pipeline

    t0, cpu0 = time.perf_counter(), os.times()
    executor = make_executor()
    with executor:
        if hasattr(executor, "start"):  # a cluster starts its workers, each loading the model
            executor.start()
        else:  # the local pool loads the model before it forks
            pipeline._warm_up()
        started = time.perf_counter()
        records = _records(pipeline.run([corpus], cache_dir=None, executor=executor))
        done = time.perf_counter()
    closed, cpu1 = time.perf_counter(), os.times()
    fig = {"label": label, "start": started - t0, "analyse": done - started, "close": closed - done,
           "total": closed - t0, "n": len(records)}
    me = cpu1.user + cpu1.system - cpu0.user - cpu0.system
    kids = cpu1.children_user + cpu1.children_system - cpu0.children_user - cpu0.children_system
    print(f"{label:<24} start-up {fig['start']:6.1f} s  analysis {fig['analyse']:7.1f} s  "
          f"{fig['n'] / fig['analyse']:6.1f} articles/s  close {fig['close']:4.1f} s  total {fig['total']:7.1f} s "
          f"({fig['n'] / fig['total']:.1f} articles/s overall); CPU: this process {me:.1f} s, "
          f"workers {kids:.1f} s", flush=True)
    return records, fig


def _wire_sizes(corpus: Path) -> None:
    from dataclasses import asdict

    from generator import pipeline
    from generator.analyse import text_of
    from generator.ingest import read_path
    from generator.nlp import load

    articles = [a for f in sorted(corpus.iterdir())[:32] for a in read_path(f)]
    out = sum(len(pickle.dumps(asdict(a))) for a in articles) / len(articles)
    results = pipeline._analyse_chunk([(str(i), a) for i, a in enumerate(articles[:8])])
    back = sum(len(pickle.dumps(r)) for _, r in results) / len(results)
    nlp = load()
    doc = sum(len(pickle.dumps(nlp(text_of(a)[0]))) for a in articles[:8]) / 8
    print(f"bytes per article: {out / 1024:.1f} KiB out (article), {back / 1024:.1f} KiB back (record dict); "
          f"a pickled spaCy Doc would be {doc / 1024:.0f} KiB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", default="1,2", help="LocalCluster sizes to try (default: %(default)s)")
    ap.add_argument("--jobs", type=int, default=2, help="local pool processes (default: %(default)s)")
    args = ap.parse_args()

    from scale import make_corpus

    from generator.executors import DaskExecutor, LocalPool

    corpus = Path(tempfile.mkdtemp(prefix="summary-site-cluster-")) / "articles"
    make_corpus(corpus, args.articles)
    print(f"{args.articles} articles, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    local, base = _run(f"local pool ({args.jobs} proc)", lambda: LocalPool(args.jobs), corpus)
    for n in [int(x) for x in args.workers.split(",") if x]:
        records, fig = _run(f"LocalCluster ({n} worker{'s' * (n > 1)})", lambda n=n: DaskExecutor(jobs=n), corpus)
        print(f"    records identical to the local pool's: {'yes' if records == local else 'NO'}; "
              f"overhead against the local pool: start-up {fig['start'] - base['start']:+.1f} s, "
              f"analysis {100 * (fig['analyse'] / base['analyse'] - 1):+.0f}%, "
              f"total {100 * (fig['total'] / base['total'] - 1):+.0f}%", flush=True)
    _wire_sizes(corpus)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":  # Dask spawns its workers: they import this file and must not run it
    raise SystemExit(main())
