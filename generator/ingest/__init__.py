"""Ingest: files on disk -> `Article` records, one reader per format, picked by sniffing the content.

Every failure is an `IngestError` whose message is one line naming the file (and item) and the reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from generator.ingest import feed, html, jsondata, markdown, text
from generator.ingest import hints as hints_mod
from generator.ingest.decode import DecodeError, decode
from generator.ingest.hints import Hints, is_sidecar
from generator.ingest.meta import clean_url, date_from_text
from generator.records import Article

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson",
            ".xml", ".rss", ".atom", ".feed"}
"""Files picked up when a folder is given (single files are read whatever their suffix)."""

MAX_CHARS = 100_000
"""Longer bodies are cut (with a note): spaCy's memory grows with the text, and no article is that long."""


class IngestError(Exception):
    def __init__(self, path: str, reason: str, item: int | None = None):
        self.path, self.reason, self.item = path, reason, item
        where = f"{path} (item {item})" if item is not None else path
        super().__init__(f"{where}: {reason}")


def find_articles(paths: list[str | Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand folders into their article files, sorted; report paths that cannot be read at all."""
    files: list[Path] = []
    errors: list[IngestError] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    f = Path(root, name)
                    if name.startswith(".") or f.suffix.lower() not in SUFFIXES or is_sidecar(name):
                        continue
                    problem = _not_readable(f)
                    if problem:
                        errors.append(IngestError(str(f), problem))
                    else:
                        files.append(f)
        elif not p.exists() and not p.is_symlink():
            errors.append(IngestError(str(p), "no such file"))
        elif problem := _not_readable(p):
            errors.append(IngestError(str(p), problem))
        else:
            files.append(p)
    return files, errors


def find_hints(paths: list[str | Path], files: list[Path], filename_pattern: str | None = None
               ) -> tuple[dict[Path, Hints], list[IngestError]]:
    """Sidecar and path metadata for `files` (see `generator.ingest.hints`); a sidecar or pattern that
    cannot be used is an error naming it, and the articles are read without it."""
    found, errors = hints_mod.collect(paths, files, filename_pattern)
    return found, [IngestError(e.path, e.reason) for e in errors]


def _not_readable(f: Path) -> str | None:
    """Why a path found in a folder is no file to read: reading a FIFO or a device would block or never end."""
    try:
        if not f.exists():
            return "broken symbolic link (or a link loop)"
    except OSError as e:
        return f"cannot read ({e.strerror or e})"
    if not f.is_file():
        return "not a regular file"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _unicode(s: str) -> str:
    """Lone surrogates (from undecodable file names, or "\\ud800" escapes in JSON) cannot be written as
    UTF-8: they become U+FFFD."""
    return _SURROGATE.sub("\ufffd", s)


def _valid_unicode(a: Article) -> Article:
    for f in ("path", "title", "standfirst", "source", "date", "url"):
        value = getattr(a, f)
        if isinstance(value, str):
            setattr(a, f, _unicode(value))
    for f in ("paragraphs", "authors", "tags", "boilerplate"):
        setattr(a, f, [_unicode(x) for x in getattr(a, f)])
    return a


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())[:200]


def read_path(path: Path, hints: Hints | None = None) -> Iterator[Article | IngestError]:
    """Read one file: yields its articles, or an error per unusable file or item. `hints` (from a sidecar
    and the path) fill what the file's own metadata lacks."""
    name = _unicode(str(path))  # a file name that is not UTF-8 still prints and serialises
    try:
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(name, f"cannot read ({e.strerror or e})")
        return
    try:
        content = decode(data)
    except DecodeError as e:
        yield IngestError(name, str(e))
        return
    fmt = sniff(content, path.suffix.lower())
    try:
        if fmt in ("json", "jsonl"):
            items = jsondata.parse(content, name, lines=fmt == "jsonl")
        elif fmt == "feed":
            items = feed.parse(content, name)
        elif fmt == "html":
            items = [html.parse(content, name)]
        elif fmt == "markdown":
            items = [markdown.parse(content, name)]
        else:
            items = [text.parse(content, name)]
    except ValueError as e:
        yield IngestError(name, str(e))
        return
    except RecursionError:
        yield IngestError(name, f"{fmt} nested too deeply to read")
        return
    except Exception as e:  # noqa: BLE001  a reader's bug or a parser's limit: this file fails, not the batch
        yield IngestError(name, f"cannot read as {fmt} ({type(e).__name__}: {_one_line(e)})")
        return
    for i, item in enumerate(items):
        if isinstance(item, IngestError) or isinstance(item, Exception):
            yield item if isinstance(item, IngestError) else IngestError(name, str(item), i if len(items) > 1 else None)
            continue
        problem = check(item)
        if problem:
            yield IngestError(name, problem, item.item)
            continue
        item = with_provenance(item, hints)
        item.url, dropped = clean_url(item.url)  # after the sidecar's url is in
        if dropped:
            item.notes.append(dropped)
        yield _limit(_valid_unicode(item))


def with_provenance(a: Article, hints: Hints | None) -> Article:
    """Date and source from the strongest place that has them (see `records.PROVENANCE`), and where from."""
    a.date_from = (a.date_from or "metadata") if a.date else None
    a.source_from = "metadata" if a.source else None
    if hints:
        if hints.date and (not a.date or a.date_from == "dateline"):  # a dateline comes after the path
            a.date, a.date_from = hints.date, hints.date_from
        if not a.source and hints.source:
            a.source, a.source_from = hints.source, hints.source_from
        a.url = a.url or hints.url
        a.authors = a.authors or list(hints.authors)
        a.tags = a.tags + [t for t in hints.tags if t not in a.tags]  # a text's section label and the sidecar's
    if not a.date and (found := date_from_text([a.standfirst, *a.paragraphs] if a.standfirst else a.paragraphs)):
        a.date, a.date_from = found, "dateline"
    return a


def sniff(content: str, suffix: str) -> str:
    """The format, from the content first and the suffix second (an HTML page saved as .txt is HTML)."""
    head = content.lstrip()[:2000].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")) and any(t in head for t in ("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        head.startswith("<") and any(t in head for t in ("<p>", "<p ", "<div", "<article", "<title"))
    ):
        return "html"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if head.startswith(("{", "[")) and suffix not in (".md", ".markdown"):
        first_line = content.lstrip().split("\n", 1)[0].strip()
        if head.startswith("{") and first_line.endswith("}") and "\n{" in content.strip():
            return "jsonl"
        return "json"
    if suffix in (".md", ".markdown") or head.startswith("---\n"):
        return "markdown"
    return "text"


def check(article: Article) -> str | None:
    """Why an article cannot become a page, or None."""
    if not article.title.strip() and not article.paragraphs:
        return "no title and no text"
    if not article.paragraphs and not article.standfirst:
        return "has a title but no body text"
    return None


def _limit(article: Article) -> Article:
    total = 0
    for i, para in enumerate(article.paragraphs):
        total += len(para)
        if total > MAX_CHARS:
            keep = max(0, len(para) - (total - MAX_CHARS))
            article.paragraphs = article.paragraphs[:i] + ([para[:keep]] if keep else [])
            article.boilerplate.append(f"[text cut at {MAX_CHARS:,} characters]")
            break
    article.paragraphs = [_split_long(p) for p in article.paragraphs]
    article.paragraphs = [q for p in article.paragraphs for q in p]
    if len(article.title) > 300:
        article.title = article.title[:297].rstrip() + "…"
    if not article.title.strip():
        article.title = (article.standfirst or article.paragraphs[0])[:80]
    return article


def _split_long(para: str, limit: int = 5000) -> list[str]:
    """A single huge line is not a paragraph: cut it at sentence ends (or spaces) near the limit."""
    out = []
    while len(para) > limit:
        cut = max(para.rfind(". ", 0, limit), para.rfind(" ", 0, limit))
        cut = cut + 1 if cut > limit // 2 else limit
        out.append(para[:cut].strip())
        para = para[cut:]
    out.append(para.strip())
    return [p for p in out if p]
