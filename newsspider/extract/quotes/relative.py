"""A relative clause that reports speech names its speaker: "<X> met <Y>, who told her that
“…”", "… from his friend <Y>, who revealed “…”", "said <Y>, who said there were “…”" — the
words are <Y>'s, the antecedent of "who", not those of the main clause's subject. PolNeAR train
writes the shape with "who" as the source (its antecedent is the speaker) six times ("<X>,
who called the nominee “…”", "<X>, who says it's “…”"). Like `excluded.with_speaker`, an override
of the attribution model's choice, which never saw a "who" source as a candidate."""

from __future__ import annotations

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import ADVERBS, CUE_VERBS
from newsspider.extract.mentions.text import Doc
from newsspider.extract.quotes.attribution import Mention
from newsspider.extract.quotes.finding import Candidate

_CUES = frozenset(CUE_VERBS) | frozenset("called calls revealed reveals".split())
_ADVS = frozenset(ADVERBS)
_WHO = lazy(r",\s+who\s+((?:[a-z]+\s+){0,2})")
_WORD = lazy(r"[a-z]+\b")
_REACH = 160  # characters from the name to the quote's opening mark, at most


def relative_speaker(doc: Doc, ms: list[Mention], c: Candidate) -> int | None:
    """The index of the name (or description) of `ms` that a ", who <speech verb>" clause right
    after it makes the speaker of the quote opening later in the same sentence; the last such
    before the quote. None when there is none."""
    first = c.parts[0] if c.parts else None
    if first is None:
        return None
    found = None
    for k, m in enumerate(ms):
        if m.kind not in ("name", "role") or m.para != first.para or not m.end <= first.open_pos <= m.end + _REACH:
            continue
        text = doc.paras[m.para]
        rel = _WHO.match(text, m.end)
        if rel is None:
            continue
        # the verb right after "who" and its adverbs ("who apparently told"; not "who then
        # went on to say")
        p = rel.start(1)
        verb = _WORD.match(text, p)
        while verb is not None and (verb.group() in _ADVS or verb.group().endswith("ly")):
            p = verb.end() + 1
            verb = _WORD.match(text, p)
        if verb is None or verb.group() not in _CUES:
            continue
        if not any(ch in ".;!?“”\"" for ch in text[verb.end() : first.open_pos]):
            found = k
    return found
