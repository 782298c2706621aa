"""Step 1 of entity extraction: the mentions of names in a document, each with the model's label as a
vote, cleaned of titles, determiners and fragments, and sorted out from what is no actor or place (events,
works, products, common words, model numbers, party labels).

The small English model is noisy on news ("ISIL" as a number, "Trump" as an organisation, "Levant" as a
person), so its labels are only votes: every rule here is general (titles, acronyms, surnames, gazetteer),
none is keyed to a particular name. `entities.py` clusters and types these mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from generator.analyse import docs, gazetteer, names
from generator.analyse.lexicon import (
    CHAMBERS,
    COMMON_ACRONYMS,
    DEMONYMS,
    DIRECTIONS,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_HEADS,
    PARTY_FORMS,
    PARTY_WORDS,
    PLACE_HEADS,
    PORTFOLIO_WORDS,
    ROLE_WORDS,
    TITLES,
    demonym_noun,
)
from generator.analyse.names import SUFFIXES, given_name_first, titled
from generator.analyse.roles import portfolio, roles_around
from generator.analyse.works import WORK_BY_KIND, not_awards, not_works

LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp"}
NAME_PREFIXES = ("al-", "el-", "al ", "el ", "bin ", "ibn ", "abu ")
SURNAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin",
                     "al", "el", "ibn", "abu", "mac", "st"}

_ACRONYM = re.compile(
    r"(?P<long>(?:[A-Z][\w’'&-]*)(?:[ ]+(?:[A-Z][\w’'&-]*|of|the|and|for|in|on|de|du|des|la|le|et|al))*)"
    r"[ ]*\(\s*(?P<acr>[A-Z][A-Za-z0-9.&-]{1,11})\s*"
    r"(?:[,;]\s*(?:also\s+)?(?:known\s+as|or|aka|a\.k\.a\.|formerly)\s+(?P<aka>[A-Z][A-Za-z0-9.&-]{1,11}))?\s*\)")
_COALITION = re.compile(
    r"\b(?:[A-Z][A-Za-z.]{0,12}-(?:led|backed)\s+(?:(?:international|military|multinational|global|western|"
    r"air|naval)\s+){0,2}coalition|[A-Z][A-Za-z.]{0,12}-coalition|(?:international|multinational|global)\s+"
    r"(?:military\s+)?coalition)\b")
_NICKNAMED = re.compile(r"\b(?P<given>[A-Z][a-z]+(?: [A-Z]\.)*) [\"“](?P<nick>[A-Z][a-z'’.-]+)[\"”] "
                        r"(?P<surname>[A-Z][\w'’-]+(?: (?:Jr|Sr)\.?)?)")
_SPACED_DASH = re.compile(r"\s+[-–—]+(?:\s+|$)|^[-–—]+\s*")
_PREFIXED = re.compile(r"^(?:pro|anti|un|non|ex|post|pre|neo|semi|mid)-", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s?|’)$")
_NOT_NAME_TAGS = {"VB", "VBG", "VBD", "VBZ", "VBP", "VBN", "RB", "CC", "UH", "IN", "MD", "PRP", "PRP$", "WDT", "WP"}
"""Words the model glues onto the front of a name ("Injecting Smith", "Say Mexico", "But ...")."""
_DOCUMENT = re.compile(r"\b(?:Agreement|Act|Treaty|Accords?|Convention|Protocol|Amendment|Doctrine|Deal)$")
"""Laws and treaties the model tags as organisations: not actors."""
NOT_ENTITIES = {"brexit", "covid", "covid-19", "coronavirus", "obamacare", "megxit", "islam", "christianity",
                 "judaism", "hinduism", "buddhism", "sikhism", "catholicism", "protestantism", "communism",
                 "socialism", "capitalism", "fascism", "nazism", "marxism", "medicare", "medicaid",
                 "reconstruction", "alt right", "alt-right", "budget",
                 "pre-budget report", "spending review", "queen's speech", "king's speech", "autumn statement",
                 "white paper", "green paper", "manifesto", "shadow", "draconian"}
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z]")
_LEGAL_CASE = re.compile(r"\b[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)* v\.? [A-Z]")
_BARE_HEADS = ORG_HEADS - {"house", "senate", "congress", "parliament", "police", "government", "administration",
                          "army", "navy", "coalition", "caucus", "assembly"}
"""Organisation words that alone name no organisation ("the Council said" names the one in full earlier)."""


@dataclass
class Mention:
    start: int  # character offsets in the doc
    end: int
    name: str  # cleaned surface name
    vote: str  # person | org | place | norp
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    strong: bool = True  # from the model or a pattern (weak: a re-found surname)
    plural: bool = False  # ends in a plural proper noun ("Cleveland Cavaliers", "Pell Grants"): no person
    within: str = ""  # the state, nation or country the text puts a place in ("Selma, Ala.")
    shown_as: str = ""  # a longer form the text uses, kept as an alias only ("Morgan of the Sierra Club")
    called: str = ""  # the kind of organisation the text calls it ("oil giant Yukos"): never a person



# --- 1. mentions ---------------------------------------------------------------------------------------

_PARTY = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, PARTY_FORMS), key=len, reverse=True))
                    + r")(?![\w-])(?! (?:Day|Department|Ministry|Market|Exchange)\b)")


def retag_parties(doc: Doc) -> None:
    """"Tory leader", "the Lib Dems", "a Labour MP": a party's short form is the party, whatever the model
    called it (NORP, PERSON or nothing). The doc's entities are corrected in place, so roles and quotes
    read the same spans; a name the model ran on past the party ("Tory MP Jane Doe") keeps its rest."""
    found = []
    text = docs.text(doc)
    for m in _PARTY.finditer(text):
        if m.group(0) in CHAMBERS and not text[max(0, m.start() - 4):m.start()].lower() == "the ":
            continue
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            found.append(span)
    if not found:
        return
    ents = []
    for e in docs.ents(doc):
        inside = [p for p in found if p.start < e.end and e.start < p.end]
        if not inside:
            ents.append(e)
            continue
        rest = e[inside[-1].end - e.start:] if inside[-1].end < e.end else None
        while rest is not None and len(rest) and not rest[0].is_title:
            rest = rest[1:]
        if rest is not None and len(rest) and inside[0].start >= e.start:
            ents.append(Span(doc, rest.start, rest.end, label=e.label_))
    for p in found:
        ents.append(Span(doc, p.start, p.end, label="ORG"))
    doc.ents = sorted(ents, key=lambda e: e.start)
    doc.user_data.pop("ents", None)


def find(doc: Doc) -> list[Mention]:
    text = docs.text(doc)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    extended: list[tuple[int, int]] = []

    for m in _ACRONYM.finditer(text):
        long_start, long_name = _trim_long(m.start("long"), m.group("long"))
        acr = m.group("acr").strip(".")
        if not long_name or not _acronym_fits(acr, long_name):
            continue
        aliases = [acr] + ([m.group("aka")] if m.group("aka") else [])
        out.append(Mention(long_start, m.end(), long_name, "acronym", aliases=aliases))
        taken.append((long_start, m.end()))
    for m in _NICKNAMED.finditer(text):  # Marcia "Cia" Price: one person, not "Marcia" and "Price"
        if names.is_given_name(m["given"].split()[0]) and not overlaps(m.start(), m.end(), taken):
            out.append(Mention(m.start(), m.end(), f"{m['given']} {m['surname']}", "person",
                               aliases=[f"{m['nick']} {m['surname'].split()[-1]}"]))
            taken.append((m.start(), m.end()))
    for m in _JOINED_NAME.finditer(text):  # "Forum for the Future", "Trinidad and Tobago"
        start, name = _trim_long(m.start(), m.group(0))
        vote = _joined_vote(name)
        left = name.split()[0]
        if " of the " in name and left in {e[-1].text for e in docs.ents(doc) if e.label_ == "PERSON" and len(e) >= 2}:
            # "Morgan of the Sierra Club" after "Peter Morgan": the person (so named, too) and an organisation
            if not overlaps(start, start + len(left), taken):
                out.append(Mention(start, start + len(left), left, "person", shown_as=name))
                taken.append((start, start + len(left)))
            continue
        first = doc.char_span(start, start + len(name.split()[0]))
        starts_ent = first is not None and first[0].tag_ in ("NNP", "NNPS") and any(
            e.start_char < m.end() and start < e.end_char for e in docs.ents(doc))
        if vote and starts_ent and not overlaps(start, m.end(), taken):
            out.append(Mention(start, m.end(), name, vote))
            taken.append((start, m.end()))
    for m in _BRACKETED_SURNAME.finditer(text):  # "me and Ato (Boldon)": an editor's surname in brackets
        if not overlaps(m.start(), m.end(), taken) and not gazetteer.is_known_place(m["surname"]) \
                and m["given"].lower() not in TITLES and m["surname"] not in PARTY_FORMS \
                and not re.search(r"[A-Z][\w.'’-]* $", text[max(0, m.start() - 30):m.start()]):
            # but "Owen Pryce (Labour)" is a party after a full name, not a surname
            out.append(Mention(m.start(), m.end(), f"{m['given']} {m['surname']}", "person", aliases=[m["given"]]))
            taken.append((m.start(), m.end()))
    for m in WORK_BY_KIND.finditer(text):  # "the film Star Wars", "toy Tamagotchi": works and products
        group = "title" if m["title"] else "list"
        taken.append((m.start(group), m.end(group)))
    for m in _NAMED_BY_KIND.finditer(text):  # "US magazine Mobile PC", "the charity Oxfam", "oil giant Yukos"
        start = m.start("name") + (4 if m["name"].startswith("The ") and " " in m["name"] else 0)  # "band The Coral"
        if _named_by_kind(doc, text, m) and not overlaps(start, m.end("name"), taken):
            out.append(Mention(start, m.end("name"), text[start:m.end("name")], "org", called=m["kind"]))
            taken.append((start, m.end("name")))
    for m in _DEPARTMENT.finditer(text):  # "Department for Education and Skills": one department, not two
        start, name = _trim_long(m.start(), m.group(0))
        if not overlaps(start, m.end(), taken):
            out.append(Mention(start, m.end(), name, "org"))
            taken.append((start, m.end()))
    for m in _COALITION.finditer(text):
        if not overlaps(m.start(), m.end(), taken):
            out.append(Mention(m.start(), m.end(), m.group(0), "coalition"))
            taken.append((m.start(), m.end()))

    for ent in docs.ents(doc):
        vote = LABELS.get(ent.label_)
        raw = ent.text.split("\n")[0].strip()
        if vote is None:
            if not re.fullmatch(r"[A-Z]{2,6}", raw):
                continue
            vote = "org"  # an acronym the model read as a number or date ("ISIL" as CARDINAL)
        if overlaps(ent.start_char, ent.start_char + len(raw), taken):
            continue
        if ent.label_ == "ORG" and raw in PARTY_FORMS:
            out.append(Mention(ent.start_char, ent.end_char, raw, "party", aliases=[PARTY_FORMS[raw]]))
            continue
        if overlaps(ent.start_char, ent.start_char + len(raw), extended):
            continue  # "Leyen" after "Ursula von der"
        mention = _clean(ent, raw, vote)
        if mention is not None:
            out.append(mention)
            if mention.end > ent.end_char:
                extended.append((mention.start, mention.end))
    out.extend(_gazetteer_mentions(doc, taken))
    out.extend(_untagged_people(doc, taken + [(m.start, m.end) for m in out]))
    out.extend(_untagged_places(doc, taken + [(m.start, m.end) for m in out]))
    out.sort(key=lambda m: m.start)
    out = not_works(doc, text, not_awards(text, _clubs(text, out)))
    return _qualified_places(text, _products_and_common_words(doc, out))


_TEAM_AS_PLURAL = re.compile(r"(?<![\w'’,-])([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:were|are|have)\b(?! to\b)")
"""British usage: "Liverpool were", "Bolton have": a town as a plural subject is its team ("London is")."""


def _opens_a_clause(text: str, at: int) -> bool:
    """"Liverpool were", "But Bolton have": the town starts its sentence or clause ("Parents in Sheffield are",
    "central London were", "Leeds and Bradford were" do not make it the subject alone)."""
    return re.search(r"(?:^|[.!?:;][\"”’]?\s+|\n\s*|[\"“]|\b(?:But|Yet|while|when|although|though|after|before|"
                     r"but|yet|since|because|if|until) )$", text[max(0, at - 12):at]) is not None


_CLUB_BEFORE_ROLE = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?) (?:manager|boss|striker|defender|midfielder|goalkeeper|"
    r"keeper|winger|captain|skipper|coach|full-back|centre-back|left-back|right-back|playmaker|hooker|flanker|"
    r"fly-half|scrum-half) (?:[A-Z][a-z]+ )?[A-Z][a-z]+")


def _clubs(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Newcastle boss Graeme Souness", "Leicester fly-half Andy Goode", "Liverpool were": a town named before
    a squad member's role and name, or taking a plural verb, is its club, an organisation, wherever the text
    names it, the model's tag or not (a country or region so used stays a place: "England coach" is a national
    side; "London fans", "the Madrid side", "Ferguson's side" and a surname are no such naming)."""
    surnames = {m.name.split()[-1] for m in mentions if m.vote == "person" and len(m.name.split()) >= 2}
    named = {m.name for m in mentions}
    clubs = {m[1] for pattern in (_CLUB_BEFORE_ROLE, _TEAM_AS_PLURAL) for m in pattern.finditer(text)
             if (pattern is _CLUB_BEFORE_ROLE or m[1] in named and _opens_a_clause(text, m.start()))
             and (hits := gazetteer.candidates(m[1])) and all(h.kind == "city" for h in hits)
             and max(h.population for h in hits) >= 20_000  # a town big enough for a club
             and m[1] not in surnames and not titled(text, m[1])}  # not "Alex Ferguson", "Mr Bush"
    if not clubs:
        return mentions
    for m in mentions:
        if m.name in clubs and m.vote in ("place", "org", "person") and not m.within:
            m.vote, m.called = "org", "club"
    taken = [(m.start, m.end) for m in mentions]
    found = [Mention(f.start(), f.end(), f[0], "org", called="club")
             for f in re.finditer(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(clubs))) + r")(?![\w-])", text)
             if not overlaps(f.start(), f.end(), taken)]
    return sorted(mentions + found, key=lambda m: m.start)


