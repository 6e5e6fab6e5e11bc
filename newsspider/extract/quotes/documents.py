"""A document named as a quote's speaker ("the statement said", "the letter reads", "a post
says"): the words are its issuer's, never the document's. The attribution mention is moved,
before the speakers are resolved, to the one who issued it:

* "a statement from / by / issued by <X>" right after the document;
* the subject that issued it in the same sentence or the two before, with the same document
  noun: "<X> said in a statement", "<X> in a statement said", "<X> released / issued / sent /
  posted a statement", "In a statement, <X> said";

else the quote has no speaker (a null is better than the word "statement"). A document with a
name inside ("TNO's report", "a Homeland Security memo") is left to the speaker resolution,
which names it by that name; so is a capitalised title ("The Post", a newspaper)."""

from __future__ import annotations

import re

from newsspider.extract.mentions.lexicon import DOCUMENT_NOUNS, PRONOUNS
from newsspider.extract.mentions.runs import name_runs
from newsspider.extract.mentions.text import Doc, sentence_start
from newsspider.extract.quotes.finding import Candidate

_DETS = r"(?:a|an|the|its|his|her|their|our|this|that|another|a\s+separate|an\s+earlier|a\s+later)"
_VERBS = (
    r"(?:said|says|say|wrote|writes|write|added|adds|announced|announces|stated|states|noted|notes|explained|"
    r"declared|declares|claimed|claims|warned|warns|argued|argues|responded|responds|confirmed|confirms)"
)
_ISSUE = (
    r"(?:issued|issues|released|releases|sent|sends|sent\s+out|posted|posts|published|publishes|provided|"
    r"provides|put\s+out|puts\s+out|shared|shares|tweeted|tweets|signed|signs|circulated|emailed|filed|brought|"
    r"submitted|written)"
)
# what stands between the issuer and the document: "said in", "in", "released"
_BEFORE = re.compile(
    rf"(?:(?P<verb>{_VERBS})(?:\s+\w+){{0,2}}?\s+(?:in|on|via|through)|(?P<prep>in|on|via)|(?P<issue>"
    rf"(?:has\s+|have\s+|had\s+|also\s+)?{_ISSUE}))\s+{_DETS}\s+(?:[\w\-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
_VERB_NEXT = re.compile(rf"\s*,?\s*(?:also\s+)?{_VERBS}\b", re.IGNORECASE)
_OPENING = re.compile(rf"^\s*In\s+{_DETS}\s+(?:[\w\-]+\s+){{0,3}}$", re.IGNORECASE)
_AFTER_OPENING = re.compile(rf"[^,.;:]{{0,80}},\s*(?P<np>[^,.;:“”\"]{{1,80}}?)\s+(?:also\s+)?{_VERBS}\b", re.IGNORECASE)
_FROM = re.compile(
    rf"\s*,?\s*(?:(?:which|that)\s+(?:was\s+)?)?(?:{_ISSUE}\s+)?(?:to\s+[\w.\-’' ]{{1,40}}?\s+)?(?:by|from)\s+"
    rf"(?P<np>[^,.;:“”\"()]{{1,80}})",
    re.IGNORECASE,
)
# words that end an issuer's phrase after "by / from" ("a statement by <X> confirming …",
# "issued by <X> late Tuesday")
_NP_END = re.compile(
    r"\s+(?:on|in|at|to|late|early|earlier|later|last|this|that|which|who|said|says|read|reads|and\s+(?:a|an|the)|as|after|"
    r"before|about|for|with|over|when|while|because|also|has|have|had|was|were|is|are|will|would|[a-z]+ing)\b.*$",
    re.DOTALL,
)
# what may stand between a subject and its verb: a time ("<X> on Tuesday said in a statement")
_TIME_TAIL = re.compile(
    r"\s+(?:(?:on|late|early|earlier|later|last|this)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|night|morning|afternoon|evening|day|today|yesterday)\s*)?(?:also|then|previously|"
    r"has|have|had)?$"
)
_OPENER_CLAUSE = re.compile(
    r"^(?:In|On|At|After|Before|When|While|Earlier|Later|Last|This|Meanwhile|However|But|And|Also|Since|"
    r"Following|Separately|Then|Now|Today|Yesterday)\b[^,]{0,60},\s*"
)


def _head(raw: str) -> str:
    words = re.findall(r"[\w\-]+", raw)
    return words[-1] if words else ""


def is_document(raw: str | None) -> bool:
    """A description whose head is a document noun written in lower case, with no name
    inside: "the statement", "an earlier post", "The brochure" (not "The Post", "TNO's
    report", "a Homeland Security memo")."""
    if not raw:
        return False
    head = _head(raw)
    if not head or not head.islower() or head not in DOCUMENT_NOUNS:
        return False
    if re.search(r"\b[A-Z][\w.\-]*[’']s\b", raw):
        return False  # "<org>'s statement": the owner's, named by the resolution
    return not [r for r in name_runs(raw) if r.text.lower() not in (head, "the", "a", "an")]


def _clean(np: str, subject: bool = False) -> str | None:
    """The issuer's words: after "by / from" up to the first word that cannot continue a noun
    phrase; as a subject, the whole clause before the verb but an appositive and a time."""
    np = np.strip()
    if "," in np:  # "<X>, chaired by <Y>," -> <X>
        np = np.split(",")[0].strip()
    np = _TIME_TAIL.sub("", np).strip(" ,") if subject else _NP_END.sub("", np).strip(" ,")
    if subject and re.search(r"\b[a-z]+(?:ed|ing)\b|\b(?:to|that|which|who)\b", np):
        return None  # a clause, no noun phrase ("They refuse … to denounce …, saying")
    words = np.split()
    if not words or len(words) > 8 or not (np[0].isupper() or words[0].lower() in ("the", "a", "an")):
        return None
    if len(words) == 1 and words[0].lower() in ("the", "a", "an", "one", "another", "some", "someone"):
        return None
    if is_document(np) or _head(np).lower() in DOCUMENT_NOUNS:
        return None
    return np


def _subject_before(text: str, end: int) -> tuple[int, str] | None:
    """The subject phrase of the clause that ends at `end` (the issuing verb): from the
    sentence start, past an opening adverbial ("On Tuesday, ") and an appositive."""
    start = sentence_start(text, end)
    np = text[start:end]
    m = _OPENER_CLAUSE.match(np)
    if m:
        start += m.end()
        np = np[m.end() :]
    got = _clean(np, subject=True)
    return (start + np.find(got), got) if got else None


def _issuer_at(text: str, s: int, e: int) -> tuple[int, str] | None:
    """The issuer of the document written at text[s:e] (its determiner to its head)."""
    m = _FROM.match(text, e)
    if m is not None:
        got = _clean(m.group("np"))
        if got:
            return m.start("np"), got
    lo = sentence_start(text, s)
    m = _BEFORE.search(text, lo, e - len(_head(text[s:e])))
    if m is not None and m.start() < s and (not m.group("prep") or _VERB_NEXT.match(text, e)):
        # "<X> said in a statement", "<X> in a statement said", "<X> released a statement"
        return _subject_before(text, m.start())
    m = _OPENING.match(text[lo:s] + text[s : e - len(_head(text[s:e]))])
    if m is not None:
        a = _AFTER_OPENING.match(text, e)
        if a is not None:
            got = _clean(a.group("np"))
            if got:
                return a.start("np"), got
    return None


def _kind(np: str) -> tuple[str, int]:
    """How the speaker resolution reads the issuer: a pronoun, the name that ends it
    ("UN spokesperson <name>"), else a description ("The Indian army")."""
    if np.lower() in PRONOUNS:
        return "pron", 0
    runs = name_runs(np)
    if runs and runs[-1].end == len(np) and not runs[-1].possessive and runs[-1].text.lower() not in ("the",):
        return "name", runs[-1].start
    return "role", 0


def _find_issuer(doc: Doc, c: Candidate) -> tuple[int, str] | None:
    para, off = doc.locate(c.attr_pos)
    text = doc.paras[para]
    raw = c.speaker_raw or ""
    if text[off : off + len(raw)] != raw:
        return None
    head = _head(raw).lower()
    got = _issuer_at(text, off, off + len(raw))
    if got is not None:
        return doc.g(para, got[0]), got[1]
    # the same document named before, in this sentence or the two before
    stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
    pat = re.compile(rf"\b{_DETS}\s+(?:[\w\-’']+\s+){{0,3}}?{re.escape(stem)}s?\b", re.IGNORECASE)
    lo_g = doc.prev_sentence_start(doc.prev_sentence_start(c.attr_pos))
    for p in range(para, max(-1, para - 2), -1):
        t = doc.paras[p]
        hi = off if p == para else len(t)
        lo = max(0, lo_g - doc.offsets[p]) if doc.offsets[p] <= lo_g else 0
        if doc.offsets[p] + len(t) < lo_g:
            break
        for m in reversed(list(pat.finditer(t, lo, hi))):
            got = _issuer_at(t, m.start(), m.end())
            if got is not None:
                return doc.g(p, got[0]), got[1]
    return None


def document_issuers(doc: Doc, cands: list[Candidate]) -> None:
    """Moves the attribution of a quote whose speaker words are a document to its issuer
    (speaker_raw, speaker_kind and attr_pos of the issuer's words); without one the quote keeps
    the document's words as speaker_raw and gets no speaker."""
    for c in cands:
        if c.speaker_kind != "role" or c.inherit or not is_document(c.speaker_raw):
            continue
        got = _find_issuer(doc, c)
        if got is None:
            # the words stay as written (speaker_raw); nobody is named
            c.speaker_kind = None
            c.extra.pop("subject_from", None)
            continue
        at, np = got
        kind, k = _kind(np)
        c.speaker_raw, c.speaker_kind, c.attr_pos = np[k:], kind, at + k
