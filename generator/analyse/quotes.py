"""Who said what: the speaker of every quote span (see `spans`), plus reported speech.

1. Cue: a dash byline after the quote (“…” ― Jane Doe), a transcript label ("DOE: …"), a round-up label
   ("Jane Doe, The Post: “…”") or a pull-quote credit on the next line; else the speech verb that governs
   the quote (up its dependency chain; a closing ", X said" owns the reported speech inside its sentence);
   else, for a phrase quoted mid-sentence, the clause that quotes it; else the nearest speech verb outside
   quotes in the sentences that touch it, a paragraph ending in a colon that introduces it ("She said:"),
   or "according to X".
2. Speaker: the cue's subject, mapped to an actor (`naming`) through the reference layer (`references`: names, he/she,
   descriptions such as "the minister", owners of statements). After the quote ("…," X said / said X /
   said its chairman, Sir X) the words are read in order, since the parse there is often broken.
3. No cue: the segments of one quotation share its speaker; a phrase quoted inside a sentence belongs to
   the subject of the clause that quotes it ("X called Y “a liar”"); a quotation standing alone after a
   sentence about someone belongs to that sentence's subject. Otherwise None.
4. Confidence: each speaker carries how sure the evidence that named it is (CONFIDENCE).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from generator.analyse import docs
from generator.analyse.entities import Entities
from generator.analyse.lexicon import PRONOUNS, SPEECH_VERBS
from generator.analyse.naming import NOMINAL, name_from_token, new_actor_named, nominal_subjects, possessor, speaker_in
from generator.analyse.references import References, in_quotes, is_age, is_cue, lemma
from generator.analyse.spans import QUOTE_MARKS, QSpan, find_spans, kind_of, starts_sentence
from generator.records import Actor, Quote

DASH_BYLINE = re.compile(r"^[^\S\n.,]*[.,]?[^\S\n]*[―—–][^\S\n]*((?:[A-Z][\w.'’-]*\.?[^\S\n]?){1,5})")
INVERTED_START = {"said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "explained", "noted"}
CONFIDENCE = {
    "byline": 0.95,  # “…” ― Jane Doe; a transcript label
    "name": 0.95,  # the speech verb's subject names the speaker
    "pronoun": 0.9,  # "…," she said: resolved to the salient person of that gender
    "paragraph": 0.9,  # a quote with no cue beside an attributed one in the same or the previous paragraph
    "description": 0.85,  # "the minister said": the actor with that role, or the salient person
    "clause": 0.8,  # a phrase quoted inside a clause is its subject's
    "according": 0.6,  # according to Jane Doe
    "inherited": 0.6,  # a subjectless "…, adding" speaks for an earlier subject
    "previous": 0.6,  # a quotation standing alone after a sentence about someone
}
"""How sure each way of finding a speaker is, recorded per quote (`Quote.confidence`): the share of right
speakers each kind of evidence gave on the two dev sets together (1,000 quotes, US and British), rounded
down; kinds seen fewer than ten times there are put at 0.6. The site marks attributions below
`records.UNCERTAIN` for the reader to check."""


def extract(doc: Doc, para_starts: list[int], entities: Entities, actors: list[Actor]) -> list[Quote]:
    spans = find_spans(docs.text(doc), para_starts)
    ranges = [(s.start, s.end) for s in spans]
    mentions = References(doc, entities, actors, ranges, para_starts)
    for q in spans:
        _attribute(doc, q, spans, mentions, para_starts)
    _propagate(doc, spans, para_starts, mentions)
    for q in spans:
        if q.speaker is None and not q.own_cue:  # "a source said" stays unknown
            _fallback(doc, q, ranges, mentions)
    _share_within_runs(spans)
    quotes = [
        Quote(text=docs.text(doc)[q.start:q.end].strip(), speaker=q.speaker, kind=kind_of(docs.text(doc), q), cue=q.cue,
              paragraph=q.paragraph, confidence=CONFIDENCE[q.evidence] if q.speaker and q.evidence else None)
        for q in spans
    ]
    quotes += _indirect(doc, spans, mentions, para_starts)
    quotes.sort(key=lambda q: (q.paragraph if q.paragraph is not None else -1))
    mentions.count_references()
    return [q for q in quotes if q.text]


# --- 2 and 3. cue and speaker ---------------------------------------------------------------------------

def _attribute(doc: Doc, q: QSpan, spans: list[QSpan], mentions: References, para_starts: list[int]) -> None:
    """The quote's own cue and speaker, strongest evidence first (see the module docstring)."""
    ranges = [(s.start, s.end) for s in spans]
    if q.label:
        q.speaker, q.evidence = _transcript_speaker(q.label, mentions), "byline"
        return
    byline = _dash_byline(doc, q, mentions) or _transcript_label(doc, q, mentions) or _label_before(
        doc, q, mentions, para_starts) or _name_line_after(doc, q, mentions, para_starts)
    if byline:
        q.speaker, q.cue, q.own_cue, q.evidence = byline, "―", True, "byline"
        return
    cue = _governing_cue(doc, q, ranges)
    if cue is None or cue.idx < q.start:
        cue = _closing_attribution(doc, q, ranges) or cue
    if cue is None and not starts_sentence(docs.text(doc), q.start):
        speaker = _inside_clause(doc, q, ranges, mentions)
        if speaker:
            q.speaker, q.evidence = speaker, "clause"
            return
    cue = cue or _nearest_cue(doc, q, ranges) or _colon_cue(doc, q, ranges, para_starts)
    if cue is not None:
        q.cue = cue.text
        q.own_cue = True
        q.speaker, q.evidence = _speaker_of(cue, q, ranges, mentions)
        return
    acc = _according_to(doc, q, ranges)
    if acc is not None:
        q.cue = "according to"
        q.own_cue = True
        q.speaker, q.evidence = name_from_token(acc, q, ranges, mentions), "according"


