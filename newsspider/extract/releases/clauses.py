"""Clause tests for release events: what the verb acts on, whether a date fits the section
it is written under, offsets ("a week later"), negatives, tense and schedule words (used by
`releases.sentence`)."""

from __future__ import annotations

import datetime as dt
import re

from newsspider.extract.dates import DateMatch, is_habitual_or_past
from newsspider.extract.lazyre import lazy
from newsspider.extract.releases.vocab import _NEGATIVE, _NUMBER_WORDS, _OFFSET, _Title


def _negative_between(text: str) -> bool:
    return bool(_NEGATIVE.search(text))

# a noun phrase right after the verb that is not a release: the verb acts on something else
# ("dropped the suit", "released a statement", "followed by a wider release in theaters")
_OBJECT_NP = lazy(
    r"\s+(?:by\s+)?(?:the|a|an|his|her|their|its|this|that|all|some|any)\s+((?:[\w’'-]+\s+){0,4}[\w’'-]+)",
    re.I,
)
_RELEASE_NOUN = lazy(
    r"^(?:albums?|singles?|EPs?|songs?|tracks?|records?|mixtapes?|OSTs?|soundtracks?|videos?|MVs?|"
    r"repackages?|collaborations?|remix(?:es)?|ballads?|anthems?|versions?|editions?|duets?)$",
    re.I,
)


_SUBJECT_THEN_PAREN = lazy(
    r"\s*(?P<np>(?:The|Its|Their|His|Her)\s+(?:[\w-]+\s+){0,2}?(?:album|EP|mini\s+album|record|"
    r"single|song|repackage))\s*,"
)


_OTHER_WORK = lazy(r"\b(?:single|song|track|b-side|video|MV|OST|featuring|with)\b", re.I)


# a common noun right before a participle: "poll released Thursday", "report released on"
_NOUN_RELEASED = lazy(
    r"\b(?!(?:album|single|EP|song|track|record|mixtape|OST|soundtrack|video|MV|repackage|"
    r"collaboration|remix|ballad|version|edition|first|originally|digitally|officially|was|were|"
    r"is|are|be|been|being|get|gets|got|had|has|have|just|finally|recently|already|also|and|"
    r"then|now|which|that|it|they|will|would|to|not|never|soon|later)s?\b)[a-z][a-z-]+\s+$"
)


def _other_object(sent: str, te: int) -> bool:
    m = _OBJECT_NP.match(sent, te)
    if not m:
        return False
    return not any(_RELEASE_NOUN.match(w.strip("’'")) for w in m.group(1).split())


def _fits_section(sent: str, a: int, z: int, section: DateMatch) -> bool:
    """A sentence under a day heading without a date of its own is about that day, unless it
    names a year or talks about an earlier release ("since their 2021 album ...")."""
    clause = sent[a:z]
    return not re.search(r"\b(?:19|20)\d\d\b|\b(?:since|previous|last|former|earlier)\b", clause)


def _offset_date(
    sent: str, dates: list[DateMatch], t: _Title, ts: int, te: int, a: int, z: int
) -> str | None:
    """A release date stated relative to another date of the sentence: "won on Wednesday, one
    day after her single “X” was released" (Wednesday - 1 day), "“X” came out two weeks after
    the concert on May 3" (May 3 + 2 weeks)."""
    if t.start < 0 or (" after " not in sent and " before " not in sent):
        return None
    first = min(ts, t.start)
    for m in _OFFSET.finditer(sent):
        direction = m.group("dir").lower()
        if direction not in ("after", "before"):
            continue
        n = _NUMBER_WORDS.get(m.group("n").lower()) or (
            int(m.group("n")) if m.group("n").isdigit() else 0
        )
        days = n * (7 if m.group("unit").lower() == "week" else 1)
        if not days:
            continue
        sign = 1 if direction == "after" else -1
        if (
            m.end() <= first
            and first - m.end() <= 60
            and not re.search(r"[;“”\"]", sent[m.end() : first])
        ):
            # anchor date before the offset phrase: release = anchor -/+ offset
            anchors = [d for d in dates if d.end <= m.start() and d.precision == "day"]
            if anchors:
                base = dt.date.fromisoformat(anchors[-1].value)
                return (base - dt.timedelta(days=sign * days)).isoformat()
        elif m.start() >= max(te, t.end) and m.start() <= z:
            # anchor date after the offset phrase: release = anchor +/- offset
            anchors = [
                d for d in dates if d.start >= m.end() and d.start <= z and d.precision == "day"
            ]
            if anchors and m.start() - max(te, t.end) <= 30:
                base = dt.date.fromisoformat(anchors[0].value)
                return (base + dt.timedelta(days=sign * days)).isoformat()
    return None


def _negative_governs(sent: str, d: DateMatch, ts: int, te: int, t: _Title) -> bool:
    """A distractor noun sits between the release phrase and the date ("will release the
    first teaser on June 3") or right before the date ("begin pre-orders on May 31")."""
    lo = max(te, t.end) if d.start >= ts else d.end
    hi = d.start if d.start >= ts else min(ts, t.start)
    gap = sent[lo:hi]
    gap = gap.replace(d.text, " ")
    if len(gap) > 0 and _negative_between(gap):
        return True
    return False


def _tense_word(clause: str) -> str | None:
    if re.search(
        r"\b(?:will|'ll|’ll|is\s+set|are\s+set|scheduled|slated|upcoming|to\s+be\s+released|"
        r"is\s+due|are\s+due)\b",
        clause,
        re.I,
    ):
        return "future"
    if re.search(
        r"\b(?:was|were|released|came\s+out|dropped|debuted|unveiled|arrived|returned|had)\b",
        clause,
        re.I,
    ):
        return "past"
    return None


# a present-tense release verb: "“X” comes out / drops / arrives / hits shelves / is out ..."
_SCHEDULE_TRIGGER = lazy(
    r"(?:comes?\s+out|drops|arrives|lands|releases|debuts|returns|launches|unveils|"
    r"hits?\s+(?:shelves|stores|streaming)|(?:is|are)\s+(?:\w+\s+)?(?:out|available))\b",
    re.I,
)


_AUX_BEFORE = lazy(
    r"\b(?:to|not|never|did|does|do|will|would|can|could|may|might|must|should|have|has|had|"
    r"\w+n[’']t)\s+$",
    re.I,
)


def _schedule_trigger(sent: str, ts: int, te: int, a: int, z: int) -> bool:
    """The release verb is a finite present-tense schedule ("“X” drops in late May") in a
    clause that is neither habitual nor about the past."""
    if not _SCHEDULE_TRIGGER.match(sent, ts, te):
        return False
    if _AUX_BEFORE.search(sent[max(a, ts - 20) : ts]):
        return False
    return not is_habitual_or_past(sent[a:z])
