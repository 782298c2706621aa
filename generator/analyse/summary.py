"""Lede and key points: sentence centrality (TF-IDF cosine to the rest of the article) with a position prior."""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

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
    candidates = [s.text.strip() for s in sentences if _informative(s.text)]
    if not candidates:
        candidates = [s.text.strip() for s in sentences][:3]
    lede = standfirst.strip() or (candidates[0] if candidates else "")
    pool = [c for c in candidates if c != lede and not lede.startswith(c)]
    return lede, key_points(pool, lede)


def key_points(sentences: list[str], lede: str, k_min: int = 3, k_max: int = 5) -> list[str]:
    if not sentences:
        return []
    bags = [Counter(w for w in WORD.findall(s.lower()) if w not in STOP) for s in sentences]
    df = Counter(w for b in bags for w in b)
    n = len(sentences)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    vecs = [_unit({w: tf * idf[w] for w, tf in b.items()}) for b in bags]
    lede_vec = Counter(w for w in WORD.findall(lede.lower()) if w not in STOP)
    scores = []
    for i, v in enumerate(vecs):
        centrality = sum(_dot(v, u) for j, u in enumerate(vecs) if j != i) / max(1, n - 1)
        redundancy = _dot(v, _unit({w: idf.get(w, 1.0) for w in lede_vec}))
        position = 1.0 / (1.0 + i / 3.0)
        words = len(sentences[i].split())
        length = 1.0 if MIN_WORDS <= words <= 40 else 0.7
        scores.append((0.55 * centrality + 0.45 * position * 0.25) * length - 0.15 * max(0.0, redundancy - 0.5))
    k = max(k_min, min(k_max, round(n / 6)))
    chosen = sorted(sorted(range(n), key=lambda i: -scores[i])[:k])
    return [sentences[i] for i in chosen]


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

