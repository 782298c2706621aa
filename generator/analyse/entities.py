"""Actors and places from spaCy entities: the mentions (`mentions.py`) clustered (one per real-world thing),
typed by vote, article context and gazetteer, with roles and affiliations, places geocoded.

The small English model is noisy on news ("ISIL" as a number, "Trump" as an organisation, "Levant" as a
person), so its labels are only votes: every rule here is general (titles, acronyms, surnames, gazetteer),
none is keyed to a particular name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from generator.analyse import gazetteer
from generator.analyse.lexicon import (
    DEMONYMS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_HEADS,
    TITLES,
)
from generator.analyse.mentions import (
    NAME_PREFIXES,
    WATER_NAME,
    Mention,
    find,
    overlaps,
    retag_parties,
)
from generator.analyse.names import SUFFIXES, given_name_first, same_given_name
from generator.analyse.roles import clean_role
from generator.records import Actor, Place

LANDMARK_HEADS = {"stadium", "arena", "airport", "bridge", "square", "mall", "hill", "street", "avenue", "road",
                   "highway", "plaza", "monument", "memorial", "tower", "dam", "cathedral", "mosque", "abbey",
                  "place", "building", "hotel"}
"""Last words of buildings and streets: "Bank of America Stadium" is a place, not its owner."""


@dataclass
class Cluster:
    mentions: list[Mention]
    kind: str = ""
    name: str = ""
    geo: gazetteer.GeoHit | None = None
    acronym: bool = False  # joined by an acronym: an organisation

    def names(self) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            for n in [m.name, *m.aliases]:
                if n not in out:
                    out.append(n)
        return out


@dataclass
class Entities:
    actors: list[Actor]
    places: list[Place]
    spans: list[tuple[int, int, str, str]]
    """(start char, end char, 'actor'|'place', canonical name) of every mention, in text order."""


def extract(doc: Doc) -> Entities:
    retag_parties(doc)
    mentions = find(doc)
    clusters = _cluster(mentions)
    clusters = _type_and_geocode(clusters)
    clusters = _refind(doc, clusters)
    return _records(clusters)


# --- 2. clusters ----------------------------------------------------------------------------------------

def key(name: str) -> str:
    return gazetteer.norm(name).replace("'", "").replace("-", " ")


def _may_be_one(a, b) -> bool:
    """"Ray Ochoa" and "Raymond Ochoa" are one person, unless a suffix tells them apart ("William Rowe Jr.") or
    the text names both side by side ("Bill Rowe, a worker, and William Rowe Jr., his son")."""
    def suffixes(c) -> set[str]:
        return {t.strip(".,").lower() for n in c.names() for t in n.split()[1:]} & SUFFIXES
    return suffixes(a) == suffixes(b) and not any(
        abs(m.start - n.start) < 80 for m in a.mentions for n in b.mentions)


@functools.lru_cache(maxsize=65536)
def _bare(name: str) -> tuple[str, ...]:
    """Name tokens without titles and suffixes, lowercased (cached: cluster merging compares every pair)."""
    toks = [t.strip(".,").lower() for t in name.replace("’", "'").split()]
    while len(toks) > 1 and toks[0] in (TITLES | HONORIFICS):
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    return tuple(toks)


def _surname(name: str) -> str:
    toks = _bare(name)
    last = toks[-1] if toks else ""
    for p in NAME_PREFIXES:
        if last.startswith(p.strip()) and "-" in last:
            last = last.split("-", 1)[1]
    return last


def _cluster(mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    for m in mentions:
        if m.vote == "norp":
            continue
        keys = [key(m.name), *(key(a) for a in m.aliases)]
        keys += [k.replace(" ", "") for k in keys if " " in k]  # "Time Warner" and "TimeWarner", "T Mobile"
        if m.vote == "coalition":
            keys = ["coalition"]
        target = next((by_key[k] for k in keys if k in by_key), None)
        if target is None:
            target = Cluster([])
            clusters.append(target)
        target.mentions.append(m)
        for k in keys:
            by_key.setdefault(k, target)
    clusters = _merge_short_forms(clusters)
    norp = [m for m in mentions if m.vote == "norp"]
    if norp:
        clusters.append(Cluster(norp, kind="norp"))
    return clusters


def _merge_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """A surname or short form joins the fullest name that ends with it ("Abadi" -> "Haider al-Abadi")."""
    known: dict[tuple[int, int], bool] = {}

    def person_like(c: Cluster) -> bool:  # asked for every pair below; a cluster changes only by growing
        state = (id(c), len(c.mentions))
        if state not in known:
            known[state] = _person_like(c)
        return known[state]

    people = [c for c in clusters if person_like(c) and max(len(_bare(n)) for n in c.names()) >= 2]
    merged: set[int] = set()
    for c in clusters:
        if id(c) in merged or c in people:
            continue
        names = c.names()
        if any(len(_bare(n)) != 1 for n in names):
            continue
        word = _bare(names[0])[0] if _bare(names[0]) else ""
        if not word:
            continue
        target = _person_for(word, people)
        if target is None and (target := _company_for(word, clusters, c)) is not None:
            for m in c.mentions:
                m.vote = "org"  # the company's short name, whatever the model took it for
        if target is None and _votes(c)["person"] > _votes(c)["org"] + _votes(c)["place"] \
                and (target := _named_by_surname(word, clusters, c)) is not None:
            for m in target.mentions:
                m.vote = "person"
            people.append(target)  # now a person: its given name alone ("Phillips") can join it too
        if target is None:
            continue
        if not _votes(c)["person"] and _place_more_than_surname(names[0]):
            continue  # "Jordan" the country, not Jim Jordan; but "Garland" after "Merrick Garland"
        target.mentions.extend(c.mentions)
        merged.add(id(c))
    # two full names where one extends the other ("Donald Trump" / "Donald J. Trump", "Joe" / "Joseph R. Biden")
    for a in people:
        for b in people:
            if a is b or id(a) in merged or id(b) in merged:
                continue
            ba, bb = _bare(max(a.names(), key=len)), _bare(max(b.names(), key=len))
            if ba[-1] == bb[-1] and (len(ba) != len(bb) or ba[0] != bb[0] and _may_be_one(a, b)) \
                    and same_given_name(ba[0], bb[0]):
                # the longer name stays; of two as long ("Ray Ochoa" / "Raymond Ochoa"), the more mentioned
                keep_a = (len(ba), len(a.mentions), len(ba[0])) > (len(bb), len(b.mentions), len(bb[0]))
                (a if keep_a else b).mentions.extend((b if keep_a else a).mentions)
                merged.add(id(b if keep_a else a))
    # a name that ends another, longer one is the same person ("García Lorca" / "Federico García Lorca")
    live = [c for c in clusters if id(c) not in merged]
    for a in live:
        for b in live:
            if a is b or id(a) in merged or id(b) in merged or not (person_like(a) or person_like(b)):
                continue
            if any(_ends_with(nb, na) for na in a.names() for nb in b.names()):
                b.mentions.extend(a.mentions)
                merged.add(id(a))
    _merge_acronyms([c for c in clusters if id(c) not in merged], merged)
    # acronyms and prefixed place names: "al-Tabqa" joins "Tabqa", "Raqqa province" joins "Raqqa"
    by_key = {key(n): c for c in clusters if id(c) not in merged for n in c.names()}
    for c in clusters:
        if id(c) in merged:
            continue
        for n in c.names():
            stem = _stem_place(n)
            other = by_key.get(key(stem)) if stem != n else None
            if other is not None and other is not c and id(other) not in merged:
                other.mentions.extend(c.mentions)
                merged.add(id(c))
                break
    return [c for c in clusters if id(c) not in merged]


def _place_more_than_surname(word: str) -> bool:
    """A country, region or very big city: named alone, it is the place even where a person of that surname
    is in the article. A smaller city of that name ("Garland", "Lincoln") is the person."""
    if gazetteer.norm(word) in gazetteer.WELL_KNOWN_REGIONS:
        return True
    return any(h.kind != "city" or h.population >= 1_000_000 for h in gazetteer.candidates(word))


def _person_like(c: Cluster) -> bool:
    return bool(_votes(c)["person"]) or any(given_name_first(n) for n in c.names())


def _ends_with(long_name: str, short: str) -> bool:
    lt, st = _bare(long_name), _bare(short)
    return 2 <= len(st) < len(lt) and lt[-len(st):] == st


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "on", "in")]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 and all(w[0].isupper() for w in words) else ""


def _merge_acronyms(clusters: list[Cluster], merged: set[int]) -> None:
    """"E.U." joins "European Union" and "Nafta" its expansion: an acronym whose letters are the initials of
    exactly one multi-word name in the article; "Met Police" joins "Metropolitan Police" (shortened words)."""
    for c in clusters:
        names = c.names()
        if id(c) in merged or len(names) != 1:
            continue
        short = names[0]
        letters = short.replace(".", "").replace(" ", "")
        targets = []
        if 2 <= len(letters) <= 6 and letters.isalpha() and (letters.isupper() or "." in short or
                                                           (len(letters) >= 4 and letters[1:].islower())):
            targets = [o for o in clusters if o is not c and id(o) not in merged
                       and any(_initials(n) == letters.upper() for n in o.names())]
        if not targets and " " in short:
            sw = short.lower().split()
            targets = [o for o in clusters if o is not c and id(o) not in merged and any(
                len(n.split()) == len(sw) and n.lower() != short.lower()
                and all(w.startswith(x) for w, x in zip(n.lower().split(), sw)) for n in o.names())]
        if len(targets) == 1 and not _votes(targets[0])["person"] and not any(
                gazetteer.is_known_place(n, 100_000) for n in [short, *targets[0].names()]):  # "US": a country
            targets[0].mentions.extend(c.mentions)
            targets[0].acronym = True
            merged.add(id(c))


def _stem_place(name: str) -> str:
    stem = gazetteer.REGION_SUFFIX.sub("", name.split(",")[0].strip() if "," in name else name)
    low = stem.lower()
    for p in ("al-", "el-", "ar-", "as-", "ad-"):
        if low.startswith(p):
            stem = stem[len(p):]
            break
    return re.sub(r"^(?:eastern|western|northern|southern|central|greater)\s+", "", stem)


def _company_for(word: str, clusters: list[Cluster], short: Cluster) -> Cluster | None:
    """"Patriot" for "Patriot Coal", "Walter" for "Walter Energy": the one organisation whose name is this
    word plus an organisation word."""
    one_word = all(" " not in n for n in short.names())  # not "Home Office" (its "Home" read as a title)
    found = [o for o in clusters if o is not short and any(
        len(b) == 2 and b[0] == word and b[1] in ORG_HEADS
        or one_word and len(b) >= 3 and b[0] == word and b[1] in ("for", "of")  # "the Forum": Forum for the Future
        for b in map(_bare, o.names()))]
    return found[0] if len(found) == 1 else None


def _named_by_surname(word: str, clusters: list[Cluster], short: Cluster) -> Cluster | None:
    """"Idowu" (a person) after "Phillips Idowu" (read as an organisation): a surname used alone as a person
    makes the one capitalised two- or three-word name it ends a person's."""
    found = [o for o in clusters if o is not short and not o.acronym and any(
        2 <= len(b) <= 3 and b[-1] == word and not any(w in ORG_HEADS for w in b) and n.istitle()
        and m.vote in ("org", "person") for m in o.mentions for n in [m.name] for b in [_bare(n)])]
    return found[0] if len(found) == 1 else None