def _closing_attribution(doc: Doc, q: QSpan, ranges) -> Token | None:
    """", Mr Thomas said." closing the sentence: the whole sentence is that speaker's, reported speech inside
    it included ("Guidance said e-mails served “no purpose”, Mr Thomas said": Thomas, not the guidance)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[-1].sent
    words = [t for t in sent if not t.is_punct]
    cues = [t for t in words[-6:] if t.idx > q.end and is_cue(t) and not in_quotes(t.idx, ranges)]
    if not cues:
        return None
    cue = cues[-1]
    gap = docs.text(doc)[q.end + 1:cue.idx]
    comma = gap.rfind(",")
    if comma < 0 or any(c in gap for c in QUOTE_MARKS):
        return None
    between = [t for t in sent if q.end + 1 + comma < t.idx < cue.idx]
    after = [t for t in sent if t.i > cue.i and not t.is_punct]
    if len(between) > 6 or any(t.pos_ in ("VERB", "AUX") for t in between + after) or len(after) > 6:
        return None
    return cue


def _dash_byline(doc: Doc, q: QSpan, mentions: References) -> str | None:
    """“…” ― Jane Doe: a name after a dash right behind the closing mark (vox pops, epigraphs)."""
    tail = docs.text(doc)[q.end + 1:q.end + 80].split("\n", 1)[0]
    m = DASH_BYLINE.match(tail)
    if not m or tail[m.end():].strip(" .\u00a0"):
        return None  # the name must end the paragraph: "“…” — Doe's word — was…" is no byline
    start = q.end + 1 + m.start(1)
    name = mentions.actor_at(start, start + len(m.group(1).strip()))
    return name or new_actor_named(m.group(1).strip(" .,"), mentions)


NAME_WORDS = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin))*"
LABEL = re.compile(r"^\s*(?:[-•*]\s*)?(" + NAME_WORDS + r")(?:\s*\([^()]{1,40}\)|,\s*[^,:;.]{1,50})?\s*[:—–]\s*$")
"""A round-up's label before a quotation: "Jane Doe, The Daily Post: “…”", "Jane Doe (Labour): “…”"."""
NAME_LINE = re.compile(r"^\s*[―—–-]?\s*(" + NAME_WORDS + r")(?:,\s*[^.;:!?]{1,60})?\.?\s*$")
"""A pull-quote's credit on a line of its own: "― Jane Doe, lawyer"."""


def _label_before(doc: Doc, q: QSpan, mentions: References, para_starts: list[int]) -> str | None:
    """A round-up entry: the paragraph opens with a name (and outlet or party) and a colon, then the quote."""
    start = para_starts[q.paragraph]
    m = LABEL.match(docs.text(doc)[start:max(start, q.start - 1)])
    if not m or len(m.group(1).split()) > 5:
        return None
    s = start + m.start(1)
    return mentions.actor_at(s, s + len(m.group(1))) or _named_entity(doc, s, m.group(1), mentions)


