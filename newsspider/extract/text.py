"""Small text helpers shared by the metadata and body extractors (pure, no I/O)."""

from __future__ import annotations

import html as htmllib
import re
import unicodedata

_WS = re.compile(r"\s+")
# zero-width characters and soft hyphens that only affect rendering
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize_ws(text: str | None) -> str:
    """Collapse every whitespace run (incl. NBSP) to one space and strip; drop invisible chars."""
    if not text:
        return ""
    if _HAS_INVISIBLE.search(text):  # rare; translate() is the slow part on non-ASCII text
        text = text.translate(_INVISIBLE)
    return _WS.sub(" ", text).strip()


def clean_text(text: str | None) -> str:
    """`normalize_ws` after decoding HTML entities (for values from attributes or JSON-LD)."""
    if not text:
        return ""
    if "&" in text:
        text = htmllib.unescape(text)
    return normalize_ws(text)


def fold(text: str | None) -> str:
    """Comparison key: entity-decoded, NFKC, case-folded, whitespace-normalised, quotes unified."""
    text = unicodedata.normalize("NFKC", clean_text(text)).casefold()
    return text.translate(_QUOTES)


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-"})

_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff]+"
)


def word_tokens(text: str) -> list[str]:
    """Lower-cased word tokens; each CJK ideograph/kana counts as one token (no spaces there)."""
    return _TOKEN.findall(text.casefold())
