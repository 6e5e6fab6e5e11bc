"""Patterns searched over whole paragraphs open with a character set (issue #13, CPU).

Python's regex engine skips the positions where a match cannot start in a C loop only when the
pattern opens with a literal, a character set or an alternation of literals: a lookahead, a
lookbehind or \\b in front (or a case-insensitive letter) makes it run the pattern at every
position. These patterns were written with a lookahead on their first letters; they now match
the first character as a set and put the assertion after it. `test_same_matches` checks each
against the form it replaced (spans, groups, windows); `test_opens_with_a_set` fails on the
lookahead forms."""

from __future__ import annotations

import itertools
import random
import re
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from newsspider.extract.dates import spot
from newsspider.extract.mentions import chains, index, runs
from newsspider.extract.releases import vocab

# the forms they replaced
_BEFORE: dict[str, tuple[Any, re.Pattern[str]]] = {
    "cap_token": (runs._CAP_TOKEN_RE, re.compile(
        r"(?=[(A-Z0-9À-ÖØ-ÞĀ-Ž])(?<![\w’'\-])(?:\([A-Z]\))?[A-Z0-9À-ÖØ-ÞĀ-Ž][\w\-'’.&*]*")),
    "gendered": (index._GENDERED, re.compile(
        r"(?=[HhSsM])(?:\b(?:[Hh]e|[Hh]is|him|himself|[Ss]he|[Hh]er|hers|herself)\b|\bM(?:r|rs|s)\.?(?= [A-Z]))")),
    "possessive": (chains._POSSESSIVE, re.compile(r"(?=[HhTtIi])\b(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts)\b")),
    "mid_role": (chains._MID_ROLE, re.compile(
        r"(?=[Tt])\b[Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<head>[a-z][\w\-]*)\b(?![’'\-])")),
    "title": (vocab._TITLE_RE, re.compile(
        r"(?=[“\"‘'])(?:“(?P<d>[^“”\n]{1,80}?)”|(?<![\w])\"(?P<s>[^\"\n]{1,80}?)\"(?!\w)"
        r"|(?<![\w’'])‘(?P<q>(?:[^‘’\n]|’(?=\w)){1,80}?)’(?![\w])|(?<![\w’'])'(?P<a>[^'\n]{1,60}?)'(?![\w]))")),
    "cue_abbreviations": (vocab._CUE_ABBREVIATIONS, re.compile(r"\b(?:ep|ost|lp)")),
    "gate_month": (spot._GATE_RES["month"], re.compile(
        r"(?=[JFMASOND])\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")),
    "gate_relative": (spot._GATE_RES["relative"], re.compile(r"(?=(?i:[ty]))(?i:today|tonight|tomorrow|yesterday)")),
    "gate_ago": (spot._GATE_RES["ago"], re.compile(r"(?=(?i:[afe]))(?i:\b(?:ago|from\snow|earlier)\b)")),
    "gate_relmonth": (spot._GATE_RES["relmonth"], re.compile(r"(?=(?i:m))(?i:\bmonth\b)")),
    "gate_relweek": (spot._GATE_RES["relweek"], re.compile(r"(?=(?i:w))(?i:\bweek\b)")),
    "gate_year": (spot._GATE_RES["year"], re.compile(r"(?=(?i:y))(?i:\byear)")),
    "gate_holiday": (spot._GATE_RES["holiday"], re.compile(r"(?=[EDCH])(?:Eve\b|Day\b|Christmas|Halloween)")),
}
# read by match start and groups only (a zero-width match became a one-character one)
_INVERTED_BEFORE = re.compile(r"(?=[,!?][”\"’']?\s+([a-z]+)\s+(?:[A-Z][\w.&\-]*[’']s\s+|[a-z]+\s+){0,3}$)")

_PIECES = [
    "he", "He", "HE", "his", "His", "him", "Him", "himself", "Himself", "she", "She", "her", "Her",
    "hers", "Hers", "herself", "Herself", "their", "Their", "its", "Its", "it", "the", "The", "Mr",
    "Mr.", "Mrs", "Ms.", "M.", "Smith", "J.", "U.S.", "(G)", "(G)I-DLE", "I-DLE", "Kim's", "O’Neil",
    "Jan", "JAN", "Junk", "May", "Mayor", "today", "Tonight", "YESTERDAY", "ago", "AGO", "from now",
    "FROM\tNOW", "earlier", "month", "Months", "week", "weekly", "year", "Years", "Eve", "Day",
    "Christmas", "Halloween", "ep", "step", "ost", "most", "lp", "help", "label", "band", "said", "noted", "x", "9", "2NE1", "é", "Élodie",
    "ſ", "İ", "ı", "\u212a", "“", "”", "‘", "’", "'", '"', "(", ")", ",", "!", "?", ".", "-", "_",
]
_GLUE = [" ", "", "\n", ", "]


def _texts() -> list[str]:
    out = []
    for k in (1, 2, 3, 4):
        for words in itertools.islice(itertools.product(_PIECES, repeat=k), 0, None, 7**k):
            for glue in _GLUE:
                out.append(glue.join(words))
    rnd = random.Random(13)
    for _ in range(1500):
        out.append("".join(rnd.choice(_PIECES) + rnd.choice(_GLUE) for _ in range(rnd.randrange(1, 9))))
    return out


def _compiled(p: Any) -> re.Pattern[str]:
    return p if isinstance(p, re.Pattern) else re.compile(p.pattern, p._flags)  # a lazy pattern


def _windows(t: str, rnd: random.Random) -> list[tuple[int, int]]:
    return [(0, len(t))] + [tuple(sorted((rnd.randrange(len(t) + 1), rnd.randrange(len(t) + 1)))) for _ in range(2)]  # type: ignore[misc]


@pytest.mark.parametrize("name", sorted(_BEFORE))
def test_same_matches(name: str) -> None:
    now, before = _BEFORE[name]
    now = _compiled(now)
    rnd = random.Random(name)
    for t in _texts():
        for a, b in _windows(t, rnd):
            assert [(m.span(), m.groups()) for m in now.finditer(t, a, b)] == [
                (m.span(), m.groups()) for m in before.finditer(t, a, b)
            ], (name, t, a, b)


def test_inverted_tail_same_starts() -> None:
    rnd = random.Random(5)
    for t in _texts():
        for a, b in _windows(t, rnd):
            assert [(m.start(), m.groups()) for m in index._INVERTED_TAIL.finditer(t, a, b)] == [
                (m.start(), m.groups()) for m in _INVERTED_BEFORE.finditer(t, a, b)
            ], (t, a, b)


def _skips_in_c(p: re.Pattern[str]) -> bool:
    """The compiled pattern has a literal prefix or a first-character set (the engine's
    own test: `re._compiler._compile_info`)."""
    tree = _parser.parse(p.pattern, p.flags)
    code: list[int] = []
    _compiler._compile_info(code, tree, tree.state.flags)
    return bool(code[2] & (_constants.SRE_INFO_PREFIX | _constants.SRE_INFO_CHARSET))


@pytest.mark.parametrize("name", sorted(_BEFORE))
def test_opens_with_a_set(name: str) -> None:
    assert _skips_in_c(_compiled(_BEFORE[name][0])), name
    assert not _skips_in_c(_BEFORE[name][1])  # (why: the lookahead form had none)


def test_inverted_tail_opens_with_a_set() -> None:
    assert _skips_in_c(index._INVERTED_TAIL)
