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

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.text import Doc, sentence_start

_NAME = r"(?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]*"
_ASK = r"(?:asked|asks|pressed|presses|questioned|questions|quizzed|grilled|wondered|wanted\s+to\s+know)"
# the sentence up to the pronoun: a fronted clause naming the asker, closed by a comma
_ASKER_CLAUSE = lazy(
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


# Interviews in Q&A layout: "Q: …" / "A: …", or transcript lines opened by the speaker's
# name or initials ("TAPPER: …", "OW: …", "Lee Ji-ho: …"). PolNeAR train has three such
# interviews; its annotators give every "I" inside an answer to the answer's label ("A"),
# never to the narrator.
_QA_PREFIX = re.compile(
    r"^[\s*]*(?P<who>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2})[\s*]*[:：]\s*(?:\*\*)?\s*\S"
)
_QUESTION_LABELS = frozenset(("Q", "Q.", "Question"))
_ANSWER_LABELS = frozenset(("A", "A.", "Answer"))


def _qa_match(text: str) -> re.Match[str] | None:
    # the pattern is tried only on a paragraph with a colon near its start
    return _QA_PREFIX.match(text) if ":" in text[:40] or "：" in text[:40] else None


def qa_label(text: str) -> str | None:
    """The label opening a Q&A or transcript paragraph ("A", "Q", "OW", "Tapper"), else None."""
    m = _qa_match(text)
    return m.group("who") if m else None


def qa_label_range(text: str) -> list[tuple[int, int]]:
    """The span of a Q&A label ("Q:", "OW:") at the start of `text`, to keep it out of the
    article's names ([] for any other label)."""
    m = _qa_match(text)
    if m is None or m.group("who") not in _QUESTION_LABELS | _ANSWER_LABELS:
        return []  # a name or initials ("Lee Ji-ho: …", "IVE: …") is a mention of its own
    return [(m.start("who"), m.end("who") + 1)]


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def answerer(doc: Doc, reg: EntityRegistry, para: int, interviewee: Entity | None) -> Entity | None | bool:
    """Who "I" is inside paragraph `para` of an interview: the person its label names (a
    name, a surname, initials), the interviewee for an "A:" answer; False when the paragraph
    is a question (the interviewer or the outlet: no name); None when it is no Q&A line."""
    label = qa_label(doc.paras[para])
    if label is None:
        return None
    if label in _QUESTION_LABELS:
        return False
    if label in _ANSWER_LABELS:
        return interviewee
    if label.isupper() and 2 <= len(label) <= 4:
        hits = [e for e in reg.entities if e.name != label and _initials(e.name) == label]
        if len(hits) == 1:
            return hits[0]
    ent = reg.lookup(label.title() if label.isupper() and len(label) > 3 else label, doc.g(para, 0))
    return ent if ent is not None and ent.name != label else None
