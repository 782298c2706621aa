"""The model's attribute_ruler, applied by lookup: the same rules, the same results, a quarter of the time.

spaCy's AttributeRuler tries each of its ~180 patterns on every token through the Matcher, and the
set and regex tests in them are Python calls: that was 15% of the whole pipeline's time. A one-token
rule depends only on a few attributes of the token (its tag, lower-case form, dependency, is-space),
so what the rules do to each distinct combination is worked out once and then looked up. The few
multi-token rules are read from the same lookups. Rules this module cannot read keep spaCy's own component.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule may test, with the array column that holds them.
READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH, "TEXT": ORTH}
WRITE = {"POS", "MORPH", "LEMMA", "TAG", "DEP"}
MEMO_SIZE = 200_000


class Unsupported(ValueError):
    """A rule uses something this module does not evaluate: keep spaCy's component."""


def _test(value, cond) -> bool:
    if not isinstance(cond, dict):
        return value == cond
    for op, arg in cond.items():
        if op == "IN":
            ok = value in arg
        elif op == "NOT_IN":
            ok = value not in arg
        elif op == "REGEX":
            ok = re.search(arg, value) is not None
        else:
            raise Unsupported(op)
        if not ok:
            return False
    return True


def _check(spec: dict) -> None:
    for key, cond in spec.items():
        if key not in READ:
            raise Unsupported(key)
        if isinstance(cond, dict) and not set(cond) <= {"IN", "NOT_IN", "REGEX"}:
            raise Unsupported(str(cond))


class _Seen(NamedTuple):
    """What the rules make of a token with given attribute values."""

    rules: list[tuple[int, dict]]  # the one-token rules that match, in rule order
    attrs: dict  # their attributes merged, later rules winning
    steps: frozenset[int]  # the steps of multi-token rules the token satisfies


class AttributeRules:
    """A pipeline component equivalent to the AttributeRuler it is built from."""

    def __init__(self, ruler):
        self.single: list[tuple[int, dict, dict]] = []  # (rule number, token test, attributes)
        self.multi: list[tuple[int, dict, int, tuple[int, ...]]] = []  # (number, attributes, index, steps)
        self.steps: list[dict] = []  # the token tests of multi-token rules
        for number, rule in enumerate(ruler.patterns):
            if not set(rule["attrs"]) <= WRITE:
                raise Unsupported(str(rule["attrs"]))
            attrs = ruler.attrs[number]  # normalised: attribute ids and string hashes, as set_token_attrs wants
            for pattern in rule["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    raise Unsupported("a phrase pattern")
                for spec in pattern:
                    _check(spec)
                if len(pattern) == 1:
                    self.single.append((number, pattern[0], attrs))
                else:
                    first = len(self.steps)
                    self.steps.extend(pattern)
                    self.multi.append((number, attrs, rule["index"], tuple(range(first, first + len(pattern)))))
        self.keys = sorted({k for _, spec, _ in self.single for k in spec} | {k for s in self.steps for k in s}
                           | {"TAG"})
        self.columns = [READ[k] for k in self.keys]
        # Most rules name the tag they apply to: only those, and the rules naming none, are tried.
        by_tag: dict[str | None, list] = {}
        for rule in self.single:
            tag = rule[1].get("TAG")
            if isinstance(tag, dict) and set(tag) == {"IN"}:
                tags = tag["IN"]
            else:
                tags = [tag] if isinstance(tag, str) else [None]
            for t in tags:
                by_tag.setdefault(t, []).append(rule)
        self.anywhere = by_tag.pop(None, [])
        self.by_tag = {t: sorted(rules + self.anywhere, key=lambda r: r[0]) for t, rules in by_tag.items()}
        self.strings = ruler.vocab.strings
        self._memo: dict[tuple, _Seen] = {}

    def _see(self, key: tuple) -> _Seen:
        seen = self._memo.get(key)
        if seen is None:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            token = {k: (bool(v) if k == "IS_SPACE" else self.strings[v]) for k, v in zip(self.keys, key)}

            def matches(spec: dict) -> bool:
                return all(_test(token[k], cond) for k, cond in spec.items())

            rules = [(n, attrs) for n, spec, attrs in self.by_tag.get(token["TAG"], self.anywhere) if matches(spec)]
            steps = frozenset(i for i, spec in enumerate(self.steps) if matches(spec))
            seen = self._memo[key] = _Seen(rules, _merge(rules), steps)
        return seen

    def __call__(self, doc: Doc) -> Doc:
        seen = [self._see(tuple(row)) for row in doc.to_array(self.columns).tolist()] if len(doc) else []
        extra: dict[int, list[tuple[int, dict]]] = {}
        starts = [i for i, s in enumerate(seen) if s.steps]
        for number, attrs, index, steps in self.multi:
            for i in starts:
                if i + len(steps) <= len(seen) and all(step in seen[i + k].steps for k, step in enumerate(steps)):
                    target = i + (index if index >= 0 else len(steps) + index)
                    if i <= target < i + len(steps):
                        extra.setdefault(target, []).append((number, attrs))
        for i, s in enumerate(seen):
            attrs = _merge(s.rules + extra[i]) if i in extra else s.attrs
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc


def _merge(rules: list[tuple[int, dict]]) -> dict:
    """Later rules win, as in the AttributeRuler (it sorts its matches by rule number)."""
    out: dict = {}
    for _, attrs in sorted(rules, key=lambda r: r[0]):
        out.update(attrs)
    return out


@Language.factory("summary_site_attribute_rules")
def _make(nlp, name):
    return AttributeRules(nlp.get_pipe("attribute_ruler"))


def speed_up(nlp) -> None:
    """Swap the pipeline's attribute_ruler for the lookup version (unchanged when it is absent or unreadable)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe("summary_site_attribute_rules", name="attribute_rules", after="attribute_ruler")
    except Unsupported:
        return
    nlp.remove_pipe("attribute_ruler")
