"""Which actor a phrase names: a subject or an attribution after a quote ("said its chairman, Sir X") mapped to
an actor through the reference layer (names, he/she, descriptions, owners of statements, families), or a new
actor when the text names someone the entity layer missed. Used by `quotes` for speakers."""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.analyse.lexicon import (
    GROUP_SPEAKERS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_NOUNS,
    TITLES,
    demonym_noun,
)
from generator.analyse.references import (
    ROLE_QUALIFIERS,
    References,
    in_quotes,
    is_age,
    name_head,
    qualifiers_of,
    recent_org,
)
from generator.analyse.spans import QSpan
from generator.records import Actor

NOMINAL = ("PROPN", "NOUN", "PRON")


def nominal_subjects(verb: Token, ranges, pos=NOMINAL) -> list[Token]:
    """The verb's subjects outside quotation marks, relative pronouns ("who said") left out."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ in pos or is_age(c))
            and c.tag_ not in ("WP", "WDT") and not in_quotes(c.idx, ranges)]




def possessor(t: Token) -> bool:
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else t
    return t.dep_ == "poss" or nxt.text in ("'s", "’s") or t.text in ("'s", "’s")


def speaker_in(words: list[Token], q: QSpan, ranges, mentions: References) -> str | None:
    """The speaker named in a short attribution: a pronoun, the last person named (a title or employer
    comes first: "campaign spokesman Jane Doe"; a possessor is someone else: "Doe's aide"), an organisation,
    a new name, or a described role ("the spokesman")."""
    for t in words:
        if t.lower_ in PRONOUNS and t.dep_ != "poss" and not possessor(t):
            return name_from_token(t, q, ranges, mentions)
    found, after_prep = [], False
    for t in words:
        after_prep = after_prep or t.pos_ == "ADP"
        name = mentions.actor_at(t.idx, t.idx + len(t.text))
        # "a spokesman for the Pentagon" speaks for it, "a narrator in the Doe ad" for Doe; "a source close
        # to Doe" is not Doe
        if name and not possessor(t) and not (
                _object_of_preposition(name_head(t)) and mentions.kind(name) == "person"):
            found.append(name)
    people = [n for n in found if mentions.kind(n) == "person"]
    if found and not people and (person := _described_by_its_side(words, mentions)):
        return person
    if people or found:
        return (people or found)[-1]
    if after_prep:
        return None
    propn = [t for t in words if t.pos_ == "PROPN" and not possessor(t) and not demonym_noun(t.text)
             and t.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "NORP")]
    if propn and (person := _described_by_its_side(words, mentions)):
        return person  # "said the Tottenham striker": the side, a name the model missed, describes the player
    if propn and not _bare_title(propn[-1]):
        kind = "person" if propn[-1].ent_type_ in ("", "PERSON") else "organization"
        return new_actor_named(_name_run(words, propn[-1]), mentions, kind)
    nouns = [t for t in words if t.pos_ == "NOUN" or is_age(t) or _bare_title(t) or demonym_noun(t.text)]
    if not nouns:
        return None
    if any(possessor(t) for t in words) and nouns[-1].lower_ not in ROLE_WORDS | TITLES:
        owners = [mentions.actor_at(t.idx, t.idx + len(t.text)) for t in words if possessor(t)]
        return next((o for o in owners if o), None)  # "Trump's campaign said": the campaign's candidate
    if nouns[-1].lower_ in SPEECH_NOUNS:  # "…," the statement said
        return _speech_act_owner(nouns[-1], q, ranges, mentions)
    if nouns[-1].lower_ in FAMILY_WORDS:
        return _family(nouns[-1], q, ranges, mentions)
    return _description(nouns[-1], words, mentions)


def _described_by_its_side(words: list[Token], mentions: References) -> str | None:
    """"said the Chelsea star", "the Labour MP said": a person described by the side they are on, the one
    the text has just named, not the side (a lone "a Treasury spokesman" still speaks for the Treasury)."""
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN") and not mentions.actor_at(t.idx, t.idx + len(t.text))]
    if not nouns or nouns[-1].lower_ not in PERSON_NOUNS or not any(t.lower_ in ("the", "this", "that") for t in words):
        return None
    person = _description(nouns[-1], words, mentions)
    return person if person and mentions.kind(person) == "person" else None


def _name_run(words: list[Token], last: Token) -> str:
    """The proper-noun run ending at `last` ("state Del. Jane Doe" -> "Del. Jane Doe")."""
    run = [last]
    for t in reversed(words[:words.index(last)]):
        if t.pos_ != "PROPN" or possessor(t):
            break
        run.insert(0, t)
    return " ".join(t.text for t in run)


def _description(noun: Token, words: list[Token], mentions: References) -> str | None:
    """"the spokesman", "Doe's campaign manager": the actor holding that role, else None."""
    if noun.lower_ in SPEECH_NOUNS or not any(t.lower_ in ("the", "this", "that") or possessor(t) for t in words):
        return None
    # "Obama's former strategist said" right after a sentence about someone: that someone, not the owner
    owners = {mentions.actor_at(t.idx, t.idx + len(t.text)) for t in words if possessor(t)}
    qualifiers = qualifiers_of(noun) | {t.lower_ for t in words if t.i < noun.i} & ROLE_QUALIFIERS
    return mentions.with_role(noun.lower_, noun.idx, qualifiers) or mentions.described(
        noun, owners - {None}, definite=True)


def name_from_token(tok: Token, q: QSpan, ranges, mentions: References) -> str | None:
    low = tok.lower_
    if low in PRONOUNS:
        if PRONOUNS[low] in ("m", "f", "s"):
            return mentions.pronoun(tok)
        if PRONOUNS[low] in ("n", "p"):
            return recent_org(mentions, min(tok.idx, q.start))
        return None
    head_name = mentions.actor_at(tok.idx, tok.idx + len(tok.text))
    if head_name and not (mentions.kind(head_name) != "person" and _named_person_beside(tok, mentions)):
        return head_name
    described = mentions.description_kind(tok) == "person"
    names = _names_in_phrase(tok, ranges, mentions, described)
    if described:
        people = [n for n in names if mentions.kind(n) == "person"]
        if not people and low in PERSON_NOUNS:  # "the Labour MP said", "the Chelsea star told": the person
            people = [n for n in [mentions.described(tok, set(names))] if n and mentions.kind(n) == "person"]
        return (people or names or [None])[0] or mentions.described(tok)
    if names:
        return names[0]
    if tok.pos_ == "PROPN":
        return _new_actor(tok, mentions)
    body = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ != "NORP"
            and c.lower_ not in ROLE_QUALIFIERS]  # "Shadow spokesman": no organisation
    if body and (low in SPEECH_NOUNS or low in ("spokesman", "spokeswoman", "spokesperson")):
        return new_actor_named(" ".join(c.text for c in body), mentions, "organization")  # "a Treasury spokesman"
    if low in SPEECH_NOUNS:
        return _speech_act_owner(tok, q, ranges, mentions)
    if low in FAMILY_WORDS:
        return _family(tok, q, ranges, mentions)
    if low in GROUP_SPEAKERS and not any(d.dep_ in ("amod", "compound", "nmod") or d.dep_ == "det" and d.lower_ != "the"
                                         for d in tok.children):  # "Police said", not "Local authorities say"
        return new_actor_named(tok.text[:1].upper() + tok.text[1:], mentions, "group")
    if tok.pos_ == "NOUN" and any(d.dep_ == "poss" or d.lower_ in ("the", "this", "that") for d in tok.children):
        return mentions.with_role(low, tok.idx, qualifiers_of(tok)) or mentions.described(tok)
    return None


FAMILY_WORDS = {"family", "relatives", "parents"}


def _family(noun: Token, q: QSpan, ranges, mentions: References) -> str | None:
    """"the Hayes family", "his family", "the family" (of the person the text is about): the "Hayes family"."""
    named = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named:
        return new_actor_named(f"{named[-1].text} {noun.lower_}", mentions, "group")
    owner = next((name_from_token(c, q, ranges, mentions) for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        owner = mentions.person_before(noun.idx)
    if owner and mentions.kind(owner) == "person":
        return new_actor_named(f"{owner.split()[-1]} {noun.lower_}", mentions, "group")
    return None


def _speech_act_owner(noun: Token, q: QSpan, ranges, mentions: References) -> str | None:
    """Who speaks through a statement, e-mail or letter: its owner ("her statement said", "the e-mail from
    Doe asks", "a letter by Doe") or whoever issued it ("Doe issued a statement saying")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return name_from_token(c, q, ranges, mentions)
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            obj = [o for o in c.children if o.dep_ == "pobj"]
            if obj:
                return name_from_token(obj[0], q, ranges, mentions)
    owner = _issuer(noun, q, ranges, mentions)
    if owner or not any(c.lower_ in ("the", "this", "that") for c in noun.children):
        return owner
    # "the statement said": the statement the text spoke of before ("Acme said in a statement that …")
    doc = noun.doc
    for t in reversed(doc[max(0, noun.i - 150):noun.i]):
        if t.lower_ == noun.lower_ and not in_quotes(t.idx, ranges):
            return _issuer(t, q, ranges, mentions) or next(
                (name_from_token(c, q, ranges, mentions) for c in t.children if c.dep_ == "poss"), None)
    return None


def _issuer(noun: Token, q: QSpan, ranges, mentions: References) -> str | None:
    """Whoever issued the statement: the subject of "Doe issued a statement" or "Doe said in a statement"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "through", "via"):
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ == "VERB" and not in_quotes(verb.idx, ranges):
        subj = nominal_subjects(verb, ranges)
        if subj and subj[0].lower_ not in SPEECH_NOUNS:
            return name_from_token(subj[0], q, ranges, mentions)
    return None


def _named_person_beside(tok: Token, mentions: References) -> bool:
    return any(c.dep_ in ("appos", "compound", "flat") and mentions.kind(
        mentions.actor_at(c.idx, c.idx + len(c.text)) or "") == "person"
        and mentions.actor_at(c.idx, c.idx + len(c.text)) for c in tok.children)


def _names_in_phrase(tok: Token, ranges, mentions: References, described: bool = False) -> list[str]:
    """Actors named in a subject phrase, best first: people in apposition or compound with its head ("the
    campaign manager, Jane Doe"; "X's aide Y" is Y), then other names, then those after a preposition
    ("a spokesman for the Pentagon"), then possessors ("Clinton's campaign").

    For a description of a person (`described`: "the Oscar-nominated actor, whose films include …", "the
    Labour leader") only the people beside its head and names after a preposition count: a name in a
    relative clause, a modifier or a possessive is not who the description means."""
    tiers: list[list[str]] = [[], [], [], []]
    for t in sorted(tok.subtree, key=lambda t: t.i):
        if abs(t.i - tok.i) > 8 or in_quotes(t.idx, ranges) or _hyphen_modifier(t):
            continue
        name = mentions.actor_at(t.idx, t.idx + len(t.text))
        if not name:
            continue
        path = _path_to(t, tok)
        titled = False
        if _object_of_preposition(name_head(t)) and mentions.kind(name) == "person":
            if not (_after_its_title(name_head(t)) and sorted(path) == ["pobj", "prep"]
                    and tok.lower_ in ROLE_WORDS | TITLES):
                continue  # "a friend of Doe" is not Doe (but "a document on the Doe website" is Doe's)
            titled = True
        clause = "relcl" in path or "acl" in path
        if titled:
            tier = 0  # "Shadow leader of the Commons Owen Heald", "Chairman of the Federal Reserve Alan Greenhill"
        elif mentions.kind(name) == "person" and path[:1] == ["appos"] and set(path[1:]) == {"pobj", "prep"} \
                and len(path) == 3 and tok.lower_ in ROLE_WORDS | TITLES | PERSON_NOUNS:
            tier = 0  # "Labour MP for Stourvale, Jane Doe", "the spokesman for the Pentagon, John Doe"
        elif "poss" in path:
            tier = 3
        elif "prep" in path or clause:
            tier = 2
        elif mentions.kind(name) == "person" and set(path) <= {"appos", "compound", "flat"}:
            tier = 0
        else:
            tier = 1
        if described and (tier in (1, 3) or clause):
            continue
        if name not in tiers[tier]:
            tiers[tier].append(name)
    return [n for tier in tiers for n in tier]


def _object_of_preposition(head: Token) -> bool:
    """"Sleaford" and "North Hykeham" in "MP for Sleaford and North Hykeham": an object, or one joined to it."""
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    return head.dep_ == "pobj"


def _after_its_title(head: Token) -> bool:
    """A person's name run on from the end of a title ("leader of the Commons Owen Heald", "spokesman for sport
    Hugh Robins"): the parser makes the name the title's object and hangs the title's last noun ("Commons",
    "sport", no person) on the name."""
    return any(c.dep_ == "compound" and c.i < head.i and (
        c.pos_ == "PROPN" and c.ent_type_ not in ("PERSON", "")
        or c.pos_ == "NOUN" and c.is_lower and head.ent_type_ == "PERSON" and c.i == head.left_edge.i)  # "for sport"
        and any(d.ent_type_ == "PERSON" and c.i < d.i < head.i for d in head.children) for c in head.children)


def _hyphen_modifier(t: Token) -> bool:
    """"Ballymena-born", "London-based", "Tory-led": a name glued to a word by a hyphen modifies a noun."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].is_lower and not doc[t.i + 1].whitespace_


def _path_to(t: Token, top: Token) -> list[str]:
    deps = []
    while t.i != top.i and t.head.i != t.i:
        deps.append(t.dep_)
        t = t.head
    return deps


def _bare_title(tok: Token) -> bool:
    """"The Senator said": a title after a determiner names nobody (but "Dean said" may be Howard Dean)."""
    if tok.lower_.rstrip(".") not in TITLES:
        return False
    i = tok.i - 1
    # "the shadow chancellor", "the prime minister", "the Trade and Industry Secretary"
    while i >= max(0, tok.i - 6) and (tok.doc[i].lower_ in ROLE_QUALIFIERS | TITLES | {"and", "&", "of"}
                                      or tok.doc[i].is_title and tok.doc[i].pos_ in ("PROPN", "NOUN", "ADJ")):
        i -= 1
    return i >= 0 and tok.doc[i].lower_ in ("the", "a", "an", "this")


def _new_actor(tok: Token, mentions: References) -> str | None:
    """A named speaker the entity layer missed becomes an actor, so every speaker has a page."""
    if _bare_title(tok):
        return None
    parts = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t.i == tok.i]
    parts = [t for t in parts if t.pos_ == "PROPN" and abs(t.i - tok.i) <= 3]
    name = " ".join(t.text for t in sorted(parts, key=lambda t: t.i)).strip()
    kind = "person" if tok.ent_type_ in ("", "PERSON") else "organization"
    return new_actor_named(name, mentions, kind)


def new_actor_named(name: str, mentions: References, kind: str = "person") -> str | None:
    if not name or len(name) < 3 or not name[0].isupper() or not re.fullmatch(r"[\w .’'-]+", name):
        return None
    if name in mentions.by_name:
        return name
    if kind == "organization" and name in mentions.places:
        return name  # "Japan branded North Korea …": the country speaks; it stays a place, not a new actor
    for a in mentions.actors:
        if name in a.aliases or (a.kind == "person" and a.name.split()[-1] == name):
            return a.name
    actor = Actor(name=name, kind=kind, mentions=1)
    mentions.actors.append(actor)
    mentions.by_name[name] = actor
    return name