def _named_by_kind(doc: Doc, text: str, m: re.Match) -> bool:
    """The kind word is said of the name ("oil giant Yukos"), and the name does not open a clause told to it
    ("told the BBC News website Ford did not ...")."""
    name, words = m["name"], m["name"].split()
    first = words[0].lower().rstrip(".")
    if gazetteer.is_known_place(name) or name.lower() in TITLES or first in HONORIFICS or first in TITLES:
        return False
    if given_name_first(name) and not _business_named(text, m):
        return False
    if m["kind"] in _PERSON_KINDS and len(words) > 1 and words[-1].lower() not in ORG_HEADS:
        return False
    if len(name) < 2 or name.lower() in _CALENDAR:
        return False  # "group B", "the network Monday announced"
    kind, span = doc.char_span(m.start("kind"), m.end("kind"), alignment_mode="expand"), \
        doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    if kind is None or span is None:
        return False
    trade = doc[kind[0].i - 1] if kind[0].i else None
    if m["kind"] == "giant" and not (trade is not None and not any(c.isdigit() for c in trade.text)
                                     and (trade.pos_ in ("NOUN", "PROPN") or trade.ent_type_ == "NORP")):
        return False  # "oil giant Yukos", "Dutch giant Philips"; "the gentle giant Crouch", "6ft 7in giant" are people
    verb = kind[-1].head
    return not (kind[-1].dep_ in ("dobj", "dative") and any(
        t.dep_ == "nsubj" and t.head.dep_ == "ccomp" and t.head.head == verb for t in span))


