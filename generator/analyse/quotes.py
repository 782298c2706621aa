"""Who said what: quote spans and their speakers, plus reported speech.

1. Spans: curly and straight double quotes, quotes over several sentences and paragraphs, partial
   quotes inside a sentence, single quotes where an article uses them as its primary marks.
2. Cue: the speech verb that governs the quote (up its dependency chain), else the nearest speech verb
   outside quotes in the sentences that touch it, else "according to X".
3. Speaker: the cue's subject, mapped to an actor: a name, a pronoun (the most recent person who was a
   subject), a description ("the spokesman": the actor holding that role), an organisation or document
   ("a White House statement"). No cue: a continued quotation keeps its speaker; otherwise None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.analyse.entities import Entities
from generator.analyse.lexicon import PRONOUNS, SPEECH_NOUNS, SPEECH_VERBS, VERB_FORMS
from generator.records import Actor, Quote

OPEN_DOUBLE, CLOSE_DOUBLE = "“«„", "”»‟"
TITLE_CUES = re.compile(r"\b(?:titled|entitled|film|movie|book|song|album|show|series|headline|hashtag)\s*$", re.I)


@dataclass
class QSpan:
    start: int  # inner text, doc character offsets
    end: int
    paragraph: int
    opens_only: bool = False  # the paragraph ended before the quote closed
    continued: bool = False  # this paragraph re-opens a quote left open in the previous one
    speaker: str | None = None
    cue: str | None = None
    own_cue: bool = False


def extract(doc: Doc, para_starts: list[int], entities: Entities, actors: list[Actor]) -> list[Quote]:
    spans = find_spans(doc.text, para_starts)
    mentions = _MentionIndex(doc, entities, actors)
    for q in spans:
        _attribute(doc, q, spans, mentions)
    _propagate(doc, spans, para_starts)
    quotes = [
        Quote(text=doc.text[q.start:q.end].strip(), speaker=q.speaker, kind=_kind(doc.text, q), cue=q.cue,
              paragraph=q.paragraph)
        for q in spans
    ]
    quotes += _indirect(doc, spans, mentions, para_starts)
    quotes.sort(key=lambda q: (q.paragraph if q.paragraph is not None else -1))
    return [q for q in quotes if q.text]


# --- 1. spans -------------------------------------------------------------------------------------------

def find_spans(text: str, para_starts: list[int]) -> list[QSpan]:
    """Quote spans paragraph by paragraph; single quotes count only where the text prefers them."""
    singles_primary = _single_primary(text)
    spans: list[QSpan] = []
    prev_open = False
    bounds = para_starts + [len(text) + 2]
    for p, start in enumerate(para_starts):
        para = text[start:bounds[p + 1] - 2] if p + 1 < len(para_starts) else text[start:]
        found = _double_spans(para) or (_single_spans(para) if singles_primary else [])
        for i, (s, e, closed) in enumerate(found):
            inner = para[s:e]
            if not inner.strip() or TITLE_CUES.search(para[max(0, s - 30):s - 1]):
                continue
            q = QSpan(start + s, start + e, p, opens_only=not closed)
            q.continued = prev_open and i == 0 and s <= 2
            spans.append(q)
        prev_open = bool(found) and not found[-1][2]
    return spans


def _single_primary(text: str) -> bool:
    singles = len(re.findall(r"(?:^|[\s(\[—–-])‘", text))
    doubles = sum(text.count(c) for c in OPEN_DOUBLE) + text.count('"') // 2
    return singles >= 2 and singles > doubles


def _double_spans(para: str) -> list[tuple[int, int, bool]]:
    out = []
    i, n = 0, len(para)
    while i < n:
        c = para[i]
        if c in OPEN_DOUBLE or (c == '"' and (i == 0 or not para[i - 1].isalnum() or para[i - 1] in "([")):
            closers = CLOSE_DOUBLE + '"' if c in OPEN_DOUBLE else '"' + CLOSE_DOUBLE
            j = i + 1
            while j < n and para[j] not in closers and para[j] not in OPEN_DOUBLE:
                j += 1
            if j < n and para[j] in closers:
                out.append((i + 1, j, True))
                i = j + 1
                continue
            if j >= n:
                out.append((i + 1, n, False))
                break
            i = j
            continue
        i += 1
    return out


def _single_spans(para: str) -> list[tuple[int, int, bool]]:
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(.+?)’(?![\w])", para):
        if len(m.group(1).split()) >= 2:
            out.append((m.start(1), m.end(1), True))
    return out


def _kind(text: str, q: QSpan) -> str:
    inner = text[q.start:q.end].strip()
    before = text[max(0, q.start - 3):q.start - 1].rstrip()
    starts_sentence = inner[:1].isupper() or inner[:1] in "…."
    after_intro = not before or before[-1:] in ",:;.?!\n—–-" or q.continued
    return "direct" if starts_sentence and after_intro else "partial"


# --- 2 and 3. cue and speaker ---------------------------------------------------------------------------

class _MentionIndex:
    """Where each actor is mentioned, for mapping tokens to actors and resolving pronouns."""

    def __init__(self, doc: Doc, entities: Entities, actors: list[Actor]):
        self.doc = doc
        self.actors = actors
        self.by_name = {a.name: a for a in actors}
        self.spans = [s for s in entities.spans if s[2] == "actor"]
        self.starts = [s[0] for s in self.spans]

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

    def recent_person(self, before: int, inside: list[tuple[int, int]], prefer_subject: bool = True) -> str | None:
        """The most recent person mentioned before `before` (outside quotes), subjects first."""
        i = bisect.bisect_left(self.starts, before) - 1
        fallback = None
        steps = 0
        while i >= 0 and steps < 40:
            s, e, _, name = self.spans[i]
            i -= 1
            if before - s > 1500:
                break
            if self.kind(name) != "person" or any(a <= s < b for a, b in inside):
                continue
            steps += 1
            tok = self._token(s)
            if tok is not None and tok.dep_ in ("nsubj", "nsubjpass") or not prefer_subject:
                return name
            if tok is not None and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.dep_ in ("compound", "appos"):
                return name
            fallback = fallback or name
        return fallback

    def with_role(self, word: str, before: int) -> str | None:
        word = word.lower()
        holders = [a for a in self.actors if any(word in r.lower().split() for r in a.roles)]
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

    def _token(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span[0]
        # the head of the name: the last token of its compound chain
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        return tok


def _lemma(tok: Token) -> str:
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


def _is_cue(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and _lemma(tok) in SPEECH_VERBS and not (
        _lemma(tok) in ("believe", "think", "hope", "fear", "read", "put", "point", "begin", "call", "continue",
                        "express", "offer", "share", "order", "figure", "post")
        and not _has_quote_neighbour(tok))


def _has_quote_neighbour(tok: Token) -> bool:
    """Weak cue verbs ("continued", "put it") count only right next to quotation or a colon."""
    doc = tok.doc
    window = doc.text[max(0, tok.idx - 4):tok.idx + len(tok.text) + 6]
    return any(c in window for c in "“”\":")


def _in_quotes(i: int, quote_ranges: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in quote_ranges)


def _attribute(doc: Doc, q: QSpan, spans: list[QSpan], mentions: _MentionIndex) -> None:
    ranges = [(s.start, s.end) for s in spans]
    cue = _governing_cue(doc, q, ranges) or _nearest_cue(doc, q, ranges)
    if cue is not None:
        q.cue = cue.text
        q.own_cue = True
        q.speaker = _speaker_of(cue, q, ranges, mentions)
        return
    acc = _according_to(doc, q, ranges)
    if acc is not None:
        q.cue = "according to"
        q.own_cue = True
        q.speaker = _name_from_token(acc, q, ranges, mentions)


def _sentences_touching(doc: Doc, q: QSpan) -> list[Span]:
    first = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    last = doc.char_span(max(q.start, q.end - 1), max(q.start, q.end - 1) + 1, alignment_mode="expand")
    sents = []
    for sp in (first, last):
        if sp is not None and len(sp) and sp[0].sent not in sents:
            sents.append(sp[0].sent)
    # attribution just after the closing mark may sit in the next "sentence" ("..." he said.)
    if sents:
        end = sents[-1].end
        if end < len(doc) and doc[end].idx - q.end < 4:
            nxt = doc[end].sent
            if nxt not in sents and len(nxt) <= 25 and "\n" not in doc.text[q.end:nxt.start_char]:
                sents.append(nxt)
    return sents


def _governing_cue(doc: Doc, q: QSpan, ranges) -> Token | None:
    inside = [t for t in doc.char_span(q.start, q.end, alignment_mode="expand") or []]
    if not inside:
        return None
    roots = [t for t in inside if not (q.start <= t.head.idx < q.end) or t.head is t]
    for r in roots[:3]:
        tok, steps = r, 0
        while steps < 4 and tok.head is not tok:
            tok = tok.head
            steps += 1
            if not _in_quotes(tok.idx, ranges) and _is_cue(tok):
                return tok
    return None


def _nearest_cue(doc: Doc, q: QSpan, ranges) -> Token | None:
    best, best_d = None, 10 ** 9
    for sent in _sentences_touching(doc, q):
        for t in sent:
            if _in_quotes(t.idx, ranges) or not _is_cue(t):
                continue
            d = t.idx - q.end if t.idx >= q.end else q.start - t.idx
            # a cue inside another quote's attribution belongs to that quote
            between = doc.text[min(t.idx, q.end):max(t.idx, q.start)]
            if any(c in between for c in "“”\"") and d > 0 and not (t.idx >= q.end and d < 5):
                d += 200
            if d < best_d:
                best, best_d = t, d
    return best if best_d < 400 else None


def _according_to(doc: Doc, q: QSpan, ranges) -> Token | None:
    for sent in _sentences_touching(doc, q):
        for t in sent:
            if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
                if not _in_quotes(t.idx, ranges):
                    obj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                    return obj[0] if obj else doc[t.i + 2]
    return None


def _subject(cue: Token) -> Token | None:
    tok = cue
    for _ in range(3):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        agent = [c for c in tok.children if c.dep_ == "agent"]
        if agent:
            pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
            if pobj:
                return pobj[0]
        if tok.dep_ in ("conj", "xcomp", "advcl", "ccomp") and tok.head is not tok:
            tok = tok.head
            continue
        break
    # inverted "said X" parsed with X as an object or attribute
    for c in cue.children:
        if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > cue.i and (c.pos_ == "PROPN" or c.ent_type_):
            return c
    return None


def _speaker_of(cue: Token, q: QSpan, ranges, mentions: _MentionIndex) -> str | None:
    subj = _subject(cue)
    if subj is None:
        return None
    return _name_from_token(subj, q, ranges, mentions)


def _name_from_token(tok: Token, q: QSpan, ranges, mentions: _MentionIndex) -> str | None:
    doc = tok.doc
    low = tok.lower_
    if low in PRONOUNS:
        if PRONOUNS[low] in ("m", "f", "s"):
            return mentions.recent_person(min(tok.idx, q.start), ranges)
        if PRONOUNS[low] in ("n", "p"):
            return _recent_org(mentions, min(tok.idx, q.start))
        return None
    # a name somewhere in the subject phrase: the token itself, its compounds, possessors, modifiers
    phrase = sorted(tok.subtree, key=lambda t: t.i)
    phrase = [t for t in phrase if t.i - tok.i <= 8 and tok.i - t.i <= 8 and not _in_quotes(t.idx, ranges)]
    head_name = mentions.actor_at(tok.idx, tok.idx + len(tok.text))
    if head_name:
        return head_name
    names = []
    for t in phrase:
        n = mentions.actor_at(t.idx, t.idx + len(t.text))
        if n and n not in names:
            names.append(n)
    if names:
        # "a spokesman for the Pentagon", "the White House statement": the organisation speaks
        return names[0]
    if tok.pos_ == "PROPN":
        return _new_actor(tok, mentions)
    if low in SPEECH_NOUNS:
        return None
    if tok.pos_ == "NOUN" and any(d.lower_ in ("the", "this", "that") for d in tok.children if d.dep_ == "det"):
        return mentions.with_role(low, tok.idx)
    return None


def _recent_org(mentions: _MentionIndex, before: int) -> str | None:
    i = bisect.bisect_left(mentions.starts, before) - 1
    while i >= 0 and before - mentions.spans[i][0] < 600:
        name = mentions.spans[i][3]
        if mentions.kind(name) in ("organization", "group"):
            return name
        i -= 1
    return None


def _new_actor(tok: Token, mentions: _MentionIndex) -> str | None:
    """A named speaker the entity layer missed becomes an actor, so every speaker has a page."""
    parts = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t is tok]
    parts = [t for t in parts if t.pos_ == "PROPN" and abs(t.i - tok.i) <= 3]
    name = " ".join(t.text for t in sorted(parts, key=lambda t: t.i)).strip()
    if not name or len(name) < 3 or not name[0].isupper() or not re.fullmatch(r"[\w .’'-]+", name):
        return None
    if name in mentions.by_name:
        return name
    for a in mentions.actors:
        if name in a.aliases or (a.kind == "person" and a.name.split()[-1] == name):
            return a.name
    actor = Actor(name=name, kind="person" if tok.ent_type_ in ("", "PERSON") else "organization", mentions=1)
    mentions.actors.append(actor)
    mentions.by_name[name] = actor
    return name


# --- continued quotation ---------------------------------------------------------------------------------

def _propagate(doc: Doc, spans: list[QSpan], para_starts: list[int]) -> None:
    """Quotes without their own cue inherit: a re-opened paragraph, a quote beside an attributed one in the
    same paragraph, a paragraph of pure quotation right after an attributed quote."""
    text = doc.text
    for i, q in enumerate(spans):
        if q.own_cue:
            continue
        prev = spans[i - 1] if i else None
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        same_para = [s for s in spans if s.paragraph == q.paragraph and s.own_cue and s.speaker]
        if q.continued and prev and prev.speaker:
            q.speaker, q.cue = prev.speaker, prev.cue
        elif same_para:
            near = min(same_para, key=lambda s: abs(s.start - q.start))
            q.speaker, q.cue = near.speaker, near.cue
        elif prev and prev.speaker and prev.paragraph in (q.paragraph, q.paragraph - 1) and _mostly_quote(
                text, q, spans, para_starts):
            q.speaker, q.cue = prev.speaker, prev.cue
        elif prev and prev.speaker and prev.paragraph == q.paragraph - 1 and _after_colon(text, q, para_starts):
            q.speaker, q.cue = prev.speaker, prev.cue
        elif nxt and nxt.own_cue and nxt.speaker and nxt.paragraph == q.paragraph + 1 and q.opens_only:
            q.speaker, q.cue = nxt.speaker, nxt.cue


def _paragraph_text(text: str, p: int, para_starts: list[int]) -> str:
    end = para_starts[p + 1] if p + 1 < len(para_starts) else len(text)
    return text[para_starts[p]:end].strip()


def _mostly_quote(text: str, q: QSpan, spans: list[QSpan], para_starts: list[int]) -> bool:
    para = _paragraph_text(text, q.paragraph, para_starts)
    quoted = sum(s.end - s.start for s in spans if s.paragraph == q.paragraph)
    return bool(para) and quoted / len(para) > 0.6


def _after_colon(text: str, q: QSpan, para_starts: list[int]) -> bool:
    if q.paragraph == 0:
        return False
    return _paragraph_text(text, q.paragraph - 1, para_starts).endswith(":")


# --- reported speech -------------------------------------------------------------------------------------

def _indirect(doc: Doc, spans: list[QSpan], mentions: _MentionIndex, para_starts: list[int]) -> list[Quote]:
    """'X said (that) ...', 'X told Y that ...', 'according to X, ...' with no quotation marks."""
    ranges = [(s.start, s.end) for s in spans]
    out: list[Quote] = []
    for tok in doc:
        if tok.pos_ != "VERB" or _lemma(tok) not in ("say", "tell", "add", "claim", "argue", "warn", "insist",
                                                     "announce", "state", "explain", "note", "report", "write",
                                                     "suggest", "acknowledge", "admit", "confirm", "deny"):
            continue
        comp = [c for c in tok.children if c.dep_ == "ccomp"]
        if not comp:
            continue
        words = sorted(comp[0].subtree, key=lambda t: t.i)
        if any(_in_quotes(t.idx, ranges) or t.text in "“”\"" for t in words):
            continue
        while words and words[0].lower_ == "that":
            words = words[1:]
        if len(words) < 4:
            continue
        subj = _subject(tok)
        if subj is None:
            continue
        fake = QSpan(words[0].idx, words[-1].idx + len(words[-1].text), 0)
        speaker = _name_from_token(subj, fake, ranges, mentions)
        if speaker is None:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        out.append(Quote(text=doc.text[start:end], speaker=speaker, kind="indirect", cue=tok.text,
                         paragraph=bisect.bisect_right(para_starts, start) - 1))
    return out
