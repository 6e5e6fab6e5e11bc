"""The language of a text, for pages whose markup does not declare one (``<html lang>``,
``og:locale``, JSON-LD ``inLanguage``…). Uses py3langid (langid.py's model: 97 languages, a few
hundred microseconds per article, the model ships inside the package). Pure; no Scrapy."""

from __future__ import annotations

import re
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


# Plainly English: at least 100 words, nearly all ASCII letters, a quarter or more of them among
# English's most common function words. Such a text is "en" without loading the model (~600 ms:
# py3langid's import and its LZMA-packed model), which is what the model said for every one of
# them: 2,329 of 4,578 English texts and chunks of 150-3,000 characters of news-pages, fan-news,
# demo, PolNeAR train and TimeBank, and 278 of 464 of the held-out real-news and PolNeAR dev
# (2026-12-03), never for a text it gave another language or no language (those reach 56 words
# at most at this share of function words).
EN_FUNCTION_WORDS = frozenset("""
the of and to a in is was that for on with as by at from it his he said has have be are were an
this which who their not but its after they been will had her she""".split())
EN_MIN_WORDS = 100
EN_MIN_SHARE = 0.25
EN_MAX_NON_ASCII = 0.01  # of the letters


@cache
def _word_re() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def plainly_english(sample: str) -> bool:
    words = _word_re().findall(sample)
    if len(words) < EN_MIN_WORDS:
        return False
    letters = sum(map(len, words))
    non_ascii = sum(len(w) - sum(c.isascii() for c in w) for w in words if not w.isascii())
    if non_ascii > EN_MAX_NON_ASCII * letters:
        return False
    return sum(w.lower() in EN_FUNCTION_WORDS for w in words) >= EN_MIN_SHARE * len(words)


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    text = (text or "").strip()
    if len(text) < MIN_CHARS:
        return None
    sample = text[:SAMPLE_CHARS]
    if plainly_english(sample):
        return "en"
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= MIN_PROBABILITY else None


def language_of(declared: str | None, text: str | None) -> str | None:
    """The record's language: the markup's code when it is an ISO 639-1 code, else detected from
    the text (a page declaring "utf" or "und" says nothing)."""
    code = (declared or "").strip().lower()
    if code in ISO_639_1:
        return code
    return detect_language(text)
