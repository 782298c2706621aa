"""Lede and key points: sentence centrality (TF-IDF cosine to the rest of the article) with a strong position
prior, as news puts what matters first.

Only whole sentences are used, never one that starts or ends inside a quotation (a sentence splitter cuts
multi-sentence quotes apart); the lede is an informative sentence, never a label ("Letters."), caption,
byline or fragment. Opinion, letters, round-ups and live blogs are recognised (`kind_of`) and their lede
says what they are.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from generator.analyse import docs, gazetteer
from generator.analyse.spans import NOT_SPEAKERS, QSpan, find_spans
from generator.records import Summary

STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being it its this
that these those he she they we you i his her their our your not no so than then there here which who whom
whose what when where why how all any both each few more most other some such only own same too very can will
just should now said says also has have had do does did would could may might must about into over after
before under again further once up down out off""".split())
WORD = re.compile(r"[a-z][a-z'-]+")
MIN_WORDS, MAX_WORDS = 8, 100
CENTRALITY = 0.35
"""Weight of centrality against position in a sentence's score (news: position matters more)."""
POSITION_DECAY = 1.0
"""A sentence's position weight is 1 / (1 + i / POSITION_DECAY), i its rank among the candidates."""
SHORTER = 0.3
"""Up to this much off a long sentence's score: of two that say as much, the shorter reads better."""
REDUNDANCY = 0.8
"""Penalty per unit of cosine to the lede or an already chosen point (maximal marginal relevance)."""
SAME_AS_LEDE = 0.7
"""A sentence this close (cosine) to the lede repeats it."""
COVERS_LEDE = 0.7
"""A sentence holding this share of the lede's words and figures restates it ("UK interest rates have been held
at 5.25%, the Bank of England has announced" after "The Bank of England has kept rates at 5.25%")."""
TOKEN = re.compile(r"[a-z0-9][a-z0-9'’.%-]*[a-z0-9%]|[a-z0-9]")
KEY_POINTS = 3
"""Three points, however long the article: a news summary (a standfirst, an agency's or a broadcaster's
summary, "story highlights") keeps its length when the article grows, so a fourth point lengthens the summary
more than it adds to what a reader learns."""

LABELS = {
    "letters": r"letters?(?: to the editor)?|(?:your|readers['’]?) letters|mailbag|letters? of the day|your say"
               r"|readers respond",
    "opinion": r"opinion|op-?ed|editorial|commentary|comment|column|viewpoint|our view|my view|guest column"
               r"|guest essay",
    "live": r"live|live updates|live blog|as it happened|live coverage",
    "roundup": r"round-?up|in brief|briefing|news in brief|the week in \w+",
}
_LABEL = {k: re.compile(rf"^\W*(?:{v})\W*$", re.I) for k, v in LABELS.items()}
_TITLE_PREFIX = {k: re.compile(rf"^\W*(?:{v})\s*[:|–—-]\s+\S", re.I) for k, v in LABELS.items()}
_TITLE_SUFFIX = {k: re.compile(rf"\S\s+[|–—]\s*(?:{v})\W*$", re.I) for k, v in LABELS.items()}
"""A label after the headline ("Libraries are worth every penny | Letters"), as many outlets' titles carry."""
_URL_PART = {"letters": re.compile(r"/letters?(?:-to-the-editor)?/", re.I),
             "opinion": re.compile(r"/(?:opinion|opinions|commentisfree|op-?ed|editorials?|columns?|comment)/", re.I),
             "live": re.compile(r"/(?:live|live-news|liveblog|live-updates)/", re.I)}
_TITLE = {
    "live": re.compile(r"\blive(?:\s+updates|\s+blog|\s+coverage)?\s*:|\blive updates\b|\bas it happened\b", re.I),
    "roundup": re.compile(r"^\s*(?:(?:\d{1,2}|three|four|five|six|seven|eight|nine|ten|a dozen)\s+(?:\w+\s+){0,2}"
                          r"(?:things|reasons|ways|facts|moments|questions|takeaways|lessons|photos|pictures|tweets"
                          r"|charts|quotes|stories|highlights)\b(?:\s*$|[:,]|\s+(?:we|you|i|that|to|from|about|for"
                          r"|why|how|on|in|which|worth|every|behind|the)\b)|\d{2,3}\s+\w+\s+share\s+their\b)"
                          r"|\bround-?up\b|\bwhat we know\b|\bin brief\b|\bin pictures\b|\bthe latest\s*:"
                          r"|\b(?:morning|evening|daily|weekly|weekend)\s+briefing\b", re.I),
    "opinion": re.compile(r"^\s*The\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+view\s+on\b[^:]{1,150}:|^\s*COLUMN\s*[-:–—]"),
}
_WATCH_LIVE = re.compile(r"\b(?:watch|stream|listen)\b[^:]{0,80}\blive\s*:", re.I)
""""Where to watch the final live: TV channel, kick-off time": how to follow it, not live coverage."""
_TIMESTAMP = re.compile(r"^\s*(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|GMT|BST|UTC|ET|EST|EDT|CET)?"
                        r"|(?:Updated|Posted) at \d)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|me|myself|My)\b")
