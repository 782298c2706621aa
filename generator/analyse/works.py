"""Titles of works and prizes: names capitalised like a person's or a firm's that are no actor.

A film, book, play, show or song ("Vera Drake", "Cloud Atlas", "The Lovely Bones") and a prize ("the Booker
Prize", "Oscar nominations") look like names, and the model tags them as people and organisations. The text
says what they are: the kind before the title ("the film Vera Drake"), its credits ("Closer, starring Jude
Law"), the maker's possessive before its article ("Alice Sebold's The Lovely Bones"), an award for it ("best
film for Sideways"), a part in it ("starring in Closer"), a prize word ("the Whitbread Prize"). A title so given
is no actor wherever the text uses it, unless the text also makes it a person (a title such as "Mr", a full
name it is the surname of, a given name before it), an organisation (an organisation word, a known one, a
party, an acronym, one that speaks or has shares) or a known place. Each pattern is read with the parse, as
English also puts these kind words before a clause ("back on track, Gordon Brown said", "On the track
Schumacher was untouchable")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from generator.analyse import gazetteer, names
from generator.analyse.lexicon import KNOWN_ORGS, ORG_HEADS, PARTY_FORMS
from generator.analyse.names import given_name_first, titled

if TYPE_CHECKING:
    from generator.analyse.mentions import Mention

_TITLE_WORDS = r"[A-Z][\w'’&-]*(?:(?::| of| the| a| in| and| to)? [A-Z][\w'’&-]*)*"
WORK_BY_KIND = re.compile(
    r"\b(?:(?:film|movie|book|novel|play|musical|opera|album|song|single|show|series|programme|program|sitcom|"
    r"game|video game|toy|console|phone|handset|camera|gadget|laptop|device|car|model|app|engine|painting|"
    r"titled|entitled|headlined|headline)\s+[\"“‘']?"
    rf"(?P<title>{_TITLE_WORDS})"
    r"|(?:films|movies|books|novels|plays|albums|songs|shows|series|programmes|games|hits|roles)\s+"
    rf"(?:include|included|including|such as|like)\s+(?P<list>{_TITLE_WORDS}(?:(?:,| and|, and) {_TITLE_WORDS})*))")
"""Works and products named after their kind ("the film Star Wars", "toy Tamagotchi"): the span is no name."""

_WORD = r"[A-Z][\w&-]*(?:['’](?!s\b)[\w&-]+)?(?:['’]s(?= (?!(?:A|An|The|La|Le|Les)\b)[A-Z]))?"
"""A capitalised word of a title: "O'Connor", "Dead Man's Shoes", not a maker's possessive before the work
("Jean-Pierre Jeunet's A Very Long Engagement") or before a common noun ("Ice Cube's road-trip comedy")."""
_LINK = r"(?: (?:of|the|a|an|in|on|and|to|for|from|with)){0,2}"
_TITLE = rf"(?P<title>{_WORD}(?:{_LINK} {_WORD})*)"
_LINK_AT = re.compile(r" (?:of|the|a|an|in|on|and|to|for|from|with) ")
"""Where a title may end early: the pattern may have run on ("Cold Meridian in the London Film Critics' Circle
awards"), so each part before a link word is a candidate title too ("at" ends a title: "starring in Orpheus
Descending at the Donmar Warehouse")."""
_WORK_KIND = (r"film|movie|novel|play|musical|opera|ballet|album|song|single|sitcom|series|programme|documentary"
              r"|drama|soap|book|show|comedy|thriller|biopic|memoir|autobiography|biography|poem|collection|sequel"
              r"|blockbuster|bestseller|best-seller|epic|adaptation|cartoon|painting|portrait|sculpture|track")
_KIND_WORD = re.compile(_WORK_KIND)
_KIND_THEN_TITLE = re.compile(rf"(?<![\w-])(?P<kind>{_WORK_KIND})\s+[\"“‘']?{_TITLE}")
""""his 1999 film Topsy-Turvy", "the musical Mary Poppins": the kind, then the title it modifies (no comma
between: "back on track, Gordon Brown said", "In the programme, Jeremy Paxman asked")."""
_APPOSED_KIND = (r"film|movie|novel|musical|opera|ballet|album|sitcom|documentary|biopic|memoir|autobiography"
                 r"|biography|song|single|comedy|sequel|adaptation")
"""Kinds that, in apposition, say a name is a work: not "track", "series", "drama", "show" or "book" ("Enron,
the biggest corporate drama of the decade", "Silverstone, a track he loves", "Tesco, the first in a series")."""
_KIND_COMMA_TITLE = re.compile(rf"(?<![\w-])(?P<kind>{_APPOSED_KIND}|book), [\"“‘']?{_TITLE}[\"”’']?,"
                               r"(?!\s*(?:\d|the\b|a\b|an\b|who\b|whose\b|now\b|aged\b|then\b|himself|herself))")
""""the third studio album, Absolution, was", "In his new book, Lawless World, Philippe Sands": the title set
off by commas on both sides ("back on track, Gordon Brown said", "The reform programme, Tony Blair insisted,"
are no such apposition, nor is a person described: "On her new album, Madonna, 47, returns", "In his book,
Blunkett, the former home secretary, attacks")."""
_MAKERS_WORK = re.compile(rf"(?<![\w-])[A-Z][\w.-]*['’]s? [\"“‘']?(?P<title>(?:The|A|An|La|Le|Les|Il|El|Die|Das)"
                          rf" {_WORD}(?:{_LINK} {_WORD})*)")
""""Alice Sebold's The Lovely Bones", "Verdi's La Traviata": a possessive then a title with its article."""
_CATEGORY = (r"actor|actress|film|picture|director|play|musical|novel|book|album|song|single|newcomer|drama|comedy"
             r"|screenplay|revival|playwright|writer|score|documentary|production|video|music|lyrics")
"""Categories of arts prizes, none that a firm or a player wins too ("his best performance for Arsenal", "best
designer for Chanel", "an outstanding series for Flintoff")."""
_FOR = rf",? for (?:(?:his|her|their|its) (?:role|part|performance|work) in )?[\"“‘']?{_TITLE}"
_CATEGORY_FOR = re.compile(rf"(?<![\w-])(?:best|most promising|outstanding)(?: [a-z-]+){{0,3}}? (?:{_CATEGORY})s?"
                           rf"(?: (?:award|prize|nomination|nod|gong|trophy))?{_FOR}")
""""best actress for Vera Drake", "most promising playwright for The Night Season": a category's prize."""
_NOMINATED_FOR = re.compile(rf"(?<![\w-])(?:nominated|shortlisted|short-listed){_FOR}")
""""nominated for his role in The Aviator", "shortlisted for Cloud Atlas"; a person can follow ("nominated for
Jamie Foxx's role"), and a studio can gain nominations ("11 Oscar nominations for Miramax")."""
_STARRING_IN = re.compile(rf"(?<![\w-])(?:starred|starring|stars|co-starred|co-starring|co-stars|to star) in "
                          rf"[\"“‘']?{_TITLE}")
""""starring in Closer", "to star in The Glass Menagerie"."""
_TITLE_THEN_KIND = re.compile(rf"(?<![\w'’-]){_TITLE}, (?:a|an|the|his|her|their|its)(?: [\w-]+){{0,3}} "
                              rf"(?P<kind>{_APPOSED_KIND})(?![\w'’-])")
""""The Aviator, a film biography of Howard Hughes", "Vanity Fair, the 2004 film": the kind in apposition."""
_TITLE_STARRING = re.compile(rf"(?<![\w'’-]){_TITLE}, (?:starring|co-starring|which stars|directed by) [A-Z]")
""""Closer, starring Jude Law", "Ray, directed by Taylor Hackford": a work's credits after its title."""
_PRIZE_END = {"award", "awards", "prize", "prizes", "medal", "trophy"}
_OWNED_WORDS = {"times", "post", "sun", "guardian", "telegraph", "mirror", "mail", "express", "observer",
                    "independent", "herald", "star", "journal", "tribune", "chronicle", "gazette", "standard",
                    "record", "news", "economist", "register", "globe", "inquirer", "echo", "courier", "review",
                    "bulletin", "week", "spectator", "daily", "magazine", "press", "sport", "world", "yorker",
                    "hotel", "gallery", "grill", "restaurant", "bar", "cafe", "club", "shop", "store", "stores"}
"""Words of a paper's, a venue's or a shop's name: "Rupert Murdoch's The Sun", "Charles Saatchi's The Saatchi
Gallery", "Anita Roddick's The Body Shop" are what they own, not their work."""


def titles(doc: Doc, text: str) -> list[tuple[int, int, str, bool, bool]]:
    """Where the text names a work by what it says of it: (start, end, title, sure, wide), the title without
    its article. `wide`: the name is a work wherever it stands (a maker's possessive names one only where it
    stands: "Mohamed Fayed's The Ritz", "Anita Roddick's The Body Shop"). `sure`: no person could stand there
    ("the film Vera Drake", "starring in Vera Drake", not "best actor for Paul Giamatti" or "an Oscar for Jamie
    Foxx")."""
    found = []
    for pattern in (_KIND_THEN_TITLE, _KIND_COMMA_TITLE, _TITLE_THEN_KIND, _TITLE_STARRING, _MAKERS_WORK, _CATEGORY_FOR,
                    _NOMINATED_FOR, _STARRING_IN):
        for m in pattern.finditer(text):
            if pattern is _KIND_THEN_TITLE and not _a_kind(doc, m):
                continue  # "polls show Labour ahead", "they play Chelsea", "a single European currency"
            if pattern is _TITLE_THEN_KIND and not _the_head_noun(doc, m):
                continue  # "Jo Hart, a drama teacher", "Alan Gee, the film's producer"
            if pattern is _TITLE_THEN_KIND and _an_object(doc, m.start("title")):
                continue  # "Directed by Morgan Spurlock, the film", "won at Silverstone, a track he loves"
            if pattern is _TITLE_STARRING and not _opens_its_phrase(doc, m.start("title")):
                continue  # "a film about Nelson Mandela, starring", "from director Mike Leigh, starring"
            if _a_modifier(doc, m.end("title")):
                continue  # "starred in Pepsi and Gillette adverts"
            if pattern is _STARRING_IN and _a_noun_at(doc, m.start()):
                continue  # "to see the stars in London's Leicester Square"
            if pattern is _MAKERS_WORK and ({w.lower() for w in m["title"].split()} & _OWNED_WORDS
                                            or gazetteer.is_known_place(re.split("['’]", m[0])[0], 100_000)):
                continue  # "Rupert Murdoch's The Sun", "Milan's La Scala", "France's Le Figaro"
            start, title = m.start("title"), m["title"]
            if opener := _opening_word(doc, start):
                if opener.pos_ != "CCONJ":
                    continue  # "Set in South Wales, the film ...", "Featuring Cliff Richard, the song ..."
                start, title = start + len(opener.text) + 1, title[len(opener.text) + 1:]  # "And Fat Albert, a ..."
                if not title[:1].isupper():
                    continue
            if _CUT_SHORT.match(text, m.end("title")):  # "Jean-Pierre Jeunet's A Very Long Engagement"
                if " and " not in title:  # "the single Band Aid 20"
                    continue
                title = title[:title.rindex(" and ")]  # "Verdi's La Traviata and Richard Strauss's Ariadne"
            if (article := re.match(r"(?:The|A|An) (?=[A-Z])", title)) and pattern is not _MAKERS_WORK:
                start, title = start + article.end(), title[article.end():]
            sure = pattern in (_STARRING_IN, _TITLE_STARRING) or pattern is _KIND_THEN_TITLE \
                and not _subject_of_a_clause(doc, start + len(title))
            found.append((start, start + len(title), title, sure, pattern is not _MAKERS_WORK))
    for m in WORK_BY_KIND.finditer(text):  # "films such as Alfie, Closer and The Aviator"
        if not m["list"]:
            continue
        pos = m.start("list")
        for piece in _LIST_SEP.split(m["list"]):
            if not _LIST_SEP.fullmatch(piece):
                found.append((pos, pos + len(piece), piece, False, True))
            pos += len(piece)
    return found


_CUT_SHORT = re.compile(r"['’]s?\b| \d")
"""The title runs on past what the pattern took: a possessive (the maker, not the work) or a number."""
_LIST_SEP = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)")


