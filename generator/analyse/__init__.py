"""Analyse: Article + spaCy Doc -> Record (summary, actors, places, quotes). Pure: no I/O here."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from spacy.tokens import Doc

from generator.analyse import entities, quotes, summary
from generator.records import Article, Record, Summary

PARA_SEP = "\n\n"


def text_of(article: Article) -> tuple[str, list[int], list[str]]:
    """The analysed text (standfirst, then body), paragraph start offsets, and the paragraphs."""
    paragraphs = ([article.standfirst] if article.standfirst else []) + article.paragraphs
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + len(PARA_SEP)
    return PARA_SEP.join(paragraphs), starts, paragraphs


def analyse(article: Article, doc: Doc | None, language: str | None = "en") -> Record:
    """Build the record. `doc` is None for text we do not analyse (non-English): fields stay empty."""
    _, starts, paragraphs = text_of(article)
    record = Record(
        path=article.path, id=base_slug(article), title=article.title, standfirst=article.standfirst,
        source=article.source, date=article.date, summary=Summary(lede=article.standfirst), actors=[],
        places=[], quotes=[], paragraphs=paragraphs, url=article.url, authors=article.authors, tags=article.tags,
        language=language, format=article.format, item=article.item, date_from=article.date_from,
        source_from=article.source_from, notes=list(article.notes))
    if doc is None:
        record.notes.append(
            f"language '{language}' is not analysed (extraction is English-only): no actors, places or quotes")
        record.summary = Summary(lede=article.standfirst or (paragraphs[0][:400] if paragraphs else ""))
        return record
    ents = entities.extract(doc)
    record.actors, record.places = ents.actors, ents.places
    record.quotes = quotes.extract(doc, starts, ents, record.actors)
    record.summary = summary.summarise(doc, article.standfirst, starts, skip_first_para=bool(article.standfirst),
                                       title=article.title, url=article.url, tags=article.tags,
                                       authors=article.authors, dropped=article.boilerplate)
    return record


def slugify(text: str, max_len: int = 60) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0]
    return s


RESERVED_SLUGS = ("index", "tags")
"""Page names the index pages of each generated folder use."""


def unique_slug(slug: str, used: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... the first one not in `used` (which it joins) nor reserved."""
    out, n = slug, 2
    while out in used or out in RESERVED_SLUGS:
        out, n = f"{slug}-{n}", n + 1
    used.add(out)
    return out


def base_slug(article: Article) -> str:
    """A readable, stable slug: the title's words plus a short hash of where the article came from."""
    stem = slugify(article.title) or "article"
    origin = f"{article.path}#{article.item}" if article.item is not None else article.path
    digest = hashlib.sha1((origin.rsplit("/", 1)[-1] + article.title).encode("utf-8", "replace")).hexdigest()[:6]
    return f"{stem}-{digest}"
