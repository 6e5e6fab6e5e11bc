"""Guards of the CPU shortcuts in the mention index, the quotes and the releases (issue #13):
each shortcut gives the answer of the pattern or the listing it stands for (speed only: these
pass before and after)."""

from __future__ import annotations

import itertools
import re

from newsspider.extract.mentions import index
from newsspider.extract.releases import unquoted
from newsspider.extract.releases.vocab import (
    _DESCRIBED_HEAD,
    _UNQUOTED_CUE,
    described_head,
    unquoted_cue,
)

_PIECES = [
    "of", "Of", "the", "THE", "in", "into", "towards", "including", "x", "re-of", "U.S.", "Kim",
    "“", "(", ",", ".", ";", "'", "’", "-", "ep", "EP", "OST", "most", "step", "help", "LP",
    "album", "Album", "single", "titled", "Called", "named", "dubbed", "mixtape", "record",
    "sıngle", "ſingle", "tıtled", "İP", "\u212aelvin", "—", "–", "--", "Nova", "9", "and",
    "band", "Boy band", "GROUP", "ſtar", "ıdol", "singer-songwriter", "unit", "(",
]
_GLUE = [" ", "  ", "", "\n", ", ", " — "]


def _texts(n: int = 4) -> list[str]:
    out = []
    for k in range(1, n + 1):
        for words in itertools.islice(itertools.product(_PIECES, repeat=k), 0, None, 11**k):
            for glue in _GLUE:
                out.append(glue.join(words))
                out.append(glue.join(words) + " ")
    return out


def test_preposition_read_from_the_end() -> None:
    forward = re.compile(r"\b(?:" + index._PREPOSITIONS + r")\s+(?:the\s+)?$", re.IGNORECASE)
    for left in _texts():
        assert (index._PP_BEFORE_REVERSED.match(left[::-1]) is not None) == (
            forward.search(left) is not None
        ), left


def test_word_count_shortcuts() -> None:
    for text in _texts(3):
        long = " ".join([text] * 9)
        for t in (text, long, long[: len(long) // 2]):
            assert (index._OVER_25_WORDS.match(t) is not None) == (len(index._LINE_WORDS.findall(t)) > 25)
            for cut in range(0, len(t), 5):
                assert (index._SIX_LEAD_TOKENS.match(t, cut) is not None) == (
                    len(index._LEAD_TOKENS.findall(t, cut)) > 5
                )


def test_unquoted_cue_prefilter() -> None:
    hits = 0
    for text in _texts():
        found = _UNQUOTED_CUE.search(text) is not None
        assert unquoted_cue(text) == found, text
        hits += found
    assert hits > 100  # the cases hold matches, by the case-folded letters too
    assert unquoted_cue("their sıngle, Nova") and unquoted_cue("a ſoundtrack, Nova")  # ı, ſ fold to i, s
    assert not unquoted_cue("the single was out")


def test_described_head_and_release_noun_prefilters() -> None:
    """`described_head` and the release-noun test of `find_unquoted_titles` (`text.may_hold` first)
    answer as their case-insensitive patterns, the folded letters (ı, ſ, İ, Kelvin) included."""
    heads = nouns = 0
    for text in _texts():
        found = _DESCRIBED_HEAD.search(text) is not None
        assert described_head(text) == found, text
        heads += found
        has_noun = unquoted._ANY_NOUN.search(text) is not None
        assert unquoted.may_hold(text, unquoted._NOUN_WORDS) >= has_noun, text
        nouns += has_noun
    assert heads > 20 and nouns > 100
    assert described_head("the ſtar Nova") and described_head("boy bAnd (G)I-DLE")


def test_subject_lead_guards() -> None:
    # the cached per-word test is the listed test; the guards before the place and six-token
    # patterns hold whenever the patterns match
    pieces = _PIECES + ["Tulsa,", "Okla.,", "criticized", "Main", "vocalist", "NORTHSTAR’s", "Kim's", "a", "former"]
    for w in pieces + [p.upper() for p in pieces] + [p.lower() for p in pieces]:
        if not w or re.fullmatch(r"[\s“”\"‘(]*", w):
            continue
        listed = (
            w.lower() in index.ROLE_TITLES
            or w.lower() in index._LEAD_WORDS
            or (w[0].isupper() and w not in index.CAP_STOPWORDS)
            or w.endswith(("’s", "'s"))
        )
        assert index._lead_word(w) == listed, w
    places = 0
    for text in _texts(3) + ["he criticized Tulsa, Okla., ", "a b, c, ", "x y,  Z., Q, "]:
        for cut in range(len(text) + 1):
            head = text[:cut]
            if index._OBJECT_AFTER_PLACE.search(head):
                places += 1
                assert head.count(",") > 1, head
            if index._SIX_LEAD_TOKENS.match(text, cut):
                assert len(text) - cut > 10, (text, cut)
    assert places > 0