def _subject_of_a_clause(doc: Doc, end: int) -> bool:
    """"the documentary Michael Moore made": the name is the subject of a clause said of the kind, not its
    title ("the musical Mary Poppins opened" is the title's own verb)."""
    span = doc.char_span(end, end + 1, alignment_mode="expand") if end < len(doc.text) else None
    nxt = span[0] if span is not None and len(span) else None
    if nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    return nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.dep_ in ("relcl", "acl", "ccomp")


def _token_at(doc: Doc, at: int) -> Token | None:
    """The token a character offset falls in (a word's first letter here)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _opens_its_phrase(doc: Doc, at: int) -> bool:
    """The name opens a sentence, a list item or its own noun phrase ("include Closer, starring", "and The
    Aviator, directed by"), not a noun's or a verb's complement ("director Mike Leigh", "features Tom Hanks")."""
    tok = _token_at(doc, at)
    if tok is None or tok.i == 0 or tok.is_sent_start:
        return True
    before = doc[tok.i - 1]
    return before.pos_ in ("PUNCT", "CCONJ", "DET") or before.lower_ in ("include", "includes", "included",
                                                                         "including", "like")


def _an_object(doc: Doc, at: int) -> bool:
    """The word before is a preposition: the name is its object ("about Enron", "by Morgan Spurlock")."""
    tok = _token_at(doc, at)
    return tok is not None and tok.i > 0 and doc[tok.i - 1].pos_ == "ADP"


def _a_modifier(doc: Doc, end: int) -> bool:
    """A common noun follows: the name modifies it ("Pepsi adverts", "Enron shareholders"), it is no title."""
    span = doc.char_span(end, min(len(doc.text), end + 2), alignment_mode="expand")
    nxt = next((t for t in span or () if t.idx >= end and not t.is_space), None) if span is not None else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower


def _a_noun_at(doc: Doc, at: int) -> bool:
    tok = _token_at(doc, at)
    return tok is not None and tok.pos_ == "NOUN"


def _opening_word(doc: Doc, at: int):
    """The title's first word when it is no name but a sentence's opening word ("And", "Set", "Featuring")."""
    tok = _token_at(doc, at)
    return tok if tok is not None and tok.is_sent_start \
        and tok.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "ADV", "PRON", "CCONJ") else None


