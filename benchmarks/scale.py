"""Scale benchmark: N articles through analyze, generate and mkdocs build; prints figures, asserts nothing.

    python benchmarks/scale.py --articles 1000 [--jobs 2] [--keep DIR]

The corpus is made of variants of real article texts: the seed article, plus the articles in
../shared/eval/*/articles when that folder is beside the project (they are read, never copied into
the repository). A variant gets its own title and a rotated paragraph order, so each one is a distinct
article for the cache and the site.

Figures: articles/s for `analyze` (cold cache), the same texts through bare `nlp.pipe` with the same
model and worker count (the ratio of the two), `generate` with a warm cache and after no change,
`mkdocs build`, site size, average article page size, and peak memory (this process and its workers).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    shared = ROOT.parent / "shared" / "eval"
    if shared.is_dir():
        for p in sorted(shared.glob("*/articles/*.txt")):
            texts.append(p.read_text(encoding="utf-8"))
    return texts


def make_corpus(folder: Path, n: int) -> None:
    texts = base_texts()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = texts[i % len(texts)].strip().split("\n")
        title, body = lines[0], [ln for ln in lines[1:]]
        paragraphs = [p for p in "\n".join(body).split("\n\n") if p.strip()]
        k = (i // len(texts)) % max(1, len(paragraphs))
        if k and len(paragraphs) > 3:
            head, rest = paragraphs[:1], paragraphs[1:]
            paragraphs = head + rest[k % len(rest):] + rest[:k % len(rest)]
        text = f"{title} (variant {i})\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")


def peak_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="summary-site-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    seeds, docs, cache, site = work / "seeds", work / "docs", work / "cache", work / "site"
    for d in (seeds, docs, cache, site):
        shutil.rmtree(d, ignore_errors=True)
    make_corpus(seeds, args.articles)
    for page in ("index.md", "about.md"):
        docs.mkdir(exist_ok=True)
        shutil.copy(ROOT / "docs" / page, docs / page)
    if (ROOT / "docs" / "assets").is_dir():
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")

    from generator import pipeline
    from generator import site as site_mod
    from generator.analyse import text_of
    from generator.ingest import read_path
    from generator.nlp import load

    t = time.perf_counter()
    nlp = load()
    load_s = time.perf_counter() - t

    # 1. analyze, cold cache
    t = time.perf_counter()
    records = [r for r in pipeline.run([seeds], jobs=args.jobs, cache_dir=cache) if hasattr(r, "id")]
    analyze_s = time.perf_counter() - t

    # 2. bare nlp.pipe over the same texts, same workers
    texts = [text_of(a)[0] for f in sorted(seeds.iterdir()) for a in read_path(f)]
    tokens = 0
    t = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=8, n_process=args.jobs):
        tokens += len(doc)
    bare_s = time.perf_counter() - t

    # 3. generate (warm cache), then again with no change
    t = time.perf_counter()
    site_mod.generate(seeds, docs, jobs=args.jobs, cache=cache)
    generate_s = time.perf_counter() - t
    t = time.perf_counter()
    site_mod.generate(seeds, docs, jobs=args.jobs, cache=cache)
    regenerate_s = time.perf_counter() - t

    # 4. mkdocs build
    config = work / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    t = time.perf_counter()
    site_mod.build_site(config, docs, site)
    build_s = time.perf_counter() - t

    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    pages = [p for p in (site / "articles").glob("*/index.html")]
    avg_page = sum(p.stat().st_size for p in pages) / max(1, len(pages))
    search = site / "search" / "search_index.json"
    me, kids = peak_mb()

    n = len(records)
    rows = [
        ("articles", f"{n}"),
        ("tokens", f"{tokens:,}"),
        ("model load", f"{load_s:.1f} s"),
        ("analyze (cold cache)",
         f"{analyze_s:.1f} s  = {n / analyze_s:.1f} articles/s, {tokens / analyze_s:,.0f} tokens/s"),
        ("bare nlp.pipe, same texts", f"{bare_s:.1f} s  = {tokens / bare_s:,.0f} tokens/s"),
        ("analyze / bare nlp.pipe", f"{analyze_s / bare_s:.2f}x"),
        ("generate (warm cache)", f"{generate_s:.1f} s"),
        ("generate (no change)", f"{regenerate_s:.1f} s"),
        ("mkdocs build", f"{build_s:.1f} s"),
        ("analyze + generate + build", f"{analyze_s + generate_s + build_s:.1f} s"),
        ("site size", f"{size / 1e6:.1f} MB in {len(files):,} files"),
        ("search index", f"{search.stat().st_size / 1e6:.1f} MB" if search.exists() else "none"),
        ("article page, average", f"{avg_page / 1024:.1f} KB of HTML ({len(pages)} pages)"),
        ("peak memory", f"{me:.0f} MB main process, {kids:.0f} MB largest worker"),
        ("jobs", f"{args.jobs}"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
