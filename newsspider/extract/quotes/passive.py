"""The subject of a passive speech verb is who was spoken to, not the speaker: "<X> was asked,
“…?”", "the diplomat was told that “…”", "she was warned that “…”", "his salespeople were
told, “…”". Such a mention is left out of the attribution model's choice when the model picks
it (as `excluded.verb_object` leaves out a verb's object); the quote goes to another candidate
("by the policy unit" in the sentence before), else to nobody."""

from __future__ import annotations

from newsspider.extract.lazyre import lazy
from newsspider.extract.quotes.attribution import Mention, Para

# right after the mention: an auxiliary of the passive, an adverb or two, a speech verb that
# takes the one spoken to as its object
_PASSIVE_CUE = lazy(
    r"\s+(?:was|were|is|are|being|(?:has|have|had)\s+been)\s+(?:(?:also|then|later|repeatedly|reportedly|"
    r"once|never|not|\w+ly)\s+){0,2}(?:told|warned|informed|advised|asked|reminded|assured|instructed|"
    r"urged|questioned|pressed)\b"
)


def passive_addressee(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """`m` (a name, pronoun or description) is the subject of a passive speech verb."""
    if m.kind not in ("name", "pron", "role") or m.para != info.para or m.end <= m.start:
        return False
    return _PASSIVE_CUE.match(info.text, m.end) is not None
