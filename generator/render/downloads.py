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
import itertools
import json
import re
from collections.abc import Iterable, Iterator

from generator.aggregate import Entry, SiteIndex
from generator.records import Quote, Record

DIR = "downloads"
BOM = "\ufeff"
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_RISKY = "=+-@\t\r"
"""The first characters `_FORMULA` looks for."""
ARTICLE_FIELDS = ("id", "title", "date", "source", "url", "authors", "lede", "actors", "places", "quotes")
ACTOR_FIELDS = ("id", "name", "kind", "articles", "mentions", "quotes", "roles", "affiliations", "aliases", "page")
PLACE_FIELDS = ("id", "name", "kind", "country", "lat", "lon", "articles", "mentions", "aliases", "page")
QUOTE_FIELDS = ("speaker", "speaker_id", "kind", "text", "cue", "article_id", "title", "date", "source",
                "paragraph")


def _cell(value) -> str:
    if type(value) is str and not (value and value[0] in _RISKY):  # most cells: no formula test needed
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(x) for x in value)
    s = str(value)
    return "'" + s if _FORMULA.match(s) and not _NUMBER.match(s) else s


def to_csv(rows: Iterable[dict], fields: tuple[str, ...]) -> str:
    return "".join(csv_chunks(rows, fields))


def csv_chunks(rows: Iterable[dict], fields: tuple[str, ...], size: int = 1000) -> Iterator[str]:
    """The CSV text `size` rows at a time (a table of a million quotes is never one string)."""
    buf = io.StringIO(BOM)
    buf.seek(len(BOM))
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(fields)
    for n, row in enumerate(rows, 1):
        writer.writerow([_cell(row.get(f)) for f in fields])
        if n % size == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def to_json(rows: list[dict]) -> str:
    """Compact JSON, `<` `>` `&` as escapes so the file is inert if ever inlined into HTML."""
    return _inert(json.dumps(rows, ensure_ascii=False, separators=(",", ":"))) + "\n"


def json_chunks(rows: Iterable[dict], size: int = 1000) -> Iterator[str]:
    """`to_json` of the rows, `size` rows at a time."""
    rows = iter(rows)
    first = True
    while chunk := list(itertools.islice(rows, size)):
        text = _inert(json.dumps(chunk, ensure_ascii=False, separators=(",", ":")))[1:-1]
        yield ("[" if first else ",") + text
        first = False
    yield ("[" if first else "") + "]\n"


def _inert(text: str) -> str:
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def direct_quotes(entry: Entry) -> list[tuple[str, Quote]]:
    return [(rid, q) for rid, q in entry.quotes if q.kind != "indirect"]


def article_rows(index: SiteIndex) -> Iterator[dict]:
    return ({"id": r.id, "title": r.title, "date": r.date, "source": r.source, "url": r.url,
             "authors": r.authors, "lede": r.summary.lede, "actors": len(r.actors), "places": len(r.places),
             "quotes": sum(1 for q in r.quotes if q.kind != "indirect")} for r in index.records)


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


def quote_rows(index: SiteIndex) -> Iterator[dict]:
    """Every quote of every article, newest article first, with its speaker's page id when it has one."""
    return (quote_row(r, q, index.actor_page.get((r.id, q.speaker)) if q.speaker else None)
            for r in index.records for q in r.quotes)


def records_jsonl(index: SiteIndex) -> Iterator[str]:
    """Every record in the pipeline's own format, text included (read back one at a time: `SiteIndex.texts`)."""
    for r in index.records:
        d = r.to_dict()
        if r.paragraphs or index.texts is None:
            yield json.dumps(d, ensure_ascii=False) + "\n"
            continue
        # the stored JSON of the text goes in as it is (the text is half the record: not decoded, encoded again);
        # the key, unquoted, is only ever the record's own (inside a string its quotes are escaped)
        text = '"paragraphs": ' + index.texts.raw(r.id)
        yield json.dumps(d, ensure_ascii=False).replace('"paragraphs": []', text, 1) + "\n"


def actor_quotes_path(entry: Entry) -> str:
    return f"{DIR}/quotes/{entry.id}.csv"


def render_downloads(index: SiteIndex) -> Iterator[tuple[str, str | Iterator[str]]]:
    """(path under docs/, text or its chunks): the four tables as CSV and JSON, the records, each speaker's
    quotes. The rows are made again for each file rather than kept: a million quotes do not fit twice."""
    tables = {"articles": (article_rows, ARTICLE_FIELDS), "actors": (actor_rows, ACTOR_FIELDS),
              "places": (place_rows, PLACE_FIELDS), "quotes": (quote_rows, QUOTE_FIELDS)}
    for name, (rows, fields) in tables.items():
        yield f"{DIR}/{name}.csv", csv_chunks(rows(index), fields)
        yield f"{DIR}/{name}.json", json_chunks(rows(index))
    yield f"{DIR}/records.jsonl", records_jsonl(index)
    for entry in index.actors.values():
        quotes = entry.quotes
        if quotes and entry.page:  # linked from the speaker's page; every quote is in quotes.csv too
            rows = [quote_row(index.by_id[rid], q, entry.id) for rid, q in quotes]
            yield actor_quotes_path(entry), to_csv(rows, QUOTE_FIELDS)
