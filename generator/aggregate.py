"""Aggregate: Records -> one index of the whole site (articles, actor pages, place pages, quotes).

Merging across articles is conservative: a person is one page only under the same full name (a bare
surname joins the one full name that has it, never one of several); organisations also merge on a shared
alias (acronym and expansion); places merge on their gazetteer id, else their name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.analyse import slugify, unique_slug
from generator.analyse.gazetteer import norm
from generator.records import Actor, Place, Quote, Record


@dataclass
class Entry:
    """One actor or place page."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # record ids, newest first
    mentions: int = 0
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    quotes: list[tuple[str, Quote]] = field(default_factory=list)  # (record id, quote) said by this actor
    with_actors: list[tuple[str, int]] = field(default_factory=list)  # (entry id, shared articles)
    with_places: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class SiteIndex:
    records: list[Record]  # newest first, undated last
    by_id: dict[str, Record]
    actors: dict[str, Entry]
    places: dict[str, Entry]
    actor_page: dict[tuple[str, str], str]  # (record id, actor name) -> entry id
    place_page: dict[tuple[str, str], str]  # (record id, place name) -> entry id


def sort_key(r: Record) -> tuple:
    """Newest first; undated articles after all dated ones, by title."""
    return (r.date is None, "" if r.date is None else _neg(r.date), r.title.lower(), r.id)


def _neg(date: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def build(records: list[Record]) -> SiteIndex:
    records = sorted(records, key=sort_key)
    by_id = {r.id: r for r in records}
    actor_page, actors = _merge_actors(records)
    place_page, places = _merge_places(records)
    for r in records:
        for a in r.actors:
            entry = actors[actor_page[(r.id, a.name)]]
            entry.mentions += a.mentions
            if r.id not in entry.articles:
                entry.articles.append(r.id)
        for p in r.places:
            entry = places[place_page[(r.id, p.name)]]
            entry.mentions += p.mentions
            if r.id not in entry.articles:
                entry.articles.append(r.id)
        for q in r.quotes:
            if q.speaker and (r.id, q.speaker) in actor_page:
                actors[actor_page[(r.id, q.speaker)]].quotes.append((r.id, q))
    _cooccurrence(records, actors, places, actor_page, place_page)
    return SiteIndex(records, by_id, actors, places, actor_page, place_page)


def _person_key(name: str) -> tuple[str, ...]:
    return tuple(norm(name).replace("-", " ").split())


def _org_key(name: str) -> str:
    """"The Guardian" and "Guardian" are one organisation."""
    return norm(name).removeprefix("the ")


def _merge_actors(records: list[Record]):
    """Union-find over (kind, key) so that acronyms and expansions share one organisation page."""
    parent: dict[tuple, tuple] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    group = {"person": "person", "organization": "org", "group": "org"}
    surnames: dict[str, set[tuple]] = defaultdict(set)
    for r in records:
        for a in r.actors:
            if a.kind == "person":
                k = _person_key(a.name)
                if len(k) >= 2:
                    surnames[k[-1]].add(("person",) + k)
    # "Donald J. Trump" and "Donald Trump" are one page, unless two different middle names share the pair
    # (George W. Bush and George H. W. Bush)
    pairs: dict[tuple, set[tuple]] = defaultdict(set)
    for r in records:
        for a in r.actors:
            k = _person_key(a.name)
            if a.kind == "person" and len(k) >= 2:
                pairs[(k[0], k[-1])].add(k)
    for variants in pairs.values():
        if len([v for v in variants if len(v) > 2]) <= 1:
            first, *rest = sorted(variants)
            for v in rest:
                union(("person",) + first, ("person",) + v)
    for r in records:
        for a in r.actors:
            g = group.get(a.kind, "org")
            if g == "person":
                k = _person_key(a.name)
                node = ("person",) + k
                owners = {find(n) for n in surnames.get(k[0], ())} if len(k) == 1 else set()
                if len(owners) == 1:  # a bare surname joins the one person who has it, never one of several
                    union(node, owners.pop())
                find(node)
            else:
                node = ("org", _org_key(a.name))
                for alias in a.aliases:
                    if len(_org_key(alias)) >= 2:
                        union(node, ("org", _org_key(alias)))
                find(node)
    # one entry per root; names by popularity
    names: dict[tuple, Counter] = defaultdict(Counter)
    info: dict[tuple, list[Actor]] = defaultdict(list)
    page_of: dict[tuple[str, str], tuple] = {}
    for r in records:
        for a in r.actors:
            g = group.get(a.kind, "org")
            node = ("person",) + _person_key(a.name) if g == "person" else ("org", _org_key(a.name))
            root = find(node)
            names[root][a.name] += 1
            info[root].append(a)
            page_of[(r.id, a.name)] = root
    entries: dict[tuple, Entry] = {}
    used: set[str] = set()
    for root in sorted(names, key=lambda k: (k[0], k[1:])):
        actors = info[root]
        name = max(names[root], key=lambda n: (len(n.split()) if root[0] == "person" else 0, names[root][n], n))
        kinds = Counter(a.kind for a in actors)
        slug = unique_slug(slugify(name) or "actor", used)
        entries[root] = Entry(
            id=slug, name=name, kind=kinds.most_common(1)[0][0],
            aliases=_uniq([n for a in actors for n in [a.name, *a.aliases] if n != name])[:12],
            roles=_uniq([x for a in actors for x in a.roles])[:8],
            affiliations=_uniq([x for a in actors for x in a.affiliations])[:8])
    actor_page = {k: entries[root].id for k, root in page_of.items()}
    return actor_page, {e.id: e for e in entries.values()}


def _merge_places(records: list[Record]):
    keyed: dict[str, list[Place]] = defaultdict(list)
    page_of: dict[tuple[str, str], str] = {}
    for r in records:
        for p in r.places:
            k = f"g{p.geonameid}" if p.geonameid else "n" + norm(p.name)
            keyed[k].append(p)
            page_of[(r.id, p.name)] = k
    used: set[str] = set()
    entries: dict[str, Entry] = {}
    for k in sorted(keyed):
        ps = keyed[k]
        name = Counter(p.name for p in ps).most_common(1)[0][0]
        first = ps[0]
        slug = unique_slug(slugify(name) or "place", used)
        aliases = _uniq([a for p in ps for a in [p.name, *p.aliases] if a != name])[:12]
        entries[k] = Entry(id=slug, name=name, kind=first.kind, country=first.country, lat=first.lat,
                           lon=first.lon, aliases=aliases)
    return {key: entries[k].id for key, k in page_of.items()}, {e.id: e for e in entries.values()}


def _cooccurrence(records, actors, places, actor_page, place_page, top: int = 8) -> None:
    """'Appears with': the actors and places most often in the same articles."""
    together_a: dict[str, Counter] = defaultdict(Counter)
    together_p: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        a_ids = sorted({actor_page[(r.id, a.name)] for a in r.actors})[:40]
        p_ids = sorted({place_page[(r.id, p.name)] for p in r.places})[:40]
        for x in a_ids + p_ids:
            for a in a_ids:
                if a != x:
                    together_a[x][a] += 1
            for p in p_ids:
                if p != x:
                    together_p[x][p] += 1
    for eid, e in list(actors.items()) + list(places.items()):
        e.with_actors = sorted(together_a[eid].items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        e.with_places = sorted(together_p[eid].items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def _uniq(items) -> list[str]:
    seen, out = set(), []
    for i in items:
        k = re.sub(r"\W+", " ", i.lower()).strip()
        if i and k not in seen:
            seen.add(k)
            out.append(i)
    return out
