"""Dialogue: who asked, who answers.

In an exchange the one who asks is not the one who answers. A fronted clause that names the
asker ("When Whitfield asked whether …, she said", "Asked by Matt Lauer whether …, she said")
tells the pronoun of the main clause who it is *not*: the subject of the asking clause is the
interviewer, the pronoun the interviewee. (PolNeAR train has the shape with the asker never
the main clause's subject or speaker: "… said when Boyle asked him a question", "when Mr. Hurt
asked Norton …, it declined", "Ryan … when Tapper asked whether …", "Asked by Matt Lauer
whether she …, she said".)

Pure functions over the article's `Doc` and its registry; bounded work per mention (one
sentence prefix).
"""

from __future__ import annotations

import re

from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.text import Doc, sentence_start

_NAME = r"(?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]*"
_ASK = r"(?:asked|asks|pressed|presses|questioned|questions|quizzed|grilled|wondered|wanted\s+to\s+know)"
# the sentence up to the pronoun: a fronted clause naming the asker, closed by a comma
_ASKER_CLAUSE = re.compile(
    r"^[\s“”\"‘(]*(?:(?:[Bb]ut|[Aa]nd|[Ss]o)\s+)?(?:"
    rf"(?:[Ww]hen|[Aa]s|[Aa]fter|[Bb]efore|[Ww]hile|[Oo]nce|[Ii]f)\s+(?P<a1>{_NAME})\s+(?:(?:then|later|again|also)\s+)?{_ASK}"
    rf"|(?:[Aa]sked|[Pp]ressed|[Qq]uestioned|[Qq]uizzed)\s+(?:[\w\s,]{{0,40}}?\s)?by\s+(?P<a2>{_NAME})"
    r")\b[^.;!?“”\"]{0,200},\s*$"
)


def asker_before(doc: Doc, reg: EntityRegistry, pos: int) -> Entity | None:
    """The entity named as the asker in a fronted clause of the sentence holding global
    offset `pos`, when the clause ends right before `pos` (None: no such clause)."""
    para, off = doc.locate(pos)
    if para >= len(doc.paras):
        return None
    text = doc.paras[para]
    s0 = sentence_start(text, off)
    if off - s0 > 260:
        return None
    m = _ASKER_CLAUSE.match(text[s0:off])
    if m is None:
        return None
    name = m.group("a1") or m.group("a2")
    return reg.lookup(name, doc.g(para, s0 + m.start("a1" if m.group("a1") else "a2")))