def _named_entity(doc: Doc, start: int, label: str, mentions: References) -> str | None:
    """A label or credit that the model reads as a person or organisation becomes an actor; a heading
    ("On The Economy:", "READ MORE") does not."""
    span = doc.char_span(start, start + len(label), alignment_mode="expand")
    kinds = {t.ent_type_ for t in span or []}
    if "PERSON" in kinds:
        return new_actor_named(label, mentions)
    if "ORG" in kinds:
        return new_actor_named(label, mentions, "organization")
    return None


def _name_line_after(doc: Doc, q: QSpan, mentions: References, para_starts: list[int]) -> str | None:
    """A pull-quote: a paragraph that is only the quotation, credited by the next paragraph, a name alone."""
    text = docs.text(doc)
    p = q.paragraph
    if p + 1 >= len(para_starts) or text[para_starts[p]:q.start - 1].strip():
        return None
    if text[q.end + 1:para_starts[p + 1]].strip(" .,\n" + QUOTE_MARKS):
        return None
    nxt = _paragraph_text(text, p + 1, para_starts)
    m = NAME_LINE.match(nxt)
    if not m or len(m.group(1).split()) > 4:
        return None
    line = doc.char_span(para_starts[p + 1], para_starts[p + 1] + len(nxt), alignment_mode="expand")
    if line is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in line):
        return None  # "Bannon, 22, said he had …" is a sentence of its own, not a credit
    s = para_starts[p + 1] + m.start(1)  # a short line after a quote is a credit only if it names someone
    return mentions.actor_at(s, s + len(m.group(1))) or _named_entity(doc, s, m.group(1), mentions)


def _transcript_speaker(label: str, mentions: References) -> str | None:
    """A transcript label's speaker: "Q" is the unnamed interviewer, "A" the person the article is about
    (its most mentioned person), a name the actor it names."""
    people = [a for a in mentions.actors if a.kind == "person"]
    if label == "Q":
        return None
    if label == "A":
        return max(people, key=lambda a: a.mentions).name if people else None
    low = label.lower().strip(". ")
    for a in people:
        if low in (a.name.lower(), a.name.split()[-1].lower(), *(x.lower() for x in a.aliases)):
            return a.name
    return new_actor_named(label.title(), mentions) if len(label.split()) >= 2 else None


def _transcript_label(doc: Doc, q: QSpan, mentions: References) -> str | None:
    """"SMITH: Thank you…" in a quoted transcript: the capitalised label names the speaker."""
    m = re.match(r"([A-Z][A-Z.'’ -]{1,30}):\s", docs.text(doc)[q.start:q.start + 34])
    if not m:
        return None
    label = m.group(1).strip().title()
    for a in mentions.actors:
        if a.kind == "person" and label in (a.name, a.name.split()[-1], *a.aliases):
            return a.name
    return None


def _sentences_touching(doc: Doc, q: QSpan) -> list[Span]:
    first = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    last = doc.char_span(max(q.start, q.end - 1), max(q.start, q.end - 1) + 1, alignment_mode="expand")
    sents = []
    for sp in (first, last):
        if sp is not None and len(sp) and sp[0].sent not in sents:
            sents.append(sp[0].sent)
    # attribution just after the closing mark may sit in the next "sentence" ("…." he said.), but not where
    # the sentence ended after the mark ("… “agents not equipped”. This, Ms Doe warns, is …")
    text = docs.text(doc)
    if sents and (text[q.end - 1:q.end] in ".!?…" or text[q.end + 1:q.end + 3].strip()[:1].islower()):
        end = sents[-1].end
        if end < len(doc) and doc[end].idx - q.end < 4:
            nxt = doc[end].sent
            if nxt not in sents and len(nxt) <= 25 and "\n" not in text[q.end:nxt.start_char] and _tail(nxt):
                sents.append(nxt)
    return sents


def _tail(sent: Span) -> bool:
    """An attribution split off by the parser ("he said.", "said Mr Doe, the chairman.", "…, according to
    Doe."): a speech verb that reports nothing else (no clause of its own: "Doe said the plan…" is news)."""
    return any(is_cue(t) and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
               or t.lower_ == "according" for t in sent)


