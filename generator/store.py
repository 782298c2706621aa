"""The records store: JSON Lines shards in a folder or at any fsspec URL (s3://..., gs://...).

`analyze --out` writes one shard per batch of input files, named by a digest of its articles' cache keys
(content plus pipeline version) and read errors; a shard already there is not recomputed, so a run that
stopped resumes where it was. A shard holds one line per input item, in order: the record as analysed
(ids are made unique when the store is read, as `analyze` does) or `{"error": ..., "path": ...}`.
`manifest.json`, written when a run completes, lists the shards in order; stale shards are then removed.

`read` takes a JSON Lines file (as `analyze` prints), a folder of shards or a URL, and yields what
`pipeline.run` would have: records with unique ids, and one IngestError per bad item or bad line.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator

from generator.ingest import IngestError
from generator.records import Record

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
PREFIX = "shard-"
FORMAT = 1


class StoreError(RuntimeError):
    """The store cannot be opened, read or written at all; the message is one line."""


def _fs(location: str):
    try:
        from fsspec.core import url_to_fs

        return url_to_fs(str(location))
    except ImportError as e:  # a URL whose protocol needs a package the user has not installed (s3fs, gcsfs)
        raise StoreError(f"{location}: {e}") from None
    except ValueError as e:
        raise StoreError(f"{location}: {e}") from None


def _join(root: str, name: str) -> str:
    return root.rstrip("/") + "/" + name


class Store:
    """A folder of shards being written by one `analyze --out` run."""

    def __init__(self, location: str):
        self.location = str(location)
        self.fs, self.root = _fs(self.location)
        try:
            self.fs.makedirs(self.root, exist_ok=True)
            self.existing = {p.rsplit("/", 1)[-1] for p in self.fs.ls(self.root, detail=False)}
        except OSError as e:
            raise StoreError(f"{self.location}: cannot use as a records store ({e})") from None
        self.used: list[str] = []
        self.reused = 0

    @staticmethod
    def shard_name(items: list, keys: list[str | None]) -> str:
        h = hashlib.sha256(f"summary-site-store-{FORMAT}".encode())
        for item, key in zip(items, keys):
            h.update((key or f"error:{item}").encode("utf-8", "surrogatepass") + b"\n")
        return f"{PREFIX}{h.hexdigest()[:24]}.jsonl"

    def get(self, name: str, n_items: int) -> list[dict] | None:
        """The shard's entries if it is complete and needs no recomputing (no analysis failure in it)."""
        self.used.append(name)
        if name not in self.existing:
            return None
        try:
            with self.fs.open(_join(self.root, name), "r", encoding="utf-8") as f:
                entries = [json.loads(line) for line in f if line.strip()]
        except (OSError, ValueError) as e:
            log.debug("shard %s unreadable, recomputed: %s", name, e)
            return None
        if len(entries) != n_items or any(e.get("stage") == "analysis" for e in entries):
            return None
        self.reused += 1
        return entries

    def put(self, name: str, entries: list[dict]) -> None:
        """Write a shard whole: a temporary name, then moved into place, so a crash leaves no half shard."""
        path, tmp = _join(self.root, name), _join(self.root, f".{name}.tmp")
        try:
            with self.fs.open(tmp, "w", encoding="utf-8") as f:
                for e in entries:
                    f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
            self.fs.mv(tmp, path)
        except OSError as e:
            raise StoreError(f"{path}: cannot write ({e})") from None
        self.existing.add(name)

    def finish(self) -> None:
        """The run completed: write the manifest, then remove the shards it no longer lists."""
        manifest = {"format": FORMAT, "shards": self.used}
        path, tmp = _join(self.root, MANIFEST), _join(self.root, f".{MANIFEST}.tmp")
        try:
            with self.fs.open(tmp, "w", encoding="utf-8") as f:
                json.dump(manifest, f, indent=1)
            self.fs.mv(tmp, path)
            keep = set(self.used)
            for name in sorted(self.existing - keep):
                if name.startswith(PREFIX) and name.endswith(".jsonl"):
                    self.fs.rm(_join(self.root, name))
        except OSError as e:
            raise StoreError(f"{path}: cannot write ({e})") from None


def entry(item, result) -> dict:
    """One shard line for an input item: its record dict, or its error."""
    if isinstance(item, IngestError):
        return {"error": item.reason, "path": item.path, "item": item.item, "stage": "ingest"}
    if isinstance(result, dict):
        return {**result, "path": item.path}
    return {"error": result or "not analysed", "path": item.path, "item": item.item, "stage": "analysis"}


# --- reading ----------------------------------------------------------------------------------------------

def _lines(fs, path: str) -> Iterator[tuple[int, str]]:
    with fs.open(path, "r", encoding="utf-8", errors="surrogateescape") as f:
        yield from enumerate(f, 1)


def _shards(fs, root: str, location: str) -> list[str]:
    manifest = _join(root, MANIFEST)
    if fs.exists(manifest):
        try:
            with fs.open(manifest, "r", encoding="utf-8") as f:
                return [_join(root, name) for name in json.load(f)["shards"]]
        except (ValueError, KeyError, TypeError) as e:
            raise StoreError(f"{manifest}: not a summary-site manifest ({e})") from None
    found = sorted(p for p in fs.ls(root, detail=False) if p.endswith(".jsonl") and not
                   p.rsplit("/", 1)[-1].startswith("."))
    if not found:
        raise StoreError(f"{location}: no records here (no manifest.json, no .jsonl files)")
    return found


def read(location: str) -> Iterator[Record | IngestError]:
    """Records and errors from a JSON Lines file, a folder of shards or a URL, ids made unique in order."""
    from generator.analyse import unique_slug

    fs, root = _fs(location)
    try:
        if not fs.exists(root):
            raise StoreError(f"{location}: no such file or folder of records")
        paths = _shards(fs, root, location) if fs.isdir(root) else [root]
    except OSError as e:
        raise StoreError(f"{location}: cannot read ({e})") from None
    seen: set[str] = set()
    for path in paths:
        try:  # one line at a time: a store of 100,000 records is over a gigabyte of text
            for n, line in _lines(fs, path):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    if "error" in d:
                        yield IngestError(str(d.get("path", f"{path}:{n}")), str(d["error"]), d.get("item"))
                        continue
                    record = Record.from_dict(d)
                except (ValueError, KeyError, TypeError, AttributeError) as e:
                    yield IngestError(f"{path}:{n}", f"not a summary-site record ({type(e).__name__}: {e})")
                    continue
                record.id = unique_slug(record.id, seen)
                yield record
        except (OSError, UnicodeError) as e:
            yield IngestError(path, f"cannot read records ({e})")