def _business_named(text: str, m: re.Match) -> bool:
    """The word before the kind says what the business does: a lowercase noun, not "the"/"a"/"its"."""
    before = re.search(r"([\w-]+)\s+$", text[max(0, m.start() - 30):m.start()])
    if m["kind"] not in _MODIFIED_KIND or before is None or before[1].lower() in _NOT_A_TRADE:
        return False
    opening = re.search(r"(?:^|[.!?\n][\"'”’]?\s+)$", text[:m.start() - len(before[0])])
    return before[1].islower() or before[1][0].isupper() and before[1][1:].islower() and opening is not None


_NOT_A_TRADE = {"the", "a", "an", "its", "his", "her", "their", "our", "your", "my", "this", "that", "whose",
                "which", "new", "own", "same", "other", "another", "former", "first", "second", "every", "each",
                "any", "no", "one", "and", "or", "of", "to", "by", "for", "from", "with", "at", "in", "on"}


def _described(tok: Token) -> bool:
    """"the Russian", "his fellow Scot", "the 24-year-old Welshman": a noun with its determiner."""
    before = tok.doc[tok.i - 1].lower_ if tok.i else ""
    return before in ("the", "fellow", "this", "that", "a", "his", "her") or any(
        c.dep_ in ("det", "poss") for c in tok.children)