def _person_for(word: str, people: list[Cluster]) -> Cluster | None:
    """The person whose surname (or, failing that, unique first name) is `word`; the most mentioned wins."""
    by_surname = [c for c in people if any(_surname(n) == word or (_bare(n) and _bare(n)[-1] == word)
                                           for n in c.names() if len(_bare(n)) >= 2)]
    if by_surname:
        return max(by_surname, key=lambda c: len(c.mentions))
    by_first = [c for c in people if any(_bare(n)[0] == word for n in c.names() if len(_bare(n)) >= 2)]
    return by_first[0] if len(by_first) == 1 else None


def _votes(c: Cluster) -> Counter:
    v = Counter(m.vote for m in c.mentions if m.strong)
    return v + Counter({"person": 0, "org": 0, "place": 0})


# --- 3. types and geocoding -----------------------------------------------------------------------------

def _type_and_geocode(clusters: list[Cluster]) -> list[Cluster]:
    countries = set()  # the article's own context: its countries, and the countries of its states and nations
    for c in clusters:
        for n in c.names():
            hit = gazetteer.resolve(n)
            if hit is not None and hit.country and (hit.kind == "country" or hit.kind == "region" and (
                    gazetteer.same_name(hit.name, n) or n in gazetteer.US_STATE_ABBREVIATIONS)):
                countries.add(hit.country)
        for m in c.mentions:
            if m.within and (hit := gazetteer.resolve(m.within)) is not None and hit.country:
                countries.add(hit.country)
    for c in clusters:
        if c.kind == "norp":
            continue
        votes = _votes(c)
        names = c.names()
        multi_person = any(m.vote == "person" and len(_bare(m.name)) >= 2 for m in c.mentions)
        given = any(given_name_first(m.name) for m in c.mentions if m.vote in ("person", "org") and not m.plural)
        low = {gazetteer.norm(n).removeprefix("the ") for n in names}
        within = next((m.within for m in c.mentions if m.within), "")
        if within:
            c.kind, c.geo = "place", gazetteer.resolve_within(_stem_place(names[0]), within, countries)
        elif low & KNOWN_ORGS or any(gazetteer.is_seat_of_power(n) for n in names) \
                or _called_an_organisation(c):  # "investment firm Grant Samuel": whatever "Grant" says
            c.kind = "org"  # "Twitter", "Downing Street said"
        elif votes["acronym"] or votes["coalition"] or votes["party"] or c.acronym:
            c.kind = "org"
        elif (country := next((n for n in names if len(_bare(n)) >= 2 and gazetteer.is_country(n)), None)):
            c.kind, c.geo = "place", gazetteer.resolve(country)  # "N. Korea": a country is never a person
        elif (multi_person and (votes["person"] >= votes["place"] or not _full_name_is_place(c))) \
                or (given and votes["place"] <= votes["person"] + votes["org"]):
            c.kind = "person"
        elif low & (gazetteer.WELL_KNOWN_REGIONS | gazetteer.WATER_NAMES) or any(WATER_NAME.fullmatch(n)
                                                                                 for n in names):
            c.kind = "place"  # "Crimea", "the Danube": never people or organisations
        else:
            geo = _geocode(names, countries, votes)
            if geo is not None:
                c.kind, c.geo = "place", geo
            elif votes["place"] > max(votes["person"], votes["org"]) or (
                    votes["place"] and votes["place"] == max(votes["person"], votes["org"])):
                c.kind = "place" if not _looks_acronym(names) else "org"
            elif votes["person"] >= votes["org"] and votes["person"]:
                c.kind = "person"
            else:
                c.kind = "org"
        if c.kind == "person" and not multi_person and gazetteer.norm(names[0]) in gazetteer.WELL_KNOWN_REGIONS:
            c.kind = "place"  # never a person named after a region
        if c.kind == "org" and not c.acronym and all(n.split()[-1].lower() in LANDMARK_HEADS for n in names
                                                     if " " in n) and any(" " in n for n in names) \
                and not any(gazetteer.is_seat_of_power(n) for n in names):
            c.kind = "place"  # "Bank of America Stadium", "Capitol Hill": a building or a street, not its owner
        if c.kind == "place" and c.geo is None and all(" " not in n for n in names) \
                and all(gazetteer.kind_by_name(n) == "other" for n in names):
            c.kind = ""  # "Breville", "NetMD": a word the model took for a place that no gazetteer knows
    return [c for c in clusters if c.kind]


