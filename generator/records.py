"""Typed records passed between the stages: ingest -> analyse -> aggregate -> render.

The JSON form of `Record` is a contract (see `generator/schema/record.schema.json`):
evaluation and later tools read it, so fields are only ever added, never renamed.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any


@dataclass
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
    notes: list[str] = field(default_factory=list)
    """What ingest dropped and why (an unsafe URL); carried into the record's notes."""


@dataclass
class Actor:
    name: str
    kind: str  # person | organization | group
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    affiliations: list[str] = field(default_factory=list)


@dataclass
class Place:
    name: str
    kind: str  # country | city | region | landmark | water | other
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    geonameid: int | None = None


@dataclass
class Quote:
    text: str
    speaker: str | None
    kind: str  # direct | partial | indirect
    cue: str | None = None
    paragraph: int | None = None
    """0-based index into the record's `paragraphs`."""


@dataclass
class Summary:
    lede: str = ""
    key_points: list[str] = field(default_factory=list)


@dataclass
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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        return cls(
            path=d["path"],
            id=d["id"],
            title=d["title"],
            standfirst=d.get("standfirst", ""),
            source=d.get("source", ""),
            date=d.get("date"),
            summary=Summary(**d.get("summary", {})),
            actors=[Actor(**a) for a in d.get("actors", [])],
            places=[Place(**p) for p in d.get("places", [])],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            paragraphs=list(d.get("paragraphs", [])),
            url=d.get("url"),
            authors=list(d.get("authors", [])),
            tags=list(d.get("tags", [])),
            language=d.get("language"),
            format=d.get("format", "text"),
            item=d.get("item"),
            notes=list(d.get("notes", [])),
        )


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def json_problem(value, hint=None, where: str = "record") -> str | None:
    """Why `value` (decoded JSON) is not the JSON form of `hint` (default: a Record), or None. Checks fields and
    types all the way down: a record from outside (the cache) must not fail later, deep in a stage."""
    hint = Record if hint is None else hint
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            return f"{where} is not an object"
        fields = dataclasses.fields(hint)
        required = [f.name for f in fields
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        if missing := [n for n in required if n not in value]:
            return f"{where} has no {missing[0]!r}"
        hints = _hints(hint)
        if unknown := [k for k in value if k not in hints]:
            return f"{where} has an unknown field {str(unknown[0])[:40]!r}"
        if hint is Record and not (isinstance(value["id"], str) and _SLUG.fullmatch(value["id"])):
            return f"{where}.id is not a slug"
        return next((p for k, v in value.items() if (p := json_problem(v, hints[k], f"{where}.{k}"))), None)
    origin = typing.get_origin(hint)
    if origin is list:
        if not isinstance(value, list):
            return f"{where} is not a list"
        (item,) = typing.get_args(hint)
        return next((p for i, v in enumerate(value) if (p := json_problem(v, item, f"{where}[{i}]"))), None)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        return None if any(json_problem(value, h, where) is None for h in options) else f"{where} has the wrong type"
    if hint is type(None):
        return None if value is None else f"{where} is not null"
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, hint)
    return None if ok else f"{where} is not {hint.__name__}"


@cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)
