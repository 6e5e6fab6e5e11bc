"""Descriptions with a qualifier: "the Florida senator", "the Democratic nominee", "the
“Avatar” star" name the one whose mentions the article writes with that qualifier ("Florida
Sen. Marco Rubio", "Democratic nominee Hillary Clinton", "“Avatar” star Zoe Saldana"), not the
most recent holder of the title ("Sen. Joni Ernst of Iowa").

PolNeAR train has the shape in 60 direct-quote sources ("The Florida senator" x8, "the Texas
senator", "the Vermont senator", "the Democratic presidential candidate", "the Republican
nominee", "the GOP front-runner" …). Bounded work: the last mentions of each candidate, a short
window of text around each.
"""

from __future__ import annotations

import bisect
import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike
from newsspider.extract.mentions.text import Doc

_QUALIFIER = lazy(r"“([^”]{1,40})”|\"([^\"]{1,40})\"|\b([A-Z][\w’'\-]*)")
_SKIP = frozenset(("The", "This", "That", "A", "An"))
_WINDOW = 60  # characters on each side of a mention
_LAST = 12  # mentions of a candidate looked at (the most recent before the description)


def qualifiers(description: str) -> list[str]:
    """The capitalised or quoted words between the determiner and the head noun ("The Florida
    senator" -> ["Florida"], "the “Avatar” star" -> ["Avatar"])."""
    words = description.split()
    body = " ".join(words[:-1])
    out = []
    for m in _QUALIFIER.finditer(body):
        q = m.group(1) or m.group(2) or m.group(3)
        if q and q not in _SKIP:
            out.append(q.strip())
    return out


def _stem_re(q: str) -> re.Pattern[str]:
    # "Democratic" ~ "Democrat", "Republican" ~ "Republicans": a prefix of the word
    if " " in q or len(q) < 6:
        return re.compile(r"(?<![\w])" + re.escape(q) + r"(?![\w])")
    return re.compile(r"(?<![\w])" + re.escape(q[: max(5, len(q) - 3)]))


# a sentence end after a word of three or more lower-case letters ("Sen. " is no end)
_LEFT_CUT = lazy(r".*(?:\band\b|[,;!?()“”\"]|\bwith\b|\bor\b|(?<=[a-z]{3})\.\s)")
_RIGHT = lazy(r"\s*(?:,|\(|of\s)([^,;()]{1,80})")


def _attached(text: str, off: int, length: int, name_end: str = "") -> str:
    """The words written with one mention: its noun phrase before it, up to a comma or "and"
    ("Florida Sen. "), and an apposition, parenthesis or "of" phrase after it (", a Florida
    senator,", " (R-Fla.)", " of Iowa")."""
    left = text[max(0, off - _WINDOW) : off]
    m = _LEFT_CUT.match(left)
    if m is not None:
        left = left[m.end() :]
    # the mention's run may open with its titles ("Florida Sen. Marco Rubio" is filed at "Florida")
    end = text.find(name_end, off, off + length + _WINDOW) if name_end else -1
    end = end + len(name_end) if end >= 0 else off + length
    right = _RIGHT.match(text, end)
    return left + " " + text[off:end] + " " + (right.group(1) if right else "")


def described(
    doc: Doc, description: str, pool: list[Entity], pos: int, reg: EntityRegistry | None = None
) -> list[Entity]:
    """The candidates of `pool` that the article writes with every qualifier of
    `description` near one of their mentions before `pos` ([] when the description has no
    qualifier or nobody fits). A candidate whose own name holds a qualifier is left out, and a
    qualifier that names someone of the article (`reg`) makes no description ("the Trump
    adviser" is neither Trump nor whoever was written next to him)."""
    quals = qualifiers(description)
    if not quals:
        return []
    if reg is not None:
        for q in quals:
            named = reg.lookup(q, pos)
            if named is not None and (named.type in ("person", "group") or is_personlike(named)):
                return []  # "the senior Cruz adviser": a relation to someone, not a description
    pats = [_stem_re(q) for q in quals]
    out = []
    for e in pool:
        name_words = set(e.name.split())
        if any(q in name_words or any(w.startswith(q) for w in name_words) for q in quals):
            continue
        k = bisect.bisect_left(e.positions, pos)
        for p in e.positions[max(0, k - _LAST) : k]:
            para, off = doc.locate(p)
            text = doc.paras[para] if para < len(doc.paras) else ""
            words = _attached(text, off, len(e.name), e.name.split()[-1])
            if all(rx.search(words) for rx in pats):
                out.append(e)
                break
    return out