def _governing_cue(doc: Doc, q: QSpan, ranges) -> Token | None:
    inside = [t for t in doc.char_span(q.start, q.end, alignment_mode="expand") or []]
    if not inside:
        return None
    roots = [t for t in inside if not (q.start <= t.head.idx < q.end) or t.head.i == t.i]
    for r in roots[:3]:
        tok, steps = r, 0
        while steps < 4 and tok.head.i != tok.i:
            child, tok = tok, tok.head
            steps += 1
            if in_quotes(tok.idx, ranges):
                continue
            if is_cue(tok):  # an act verb, or words that only say how ("respond “in a timely manner”")
                reported = lemma(tok) in REPORTED_ACTS or child.dep_ in ("advmod", "npadvmod") or (
                    child.dep_ == "prep" and child.lower_ != "as")  # "described it as “…”" is the speech
                return _reporting_cue(tok, ranges) if reported else tok
            if _named_clause(tok, child, ranges):
                return None  # "as Doe went on about “…”, Roe said": Doe's words, not Roe's
    return None


REPORTED_ACTS = {"offer", "share", "express", "order", "rule", "figure", "put", "begin", "continue"}
"""Weak cues that are acts more than speech: inside reported speech ("Doe told members the party offered a
“reckless agenda”") the quoted words are the reporter's description, not the party's."""


def _reporting_cue(cue: Token, ranges) -> Token:
    """The speech verb that reports the clause `cue` stands in, if any (up a ccomp chain), else `cue`."""
    tok = cue
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
        if not in_quotes(tok.idx, ranges) and is_cue(tok) and lemma(tok) not in REPORTED_ACTS \
                and nominal_subjects(tok, ranges):
            return tok
    return cue


def _named_clause(verb: Token, child: Token, ranges) -> bool:
    """An adverbial clause of its own ("as/while Doe …") between a partial quote and a speech verb further
    up: a verb (not "be") with a named subject that takes the quoted words as its object or through a
    preposition. (A clause reported by the speech verb, "Roe said Doe has “…”", is Roe's words.)"""
    return verb.pos_ == "VERB" and verb.dep_ == "advcl" and lemma(verb) not in ("be", "have") and child.dep_ in (
        "dobj", "prep", "pobj", "oprd", "attr", "xcomp") and any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" and not in_quotes(c.idx, ranges) for c in verb.children)


def _nearest_cue(doc: Doc, q: QSpan, ranges) -> Token | None:
    best, best_d = None, 10 ** 9
    for sent in _sentences_touching(doc, q):
        for t in sent:
            if in_quotes(t.idx, ranges) or not is_cue(t):
                continue
            d = t.idx - q.end if t.idx >= q.end else q.start - t.idx
            # a cue inside another quote's attribution belongs to that quote
            between = docs.text(doc)[min(t.idx, q.end):max(t.idx, q.start)]
            if any(c in between for c in QUOTE_MARKS) and d > 0 and not (t.idx >= q.end and d < 5):
                d += 200
            if d < best_d:
                best, best_d = t, d
    return best if best_d < 400 else None