"""First-person words; a capital "My" only where it opens the sentence ("the My Lai massacre", "Me Too")."""
KIND_LABEL = {"opinion": "Opinion", "letters": "Letters from readers", "roundup": "A round-up",
              "live": "Live coverage"}

_FRAGMENT_END = re.compile(r"[,;:–—-]\s*[.!?]?[\"”’)]*\s*$|\b(?:and|or|but|the|a)\.$")
"""A sentence broken off ("... and the —.", "... and."); one ending on a preposition ("hard to argue with.") is
English."""
_BYLINE = re.compile(r"^\s*(?i:by|from|written by|reporting by|photo(?:graph)?s? by)\s+[^\W\d_a-z][\w.'’-]*"
                     r"(?:\s+(?:[^\W\d_a-z][\w.'’-]*|de|la|le|du|da|di|del|van|von|al|bin))+\s*"
                     r"(?:$|[,|/–—-]|\sand\s|\sin\s[^\W\d_a-z])")
"""A byline: "By Jane Porter, Coast Reporter", "From Ana de la Cruz in Madrid" (short: see `_is_byline`); not
"By Tuesday, the council ..." or "From outside the modern age, ..."."""


def _is_byline(s: str) -> bool:
    """A byline is a name and a role or a place, never a sentence: "By Christmas Day, the appeal had raised
    £2.4m for the hospice" opens like one."""
    m = _BYLINE.match(s)
    return bool(m) and len(s.split()) <= 14 and not _SENTENCE_WORD.search(s[m.end():])


_SENTENCE_WORD = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|said|says|could|can|did)\b")
"""Verbs of a sentence, which a byline's role or place ("Health correspondent", "from the coast") does not have."""


_CAPTION = re.compile(r"\b(?:Getty Images|AP Photo|File photo)\b|\(Photo(?:graph)?(?::| by)"
                      r"|\b(?:REUTERS|Reuters|AFP|EPA)/[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)+\)?\s*$"
                      r"|(?:^|[.)]\s+)(?:Photograph|Picture|Image|Photo|Credit|Pictured)\s*:"
                      r"|\((?:[^()]{1,60}/)?(?:PA(?: Wire| Media)?|AP|AFP|Reuters|EPA|Getty(?: Images)?|Shutterstock"
                      r"|Alamy|Bloomberg|Xinhua)\)\s*$|\bvia AP\)")
"""A photo's caption or credit; not "A Reuters/Ipsos poll found ...", "The bigger picture: ...", "Universal
Credit: ..." or "Prince Harry (pictured) has lost ..."."""


