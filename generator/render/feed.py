"""The Atom feed of the latest articles, and the share-card meta tags. Pure functions.

The generator knows the articles but not their final URLs; MkDocs knows the URLs. So `feed_items` (called at
generate time) writes the latest articles' data to docs/.summary-site/feed.json, and the plugin, after the
build, joins each with its page URL and `site_url` and writes site/feed.xml with `atom`.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field

from generator.aggregate import SiteIndex

FEED_FILE = "feed.xml"
FEED_ITEMS = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")  # not allowed in XML 1.0
LOCAL_URLS = re.compile(r"^https?://(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\])(:\d+)?(/|$)", re.I)


@dataclass
class FeedItem:
    id: str  # record id: the page is articles/<id>.md
    title: str
    date: str | None
    source: str = ""
    lede: str = ""
    authors: list[str] = field(default_factory=list)


def feed_items(index: SiteIndex, n: int = FEED_ITEMS) -> list[dict]:
    """The latest `n` articles (the index is newest first, undated last), as JSON-ready dicts."""
    return [asdict(FeedItem(r.id, r.title, r.date, r.source, r.summary.lede, r.authors[:6]))
            for r in index.records[:n]]


def _xml(s: str | None) -> str:
    return _CONTROL.sub("", " ".join(str(s or "").split()))


def rfc3339(date: str | None, fallback: dt.datetime) -> str:
    """An ISO date or date-time as RFC 3339 (UTC when no zone is given); `fallback` when unreadable."""
    when = fallback
    if date:
        try:
            when = dt.datetime.fromisoformat(date)
        except ValueError:
            pass
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.isoformat().replace("+00:00", "Z")


def _build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH where set (reproducible builds: the same inputs give the same feed)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def atom(items: list[tuple[FeedItem, str]], *, title: str, site_url: str, feed_url: str,
         now: dt.datetime | None = None) -> str:
    """Atom 1.0 for (item, absolute page URL) pairs; text is XML-escaped by ElementTree."""
    now = now or _build_time()
    ET.register_namespace("", ATOM_NS)

    def sub(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: v for k, v in attrs.items() if v})
        if text is not None:
            node.text = _xml(text)
        return node

    root = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(root, "title", title or "News summaries")
    sub(root, "subtitle", "The latest articles")
    sub(root, "id", feed_url)
    sub(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(root, "link", rel="alternate", type="text/html", href=site_url)
    dated = [rfc3339(item.date, now) for item, _ in items if item.date]
    sub(root, "updated", max(dated) if dated else rfc3339(None, now))
    sub(sub(root, "author"), "name", title or "News summaries")
    sub(root, "generator", "summary-site")
    for item, url in items:
        entry = sub(root, "entry")
        sub(entry, "title", item.title or item.id)
        sub(entry, "id", url)
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        when = rfc3339(item.date, now)
        sub(entry, "updated", when)
        if item.date:
            sub(entry, "published", when)
        for name in item.authors or ([item.source] if item.source else []):
            sub(sub(entry, "author"), "name", name)
        if item.source:
            sub(entry, "category", term=_xml(item.source), label=f"Outlet: {_xml(item.source)}")
            sub(entry, "source").append(_titled("title", item.source))
        if item.lede:
            sub(entry, "summary", item.lede, type="text")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _titled(tag: str, text: str) -> ET.Element:
    node = ET.Element(f"{{{ATOM_NS}}}{tag}")
    node.text = _xml(text)
    return node


def share_meta(*, title: str, description: str, site_name: str, url: str | None, article: bool) -> str:
    """OpenGraph and Twitter card tags. Inputs are plain text (unescaped); every value is attribute-escaped."""
    def tag(attr: str, key: str, value: str | None) -> str:
        value = " ".join(str(value or "").split())
        return f'<meta {attr}="{key}" content="{html.escape(value, quote=True)}">' if value else ""

    tags = [tag("property", "og:type", "article" if article else "website"), tag("property", "og:title", title),
            tag("property", "og:description", description), tag("property", "og:site_name", site_name),
            tag("property", "og:url", url), tag("name", "twitter:card", "summary"),
            tag("name", "twitter:title", title), tag("name", "twitter:description", description)]
    return "\n".join(t for t in tags if t)