def _colon_cue(doc: Doc, q: QSpan, ranges, para_starts: list[int]) -> Token | None:
    """A quotation paragraph introduced by the previous one ending in a colon ("The paper reports:")."""
    if q.paragraph == 0 or q.start - para_starts[q.paragraph] > 2:
        return None
    intro = _paragraph_text(docs.text(doc), q.paragraph - 1, para_starts)
    if not intro.endswith(":"):
        return None
    end = para_starts[q.paragraph - 1] + len(intro) - 1
    span = doc.char_span(end, end + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cues = [t for t in span[0].sent if lemma(t) in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")
            and not in_quotes(t.idx, ranges)]
    return cues[-1] if cues else None


def _according_to(doc: Doc, q: QSpan, ranges) -> Token | None:
    for sent in _sentences_touching(doc, q):
        for t in sent:
            if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
                if not in_quotes(t.idx, ranges):
                    obj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                    return obj[0] if obj else doc[t.i + 2]
    return None


ADDRESSED = {"tell", "inform", "advise", "assure", "reassure", "warn", "ask", "instruct", "order", "brief",
             "remind", "urge"}
"""Speech verbs whose object is the hearer: in the passive their subject is who was spoken to."""


def _subject(cue: Token, ranges=()) -> Token | None:
    """Who does the speaking: the verb's nominal subject (climbing from "…, adding" or "by saying" to the
    clause it hangs on), the agent of a passive, the noun a participle describes ("Trump saying"), or the
    name after an inverted verb ("said Jane Doe", "Said Doe:")."""
    tok = cue
    for _ in range(4):
        subj = [c for c in nominal_subjects(tok, ranges)
                if not (c.dep_ == "nsubjpass" and lemma(tok) in ADDRESSED)]  # "jurors were told": the hearers
        if subj:
            return min(subj, key=lambda c: abs(c.i - cue.i))
        if tok is cue and tok.dep_ == "relcl" and tok.head.pos_ in NOMINAL and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in tok.children):
            return tok.head  # "Lena Moss, who told reporters on Tuesday: …"
        agent = [c for c in tok.children if c.dep_ == "agent"]
        if agent:
            pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
            if pobj:
                return pobj[0]
        if tok.dep_ == "acl" and tok.head.pos_ in NOMINAL and tok.head.i < tok.i:
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.head.i != tok.head.i:
            tok = tok.head.head
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "ccomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    # inverted "said X" parsed with X as an object or attribute, or "Said X:" parsed as a compound
    for c in cue.children:
        if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.i > cue.i and (c.pos_ == "PROPN" or c.ent_type_):
            return c
    if cue.lower_ in INVERTED_START and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].pos_ == "PROPN":
        nxt = cue.doc[cue.i + 1]
        while nxt.dep_ in ("compound", "flat") and nxt.head.i > nxt.i:
            nxt = nxt.head
        if not (nxt.dep_ in ("nsubj", "nsubjpass") and nxt.head.i != cue.i):
            return nxt  # but in "…, said Marsh would be “dangerous”" Marsh is what was said, not who said it
    # a finite verb the parse left without a subject, right after ", Jane Doe," ("…'s chief executive, Jane
    # Doe, said"): the name set off by commas before it
    doc = cue.doc
    if cue.tag_ in ("VBD", "VBZ", "VBP") and cue.i >= 2 and doc[cue.i - 1].text == "," \
            and doc[cue.i - 2].pos_ == "PROPN" and not in_quotes(doc[cue.i - 2].idx, ranges):
        return doc[cue.i - 2]
    return None


def _speaker_of(cue: Token, q: QSpan, ranges, mentions: References) -> tuple[str | None, str]:
    """The cue's speaker and the kind of evidence that names it (a key of CONFIDENCE)."""
    stretch = _attribution_after(cue, q)
    if stretch is not None:
        return speaker_in(stretch, q, ranges, mentions), _evidence(stretch, mentions)
    subj = _subject(cue, ranges)
    how = None
    if subj is None and cue.tag_ in ("VB", "VBG"):
        subj, how = _inherited_subject(cue, ranges), "inherited"
    if subj is None:
        return None, "name"
    return name_from_token(subj, q, ranges, mentions), how or _evidence(_with_names_beside(subj), mentions)


def _with_names_beside(subj: Token) -> list[Token]:
    return [subj] + [c for c in subj.children if c.dep_ in ("appos", "compound", "flat")]


def _evidence(words: list[Token], mentions: References) -> str:
    """A pronoun, a name, or else a description names the speaker in these words."""
    if any(t.lower_ in PRONOUNS and t.dep_ != "poss" and not possessor(t) for t in words):
        return "pronoun"
    if any(t.pos_ == "PROPN" or mentions.actor_at(t.idx, t.idx + len(t.text)) for t in words):
        return "name"
    return "description"


def _inherited_subject(cue: Token, ranges) -> Token | None:
    """"Doe said, going on to say …", "…, adding …": a speech verb with no subject of its own (an infinitive or
    participle) speaks for the subject of the sentence's last finite speech verb before it, when the parse
    hangs it elsewhere (often on a verb inside the quotation); a participle with no such verb before it, for
    the subject of the sentence."""
    for tok in reversed(cue.doc[cue.sent.start:cue.i]):
        if in_quotes(tok.idx, ranges) or tok.tag_ not in ("VBD", "VBZ", "VBP") or not is_cue(tok):
            continue
        subj = nominal_subjects(tok, ranges)
        if subj:
            return subj[0]
    root = cue.sent.root
    if cue.tag_ == "VBG" and root.i < cue.i and not in_quotes(root.idx, ranges):
        # "Trump was defensive when …, saying, “…”": a participle's speaker is the sentence's subject
        subj = nominal_subjects(root, ranges, ("PROPN", "PRON"))
        if subj:
            return subj[0]
    return None


NICKNAME = re.compile(r"[\"“][A-Z][\w'’.-]*[\"”](?= [A-Z])")


