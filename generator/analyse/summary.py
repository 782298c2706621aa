"""Lede and key points: sentence centrality (TF-IDF cosine to the rest of the article) with a position prior."""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

from generator.analyse import docs
from generator.analyse.quotes import find_spans

STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being it its this
that these those he she they we you i his her their our your not no so than then there here which who whom
whose what when where why how all any both each few more most other some such only own same too very can will
just should now said says also has have had do does did would could may might must about into over after
before under again further once up down out off""".split())
WORD = re.compile(r"[a-z][a-z'-]+")
MIN_WORDS, MAX_WORDS = 8, 60


def summarise(doc: Doc, standfirst: str, para_starts: list[int], skip_first_para: bool) -> tuple[str, list[str]]:
    sentences = [s for s in doc.sents if s.text.strip()]
    if skip_first_para and len(para_starts) > 1:
        sentences = [s for s in sentences if s.start_char >= para_starts[1]]
    quoted = [(q.start, q.end) for q in find_spans(docs.text(doc), para_starts)]
    candidates = [s.text.strip() for s in sentences if _informative(s.text)
                  and not any(a < s.start_char + 2 and s.end_char - 2 <= b for a, b in quoted)]
    if not candidates:
        candidates = [s.text.strip() for s in sentences][:3]
    lede = standfirst.strip() or (candidates[0] if candidates else "")
    pool = [c for c in candidates if c != lede and not lede.startswith(c)]
    return lede, key_points(pool, lede)


def key_points(sentences: list[str], lede: str, k_min: int = 3, k_max: int = 5) -> list[str]:
    """Central sentences (TF-IDF cosine to the rest), nudged towards the top of the article, without
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
        position = 1.0 / (1.0 + i / 4.0)
        words = len(sentences[i].split())
        length = 1.0 if MIN_WORDS + 4 <= words <= 40 else 0.75
        quoted = 0.8 if sentences[i].lstrip()[:1] in "“\"" else 1.0  # a bare quote says less than a report
        base.append((0.5 * c / top + 0.5 * position) * length * quoted)
    k = max(k_min, min(k_max, n // 15 + 1))
    chosen: list[int] = []
    while len(chosen) < min(k, n):
        def gain(i: int) -> float:
            overlap = max([_dot(vecs[i], lede_vec)] + [_dot(vecs[i], vecs[j]) for j in chosen])
            return base[i] - 0.5 * overlap
        best = max((i for i in range(n) if i not in chosen), key=gain)
        chosen.append(best)
    return [sentences[i] for i in sorted(chosen)]


def _informative(sentence: str) -> bool:
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    letters = sum(c.isalpha() for c in sentence)
    if letters < 0.6 * len(sentence):
        return False
    if sentence.rstrip()[-1:] not in ".!?\"”’)":
        return False
    low = sentence.lower()
    return not any(w in low for w in ("click here", "sign up", "subscribe", "all rights reserved", "cookie"))


def _unit(v: dict) -> dict:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {w: x / norm for w, x in v.items()} if norm else {}


def _dot(a: dict, b: dict) -> float:
    """Cosine of two unit vectors (iterate over the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())

