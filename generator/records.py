"""Typed records passed between the stages: ingest -> analyse -> aggregate -> render.

The JSON form of `Record` is a contract (see `generator/schema/record.schema.json`):
evaluation and later tools read it, so fields are only ever added, never renamed.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


@dataclass(slots=True)
class Article:
    """One article as read from disk, before any language analysis."""

    path: str
    """The input path as given (a container file's items share it)."""
    title: str
    paragraphs: list[str]
    """Body text, one entry per paragraph, boilerplate already removed."""
    standfirst: str = ""
    source: str = ""
    date: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    item: int | None = None
    """Position inside a container file (JSON list, JSON Lines, feed); None for single files."""
    format: str = "text"
    boilerplate: list[str] = field(default_factory=list)
    """Lines recognised as not being body text (related links, credits)."""
    date_from: str | None = None
    """Where `date` came from: one of `PROVENANCE`, None when there is no date."""
    source_from: str | None = None
    """Where `source` came from: one of `PROVENANCE`, None when there is no source."""
    notes: list[str] = field(default_factory=list)
    """What ingest dropped and why (an unsafe URL); carried into the record's notes."""


PROVENANCE = ("metadata", "sidecar", "path", "dateline")
"""Where a date or source can come from, strongest first: the file's own metadata (front matter, HTML meta,
feed or JSON fields, a seed file's "Source:" line), a sidecar file beside it, the file's path (name pattern,
ISO date in a file or folder name), a dateline at the very start of the text (dates only)."""


@dataclass(slots=True)
class Actor:
    name: str
    kind: str  # person | organization | group
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    affiliations: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    name: str
    kind: str  # country | city | region | landmark | water | other
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    geonameid: int | None = None


UNCERTAIN = 0.85
"""Attributions less sure than this are marked uncertain on the site (see `Quote.confidence`)."""


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    kind: str  # direct | partial | indirect
    cue: str | None = None
    paragraph: int | None = None
    """0-based index into the record's `paragraphs`."""
    confidence: float | None = None
    """How sure the attribution is, 0 to 1, from the kind of evidence that names the speaker (see
    `analyse.quotes.CONFIDENCE`); None when there is no speaker."""


@dataclass(slots=True)
class Summary:
    lede: str = ""
    key_points: list[str] = field(default_factory=list)
    kind: str = "news"
    """news | opinion | letters | roundup | live: the last four are summarised as what they are."""


@dataclass(slots=True)
class Record:
    path: str
    id: str
    title: str
    standfirst: str
    source: str
    date: str | None
    summary: Summary
    actors: list[Actor]
    places: list[Place]
    quotes: list[Quote]
    paragraphs: list[str]
    """The analysed text: standfirst (when present) then the body paragraphs."""
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    format: str = "text"
    item: int | None = None
    notes: list[str] = field(default_factory=list)
    """Why parts of the record are empty (e.g. a language we do not analyse)."""
    date_from: str | None = None
    """Where `date` came from (see `PROVENANCE`)."""
    source_from: str | None = None
    """Where `source` came from (see `PROVENANCE`)."""

    def to_dict(self) -> dict[str, Any]:
        return _as_json(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        return cls(
            path=d["path"],
            id=d["id"],
            title=d["title"],
            standfirst=d.get("standfirst", ""),
            source=_intern(d.get("source", "")),
            date=d.get("date"),
            summary=Summary(**d.get("summary", {})),
            actors=[_shared(Actor(**a), "name", "kind") for a in d.get("actors", [])],
            places=[_shared(Place(**p), "name", "kind", "country") for p in d.get("places", [])],
            quotes=[_shared(Quote(**q), "speaker", "kind", "cue") for q in d.get("quotes", [])],
            paragraphs=list(d.get("paragraphs", [])),
            url=d.get("url"),
            authors=list(d.get("authors", [])),
            tags=list(d.get("tags", [])),
            language=d.get("language"),
            format=d.get("format", "text"),
            item=d.get("item"),
            notes=list(d.get("notes", [])),
            date_from=d.get("date_from"),
            source_from=d.get("source_from"),
        )


def compact(r: Record) -> Record:
    """`r` made smaller for a large site's generate, which holds every record at once: its lists become tuples
    (an empty one the one shared empty tuple: most actors have no alias, role or affiliation, and an empty list
    is 56 bytes) and its quotes' confidences are shared. The lists can no longer be changed in place."""
    for a in r.actors:
        a.aliases, a.roles, a.affiliations = tuple(a.aliases), tuple(a.roles), tuple(a.affiliations)
    for p in r.places:
        p.aliases = tuple(p.aliases)
    for q in r.quotes:
        q.confidence = _CONFIDENCES.setdefault(q.confidence, q.confidence)
    r.summary.key_points = tuple(r.summary.key_points)
    r.actors, r.places, r.quotes = tuple(r.actors), tuple(r.places), tuple(r.quotes)
    r.authors, r.tags, r.notes = tuple(r.authors), tuple(r.tags), tuple(r.notes)
    return r


_CONFIDENCES: dict = {}
"""One float object per confidence value (a handful of them, on millions of quotes)."""


def _intern(value):
    return sys.intern(value) if type(value) is str else value


def _shared(x, *names: str):
    """`x` with these fields' strings interned: a name, a kind, a cue recur across 100,000 records, and one copy
    of each is what keeps a large site's index in memory (benchmarks/shards.py)."""
    for name in names:
        setattr(x, name, _intern(getattr(x, name)))
    return x


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def json_problem(value, hint=None) -> str | None:
    """Why `value` (decoded JSON) is not the JSON form of `hint` (default: a Record), or None. Checks fields and
    types all the way down: a record from outside (the cache) must not fail later, deep in a stage."""
    problem = _checker(Record if hint is None else hint)(value)
    return None if problem is None else f"record{problem}"


@cache
def _checker(hint) -> Callable[[Any], str | None]:
    """A function checking one type's JSON form (built once per type; the path is spelled out only on failure)."""
    if dataclasses.is_dataclass(hint):
        fields = dataclasses.fields(hint)
        required = {f.name for f in fields
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
        checks = {name: _checker(t) for name, t in typing.get_type_hints(hint).items()}
        slug = hint is Record

        def check_object(value):
            if not isinstance(value, dict):
                return " is not an object"
            if missing := required - value.keys():
                return f" has no {min(missing)!r}"
            if unknown := value.keys() - checks.keys():
                return f" has an unknown field {str(min(unknown, key=str))[:40]!r}"
            for k, v in value.items():
                if (p := checks[k](v)) is not None:
                    return f".{k}{p}"
            if slug and not _SLUG.fullmatch(value["id"]):
                return ".id is not a slug"
            return None
        return check_object
    if (kinds := _plain(hint)) is not None:
        numbers = int in kinds or float in kinds
        return lambda value: None if isinstance(value, kinds) and not (numbers and isinstance(value, bool)) \
            else " has the wrong type"
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        check_item = _checker(item)
        kinds = _plain(item)

        def check_list(value):
            if not isinstance(value, list):
                return " is not a list"
            if kinds is not None and all(type(v) in kinds for v in value):
                return None
            for i, v in enumerate(value):
                if (p := check_item(v)) is not None:
                    return f"[{i}]{p}"
            return None
        return check_list
    if origin in (typing.Union, types.UnionType):
        options = [_checker(h) for h in typing.get_args(hint)]
        return lambda value: None if any(c(value) is None for c in options) else " has the wrong type"
    raise TypeError(f"no JSON check for {hint!r}")


def _plain(hint) -> tuple[type, ...] | None:
    """The JSON value types of a scalar type or a union of them (float takes int too), else None."""
    parts = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if not all(p in (str, int, float, bool, type(None)) for p in parts):
        return None
    return tuple({k for p in parts for k in ((int, float) if p is float else (p,))})


_LEAVES = (str, int, float, bool)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _as_json(x: Any) -> Any:
    """dataclasses.asdict without its deep copy of every leaf: almost twice as fast (a site's records.jsonl
    download is written on every generate)."""
    if x is None or type(x) in _LEAVES:
        return x
    if hasattr(type(x), "__dataclass_fields__"):
        return {name: _as_json(getattr(x, name)) for name in _field_names(type(x))}
    if isinstance(x, (list, tuple)):
        return type(x)(_as_json(v) for v in x)
    if isinstance(x, dict):
        return {_as_json(k): _as_json(v) for k, v in x.items()}
    return x
