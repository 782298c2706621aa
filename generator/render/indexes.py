"""The index pages (Articles, Actors, Places, Quotes; Tags: `tags`) as tables a reader can sort, filter, page.

Each page holds a plain HTML table of the first `INDEX_ROWS` rows in a useful order (most articles first,
newest first), so it reads without JavaScript and stays small at any size of archive. The table is wrapped
in `<div class="ss-table" data-src="../downloads/table/X" data-chunks="K" data-total="N">`;
docs/assets/summary-site-tables.js adds sorting by any column, a text filter, a select per `data-filter`
column and pages of `data-page` rows, loading the rows beyond the page's own from the K JSON chunks
`X-0.json`… (`table_files`) as it needs them. Column headers say how: `data-key`
(the JSON field), `data-type` (text, num, date), `data-link` (the JSON field holding the linked page's id;
the link pattern is read from the first row's own link), `data-labels` (display names of coded values).
"""

from __future__ import annotations

import html
import itertools
import json
import math
from collections.abc import Iterable, Iterator

from generator.aggregate import Entry, SiteIndex
from generator.records import Record
from generator.render import downloads as dl
from generator.render import escape as e
from generator.render import raw
from generator.render.charts import outlets_block
from generator.render.common import (
    KIND_LABEL,
    _a,
    _article_link,
    _date,
    _front,
    _has_coordinates,
    _plural,
    map_block,
)

INDEX_ROWS = 200
"""Rows written into each index page's HTML; the rest come from the JSON (and are in the downloads)."""
PAGE_ROWS = 50
CHUNK_ROWS = 1000
TABLE_DIR = "table"
QUOTE_CHARS = 300
QUOTE_KIND = {"direct": "Direct", "partial": "Partial", "indirect": "Reported"}


def _th(label: str, key: str, kind: str = "text", *, link: str = "", filter_: bool = False,
        labels: dict[str, str] | None = None, anchor: str = "", sort: str = "") -> str:
    attrs = [f'data-key="{key}"', f'data-type="{kind}"']
    if link:
        attrs.append(f'data-link="{link}"')
    if anchor:
        attrs.append(f'data-anchor="{anchor}"')
    if filter_:
        attrs.append("data-filter")
    if sort:
        attrs.append(f'aria-sort="{sort}"')
    if labels:
        attrs.append(f'data-labels="{html.escape(json.dumps(labels, separators=(",", ":")), quote=True)}"')
    return f"<th {' '.join(attrs)}>{label}</th>"


def _td(text: str, sort: str | int | float | None = None, link_id: str = "") -> str:
    attrs = ""
    if sort is not None:
        attrs += f' data-sort="{html.escape(str(sort), quote=True)}"'
    if link_id:
        attrs += f' data-id="{html.escape(link_id, quote=True)}"'
    return f"<td{attrs}>{text}</td>"


def data_table(name: str, headers: list[str], rows: list[str], total: int, up: str = "../", attrs: str = "") -> str:
    """The table of `rows` (already `<tr>` strings), enhanced by the script from the table's JSON chunks.
    `up`: from the page's URL to the site root (the script resolves `data-src` against the page's address)."""
    chunks = math.ceil(total / CHUNK_ROWS)
    return raw(f'<div class="ss-table" data-src="{up}{dl.DIR}/{TABLE_DIR}/{name}" data-chunks="{chunks}" '
               f'data-total="{total}" data-page="{PAGE_ROWS}"{attrs}>\n<table>\n'
               f'<thead><tr>{"".join(headers)}</tr></thead>\n'
               "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>")


def table_files(index: SiteIndex) -> Iterator[tuple[str, str]]:
    """Each index table's rows, in the page's order, as JSON files of `CHUNK_ROWS` rows: the script loads the
    next one as the reader pages on, and all of them only to sort or filter (the Quotes table of 10,000
    articles is tens of MB as one file). Only the table's columns; quote text cut as on the page. Rows are
    made as they are written: the quotes of 100,000 articles are over a million."""
    yield from chunked("articles", (article_json(r) for r in index.records))
    yield from chunked("actors", ({"id": x.id, "name": x.name, "kind": x.kind, "articles": len(x.articles),
                                   "quotes": len(dl.direct_quotes(x))} for x in _by_articles(_paged(index.actors))))
    yield from chunked("places", ({"id": x.id, "name": x.name, "country": x.country, "kind": x.kind,
                                   "articles": len(x.articles)} for x in _by_articles(_paged(index.places))))
    yield from chunked("quotes", ({"speaker": q["speaker"], "speaker_id": _speaker_page(index, q),
                                   "text": _cut(q["text"]), "article_id": q["article_id"],
                                   "paragraph": q["paragraph"], "date": q["date"], "source": q["source"],
                                   "kind": q["kind"]} for q in dl.quote_rows(index)))


