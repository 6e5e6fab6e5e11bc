"""Text helper CPU work (issue #13): `normalize_ws`'s fast paths give what the regex gave."""

from __future__ import annotations

import re
import sys

import pytest

from newsspider.extract.text import _INVISIBLE, normalize_ws

_WS = re.compile(r"\s+")


def _plain(text: str) -> str:
    """The form `normalize_ws` had: drop invisible characters, one regex over whitespace runs."""
    return _WS.sub(" ", text.translate(_INVISIBLE)).strip() if text else ""


def test_every_code_point_split_like_the_regex() -> None:
    """`str.split()` and ``\\s`` agree on each character; every whitespace character but the
    space, and every invisible one, is non-printable (the printable shortcut relies on it)."""
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert (c.split() == []) == (_WS.fullmatch(c) is not None), hex(cp)
        if c != " " and (c.isspace() or ord(c) in _INVISIBLE):
            assert not c.isprintable(), hex(cp)


@pytest.mark.parametrize("text", [
    "", " ", "  ", "a", " a", "a ", "a  b", "a b", "a\u00a0b", "a \u00a0 b", "\u200bab\u00ad",
    "x\u200b y", "\n\tfoo\r\nbar\x0b\x0c", "\u3000\uc548\ub155\u3000", "a\x1cb\x1fc\x85d",
    "\u2028line\u2029", "caf\u00e9  au\u2003lait", "\ufeff", "\u2060 \u2060", "tab\there ",
])
def test_same_as_the_regex(text: str) -> None:
    assert normalize_ws(text) == _plain(text)


def test_none() -> None:
    assert normalize_ws(None) == ""


def test_has_invisible_answers_as_the_pattern() -> None:
    """`has_invisible` (substring tests) finds what the character class finds, for every code
    point alone and inside ASCII, Latin-1 and wider texts."""
    from newsspider.extract.text import _HAS_INVISIBLE, has_invisible

    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        for text in (c, "ab\n" + c, "\u00e9" + c + "x", "\u4e00" + c):
            assert has_invisible(text) == (_HAS_INVISIBLE.search(text) is not None), hex(cp)