def _the_head_noun(doc: Doc, m: re.Match) -> bool:
    """The kind word is the noun the apposition is about, not a modifier ("a drama teacher", "the film's"),
    and no other noun makes it something else ("a web photo album"; "a film biography" is a work)."""
    kind = doc.char_span(m.start("kind"), m.end("kind"), alignment_mode="expand")
    if kind is None or kind[-1].pos_ != "NOUN" or kind[-1].dep_ in ("compound", "poss"):
        return False
    between = doc.char_span(m.end("title") + 2, m.start("kind"), alignment_mode="expand")
    return between is None or not any(t.pos_ in ("NOUN", "PROPN") and not _KIND_WORD.fullmatch(t.lower_)
                                      for t in between[1:])


def _a_kind(doc: Doc, m: re.Match) -> bool:
    """The parse makes the kind word the title's modifier or the title its apposition ("the musical Mary
    Poppins", "the film Star Wars"): not a verb, a word of something else or a clause's object ("polls show
    Labour ahead", "a single European currency", "the documentary Michael Moore is making")."""
    kind = doc.char_span(m.start("kind"), m.end("kind"), alignment_mode="expand")
    title = doc.char_span(m.start("title"), m.end("title"), alignment_mode="expand")
    if kind is None or title is None or kind[-1].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    word, root = kind[-1], title.root
    after = doc[title[-1].i + 1] if title[-1].i + 1 < len(doc) else None
    if _clause_opening(kind[0]) and after is not None and after.pos_ in ("VERB", "AUX"):
        return False  # "On the track Schumacher was untouchable", "In her memoir Cherie Blair describes"
    if word.head in title or any(t.head == word and t.dep_ == "appos" for t in title):
        return True
    # the small model often reads "comedy drama Desperate Housewives managed to ..." as a relative clause; a
    # verb with its own object or complement is the title's, one with none is the clause's ("the documentary
    # Michael Moore is making about ...", "the collection Burberry unveiled in Milan")
    return root.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ in ("dobj", "prt", "auxpass")
                                                       for c in root.head.children)