def _called_an_organisation(c: Cluster) -> bool:
    """The text calls it a firm, band or magazine, and no longer name in it is a person's ("Linda Kasabian"
    beside "the band Kasabian" is someone else)."""
    called = {key(m.name) for m in c.mentions if m.called}
    return bool(called) and all(key(m.name) in called for m in c.mentions if len(_bare(m.name)) >= 2)


def _full_name_is_place(c: Cluster) -> bool:
    """"Jane Lincoln" is no place even when "Lincoln" alone is read as one ("Santa Barbara" is)."""
    return any(gazetteer.candidates(m.name) for m in c.mentions if m.vote == "person" and len(_bare(m.name)) >= 2)


def _looks_acronym(names: list[str]) -> bool:
    return any(re.fullmatch(r"[A-Z]{2,6}", n) for n in names)


def _geocode(names: list[str], countries: set[str], votes: Counter) -> gazetteer.GeoHit | None:
    """A gazetteer entry when the text does not make the name an actor."""
    for n in sorted(names, key=lambda n: -len(n)):
        stem = n if gazetteer.resolve(n, countries) else _stem_place(n)  # "Kent County" before "Kent"
        hit = gazetteer.resolve(stem, countries)
        if hit is None:
            continue
        if hit.kind == "country" or hit.kind == "region":
            return hit
        # a city: trusted when the model called it a place, or when it is big enough to be meant
        # under its own name (an alternate name like "White House" for Casablanca is not enough)
        primary = gazetteer.same_name(hit.name, stem)
        if votes["place"] >= max(votes["person"], votes["org"]) or (primary and hit.population >= 100_000):
            if votes["person"] > votes["place"] and len(_bare(n)) == 1 and hit.population < 300_000:
                return None
            return hit
    return None


