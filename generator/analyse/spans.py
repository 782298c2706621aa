"""Quote spans: where quotations are in the text, before anyone asks who said them.

Curly and straight double quotes, quotes over several sentences and paragraphs, partial quotes inside a
sentence, single quotes where an article uses them as its primary marks. Straight marks are paired by
direction, so merged paragraphs ("First part. "Second part.") and stray marks do not turn narration into a
quote. Titles ("on Fox's “Morning Show”"), markup attribute values and pronoun-only scare quotes are not
quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analyse.lexicon import PRONOUNS

OPEN_DOUBLE, CLOSE_DOUBLE = "“«„", "”»‟"
QUOTE_MARKS = "“”\"«»„‟"
TITLE_CUES = re.compile(
    r"\b(?:titled|entitled|film|movie|documentary|book|novel|song|album|show|series|programme|program|podcast|"
    r"headline|hashtag|nickname|column|magazine|newspaper|broadcast)\s*$", re.I)
TITLE_PLACE = re.compile(r"(?:\b(?:on|of|at|in|from|to)|['’]s|\bthe)\s*$", re.I)
STAGE_DIRECTION = re.compile(r"[(\[].*[)\]]\.?")


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
    evidence: str | None = None  # how the speaker was found: a key of quotes.CONFIDENCE
    label: str | None = None  # a transcript paragraph's speaker label ("Q", "A", "DOE")


TRANSCRIPT_LINE = re.compile(r"(Q|A|[A-Z][A-Z.'’ -]{1,30}[A-Z.]|[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}):\s+"
                             r"(?=[^\s\"“])")
"""A paragraph of an interview transcript: a capitalised speaker label, a colon, then the words unquoted."""
NOT_SPEAKERS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "READ MORE", "WATCH", "VIDEO",
                "PHOTOS", "RELATED", "SEE ALSO", "CLARIFICATION", "SOURCE", "SOURCES", "ADVERTISEMENT", "LISTEN"}


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
            if _not_a_quote(para, s, e):
                continue
            q = QSpan(start + s, start + e, p, opens_only=not closed)
            q.continued = prev_open and i == 0 and s <= 2 or i > 0 and (
                not found[i - 1][2] or not para[found[i - 1][1]:s].strip(" \t" + QUOTE_MARKS))
            spans.append(q)
        prev_open = bool(found) and not found[-1][2]
    return sorted(spans + _transcript_spans(text, para_starts), key=lambda q: q.start)


def _transcript_spans(text: str, para_starts: list[int]) -> list[QSpan]:
    """Q&A and interview transcripts ("Q: …" / "A: …", "DOE: …"): each answer is a direct quote of its
    label's speaker. Only where at least two paragraphs are laid out so, and never a quote already in marks."""
    lines = []
    for p, start in enumerate(para_starts):
        end = (para_starts[p + 1] - 2) if p + 1 < len(para_starts) else len(text)
        m = TRANSCRIPT_LINE.match(text, start, end)
        if m and m.group(1).strip().upper() not in NOT_SPEAKERS \
                and not any(c in text[m.end():end] for c in QUOTE_MARKS):
            lines.append(QSpan(m.end(), end, p, own_cue=True, cue=":", label=m.group(1).strip()))
    labels = [q.label for q in lines]
    # a transcript: labelled lines that take turns (a "Q:", or a label seen twice); capitalised labels
    # only so ("Harlan: No."), never a lone "Note:" or "Source:" line
    if len(lines) < 2 or not ("Q" in labels or any(labels.count(x) > 1 for x in labels)):
        return []
    return [q for q in lines if q.label.isupper() or labels.count(q.label) > 1 or "Q" in labels]


def _not_a_quote(para: str, s: int, e: int) -> bool:
    """Titles, markup attribute values, stage directions, nicknames and quoted pronouns are in quotation
    marks but are nobody's words."""
    inner = para[s:e].strip()
    before = para[max(0, s - 40):max(0, s - 1)]
    if not re.search(r"[A-Za-z]{2}", inner) or before.endswith("=") or STAGE_DIRECTION.fullmatch(inner):
        return True
    if TITLE_CUES.search(before) or inner.lower().strip(".,") in PRONOUNS:
        return True
    if re.fullmatch(r"[A-Z][\w'’.-]*", inner) and re.search(r"[A-Z][\w.]*\s$", before) \
            and re.match(r"\s[A-Z]", para[e + 1:e + 3]):
        return True  # Jane "JJ" Doe
    is_title = _title_case(inner) and TITLE_PLACE.search(before) and not starts_sentence(para, s)
    return bool(is_title) and not inner.rstrip(".,").endswith("!")  # a chant ("chants of “Go team!”") is speech


def _title_case(inner: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", inner)
    content = [w for w in words if len(w) > 3]
    return 0 < len(words) <= 6 and bool(content) and all(w[0].isupper() for w in content)


def starts_sentence(text: str, s: int) -> bool:
    before = text[max(0, s - 80):max(0, s - 1)].rstrip()
    return not before or before[-1] in ".?!:\n"


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))['‘](?=[\w…])(.+?)(?<=[\w.,!?…])['’](?![\w])", re.M)
"""A single-quoted span (curly or straight): opens at a word start, closes after a word or punctuation and
before a non-letter, so the apostrophes of "don't" and "drivers' union" neither open nor close it."""


def _single_primary(text: str) -> bool:
    """British style: the article's quotation marks are single ones (‘…’ or '…')."""
    singles = len(re.findall(r"(?:^|[\s(\[—–:-])['‘](?=[\w…])", text))
    doubles = sum(text.count(c) for c in OPEN_DOUBLE) + text.count('"') // 2
    return singles >= 2 and singles > doubles


