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


# The narrator's reported question in a first-person interview: "I ask if …", "I ask Blair
# whether …", "When I asked him what …" (PolNeAR train: "when I asked <senator> if he would
# ever …", "I asked him how she'd …"; news pages: "I ask <name> if he thinks …"). The quote
# that follows in a later sentence is the answer.
_NARRATOR_ASKS = lazy(
    r"\b(?:I|[Ww]e)\s+(?:then\s+|also\s+|later\s+|finally\s+)?(?:ask|asked)\s+"
    r"(?:(?P<obj>him|her|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})\s+)?(?:,\s*)?"
    r"(?:if|whether|what|how|why|who|when|where|about)\b"
)


def narrator_asked(doc: Doc, reg: EntityRegistry, lo: int, quote_pos: int, interviewee: Entity | None) -> Entity | None:
    """Who answers a quote that follows the narrator's reported question between global
    offsets `lo` and `quote_pos` (in the same paragraph, or ending the paragraph before): the
    one named as asked ("I ask Vosk if …"), else the interviewee (the article's person: "I ask
    if …", "I ask her whether …"). None when there is no such question, or when the quote
    stands in the asking sentence (“…?” is then the question itself)."""
    para, off = doc.locate(lo)
    qpara, qoff = doc.locate(quote_pos)
    if para >= len(doc.paras) or qpara - para > 1:
        return None
    text = doc.paras[para]
    last = None
    for m in _NARRATOR_ASKS.finditer(text, off, len(text) if qpara > para else qoff):
        last = m
    if last is None:
        return None
    if qpara == para and sentence_start(text, qoff) <= last.start():
        return None  # the quote is in the asking sentence: the question
    obj = last.group("obj")
    if obj and obj not in ("him", "her"):
        return reg.lookup(obj, doc.g(para, last.start("obj")))
    return interviewee
