"""A speech verb after a description's complement: "a spokesman for <org> said".

`attribution.Para.cue_after` tests for a speech verb right after a candidate. A description
often carries a post-modifying complement between its head and the verb: a prepositional
phrase ("a spokesperson for <label>", "a source at <outlet>", "one member of <group>") or a
participle or adjective phrase ("a source familiar with <matter>", "<a source> speaking to
<outlet>", "an official close to <person>"). Then the head is the subject of the verb, and the
noun phrase inside the complement (the label, the outlet) only stands next to it.

`complement_cue` finds that verb: the complement opens right after the candidate, runs at most
a few words without punctuation or a blanked-out quote, and ends at the first speech verb.
`attribution.describe` uses it three ways: the head gets ``cue_after_compl``; a mention lying
inside the complement gets ``in_compl`` instead of ``cue_after``; and when the attribution
patterns proposed that inner mention (the nearest words before the verb), the head gets the
``pattern`` feature instead. Learned weights decide what each is worth. Measured and dropped
(benchmarks/quotes.md, fourteenth pass): the head getting ``cue_after`` itself, the inner
mention keeping ``cue_after``, and training with only the head as positive.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsspider.extract.quotes.attribution import Mention, Para

# words opening a post-modifying complement of a noun phrase
COMPLEMENT_PREPS = frozenset("for of at with from in on to inside within".split())
# adjectives and participles that take such a phrase: "familiar with", "close to"
COMPLEMENT_HEADS = frozenset("familiar close speaking talking writing working based briefed".split())
_MAX_WORDS = 8  # words of the complement, at most
_BREAKS = frozenset(".;:!?“”\",()")


def complement_cue(
    text: str, words: list[str], starts: list[int], ends: list[int], pos: int, i: int, cues: frozenset[str]
) -> int:
    """Token index of the speech verb ending the complement that opens at token `i`, right
    after a candidate ending at `pos`, or -1 when there is none."""
    n = len(words)
    if i >= n or text[pos : starts[i]] != " ":
        return -1
    w = words[i]
    if w in COMPLEMENT_HEADS or (w.endswith("ing") and w not in cues and i + 1 < n and words[i + 1] in COMPLEMENT_PREPS):
        if i + 1 >= n or words[i + 1] not in COMPLEMENT_PREPS:
            return -1
    elif w not in COMPLEMENT_PREPS:
        return -1
    for k in range(i + 1, min(n, i + 1 + _MAX_WORDS)):
        gap = text[ends[k - 1] : starts[k]]
        if len(gap) > 2 or any(c in _BREAKS for c in gap):
            return -1  # punctuation, or a quote blanked out of the masked text
        if words[k] in cues:
            return k if k > i + 1 else -1
    return -1


def complement_spans(mentions: Sequence[Mention], paras: Mapping[int, Para], cues: frozenset[str]) -> dict[int, dict[int, int]]:
    """Per paragraph: the end of each mention followed by a complement and a speech verb (not
    by the verb itself) -> the start of that verb."""
    out: dict[int, dict[int, int]] = {}
    for m in mentions:
        info = paras[m.para]
        if info.cue_after(m.end):
            continue
        k = complement_cue(info.text, info.words, info.starts, info.ends, m.end, info.token_index(m.end), cues)
        if k >= 0:
            out.setdefault(m.para, {})[m.end] = info.starts[k]
    return out
