"""The language of a text, for pages whose markup does not declare one (``<html lang>``,
``og:locale``, JSON-LD ``inLanguage``…). Uses py3langid (langid.py's model: 97 languages, a few
hundred microseconds per article, the model ships inside the package). Pure; no Scrapy."""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_CHARS = 40  # shorter texts are not classified reliably
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 3000  # the first few paragraphs decide; longer texts only cost time


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    text = (text or "").strip()
    if len(text) < MIN_CHARS:
        return None
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang) if prob >= MIN_PROBABILITY else None
