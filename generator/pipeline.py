"""Paths -> Records: ingest every file, analyse what the cache does not have, on all cores, in input order.

The model is loaded once in the parent; worker processes are forked after that, so they share it.
Each worker runs `nlp.pipe` over a chunk of articles and analyses them, so the Python work after
spaCy is spread over the cores too. That is the local pool; generator.executors runs the same chunks
on a Dask cluster instead, and generator.store keeps each batch's records as a shard.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator import PIPELINE_VERSION
from generator.analyse import analyse, text_of, unique_slug
from generator.ingest import IngestError, find_articles, read_path
from generator.records import Article, Record
from generator.store import Store, entry

if TYPE_CHECKING:
    from generator.executors import Executor

log = logging.getLogger(__name__)
CHUNK = 8
BATCH = 256  # files read, looked up and analysed together; bounds memory on big folders
WORKER_MEMORY = 6 * 1024**3


class Cache:
    """Records on disk keyed by the article's content and the pipeline's version."""

    def __init__(self, root: Path | None):
        self.root = root

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        if self.root is None:
            return None
        try:
            return json.loads(self._file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, record: dict) -> None:
        if self.root is None:
            return
        f = self._file(key)
        try:
            f.parent.mkdir(parents=True, exist_ok=True)
            tmp = f.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(tmp, f)
        except (OSError, ValueError) as e:  # ValueError covers UnicodeError: the cache is only an optimisation
            log.debug("cache write failed: %s", e)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """PIPELINE_VERSION plus a digest of the analysis code and model, so any change recomputes."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    pkg = Path(__file__).parent
    for f in sorted([*pkg.glob("analyse/*.py"), pkg / "records.py", pkg / "nlp.py", pkg / "langid.py"]):
        h.update(f.read_bytes())
    from generator.nlp import model_name

    h.update(model_name().encode())
    return h.hexdigest()[:16]