def _attribution_after(cue: Token, q: QSpan) -> list[Token] | None:
    """The words naming the speaker in “…,” X said / “…,” said X: the parse of such a tail is often
    broken by the quote before it, the word order is not."""
    doc = cue.doc
    gap = NICKNAME.sub("", docs.text(doc)[q.end:cue.idx])
    if cue.idx < q.end or len(gap) > 120 or any(c in gap[1:] for c in QUOTE_MARKS) or re.search(r"[.!?]\s", gap[2:]):
        return None
    words = [t for t in doc.char_span(q.end, cue.idx, alignment_mode="expand") or [] if t.idx >= q.end + 1]
    if any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in words):
        return None  # not a bare name before the verb: "X sings to Y before asking"
    if not [t for t in words if not t.is_punct]:  # inverted: the name follows the verb, up to a comma
        words = _inverted_speaker(cue)
    nicknames = [m.span() for m in NICKNAME.finditer(docs.text(doc), q.end + 1, cue.idx)]
    words = [t for t in _outside_brackets(words) if not any(a <= t.idx < b for a, b in nicknames)]
    return _naming_segment(words) if 0 < len(words) <= 16 else None


def _inverted_speaker(cue: Token) -> list[Token]:
    """The words after an inverted verb that name the speaker: "said Jane Doe", "said its chairman, Sir Hugh
    Carver", "said the chair of the health committee, Labour MP Janet Ross" (British style: a description,
    then the name in apposition after a comma)."""
    doc = cue.doc
    words: list[Token] = []
    i = cue.i + 1
    ages = {j for t in doc[cue.i + 1:cue.i + 9] if is_age(t) for j in range(t.i - 4, t.i + 1)}
    while i < min(len(doc), cue.i + 9):
        t = doc[i]
        if t.is_punct and i not in ages or t.pos_ in ("ADP", "SCONJ", "VERB", "AUX") \
                or t.ent_type_ in ("DATE", "TIME") and i not in ages:
            break
        words.append(t)
        i += 1
    if not words or any(t.pos_ == "PROPN" for t in words):
        return words
    # a description without a name: look past "of the health committee" for ", Name"
    j = i
    while j < min(len(doc), i + 8) and doc[j].text != "," and (doc[j].pos_ in ("ADP", "DET", "NOUN", "ADJ", "PROPN",
                                                                               "NUM", "PART", "CCONJ")):
        j += 1
    if j >= len(doc) or doc[j].text != ",":
        return words
    name: list[Token] = []
    for t in doc[j + 1:min(j + 8, cue.sent.end)]:
        if t.is_punct or t.is_space or t.pos_ in ("ADP", "SCONJ", "VERB", "AUX", "DET"):
            break
        name.append(t)
    if any(t.pos_ == "PROPN" for t in name):
        return words + [doc[j]] + name
    return words


def _outside_brackets(words: list[Token]) -> list[Token]:
    out, depth = [], 0
    for t in words:
        depth += t.text == "("
        if not depth and t.text not in QUOTE_MARKS:
            out.append(t)
        depth -= t.text == ")" and depth > 0
    return out


def _naming_segment(words: list[Token]) -> list[Token]:
    """Of "Doe, a lawyer for Roe," the part before the comma; but "Roe's aide, Jane Doe," names Doe."""
    segments, cur = [], []
    for t in words:
        if t.text == ",":
            segments.append(cur)
            cur = []
        elif not t.is_punct or t.text in ".'’":
            cur.append(t)
    segments.append(cur)
    segments = [seg for seg in segments if seg]
    for seg in segments:
        if any(t.pos_ in ("PROPN", "PRON") and not possessor(t) for t in seg):
            return seg
    return segments[0] if segments else []


# --- 4. quotes without a cue -----------------------------------------------------------------------------