def summarise(doc: Doc, standfirst: str, para_starts: list[int], skip_first_para: bool, *, title: str = "",
              url: str | None = None, tags: list[str] | None = None, authors: list[str] | None = None,
              dropped: list[str] | None = None) -> Summary:
    """`dropped`: the lines the reader left out of the paragraphs (headings, credits, timestamps)."""
    text = docs.text(doc)
    bounds = _paragraph_bounds(text, para_starts)
    spans = find_spans(text, para_starts)
    quoted = [(q.start, q.end) for q in spans] + _speech_paragraphs(text, bounds, spans)
    # captions, and an embedded post with its "— Name (@handle) March 3, 2024" line (in it or after it)
    captions = {i for i, (a, b) in enumerate(bounds) if _CAPTION.search(text[a:b]) or _POST.search(text[a:b])
                or i + 1 < len(bounds) and _POST.match(text[bounds[i + 1][0]:bounds[i + 1][1]])}
    by_para: dict[int, list[tuple[int, int]]] = {}  # a sentence is checked against its own paragraph's quotes
    for a, b in quoted:
        by_para.setdefault(bisect.bisect_right(para_starts, a + 1) - 1, []).append((a, b))
    sentences = _sentences(doc)
    body = sentences
    if skip_first_para and len(para_starts) > 1:
        body = [s for s in sentences if s.start_char >= para_starts[1]]
    whole = [s for s in body if (p := bisect.bisect_right(para_starts, s.start_char) - 1) not in captions
             and not _cut_quote(s, by_para.get(p, ()))]
    candidates = [_without_dateline(s.text.strip()) for s in whole
                  if _informative(s.text) and _reportable(s.text.strip())]
    if not candidates:
        candidates = [_without_dateline(s.text.strip()) for s in whole if s.text.strip()[-1:] in ".!?\"”’)"][:3]
    kind = kind_of(title, standfirst, [text[a:b] for a, b in bounds][:40], url, tags or [],
                   _first_person_lead(sentences[:2], [q for p in (0, 1) for q in by_para.get(p, ())], doc),
                   dropped or [])
    deck = _without_dateline(standfirst.strip())
    lede = deck if good_lede(deck) else next((c for c in candidates if good_lede(c)), "")
    if not lede:
        lede = _without_dateline(deck or next((s.text.strip() for s in body if s.text.strip()), ""))
    if kind == "roundup" and title.strip():
        # what is rounded up leads; the article's own first sentence may then be a point
        rounded = title.strip() if title.strip()[-1] in ".!?" else title.strip() + "."
        pool = candidates if not lede or lede in candidates else [lede, *candidates]
        points = key_points([c for c in pool if c != rounded], rounded)
        lede = rounded
    else:
        lede_key = _bag_key(lede)
        pool = [c for c in candidates if c != lede and not lede.startswith(c) and _bag_key(c) != lede_key]
        points = key_points(pool, lede)
    if kind != "news":
        label = KIND_LABEL[kind] + (f" by {authors[0]}" if kind == "opinion" and authors else "")
        lede = f"{label}: {lede}" if lede else f"{label}."
    return Summary(lede=lede, key_points=points, kind=kind)


_NOTICE = re.compile(
    r"^(?:Follow|Listen to|Get|Sign up|Subscribe|Download|Join|Watch|Read)\b.{0,160}\b(?:on (?:BBC Sounds|Facebook|"
    r"Twitter|X|Instagram|TikTok|YouTube)|(?:our|free|daily|weekly) (?:\w+ )?newsletter|(?:your|our) inbox"
    r"|our (?:app|podcast))\b"
    r"|\bcontributed(?: to this report| reporting)?\.?$|\bcontributed to this report\b"
    r"|^(?:This|The) (?:story|article|report|piece) (?:has been|was) (?:corrected|amended|updated|changed)\b"
    r"|^(?:Editor['’]?s? note|Correction|Clarification)\s*[:—–-]|^Update\s*[:—–-]\s*(?:This|The) (?:story|article)"
    r"|^(?:We have|[A-Z][\w.&'’ -]{1,40} has) (?:reached out to|contacted|approached)\b.{0,80}\bfor (?:comment"
    r"|a response|a statement)\b"
    r"|\bThis is a (?:developing|breaking) (?:story|news story)\b|\bby following us on\b|\bFollow us on\b"
    r"|\b(?:republished|originally published) (?:from|by|in|on)\b|^If you(?: or someone you know)?\b.{0,160}"
    r"\b(?:Samaritans|helpline|hotline|988|116 123|Childline|Lifeline|Crisis Text Line)\b"
    r"|\bcoverage receives (?:financial )?support from\b",
    re.I)
"""The outlet speaking about itself: follow-us and newsletter lines, credits, corrections and updates."""
_POST = re.compile(r"^\s*[—–-]\s*.{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}"
                   r"|\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}\.?\s*$|pic\.twitter\.com/|https?://t\.co/")
"""The signature line of an embedded social-media post."""


def _reportable(s: str) -> bool:
    """A sentence that can stand in a summary: not a bare quote, a fragment, a byline, a question (a heading
    or a rhetorical turn), a notice, or a list (a team sheet, "Tries: Daly, McFarland, Maitland")."""
    if _bare_quote(s) or _FRAGMENT_END.search(s) or _is_byline(s) or _NOTICE.search(s):
        return False
    if s.endswith("?"):
        return False  # a question of the writer's own; "she asked, “Why now?”" is a report
    return not _is_list(s)


