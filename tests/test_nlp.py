"""The spaCy pipeline as loaded: the lookup attribute rules must give exactly what spaCy's AttributeRuler gives."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from generator.attribute_rules import AttributeRules

from .conftest import SEED

# Contractions, dialect spellings and expletive "there": the model's multi-token rules.
ODD_ENGLISH = (
    "I'm gonna go, y'all. Ain't nothin' gonna stop us, ya know. Let's c'm on, we gotta do it. "
    "There is a dog and there are cats. He'd said it'd rain. She doesn't, they won't and we can't. "
    "It was being done. Nobody said anything; something happened. That is what he'd've wanted."
)


def _annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_loaded_pipeline_uses_the_lookup_rules(nlp):
    assert "attribute_rules" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("attribute_rules") > nlp.pipe_names.index("parser")


def test_lookup_rules_equal_spacys_attribute_ruler(nlp):
    from generator.nlp import MODELS

    reference = None
    for name in MODELS:
        try:
            reference = spacy.load(name, disable=["lemmatizer", "ner"])
            break
        except OSError:
            continue
    ruler = reference.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    texts = [SEED.read_text(encoding="utf-8"), ODD_ENGLISH, "", "\n\n  \n"]
    for doc in reference.pipe(texts, disable=["attribute_ruler"]):
        expected, got = Doc(doc.vocab).from_bytes(doc.to_bytes()), Doc(doc.vocab).from_bytes(doc.to_bytes())
        assert _annotations(rules(got)) == _annotations(ruler(expected))
    # and the rules did something: pronouns, auxiliaries, proper nouns
    doc = nlp("He'd said she was gone.")
    assert [t.pos_ for t in doc][:3] == ["PRON", "AUX", "VERB"]
    assert str(doc[0].morph) == "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs"
