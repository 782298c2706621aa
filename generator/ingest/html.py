"""HTML pages (saved from a browser or scraped): main text and metadata via trafilatura."""

from __future__ import annotations

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from generator.ingest.meta import clean_date, split_authors
from generator.ingest.text import is_boilerplate
from generator.records import Article

DATES = {"extensive_search": False, "original_date": True, "min_date": "1800-01-01"}
"""htmldate without its extensive search, which takes any date in the text ("On 26 December 2004 ...", a
footer's "© 2019") for the publication date; archives go back before its default 1995. trafilatura gets the
same, so that the date it finds (and `parse` does not use) costs little."""
_MARKUP = ("//head", "//*[@itemprop='datePublished' or @itemprop='dateCreated']", "//meta",
           "//link[@rel='canonical']", "//script[@type='application/ld+json']")
"""Where a page states its own date: the head (meta tags, JSON-LD) and schema.org elements; `page_date` adds
the article's <time>."""


def page_date(content: str) -> str | None:
    """The page's publication date from its markup only: the text, footer included ("Updated 1 January 2024",
    "last edited on ..."), is what even htmldate's quick search still reads."""
    try:
        tree = lxml.html.fromstring(content.encode("utf-8", "surrogatepass"))  # bytes: an XML declaration is fine
    except (ValueError, lxml.etree.ParserError, UnicodeError):
        return None
    # the article's own <time>, else the page's first: a related link's older <time> is not this page's date
    times = tree.xpath("//article//time") or tree.xpath("(//time)[1]")
    kept = {id(e): e for e in [*(e for xpath in _MARKUP for e in tree.xpath(xpath)), *times]}
    parts = [lxml.html.tostring(e, encoding="unicode") for e in kept.values()
             if not any(id(a) in kept for a in e.iterancestors())]
    try:
        return clean_date(htmldate.find_date("<html><body>" + "".join(parts) + "</body></html>", **DATES))
    except (ValueError, TypeError):
        return None


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
                   source=(doc.sitename or "").strip(), date=page_date(content),
                   url=doc.url or None, authors=split_authors(doc.author),
                   tags=[t for t in (doc.tags or []) if t][:20] if isinstance(doc.tags, list) else [],
                   format="html", boilerplate=boiler)


def _useful(description: str | None, body: list[str]) -> bool:
    """A meta description that merely repeats the first paragraph is not a standfirst."""
    if not description or len(description) > 400:
        return False
    d = description.strip().rstrip(".…")[:60]
    return not any(p.startswith(d) for p in body[:2])
