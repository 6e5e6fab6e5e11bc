"""The language of a text, for pages whose markup does not declare one (``<html lang>``,
``og:locale``, JSON-LD ``inLanguage``…). Uses py3langid (langid.py's model: 97 languages, a few
hundred microseconds per article, the model ships inside the package). Pure; no Scrapy."""

from __future__ import annotations

from functools import cache
from typing import Any

# ISO 639-1: the two-letter codes the record's `language` uses
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv
dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig
ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh
mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru
rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug
uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())

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


def language_of(declared: str | None, text: str | None) -> str | None:
    """The record's language: the markup's code when it is an ISO 639-1 code, else detected from
    the text (a page declaring "utf" or "und" says nothing)."""
    code = (declared or "").strip().lower()
    if code in ISO_639_1:
        return code
    return detect_language(text)
