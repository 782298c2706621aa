"""Markdown notes with optional YAML front matter; the markup is stripped for analysis."""

from __future__ import annotations

import re

import yaml

from generator.ingest.meta import clean_date, split_authors
from generator.ingest.text import is_boilerplate
from generator.records import Article

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse(content: str, path: str) -> Article:
    meta: dict = {}
    m = _FRONT.match(content)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as e:
            raise ValueError(f"broken YAML front matter ({str(e).splitlines()[0]})") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter is not a mapping of keys to values")
        meta = loaded or {}
        content = content[m.end():]
    paragraphs = [strip_markup(p) for p in re.split(r"\n\s*\n", content)]
    paragraphs = [p for p in paragraphs if p]
    title = str(meta.get("title") or "").strip()
    if not title and paragraphs and re.match(r"^#\s", content.lstrip()):
        title = paragraphs.pop(0)
    body = [p for p in paragraphs if not is_boilerplate(p)]
    tags = meta.get("tags") or []
    return Article(
        path=path, title=title or (body[0][:80] if body else ""), paragraphs=body,
        standfirst=str(meta.get("standfirst") or meta.get("description") or meta.get("summary") or "").strip(),
        source=str(meta.get("source") or "").strip(), date=clean_date(meta.get("date")),
        url=str(meta["url"]) if meta.get("url") else None,
        authors=split_authors(meta.get("authors") or meta.get("author")),
        tags=[str(t) for t in tags] if isinstance(tags, list) else [str(tags)],
        format="markdown", boilerplate=[p for p in paragraphs if is_boilerplate(p)])


def strip_markup(block: str) -> str:
    """Markdown block -> plain text: the words a reader sees, no markup, no raw HTML."""
    s = block.strip()
    if s.startswith(("```", "~~~", "    ")):
        return ""
    s = re.sub(r"<[^>]{0,500}>", " ", s)  # raw HTML tags
    s = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", s)  # images
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # links
    s = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", s)
    s = re.sub(r"^\s{0,3}(?:#{1,6}\s*|>\s?|[-*+]\s+|\d+[.)]\s+)", "", s, flags=re.M)
    s = re.sub(r"(\*\*|__|\*|_|`|~~)(?=\S)(.+?)(?<=\S)\1", r"\2", s)
    s = re.sub(r"\s*\n\s*", " ", s)
    s = re.sub(r"^[-=*_ ]{3,}$", "", s)
    return s.strip()