def _is_list(s: str) -> bool:
    """A team sheet or a scorers' line: a label and a run of names ("Celtic: Hart, Johnston, Scales, ..."), or
    a run of one- and two-word names with no verb. "Ann Lee, 71, Tom Lee, 74, and Jo Kim, 68, died" is a
    sentence."""
    head, colon, rest = s.partition(":")
    items = [x.strip() for x in re.split(r"[,;]", rest if colon and len(head) <= 40 else s) if x.strip()]
    short = sum(len(x.split()) <= 3 for x in items)
    if colon and len(head) <= 40 and len(items) >= 4 and short >= 0.8 * len(items):
        return True
    lower = [w for w in re.findall(r"[^\W\d_]+", s) if w.islower() and w not in ("and", "or", "with")]
    return len(items) >= 6 and short >= 0.8 * len(items) and len(lower) <= 2


def key_points(sentences: list[str], lede: str, k: int = KEY_POINTS) -> list[str]:
    """Central sentences (TF-IDF cosine to the rest), strongly drawn to the top of the article, without
    repeating the lede or each other (maximal marginal relevance); returned in article order."""
    if not sentences:
        return []
    bags = [Counter(w for w in WORD.findall(s.lower()) if w not in STOP) for s in sentences]
    df = Counter(w for b in bags for w in b)
    n = len(sentences)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    vecs = [_unit({w: tf * idf[w] for w, tf in b.items()}) for b in bags]
    lede_vec = _unit({w: idf.get(w, 1.0) for w in WORD.findall(lede.lower()) if w not in STOP})
    # the summed cosine to every other sentence is the cosine to their sum (linear): O(n), not O(n²)
    total: dict[str, float] = {}
    for v in vecs:
        for w, x in v.items():
            total[w] = total.get(w, 0.0) + x
    centrality = [(_dot(v, total) - _dot(v, v)) / max(1, n - 1) for v in vecs]
    top = max(centrality) or 1.0
    base = []
    for i, c in enumerate(centrality):
        position = 1.0 / (1.0 + i / POSITION_DECAY)
        words = len(sentences[i].split())
        length = 1.0 if MIN_WORDS + 4 <= words <= 40 else 0.75
        length *= 1.0 - SHORTER * min(1.0, words / 40)
        quoted = 0.8 if sentences[i].lstrip()[:1] in "“\"" else 1.0  # a bare quote says less than a report
        base.append((CENTRALITY * c / top + (1 - CENTRALITY) * position) * length * quoted)
    said = set(TOKEN.findall(lede.lower())) - STOP
    allowed = [i for i in range(n) if _dot(vecs[i], lede_vec) < SAME_AS_LEDE
               and not (said and len(said & set(TOKEN.findall(sentences[i].lower()))) >= COVERS_LEDE * len(said))]
    allowed = allowed or list(range(n))
    chosen: list[int] = []
    while len(chosen) < min(k, len(allowed)):
        def gain(i: int) -> float:
            overlap = max([_dot(vecs[i], lede_vec)] + [_dot(vecs[i], vecs[j]) for j in chosen])
            return base[i] - REDUNDANCY * overlap
        best = max((i for i in allowed if i not in chosen), key=gain)
        chosen.append(best)
    return [sentences[i] for i in sorted(chosen)]


def kind_of(title: str, standfirst: str, paragraphs: list[str], url: str | None, tags: list[str],
            first_person_lead: bool, dropped: list[str] = ()) -> str:
    """news | opinion | letters | roundup | live, from labels (a "Letters." line, an "Opinion:" title or an
    "| Opinion" one, an /opinion/ URL, tags), title shapes ("31 things...", "... live updates") and the text
    (timestamped entries, in the text or on lines of their own, which the reader `dropped`; an opening in the
    first person, which news does not use outside quotes)."""
    heads = [standfirst, *paragraphs[:3]]
    for kind in ("letters", "live", "opinion", "roundup"):
        if any(_LABEL[kind].match(h) for h in heads if h and len(h.split()) <= 5) \
                or _TITLE_PREFIX[kind].match(title or "") or _TITLE_SUFFIX[kind].search(title or "") \
                or any(_LABEL[kind].match(t) for t in tags):
            return kind
        if url and kind in _URL_PART and _URL_PART[kind].search(url):
            return kind
    stamps = sum(bool(_TIMESTAMP.match(p)) for p in paragraphs) \
        + sum(bool(_STAMP_LINE.fullmatch(d.strip())) for d in dropped)
    if _TITLE["live"].search(title or "") and not _WATCH_LIVE.search(title or "") or stamps >= 3:
        return "live"
    if _TITLE["roundup"].search(title or ""):
        return "roundup"
    if _TITLE["opinion"].search(title or ""):
        return "opinion"  # "The Guardian view on ...", a leader; a wire's "COLUMN-" piece
    if first_person_lead:
        return "opinion"
    return "news"