def _propagate(doc: Doc, spans: list[QSpan], para_starts: list[int], mentions: References) -> None:
    """Quotes without their own cue inherit: a re-opened paragraph, a quote beside an attributed one in the
    same paragraph, a paragraph of pure quotation right after an attributed quote."""
    text = docs.text(doc)
    ranges = [(s.start, s.end) for s in spans]
    _share_within_runs(spans)
    for i, q in enumerate(spans):
        if q.own_cue or q.speaker:
            continue
        prev = spans[i - 1] if i else None
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        same_para = [s for s in spans if s.paragraph == q.paragraph and s.own_cue and s.speaker]
        nearest = min(same_para, key=lambda s: abs(s.start - q.start)) if same_para else None
        if nearest and not q.continued and (other := _next_speaker(doc, nearest, q, ranges, mentions)):
            q.speaker, q.evidence = other, "previous"
        elif q.continued and prev and prev.speaker:
            _inherit(q, prev)
        elif same_para:
            _inherit(q, nearest, "paragraph")
        elif prev and prev.speaker and prev.paragraph in (q.paragraph, q.paragraph - 1) and _mostly_quote(
                text, q, spans, para_starts):
            _inherit(q, prev, "paragraph")
        elif prev and prev.speaker and prev.paragraph == q.paragraph - 1 and _after_colon(text, q, para_starts):
            _inherit(q, prev, "paragraph")
        elif prev and prev.speaker and prev.paragraph == q.paragraph - 1 and _opens_after_quote(text, q, prev,
                                                                                             para_starts):
            _inherit(q, prev, "paragraph")
        elif nxt and nxt.own_cue and nxt.speaker and nxt.paragraph == q.paragraph + 1 and q.opens_only:
            _inherit(q, nxt)


def _next_speaker(doc: Doc, src: QSpan, q: QSpan, ranges, mentions: References) -> str | None:
    """A quotation standing alone right after a sentence in which someone else, named, is said to speak is
    theirs, not the earlier speaker's in the same paragraph (paragraphs run together: '"...," Smith told the
    BBC. Jones said the war had hurt trust. "Issues of war and peace ..."')."""
    if src.end > q.start:
        return None
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    prev = _sentence_before(doc, span, ranges) if span is not None and len(span) else None
    if prev is None or prev.start_char <= src.end or not is_cue(prev.root):
        return None
    subj = _subject(prev.root, ranges)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.ent_type_ in ("NORP", "GPE", "LOC"):
        return None
    name = name_from_token(subj, q, ranges, mentions)
    known = name and name in mentions.by_name and mentions.kind(name) in ("person", "organization")
    return name if known and name != src.speaker else None


def _inherit(q: QSpan, src: QSpan, evidence: str | None = None) -> None:
    """`q` takes `src`'s speaker; as sure as `src` (one quotation), or as `evidence` says if that is less."""
    q.speaker, q.cue = src.speaker, src.cue
    q.evidence = src.evidence
    if evidence and (not src.evidence or CONFIDENCE[evidence] < CONFIDENCE[src.evidence]):
        q.evidence = evidence


def _share_within_runs(spans: list[QSpan]) -> None:
    """One quotation cut into segments (re-opened paragraphs, run-on quoted paragraphs) has one speaker:
    segments without a cue of their own take the attributed segment's speaker, before or after them."""
    runs: list[list[QSpan]] = []
    for q in spans:
        if q.continued and runs:
            runs[-1].append(q)
        else:
            runs.append([q])
    for run in runs:
        cued = [q for q in run if q.own_cue and q.speaker] or [q for q in run if q.speaker]
        if not cued or len(run) == 1:
            continue
        for q in run:
            if not q.own_cue and not q.speaker:
                _inherit(q, min(cued, key=lambda c: abs(c.start - q.start)))


def _fallback(doc: Doc, q: QSpan, ranges, mentions: References) -> None:
    """No speech verb: a phrase quoted inside a clause is that clause's subject's ("X called Y “a liar”");
    a quotation standing alone is the previous sentence's subject's, if that is a named person."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    subj, q.evidence = _clause_subject(span, ranges), "clause"
    if subj is None and not q.continued:
        subj, q.evidence = _previous_subject(doc, span, ranges), "previous"
    if subj is not None and PRONOUNS.get(subj.lower_) not in ("p", "n"):
        q.speaker = name_from_token(subj, q, ranges, mentions)


def _inside_clause(doc: Doc, q: QSpan, ranges, mentions: References) -> str | None:
    """A phrase quoted mid-sentence with no speech verb above it is the words of the clause's subject
    ("as Doe went on about “the rigged system”"), not of a speech verb elsewhere in the sentence."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    subj = _clause_subject(span, ranges) if span is not None and len(span) else None
    return name_from_token(subj, q, ranges, mentions) if subj is not None else None


