"""Aggregate: Records -> one index of the whole site (articles, actor pages, place pages, quotes).

One page per real thing: a name lives under one kind across the collection (the kind most articles give
it); full names that differ by a middle initial or a nickname are one person (a Jr. stays apart); a bare
surname joins the full name the collection makes unambiguous (the only one, or the one of its gender, of
its role, or named in far more articles), never a guess between equals; organisations merge on a shared
alias (acronym and expansion) and on short and long forms ("Amazon.com", "NBC News"); places merge on
their gazetteer id, else their name. The user's corrections (`corrections.py`) are applied before this.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from generator.analyse import names, slugify, unique_slug
from generator.analyse.gazetteer import norm
from generator.analyse.lexicon import DEMONYMS, FEMALE_WORDS, HONORIFICS, MALE_WORDS, ORG_HEADS, TITLES
from generator.analyse.mentions import NOT_ENTITIES
from generator.records import Actor, Place, Quote, Record
from generator.texts import Texts


@dataclass(slots=True)
class Entry:
    """One actor or place page (or, below `MIN_ARTICLES`, its line in the downloads: most are these)."""

    id: str
    name: str
    kind: str
    aliases: Sequence[str] = ()  # an empty one is the one shared empty tuple: most entries are one mention
    roles: Sequence[str] = ()
    affiliations: Sequence[str] = ()
    articles: list[str] = field(default_factory=list)  # record ids, newest first
    mentions: int = 0
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    quotes: Sequence[tuple[str, Quote]] = ()  # (record id, quote) said by this actor
    with_actors: Sequence[tuple[str, int]] = ()  # (entry id, shared articles); shared empty: most have none
    with_places: Sequence[tuple[str, int]] = ()
    page: bool = True  # False: named in too few articles for a page of its own; it lives on its article's page


MIN_ARTICLES = 2
"""Articles that must name an actor or place before it gets its own page: 79 % of the actors of a real
collection are in one article, and a page repeating that article's line adds nothing but files and bytes.
Its id (and so its URL, once it has a page) comes from its name among every entry, paged or not."""


@dataclass
class SiteIndex:
    records: list[Record]  # newest first, undated last
    by_id: dict[str, Record]
    actors: dict[str, Entry]
    places: dict[str, Entry]
    actor_page: dict[tuple[str, str], str]  # (record id, actor name) -> entry id
    place_page: dict[tuple[str, str], str]  # (record id, place name) -> entry id
    texts: Texts | None = None
    """Where the records' paragraphs are when they are not on the records (`generate` keeps them on disk)."""

    def paragraphs(self, r: Record) -> list[str]:
        """The article's text, from the record or read back from `texts`."""
        return r.paragraphs if r.paragraphs or self.texts is None else self.texts.get(r.id)

    def actor_link(self, rid: str, name: str | None) -> str | None:
        """The id of the page of this article's actor `name`, or None when it has no page."""
        eid = self.actor_page.get((rid, name)) if name else None
        return eid if eid and self.actors[eid].page else None

    def place_link(self, rid: str, name: str) -> str | None:
        eid = self.place_page.get((rid, name))
        return eid if eid and self.places[eid].page else None


def sort_key(r: Record) -> tuple:
    """Newest first, by the moment (23:30 in New York is after 01:00 in London the next day); undated
    articles after all dated ones, by title."""
    return (r.date is None, "" if r.date is None else _neg(_moment(r.date)), r.title.lower(), r.id)


def _moment(date: str) -> str:
    """A date with a time and a zone as UTC, so that dates from different zones sort together."""
    if len(date) <= 10:
        return date
    try:
        when = dt.datetime.fromisoformat(date)
    except ValueError:
        return date
    return when.astimezone(dt.UTC).replace(tzinfo=None).isoformat() if when.tzinfo else date