_STAMP_LINE = re.compile(r"\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|BST|UTC|ET|EST|EDT|CET))?"
                         r"|(?:Updated|Posted) at \d.*", re.I)
"""A timestamp alone on its line, as live pages set each entry's time."""


def good_lede(sentence: str) -> bool:
    """An informative sentence: not a label, caption, byline, bare quote or fragment."""
    s = sentence.strip()
    if not s or not _informative(s) or _FRAGMENT_END.search(s) or _is_byline(s) or _CAPTION.search(s) \
            or _NOTICE.search(s):
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "“\"‘'£$€¥" or s[0].islower() and s[1:2].isupper()):
        return False  # "iPhone sales fell", "£2.4m has been raised" start a sentence too
    question = s.endswith("?") and not re.search(r"[.!]\s+[A-Z]", s)  # a question alone, not a deck ending on one
    return not _bare_quote(s) and not _unbalanced(s) and not question


_AGENCY = (r"\((?:AP|Reuters|AFP|UPI|PA|CP|CNN|Bloomberg|dpa|ANI|IANS|Xinhua|Kyodo|EFE|ANSA|Yonhap"
           r"|(?:CBS|NBC|ABC|Fox) News|[KW][A-Z]{3}(?:-TV)?)\)")
"""An agency, network or station (KTLA, WXYZ-TV) in brackets after a dateline's place."""
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’-]+(?:[\s/][A-Z][A-Z.'’-]+){0,3})"  # LONDON, NEW YORK, LONDON/SINGAPORE
    r"(?P<more>(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"  # , Calif.
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s+\d{4})?)?"  # ", Sept. 26", ", 5 March"
    rf"(?:\s+{_AGENCY}|\s*/[A-Za-z ]{{2,30}}/)?)"  # (Reuters), /PRNewswire/
    rf"|[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){{0,3}}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?\s+{_AGENCY}"
    rf"|{_AGENCY})"  # Paris (AFP), Keaton Beach, Florida (CNN); (Bloomberg) --
    r"(?:\s*(?:—|–|―|--|-)|(?<=[A-Z.]):)\s+(?=[A-Z“\"‘'0-9£$€])")
_LABEL_LEAD = re.compile(r"^(?:EXCLUSIVE|Exclusive|BREAKING|Breaking|REVEALED|Revealed|WATCH|UPDATED|JUST IN)"
                         r"\s*(?::|—|–|--|-)\s+(?=[A-Z“\"‘0-9£$€])")
"""A desk's label before the first sentence ("EXCLUSIVE: A Cabinet minister ...")."""


def _without_dateline(sentence: str) -> str:
    """"HOUSTON — A Texas jury ruled ..." reads as "A Texas jury ruled ...": the dateline's place and agency
    are the page's metadata, not part of what the article says."""
    if (m := _LABEL_LEAD.match(sentence)) and len(sentence) - m.end() > 20:
        sentence = sentence[m.end():]
    m = _DATELINE.match(sentence)
    if m and m["place"] and not m["more"] and re.fullmatch(r"[A-Z]+", m["place"]) \
            and not gazetteer.is_known_place(m["place"].title()):
        return sentence  # "NATO — The alliance's members agreed ...": an acronym, not a place
    return sentence[m.end():] if m and len(sentence) - m.end() > 20 else sentence


def _bare_quote(s: str) -> bool:
    """A quotation alone: who said it is not in the sentence, so it cannot stand in a summary."""
    return s[:1] in "“\"" and s[-1:] in "”\"" and not re.search(r"[”\"]\s*,?\s*\w+", s[1:-1])


@dataclass(frozen=True)
class Sentence:
    text: str
    start_char: int


_CLOSERS = re.compile(r"^[\s\"”’'»)\].!?]+$")


