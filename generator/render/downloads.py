"""Downloads: the site's data as files beside its pages (CSV, JSON, JSON Lines). Pure: text in, text out.

CSV is for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents correctly), CRLF rows, every
field quoted where needed by the `csv` module; a cell that a spreadsheet would run as a formula (`=`, `+`,
`-`, `@` first) gets a leading apostrophe, since article text is untrusted. JSON is the same rows as a list
of objects; `records.jsonl` is every analysed record in the pipeline's own format (`Record.to_dict`).
The index pages' tables load the JSON to sort, filter and page through every row.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from generator.aggregate import Entry, SiteIndex
from generator.records import Quote, Record

DIR = "downloads"
BOM = "\ufeff"
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
ARTICLE_FIELDS = ("id", "title", "date", "source", "url", "authors", "lede", "actors", "places", "quotes")
ACTOR_FIELDS = ("id", "name", "kind", "articles", "mentions", "quotes", "roles", "affiliations", "aliases", "page")
PLACE_FIELDS = ("id", "name", "kind", "country", "lat", "lon", "articles", "mentions", "aliases", "page")
QUOTE_FIELDS = ("speaker", "speaker_id", "kind", "text", "cue", "article_id", "title", "date", "source",
                "paragraph")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(x) for x in value)
    s = str(value)
    return "'" + s if _FORMULA.match(s) and not _NUMBER.match(s) else s


def to_csv(rows: Iterable[dict], fields: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_cell(row.get(f)) for f in fields])
    return BOM + buf.getvalue()


def to_json(rows: list[dict]) -> str:
    """Compact JSON, `<` `>` `&` as escapes so the file is inert if ever inlined into HTML."""
    s = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def direct_quotes(entry: Entry) -> list[tuple[str, Quote]]:
    return [(rid, q) for rid, q in entry.quotes if q.kind != "indirect"]


def article_rows(index: SiteIndex) -> list[dict]:
    return [{"id": r.id, "title": r.title, "date": r.date, "source": r.source, "url": r.url,
             "authors": r.authors, "lede": r.summary.lede, "actors": len(r.actors), "places": len(r.places),
             "quotes": sum(1 for q in r.quotes if q.kind != "indirect")} for r in index.records]


def actor_rows(index: SiteIndex) -> list[dict]:
    return [{"id": x.id, "name": x.name, "kind": x.kind, "articles": len(x.articles), "mentions": x.mentions,
             "quotes": len(direct_quotes(x)), "roles": x.roles, "affiliations": x.affiliations,
             "aliases": x.aliases, "page": page_url("actors", x)} for x in index.actors.values()]


def place_rows(index: SiteIndex) -> list[dict]:
    return [{"id": x.id, "name": x.name, "kind": x.kind, "country": x.country, "lat": x.lat, "lon": x.lon,
             "articles": len(x.articles), "mentions": x.mentions, "aliases": x.aliases, "page": page_url("places", x)}
            for x in index.places.values()]


def page_url(folder: str, entry: Entry) -> str:
    """The entry's page under the site root ("actors/jane-doe/"), or "" when it has none (`Entry.page`)."""
    return f"{folder}/{entry.id}/" if entry.page else ""


def quote_row(r: Record, q: Quote, speaker_id: str | None) -> dict:
    return {"speaker": q.speaker, "speaker_id": speaker_id, "kind": q.kind, "text": q.text, "cue": q.cue,
            "article_id": r.id, "title": r.title, "date": r.date, "source": r.source,
            "paragraph": q.paragraph + 1 if q.paragraph is not None else None}


def quote_rows(index: SiteIndex) -> list[dict]:
    """Every quote of every article, newest article first, with its speaker's page id when it has one."""
    return [quote_row(r, q, index.actor_page.get((r.id, q.speaker)) if q.speaker else None)
            for r in index.records for q in r.quotes]


def records_jsonl(records: list[Record]) -> str:
    return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)


def actor_quotes_path(entry: Entry) -> str:
    return f"{DIR}/quotes/{entry.id}.csv"


def render_downloads(index: SiteIndex) -> dict[str, str]:
    """{path under docs/: file text}: the four tables as CSV and JSON, the records, each speaker's quotes."""
    tables = {"articles": (article_rows(index), ARTICLE_FIELDS), "actors": (actor_rows(index), ACTOR_FIELDS),
              "places": (place_rows(index), PLACE_FIELDS), "quotes": (quote_rows(index), QUOTE_FIELDS)}
    files: dict[str, str] = {}
    for name, (rows, fields) in tables.items():
        files[f"{DIR}/{name}.csv"] = to_csv(rows, fields)
        files[f"{DIR}/{name}.json"] = to_json(rows)
    files[f"{DIR}/records.jsonl"] = records_jsonl(index.records)
    for entry in index.actors.values():
        quotes = entry.quotes
        if quotes and entry.page:  # linked from the speaker's page; every quote is in quotes.csv too
            rows = [quote_row(index.by_id[rid], q, entry.id) for rid, q in quotes]
            files[actor_quotes_path(entry)] = to_csv(rows, QUOTE_FIELDS)
    return files
