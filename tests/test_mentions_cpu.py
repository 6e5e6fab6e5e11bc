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


def test_fold_special_answers_as_its_pattern() -> None:
    """`text.fold_special` (substring tests) finds what ``FOLD_SPECIAL`` finds, for every code
    point alone and inside ASCII, Latin-1 and wider texts."""
    from newsspider.extract.text import FOLD_SPECIAL, fold_special

    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for text in (c, "ab" + c, "é" + c + "x", "\u4e00" + c):
            assert fold_special(text) == (FOLD_SPECIAL.search(text) is not None), hex(cp)
    assert not fold_special("") and not fold_special("Grüße") and fold_special("Dıl")


def test_release_trigger_word_lists() -> None:
    """Every match of a release trigger pattern holds one of its words case-insensitively, so
    `text.word_test` may skip the pattern where none occurs; `any_trigger` answers as the three
    searches it stands for."""
    from newsspider.extract.releases import vocab
    from newsspider.extract.text import may_hold, word_test

    pieces = [
        "it", "was", "released", "RELEASED", "releaſed", "dropped", "unveiled", "came", "out",
        "Out", "will", "be", "due", "scheduled", "for", "a", "release", "follows", "two", "weeks",
        "later", "arrives", "lands", "hit", "shelves", "available", "premieres", "on", "Friday",
        "drops", "put", "push", "launched", "pre-releases", "surprise-released", "return",
        "with", "WITH", "wıth", "made", "debut", "gets", "her", "own", "music", "video", "MV",
        "preceded", "followed", "by", "Nova", "“", "”", ",", "—", "İt", "\u212aick", "kicks",
        "off", "greets", "fans", "starts", "the", "tour", "release of",
    ]
    pats = [(vocab._PASSIVE, vocab.PASSIVE_WORDS), (vocab._ACTIVE, vocab.ACTIVE_WORDS),
            (vocab._ACTIVE_WITH, vocab.ACTIVE_WITH_WORDS), (vocab._MV_TRIGGER, vocab.MV_TRIGGER_WORDS),
            (vocab._PRECEDED, vocab.PRECEDED_WORDS)]
    hits = [0] * len(pats)
    for k in range(1, 5):
        for words in itertools.islice(itertools.product(pieces, repeat=k), 0, None, 7**k):
            for glue in (" ", "  ", "\n", ", "):
                text = glue.join(words)
                hold = word_test(text)
                for i, (pat, ws) in enumerate(pats):
                    found = pat.search(text) is not None
                    assert hold(ws) == may_hold(text, ws) and (hold(ws) or not found), (text, ws)
                    hits[i] += found
                assert vocab.any_trigger(text) == bool(
                    vocab._PASSIVE.search(text) or vocab._ACTIVE.search(text)
                    or vocab._MV_TRIGGER.search(text)), text
    assert min(hits[:3] + hits[4:]) > 20, hits  # the patterns matched, folded letters too
    for text in ("Nova gets a music video", "it got their own MV today", "she gets her vıdeo"):
        hold = word_test(text)
        assert vocab._MV_TRIGGER.search(text) and hold(vocab.MV_TRIGGER_WORDS), text


def test_quoted_title_and_ost_prefilters() -> None:
    """`quoted_title` answers as ``_TITLE_RE.search``; the OST pattern (case-sensitive) needs
    "OST" or "soundtrack" in the text."""
    from newsspider.extract.releases import _OST_WORD
    from newsspider.extract.releases.vocab import _TITLE_RE, quoted_title

    found = 0
    for text in _texts() + ["a “Title” b", "a 'Title' b", 'a "Title" b', "a ‘Title’ b",
                            "the OSTs", "soundtracks, OST"]:
        hit = _TITLE_RE.search(text) is not None
        assert quoted_title(text) == hit, text
        found += hit
        assert _OST_WORD.search(text) is None or "OST" in text or "soundtrack" in text, text
    assert found > 10