def _clause_opening(first) -> bool:
    """The kind's noun phrase is a preposition's object ("In her memoir", "At the show")."""
    i = first.i - 1
    while i >= 0 and first.doc[i].dep_ in ("det", "poss", "amod", "nummod", "compound"):
        i -= 1
    return i >= 0 and first.doc[i].pos_ == "ADP"


def not_works(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a work's title dropped wherever the text uses the name (it names the work), and any name
    inside a title no person could stand in, where it stands ("Bill" in "the comedy Bill and Ted's Excellent
    Adventure"), unless the text gives it a person or a place too, or it is a person's full name (a title may
    run on: "The Motorcycle Diaries in Spain", "A Very Long Engagement and the Ray Charles biopic"). A known
    place is never a title here ("the film Chicago" beside "in Chicago")."""
    spots = titles(doc, text)
    if not spots:
        return mentions
    sure: dict[str, bool] = {}
    for _, _, title, certain, wide in spots:
        if not wide:
            continue
        for name in {_bare(title[:cut.start()]) for cut in _LINK_AT.finditer(title)} | {_bare(title)} - {""}:
            sure[name] = sure.get(name, False) or certain
    surnames = {m.name.split()[-1] for m in mentions if m.vote == "person" and len(m.name.split()) >= 2}
    alone = {m.name for m in mentions if " " not in m.name}
    works = {n for n, certain in sure.items() if _a_work(text, n, surnames, alone, certain)}
    within = [(a, b) for a, b, title, certain, wide in spots if certain and _bare(title) in works
              or not wide and _a_work(text, _bare(title), surnames, alone, certain)]
    return [m for m in mentions if m.aliases or _bare(m.name) not in works and not _joined_works(m, works) and not (
        any(a <= m.start and m.end <= b for a, b in within) and _a_work(text, m.name, surnames, alone, False)
        and not (m.vote == "person" and " " in m.name))]


def _joined_works(m: Mention, works: set[str]) -> bool:
    """"The Aviator and Million Dollar Baby" read as one name: a work joined to another title."""
    return m.vote in ("person", "org") and " and " in m.name and _bare(m.name.split(" and ")[0]) in works


_ACTS = (r"(?:['’]s?)?(?: \w+)? (?:said|says|told|announced|admitted|insisted|added|stated|confirmed|denied|warned"
         r"|claimed|argued|shares|spokesman|spokeswoman|spokesperson|chief|boss|chairman|executives?|employees)\b")


def _acts(text: str, name: str) -> bool:
    """The text makes the name act as no work does: "The Body Shop said", "Vodafone shares", "according to
    Nasa"."""
    return re.search(rf"(?<![\w-]){re.escape(name)}{_ACTS}|\baccording to (?:the )?{re.escape(name)}\b",
                     text) is not None


def _bare(title: str) -> str:
    return re.sub(r"^(?:The|A|An) (?=[A-Z])", "", title.strip()).rstrip("'’")


def _a_work(text: str, name: str, surnames: set[str], alone: set[str], sure: bool) -> bool:
    """The name is not one the text also gives a person or an organisation. A title that is a person's full
    name ("Vera Drake", "Billy Elliot") is a work only where no person could stand ("best actress for ...")
    and the text never uses its surname alone or with a title ("Drake said", "Mrs Drake")."""
    words = name.split()
    led = len(words) >= 2 and names.is_given_name(words[0])  # "Malcolm X", as the film and as the man
    if (led or given_name_first(name)) and not (sure and words[-1] not in alone and not titled(text, words[-1])):
        return False
    if name in surnames or titled(text, name) or name.isupper() or _acts(text, name):
        return False
    if name.lower() in KNOWN_ORGS or name in PARTY_FORMS or {w.lower() for w in words} & (ORG_HEADS | {"team"}):
        return False
    return not gazetteer.is_known_place(name)


_AWARD_AFTER = re.compile(
    r"(?:[ -](?:awards?|prizes?|nominations?|nominees?|ceremony|statuettes?|winners?)|-winning|"
    r"-nominated| nods?| hopefuls)(?![\w-])")
_AWARD_BEFORE = re.compile(
    r"(?<![\w-])(?:won|wins|scooped|collected|picked up) "
    r"(?:an? |the |his |her |their |its |(?:two|three|four|five|six|\d+) )$")
_AWARD_END = re.compile(r"s?(?:[.;:!?)]| (?:for|at)\b|$)")
"""What follows a prize won: "won an Oscar for", "collected two Baftas." ("won the Ohio primary" names a place)."""


def not_awards(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Oscar nominations", "the Grammy-winning singer", "won a Golden Globe", "the Booker Prize": a prize, no
    actor, when the text names it only so (a name it also uses for a person or a firm keeps those mentions; a
    place, or a body that gives prizes, "the Screen Actors Guild awards", "the Fine Art Award Fund", stays)."""
    verdict: dict[str, bool] = {}
    for m in mentions:
        if m.name not in verdict:
            words = m.name.split()
            if m.vote in ("person", "org") and not m.aliases and len(words) >= 2 \
                    and words[-1].lower() in _PRIZE_END:
                verdict[m.name] = True
                continue
            spots = list(re.finditer(rf"(?<![\w-]){re.escape(m.name)}(?![\w])", text))
            verdict[m.name] = m.vote in ("person", "org") and not m.aliases and not given_name_first(m.name) \
                and not m.name.isupper() and m.name.lower() not in KNOWN_ORGS \
                and not {w.lower() for w in words} & ORG_HEADS and bool(spots) and all(
                    _AWARD_AFTER.match(text, f.end()) or _AWARD_END.match(text, f.end())
                    and _AWARD_BEFORE.search(text, max(0, f.start() - 30), f.start()) for f in spots)
    return [m for m in mentions if not verdict[m.name]]
