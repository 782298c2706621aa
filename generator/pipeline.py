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
import re
import shutil
import sys
import time
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
from generator.ingest import IngestError, find_articles, find_hints, read_path
from generator.records import Article, Record, json_problem
from generator.store import Store, entry

if TYPE_CHECKING:
    from generator.executors import Executor

log = logging.getLogger(__name__)
CHUNK = 8
BATCH = 256  # files read, looked up and analysed together; bounds memory on big folders
WORKER_MEMORY = 6 * 1024**3


class Cache:
    """Records on disk keyed by the article's content, in one folder per pipeline version.

    An entry is checked when read (its version, its key, the shape of the record): a damaged or foreign one is
    removed and the article analysed again, with one warning line. `prune` removes other versions' folders, so
    the cache does not grow with every upgrade."""

    def __init__(self, root: Path | None):
        self.root = root
        self.version = pipeline_version() if root is not None else ""

    def _file(self, key: str) -> Path:
        return self.root / self.version / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        if self.root is None:
            return None
        f = self._file(key)
        try:
            problem, record = self._check(f.read_text(encoding="utf-8"), key)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, ValueError) as e:  # ValueError: not UTF-8
            problem, record = f"cannot read it ({getattr(e, 'strerror', None) or type(e).__name__})", None
        if problem is None:
            try:
                os.utime(f)  # last used now: entries unused for MAX_AGE are pruned
            except OSError:
                pass
            return record
        log.warning("warning: %s: unusable cache entry (%s); analysing the article again", f, problem)
        try:
            f.unlink()
        except OSError:
            pass
        return None

    def _check(self, text: str, key: str) -> tuple[str | None, dict | None]:
        """(None, record) for a good entry, else (why not, None)."""
        try:
            entry = json.loads(text)
        except ValueError:
            return "not JSON", None
        if not isinstance(entry, dict) or set(entry) != {"version", "key", "record"}:
            return "not a cache entry of this version", None
        if entry["version"] != self.version or entry["key"] != key:
            return "written for another version or article", None
        problem = json_problem(entry["record"])
        return (problem, None) if problem else (None, entry["record"])

    def put(self, key: str, record: dict) -> None:
        if self.root is None:
            return
        f = self._file(key)
        entry = {"version": self.version, "key": key, "record": record}
        try:
            f.parent.mkdir(parents=True, exist_ok=True)
            tmp = f.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(tmp, f)
        except (OSError, ValueError) as e:  # ValueError covers UnicodeError: the cache is only an optimisation
            log.debug("cache write failed: %s", e)

    def prune(self) -> None:
        """Remove the folders of other pipeline versions and the flat layout of earlier releases, and (once a
        day) this version's entries unused for MAX_AGE: edited and deleted articles do not pile up."""
        if self.root is None or not self.root.is_dir():
            return
        self._prune_unused()
        try:
            entries = list(os.scandir(self.root))
        except OSError:
            return
        removed = 0
        for folder in entries:
            if folder.name == self.version or not folder.is_dir(follow_symlinks=False):
                continue
            try:
                ours = _VERSION_DIR.fullmatch(folder.name) or (
                    _FLAT_DIR.fullmatch(folder.name) and all(_FLAT_FILE.fullmatch(n) for n in os.listdir(folder.path)))
            except OSError:
                continue
            if ours:
                shutil.rmtree(folder.path, ignore_errors=True)
                removed += 1
        if removed:
            log.info("cache: removed %d folders of records from other pipeline versions", removed)

    def _prune_unused(self) -> None:
        stamp = self.root / self.version / ".pruned"
        now = time.time()
        try:
            if now - stamp.stat().st_mtime < 86400:
                return
        except OSError:
            pass
        removed = 0
        for folder in (self.root / self.version).glob("??"):
            try:
                for entry in os.scandir(folder):
                    if now - entry.stat(follow_symlinks=False).st_mtime > MAX_AGE:
                        os.unlink(entry.path)
                        removed += 1
            except OSError:
                continue
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
        except OSError:
            pass
        if removed:
            log.info("cache: removed %d records unused for %d days", removed, MAX_AGE // 86400)


MAX_AGE = 30 * 86400
"""Seconds a cache entry is kept without being used."""
_VERSION_DIR = re.compile(r"[0-9a-f]{16}")
_FLAT_DIR = re.compile(r"[0-9a-f]{2}")
_FLAT_FILE = re.compile(r"[0-9a-f]{64}(?:\.json|\.\d+\.tmp)")
"""Folder names of other versions; the flat layout's folders are removed only if they hold nothing but entries."""


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
        filename_pattern: str | None = None, executor: Executor | None = None,
        store: Store | None = None) -> Iterator[Record | IngestError]:
    """Records (or errors) for every article under `paths`, in a stable order, streamed batch by batch so
    memory does not grow with the folder. The model is loaded only if something is not in the cache.

    `executor` analyses (default: the local pool of `jobs` processes); `store`, when given, receives each
    batch as a shard, and a batch whose shard it already has is taken from it without analysing.
    `stats`, when given, receives counts: articles, analysed, cached, failed. `filename_pattern` (such as
    `{source}_{date}_{slug}`) reads metadata from file names (see `generator.ingest.hints`).
    """
    from generator.executors import LocalPool

    executor = executor or LocalPool(jobs)
    files, errors = find_articles(paths)
    hints, hint_errors = find_hints(paths, files, filename_pattern)
    errors += hint_errors
    counts = {"articles": 0, "analysed": 0, "cached": 0, "failed": len(errors)}
    yield from errors
    cache = Cache(cache_dir)
    cache.prune()
    seen_ids: set[str] = set()
    pending: deque[_Batch] = deque()  # batches handed to the executor, oldest first: a cluster works ahead
    for start in range(0, len(files), BATCH):
        pending.append(_begin(files[start:start + BATCH], hints, cache, store, executor, counts, progress))
        while len(pending) >= getattr(executor, "window", 1):
            yield from _end(pending.popleft(), cache, store, counts, progress, seen_ids)
    while pending:
        yield from _end(pending.popleft(), cache, store, counts, progress, seen_ids)
    log.info("%d article%s: %d from the cache, %d analysed", counts["articles"], "s" * (counts["articles"] != 1),
             counts["cached"], counts["analysed"])
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


def _begin(files: list[Path], hints: dict, cache: Cache, store: Store | None, executor: Executor, counts: dict,
           progress: Callable[[int], None] | None) -> _Batch:
    """Read a batch, take what the store or the cache has, and hand the rest to the executor."""
    items = [x for f in files for x in read_path(f, hints.get(f))]
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
    """Cap each worker's memory: a runaway article becomes a MemoryError for that article, not a dead machine.
    On Linux a worker also dies with its parent, so a build killed mid-analysis leaves no workers behind."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    except (ImportError, ValueError, OSError):
        pass
    _die_with_parent()


def _die_with_parent() -> None:
    """prctl(PR_SET_PDEATHSIG, SIGKILL); elsewhere a no-op (the pool still ends its workers on a normal exit)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
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
