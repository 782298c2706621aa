"""Aggregate: the articles of a SiteIndex -> stories, each the articles about one event across outlets.

Two articles are one story when they are near-duplicates (a wire copy: most of their word 4-grams shared) or
when they cover the same event: dated within `window_days` of each other and sharing enough of the rarer
words and named actors and places of their opening paragraphs (idf-weighted over the collection, so "Trump"
and "said" count for little, "Crutcher" and "Tulsa" for much). Undated articles group only as near-duplicates.

Candidates come from MinHash LSH (datasketch), never from all pairs, so 10,000 articles take seconds
(benchmarks/stories.py). Groups grow by average linkage: two groups join only when their articles are, on
average, as close as a pair must be, so a chain of loosely linked articles does not become one story. When
in doubt the articles stay apart: a wrong story misleads more than a missing one.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from generator.aggregate import SiteIndex
from generator.records import Record


@dataclass(frozen=True)
class StoryOptions:
    """The grouping's settings (the plugin's `stories_*` options in mkdocs.yml)."""

    window_days: int = 4
    """Dated articles further apart than this are never one story (copies of one text excepted)."""
    threshold: float = 0.17
    """Pair score (text similarity, less `DAY_PENALTY` a day apart) from which two articles are one event."""
    duplicate: float = 0.5
    """Share of word 4-grams from which two articles are copies of one text (grouped even when undated)."""
    max_articles: int = 40
    """A story stops growing here: a bigger group is a topic, not an event."""


@dataclass
class Story:
    id: str
    title: str
    """The title of the article closest to all the others (the first by date among equals)."""
    articles: list[str] = field(default_factory=list)
    """Record ids, by date (undated last), then outlet."""
    sources: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None


DAY_PENALTY = 0.02
"""Score taken off per day between two articles: coverage of one event is mostly on the same or the next day."""
LEAD_PARAGRAPHS = 3
LEAD_WEIGHT = 3
NUM_PERM = 64
SHINGLE_WORDS = 400
"""Copies are compared on their opening words: a copy keeps them, however it was cut or extended at the end."""
TOP_TERMS = 20
"""An article's heaviest words and names, through which it meets the articles that may share its event."""
NEAREST = 60
"""Of the articles sharing a heavy word inside the window, the nearest in time that are compared."""
KEPT = 0.5
"""Pairs scoring under this share of the threshold are not kept, and count 0 like a pair never compared: they
could only pull a group's average down, and at 100,000 articles they are millions."""
CANDIDATES = 40
"""Articles compared with each article, at most (as many as a story can hold, `StoryOptions.max_articles`)."""
COPIES = 10
"""Copies of its text paired with each article, at most: enough for a story of `max_articles` copies (their
mean pair score is then a quarter or more, over the threshold), and a text copied a thousand times does not
make a million pairs."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


def group(index: SiteIndex, options: StoryOptions | None = None) -> list[Story]:
    """The stories of the collection: groups of two or more articles, largest first, then newest."""
    options = options or StoryOptions()
    if len(index.records) < 2:
        return []
    pairs = _scores(index, options)
    clusters = _average_linkage(len(index.records), pairs, options, [_day(r) for r in index.records])
    return _stories(clusters, index.records, pairs)


def scored_pairs(index: SiteIndex, options: StoryOptions | None = None) -> dict[tuple[str, str], float]:
    """The score of every pair kept (compared, and scoring at least `KEPT` of the threshold), by record ids (for
    the benchmark and the tests)."""
    ids = [r.id for r in index.records]
    return {(ids[i], ids[j]): s for (i, j), s in _scores(index, options or StoryOptions()).pairs()}


class Pairs:
    """Scores of pairs of articles (positions i < j among n), each pair keyed by one number, i * n + j, in two
    sorted arrays: millions of pairs at 100,000 articles, where a dict of them took hundreds of megabytes. A
    pair not here scores 0."""

    def __init__(self, n: int, keys: np.ndarray, scores: np.ndarray) -> None:
        self.n, self.keys, self.scores = n, keys, scores

    @classmethod
    def of(cls, n: int, scores: dict[tuple[int, int], float]) -> Pairs:
        got = sorted((min(i, j) * n + max(i, j), s) for (i, j), s in scores.items())
        return cls(n, np.array([k for k, _ in got], dtype=np.int64), np.array([s for _, s in got]))

    def total(self, xs: list[int], ys: list[int]) -> float:
        """The sum of the scores of every pair of one article of `xs` and one of `ys`."""
        a, b = np.asarray(xs, dtype=np.int64)[:, None], np.asarray(ys, dtype=np.int64)[None, :]
        wanted = (np.minimum(a, b) * self.n + np.maximum(a, b)).ravel()
        at = np.minimum(np.searchsorted(self.keys, wanted), max(self.keys.size - 1, 0))
        found = self.keys[at] == wanted if self.keys.size else np.zeros(wanted.size, dtype=bool)
        return sum(self.scores[at[found]].tolist())  # added in order, as a Python sum: the same float every time

    def pairs(self, floor: float = 0.0) -> Iterator[tuple[tuple[int, int], float]]:
        """((i, j), score) of the pairs scoring at least `floor`, strongest first (then by i and j)."""
        kept = np.flatnonzero(self.scores >= floor)
        kept = kept[np.argsort(-self.scores[kept], kind="stable")]  # keys are sorted: ties stay by (i, j)
        return ((divmod(int(k), self.n), float(v)) for k, v in zip(self.keys[kept], self.scores[kept]))


def _scores(index: SiteIndex, options: StoryOptions) -> Pairs:
    records = index.records
    vocab = _Vocabulary()
    terms, shingles = [], []
    for r in records:  # one text at a time: 10,000 articles' words at once would take gigabytes
        paragraphs = index.paragraphs(r)
        title, opening = len(_words(r.title)), len(_words(" ".join(paragraphs[:LEAD_PARAGRAPHS])))
        ids = vocab.ids(_words(" ".join([r.title, *paragraphs])))  # no word spans the space between two parts
        lead = np.concatenate([ids[:title], ids[:title + opening]])  # the title twice, the opening paragraphs
        terms.append(_terms(ids, lead))
        shingles.append(_shingles(ids[:SHINGLE_WORDS]))
    vectors = _tfidf(terms, vocab.stop)  # in place: the terms become the vectors
    del terms
    names = _names(records, index)
    days = [_day(r) for r in records]
    n = len(records)
    candidates = np.unique(np.fromiter(  # each pair once, though it may come from both sides and both searches
        (i * n + j for i, j in itertools.chain(_duplicates(shingles, days, options.window_days),
                                               _neighbours(vectors, days, options.window_days))), dtype=np.int64))
    keys, scores = array("q"), array("d")
    for key in candidates.tolist():
        i, j = divmod(key, n)
        apart = None if days[i] is None or days[j] is None else abs(days[i] - days[j])
        if apart is not None and apart > options.window_days:
            continue
        common = np.intersect1d(shingles[i], shingles[j], assume_unique=True).size
        copied = common / (min(shingles[i].size, shingles[j].size) or 1)
        if copied >= options.duplicate:
            score = 1.0
        elif apart is not None and _share(names[i], names[j]):  # one event has someone or somewhere in common
            score = _cosine(vectors[i], vectors[j]) - DAY_PENALTY * apart
            if score < KEPT * options.threshold:
                continue
        else:
            continue
        keys.append(key)
        scores.append(score)
    return Pairs(n, np.frombuffer(keys, dtype=np.int64), np.frombuffer(scores, dtype=np.float64))


class _Vocabulary:
    """Words as numbers, in order of first use across the collection; `stop` holds the numbers of the words of
    one or two letters and the stop words, which the text similarity leaves out."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.stop: set[int] = set()

    def ids(self, words: list[str]) -> np.ndarray:
        out = np.empty(len(words), dtype=np.int32)  # a collection has far fewer than 2**31 words
        for k, w in enumerate(words):
            n = self.numbers.get(w)
            if n is None:
                n = self.numbers[w] = len(self.numbers) + 1
                if len(w) <= 2 or w in STOP_WORDS:
                    self.stop.add(n)
            out[k] = n
        return out


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def _terms(ids: np.ndarray, lead: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The article's words (numbers, sorted) and their counts; those of its title (twice) and opening
    paragraphs count `LEAD_WEIGHT` more, as they say what the article is about (the rest drifts into
    background). The lead's words are all in the full text, which starts with the same title."""
    terms, counts = np.unique(ids, return_counts=True)
    counts = counts.astype(np.int32)
    if lead.size:
        words, times = np.unique(lead, return_counts=True)
        counts[np.searchsorted(terms, words)] += LEAD_WEIGHT * times
    return terms, counts


def _names(records: list[Record], index: SiteIndex) -> list[np.ndarray]:
    """Each article's actors and places, by their page across the collection ("Mrs Clinton" is Hillary
    Clinton), as sorted numbers: a set of strings per article is a gigabyte at 100,000 articles."""
    number: dict[str, int] = {}
    out = []
    for r in records:
        keys = {"@" + (index.actor_page.get((r.id, a.name)) or a.name.lower()) for a in r.actors} | {
            "#" + (index.place_page.get((r.id, p.name)) or p.name.lower()) for p in r.places}
        out.append(np.array(sorted(number.setdefault(k, len(number)) for k in keys), dtype=np.int32))
    return out


def _share(a: np.ndarray, b: np.ndarray) -> bool:
    return np.intersect1d(a, b, assume_unique=True).size > 0


Vector = tuple[np.ndarray, np.ndarray]
"""An article's words (numbers, sorted) and their weights, a unit vector."""


def _tfidf(terms: list[tuple[np.ndarray, np.ndarray]], stop: set[int]) -> list[Vector]:
    """Unit vectors of (1 + log count) * idf without the stop words: the words few articles use weigh most.
    The list of terms is turned into the list of vectors."""
    size = max((int(t[-1]) for t, _ in terms if t.size), default=0) + 1
    stopped = np.zeros(size, dtype=bool)
    stopped[list(stop)] = True
    df = np.zeros(size, dtype=np.int64)
    for t, _ in terms:
        df[t] += 1
    idf = np.log((len(terms) + 1) / (df + 0.5))
    for n, (t, k) in enumerate(terms):  # each replaced as it is done: 100,000 articles' terms are not kept twice
        keep = ~stopped[t]
        t, w = t[keep], (1 + np.log(k[keep])) * idf[t[keep]]
        terms[n] = (t, (w / (np.sqrt((w * w).sum()) or 1.0)).astype(np.float32))
    return terms


def _cosine(a: Vector, b: Vector) -> float:
    _, ia, ib = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    return float(np.dot(a[1][ia], b[1][ib]))


def _day(r: Record) -> int | None:
    try:
        return date.fromisoformat((r.date or "")[:10]).toordinal()
    except ValueError:
        return None


def _shingles(ids: np.ndarray) -> np.ndarray:
    """A text's word 4-grams as sorted unique 32-bit hashes: each 4-gram's word numbers mixed by multiplication
    (deterministic, unlike `hash`, and vectorised)."""
    if len(ids) < 4:
        return np.empty(0, dtype=np.uint32)
    ids = ids.astype(np.uint64)
    h = ids[:-3] * _MIX[0] ^ ids[1:-2] * _MIX[1] ^ ids[2:-1] * _MIX[2] ^ ids[3:] * _MIX[3]
    return np.unique((h ^ (h >> np.uint64(29))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


_MIX = tuple(np.uint64(x) for x in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93))


def _duplicates(shingles: list[np.ndarray], days: list[int | None], window: int) -> Iterator[tuple[int, int]]:
    """Pairs of texts that may be copies of each other: MinHash LSH over their word 4-grams (datasketch's
    sketches and bands; the buckets are sorted arrays, as its index of dicts takes kilobytes per article). Dated
    copies further apart than the window are never one story, and of a text copied hundreds of times only the
    `COPIES` nearest in time are paired with each: never all pairs."""
    from datasketch import MinHash, MinHashLSH  # 0.6 s to import: only when grouping

    bands = MinHashLSH(threshold=0.5, num_perm=NUM_PERM).hashranges  # which sketch values make each band
    scheme = MinHash(num_perm=NUM_PERM, seed=1)  # its permutations, made once (a tenth of the time otherwise)
    rows = np.array([i for i, items in enumerate(shingles) if items.size], dtype=np.int64)
    sketches = np.empty((rows.size, NUM_PERM), dtype=np.uint32)  # datasketch's hash values are under 2**32
    for k, i in enumerate(rows.tolist()):
        m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=scheme.permutations, scheme=scheme.scheme)
        m.update_batch(shingles[i].tolist())
        sketches[k] = m.hashvalues
    buckets = []  # per band: the rows in order of their bucket, where each bucket starts, each row's bucket
    for start, end in bands:
        _, bucket = np.unique(sketches[:, start:end], axis=0, return_inverse=True)
        bucket = bucket.ravel()
        order = np.argsort(bucket, kind="stable")
        starts = np.searchsorted(bucket[order], np.arange(bucket.max(initial=-1) + 2))
        buckets.append((order, starts, bucket))
    del sketches
    day = np.array([d if d is not None else 0 for d in days], dtype=np.int64)[rows]
    dated = np.array([d is not None for d in days], dtype=bool)[rows]
    for k in range(rows.size):
        mates = [order[starts[b]:starts[b + 1]] for order, starts, bucket in buckets
                 if starts[(b := bucket[k]) + 1] - starts[b] > 1]
        if not mates:
            continue
        near = np.unique(np.concatenate(mates))
        near = near[near != k]
        apart = np.where(dated[k] & dated[near], np.abs(day[near] - day[k]), 0)
        near, apart = near[apart <= window], apart[apart <= window]
        i = int(rows[k])
        for j in rows[near[np.lexsort((near, apart))][:COPIES]].tolist():  # the nearest in time, then by position
            yield min(i, j), max(i, j)


def _neighbours(vectors: list[Vector], days: list[int | None], window: int) -> Iterator[tuple[int, int]]:
    """Dated pairs inside the window that share one of their heaviest words (`TOP_TERMS`): an inverted index
    (sorted arrays), never all pairs. Per article and word, the `NEAREST` later articles in time; per article,
    the `CANDIDATES` that share the most of its heavy words (then the nearest in time): a common word ("Trump")
    on thousands of articles a day would otherwise make tens of millions of pairs at 100,000 articles."""
    size = max((int(t[-1]) for t, _ in vectors if t.size), default=0) + 1
    df = np.zeros(size, dtype=np.int32)
    for t, _ in vectors:
        df[t] += 1  # an article's words are unique
    heavy = []
    for i, (t, w) in enumerate(vectors):
        if days[i] is None:
            heavy.append(t[:0])
            continue
        shared = df[t] > 1  # a word no other article has leads nowhere
        t, w = t[shared], w[shared]
        heavy.append(t[np.argsort(-w, kind="stable")[:TOP_TERMS]])
    del df
    counts = np.array([h.size for h in heavy], dtype=np.int64)
    term = np.concatenate(heavy + [np.zeros(0, dtype=np.int32)])
    del heavy
    article = np.repeat(np.arange(len(vectors), dtype=np.int64), counts)
    day = np.array([d if d is not None else 0 for d in days], dtype=np.int64)
    order = np.lexsort((article, day[article], term))  # each word's articles by date, then position
    term, article = term[order], article[order]
    at = np.empty(order.size, dtype=np.int64)
    at[order] = np.arange(order.size)  # where each (article, word) went
    del order
    offsets = np.concatenate([[0], np.cumsum(counts)])
    for i in range(len(vectors)):
        if counts[i] == 0:
            continue
        found = []
        for k in at[offsets[i]:offsets[i + 1]].tolist():
            later = slice(k + 1, k + 1 + NEAREST)
            ok = np.logical_and.accumulate((term[later] == term[k]) & (day[article[later]] - day[i] <= window))
            found.append(article[later][ok])
        near, shared = np.unique(np.concatenate(found), return_counts=True)
        for j in near[np.lexsort((near, day[near] - day[i], -shared))][:CANDIDATES].tolist():
            yield min(i, j), max(i, j)


def _average_linkage(n: int, pairs: Pairs, options: StoryOptions,
                     days: list[int | None] | None = None) -> list[list[int]]:
    """Groups joined strongest pair first, each join only when the mean score over all the pairs between the
    two groups (a pair never scored counts 0) reaches the threshold, the result stays small enough, and its
    dated articles stay within `window_days` of each other (an undated copy does not tie together the dated
    copies of one text years apart)."""
    days = days or [None] * n
    cluster = {i: [i] for i in range(n)}
    span = {i: (d, d) if (d := days[i]) is not None else None for i in range(n)}
    of = list(range(n))
    for (i, j), _ in pairs.pairs(options.threshold):
        ci, cj = of[i], of[j]
        if ci == cj or len(cluster[ci]) + len(cluster[cj]) > options.max_articles:
            continue
        both = [x for x in (span[ci], span[cj]) if x is not None]
        joined = (min(x[0] for x in both), max(x[1] for x in both)) if both else None
        if joined is not None and joined[1] - joined[0] > options.window_days:
            continue
        if pairs.total(cluster[ci], cluster[cj]) / (len(cluster[ci]) * len(cluster[cj])) < options.threshold:
            continue
        keep, gone = min(ci, cj), max(ci, cj)
        for x in cluster[gone]:
            of[x] = keep
        cluster[keep] += cluster.pop(gone)
        span[keep] = joined
        del span[gone]
    return [sorted(c) for c in cluster.values() if len(c) >= 2]


def _stories(clusters: list[list[int]], records: list[Record], pairs: Pairs) -> list[Story]:
    """A story's id is its first article's (unique, and it stays while later articles join); its title is
    the title of the article closest to all the others."""
    made = []
    for members in clusters:
        ordered = sorted(members, key=lambda i: _story_order(records[i]))

        def centrality(i: int, members=members) -> float:
            return pairs.total([i], [j for j in members if j != i])

        central = max(ordered, key=lambda i: (centrality(i), -ordered.index(i)))
        rs = [records[i] for i in ordered]
        dates = [r.date[:10] for r in rs if r.date and _day(r) is not None]
        made.append(Story(id=rs[0].id, title=records[central].title, articles=[r.id for r in rs],
                          sources=list(dict.fromkeys(r.source for r in rs if r.source)),
                          first=min(dates) if dates else None, last=max(dates) if dates else None))
    return sorted(made, key=lambda s: (-len(s.articles), s.last is None, _neg(s.last or ""), s.id))


def _story_order(r: Record) -> tuple:
    return (r.date is None, (r.date or "")[:10], r.source.lower(), r.title.lower(), r.id)


def _neg(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def by_article(stories: list[Story]) -> dict[str, Story]:
    """Each grouped article's story."""
    return {rid: s for s in stories for rid in s.articles}


__all__ = ["Story", "StoryOptions", "by_article", "group", "scored_pairs"]
