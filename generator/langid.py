"""Language of an article, with py3langid (its model ships inside the package: nothing to download)."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, min_confidence: float = 0.9) -> str:
    """ISO 639-1 code; English unless another language is clear (short or mixed text stays English)."""
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < 40:
        return "en"
    lang, confidence = _identifier().classify(sample)
    return lang if lang != "en" and confidence >= min_confidence else "en"