def _clause_subject(span: Span, ranges) -> Token | None:
    """The subject of the nearest clause outside the quote that the quoted words hang on."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    for r in roots[:2]:
        if r.pos_ == "VERB":  # the quoted words are the clause's verb: Doe "totally condemned" the plan
            subj = [c for c in r.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "PRON")
                    and c.tag_ not in ("WP", "WDT") and not in_quotes(c.idx, ranges) and c.i < span.start]
            if subj:
                return subj[0]
        tok = r
        for _ in range(6):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if in_quotes(tok.idx, ranges):
                continue
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "relcl":
                subj = _subject(tok, ranges)
                if subj is not None and subj.pos_ in NOMINAL:
                    return subj
    return None


def _previous_subject(doc: Doc, span: Span, ranges) -> Token | None:
    """A sentence of pure quotation right after a sentence that reports speech ("…, Doe said. “…”") or
    whose main subject is a person."""
    prev = _sentence_before(doc, span, ranges)
    if prev is None:
        return None
    for cue in [t for t in prev if is_cue(t) and not in_quotes(t.idx, ranges)][::-1]:
        subj = _subject(cue, ranges)
        if subj is not None:
            return subj
    subj = [c for c in prev.root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    return subj[0] if subj and subj[0].ent_type_ == "PERSON" else None


def _sentence_before(doc: Doc, span: Span, ranges) -> Span | None:
    """The narration right before a sentence that the quotation opens: the previous sentence of the same
    paragraph, unless it is itself quoted."""
    sent = span[0].sent
    if span.start_char - sent.start_char > 2 or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if in_quotes(prev.root.idx, ranges) or "\n\n" in docs.text(doc)[prev.end_char - 1:span.start_char]:
        return None
    return prev


def _paragraph_text(text: str, p: int, para_starts: list[int]) -> str:
    end = para_starts[p + 1] if p + 1 < len(para_starts) else len(text)
    return text[para_starts[p]:end].strip()


def _mostly_quote(text: str, q: QSpan, spans: list[QSpan], para_starts: list[int]) -> bool:
    para = _paragraph_text(text, q.paragraph, para_starts)
    quoted = sum(s.end - s.start for s in spans if s.paragraph == q.paragraph)
    return bool(para) and quoted / len(para) > 0.6


def _opens_after_quote(text: str, q: QSpan, prev: QSpan, para_starts: list[int]) -> bool:
    """A paragraph that opens with a quotation right after a paragraph that ended on one: the same speaker
    goes on (the convention of news copy, and of merged-paragraph corpora where narration follows)."""
    opens = q.start - para_starts[q.paragraph] <= 1
    end = para_starts[q.paragraph] - 2
    return opens and len(text[prev.end + 1:end].strip()) <= 40 and not any(c in text[prev.end + 1:end] for c in "“\"")


def _after_colon(text: str, q: QSpan, para_starts: list[int]) -> bool:
    if q.paragraph == 0:
        return False
    return _paragraph_text(text, q.paragraph - 1, para_starts).endswith(":")


# --- reported speech -------------------------------------------------------------------------------------

def _indirect(doc: Doc, spans: list[QSpan], mentions: References, para_starts: list[int]) -> list[Quote]:
    """'X said (that) ...', 'X told Y that ...', 'according to X, ...' with no quotation marks."""
    ranges = [(s.start, s.end) for s in spans]
    out: list[Quote] = []
    for tok in doc:
        if tok.pos_ != "VERB" or lemma(tok) not in ("say", "tell", "add", "claim", "argue", "warn", "insist",
                                                     "announce", "state", "explain", "note", "report", "write",
                                                     "suggest", "acknowledge", "admit", "confirm", "deny"):
            continue
        comp = [c for c in tok.children if c.dep_ == "ccomp"]
        if not comp:
            continue
        words = sorted(comp[0].subtree, key=lambda t: t.i)
        if any(in_quotes(t.idx, ranges) or t.text in QUOTE_MARKS for t in words):
            continue
        while words and words[0].lower_ == "that":
            words = words[1:]
        if len(words) < 4:
            continue
        subj = _subject(tok, ranges)
        if subj is None:
            continue
        fake = QSpan(words[0].idx, words[-1].idx + len(words[-1].text), 0)
        speaker = name_from_token(subj, fake, ranges, mentions)
        if speaker is None:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        how = _evidence(_with_names_beside(subj), mentions)
        out.append(Quote(text=docs.text(doc)[start:end], speaker=speaker, kind="indirect", cue=tok.text,
                         confidence=CONFIDENCE[how],
                         paragraph=bisect.bisect_right(para_starts, start) - 1))
    return out
