"""Cached views of a spaCy Doc: `Doc.text` joins every token and `Doc.ents` rebuilds its spans on each
access, which made them the analysis' hot spots. Read each once per document."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def text(doc: Doc) -> str:
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def ents(doc: Doc) -> tuple[Span, ...]:
    if "ents" not in doc.user_data:
        doc.user_data["ents"] = tuple(doc.ents)
    return doc.user_data["ents"]
