"""Small pieces shared by the page renderers: links, dates, front matter, tables and lists as raw HTML.

Headings, breadcrumbs and short lines are Markdown. The long repeated parts (tables, quote and article
lists) are raw HTML blocks, which Markdown passes through untouched: its inline parser was most of the
build's time. Their text goes through `e.html_text`; their links point at .md files, as Markdown links
do, and the plugin turns them into page URLs (`plugin.resolve_md_links`).
"""

from __future__ import annotations

import html
import json
import math
import re

from generator.aggregate import Entry
from generator.records import Record
from generator.render import escape as e
from generator.render import raw

KIND_LABEL = {"person": "Person", "organization": "Organisation", "group": "Group", "country": "Country",
              "city": "City", "region": "Region", "landmark": "Landmark", "water": "Water", "other": "Place"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
def _a(href: str, label: str) -> str:
    """A link in a raw HTML block; `label` is already escaped, `href` is ours (a page path and anchor)."""
    return f'<a href="{html.escape(href, quote=True)}">{label}</a>'


def _table(headers: list[str], rows: list[list[str]], attrs: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return raw(f"<table{attrs}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def _items(items: list[str], cls: str = "", attrs: str = "") -> str:
    attr = (f' class="{cls}"' if cls else "") + attrs
    return raw(f"<ul{attr}>\n" + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ul>")


def _blockquote(text: str, byline: str) -> str:
    return raw(f"<blockquote>\n<p>{text}</p>\n<p>— {byline}</p>\n</blockquote>")


def _front(title: str, description: str = "", tags: list[str] | None = None) -> str:
    lines = ["---", f"title: {e.yaml_str(title)}"]
    if description:
        lines.append(f"description: {e.yaml_str(description[:300])}")
    if tags:
        lines.append("tags:")
        lines += [f"  - {e.yaml_str(t)}" for t in tags]
    return "\n".join(lines + ["---", "", ""])


def _ymd(r: Record) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) from the record's ISO date; None when undated or unreadable."""
    m = _ISO_DATE.match(r.date or "")
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    return int(m[1]), int(m[2]), int(m[3]) if m[3] else None


def _date(r: Record) -> str:
    """A readable date: 22 March 2017 (or the raw value, unescaped, when it is not ISO), else "undated"."""
    ymd = _ymd(r)
    if ymd is None:
        return r.date[:10] if r.date else "undated"
    y, mo, d = ymd
    return f"{d} {MONTHS[mo - 1]} {y}" if d else f"{MONTHS[mo - 1]} {y}"


def _byline(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _article_link(r: Record, prefix: str = "../articles/", anchor: str = "") -> str:
    return _a(f"{prefix}{r.id}.md{anchor}", e.html_text(r.title))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n:,} {word}s"


def _has_coordinates(entry: Entry) -> bool:
    """Real coordinates only: both present, finite, in range, and not the 0,0 placeholder."""
    lat, lon = entry.lat, entry.lon
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return False
    if not (math.isfinite(lat) and math.isfinite(lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return False
    return not (lat == 0 and lon == 0)


def map_block(entries: list[Entry], *, small: bool = False, zoom: int | None = None) -> str:
    """A Leaflet map drawn by docs/assets/summary-site.js from a JSON data attribute.

    Place names come from articles: the data is JSON (json.dumps), with `<`, `>` and `&` turned into
    JSON escapes, then HTML-escaped for the attribute; the script only ever sets names as text.
    """
    data = [{"id": x.id, "name": x.name, "lat": round(x.lat, 4), "lon": round(x.lon, 4), "n": len(x.articles)}
            for x in entries if _has_coordinates(x)]
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    cls = "ss-map ss-map--small" if small else "ss-map"
    z = f' data-zoom="{int(zoom)}"' if zoom is not None else ""
    return raw(f'<div class="{cls}" data-places="{html.escape(payload, quote=True)}"{z}></div>')