def _neg(date: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def build(records: list[Record], min_articles: int = 1, texts: Texts | None = None) -> SiteIndex:
    """`min_articles`: an actor or place named in fewer articles gets no page (`Entry.page`); every one is
    still in the index (downloads, the article's own tables). `texts`: the records' paragraphs, when they
    were taken off the records to save memory."""
    records = one_kind([_plain_actors(r) for r in sorted(records, key=sort_key)])
    by_id = {r.id: r for r in records}
    actor_page, actors = _merge_actors(records)
    place_page, places = _merge_places(records)
    for r in records:
        for a in r.actors:
            entry = actors[actor_page[(r.id, a.name)]]
            entry.mentions += a.mentions
            if not entry.articles or entry.articles[-1] != r.id:  # one record at a time: only the last can be it
                entry.articles.append(r.id)
        for p in r.places:
            entry = places[place_page[(r.id, p.name)]]
            entry.mentions += p.mentions
            if not entry.articles or entry.articles[-1] != r.id:  # (a list `in` is quadratic at 100,000)
                entry.articles.append(r.id)
        for q in r.quotes:
            if q.speaker and (r.id, q.speaker) in actor_page:
                entry = actors[actor_page[(r.id, q.speaker)]]
                if not entry.quotes:
                    entry.quotes = []
                entry.quotes.append((r.id, q))
    for entry in [*actors.values(), *places.values()]:
        entry.page = len(entry.articles) >= min_articles
    _cooccurrence(records, actors, places, actor_page, place_page)
    return SiteIndex(records, by_id, actors, places, actor_page, place_page, texts)


def _plain_actors(r: Record) -> Record:
    """No page for a bare title ("Senator") or a nationality ("Europeans"); an all-capitals name ("MSNBC") is an
    organisation, never a person (speakers named only in a quote's cue come without the entity rules)."""
    if not any(_no_actor(a.name) or _fixed_kind(a) != a.kind for a in r.actors):
        return r
    actors = [replace(a, kind=_fixed_kind(a)) for a in r.actors if not _no_actor(a.name)]
    return replace(r, actors=actors)


def _no_actor(name: str) -> bool:
    """A bare title, a nationality, an era or a belief: what the entity rules never make an actor."""
    key = norm(name).removeprefix("the ")
    nationality = key in DEMONYMS or key.removesuffix("s") in DEMONYMS
    return _title_only(name) or key in NOT_ENTITIES or nationality and key not in GROUP_NAMES | _PARTY_MEMBERS


_PARTY_MEMBERS = {"democrats", "republicans", "conservatives", "liberals", "tories", "labour", "socialists",
                  "communists"}
"""Party members named as a body ("Democrats said"): a speaker's page, unlike a nationality."""


def _fixed_kind(a: Actor) -> str:
    """An all-capitals name is an organisation; "Catholics", "Evangelicals": a group of people."""
    if a.kind == "person" and _ACRONYM.fullmatch(a.name):
        return "organization"
    if a.kind != "group" and norm(a.name) in GROUP_NAMES:
        return "group"
    return a.kind


GROUP_NAMES = {"catholics", "protestants", "evangelicals", "muslims", "christians", "jews", "hindus", "sikhs",
               "mormons", "liberals", "conservatives", "progressives", "libertarians", "veterans", "immigrants"}


_ACRONYM = re.compile(r"[A-Z]{3,6}")


def _title_only(name: str) -> bool:
    """"Senator", "the Minister": a title that names nobody is no page."""
    words = norm(name).removeprefix("the ").split()
    return bool(words) and all(w in TITLES or w in HONORIFICS for w in words)


def one_kind(records: list[Record]) -> list[Record]:
    """A name lives under one kind across the collection: the kind most articles give it (then most
    mentions), so a name read as an organisation in ten articles is not a person in the eleventh.
    Returns copies where something changed; the other records are the same objects."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        for a in r.actors:
            votes[norm(a.name)][a.kind] += 1000 + a.mentions
        for p in r.places:
            votes[norm(p.name)]["place"] += 1000 + p.mentions
    winner = {n: max(c, key=lambda k: (c[k], k)) for n, c in votes.items() if len(c) > 1}
    if not winner:
        return records
    located: dict[str, Place] = {}
    for r in records:
        for p in r.places:
            if norm(p.name) in winner and p.lat is not None:
                located.setdefault(norm(p.name), p)
    out = []
    for r in records:
        if not any(norm(x.name) in winner for x in [*r.actors, *r.places]):
            out.append(r)
            continue
        actors, places = [], list(r.places)
        for a in r.actors:
            kind = winner.get(norm(a.name), a.kind)
            if kind == "place":
                like = located.get(norm(a.name))
                places.append(Place(name=a.name, kind=like.kind if like else "other", aliases=list(a.aliases),
                                    mentions=a.mentions, country=like and like.country, lat=like and like.lat,
                                    lon=like and like.lon, geonameid=like and like.geonameid))
            else:
                actors.append(a if kind == a.kind else replace(a, kind=kind))
        kept = []
        for p in places:
            kind = winner.get(norm(p.name), "place")
            if kind == "place":
                kept.append(p)
            else:
                actors.append(Actor(name=p.name, kind=kind, aliases=list(p.aliases), mentions=p.mentions))
        out.append(replace(r, actors=actors, places=kept))  # a new record; its unchanged parts are shared
    return out


def _person_key(name: str) -> tuple[str, ...]:
    return tuple(norm(name).replace("-", " ").split())


def _org_key(name: str) -> str:
    """"The Guardian" and "Guardian", "Amazon.com" and "Amazon", "NBC News" and "NBC" are one organisation."""
    key = norm(name).removeprefix("the ")
    return _ORG_SUFFIX.sub("", key) or key


_ORG_SUFFIX = re.compile(r" (?:com|inc|corp|corporation|ltd|plc|llc|co|news|party)$")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _core(k: tuple[str, ...]) -> tuple[str, ...]:
    """A person key without its suffix: "Donald Trump Jr." -> (donald, trump)."""
    return k[:-1] if len(k) > 2 and k[-1] in SUFFIXES else k


def _join_name_variants(people: dict[tuple, set[str]], union) -> None:
    """"Donald J. Trump" and "Donald Trump", "Joe Biden" and "Joseph R. Biden" are one page: the same surname
    and suffix, the same given name or its nickname, and at most one middle name among them (George W. Bush
    and George H. W. Bush stay apart, and so do a father and his Jr.)."""
    groups: dict[tuple, list[list[tuple]]] = defaultdict(list)
    # per family, the groups by their given name ("=") and by its nicknames ("~"): the first group of the same
    # given name (same_given_name) is found by lookups, not by comparing with every group of the surname
    lookup: dict[tuple, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for k in sorted(people):
        core = _core(k)
        family, by = groups[(core[-1], k[len(core):])], lookup[(core[-1], k[len(core):])]
        given, nicks = names.given_name_forms(core[0])
        hits = [*by.get(("=", given), ()), *(i for n in nicks for i in by.get(("=", n), ())),
                *(by.get(("~", given), ()) if len(given) >= 2 else ())]
        if hits:
            family[min(hits)].append(k)
            continue
        by[("=", given)].append(len(family))
        for n in nicks:
            by[("~", n)].append(len(family))
        family.append([k])
    for family in groups.values():
        for g in family:
            middles = {_core(k)[1:-1] for k in g} - {()}
            if len(middles) <= 1 or len({m[0][:1] for m in middles}) == 1 and all(len(m) == 1 for m in middles):
                for k in g[1:]:
                    union(("person",) + g[0], ("person",) + k)


def _surname_owner(a: Actor, owners: set[tuple], people: dict[tuple, set[str]], roles: dict[tuple, set[str]],
                   find) -> tuple | None:
    """The person a bare surname means: the one full name with it, or, where the collection makes it
    unambiguous, the one of the gender its title gives ("Mrs Clinton"), the one that shares its role
    ("Vice President"), or the one named in far more articles (twice as many as any other, three or more)."""
    roots: dict[tuple, set[str]] = defaultdict(set)
    held: dict[tuple, set[str]] = defaultdict(set)
    for k in owners:
        roots[find(("person",) + k)] |= people[k]
        held[find(("person",) + k)] |= roles.get(k, set())
    cue = _gender_cue(a)
    if cue:
        roots = {r: arts for r, arts in roots.items() if names.gender(r[1]) in (cue, None)}
    if len(roots) == 1:
        return next(iter(roots))
    mine = {_role_key(x) for x in a.roles}
    sharing = [r for r in roots if mine & held[r]]
    if len(sharing) == 1:
        return sharing[0]
    ranked = sorted(roots.items(), key=lambda kv: -len(kv[1]))
    if len(ranked) >= 2 and len(ranked[0][1]) >= 3 and len(ranked[0][1]) >= 2 * len(ranked[1][1]):
        return ranked[0][0]
    return None


def _companies(records: list[Record]) -> dict[str, str]:
    """The one organisation "X Energy", "X Coal", "X Group"... of each first word X in the collection."""
    found: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for a in r.actors:
            words = norm(a.name).split()
            if a.kind != "person" and len(words) == 2 and words[1] in ORG_HEADS:
                found[words[0]].add(_org_key(a.name))
    return {w: next(iter(keys)) for w, keys in found.items() if len(keys) == 1}


def _role_key(role: str) -> str:
    """"the Vice President", "US Vice President" -> "vice president": a role without its determiners and
    places, to compare."""
    words = norm(role).split()
    while words and (words[0] in ("the", "a", "an", "former", "us", "u s") or words[0][:1].isdigit()):
        words = words[1:]
    return " ".join(words[-2:])


def _gender_cue(a: Actor) -> str | None:
    words = {w.lower().strip(".") for n in [*a.aliases, *a.roles] for w in n.split()}
    if words & {"mr", "sir", "lord"} or words & MALE_WORDS:
        return "m"
    if words & {"mrs", "ms", "miss", "dame", "lady"} or words & FEMALE_WORDS:
        return "f"
    return None


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
    people: dict[tuple, set[str]] = defaultdict(set)  # full-name key -> the articles naming it
    roles: dict[tuple, set[str]] = defaultdict(set)
    for r in records:
        for a in r.actors:
            k = _person_key(a.name)
            if a.kind == "person" and len(_core(k)) >= 2:
                people[k].add(r.id)
                roles[k] |= {_role_key(x) for x in a.roles}
    _join_name_variants(people, union)
    by_surname: dict[str, set[tuple]] = defaultdict(set)
    for k in people:
        by_surname[_core(k)[-1]].add(k)
    companies = _companies(records)
    node_of: dict[tuple[str, str], tuple] = {}
    for r in records:
        for a in r.actors:
            g = group.get(a.kind, "org")
            if g == "person":
                k = _person_key(a.name)
                node = ("person",) + k
                if len(k) == 1 and (owner := _surname_owner(a, by_surname.get(k[0], set()), people, roles, find)):
                    node = ("person",) + k + ("@" + r.id,)  # this article's "Obama", not every article's
                    union(node, owner)
                elif len(k) == 1 and k[0] not in by_surname and (company := companies.get(k[0])):
                    node = ("org", company)  # "Peabody" (read as a person) and "Peabody Energy" elsewhere
                find(node)
            else:
                node = ("org", _org_key(a.name))
                for alias in a.aliases:
                    if len(_org_key(alias)) >= 2:
                        union(node, ("org", _org_key(alias)))
                find(node)
            node_of[(r.id, a.name)] = node
    # one entry per root; names by popularity
    names: dict[tuple, Counter] = defaultdict(Counter)
    info: dict[tuple, list[Actor]] = defaultdict(list)
    for r in records:
        for a in r.actors:
            root = find(node_of[(r.id, a.name)])
            names[root][a.name] += 1
            info[root].append(a)
    entries: dict[tuple, Entry] = {}
    used: set[str] = set()
    for root in sorted(names, key=lambda k: (k[0], k[1:])):
        actors = info[root]
        name = max(names[root], key=lambda n: (len(n.split()) if root[0] == "person" else 0, names[root][n], n))
        kinds = Counter(a.kind for a in actors if (a.kind == "person") == (root[0] == "person"))
        kinds = kinds or Counter({"person" if root[0] == "person" else "organization": 1})
        slug = unique_slug(slugify(name) or "actor", used)
        entries[root] = Entry(
            id=slug, name=name, kind=kinds.most_common(1)[0][0],
            aliases=_uniq([n for a in actors for n in [a.name, *a.aliases] if n != name])[:12] or (),
            roles=_uniq([x for a in actors for x in a.roles])[:8] or (),
            affiliations=_uniq([x for a in actors for x in a.affiliations])[:8] or ())
    for k, node in node_of.items():  # the same dict becomes the page of each (article, name): one, not two,
        node_of[k] = entries[find(node)].id  # of a million keys at 100,000 articles
    return node_of, {e.id: e for e in entries.values()}


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
        aliases = _uniq([a for p in ps for a in [p.name, *p.aliases] if a != name])[:12] or ()
        entries[k] = Entry(id=slug, name=name, kind=first.kind, country=first.country, lat=first.lat,
                           lon=first.lon, aliases=aliases)
    return {key: entries[k].id for key, k in page_of.items()}, {e.id: e for e in entries.values()}


def _cooccurrence(records, actors, places, actor_page, place_page, top: int = 8) -> None:
    """'Appears with': the actors and places with a page most often in the same articles."""
    together_a: dict[str, Counter] = defaultdict(Counter)
    together_p: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        a_ids = sorted({x for a in r.actors if actors[x := actor_page[(r.id, a.name)]].page})[:40]
        p_ids = sorted({x for p in r.places if places[x := place_page[(r.id, p.name)]].page})[:40]
        for x in a_ids + p_ids:
            for a in a_ids:
                if a != x:
                    together_a[x][a] += 1
            for p in p_ids:
                if p != x:
                    together_p[x][p] += 1
    for eid, e in [*actors.items(), *places.items()]:
        if eid in together_a:
            e.with_actors = sorted(together_a[eid].items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        if eid in together_p:
            e.with_places = sorted(together_p[eid].items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def _uniq(items) -> list[str]:
    seen, out = set(), []
    for i in items:
        k = re.sub(r"\W+", " ", i.lower()).strip()
        if i and k not in seen:
            seen.add(k)
            out.append(i)
    return out
