"""RSS 2.0 and Atom feeds: one article per item, full content when present, else the summary."""

from __future__ import annotations

import html as htmllib
import re

import feedparser

from generator.ingest.meta import clean_date, split_authors
from generator.ingest.text import is_boilerplate
from generator.records import Article


def parse(content: str, path: str) -> list:
    parsed = feedparser.parse(content)
    if not parsed.entries:
        raise ValueError("feed has no items" if parsed.get("feed") else "not a readable RSS or Atom feed")
    source = (parsed.feed.get("title") or "").strip()
    out: list = []
    for i, entry in enumerate(parsed.entries):
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        paragraphs = _paragraphs(body)
        if not paragraphs:
            out.append(ValueError("no text"))
            continue
        date = entry.get("published") or entry.get("updated") or entry.get("dc_date")
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")] or entry.get("author")
        link = entry.get("link")
        out.append(Article(
            path=path, item=i, title=_text(entry.get("title", "")),
            paragraphs=[p for p in paragraphs if not is_boilerplate(p)],
            boilerplate=[p for p in paragraphs if is_boilerplate(p)],
            source=_item_source(entry) or source, date=clean_date(date), url=link if isinstance(link, str) else None,
            authors=split_authors(authors), format="feed",
            tags=[t.get("term", "") for t in entry.get("tags", []) if t.get("term")][:20]))
    return out


def _item_source(entry) -> str:
    """An item's own outlet (RSS `<source>`, Atom `<source><title>`, as aggregators such as Google News write
    them): the feed's title names the aggregator, not who published the story."""
    src = entry.get("source")
    return _text(src.get("title") or "") if isinstance(src, dict) else ""


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]{0,500}>", " ", fragment or ""))).strip()


def _paragraphs(fragment: str) -> list[str]:
    parts = re.split(r"(?i)</p>|<br\s*/?>\s*<br\s*/?>|\n\s*\n|</h\d>|</li>|</blockquote>", fragment or "")
    return [t for t in (_text(p) for p in parts) if t]
