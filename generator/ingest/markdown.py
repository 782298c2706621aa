"""Markdown notes with optional YAML front matter; the markup is stripped for analysis."""

from __future__ import annotations

import re

import yaml

from generator.ingest.meta import clean_date, split_authors
from generator.ingest.text import is_boilerplate
from generator.records import Article


class _NoAliases(yaml.SafeLoader):
    """Front matter without YAML aliases: nine nested `*refs` expand to a billion values (a "YAML bomb"),
    and no article's metadata needs them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases (*name) are not allowed")
        return super().compose_node(parent, index)


def _scalar(value):
    return None if isinstance(value, (list, dict)) else value


def _text(value) -> str:
    """A scalar as text; a list or mapping where text belongs counts as missing."""
    return "" if value is None or isinstance(value, (list, dict)) else str(value).strip()


DATE_KEYS = ("date", "published", "pubdate", "date_published", "datepublished", "publish_date", "created")
SOURCE_KEYS = ("source", "publisher", "outlet", "publication", "site_name")
"""Front matter keys, any case (`Date:`, `pubDate:`), the first that holds a value winning."""

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse(content: str, path: str) -> Article:
    meta: dict = {}
    m = _FRONT.match(content)
    if m:
        try:
            loaded = yaml.load(m.group(1), Loader=_NoAliases)  # noqa: S506  a SafeLoader
        except yaml.YAMLError as e:
            raise ValueError(f"broken YAML front matter ({str(e).splitlines()[0]})") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter is not a mapping of keys to values")
        meta = {str(k).lower(): v for k, v in (loaded or {}).items()}
        content = content[m.end():]
    paragraphs = [strip_markup(p) for p in re.split(r"\n\s*\n", content)]
    paragraphs = [p for p in paragraphs if p]
    title = _text(meta.get("title"))
    if not title and paragraphs and re.match(r"^#\s", content.lstrip()):
        title = paragraphs.pop(0)
    body = [p for p in paragraphs if not is_boilerplate(p)]
    tags = meta.get("tags") or []
    tags = [_text(t) for t in tags] if isinstance(tags, list) else [_text(tags)]
    authors = meta.get("authors") or meta.get("author")
    authors = [_text(a) for a in authors] if isinstance(authors, list) else _text(authors)
    return Article(
        path=path, title=title or (body[0][:80] if body else ""), paragraphs=body,
        standfirst=_text(meta.get("standfirst") or meta.get("description") or meta.get("summary")),
        source=_text(next((meta[k] for k in SOURCE_KEYS if _text(meta.get(k))), "")),
        date=next((d for k in DATE_KEYS if (d := clean_date(_scalar(meta.get(k))))), None),
        url=_text(meta.get("url")) or None, authors=split_authors(authors),
        tags=[t for t in tags if t][:20],
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
