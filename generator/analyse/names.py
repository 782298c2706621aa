"""Given names, from gender-guesser's dictionary (about 40,000 names, offline): to find people the model
missed, and as gender evidence when a he/she has to be resolved. Nicknames ("Joe" for "Joseph") from the
`nicknames` package's hand-curated table."""

from __future__ import annotations

import functools
import re

from generator.analyse import gazetteer
from generator.analyse.lexicon import GIVEN_NAMES, HONORIFICS, ORG_HEADS, TITLES


@functools.lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def gender(first: str) -> str | None:
    """'m' or 'f' when the name is clearly one (mostly_* counts); None when unknown or androgynous."""
    return gender_evidence(first)[0]


def gender_evidence(first: str) -> tuple[str | None, int]:
    """The name's gender and how sure the dictionary is: 2 for male/female, 1 for mostly_* ("Kim", "Jan"),
    which what the text says of the person (he/she) should outweigh."""
    g = _detector().get_gender(first)
    return {"male": ("m", 2), "mostly_male": ("m", 1), "female": ("f", 2), "mostly_female": ("f", 1)}.get(g, (None, 0))


NOT_GIVEN = {"al", "el", "le", "la", "de", "du", "da", "di", "van", "von", "der", "den", "bin", "ibn", "abu",
             "the", "new", "san", "santa", "saint", "fort", "port", "mount", "lake", "north", "south", "east",
             "west", "royal", "british", "french", "general", "major", "bank", "union"}
"""Words the dictionary lists as names that far more often start a place or an organisation."""


def is_given_name(word: str) -> bool:
    """A common given name: our own list, or one the dictionary is sure of (not 'mostly')."""
    low = word.lower()
    if low in GIVEN_NAMES:
        return True
    if "-" in low.strip("-"):  # "Jean-Marc", "Mary-Kate"
        return all(is_given_name(part) for part in low.split("-"))
    return len(low) > 2 and low not in NOT_GIVEN and _detector().get_gender(low) in ("male", "female")


@functools.lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@functools.lru_cache(maxsize=4096)
def same_given_name(a: str, b: str) -> bool:
    """"Joe" and "Joseph", "Bill" and "William": one given name, or a name and one of its nicknames."""
    a, b = a.lower().strip("."), b.lower().strip(".")
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2:
        return False
    nick = _nicknamer()
    return b in nick.nicknames_of(a) or a in nick.nicknames_of(b)


@functools.cache
def given_name_forms(name: str) -> tuple[str, frozenset[str]]:
    """(the name as `same_given_name` compares it, the nicknames it matches): `same_given_name(a, b)` is
    `a' == b'`, or `b'` in the nicknames of `a`, or `a'` in those of `b`; looked up, not compared pairwise."""
    a = name.lower().strip(".")
    if len(a) < 2:
        return a, frozenset()
    return a, frozenset(n for n in _nicknamer().nicknames_of(a) if len(n) >= 2)


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_INITIALLED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]\. [A-Z][a-z'’]+(?:-[A-Z][a-z]+)?"
                         r"(?: (?:Jr\.?|Sr\.?|II|III|IV))?")
""""Vann R. Newkirk II": a first name, a middle initial and a surname make a person, whatever the given name."""


@functools.lru_cache(maxsize=65536)
def given_name_first(name: str) -> bool:
    """"Laura Kuenssberg", "John R. Doe II": capitalised words after a common given name, none an organisation
    word (middle initials and suffixes allowed)."""
    toks = [t for t in name.split() if t.strip(".").lower() not in SUFFIXES and not re.fullmatch(r"[A-Z]\.?", t)]
    if _INITIALLED.fullmatch(name) and not gazetteer.candidates(name):
        return True
    return (2 <= len(toks) <= 3 and is_given_name(toks[0]) and all(t[:1].isupper() for t in toks)
            and not any(t.lower() in ORG_HEADS for t in toks)
            and gazetteer.kind_by_name(name) == "other" and not gazetteer.candidates(name))  # not "Virginia Beach"


def titled(text: str, name: str) -> bool:
    """"Mr Bush", "President Bush": the text gives the name a person's title."""
    return any(w.lower() in HONORIFICS or w.lower() in TITLES
               for w in re.findall(rf"\b([A-Z][a-z]+)\.? {re.escape(name)}\b", text))
