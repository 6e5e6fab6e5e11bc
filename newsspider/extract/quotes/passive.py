"""Subjects that did not speak. The subject of a passive speech verb is who was spoken to: "<X>
was asked, “…?”", "the diplomat was told that “…”", "she was warned that “…”", "his salespeople
were told, “…”" (`passive_addressee`). The subject of a refusal to speak did not say the quote
near it: "<X>, R-Utah, did not respond to a request for comment", "<X> declined to comment",
"<X> could not be reached" (`declined_subject`). An outlet after "according to" only relayed
the words when the sentence has a speaker of its own: "“…,” <X> said on the radio, according
to the <paper>" (`relayed_by`). Such a mention is left out of the attribution
model's choice when the model picks it (as `excluded.verb_object` leaves out a verb's object);
the quote goes to another candidate (the quote before it, "by the policy unit" in the sentence
before), else to nobody."""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.quotes.attribution import Mention, Para

# right after the mention: an auxiliary of the passive, an adverb or two, a speech verb that
# takes the one spoken to as its object
_PASSIVE_CUE = lazy(
    r"\s+(?:was|were|is|are|being|(?:has|have|had)\s+been)\s+(?:(?:also|then|later|repeatedly|reportedly|"
    r"once|never|not|\w+ly)\s+){0,2}(?:told|warned|informed|advised|asked|reminded|assured|instructed|"
    r"urged|questioned|pressed)\b"
)


def _subject_of(info: Para, m: Mention, verb: re.Pattern[str]) -> bool:
    """`m` (a name, pronoun or description of the paragraph `info`) is followed by `verb`."""
    if m.kind not in ("name", "pron", "role") or m.para != info.para or m.end <= m.start:
        return False
    return verb.match(info.text, m.end) is not None


def passive_addressee(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """`m` is the subject of a passive speech verb."""
    return _subject_of(info, m, _PASSIVE_CUE)


# right after the mention (and an apposition of a few words: ", R-Utah,", ", a spokesman,"): a
# refusal or failure to speak
_DECLINED = lazy(
    r"(?:\s*,[^,.;:!?“”\"]{1,60},)?\s+(?:(?:did|does|has|have|had)\s*(?:not|n[’']t)\s+(?:yet\s+|immediately\s+)?"
    r"(?:respond|responded|return|returned|reply|replied|comment|commented|answer|answered)\b|"
    r"(?:declined|declines|refused|refuses)\s+(?:to\s+comment|to\s+respond|to\s+be\s+interviewed|further\s+comment|comment)\b|"
    r"(?:could|can)\s*(?:not|n[’']t)\s+be\s+reached\b|(?:was|were|is|are)\s+(?:not\s+|un)available\s+for\s+comment\b)"
)


def declined_subject(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """`m` is the subject of a refusal to speak."""
    return _subject_of(info, m, _DECLINED)


def relayed_by(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """`m` follows "according to" and an earlier mention of the same sentence is the subject of
    a speech verb ("<X> said at a press conference, according to <outlet>"): the outlet relayed
    X's words."""
    if m.kind not in ("name", "role") or m.para != info.para:
        return False
    w1, w2, w3 = info.word_before(m.start), info.word_before(m.start, 2), info.word_before(m.start, 3)
    if not ((w1 == "to" and w2 == "according") or (w1 == "the" and w2 == "to" and w3 == "according")):
        return False
    text = info.text
    return any(
        o is not m and o.para == m.para and o.kind in ("name", "role", "pron") and o.end <= m.start
        and not any(ch in ".;!?" for ch in text[o.end : m.start]) and info.cue_after(o.end)
        for o in ms
    )
