"""Roles and affiliations of a person mention: pre-modifiers ("Pentagon spokesman X"), appositions
("X, a Pentagon spokesman"), British-style titles before a comma ("the Home Secretary, X,") and possessives.

Kept apart from entity finding and clustering: these read the words around a name, not the names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from generator.analyse import docs
from generator.analyse.lexicon import HONORIFICS, PORTFOLIO_WORDS, ROLE_WORDS, TITLES

if TYPE_CHECKING:
    from generator.analyse.mentions import Mention

_POSSESSIVE = re.compile(r"(?:['’]s?|’)$")


def portfolio(tokens) -> bool:
    """'State' in 'Secretary of State', 'Defense' in 'Defense Secretary': part of a title, not an organisation."""
    words = " ".join(t.lower_ for t in tokens if t.lower_ not in ("the", "shadow"))
    parts = [w.strip() for w in re.split(r"\band\b|&|,", words)]
    if not parts or not all(w in PORTFOLIO_WORDS for w in parts):  # "Trade and Industry", "Shadow Home"
        return False
    doc = tokens[0].doc
    before = doc[max(0, tokens[0].i - 3):tokens[0].i]  # "Secretary of the Treasury"
    after = doc[tokens[-1].i + 1:tokens[-1].i + 2]
    return any(t.lower_.rstrip(".") in TITLES for t in [*before, *after])


def _role_head(word: str) -> bool:
    """A role phrase ends in its noun: "Pentagon spokesman", "Tory co-chairman"; not "fellow American"."""
    word = word.rstrip(".")
    return word in ROLE_WORDS or word in TITLES and word not in ("former", "acting", "first", "vice") \
        or word.split("-")[-1] in ROLE_WORDS


def roles_around(span: Span, mention: Mention) -> None:
    """Pre-modifiers ("Pentagon spokesman X"), appositions ("X, a Pentagon spokesman"), possessives."""
    doc = span.doc
    # pre-modifier: walk left over title-ish and capitalised words
    i = span.start - 1
    words = []
    while i >= 0 and i >= span.sent.start:
        t = doc[i]
        low = t.lower_.rstrip(".")
        if t.text in ("’s", "'s"):
            owner = _owner_before(doc, i)
            if owner:
                mention.affiliations.append(owner)
            break
        if low in ("and", "&") and words and i - 1 >= span.sent.start and doc[i - 1].is_title \
                and words[0].is_title and words[0].lower_.rstrip(".") not in TITLES \
                and doc[i - 1].ent_type_ not in ("GPE", "LOC", "PERSON", "NORP"):  # "Trade and Industry Secretary"
            words.insert(0, t)
            i -= 1
            continue
        if t.text == "-" and words and i - 1 >= span.sent.start and doc[i - 1].is_alpha \
                and doc[i - 1].idx + len(doc[i - 1].text) == t.idx:  # "vice-presidential nominee", "co-host"
            words[:0] = [doc[i - 1], t]
            i -= 2
            continue
        if t.is_punct or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON") or t.pos_ in ("VERB", "AUX", "DET") \
                or t.tag_ in ("CC", "RB", "UH", "PRP", "WP", "WDT"):
            break
        if low in ROLE_WORDS or low in TITLES or t.is_title or t.is_upper or (
                low in ("of", "for", "and") and words):
            words.insert(0, t)
            i -= 1
            continue
        if t.pos_ == "ADJ" and words:
            words.insert(0, t)
            i -= 1
            continue
        break
    while words and words[-1].lower_.rstrip(".") in HONORIFICS:
        words.pop()  # "Labour leader Sir Keir Starmer": "Sir" is no part of the role
    while words and words[0].lower_ in ("of", "for", "and"):
        words.pop(0)
    if words and _role_head(words[-1].lower_):
        role = doc[words[0].i:words[-1].i + 1].text
        if role not in mention.roles:
            mention.roles.insert(0, role)
        mention.affiliations.extend(
            e.text for e in docs.ents(doc) if e.label_ == "ORG" and e.start >= words[0].i and e.end <= words[-1].i + 1
            and not portfolio(list(e)))
    elif mention.roles and words:
        # "Iraqi Prime Minister": a title stripped from the span gets its pre-modifiers back
        full = " ".join(w.text for w in words) + " " + mention.roles[0]
        mention.roles[0] = full
    elif not words and not mention.roles:
        _role_before_comma(span, mention)
    # apposition: "X, a Pentagon spokesman, said"
    j = span.end
    if j < len(doc) - 2 and doc[j].text == ",":
        k = j + 1
        bare_role = doc[k].lower_ in ROLE_WORDS and doc[k].is_lower  # "Jane Doe, chair of the LGA, said"
        if bare_role or doc[k].lower_ in ("a", "an", "the", "who", "its", "his", "her", "their"):
            if bare_role:
                pass
            elif doc[k].lower_ == "who":
                if k + 2 < len(doc) and doc[k + 1].lemma_ in ("be",) or doc[k + 1].lower_ in ("is", "was"):
                    k += 2
                else:
                    return
            else:
                k += 1
            phrase = []
            while k < len(doc) and k < span.end + 16 and doc[k].text not in (",", ".", ";", ":", "—", "–", "(", ")"):
                if doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ not in ("VBN", "VBG"):
                    break
                if doc[k].lower_ in ("who", "which", "that"):
                    break
                phrase.append(doc[k])
                k += 1
            if phrase and any(t.lower_.rstrip(".") in ROLE_WORDS for t in phrase):
                role = doc[phrase[0].i:phrase[-1].i + 1].text
                if role not in mention.roles:
                    mention.roles.append(role)
                mention.affiliations.extend(
                    e.text for e in docs.ents(doc) if e.label_ == "ORG" and e.start >= phrase[0].i
                    and e.end <= phrase[-1].i + 1)


def _role_before_comma(span: Span, mention: Mention) -> None:
    """British style: "the Home Secretary, Priti Patel, said" and "A Labour MP, Rupa Huq, said"."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].text != "," or not (span.end >= len(doc) or doc[span.end].text in (",", ".", ";")
                                           or doc[span.end].pos_ in ("VERB", "AUX")):
        return
    words = []
    i -= 1
    while i >= span.sent.start and len(words) < 8:
        t = doc[i]
        if t.lower_ in ("the", "a", "an", "its", "his", "her", "their") or t.text in ("’s", "'s"):
            break
        if t.is_punct or t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON":
            return
        words.insert(0, t)
        i -= 1
    if words and words[-1].lower_.rstrip(".") in ROLE_WORDS:
        mention.roles.append(" ".join(w.text for w in words))
        mention.affiliations.extend(
            e.text for e in docs.ents(doc) if e.label_ == "ORG" and e.start >= words[0].i and e.end <= words[-1].i + 1
            and not portfolio(list(e)))