def _qualified_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Selma, Ala.", "Perth, Scotland", "Washington, D.C.": a name then a comma and a state, nation or
    country is a place in it ("D.C." is part of the name, not a place of its own); a list of countries or
    regions ("Iraq, Syria and Libya") is no qualification."""
    out: list[Mention] = []
    skip = False
    for m, nxt in zip(mentions, [*mentions[1:], None]):
        if skip:
            skip = False
            continue
        out.append(m)
        if nxt is None or text[m.end:nxt.start] != ", " or m.vote not in ("place", "org", "person") \
                or m.aliases or given_name_first(m.name):
            continue
        abbreviated = nxt.name in gazetteer.US_STATE_ABBREVIATIONS
        q = gazetteer.resolve(nxt.name)
        if q is None or q.kind not in ("country", "region") or not (abbreviated or nxt.vote == "place"):
            continue
        own = gazetteer.resolve(m.name)
        if own is not None and own.kind in ("country", "region") and gazetteer.same_name(own.name, m.name):
            continue  # "Kent, Essex": two regions
        m.vote, m.within = "place", nxt.name
        if abbreviated:
            m.aliases.append(text[m.start:nxt.end])
        if nxt.name in ("D.C.", "DC"):  # "Washington, D.C." is one place
            m.end = nxt.end
            skip = True
    return out


_UNITS = {"percent", "per", "pc", "million", "billion", "trillion", "points", "years", "months", "days", "times"}
_YEAR_OR_SCORE = re.compile(r"(?:19|20)\d\d|\d{1,2}[-–]\d{1,2}")
_DECIMAL = re.compile(r"\d+[.,]\d+%?|\d+%")
_BRACKETED_SURNAME = re.compile(r"\b(?P<given>[A-Z][a-z]{1,15}) \((?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\)")
_KIND_NAME_WORD = r"[A-Z](?:[\w&-]|['’](?!s\b)\w|\.(?=\w))*"  # "O'Neill", "Amazon.com"; never "Tesco's", "Sophos."
_NAMED_BY_KIND = re.compile(
    r"(?<![\w-])(?P<kind>magazine|newspaper|website|broadcaster|charity|think[- ]tank|publisher|retailer|carmaker|"
    r"airline|pressure group|campaign group|trade body|firm|company|group|giant|conglomerate|subsidiary|unit|chain|"
    r"carrier|operator|bank|insurer|brewer|manufacturer|supplier|provider|developer|studio|label|band|"
    r"agency|exchange|network|maker)"
    rf"\s+(?P<name>(?>{_KIND_NAME_WORD}(?:(?: & | | (?:van|von|de|der|den|da|di|du|del|la|le|bin|ibn|al) )"
    rf"{_KIND_NAME_WORD}"
    r"| \d+(?= [A-Z])){0,3}))(?![\w&-])")
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_PERSON_KINDS = {"publisher", "broadcaster", "developer", "operator", "maker", "provider"}
"""Kinds a person can be too ("publisher Kimberly Quinn", "film maker Theo van Gogh"): after these only a
one-word name or one with an organisation word is a business ("broadcaster BSkyB", "operator Euronext")."""
_MODIFIED_KIND = {"firm", "company", "group", "conglomerate", "bank", "chain", "retailer", "insurer",
                  "brewer", "manufacturer", "carmaker", "airline"}
"""Kinds that, after a word that says what the business does ("accountancy firm Grant Thornton", "drugs group
Eli Lilly"), name a business even when it bears a person's name; "the company Steve Jobs founded" does not."""
_DEPARTMENT = re.compile(
    r"\b(?:Department|Ministry|Office|Secretary of State|Commission|Committee|Council|Institute|Centre|Center|"
    r"School|Board|Agency|Bureau|Foundation) (?:for|of) (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*"
    r"(?:, [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)* and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
_CAP = r"[A-Z][\w'’&-]+"
_JOINED_NAME = re.compile(rf"\b{_CAP}(?: {_CAP})* (?:(?:for|of) the|and) {_CAP}(?: {_CAP})*")
_NOT_JOINED = {"battle", "siege", "war", "return", "lord", "house"}


def _joined_vote(name: str) -> str | None:
    """"Forum for the Future", "Friends of the Earth": capitalised words joined by "for the"/"of the" are one
    organisation's name (the model cuts them in two), unless a title leads ("Secretary of the Treasury").
    "Trinidad and Tobago": a country whose name has "and" in it."""
    if " and " in name:
        return "place" if gazetteer.is_country(name) else None
    first = name.split()[0].lower()
    if first in TITLES or first in HONORIFICS or first in ROLE_WORDS or first in _NOT_JOINED:
        return None
    left = name.split(" for the ")[0].split(" of the ")[0]
    if given_name_first(left) or gazetteer.is_known_place(left):
        return None  # "Jane Doe of the Guardian", "Paris of the East"
    return "org"


_MEDIA_WORDS = {"radio", "news", "television", "tv", "world", "sport", "one", "two", "three", "four", "online"}


def _products_and_common_words(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Sony Walkman", "Apple iPod": a company's name then a product's is the company (the product is no
    actor). A lone capitalised word the article also uses as a common noun ("the Future", "a Millennium
    exhibition" beside "the future") is no name, unless it is part of a longer name in the article."""
    single = {m.name for m in mentions if " " not in m.name and m.vote in ("org", "acronym")}
    single |= _brands(mentions)
    single |= {w for w in (m.name.split()[0] for m in mentions) if w.lower() in KNOWN_ORGS}
    at: dict[str, list[int]] = {}  # each word's token positions: one pass over the doc, not one per name
    lower = []
    for t in doc:
        at.setdefault(t.text, []).append(t.i)
        if t.is_lower:
            lower.append(t.text)
    lower_words = {w for w in lower if w.isalpha()}
    lower_text = " ".join(lower)
    surnames = {e[-1].text for e in docs.ents(doc) if e.label_ == "PERSON" and len(e) >= 2}
    in_longer = {w.lower() for m in mentions if " " in m.name for w in m.name.split()}
    alone = {m.name for m in mentions if " " not in m.name} | {w.title() for w in KNOWN_ORGS if " " not in w}
    people = {m.name for m in mentions if " " not in m.name and m.vote == "person"}  # "Idowu" after "Phillips Idowu"
    out = []
    for m in _split_pairs(mentions, alone):
        words = m.name.split()
        known = next((k for k in range(len(words) - 1, 1, -1) if gazetteer.norm(" ".join(words[:k])) in KNOWN_ORGS
                      and words[k][:1].isupper()), 0)
        if known and m.vote in ("org", "person") and not m.aliases:  # "the Washington Post Trump said"
            m = Mention(m.start, m.start + len(" ".join(words[:known])), " ".join(words[:known]), "org")
        elif len(words) >= 2 and words[0] in single and m.vote in ("org", "person") and not m.aliases \
                and words[-1] not in people \
                and words[-1].lower() not in ORG_HEADS and not any(w.lower() in _MEDIA_WORDS for w in words[1:]) \
                and gazetteer.norm(m.name) not in KNOWN_ORGS:
            m = Mention(m.start, m.start + len(words[0]), words[0], "org")
        elif len(words) == 1 and m.vote in ("org", "person", "place") and m.name.lower() in lower_words \
                and m.name.lower() not in in_longer and m.name.lower() not in KNOWN_ORGS \
                and not m.name.isupper() and not gazetteer.is_known_place(m.name, 100_000):
            continue
        elif len(words) >= 2 and m.vote in ("org", "person") and not m.aliases and m.name.istitle() \
                and m.name.lower() in lower_text:
            continue  # "the Marine Chronometer" beside "the marine chronometer": a common noun phrase
        if m.name.replace(".", "").isupper() and m.name.replace(".", "") in COMMON_ACRONYMS \
                and m.vote in ("org", "person", "place"):
            continue  # "game AI", "a PDA": acronyms of common nouns
        if len(words) == 1 and m.vote in ("org", "person", "place") and not m.aliases and (
                _only_a_modifier(doc, at.get(m.name, []), m.name, surnames, m.vote == "place")
                or _owned_product(doc, m, surnames)):
            continue
        out.append(m)
    return out


def _split_pairs(mentions: list[Mention], alone: set[str]) -> list[Mention]:
    """"Hulu and Ora", "Netflix and Amazon": two organisations the model ran into one, when either is named
    alone in the article or is well known ("Marks and Spencer", one company, stays)."""
    out = []
    for m in mentions:
        pair = re.fullmatch(r"([A-Z][\w'’.-]+) (?:and|&) ([A-Z][\w'’.-]+)", m.name)
        if m.vote != "org" or m.aliases or not pair or not ({pair[1], pair[2]} & alone) \
                or gazetteer.norm(m.name) in KNOWN_ORGS:
            out.append(m)
            continue
        second = m.start + pair.start(2)
        out.append(Mention(m.start, m.start + len(pair[1]), pair[1], "org"))
        out.append(Mention(second, second + len(pair[2]), pair[2], "org"))
    return out


def _brands(mentions: list[Mention]) -> set[str]:
    """"Sinclair Executive", "Sinclair QL", "Sinclair Spectrum": a first word before several different names,
    never a given name, a place or a title, is a maker's name (its products are no actors)."""
    seconds: dict[str, set[str]] = {}
    for m in mentions:
        words = m.name.split()
        if len(words) == 2 and m.vote in ("org", "person") and not m.aliases and words[1][:1].isupper():
            seconds.setdefault(words[0], set()).add(words[1])
    places = {m.name.split()[0] for m in mentions if m.vote == "place"}
    return {w for w, rest in seconds.items() if len(rest) >= 2 and w not in places and not names.is_given_name(w)
            and w.lower() not in TITLES and w.lower() not in HONORIFICS and w.lower() not in ORG_HEADS
            and w.lower() not in names.NOT_GIVEN and not gazetteer.is_known_place(w)}


def _only_a_modifier(doc: Doc, seen: list[int], word: str, surnames: set[str], place: bool) -> bool:
    """"a Belisha beacon", "a Commonwealth silver medal": a capitalised word that only ever comes before a
    common noun or a number is a modifier, not a name (unless it is a known name: a surname of someone named
    in full, a known organisation, an acronym, a big place the model took for one: "a London taxi"). `seen`: the
    word's token positions."""
    if word.isupper() or word in surnames or word.lower() in KNOWN_ORGS or names.is_given_name(word) \
            or place and _primary_place(word):
        return False
    return bool(seen) and all(
        i + 1 < len(doc) and doc[i + 1].is_lower and doc[i + 1].tag_ in ("NN", "NNS", "JJ")
        or i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 2].is_lower and doc[i + 2].is_alpha
        for i in seen)


def _owned_product(doc: Doc, m: Mention, surnames: set[str]) -> bool:
    """"Apple's Newton", "Vulcan Inc's Flipstart": one capitalised word owned by an organisation is its
    product, not a place or an actor ("Google's Pichai", a person named in full elsewhere, stays)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].text not in ("'s", "’s"):
        return False
    owner = doc[span.start - 2]
    return owner.ent_type_ == "ORG" and m.name not in surnames and m.name.lower() not in KNOWN_ORGS


def _primary_place(word: str) -> bool:
    hit = gazetteer.resolve(word)
    return hit is not None and gazetteer.same_name(hit.name, word) and (
        hit.kind != "city" or hit.population >= 100_000)


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")


def _untagged_places(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """A country or big city the model tagged as something else or nothing ("Speaking in Manchester" as a
    DATE): a one-word proper noun that the gazetteer knows well."""
    ents = [(e.start_char, e.end_char) for e in docs.ents(doc) if e.label_ in LABELS] + taken
    out = []
    for t in doc:
        if t.tag_ != "NNP" or not t.is_title or len(t.text) < 4 or overlaps(t.idx, t.idx + len(t.text), ents):
            continue
        if doc[t.i - 1].tag_ in ("NNP", "NNPS") if t.i else False:
            continue  # part of a longer name
        if t.i + 1 < len(doc) and doc[t.i + 1].tag_ in ("NNP", "NNPS"):
            continue
        hit = gazetteer.resolve(t.text)
        if hit is not None and gazetteer.norm(hit.name) == gazetteer.norm(t.text) and (
                hit.kind == "country" or hit.population >= 250_000):
            out.append(Mention(t.idx, t.idx + len(t.text), t.text, "place"))
    return out


def _untagged_people(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """"Shaun Davies, chair of the LGA, said": a common given name and a capitalised surname that the model
    left untagged is a person (so its quotes and pronouns have someone to point to)."""
    # a PRODUCT or WORK_OF_ART label ("Justin Gatlin" as a product) does not stop a name
    ents = [(e.start_char, e.end_char) for e in docs.ents(doc) if e.label_ in LABELS] + taken
    out = []
    for t in doc[:-1]:
        if t.tag_ not in ("NNP", "NNPS") or t.is_stop or not _NAME_WORD.fullmatch(t.text):
            continue
        if not names.is_given_name(t.text):
            continue
        parts = [t]
        for nxt in doc[t.i + 1:t.i + 3]:
            if (nxt.tag_ not in ("NNP", "NNPS") or not _NAME_WORD.fullmatch(nxt.text) or nxt.lower_ in TITLES
                    or nxt.lower_ in ROLE_WORDS):
                break
            parts.append(nxt)
        if len(parts) < 2:
            continue
        start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
        name = docs.text(doc)[start:end]
        if overlaps(start, end, ents) or gazetteer.kind_by_name(name) != "other" or gazetteer.candidates(name):
            continue
        team = parts[-1].tag_ == "NNPS" or parts[-1].text.endswith("s") and t.i > 0 and doc[t.i - 1].lower_ == "the"
        if team and gazetteer.is_known_place(parts[0].text, 100_000):
            out.append(Mention(start, end, name, "org", plural=True))  # "the Carolina Panthers": a team
            ents.append((start, end))
            continue
        mention = Mention(start, end, name, "person")
        roles_around(doc[parts[0].i:parts[-1].i + 1], mention)
        out.append(mention)
        ents.append((start, end))
    return out


def _gazetteer_names() -> re.Pattern:
    seats = r"Downing Street|Number 10|No\.? 10|Whitehall|Kremlin|White House|Pentagon|[EÉ]lys[eé]e Palace"
    regions = "|".join(sorted((re.escape(n) for n in gazetteer.REGIONS), key=len, reverse=True))
    water = r"(?:River|Lake|Loch) [A-Z][a-z]+|(?!The\b)[A-Z][a-z]+ (?:River|Estuary)"
    return re.compile(rf"\b(?:(?P<org>{seats})|(?P<place>{regions}|{water}))\b")


_GAZ = _gazetteer_names()


def _gazetteer_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """Seats of government, UK counties and rivers the small model leaves untagged ("Downing Street said")."""
    ents = [(e.start_char, e.end_char) for e in docs.ents(doc) if e.label_ in LABELS] + taken
    surnames = {e.text.split()[-1] for e in docs.ents(doc) if e.label_ == "PERSON" and len(e.text.split()) > 1}
    out = []
    for m in _GAZ.finditer(docs.text(doc)):
        if overlaps(m.start(), m.end(), ents) or m.group(0) in surnames:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), "org" if m.group("org") else "place"))
    return out


def _trim_long(start: int, long_name: str) -> tuple[int, str]:
    """Drop sentence-initial words before the expansion proper ("The Syrian ..." -> "Syrian ...")."""
    words = long_name.split()
    while words and words[0].lower() in ("the", "a", "an", "in", "on", "and", "of"):
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


def _acronym_fits(acr: str, long_name: str) -> bool:
    """The acronym's letters are the initials of the long name's capitalised words, in order."""
    letters = [c for c in acr.upper() if c.isalpha()]
    initials = [w[0].upper() for w in re.split(r"[\s-]+", long_name) if w and w[0].isupper()]
    if len(letters) < 2 or not initials:
        return False
    i = 0
    for c in initials:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i >= len(letters) - (1 if len(letters) > 3 else 0) and letters[0] == initials[0]


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _particle_tail(last: Token) -> list[Token]:
    """"Ursula von" + "der Leyen": a name the model cut at its particles continues to the capitalised word."""
    doc = last.doc
    j = last.i + 1
    tail: list[Token] = []
    while j < len(doc) and doc[j].is_lower and doc[j].lower_ in SURNAME_PARTICLES:
        tail.append(doc[j])
        j += 1
    if (tail or last.lower_ in SURNAME_PARTICLES) and j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN":
        return tail + [doc[j]]
    return []


def _clean(ent: Span, raw: str, vote: str) -> Mention | None:
    doc = ent.doc
    tokens = [t for t in ent if t.idx < ent.start_char + len(raw)]
    roles: list[str] = []
    # leading determiners and titles ("the", "President", "Rep.")
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].tag_ in _NOT_NAME_TAGS and len(tokens) > 1):
        tokens = tokens[1:]
    if vote == "person":
        lead = []
        while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in (TITLES | HONORIFICS):
            lead.append(tokens.pop(0).text)
        title = " ".join(t for t in lead if t.lower().rstrip(".") not in HONORIFICS)
        if title and any(w.lower().rstrip(".") in ROLE_WORDS for w in title.split()):
            roles.append(title)
    while tokens and (tokens[-1].text in ("’s", "'s", "’", "'") or tokens[-1].is_punct):
        tokens = tokens[:-1]
    while vote == "org" and len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].lower_ not in ORG_HEADS:
        tokens = tokens[:-1]  # "E.U. nations": the name, not the common noun after it
    while len(tokens) >= 4 and tokens[-1].like_num and tokens[-2].text in ("-", "–") and tokens[-3].like_num:
        tokens = tokens[:-3]  # "Chelsea 2-0": a score
    after = doc[tokens[-1].i + 1] if tokens and tokens[-1].i + 1 < len(doc) else None
    while len(tokens) > 1 and (_DECIMAL.fullmatch(tokens[-1].text) or _YEAR_OR_SCORE.fullmatch(tokens[-1].text)
                               or (vote != "org" or after is not None and (
            after.lower_ in _UNITS or after.text == "%")) and tokens[-1].like_num):
        tokens = tokens[:-1]  # "Trump 47.3" in a poll table, "Obama 2008": a number is no part of a name
    while vote == "person" and len(tokens) > 1 and tokens[-1].lower_.rstrip(".") in HONORIFICS:
        tokens = tokens[:-1]  # "Tory Treasurer Lord" before "Fenwick": the title belongs to the next name
    if vote == "person" and len(tokens) >= 3:
        # "Miss World Jane Doria": a name starts at its given name
        first = next((i for i, t in enumerate(tokens) if t.lower_ in GIVEN_NAMES), 0)
        if first and tokens[0].lower_ not in GIVEN_NAMES and len(tokens) - first >= 2:
            tokens = tokens[first:]
    if vote == "person" and tokens:
        tokens = tokens + _particle_tail(tokens[-1])
    if not tokens or _not_a_name(tokens, vote):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    name = re.sub(r"\s+", " ", docs.text(doc)[start:end]).strip()
    if "(" in name and ")" not in name:  # "Ato (Boldon": the model stopped inside a bracket
        name = name.split("(")[0].strip()
        end = start + len(name)
    name = _POSSESSIVE.sub("", name) if name.endswith(("’s", "'s")) else name
    if _SPACED_DASH.search(name):  # "Scott - Brentley Vinson": two names the model ran together
        name = max(_SPACED_DASH.split(name), key=len).strip()
        start = docs.text(doc).find(name, start)
        end = start + len(name)
        if vote == "org" and 2 <= len(name.split()) <= 3 and name.istitle() and not gazetteer.candidates(name) \
                and not any(w.lower() in ORG_HEADS for w in name.split()):
            vote = "person"  # the label was for the run-together pair; what is left is a name
    if _PREFIXED.match(name):  # "pro-Clinton", "un-American": adjectives; "pro-Clinton Priorities USA" names
        rest = name.split(" ", 1)[1] if " " in name else ""
        if not rest[:1].isupper():
            return None
        start, name = end - len(rest), rest
    owner, _, owned = re.sub(r"['’]s ", "\x00", name, count=1).partition("\x00")
    if owned and owned[:1].isupper() and vote in ("person", "org") and (
            len(owned.split()) >= 2 or any(w.lower().strip(".") in ORG_HEADS for w in owner.split())
            or gazetteer.norm(owner) in KNOWN_ORGS):
        # "NFL Network's Rich Eisen", "Alphabet Inc's Google": the owner is an affiliation, the name follows
        start, name = end - len(owned), owned
        if given_name_first(owned) or 2 <= len(owned.split()) <= 3 and owned.istitle() and not any(
                w.lower() in ORG_HEADS for w in owned.split()) and not gazetteer.candidates(owned):
            vote = "person"  # "the NFL Network's Rich Eisen": an outlet's reporter
    where = re.search(r" (?:in|on|at) (?:the )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)$", name)
    if where and vote == "org" and gazetteer.is_known_place(where[1]):
        name = name[:where.start()]  # "Hofstra University on Long Island": the university, not where it is
        end = start + len(name)
    before = doc[tokens[0].i - 1].lower_ if tokens[0].i else ""
    if before == "-" and tokens[0].i >= 2 and doc[tokens[0].i - 2].text in ("R", "D", "I"):
        return None  # "R-Ky.": a member's party and state, not a place in the story
    if after is not None and after.lower_ in ("v.", "v", "vs.", "vs") or before in ("v.", "v", "vs.", "vs"):
        return None  # "Plessy" in "Plessy v. Ferguson": a party to a case, named as the case
    if re.fullmatch(r"(?:[A-Z]-)+[A-Z]\.?", name):
        return None  # "U-S-A": a chant
    if _PARTY_STATE.match(name) or _LEGAL_CASE.search(name):
        return None  # "D-Calif.", "R-Newport News": a member's party and state; "Roe v. Wade": a court case
    if re.search(r", (?!(?:Jr|Sr|Inc|Ltd|LLC|plc|II|III)\b)", name) and vote in ("person", "org"):
        return None  # "Cleanliness, Godliness": a title or a list, not one name
    if vote == "person" and _of_an_organisation(doc, tokens[0].i) and not given_name_first(name) \
            and not gazetteer.is_known_place(name):
        vote = "org"  # "artistic director of Sleeping Weazel": what one directs is an organisation
    if not _plausible(name) and not (vote == "org" and len(tokens) >= 2 and tokens[-1].lower_ in ORG_HEADS
                                     and re.fullmatch(r"[a-z .'-]+", name)):
        return None
    nxt = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if vote == "norp" and nxt is not None and nxt.tag_ == "NNPS" and nxt.is_title and not nxt.ent_type_ \
            and nxt.lower_ not in DEMONYMS:  # "English Partnerships", "British Airways": a name, not a nationality
        end = nxt.idx + len(nxt.text)
        return Mention(start, end, docs.text(doc)[start:end], "org")
    if vote == "norp":
        if name.lower() in DEMONYMS or not name.isupper():
            return Mention(start, end, name, "norp")
        vote = "org"
    if vote == "org" and portfolio(tokens):
        return None
    if vote == "person" and len(tokens) >= 2 and tokens[-1].lower_ in ORG_HEADS:
        vote = "org"  # "John Muir Trust"
    if vote == "person" and len(tokens) == 2 and not names.is_given_name(tokens[0].text) \
            and gazetteer.is_known_place(tokens[0].text, 100_000) and not gazetteer.candidates(name) \
            and tokens[-1].lower_ not in PLACE_HEADS:
        vote = "org"  # "Manchester United", "Aston Villa": a club named after its town, not a person
    if vote == "person" and len(tokens) >= 2 and tokens[-1].lower_ in PLACE_HEADS \
            and not names.is_given_name(tokens[0].text):
        vote = "place"  # "Midway Atoll"
    # "Pell Grants", "Cleveland Cavaliers": a plural head makes a group, unless a given name leads
    # ("Willie Mays", "Cheryl Mills": the tagger now and then reads such surnames as plurals)
    plural = len(tokens) >= 2 and tokens[-1].tag_ == "NNPS" and (
        len(tokens) >= 3 or not names.is_given_name(tokens[0].text)
        or gazetteer.is_known_place(tokens[0].text, 100_000))
    if vote == "person" and plural:
        vote = "org"
    mention = Mention(start, end, name, vote, roles=roles, plural=plural)
    if vote == "person" or (vote == "org" and not plural and given_name_first(name)):  # a person called an org
        roles_around(doc[tokens[0].i:tokens[-1].i + 1], mention)
    return mention


def _not_a_name(tokens, vote: str) -> bool:
    """Role phrases ("Tory MPs"), party labels ("Democrat"), events ("Brexit"), laws and stray initials."""
    words = [t.lower_.rstrip(".") for t in tokens]
    text = " ".join(words)
    if sum(c.isalpha() for c in text) < 2 or text in NOT_ENTITIES or text in PARTY_WORDS or text in SUFFIXES:
        return True  # ... and "Jr." cut off its name
    if vote == "person" and all(w in TITLES or w in HONORIFICS or w in PORTFOLIO_WORDS for w in words):
        return True  # "Industry Secretary": a title whose holder is named elsewhere
    if _event(words):
        return True  # "European Indoor Championships", "Athens Olympics": events, not actors or places
    if _MODEL_NUMBER.fullmatch(tokens[-1].text):
        return True  # "PB100", "CDP-101": a product's model number
    # a place in "pro-Moscow" is JJ; "the Clintons" (NNPS) is a family
    common = ("NNS", "NN", "JJ", "RB", "NNPS") if vote == "person" else ("NNS", "NN")
    if len(tokens) == 1 and tokens[0].tag_ in common and not tokens[0].is_upper:
        return True  # "Scholars have long argued": a common word at the start of a sentence
    if vote == "person" and len(tokens) == 1 and (words[0] in TITLES or words[0] in HONORIFICS):
        return True  # "Senator", alone
    if vote == "person" and len(tokens) == 1 and _alone_after_the(tokens[0]):
        return True  # "the Bill", "the Millennium exhibition": "the" and one word is no person's name
    if vote == "org" and len(tokens) == 1 and words[0] in _BARE_HEADS:
        return True  # "the Council said": the word, not the council's name
    if vote == "person" and len(tokens) == 1 and words[0] in ORG_HEADS:
        return True  # "Coal", "Council": a word left over from an organisation's name
    if len(tokens) == 1 and words[0] in DIRECTIONS:
        nxt = tokens[0].doc[tokens[0].i + 1] if tokens[0].i + 1 < len(tokens[0].doc) else None
        if nxt is not None and nxt.lower_ in ("and", "or", ",", "&"):
            return True
    if vote in ("person", "place") and (text in DEMONYMS or text.removesuffix("s") in DEMONYMS):
        return True  # "Latinos", "Kurds": groups, never people or places
    if len(tokens) == 1 and demonym_noun(tokens[0].text) and _described(tokens[0]):
        return True  # "the 55-year-old Frenchman", "said the American": someone named elsewhere
    if vote == "person" and len(words) == 2 and words[1] in TITLES and gazetteer.is_known_place(tokens[0].text):
        return True  # "Leeds Mayor": a title, the name is elsewhere
    last = tokens[-1]
    role = words[-1] in ROLE_WORDS or words[-1].removesuffix("s") in ROLE_WORDS and last.tag_ == "NNS"
    if role and (len(tokens) == 1 or last.is_lower or last.is_upper or last.tag_ == "NNS"):
        return vote != "place"  # but "Angus King", "Howard Dean": a capitalised surname is a name
    return vote == "org" and bool(_DOCUMENT.search(" ".join(t.text for t in tokens)))


WATER_NAME = re.compile(r"(?:the )?(?:River|Lake|Loch|Mount) [A-Z][\w'’-]+"
                         r"|(?:the )?[A-Z][\w'’-]+ (?:River|Sea|Ocean|Estuary)")
_MODEL_NUMBER = re.compile(r"[A-Z]{1,5}-?\d{2,}[A-Za-z]?")
EVENT_HEADS = {"championships", "championship", "olympics", "olympic", "paralympics", "paralympic", "indoor",
               "indoors", "grand prix", "trials", "festival", "awards", "marathon", "tournament", "exhibition",
               "expo", "world cup", "cup", "final", "finals", "open", "derby", "regatta", "jubilee"}
_GAMES_BEFORE = {"olympic", "commonwealth", "paralympic", "asian", "winter", "summer", "world", "pan", "european",
                 "invictus", "highland"}


def _event(words: list[str]) -> bool:
    """A sporting or cultural event named by its last word ("Championships", "Olympics", "Grand Prix"), or
    "Games" after a place or a games word ("Manchester Games", "Commonwealth Games")."""
    if not words:
        return False
    if words[-1] in EVENT_HEADS or " ".join(words[-2:]) in EVENT_HEADS:
        return True
    if len(words) == 2 and words[-1] in ("international", "classic", "invitational") \
            and gazetteer.is_known_place(words[0], 50_000):
        return True  # "Leipzig International": a meeting named after its city
    return len(words) >= 2 and words[-1] == "games" and (
        words[-2] in _GAMES_BEFORE or gazetteer.is_known_place(words[-2], 50_000))


def _of_an_organisation(doc: Doc, i: int) -> bool:
    """"director of X", "a member of the X": the name after a role noun and "of" (and "the")."""
    j = i - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in ROLE_WORDS and doc[j - 1].is_lower \
        and doc[j - 1].lower_ not in ("wife", "husband", "son", "daughter", "mother", "father", "friend",
                                      "brother", "sister", "widow", "neighbour", "neighbor")


def _alone_after_the(t: Token) -> bool:
    """"the Bill", "the Convention", "the Millennium exhibition": "the" and one capitalised word, alone or as a
    modifier, unless it is the surname of a full name in the article ("the Trump administration" after "Donald
    Trump")."""
    doc = t.doc
    return t.i > 0 and doc[t.i - 1].lower_ == "the" and not any(
        e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == t.text for e in docs.ents(doc))


def _plausible(name: str) -> bool:
    return (
        1 < len(name) <= 80
        and any(c.isupper() for c in name)
        and not re.fullmatch(r"[\d\W_]+", name)
        and not re.search(r"[<>{}\[\]|@#$%^*=~`\\]|https?:|www\.", name)
    )