def _sentences(doc: Doc) -> list[Sentence]:
    """spaCy's sentences, with a piece that is only closing marks (the `"` of `problems."`, which the parser
    often makes a sentence of its own) joined back to the sentence it closes: else that sentence would seem
    to end inside its quotation and never be used."""
    out: list[Sentence] = []
    for s in doc.sents:
        if out and _CLOSERS.match(s.text) and not out[-1].text.endswith("\n"):  # not an opening mark after a break
            out[-1] = Sentence(out[-1].text + doc.text[out[-1].start_char + len(out[-1].text):s.end_char],
                               out[-1].start_char)
        elif s.text.strip():
            out.append(Sentence(s.text, s.start_char))
    return out


def _informative(sentence: str) -> bool:
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    letters = sum(c.isalpha() for c in sentence)
    if letters < 0.6 * len(sentence):
        return False
    if sentence.rstrip()[-1:] not in ".!?\"”’)":
        return False
    return not _PROMO.search(sentence)


_PROMO = re.compile(r"\bclick here\b|\ball rights reserved\b|\bsubscribe (?:now|today|here|to (?:our|the|this))\b"
                    r"|\bsign up (?:now|here|today|for (?:our|the|free))\b|\bcookie (?:policy|settings|consent)\b",
                    re.I)
"""A page's own call to act, not "Netflix added 9.3 million subscribers" or "third-party cookies"."""


def _cut_quote(sent, quoted: list[tuple[int, int]]) -> bool:
    """The sentence starts or ends inside a quotation (or lies wholly inside one), or its quotation marks do
    not pair up: it is a piece of a quote, not a sentence a reader can use alone."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    for a, b in quoted:
        if a < start < b or a < end <= b or (a <= start + 1 and end - 1 <= b):
            return True
    return _unbalanced(text)


def _unbalanced(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _left_open(para: str) -> bool:
    """The paragraph's double quotation marks, read by direction, leave a quotation open at its end. A mark
    opening a sentence while a quote is open re-opens it (British and wire copy run paragraphs together so:
    '"We won. "It was hard."' is closed); one inside a sentence is a quote within the quote ('the "reform"')."""
    depth = 0
    for m in re.finditer(r'["“”]', para):
        i, c = m.start(), m.group()
        before, after = para[i - 1:i], para[i + 1:i + 2]
        opens = c == "“" or c == '"' and (not before or before.isspace() or before in "([—–") \
            and after.strip() != ""
        if not opens:
            depth = max(0, depth - 1)
        elif not (depth and re.search(r"[.!?…][)'’]?\s+$", para[max(0, i - 4):i])):
            depth += 1
    return depth > 0


_SPEAKER_LABEL = re.compile(r"^[\"“]?\s*(?:(Q|A)[:.]|([A-Z][A-Z.'’ -]{1,30}[A-Z.])(?:,\s*[A-Z][A-Z ]{1,20})?:)\s+\S")
"""A transcript's turn: "Q:", "Q.", "SMITH:", NPR's "STEVE INSKEEP, HOST:"."""


def _speech_paragraphs(text: str, bounds: list[tuple[int, int]], spans: list[QSpan]) -> list[tuple[int, int]]:
    """Paragraphs that are speech as a whole, whatever marks they hold inside: one that opens a quotation it
    does not close (the quote goes on in the next paragraph, in US and British style alike, in double or
    single marks) and the turns of a transcript ("SMITH: ...", "Q: ...": two at least, in capitals). Their
    sentences are someone's words with no one named. Where the quote spans already end on the quote that runs
    on, they are trusted: paragraphs run together ('"... it," he said. Police arrived. "We ran') keep the
    reporter's sentences between the quotes."""
    last_span = {q.paragraph: q for q in spans}
    opened, turns = [], []
    for p, (a, b) in enumerate(bounds):
        para = text[a:b].strip()
        opener = [m.start() for m in _SINGLE_OPEN.finditer(text, a, b)]
        spanned = p in last_span and last_span[p].opens_only and last_span[p].start - 1 > a + 1
        if para[:1] in "\"“" and _left_open(para) and not spanned:
            opened.append((a - 1, b + 1))
        elif opener and not _SINGLE_CLOSE.search(text, opener[-1] + 1, b):
            opened.append((a - 1 if opener[-1] <= a + 1 else opener[-1], b + 1))  # from its mark on
        if (m := _SPEAKER_LABEL.match(para)) and (label := (m[1] or m[2]).strip()) not in NOT_SPEAKERS \
                and not _SECTION_LABEL.match(label) and not gazetteer.is_known_place(label.title()):
            turns.append((label, (a - 1, b + 1)))
    if len(turns) < 2:
        turns = []  # one "NOTE:"-like line is no transcript
    return opened + [span for _, span in turns]


