"""Small text helpers shared by the metadata and body extractors (pure, no I/O)."""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from collections.abc import Callable

from newsspider.extract.lazyre import lazy

# zero-width characters and soft hyphens that only affect rendering
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# letters whose case folding meets ASCII (İ ı ſ, the Kelvin sign): a case-insensitive pattern
# can match them where the lower-cased text holds no ASCII word
FOLD_SPECIAL = lazy("[\u0130\u0131\u017f\u212a]")


def fold_special(text: str) -> bool:
    """``FOLD_SPECIAL.search(text) is not None``, by substring tests: an ASCII text is answered
    at once, and so is a search for a character above the widest one of the text (a Latin-1
    text), where the pattern's scan read every character."""
    return not text.isascii() and (
        "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False when no word of `words` (ASCII, lower-case) can occur in `text` case-insensitively:
    a necessary condition of a case-insensitive pattern made of them, answered by substring
    tests of the lower-cased text in C instead of the pattern tried at every position."""
    return word_test(text)(words)


def has_invisible(text: str) -> bool:
    """``_HAS_INVISIBLE.search(text) is not None``, by substring tests: none in an ASCII text,
    only the soft hyphen in a Latin-1 one (a search for a wider character ends at once), where
    the pattern's scan read every character of every text with a line break."""
    return not text.isascii() and (
        "\u00ad" in text or "\u200b" in text or "\u200c" in text or "\u200d" in text
        or "\u2060" in text or "\ufeff" in text)


def word_test(text: str) -> Callable[[tuple[str, ...]], bool]:
    """`may_hold` of `text` for several word lists: the text is lower-cased once."""
    if fold_special(text):
        return _always
    contains = text.lower().__contains__
    return lambda words: any(map(contains, words))


def _always(words: tuple[str, ...]) -> bool:
    return True


def normalize_ws(text: str | None) -> str:
    """Collapse every whitespace run (incl. NBSP) to one space and strip; drop invisible chars.

    `str.split()` splits at the characters ``\\s`` matches (both use `str.isspace`), so joining
    its words gives what ``re.sub(r"\\s+", " ", text).strip()`` gives, in less CPU. Every whitespace
    character but the space, and every invisible one, is non-printable: a printable text (70%
    of those seen here) needs work only around a space (both checked over all code points in
    tests/test_text_cpu.py)."""
    if not text:
        return ""
    if text.isprintable():
        if "  " in text or text[0] == " " or text[-1] == " ":
            return " ".join(text.split())
        return text
    if has_invisible(text):  # rare; translate() is the slow part on non-ASCII text
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


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

_CJK = lazy(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def has_cjk(text: str) -> bool:
    """Kana, CJK ideographs or hangul in `text`. They all sit at U+3040 and above, so most texts
    are answered by max() without the pattern (its ranges take ~2.5 ms to compile)."""
    return bool(text) and max(text) >= "\u3040" and _CJK.search(text) is not None


_TOKEN = lazy(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff]+"
)
_WORD = lazy(r"\w+")


def word_tokens(text: str) -> list[str]:
    """Lower-cased word tokens; each CJK ideograph/kana counts as one token (no spaces there)."""
    text = text.casefold()
    # kana and ideographs sit at U+3040 and above: a text with no character there gives the same
    # tokens as plain \w+ runs (its CJK classes, ~2.5 ms to compile, are then never compiled)
    if not text or max(text) < "\u3040":
        return _WORD.findall(text)
    return _TOKEN.findall(text)
