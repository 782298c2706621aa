"""Who each mention in an article means: names, he/she, role descriptions ("the minister", "the world
champion"), organisation descriptions ("the firm") and owners of speech acts, linked to the article's
actors with gender and number evidence, the roles the text gives, salience and sentence distance.

The quote layer asks it for speakers; it knows nothing about quotes beyond the character ranges they cover,
so mentions inside quotation marks are not taken for the narrator's references.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from generator.analyse import docs, gazetteer, names
from generator.analyse.entities import Entities
from generator.analyse.lexicon import (
    ANONYMOUS_NOUNS,
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
    VERB_FORMS,
    WEAK_SPEECH_VERBS,
    demonym_country,
    demonym_noun,
)
from generator.records import Actor

ANONYMOUS = "\x00unnamed:"
"""Prefix of the stand-in name of someone unnamed ("a resident said"), followed by the organisation they
speak for, if any ("a spokesman for Acme"): a later he/she means them, not the last named person."""
ACT_WITH_OBJECT = {"maintain", "add", "charge", "post"}
"""Speech verbs that with a noun object name an act (see `_thing_done`)."""


class References:
    """Where each actor is mentioned (names and resolved he/she), for mapping tokens to actors and
    resolving pronouns. A mention's rank (see `rank`) says how salient it is."""

    def __init__(self, doc: Doc, entities: Entities, actors: list[Actor], ranges, para_starts: list[int]):
        self.doc = doc
        self.actors = actors
        self.ranges = ranges
        self.para_starts = para_starts
        self.by_name = {a.name: a for a in actors}
        self.spans = [s for s in entities.spans if s[2] == "actor"]
        self.places = {s[3] for s in entities.spans if s[2] == "place"}
        self.starts = [s[0] for s in self.spans]
        sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in sents]
        self.gender = genders(doc, sents, self.spans, actors, ranges)
        self.events: list[tuple[int, str, int, int]] = []  # (char, name, rank, sentence start char)
        self.resolved: dict[int, str] = {}  # pronoun token index -> actor name
        self.modifiers: set[int] = set()  # where a name only qualifies a noun: not what "the firm" means
        self._nations: dict[str, str] | None = None  # person -> country, read when first asked (`nationalities`)
        self._sweep()

    # names ---------------------------------------------------------------------------------------------
    def actor_at(self, start: int, end: int) -> str | None:
        i = bisect.bisect_right(self.starts, end) - 1
        while i >= 0 and self.spans[i][1] > start - 60:
            s, e, _, name = self.spans[i]
            if s < end and start < e:
                return name
            i -= 1
        return None

    def kind(self, name: str) -> str:
        a = self.by_name.get(name)
        return a.kind if a else "person"

    def with_role(self, word: str, before: int, qualifiers: frozenset[str] = frozenset()) -> str | None:
        """The actor the text gave this role ("the chancellor": Chancellor Jane Doe); a qualified role
        ("Shadow Chancellor", "former chancellor") is another office unless the description says so too."""
        word = word.lower()
        holders = [a for a in self.actors if any(_holds(r.lower().split(), word, qualifiers) for r in a.roles)]
        if len(holders) == 1:
            return holders[0].name
        if holders:
            # the most recently mentioned holder
            i = bisect.bisect_left(self.starts, before) - 1
            names = {h.name for h in holders}
            while i >= 0:
                if self.spans[i][3] in names:
                    return self.spans[i][3]
                i -= 1
        return None

    def count_references(self) -> None:
        """Add the he/she references resolved to each actor to its mention count, so an actor named once
        and then referred to as "she" throughout counts as often as the text speaks of them."""
        for name, n in Counter(self.resolved.values()).items():
            if name in self.by_name:
                self.by_name[name].mentions += n

    # descriptions --------------------------------------------------------------------------------------
    def description_kind(self, noun: Token, definite: bool = False) -> str | None:
        """"person" for "the minister", "the Oscar-nominated actor", "the 28-year-old", "its chairman";
        "organization" for "the firm", "the party"; None for a noun that is no definite description."""
        low = noun.lower_
        if is_age(noun):
            return "person" if definite or _definite(noun) else None
        if demonym_noun(noun.text) and (definite or _definite(noun)):
            return "person"  # "the Frenchman", "the American"
        if not (noun.pos_ == "NOUN" or noun.pos_ == "PROPN" and low in PERSON_NOUNS) \
                or not (definite or _definite(noun)):  # "the Labour MP": the tagger's PROPN too
            return None
        if low in ROLE_WORDS or low in PERSON_NOUNS:
            return "person"
        return "organization" if low in ORG_NOUNS else None

    def described(self, noun: Token, exclude: set[str] = frozenset(), definite: bool = False) -> str | None:
        """The actor a definite description means: for a person, the actor the text gave that role, else
        the most salient person just before (of the noun's gender, never one named inside the description:
        "the Ballymena-born actor" is not Ballymena); for an organisation, the most recent one."""
        kind = self.description_kind(noun, definite)
        if kind == "organization":
            return self.org_before(noun.idx)
        if kind != "person":
            return None
        holder = self.with_role(noun.lower_, noun.idx, qualifiers_of(noun))
        if holder and holder not in exclude:
            return holder
        low = noun.lower_
        gender = "m" if low in MALE_WORDS else "f" if low in FEMALE_WORDS else demonym_noun(low) or "s"
        if demonym_noun(low) and (country := demonym_country(low)):
            return self._of_nation(noun, country, gender, set(exclude))
        if low in TITLES:  # "the governor" is nobody the text gave another title ("Mayor Tom Reyes")
            exclude = set(exclude) | {a.name for a in self.actors if a.roles and not any(
                low in r.lower().split() for r in a.roles)}
        return _named(self.recent_person(noun.idx, gender, self.sent_start(noun.idx), floor_paragraphs=2,
                                         exclude=exclude))

    def _of_nation(self, noun: Token, country: str, gender: str, exclude: set[str]) -> str | None:
        """"the Frenchman", "said the Briton": the person just named whom the text gives that nation (French
        Jane Doe, France's Jane Doe), else the one just named whom it gives no other nation."""
        nations = self.nationalities()
        others = {n for n, c in nations.items() if c != country}
        unmatched = {a.name for a in self.actors if a.kind == "person"} - {
            n for n, c in nations.items() if c == country}
        for skip in (exclude | others | unmatched, exclude | others):
            found = _named(self.recent_person(noun.idx, gender, self.sent_start(noun.idx), floor_paragraphs=2,
                                              exclude=skip))
            if found:
                return found
        return None

    def nationalities(self) -> dict[str, str]:
        """The nation the text gives each person: a nationality or country's before a mention ("American
        Andy Roddick", "France's Amelie Marchand"), or in a role ("Russian President")."""
        if self._nations is not None:
            return self._nations
        text = docs.text(self.doc)
        out: dict[str, str] = {}
        for start, _end, _, name in self.spans:
            if self.kind(name) != "person" or name in out:
                continue
            before = re.search(r"([A-Z][\w-]*)(['’]s)? $", text[max(0, start - 40):start])
            country = None
            if before and not before[2]:
                country = demonym_country(before[1])
            elif before:
                hit = gazetteer.resolve(before[1])
                country = hit.country if hit is not None and hit.kind == "country" else None
            if country is None:
                a = self.by_name.get(name)
                country = next((c for r in (a.roles if a else []) for w in r.split()
                                if (c := demonym_country(w)) and w[:1].isupper()), None)
            if country:
                out[name] = country
        self._nations = out
        return out

    # salience ------------------------------------------------------------------------------------------
    def _sweep(self) -> None:
        """Walk the text in order, resolving he/she subjects as we go, so a later pronoun can lean on an
        earlier one ("He added…" then "…," he said)."""
        pronouns = [t for t in self.doc if not in_quotes(t.idx, self.ranges) and (
            t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") or _org_description(t))]
        pi = 0
        for s, _end, _, name in sorted(self.spans + self._unlinked_names() + self._unnamed_people()):
            while pi < len(pronouns) and pronouns[pi].idx < s:
                self._resolve_event(pronouns[pi])
                pi += 1
            if in_quotes(s, self.ranges):
                continue
            tok = self._token(s)
            if tok is not None:
                self.events.append((s, name, rank(tok), self.sent_start(s)))
                if tok.dep_ in ("compound", "npadvmod", "amod", "nmod") and tok.head.pos_ == "NOUN":
                    self.modifiers.add(s)  # "Social Security numbers", "the Labour-run council"
        for tok in pronouns[pi:]:
            self._resolve_event(tok)

    def _unlinked_names(self) -> list[tuple[int, int, str, str]]:
        """Subjects that name a known person the entity layer did not link here ("Doe, a lawyer, said")."""
        by_word = {}
        for a in self.actors:
            if a.kind == "person":
                for n in [a.name] + a.aliases + [a.name.split()[-1]]:
                    by_word.setdefault(n, a.name)
        out = []
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.text in by_word \
                    and not self.actor_at(tok.idx, tok.idx + len(tok.text)):
                out.append((tok.idx, tok.idx + len(tok.text), "actor", by_word[tok.text]))
        return out

    def _unnamed_people(self) -> list[tuple[int, int, str, str]]:
        """Subjects that are someone without a name ("a resident", "one worker", "a spokesman for Acme"), as
        stand-ins (see ANONYMOUS), so that the next "she said" is theirs and not the last named person's."""
        out = []
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in ANONYMOUS_NOUNS \
                    or in_quotes(tok.idx, self.ranges):
                continue
            if not any((c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or
                       (c.dep_ == "nummod" and c.lower_ == "one") for c in tok.children):
                continue
            org = next((self.actor_at(t.idx, t.idx + len(t.text)) for c in tok.children if c.dep_ == "prep"
                        and c.lower_ in ("for", "of", "at", "from") for t in c.children if t.dep_ == "pobj"), None)
            org = org if org and self.kind(org) in ("organization", "group") else ""
            out.append((tok.idx, tok.idx + len(tok.text), "actor", ANONYMOUS + org))
        return out

    def _resolve_event(self, tok: Token) -> None:
        if tok.lower_ in ORG_NOUNS:  # "The firm, which supplies …": the chain goes on through it
            name = self.org_before(tok.idx)
            if name:
                self.events.append((tok.idx, name, rank(tok), self.sent_start(tok.idx)))
            return
        name = self.recent_person(tok.idx, PRONOUNS[tok.lower_], self.sent_start(tok.idx))
        if name:
            self.resolved[tok.i] = name
            self.events.append((tok.idx, name, rank(tok), self.sent_start(tok.idx)))

    def pronoun(self, tok: Token) -> str | None:
        if tok.i in self.resolved:
            return _named(self.resolved[tok.i])
        return _named(self.recent_person(tok.idx, PRONOUNS.get(tok.lower_, "s"), self.sent_start(tok.idx)))

    def person_before(self, char: int) -> str | None:
        """The person (of either gender) the text is about just before `char`, as callers see names."""
        return _named(self.recent_person(char, "s", self.sent_start(char)))

    def recent_person(self, before: int, gender: str, sent_start: int, floor_paragraphs: int = 2,
                      exclude: set[str] = frozenset()) -> str | None:
        """The person a he/she at `before` most likely means, never one of the other gender: the most
        salient subject of this or the previous sentence, else the most recent main-clause subject, else the
        most recent person, within the last `floor_paragraphs` paragraphs."""
        para = bisect.bisect_right(self.para_starts, before) - 1
        floor = self.para_starts[max(0, para - floor_paragraphs)]
        cands = []
        for s, name, rank, sent in reversed(self.events):
            if s >= before:
                continue
            if s < floor or len(cands) > 40:
                break
            if self.kind(name) != "person" or (gender in "mf" and self.gender.get(name, gender) != gender) \
                    or name in exclude:
                continue
            cands.append((s, name, rank, sent))
        if not cands:
            return None
        prev_sent = self._sentence_before(sent_start)
        same = [c for c in cands if c[3] >= sent_start and c[2] >= 2]
        if same:  # "Doe, 46, who lives nearby, said he …": a subject earlier in the same sentence comes first
            return max(same, key=lambda c: (c[2], c[0]))[1]
        near = [c for c in cands if c[3] >= prev_sent and c[2] >= 1]
        if near:  # the most salient subject of the sentence just before
            return max(near, key=lambda c: (c[2], c[0]))[1]
        for pool in ([c for c in cands if c[2] >= 2], [c for c in cands if c[2] == 1], cands):
            if pool:
                return pool[0][1]
        return None

    def org_before(self, char: int) -> str | None:
        """The organisation "the firm" at `char` means: the salient one, else the most recent one named."""
        return self.salient_org(char, self.sent_start(char)) or recent_org(self, char)

    def salient_org(self, before: int, sent_start: int) -> str | None:
        """The organisation "the firm" or "the party" most likely means: the most salient one named in the
        sentence before (its subject over an object: "Carrow agreed to be bought by Delmont. The firm's board
        said" is Carrow), else the most recent subject among organisations in the last two paragraphs."""
        para = bisect.bisect_right(self.para_starts, before) - 1
        floor = self.para_starts[max(0, para - 2)]
        cands = [e for e in self.events if floor <= e[0] < before and self.kind(e[1]) in ("organization", "group")
                 and e[0] not in self.modifiers]
        if not cands:
            return None
        prev_sent = self._sentence_before(sent_start)
        near = [c for c in cands if c[3] >= prev_sent]
        if near:
            return max(near, key=lambda c: (c[2], c[0]))[1]
        subjects = [c for c in cands if c[2] >= 2]
        return (subjects or cands)[-1][1]

    def sent_start(self, char: int) -> int:
        return self.sent_starts[max(0, bisect.bisect_right(self.sent_starts, char) - 1)]

    def _sentence_before(self, sent_start: int) -> int:
        """Where the previous sentence starts, passing over sentences that are all quotation."""
        i = bisect.bisect_right(self.sent_starts, sent_start) - 1
        for _ in range(4):
            if i <= 0:
                break
            i -= 1
            start, end = self.sent_starts[i], self.sent_starts[i + 1]
            quoted = sum(max(0, min(b, end) - max(a, start)) for a, b in self.ranges)
            if quoted < (end - start) / 2:
                break
        return self.sent_starts[max(0, i)]

    def _token(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return name_head(span[0])


def _named(name: str | None) -> str | None:
    """A resolved name as callers see it: someone unnamed is nobody, or the organisation they speak for."""
    if name and name.startswith(ANONYMOUS):
        return name[len(ANONYMOUS):] or None
    return name


def rank(tok: Token) -> int:
    """3: the sentence's subject; 2: subject of a coordinated clause or of a speech verb (or "said X"), or a
    name introduced with its role; 1: another subject; 0: otherwise."""
    if tok.dep_ in ("appos", "compound") and tok.head.lower_ in ROLE_WORDS | TITLES:
        tok = tok.head  # "Spokesman John Doe said", "the spokesman, John Doe, said"
    elif tok.dep_ == "appos" and tok.head.ent_type_ in ("GPE", "LOC") and tok.head.i == tok.sent.start:
        tok = tok.head  # a dateline the parser took for the subject: "MINNEAPOLIS — NorthStar Health said"
    if tok.dep_ in ("nsubj", "nsubjpass"):
        head = tok.head
        if head.dep_ == "ROOT":
            return 3
        return 2 if head.dep_ == "conj" or is_cue(head) else 1
    if tok.dep_ in ("dobj", "attr", "npadvmod") and tok.i > tok.head.i and is_cue(tok.head):
        return 2
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in tok.children):
        return 2  # "… concerns Henry Crespo, president of the caucus." introduces the next quote's speaker
    if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        # "Mr Doe's e-mail suggested …": the owner of what speaks is who the next "he" means
        return 3 if tok.head.head.dep_ == "ROOT" else 2
    return 0


def genders(doc: Doc, sents: list[Span], spans, actors: list[Actor], ranges) -> dict[str, str]:
    """Each person's gender as the text shows it: honorifics and role words ("Mrs.", "spokeswoman"), and a
    he/she subject right after a sentence whose only person is its subject ("Doe left. She said…")."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for a in actors:
        for w in re.findall(r"[a-z]+", " ".join([a.name] + a.aliases + a.roles).lower()):
            votes[a.name]["m" if w in MALE_WORDS else "f" if w in FEMALE_WORDS else "-"] += 3
        words = a.name.split() if a.kind == "person" else []
        first, sure = names.gender_evidence(words[0]) if words else (None, 0)
        if first and len(words) >= 2:
            votes[a.name][first] += sure  # a given name is evidence, weaker than "Mrs." or a he/she
        elif first and names.is_given_name(words[0]):
            votes[a.name][first] += 1  # "Melanie said": a first name alone (or a surname)
    for s, _, _, name in spans:
        word = re.search(r"(\w+)\.?\s*$", docs.text(doc)[max(0, s - 8):s])  # "Mrs. Doe", "her husband Doe"
        low = word.group(1).lower() if word else ""
        if low in MALE_WORDS | FEMALE_WORDS and low not in PRONOUNS:
            votes[name]["m" if low in MALE_WORDS else "f"] += 3
    starts = [s.start_char for s in sents]
    people: dict[int, list[tuple[int, str, int]]] = defaultdict(list)  # sentence -> (char, name, rank)
    for s, _, _, name in spans:
        tok = doc.char_span(s, s + 1, alignment_mode="expand")
        if not in_quotes(s, ranges) and tok is not None and len(tok):
            people[bisect.bisect_right(starts, s) - 1].append((s, name, rank(name_head(tok[0]))))
    for i, sent in enumerate(sents):
        pron = [t for t in sent if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
                and not in_quotes(t.idx, ranges)]
        if not pron:
            continue
        before = [p for p in people.get(i, []) if p[0] < pron[0].idx] or (people.get(i - 1, []) if i else [])
        if before and len({p[1] for p in before}) == 1 and max(p[2] for p in before) >= 1:
            votes[before[0][1]][PRONOUNS[pron[0].lower_]] += 2
    out = {}
    for name, v in votes.items():
        if v["m"] > v["f"]:
            out[name] = "m"
        elif v["f"] > v["m"]:
            out[name] = "f"
    return out


def name_head(tok: Token) -> Token:
    """The head of a name: the last token of its compound chain (not "campaign" in "the Doe campaign")."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def lemma(tok: Token) -> str:
    low = tok.lower_
    if low in VERB_FORMS:
        return VERB_FORMS[low]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                         ("d", "")):
        if low.endswith(suffix):
            cand = low[: -len(suffix)] + repl
            if cand in SPEECH_VERBS:
                return cand
    if low.endswith("ing") and low[:-3] + "e" in SPEECH_VERBS:
        return low[:-3] + "e"
    return low


def is_cue(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and lemma(tok) in SPEECH_VERBS and not (
        lemma(tok) in WEAK_SPEECH_VERBS and not has_quote_neighbour(tok)) and not _thing_done(tok)


def _thing_done(tok: Token) -> bool:
    """"maintain schools", "added 200 jobs", "charged a fee": with a noun for its object such a verb is an act,
    not speech (speech takes a clause or the quotation: "maintained that ...", "added: ...")."""
    return lemma(tok) in ACT_WITH_OBJECT and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") and c.text[:1] not in "“\"'‘"
        for c in tok.children)


def has_quote_neighbour(tok: Token) -> bool:
    """Weak cue verbs ("continued", "put it") count only right next to quotation or a colon."""
    doc = tok.doc
    window = docs.text(doc)[max(0, tok.idx - 4):tok.idx + len(tok.text) + 6]
    return any(c in window for c in "“”\":")


def in_quotes(i: int, quote_ranges: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in quote_ranges)


def recent_org(mentions: References, before: int) -> str | None:
    i = bisect.bisect_left(mentions.starts, before) - 1
    while i >= 0 and before - mentions.spans[i][0] < 600:
        name = mentions.spans[i][3]
        if mentions.kind(name) in ("organization", "group") and mentions.spans[i][0] not in mentions.modifiers:
            return name
        i -= 1
    return None


ROLE_QUALIFIERS = {"shadow", "former", "deputy", "vice", "assistant", "acting", "ex", "junior", "under", "interim"}


def _holds(role: list[str], word: str, qualifiers: frozenset[str]) -> bool:
    if word not in role:
        return False
    before = set(role[:role.index(word)]) & ROLE_QUALIFIERS
    return before <= qualifiers


def qualifiers_of(noun: Token) -> frozenset[str]:
    """"shadow" in "the shadow chancellor", "former" in "the former minister"."""
    return frozenset(c.lower_.strip("-") for c in noun.children if c.dep_ in ("amod", "compound")) & ROLE_QUALIFIERS


def is_age(tok: Token) -> bool:
    """"old" in "the 28-year-old" (tokens 28, -, year, -, old): a person described by their age."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 3 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in (
        "year", "years")


def _org_description(t: Token) -> bool:
    """"the firm", "the company's", as the subject or object of its clause."""
    return t.pos_ == "NOUN" and t.lower_ in ORG_NOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children)


def _definite(noun: Token) -> bool:
    """"the/this/that X", "its/his/her X", "the firm's X": a description that refers back."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in noun.children)
