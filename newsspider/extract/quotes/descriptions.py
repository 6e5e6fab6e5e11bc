"""Descriptions that name a speaker without a name: the subject of a speech verb that is a
noun phrase ("the singer said", "the 29-year-old told <outlet>", "the “<song>” hitmaker
wrote", "the former contestant said", "Kim's publicist retorted"), or the subject written after
the verb of an inverted attribution ("“…,” said the 29-year-old.", "“…,” said the woman, who
…"). The head may be a word no lexicon holds: a noun phrase standing as the subject of a speech
verb describes someone whatever its head (`mentions.epithets` resolves it).

Works on the token lists of `attribution.Para` (quotations blanked, offsets kept: a title in
quote marks inside the phrase is blank space, no token); bounded work per speech verb.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from newsspider.extract.mentions.lexicon import ADVERBS, CUE_VERBS, SMALL_WORDS

if TYPE_CHECKING:
    from newsspider.extract.quotes.attribution import Para

_ADVS = frozenset(ADVERBS)
_DETERMINERS = frozenset("the a an one another his her their its several some two three".split())
_OWN = frozenset("his her their its".split())
# words that cannot be the head of a description
NOT_HEADS = SMALL_WORDS | frozenset(
    "who which that what whom whose one other others same first last latter former report reports".split()
)
# words that cannot stand between the determiner and the head ("the former contestant" can):
# function words, auxiliaries and speech verbs ("the remarks came after being asked")
_NOT_MODIFIERS = (
    SMALL_WORDS
    | _ADVS
    | frozenset(CUE_VERBS)
    | frozenset("who which that what whom whose when while where after before during since until into".split())
    | frozenset("must can could should may might shall not".split())
    | frozenset("if whether than so because though although unless then there here this these those".split())
)
# where an inverted description ends ("said the woman, who …", "said the 29-year-old in …")
_ENDS = SMALL_WORDS | frozenset(
    "who which whom whose that when while after before during as via through since because".split()
)
_WORD = re.compile(r"(?:[a-z][a-z’'\-]*|\d{1,3}-year-old)")
# a qualifier between "the" and a lower-case head: "the Lincoln actor", "the ‘<song>’ singer",
# "the K-pop star", "the GOP front-runner"
_QUALIFIER = re.compile(r"[‘'“\"]?[A-Z][\w’'\-]*[’'”\"]?")
_STOPS = frozenset(",.;:!?“”\"()")
_QUOTES = "‘’“”'\""
_BACK = 5  # words from a determiner to its head, at most


def _word_ok(p: Para, k: int, head: bool) -> bool:
    w = p.words[k]
    if _WORD.fullmatch(p.text[p.starts[k] : p.ends[k]]) is None or w in _NOT_MODIFIERS:
        return False
    # a head is a noun: no participle or adverb ("being", "sweetly")
    return not head or (w not in NOT_HEADS and not w.endswith("ing") and not _adverb(w))


def _adverb(w: str) -> bool:
    return w in _ADVS or (len(w) > 5 and w.endswith("ly") and w not in _LY_NOUNS)


_LY_NOUNS = frozenset("family assembly rally bully ally monopoly".split())


def _clean(text: str) -> bool:
    return not any(ch in _STOPS for ch in text)


def _names_inside(names: list[int], a: int, b: int) -> bool:
    return bisect.bisect_left(names, a) < bisect.bisect_left(names, b)


def described_speakers(p: Para, names: list[int], taken: set[int]) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, "role", text, False) for the descriptions next to each speech verb of the
    paragraph that the role lexicon has not found (`taken`: ends of those found)."""
    out: list[tuple[int, int, str, str, bool]] = []
    for c in p.cue_at:
        got = _before(p, c, names, taken)
        if got is not None:
            out.append(got)
            continue
        got = _after(p, c, names, taken)
        if got is not None:
            out.append(got)
    return out


def _before(p: Para, c: int, names: list[int], taken: set[int]) -> tuple[int, int, str, str, bool] | None:
    """"the singer said", "the 29-year-old told", "Kim's publicist retorted"."""
    words, starts, ends, text = p.words, p.starts, p.ends, p.text
    i = c - 1
    while i >= 0 and _adverb(words[i]):
        i -= 1
    gap = text[ends[i] : starts[c]]
    if i < 1 or ends[i] in taken or not _word_ok(p, i, True) or not _clean(gap) or "  " in gap:
        return None  # (two spaces: a blanked quotation between, "the <noun> “…,” said X")
    capped = False  # a capitalised qualifier seen
    for k in range(i - 1, max(-1, i - 1 - _BACK), -1):
        w = words[k]
        if w in _DETERMINERS or (w.endswith(("’s", "'s")) and not capped):
            if w in _OWN and any(not words[j].isalpha() for j in range(k + 1, i + 1)):
                return None  # "its post-primary salvo": an owned thing; ages and compounds after "the"
            a, b = starts[k], ends[i]
            if w.endswith(("’s", "'s")) and text[a].isupper():
                # the owner's whole name: "Lee Ha-na's publicist"
                while k > 0 and ends[k - 1] + 1 == starts[k] and text[starts[k - 1]].isupper():
                    k -= 1
                a = starts[k]
                inside = _names_inside(names, ends[i] - len(words[i]) - 2, b)
            else:
                # qualifiers after "the" only ("the Lincoln actor"; "his GOP rival" is no one's)
                inside = _names_inside(names, a, b) and (w != "the" or not capped)
            if not inside and (capped and w == "the" or not capped) and _clean(_unquoted(text, a, b)):
                return (a, b, "role", text[a:b], False)
            return None
        if _word_ok(p, k, False):
            continue
        if _QUALIFIER.fullmatch(_span(text, starts[k], ends[k])) is None:
            return None
        capped = True
    return None


def _span(text: str, a: int, b: int) -> str:
    """A token with the quote marks around it ("‘Glass", "Heart’")."""
    if a > 0 and text[a - 1] in _QUOTES:
        a -= 1
    if b < len(text) and text[b] in _QUOTES:
        b += 1
    return text[a:b]


def _unquoted(text: str, a: int, b: int) -> str:
    return "".join(ch for ch in text[a:b] if ch not in _QUOTES) if "‘" in text[a:b] or "“" in text[a:b] else text[a:b]


def _after(p: Para, c: int, names: list[int], taken: set[int]) -> tuple[int, int, str, str, bool] | None:
    """"“…,” said the 29-year-old.", "“…,” said the woman, who …": right after a quotation
    (blanked: a run of spaces) or a comma, the speech verb, then a determiner and a noun
    phrase ending at punctuation or a function word."""
    words, starts, ends, text = p.words, p.starts, p.ends, p.text
    lead = text[max(0, starts[c] - 2) : starts[c]]
    if not (lead == "  " or text[: starts[c]].rstrip().endswith(",")):
        return None
    k = c + 1
    n = len(words)
    if k >= n or words[k] not in _DETERMINERS or not _clean(text[ends[c] : starts[k]]):
        return None
    j = k + 1
    while j < n and _clean(gap := text[ends[j - 1] : starts[j]]) and "  " not in gap and words[j] not in _ENDS:
        if j > k + _BACK or not _word_ok(p, j, False):
            return None  # no end in reach, or a word no description holds: a clause
        j += 1
    i = j - 1
    if i <= k or ends[i] in taken or not _word_ok(p, i, True):
        return None
    a, b = starts[k], ends[i]
    if _names_inside(names, a, b) or not _clean(text[a:b]):
        return None
    return (a, b, "role", text[a:b], False)