# --- 4. re-find short mentions the model missed ("Pahon said") ------------------------------------------

def _refind(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    people = {}
    for c in clusters:
        if c.kind in ("person",):
            for n in c.names():
                s = _surname(n)
                if s and len(s) > 2:
                    people.setdefault(s, c)
        if c.kind == "org":
            for n in c.names():
                if re.fullmatch(r"[A-Z]{2,6}", n):
                    people.setdefault(n.lower(), c)
    for c in clusters:  # a geocoded one-word place named again ("Raqqa province" ... "Raqqa has")
        if c.kind == "place" and c.geo is not None:
            for n in c.names():
                stem = _stem_place(n)
                if " " not in stem and len(stem) > 3 and stem[0].isupper():
                    people.setdefault(stem.lower(), c)
    if not people:
        return clusters
    covered = [(m.start, m.end) for c in clusters for m in c.mentions]
    covered.sort()
    for t in doc:
        if not (t.is_title or t.is_upper) or t.lower_ not in people:
            continue
        word = t.text
        if overlaps(t.idx, t.idx + len(word), covered):
            continue
        c = people[t.lower_]
        c.mentions.append(Mention(t.idx, t.idx + len(word), word, c.kind, strong=False))
    return clusters


# --- 5. records -----------------------------------------------------------------------------------------

def _records(clusters: list[Cluster]) -> Entities:
    actors: list[Actor] = []
    places: dict[str, Place] = {}
    spans: list[tuple[int, int, str, str]] = []
    country_names = {c.geo.country: c for c in clusters if c.geo and c.geo.kind == "country"}
    for c in clusters:
        if c.kind == "norp":
            for m in c.mentions:
                iso = DEMONYMS.get(m.name.lower())
                home = country_names.get(iso) if iso else None
                if home is not None:
                    home.mentions.append(m)
                    m.vote = "demonym"
            continue
    for c in clusters:
        if c.kind == "norp":
            continue
        names = c.names()
        counts = Counter(m.name for m in c.mentions if m.vote != "demonym")
        if c.kind == "person":
            full = [n for n in names if len(_bare(n)) >= 2] or names
            name = max(full, key=lambda n: (not _shouted(n, names), len(_bare(n)), counts[n], -names.index(n)))
        elif c.kind == "place" and c.geo is not None and (
                c.geo.kind == "country" or any(n in gazetteer.US_STATE_ABBREVIATIONS for n in names)):
            name = c.geo.name  # "Britain" -> United Kingdom, "N.C." -> North Carolina
        elif c.kind == "place" and c.geo is not None and all(n.isupper() and len(n) > 3 for n in names):
            name = c.geo.name  # a dateline's "WASHINGTON"
        elif c.kind == "place":  # "Raqqa" over "Raqqa province" for the city
            name = max(names, key=lambda n: (not _shouted(n, names), not _suffixed_twin(n, names),
                                             counts[n], len(n), -names.index(n)))
        elif party := next((m.aliases[0] for m in c.mentions if m.vote == "party"), None):
            name = party  # "Tories" -> Conservative Party
        else:  # the name the text gives with its kind ("firm Balfour Beatty") over a short form said more often
            called = {m.name for m in c.mentions if m.called}
            name = max(names, key=lambda n: (not _shouted(n, names), n in called, counts[n], len(n), -names.index(n)))
        party = any(m.vote == "party" for m in c.mentions)  # "Tories", "Labour": its names, not demonyms
        aliases = [n for n in names if n != name and (party or n.lower() not in DEMONYMS)]
        aliases += [m.shown_as for m in c.mentions if m.shown_as and m.shown_as not in aliases]
        if c.kind == "place":
            geo = c.geo
            kind = geo.kind if geo else gazetteer.kind_by_name(name)
            if geo and geo.kind == "city" and gazetteer.kind_by_name(name) in ("landmark", "water") \
                    and not gazetteer.same_name(geo.name, name):
                kind, geo = gazetteer.kind_by_name(name), None
            if geo and geo.name not in aliases and geo.name != name:
                aliases.append(geo.name)
            k = f"g{geo.geonameid}" if geo and geo.geonameid else key(geo.name if geo else name)
            if k in places:
                places[k].mentions += len(c.mentions)
                places[k].aliases += [a for a in [name, *aliases] if a not in places[k].aliases and a != places[k].name]
            else:
                places[k] = Place(name=name, kind=kind, country=geo.country if geo else None,
                                  lat=geo.lat if geo else None, lon=geo.lon if geo else None, aliases=aliases,
                                  mentions=len(c.mentions), geonameid=geo.geonameid if geo else None)
            canonical = places[k].name
        else:
            kind = "organization" if c.kind == "org" else c.kind
            roles = _unique(x for m in c.mentions for r in m.roles if (x := clean_role(r)))[:5]
            affiliations = _unique(a for m in c.mentions for a in m.affiliations if a != name)[:5]
            actors.append(Actor(name=name, kind=kind, aliases=aliases, roles=roles, mentions=len(c.mentions),
                                affiliations=affiliations))
            canonical = name
        for m in c.mentions:
            if m.vote != "demonym":
                spans.append((m.start, m.end, "actor" if c.kind != "place" else "place", canonical))
    spans.sort()
    actors.sort(key=lambda a: (-a.mentions, a.name))
    ordered = sorted(places.values(), key=lambda p: (-p.mentions, p.name))
    return Entities(actors=actors, places=ordered, spans=spans)


def _suffixed_twin(name: str, names: list[str]) -> bool:
    """"Raqqa province" when "Raqqa" itself is named: the city keeps the plain name."""
    stem = gazetteer.REGION_SUFFIX.sub("", name)
    return stem != name and stem in names


def _shouted(name: str, names: list[str]) -> bool:
    """"LEEDS" from a dateline when "Leeds" is also there: not the display name."""
    return name.isupper() and any(n.lower() == name.lower() and not n.isupper() for n in names)


def _unique(items) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for i in items:
        k = i.lower()
        if i and k not in seen:
            seen.add(k)
            out.append(i)
    return out