def _is_opener(para: str, i: int) -> bool:
    """An opening mark: a curly opener, a straight quote not glued to a word, or a closing curly mark
    used as an opener at the start of a paragraph or word (“…” typed as ”…”)."""
    c = para[i]
    if c in OPEN_DOUBLE:
        return True
    prev_ok = i == 0 or not para[i - 1].isalnum() or para[i - 1] in "(["
    if c == '"':
        return prev_ok
    return c == "”" and (i == 0 or para[i - 1] in " \t(—–") and i + 1 < len(para) and para[i + 1].isalnum()


_MARKS = re.compile("[" + re.escape(OPEN_DOUBLE + '"”') + "]")


def _mark_direction(para: str, i: int) -> str:
    """A straight double mark's direction from its neighbours: "open" before a word after a space (or at
    the start), "close" after a word or punctuation before a space, punctuation or the end; else "?"."""
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…'’")
    return "open" if opens and not closes else "close" if closes and not opens else "?"


RUN_ON = re.compile(r"[.!?…][)'’]?\s+$")
"""A quotation that ends a sentence and is followed by a new opening mark: in corpora whose paragraphs
were merged (the BBC News dataset), a quoted paragraph that runs on never got its closing mark."""


def _run_on(para: str, start: int, i: int) -> bool:
    """RUN_ON over para[start:i], looking only at the end: the whitespace before `i` and the two marks before
    it (a search over the whole open quotation at every mark would be quadratic on a hostile paragraph)."""
    j = i
    while j > start and para[j - 1].isspace():
        j -= 1
    return j < i and RUN_ON.search(para, max(start, j - 2), i) is not None


def _straight_spans(para: str) -> list[tuple[int, int, bool]]:
    """Pair straight marks by direction, so one stray or missing mark cannot turn the narration between two
    quotations into a quote: an opening mark while a quotation is open, right after a sentence end, closes
    it there (``said: "First part. "Second part."``); a closing mark with nothing open is ignored."""
    out: list[tuple[int, int, bool]] = []
    open_at, nested = -1, 0
    marks = [(m.start(), _mark_direction(para, m.start())) for m in re.finditer('"', para)]
    closes_after = [0] * (len(marks) + 1)  # closing marks after each mark: one pass, not one count per mark
    for k in range(len(marks) - 1, -1, -1):
        closes_after[k] = closes_after[k + 1] + (marks[k][1] == "close")
    for k, (i, d) in enumerate(marks):
        if open_at < 0:
            if d != "close":
                open_at = i
            continue
        if d == "open" and _run_on(para, open_at + 1, i):
            inner_end = open_at + 1 + len(para[open_at + 1:i].rstrip())
            out.append((open_at + 1, inner_end, False))
            open_at = i
            continue
        if d == "open" and closes_after[k + 1] >= nested + 2:
            nested += 1  # "He told me "go home" and left," she said: a quotation inside the quotation
            continue
        if nested and d != "open":
            nested -= 1
            continue
        out.append((open_at + 1, i, True))
        open_at = -1
    if open_at >= 0:
        out.append((open_at + 1, len(para), False))
    return out


def _double_spans(para: str) -> list[tuple[int, int, bool]]:
    if '"' in para and not any(c in para for c in OPEN_DOUBLE + CLOSE_DOUBLE):
        return _straight_spans(para)
    out = []
    i, n = 0, len(para)
    while i < n:
        mark = _MARKS.search(para, i)  # jump to the next quotation mark: only those can open
        if mark is None:
            break
        i = mark.start()
        if not _is_opener(para, i):
            i += 1
            continue
        j = _nested_close(para, i)
        if j < 0:
            closers = CLOSE_DOUBLE + '"' if para[i] in OPEN_DOUBLE else '"' + CLOSE_DOUBLE
            j = i + 1
            while j < n and para[j] not in closers and para[j] not in OPEN_DOUBLE:
                j += 1
        if j < n and para[j] in CLOSE_DOUBLE + '"':
            out.append((i + 1, j, True))
            i = j + 1
            continue
        if j >= n:
            out.append((i + 1, n, False))
            break
        i = j
    return out


def _nested_close(para: str, i: int) -> int:
    """The closing mark of a quotation with a quotation inside it ("He said “no” twice", “… “no” …”), or -1
    where there is no balanced nesting to rely on."""
    if para[i] == '"':
        j = para.find('"', i + 1)
        inner = para[i + 1:j] if j > 0 else ""
        opens = sum(inner.count(c) for c in OPEN_DOUBLE)
        return j if opens and opens == sum(inner.count(c) for c in CLOSE_DOUBLE) else -1
    depth = 0
    for j in range(i, len(para)):
        if para[j] in OPEN_DOUBLE:
            depth += 1
        elif para[j] in CLOSE_DOUBLE:
            depth -= 1
            if depth == 0:
                return j if para.count("“", i, j) > 1 else -1
        elif para[j] == '"':
            return -1
    return -1


def _single_spans(para: str) -> list[tuple[int, int, bool]]:
    out = []
    for m in _SINGLE.finditer(para):
        if sum(c.isalpha() for c in m.group(1)) >= 2:
            out.append((m.start(1), m.end(1), True))
    return out


def kind_of(text: str, q: QSpan) -> str:
    """"direct" for a quotation that opens a sentence after an introduction, else "partial"."""
    inner = text[q.start:q.end].strip()
    before = text[max(0, q.start - 3):q.start - 1].rstrip()
    starts_sentence = inner[:1].isupper() or inner[:1] in "…."
    after_intro = not before or before[-1:] in ",:;.?!\n—–-" or q.continued
    return "direct" if starts_sentence and after_intro else "partial"
