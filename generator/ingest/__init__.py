"""Ingest: files on disk -> `Article` records, one reader per format, picked by sniffing the content.

Every failure is an `IngestError` whose message is one line naming the file (and item) and the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from generator.ingest import feed, html, jsondata, markdown, text
from generator.ingest.decode import DecodeError, decode
from generator.ingest.meta import date_from_text
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
                    if name.startswith(".") or f.suffix.lower() not in SUFFIXES:
                        continue
                    if not f.exists():
                        errors.append(IngestError(str(f), "broken symbolic link"))
                    else:
                        files.append(f)
        elif p.is_symlink() and not p.exists():
            errors.append(IngestError(str(p), "broken symbolic link"))
        elif not p.exists():
            errors.append(IngestError(str(p), "no such file"))
        else:
            files.append(p)
    return files, errors


def read_path(path: Path) -> Iterator[Article | IngestError]:
    """Read one file: yields its articles, or an error per unusable file or item."""
    name = str(path)
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
    for i, item in enumerate(items):
        if isinstance(item, IngestError) or isinstance(item, Exception):
            yield item if isinstance(item, IngestError) else IngestError(name, str(item), i)
            continue
        problem = check(item)
        if problem:
            yield IngestError(name, problem, item.item)
            continue
        if item.date is None:
            item.date = date_from_text([item.standfirst, *item.paragraphs] if item.standfirst else item.paragraphs)
        yield _limit(item)


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
