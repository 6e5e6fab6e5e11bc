"""A capitalised word that is no name chosen as a quote's speaker: a nationality or another
adjective ("Swedish" of "the Swedish government", "Indian" of "the Indian army" for "it said"),
a participle or a common word opening its sentence ("Appearing before …, the delegation said",
"New legislation will end what officials called …"). After the resolution, such a speaker
becomes the noun phrase the word qualifies where the article writes it — a description
whose head is a role or organisation noun ("the Swedish government"), or the name the phrase
ends in ("Republican presidential front-runner <name>") — else no speaker."""

from __future__ import annotations

import re

from newsspider.extract.mentions.lexicon import (
    ADVERBS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FEMALE_FIRST,
    MALE_FIRST,
    ROLE_NOUNS,
)
from newsspider.extract.mentions.runs import name_runs
from newsspider.extract.mentions.text import Doc, LowerWords, sentence_start
from newsspider.extract.quotes.finding import Candidate

_FUNCTION = frozenset(
    """of to in on at with by from for about into onto over after before under since while when if that which
    who whom whose and or but nor as than like per via through without within among between against during
    is was are were be been being am has have had do does did will would can could shall should may might
    must not also just only even still now then so too very all both each either neither according""".split()
) | frozenset(CUE_VERBS) | frozenset(ADVERBS)
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ish|ese|ean|can|ic)")
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}(?:ing|ed)")
# heads of an organisation's description that the role lexicon leaves out
_BODIES = frozenset("army military navy forces delegation embassy side troops authorities".split())


def _no_name(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+", word)) and word not in MALE_FIRST and word not in FEMALE_FIRST


def _last_at(doc: Doc, word: str, limit: int) -> tuple[int, int] | None:
    """(paragraph, offset) of the last occurrence of `word` before global offset `limit`."""
    para, off = doc.locate(limit)
    pat = re.compile(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])")
    for p in range(para, max(-1, para - 30), -1):
        text = doc.paras[p]
        hits = [m.start() for m in pat.finditer(text, 0, off + len(word) if p == para else len(text))]
        if hits:
            return p, hits[-1]
    return None


def _qualified(text: str, at: int, word: str, lower: LowerWords) -> tuple[bool, str | None]:
    """(is a modifier here, the speaker it gives): the noun phrase after the word. A
    nationality-like adjective anywhere; a participle or a word the article writes in lower
    case only when it opens its sentence."""
    opener = not text[sentence_start(text, at) : at].strip(" “‘\"'(")
    if not (_ADJECTIVE.fullmatch(word) or (opener and (_PARTICIPLE.fullmatch(word) or word.lower() in lower))):
        return False, None
    end = at + len(word)
    words: list[str] = []
    pos = end
    for m in re.finditer(r"\s+([a-z][a-z\-]*)", text[end : end + 80]):
        if end + m.start() != pos or m.group(1) in _FUNCTION or len(words) == 3:
            break
        words.append(m.group(1))
        pos = end + m.end()
    if not words:
        # "Appearing before the court, …": a participle opening its sentence names nobody
        return (opener and bool(_PARTICIPLE.fullmatch(word))), None
    runs = name_runs(text[pos : pos + 60])
    if runs and runs[0].start <= 1 and not runs[0].possessive:
        return True, runs[0].text  # "<Adj> presidential front-runner <name>"
    head = words[-1]
    if head.endswith("s") and head[:-1] in ROLE_NOUNS:
        head = head[:-1]  # "Teachers unions"
    if head in DOCUMENT_NOUNS or (head not in ROLE_NOUNS and head not in _BODIES):
        return True, None
    det = re.search(r"\b(the|The)\s+$", text[max(0, at - 4) : at])
    return True, " ".join(([det.group(1)] if det else []) + [word] + words)


def modifier_speakers(doc: Doc, cands: list[Candidate], lower: LowerWords) -> None:
    """Replaces a resolved speaker that is an adjective or an opening word (see the module)."""
    for c in cands:
        word = c.speaker
        if not word or c.kind == "embed" or not _no_name(word):
            continue
        raw = c.speaker_raw or ""
        inside = re.search(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", raw) if c.attr_pos else None
        if inside is not None:  # the word as the attribution writes it ("Utah Republican")
            at: tuple[int, int] | None = doc.locate(c.attr_pos + inside.start())
        else:
            at = _last_at(doc, word, min(c.attr_pos or c.pos, c.pos))
        if at is None:
            continue
        if doc.paras[at[0]][at[1] : at[1] + len(word)] != word:
            continue
        modifier, speaker = _qualified(doc.paras[at[0]], at[1], word, lower)
        if modifier:
            c.speaker = speaker
