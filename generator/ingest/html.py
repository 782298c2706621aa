"""HTML pages (saved from a browser or scraped): main text and metadata via trafilatura."""

from __future__ import annotations

import trafilatura

from generator.ingest.meta import clean_date, split_authors
from generator.ingest.text import is_boilerplate
from generator.records import Article

DATES = {"extensive_search": False, "original_date": True}
"""A page's date from its markup only (meta tags, <time>, a dated URL): htmldate's extensive search would take
any date in the body ("On 26 December 2004 ...") or the footer's "© 2019" for the publication date."""


def parse(content: str, path: str) -> Article:
    doc = trafilatura.bare_extraction(content, include_comments=False, include_tables=False,
                                      with_metadata=True, favor_precision=True, date_extraction_params=DATES)
    if doc is None or not (doc.text or "").strip():
        raise ValueError("HTML page with no article text")
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    title = (doc.title or "").strip()
    if paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    body = [p for p in paragraphs if not is_boilerplate(p)]
    boiler = [p for p in paragraphs if is_boilerplate(p)]
    return Article(path=path, title=title or (body[0][:80] if body else ""), paragraphs=body,
                   standfirst=(doc.description or "").strip() if _useful(doc.description, body) else "",
                   source=(doc.sitename or "").strip(), date=clean_date(doc.date),
                   url=doc.url or None, authors=split_authors(doc.author),
                   tags=[t for t in (doc.tags or []) if t][:20] if isinstance(doc.tags, list) else [],
                   format="html", boilerplate=boiler)


def _useful(description: str | None, body: list[str]) -> bool:
    """A meta description that merely repeats the first paragraph is not a standfirst."""
    if not description or len(description) > 400:
        return False
    d = description.strip().rstrip(".…")[:60]
    return not any(p.startswith(d) for p in body[:2])
