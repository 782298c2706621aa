"""JSON and JSON Lines exports from scrapers and news APIs (news-please, newspaper, NewsAPI, ...)."""

from __future__ import annotations

import json
import re

from generator.ingest.meta import clean_date, split_authors
from generator.ingest.text import is_boilerplate
from generator.records import Article

# First field present wins. Documented in the README.
FIELDS = {
    "title": ("title", "headline", "name"),
    "text": ("maintext", "text", "content", "body", "article_text", "articleBody", "full_text", "story"),
    "date": ("date_publish", "publish_date", "published", "published_at", "publishedAt", "datePublished",
             "pubDate", "date", "created_at"),
    "authors": ("authors", "author", "byline", "creator"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "source": ("source_domain", "source", "site_name", "publisher", "outlet", "domain"),
    "description": ("description", "standfirst", "summary", "abstract", "subtitle", "lead"),
    "tags": ("tags", "keywords", "categories"),
}


def parse(content: str, path: str, lines: bool = False) -> list:
    """Articles (or a ValueError per bad item) from a JSON document or JSON Lines."""
    if lines:
        items = []
        for n, line in enumerate(content.split("\n")):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                items.append(ValueError(f"line {n + 1}: invalid JSON ({e.msg})"))
    else:
        try:
            data = json.loads(content)
        except json.JSONDecodeError as e:
            raise ValueError(f"invalid JSON ({e.msg}, line {e.lineno})") from None
        if isinstance(data, dict):
            for key in ("articles", "items", "results", "data", "entries"):
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
        items = data if isinstance(data, list) else [data]
    container = lines or len(items) > 1 or not isinstance(items[0] if items else None, dict)
    out: list = []
    for i, obj in enumerate(items):
        if isinstance(obj, ValueError):
            out.append(obj)
            continue
        try:
            out.append(_article(obj, path, i if container else None))
        except ValueError as e:
            out.append(ValueError(str(e)))
    if not out:
        raise ValueError("JSON holds no articles")
    return out


def _date(obj: dict) -> str | None:
    """The first of the date fields that holds a date (`"published": true` does not)."""
    for name in FIELDS["date"]:
        value = obj.get(name)
        if isinstance(value, dict):  # MongoDB's {"$date": ...}
            value = value.get("$date")
        if (found := clean_date(value if not isinstance(value, (list, dict)) else None)) is not None:
            return found
    return None


def _first(obj: dict, key: str):
    for name in FIELDS[key]:
        value = obj.get(name)
        if value not in (None, "", []):
            return value
    return None


def _article(obj, path: str, item: int | None) -> Article:
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    text = _first(obj, "text")
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text)
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no article text (looked for: " + ", ".join(FIELDS["text"][:4]) + ", ...)")
    text = re.sub(r"<[^>]{0,500}>", " ", text) if "</" in text else text
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n+", text)]
    paragraphs = [p for p in paragraphs if p]
    source = _first(obj, "source")
    if isinstance(source, dict):
        source = source.get("name") or source.get("id") or ""
    tags = _first(obj, "tags") or []
    url = _first(obj, "url")
    return Article(
        path=path, item=item, title=str(_first(obj, "title") or "").strip(),
        paragraphs=[p for p in paragraphs if not is_boilerplate(p)],
        boilerplate=[p for p in paragraphs if is_boilerplate(p)],
        standfirst=str(_first(obj, "description") or "").strip()[:600],
        source=str(source or "").strip(), date=_date(obj),
        url=str(url) if isinstance(url, str) else None, authors=split_authors(_first(obj, "authors")),
        tags=[str(t) for t in tags][:20] if isinstance(tags, list) else [str(tags)], format="json")
