"""User corrections to the extracted actors and places, kept in `entities.yml` beside the articles.

Automatic extraction stays imperfect; this is how a user fixes what it gets wrong (as in Aleph or
Datashare): merge names into one page, rename, set a kind, add aliases, drop a name, pin a place's
coordinates. Applied to the records at aggregation, so no article is analysed again. A bad entry is one
error line naming its line; the good entries still apply. The file format is in the README.

    merge:   {Barack Obama: [Obama, President Obama]}   # these names are one page, under the first
    rename:  {Trump 47.3: Donald Trump}                  # the name becomes the other (the old one goes)
    kind:    {Amazon: organization}                      # person | organization | group | place
    aliases: {NHS: [National Health Service]}            # more names for the same page
    drop:    [Injecting Clinton]                         # never an actor or a place
    pin:     {Selma: {lat: 32.41, lon: -87.02, country: US}}
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.analyse.gazetteer import norm
from generator.records import Actor, Place, Record

FILENAME = "entities.yml"
KINDS = {"person", "organization", "group", "place"}
SECTIONS = ("merge", "rename", "kind", "aliases", "drop", "pin")


@dataclass
class Pin:
    lat: float
    lon: float
    country: str | None = None


@dataclass
class Corrections:
    source: str = FILENAME
    target: dict[str, str] = field(default_factory=dict)  # norm(name) -> the name it becomes (merge, rename)
    keep_old: set[str] = field(default_factory=set)  # norm(names) merged (kept as aliases), not renamed
    kind: dict[str, str] = field(default_factory=dict)  # norm(name) -> kind
    aliases: dict[str, list[str]] = field(default_factory=dict)  # norm(name) -> extra aliases
    drop: set[str] = field(default_factory=set)
    pin: dict[str, Pin] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one line each: "entities.yml:7: ..."
    counts: dict[str, int] = field(default_factory=dict)  # good entries read, per section

    @property
    def entries(self) -> int:
        return sum(self.counts.values())

    def __bool__(self) -> bool:
        return bool(self.entries)

    def summary(self) -> str:
        parts = ", ".join(f"{self.counts[k]} {k}" for k in SECTIONS if self.counts.get(k))
        noun = "correction" if self.entries == 1 else "corrections"
        return f"{self.entries} {noun} from {self.source} ({parts})" if self.entries else ""


def find(articles: Path) -> Path | None:
    """`entities.yml` inside the articles folder, else beside it."""
    for p in (articles / FILENAME, articles.parent / FILENAME):
        if p.is_file():
            return p
    return None


def load(path: Path) -> Corrections:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return Corrections(source=str(path), errors=[f"{path}: cannot be read ({e.__class__.__name__})"])
    return parse(text, str(path))


def parse(text: str, source: str = FILENAME) -> Corrections:
    """Read the corrections; every entry that cannot be used becomes one line in `errors`."""
    c = Corrections(source=source)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or "not valid YAML"
        c.errors.append(f"{source}{where}: {problem}; no corrections applied")
        return c
    if root is None:
        return c
    if not isinstance(root, yaml.MappingNode):
        c.errors.append(f"{source}:{root.start_mark.line + 1}: expected sections {', '.join(SECTIONS)}")
        return c
    for key, value in root.value:
        section = key.value if isinstance(key, yaml.ScalarNode) else None
        if section not in SECTIONS:
            c.errors.append(f"{source}:{key.start_mark.line + 1}: unknown section {section!r} "
                            f"(expected one of {', '.join(SECTIONS)})")
            continue
        items = _items(value, section)
        if items is None:
            shape = "a list of names" if section == "drop" else "name: value lines"
            c.errors.append(f"{source}:{value.start_mark.line + 1}: {section} takes {shape}")
            continue
        for line, name, val in items:
            problem = _add(c, section, name, val)
            if problem:
                c.errors.append(f"{source}:{line}: {section}: {problem}")
            else:
                c.counts[section] = c.counts.get(section, 0) + 1
    return c


def _items(node, section: str):
    """(line, name, value node) per entry of a section, or None when the section has the wrong shape."""
    if section == "drop":
        if isinstance(node, yaml.ScalarNode) and node.value:
            return [(node.start_mark.line + 1, node.value, None)]
        if not isinstance(node, yaml.SequenceNode):
            return None
        return [(n.start_mark.line + 1, n.value if isinstance(n, yaml.ScalarNode) else None, None) for n in node.value]
    if not isinstance(node, yaml.MappingNode):
        return None
    return [(k.start_mark.line + 1, k.value if isinstance(k, yaml.ScalarNode) else None, v) for k, v in node.value]


def _scalars(node) -> list[str] | None:
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return [node.value.strip()]
    if isinstance(node, yaml.SequenceNode) and node.value and all(
            isinstance(n, yaml.ScalarNode) and n.value.strip() for n in node.value):
        return [n.value.strip() for n in node.value]
    return None


def _add(c: Corrections, section: str, name: str | None, val) -> str | None:
    """Record one entry; the problem as a short phrase when it cannot be used."""
    if not name or not isinstance(name, str) or not norm(name):
        return "an entry needs a name"
    name = name.strip()
    key = norm(name)
    if section == "drop":
        c.drop.add(key)
        return None
    if section in ("merge", "aliases"):
        names = _scalars(val)
        if names is None:
            return f"{name!r} needs a name or a list of names"
        if section == "aliases":
            c.aliases.setdefault(key, []).extend(names)
        for n in names:
            if norm(n) != key:
                c.target[norm(n)] = name
                c.keep_old.add(norm(n))
        return None
    if section == "rename":
        new = _scalars(val)
        if new is None or len(new) != 1:
            return f"{name!r} needs one new name"
        c.target[key] = new[0]
        c.keep_old.discard(key)
        return None
    if section == "kind":
        kind = val.value.strip().lower() if isinstance(val, yaml.ScalarNode) else ""
        kind = {"org": "organization", "organisation": "organization"}.get(kind, kind)
        if kind not in KINDS:
            return f"{name!r}: kind must be one of {', '.join(sorted(KINDS))}"
        c.kind[key] = kind
        return None
    # pin
    fields = {k.value: v.value for k, v in val.value if isinstance(k, yaml.ScalarNode)
              and isinstance(v, yaml.ScalarNode)} if isinstance(val, yaml.MappingNode) else {}
    try:
        lat, lon = float(fields["lat"]), float(fields["lon"])
    except (KeyError, ValueError):
        return f"{name!r} needs lat: and lon: numbers"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"{name!r}: lat must be within -90..90 and lon within -180..180"
    c.pin[key] = Pin(lat, lon, (fields.get("country") or "").upper() or None)
    return None


# --- applying -------------------------------------------------------------------------------------------

def apply(records: list[Record], c: Corrections) -> list[Record]:
    """Corrected copies of the records (the cached ones are left as they were)."""
    if not c:
        return records
    return [_apply_one(r, c) for r in records]


def _apply_one(r: Record, c: Corrections) -> Record:
    r = copy.deepcopy(r)
    actors: list[Actor] = []
    places: list[Place] = []
    speaker: dict[str, str | None] = {}
    for item in [*r.actors, *r.places]:
        old = item.name
        if norm(old) in c.drop:
            speaker[old] = None
            continue
        new = c.target.get(norm(old))
        if new is not None:
            item.aliases = [a for a in item.aliases if norm(a) != norm(new)]
            if norm(old) in c.keep_old and old not in item.aliases:
                item.aliases.insert(0, old)
            item.name = new
        key = norm(item.name)
        item.aliases = [a for a in item.aliases if norm(a) not in c.drop]
        item.aliases += [a for a in c.aliases.get(key, []) if a not in item.aliases and a != item.name]
        kind = c.kind.get(key)
        if kind == "place" and isinstance(item, Actor):
            item = Place(name=item.name, kind="other", aliases=item.aliases, mentions=item.mentions)
        elif kind and kind != "place" and isinstance(item, Place):
            item = Actor(name=item.name, kind=kind, aliases=item.aliases, mentions=item.mentions)
        elif kind and isinstance(item, Actor):
            item.kind = kind
        if isinstance(item, Place) and key in c.pin:
            pin = c.pin[key]
            item.lat, item.lon, item.geonameid = pin.lat, pin.lon, None
            item.country = pin.country or item.country
        speaker[old] = item.name if isinstance(item, Actor) else None
        (actors if isinstance(item, Actor) else places).append(item)
    r.actors = _combine(actors)
    r.places = _combine(places)
    for q in r.quotes:
        if q.speaker in speaker:
            q.speaker = speaker[q.speaker]
    return r


def _combine(items):
    """Two entries of one article that now have the same name are one."""
    out: dict[str, Actor | Place] = {}
    for item in items:
        k = norm(item.name)
        if k not in out:
            out[k] = item
            continue
        keep = out[k]
        keep.mentions += item.mentions
        keep.aliases += [a for a in [item.name, *item.aliases] if a not in keep.aliases and a != keep.name]
        if isinstance(keep, Actor) and isinstance(item, Actor):
            keep.roles = [*keep.roles, *(x for x in item.roles if x not in keep.roles)]  # may be a tuple
            keep.affiliations = [*keep.affiliations, *(x for x in item.affiliations if x not in keep.affiliations)]
    return list(out.values())