def article_key(article: Article) -> str:
    payload = json.dumps(asdict(article), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((pipeline_version() + payload).encode("utf-8", "surrogatepass")).hexdigest()


def detect_language(article: Article) -> str:
    """ISO 639-1 code. Short or mixed text defaults to English: we only stop analysing when sure."""
    from generator.langid import detect

    text, _, _ = text_of(article)
    return detect(article.title + "\n" + text)


# --- workers -------------------------------------------------------------------------------------------

def _analyse_chunk(chunk: list[tuple[str, Article]]) -> list[tuple[str, dict | str]]:
    from generator.nlp import load

    nlp = load()
    chunk = [(k, a, detect_language(a)) for k, a in chunk]
    english = [(k, a) for k, a, lang in chunk if lang == "en"]
    results: dict[str, dict | str] = {}
    texts = [text_of(a)[0] for _, a in english]
    try:
        docs = list(nlp.pipe(texts, batch_size=CHUNK))
    except Exception:  # one bad text must not sink the chunk: retry one by one
        docs = []
        for t in texts:
            try:
                docs.append(nlp(t))
            except Exception as e:  # noqa: BLE001
                docs.append(e)
    for (k, a), doc in zip(english, docs):
        if isinstance(doc, Exception):
            results[k] = f"language analysis failed ({type(doc).__name__}: {doc})"
            continue
        try:
            results[k] = analyse(a, doc).to_dict()
        except Exception as e:  # noqa: BLE001  an analysis bug is reported for this article only
            log.debug("analysis failed for %s", a.path, exc_info=True)
            results[k] = f"analysis failed ({type(e).__name__}: {e})"
    for k, a, lang in chunk:
        if lang != "en":
            results[k] = analyse(a, None, lang).to_dict()
    return [(k, results[k]) for k, _, _ in chunk]


def run(paths: list[str | Path], *, jobs: int = 0, cache_dir: Path | None = None,
        progress: Callable[[int], None] | None = None, stats: dict | None = None,
        executor: Executor | None = None, store: Store | None = None) -> Iterator[Record | IngestError]:
    """Records (or errors) for every article under `paths`, in a stable order, streamed batch by batch so
    memory does not grow with the folder. The model is loaded only if something is not in the cache.

    `executor` analyses (default: the local pool of `jobs` processes); `store`, when given, receives each
    batch as a shard, and a batch whose shard it already has is taken from it without analysing.
    `stats`, when given, receives counts: articles, analysed, cached, failed.
    """
    from generator.executors import LocalPool

    executor = executor or LocalPool(jobs)
    files, errors = find_articles(paths)
    counts = {"articles": 0, "analysed": 0, "cached": 0, "failed": len(errors)}
    yield from errors
    cache = Cache(cache_dir)
    seen_ids: set[str] = set()
    pending: deque[_Batch] = deque()  # batches handed to the executor, oldest first: a cluster works ahead
    for start in range(0, len(files), BATCH):
        pending.append(_begin(files[start:start + BATCH], cache, store, executor, counts, progress))
        while len(pending) >= getattr(executor, "window", 1):
            yield from _end(pending.popleft(), cache, store, counts, progress, seen_ids)
    while pending:
        yield from _end(pending.popleft(), cache, store, counts, progress, seen_ids)
    log.info("%d articles: %d from the cache, %d analysed", counts["articles"], counts["cached"], counts["analysed"])
    if stats is not None:
        stats.update(counts)


@dataclass
class _Batch:
    items: list[Article | IngestError]
    keys: list[str | None]
    shard: str | None
    stored: list[dict] | None
    done: dict[str, dict | str | None]
    results: Iterator[tuple[str, dict | str]]


def _begin(files: list[Path], cache: Cache, store: Store | None, executor: Executor, counts: dict,
           progress: Callable[[int], None] | None) -> _Batch:
    """Read a batch, take what the store or the cache has, and hand the rest to the executor."""
    items = [x for f in files for x in read_path(f)]
    keys: list[str | None] = [None if isinstance(item, IngestError) else article_key(item) for item in items]
    shard = store.shard_name(items, keys) if store is not None else None
    stored = store.get(shard, len(items)) if shard is not None else None
    done: dict[str, dict | str | None] = {k: e for k, e in zip(keys, stored or []) if k is not None}
    todo: list[tuple[str, Article]] = []
    for item, k in zip(items, keys):
        if k is None:
            continue
        if k not in done:
            done[k] = cache.get(k)
            if done[k] is None:
                todo.append((k, item))
    n_articles = sum(k is not None for k in keys)
    counts["articles"] += n_articles
    counts["analysed"] += len(todo)
    counts["cached"] += n_articles - len(todo)
    if progress:
        progress(n_articles - len(todo))
    return _Batch(items, keys, shard, stored, done, executor.analyse(todo))


def _end(batch: _Batch, cache: Cache, store: Store | None, counts: dict, progress: Callable[[int], None] | None,
         seen_ids: set[str]) -> Iterator[Record | IngestError]:
    """Collect a batch's analyses, store them, and yield its records (ids made unique) and errors in order."""
    items, keys, done = batch.items, batch.keys, batch.done
    for k, result in batch.results:
        done[k] = result
        if isinstance(result, dict):
            cache.put(k, result)
        if progress:
            progress(1)
    if store is not None and batch.shard is not None and batch.stored is None:
        store.put(batch.shard, [entry(item, None if k is None else done[k]) for item, k in zip(items, keys)])
    for item, k in zip(items, keys):
        result = item if k is None else done[k]
        if isinstance(result, IngestError) or isinstance(result, str) or result is None:
            counts["failed"] += 1
            yield result if isinstance(result, IngestError) else IngestError(
                item.path, result or "not analysed", item.item)
            continue
        record = Record.from_dict(result)
        record.path = item.path
        record.id = unique_slug(record.id, seen_ids)
        yield record


@lru_cache(maxsize=1)
def _warm_up() -> None:
    """Load the model and build the lookup tables once, before forking: workers share them."""
    from generator.analyse import gazetteer, names
    from generator.langid import _identifier
    from generator.nlp import load

    load()
    gazetteer._index()
    names._detector()
    names._nicknamer()
    _identifier()


def _worker_init() -> None:
    """Cap each worker's memory: a runaway article becomes a MemoryError for that article, not a dead machine."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    except (ImportError, ValueError, OSError):
        pass


def _analyse_all(todo: list[tuple[str, Article]], jobs: int) -> Iterator[tuple[str, dict | str]]:
    """Analyse chunks in forked workers. A worker that dies (killed, out of memory) costs only its own
    articles: the others are retried one by one in a fresh pool, and what still crashes is reported."""
    if not todo:
        return
    jobs = max(1, jobs or os.cpu_count() or 1)
    pending = deque(todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK))
    ctx = multiprocessing.get_context("fork")
    while pending:
        workers = min(jobs, len(pending))
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init) as pool:
            submitted = [(chunk, pool.submit(_analyse_chunk, chunk)) for chunk in pending]
            pending = deque()
            broken = False
            for chunk, future in submitted:
                if broken and not future.done():
                    pending.append(chunk)
                    continue
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    broken = True
                    if len(chunk) > 1:
                        pending.extend([item] for item in chunk)
                    else:
                        yield chunk[0][0], "analysis crashed (the worker process died, perhaps out of memory)"