def _owner_before(doc: Doc, i: int) -> str | None:
    """The organisation or outlet in "Al Jazeera's Patty Culhane"."""
    for e in docs.ents(doc):
        if e.end == i + 1 and e.text.endswith(("’s", "'s")) or e.end == i:
            if e.label_ in ("ORG", "GPE", "NORP", "FAC", "PERSON", "LOC"):
                return _POSSESSIVE.sub("", e.text.replace("’s", "").replace("'s", "")).strip()
    return None


_LEADING = {"if", "both", "as", "like", "but", "and", "or", "when", "while", "even", "then", "so", "also", "now",
            "once", "with", "without", "unlike", "because", "since", "after", "before", "though", "although",
            "for", "of", "to", "by", "at", "in", "on", "the", "a", "an", "then-", "his", "her", "their", "its",
            "our", "my", "your"}
_TRAILING = {"for", "at", "the", "of", "and", "a", "an", "to", "in", "on", "from", "with", "by", "or", "as", "'s", "’s"}
_ABBREVIATED = {"sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General", "lt": "Lieutenant",
                "col": "Colonel", "capt": "Captain", "sgt": "Sergeant", "adm": "Admiral", "cmdr": "Commander"}
_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that|where|when)\b.*$|\s+and\s+(?:a|an|the|also)\s.*$|\s*[;:(].*$")


def clean_role(role: str) -> str | None:
    """A role as the noun phrase the text gives: no leading adverb or conjunction ("As President", "If
    Democrat"), no trailing preposition or title ("worker for", "nominee Sen."), no relative clause or second
    role ("aide ... and a professor"); a bare abbreviation spelled out ("Sen." -> "Senator"). None when what
    is left is no role."""
    role = _CLAUSE.sub("", " ".join(role.split())).strip("-–—,.;: ")
    words = role.split()
    while len(words) > 1 and (words[0].lower() in _LEADING or words[0].lower().rstrip(".") in HONORIFICS):
        words = words[1:]
    while len(words) > 1 and (words[-1].lower() in _TRAILING or words[-1].lower().rstrip(".") in HONORIFICS):
        words = words[:-1]
    if len(words) > 1 and (abbr := words[-1].lower().rstrip(".")) in _ABBREVIATED:
        # "nominee Sen." -> "nominee"; but "Former Pennsylvania Gov." -> "Former Pennsylvania Governor"
        words = words[:-1] if _role_head(words[-2].lower()) else [*words[:-1], _ABBREVIATED[abbr]]
    if not words:
        return None
    if len(words) == 1 and words[0].lower().rstrip(".") in _ABBREVIATED:
        words = [_ABBREVIATED[words[0].lower().rstrip(".")]]
    if words[0].lower() in _LEADING or words[-1].lower() in _TRAILING:
        return None
    head = next((words[i - 1] for i in range(1, len(words)) if words[i].lower() in _PREPOSITIONS), words[-1])
    if not _role_head(head.lower()):
        return None  # "fellow American": the phrase ends in no role
    return " ".join(words)


_PREPOSITIONS = {"of", "at", "for", "to", "in", "on", "from", "with"}