def chunked(name: str, rows: Iterable[dict]) -> Iterator[tuple[str, str]]:
    """One table's rows as the JSON chunks `data_table` points the script at."""
    rows = iter(rows)
    for k in itertools.count():
        chunk = list(itertools.islice(rows, CHUNK_ROWS))
        if not chunk:
            return
        yield f"{dl.DIR}/{TABLE_DIR}/{name}-{k}.json", dl.to_json(chunk)


def article_json(r: Record) -> dict:
    """An article's row in the JSON of an articles table (the columns of `article_table`)."""
    return {"id": r.id, "title": r.title, "date": r.date, "source": r.source,
            "quotes": sum(1 for q in r.quotes if q.kind != "indirect")}


def _cut(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def downloads_line(name: str, what: str) -> str:
    return (f"Download {what}: [CSV](../{dl.DIR}/{name}.csv) · [JSON](../{dl.DIR}/{name}.json) · "
            f"all records as [JSON Lines](../{dl.DIR}/records.jsonl).\n")


def _shown(total: int, order: str) -> str:
    if total <= INDEX_ROWS:
        return f"All {total:,}, {order}; with JavaScript the table sorts by any column and filters.\n"
    return (f"The first {INDEX_ROWS} of {total:,}, {order}; with JavaScript the table sorts, filters and "
            f"pages through all {total:,}.\n")


# --- articles -------------------------------------------------------------------------------------------

def articles_index(index: SiteIndex) -> str:
    """Newest first; undated articles at the end."""
    records = index.records
    undated = sum(1 for r in records if not r.date)
    out = [_front("Articles", "All articles by date, newest first."), "[Home](../index.md) › Articles\n",
           "# Articles\n"]
    summary = f"{_plural(len(records), 'article')}" + (f" ({undated} without a date, at the end)" if undated else "")
    out.append(summary + ". " + _shown(len(records), "newest first"))
    out.append(outlets_block("ss-outlets", records))
    out.append(downloads_line("articles", "the list of articles"))
    out.append(article_table("articles", records))
    return "\n".join(out)


def article_table(name: str, records: list[Record], prefix: str = "", up: str = "../", attrs: str = "") -> str:
    """Articles (newest first) as a table: title, date, outlet, quotes. `prefix`: from the page to the
    article pages; `up`: to the site root (the Articles index, and each tag's page)."""
    headers = [_th("Article", "title", link="id", sort="none"), _th("Date", "date", "date", sort="descending"),
               _th("Outlet", "source", filter_=True), _th("Quotes", "quotes", "num")]
    rows = [_article_row(r, prefix) for r in records[:INDEX_ROWS]]
    return data_table(name, headers, rows, len(records), up, attrs)


def _article_row(r: Record, prefix: str = "") -> str:
    quotes = sum(1 for q in r.quotes if q.kind != "indirect")
    return ("<tr>" + _td(_article_link(r, prefix=prefix), link_id=r.id) + _td(e.html_text(_date(r)), r.date or "")
            + _td(e.html_text(r.source) or "—", r.source or "") + _td(str(quotes)) + "</tr>")


# --- actors and places ----------------------------------------------------------------------------------

def _paged(entries: dict[str, Entry]) -> list[Entry]:
    """The entries with a page of their own: the tables link to pages (the others are in the downloads)."""
    return [x for x in entries.values() if x.page]


def _unpaged_note(total: int, paged: int, what: str) -> str:
    if total == paged:
        return ""
    return (f"{total - paged:,} more {what} are named in too few articles for a page of their own: each is listed "
            f"on its article's page, found by the search, and in the download.\n")


def _speaker_page(index: SiteIndex, row: dict) -> str | None:
    """A quote row's speaker id for a link: only when the speaker has a page."""
    sid = row["speaker_id"]
    return sid if sid and index.actors[sid].page else None


def _by_articles(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda x: (-len(x.articles), x.name.casefold(), x.id))


def actors_index(index: SiteIndex) -> str:
    entries = _by_articles(_paged(index.actors))
    out = [_front("Actors", "People, organisations and groups named in the articles."),
           "[Home](../index.md) › Actors\n", "# Actors\n"]
    out.append(f"{len(entries):,} people, organisations and groups with a page. "
               + (_shown(len(entries), "most articles first") if entries else "\n"))
    out.append(_unpaged_note(len(index.actors), len(entries), "people, organisations and groups"))
    out.append(downloads_line("actors", "the actors"))
    labels = {k: v for k, v in KIND_LABEL.items() if k in ("person", "organization", "group")}
    headers = [_th("Actor", "name", link="id"), _th("Kind", "kind", filter_=True, labels=labels),
               _th("Articles", "articles", "num", sort="descending"), _th("Quotes", "quotes", "num")]
    rows = []
    for x in entries[:INDEX_ROWS]:
        quotes = len(dl.direct_quotes(x))
        rows.append("<tr>" + _td(_a(f"{x.id}.md", e.html_text(x.name)), x.name, x.id)
                    + _td(KIND_LABEL.get(x.kind, e.html_text(x.kind)), x.kind)
                    + _td(str(len(x.articles))) + _td(str(quotes)) + "</tr>")
    out.append(data_table("actors", headers, rows, len(entries)))
    return "\n".join(out)


def places_index(index: SiteIndex) -> str:
    """The map of every place with coordinates, then the table (useful when map tiles cannot load)."""
    entries = _by_articles(_paged(index.places))
    mapped = [x for x in entries if _has_coordinates(x)]
    out = [_front("Places", "Every place named in the articles, on a map and in a table."),
           "[Home](../index.md) › Places\n", "# Places\n"]
    out.append(f"{_plural(len(entries), 'place')} with a page; {len(mapped)} with coordinates are on the map.\n")
    out.append(_unpaged_note(len(index.places), len(entries), "places"))
    block = map_block(mapped)
    if block:
        out.append(block)
    if entries:
        out.append(_shown(len(entries), "most articles first"))
    out.append(downloads_line("places", "the places"))
    labels = {k: v for k, v in KIND_LABEL.items() if k not in ("person", "organization", "group")}
    headers = [_th("Place", "name", link="id"), _th("Country", "country", filter_=True),
               _th("Kind", "kind", filter_=True, labels=labels), _th("Articles", "articles", "num", sort="descending")]
    rows = []
    for x in entries[:INDEX_ROWS]:
        rows.append("<tr>" + _td(_a(f"{x.id}.md", e.html_text(x.name)), x.name, x.id)
                    + _td(e.html_text(x.country or "—"), x.country or "")
                    + _td(KIND_LABEL.get(x.kind, e.html_text(x.kind)), x.kind) + _td(str(len(x.articles))) + "</tr>")
    out.append(data_table("places", headers, rows, len(entries)))
    return "\n".join(out)


# --- quotes ---------------------------------------------------------------------------------------------

def quotes_index(index: SiteIndex) -> str:
    """Every quote, newest article first: speaker, quote (linked to its paragraph), date, outlet, kind."""
    total = sum(len(r.quotes) for r in index.records)
    rows = list(itertools.islice(dl.quote_rows(index), INDEX_ROWS))
    speakers = sum(1 for x in index.actors.values() if x.quotes)
    out = [_front("Quotes", "Every quote and reported statement, with its speaker."),
           "[Home](../index.md) › Quotes\n", "# Quotes\n"]
    out.append(f"{_plural(total, 'quote')} and reported statements by {_plural(speakers, 'named speaker')}. "
               + _shown(total, "newest first"))
    out.append(downloads_line("quotes", "the quotes"))
    headers = [_th("Speaker", "speaker", link="speaker_id"),
               _th("Quote", "text", link="article_id", anchor="paragraph"),
               _th("Date", "date", "date", sort="descending"), _th("Outlet", "source", filter_=True),
               _th("Kind", "kind", filter_=True, labels=QUOTE_KIND)]
    html_rows = []
    for row in rows:
        r = index.by_id[row["article_id"]]
        sid = _speaker_page(index, row)
        speaker = (_a(f"../actors/{sid}.md", e.html_text(row["speaker"])) if sid
                   else e.html_text(row["speaker"]) or "<em>not named</em>")
        text = _cut(row["text"])
        anchor = f"#p{row['paragraph']}" if row["paragraph"] else ""
        quote = _a(f"../articles/{r.id}.md{anchor}", e.html_text(text))
        html_rows.append("<tr>" + _td(speaker, row["speaker"] or "", sid or "")
                         + _td(quote, row["text"], r.id) + _td(e.html_text(_date(r)), r.date or "")
                         + _td(e.html_text(r.source) or "—", r.source or "")
                         + _td(QUOTE_KIND.get(row["kind"], e.html_text(row["kind"])), row["kind"]) + "</tr>")
    out.append(data_table("quotes", headers, html_rows, total))
    return "\n".join(out)