_SECTION_LABEL = re.compile(r"(?:WHAT|WHY|HOW|WHO|WHEN|WHERE|THE|BY THE|KEY|BOTTOM|BIG|NEXT|BACKGROUND|CONTEXT)\b")
"""The crossheads of an explainer ("WHY IT MATTERS:", "WHAT'S NEXT:"): the reporter's, not a speaker's."""
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(:—–-]))‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"[\w.,!?;:…-]’(?!\w)")
"""A closing single mark: after a word or punctuation, not inside a word (the apostrophe of "it’s")."""


def _first_person_lead(sentences, quoted: list[tuple[int, int]], doc: Doc | None = None) -> bool:
    """The opening sentences speak in the first person outside any quotation: a column or a letter. A capital
    "I" after a name or a noun that takes numerals is a numeral ("Charles I", "World War I", "phase I trial",
    "Grade I listed"); one joined by a hyphen or a point is an abbreviation ("I-95", "Sanders, I-Vt.", "the
    I.M.F."); one before a capitalised word is in a title ("her hit I Will Always Love You")."""
    end = max((s.start_char + min(len(s.text), OPENING) for s in sentences), default=0)
    proper = set()  # an "I" after a proper noun (not a weekday): "Charles I"
    for t in (doc or ()):
        if t.idx > end:
            break
        if t.i and t.text == "I" and doc[t.i - 1].tag_ in ("NNP", "NNPS") \
                and doc[t.i - 1].ent_type_ not in ("DATE", "TIME"):
            proper.add(t.idx)
    for s in sentences:
        text = s.text[:OPENING]
        opens = [m.start() for m in re.finditer("‘", text)]
        closes = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
        for m in _FIRST_PERSON.finditer(text):
            pos = s.start_char + m.start()
            if m.group() == "I" and (pos in proper or _NUMERAL_I.search(text[max(0, m.start() - 40):m.start()])
                                     or re.match(r"[-.]\w", text[m.end():m.end() + 2])
                                     or re.match(r" [A-Z][a-z]", text[m.end():m.end() + 3])):
                continue
            if m.group() == "My" and text[:m.start()].strip(" “\"‘'") or _IN_TITLE.match(text, m.end()):
                continue
            in_single = bisect.bisect(opens, m.start()) > bisect.bisect(closes, m.start())  # says: ‘I will ...’
            if not in_single and not any(a - 1 <= pos <= b + 1 for a, b in quoted):
                return True
    return False


_IN_TITLE = re.compile(r"(?:['’][a-z]{1,2})?\s+"
                       r"(?:A|An|The|Of|To|In|On|For|And|Out|Me|My|It|Is|Was|Not|Got|Am|Will|Can)\s+[A-Z]")
"""After a first-person word, a capitalised little word and a capital: the title of a show, film or song
("I'm A Celebrity ... Get Me Out Of Here", "I Am The Walrus"), not the writer speaking ("I'm Sarah Smith")."""
OPENING = 2000
"""Characters of an opening sentence read for the first person: enough for any real one."""
_NUMERAL_I = re.compile(r"(?:\S\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                        r"March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w-]*"
                        r"|\b(?i:phase|type|stage|grade|class|tier|part|chapter|act|volume|book|section|level|category"
                        r"|title|war|league|division|schedule|article))\s+$")
"""Before a numeral "I": a capitalised word that is not the first of the sentence, or a noun of that kind."""


def _paragraph_bounds(text: str, starts: list[int]) -> list[tuple[int, int]]:
    ends = [s - 2 for s in starts[1:]] + [len(text)]
    return list(zip(starts, ends))


def _bag_key(sentence: str) -> frozenset:
    return frozenset(w for w in WORD.findall(sentence.lower()) if w not in STOP)


def _unit(v: dict) -> dict:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {w: x / norm for w, x in v.items()} if norm else {}


def _dot(a: dict, b: dict) -> float:
    """Cosine of two unit vectors (iterate over the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
