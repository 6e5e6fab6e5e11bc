"""Subject phrases around a speech verb: a name, a pronoun or a role description."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import (
    PLURAL_ROLES,
    ROLE_NOUNS,
    ROLE_TITLES,
)
from newsspider.extract.mentions.runs import (
    name_runs,
    titled,
)
from newsspider.extract.quotes.finding import (
    _word_count,
)

_WS = re.compile(r"\s*")
# longest first, ties in a fixed order: the same string in every process (ROLE_NOUNS is filled
# from sets, in hash-seed order), so newsspider.regexcache finds the pattern compiled
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS), key=lambda w: (-len(w), w)))
_DET = r"(?:the|a|an|one|another|several|some|his|her|their|its|our|my|your|[A-Z][\w\-]*[’']s)"
# "the group’s leader", "a former spokesman": a determiner, at most three words, a role noun.
# As one pattern (the role nouns as a ~2,300-char alternation, ~5 ms to compile) it ran on 92%
# of pages; _role_np_forward does the same walk over whitespace-separated words and looks the
# role up in _ROLE_WORDS, and keeps the pattern for the rare text where a non-ASCII letter
# could fold to a role's letter or end its word (re.IGNORECASE: "K" U+212A is "k").
_ROLE_NP_FWD = lazy(
    rf"(?P<np>(?:{_DET})\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{_ROLE_ALT}))\b", re.IGNORECASE
)
_ROLE_WORDS = frozenset(w.lower() for w in ROLE_NOUNS)
_DET_WS = re.compile(rf"(?:{_DET})\s+", re.IGNORECASE)
_WORD_WS = re.compile(r"[\w’'\-]+\s+")
_ROLE_SEG = re.compile(r"[A-Za-z'\-]*")


def _role_at(text: str, pos: int) -> int | None:
    """End of the longest role noun at `pos` followed by a word boundary; -1: ask the pattern."""
    seg = _ROLE_SEG.match(text, pos).end()  # type: ignore[union-attr]
    nxt = text[seg : seg + 1]
    if nxt and nxt >= "\x80" and nxt.isalnum():
        return -1
    if not nxt.isalnum() and nxt != "_" and text[pos:seg].lower() in _ROLE_WORDS:
        return seg
    for end in range(seg - 1, pos, -1):  # prefixes ending before a ' or -: a boundary there
        if text[end] in "'-" and text[pos:end].lower() in _ROLE_WORDS:
            return end
    return None


def _role_np_forward(text: str) -> int | None:
    """End of _ROLE_NP_FWD's match at the start of `text` (its group np is text[:end])."""
    m = _DET_WS.match(text)
    if m is None:
        return None
    pos = m.end()
    for k in range(4):
        end = _role_at(text, pos)
        if end == -1:
            full = _ROLE_NP_FWD.match(text)
            return full.end() if full else None
        if end is not None:
            return end
        if k == 3:
            break
        w = _WORD_WS.match(text, pos)
        if w is None:
            return None
        pos = w.end()
    return None
_NOT_PREP = r"(?!(?:of|in|on|at|for|from|with|by|to)\b)"
_ROLE_NP_BACK = lazy(
    rf"(?P<np>\b(?:{_DET})\s+(?:(?:[A-Z]\.){{2,}}\s+|{_NOT_PREP}[\w’'\-]+\s+){{0,5}}?(?:{_ROLE_ALT}))\s*$",
    re.IGNORECASE,
)
_PAREN_END = re.compile(r"\s*\([^()]{1,30}\)$")
_BARE_PLURAL_BACK = lazy(r"(?:^|[.;:!?,]\s+|\b(?:and|but|while|as)\s+)(?P<np>[A-Za-z]+)$")
_PRON_FWD = re.compile(r"(?P<p>he|she|they|we|I|it)\b", re.IGNORECASE)
_PRON_BACK = re.compile(r"\b(?P<p>he|she|they|we|I)\s*$", re.IGNORECASE)


_PORTFOLIO = re.compile(
    r"\s+(?:of|for)\s+(?:(?!(?:at|in|on|with|from|by|to|the|a|an|who|which|that|said|says)\b)(?:[a-z][\w’'\-]*|&),?\s+){1,8}"
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?”\"]|$)")
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")


@dataclass
class Subject:
    raw: str
    kind: str  # name | pron | role
    start: int
    end: int
    name: str | None = None  # for kind == name: the name (role words stripped)


def _subject_forward(text: str, pos: int) -> Subject | None:
    """Subject phrase starting at `pos` (after skipping spaces)."""
    m = _WS.match(text, pos)
    p = m.end() if m else pos
    rest = text[p:]
    m = _PRON_FWD.match(rest)
    if m and (len(rest) == m.end() or not rest[m.end()].isalnum()):
        return Subject(m.group("p"), "pron", p, p + m.end())
    np_end = _role_np_forward(rest)
    if np_end is not None:
        np = rest[:np_end]
        # "the group’s leader Kim Na-yeon": prefer a following name
        after = rest[np_end:]
        runs = name_runs(after[:60])
        if runs and runs[0].start <= 1 and not runs[0].possessive:
            r = runs[0]
            return Subject(r.text, "name", p + np_end + r.start, p + np_end + r.end, name=r.text)
        # "the firm's senior director of marketing and customer care Ana Ruiz.": the portfolio
        # in lower case, then the name closing the clause
        m = _PORTFOLIO.match(after)
        if m is not None:
            at = np_end + m.end()
            runs = name_runs(rest[at : at + 60])
            if runs and runs[0].start == 0 and titled(runs[0], 0) and _CLAUSE_END.match(rest, at + runs[0].end):
                r = runs[0]
                return Subject(r.text, "name", p + at, p + at + r.end, name=r.text)
        return Subject(np, "role", p, p + np_end)
    if not rest:
        return None
    if not (rest[0].isupper() or rest[0] == "(") and not re.match(r"(?:the|[a-z0-9/\-]+\s+[a-z]+\s+)", rest):
        return None
    runs = name_runs(rest[:90])
    if runs and runs[0].start != 0:
        lead = rest[: runs[0].start].split()
        # "the Rev. Peter Wherry", "9/11 widow Terry Strada", "retired Air Force general X"
        if not (
            lead
            and len(lead) <= 3
            and (lead[0].lower() == "the" or lead[-1].lower() in ROLE_TITLES)
            and all(not w[0].isupper() for w in lead)
            and not any(c in rest[: runs[0].start] for c in ",.;:“”\"")
        ):
            return None
    if not runs:
        return None
    # walk over "VELVETEEN leader Oh Da-bin" / "BLACKPINK's Jennie": later runs joined by
    # lowercase role words or a possessive
    chosen = runs[0]
    for nxt in runs[1:]:
        gap = rest[chosen.end : nxt.start]
        words = gap.strip(" ’'s").split()
        if chosen.possessive or (words and all(w.lower() in ROLE_TITLES for w in words)):
            chosen = nxt
        elif _OF_GAP.fullmatch(gap) and titled(nxt):
            chosen = nxt  # "Union of Dock Workers President Ana Ruiz": the person, not the union
        else:
            break
    if chosen.possessive:
        return None
    return Subject(chosen.text, "name", p + chosen.start, p + chosen.end, name=chosen.text)


def _subject_backward(text: str, end: int, floor: int = 0, depth: int = 0) -> Subject | None:
    """Subject phrase ending at `end` (the text right before a speech verb)."""
    seg = text[floor:end]
    stripped = seg.rstrip()
    m = _PAREN_END.search(stripped)
    if m and m.start() > 0:
        stripped = stripped[: m.start()]  # "Jason Chaffetz (R-Utah) said"
    if not stripped:
        return None
    base = max(0, len(stripped) - 12)
    m = _PRON_BACK.search(stripped, base)
    if m:
        return Subject(m.group("p"), "pron", floor + m.start("p"), floor + m.end("p"))
    if stripped[-1].isalnum() or stripped[-1] in ".’')":
        cut = max(0, len(stripped) - 80)
        cut = stripped.find(" ", cut) + 1 if cut else 0
        runs = name_runs(stripped[cut:], cut)
        if runs and runs[-1].end == len(stripped) and not runs[-1].possessive:
            r = runs[-1]
            # "Gov. Earl Ray Tomblin of West Virginia", "Mr. Morgan of the Sierra Club"
            if (
                len(runs) >= 2
                and not runs[-2].possessive
                and re.fullmatch(r"\s+(?:of|from|at)\s+(?:the\s+)?", stripped[runs[-2].end : r.start])
                and not titled(r)  # "Supervisor of Elections Ana Ruiz": the person
            ):
                r = runs[-2]
            return Subject(r.text, "name", floor + r.start, floor + r.end, name=r.text)
    m = _ROLE_NP_BACK.search(stripped, max(0, len(stripped) - 70))
    if m:
        return Subject(m.group("np"), "role", floor + m.start("np"), floor + m.end("np"))
    m = _BARE_PLURAL_BACK.search(stripped)
    if m and m.group("np").lower() in PLURAL_ROLES:
        # "Police say …", "Prosecutors argued …": a bare plural opening the clause
        return Subject(m.group("np"), "role", floor + m.start("np"), floor + m.end("np"))
    if stripped.endswith(",") and depth < 2:
        inner_end = len(stripped) - 1
        prev_comma = stripped.rfind(",", 0, inner_end)
        seg_start = prev_comma + 1 if prev_comma >= 0 else 0
        inner = stripped[seg_start:inner_end]
        inner_runs = name_runs(inner)
        if (
            prev_comma >= 0
            and inner_runs
            and inner_runs[0].start == len(inner) - len(inner.lstrip())
            and inner_runs[-1].end == len(inner.rstrip())
            and len(inner_runs) == 1
        ):
            r = inner_runs[0]
            return Subject(r.text, "name", floor + seg_start + r.start, floor + seg_start + r.end, name=r.text)
        if prev_comma >= 0 and _word_count(inner) <= 14:
            return _subject_backward(text, floor + prev_comma, floor, depth + 1)
    return None



def _according_subject(text: str, who_start: int, who: str) -> Subject:
    """The X of "according to X": a subject phrase, else a name closing the phrase
    ("conservative talk radio host Rush Limbaugh"), else the phrase as written."""
    subj = _subject_forward(text, who_start)
    if subj is not None:
        return subj
    who = who.rstrip()
    runs = [r for r in name_runs(who) if not r.possessive]
    if runs and runs[-1].end == len(who):
        r = runs[-1]
        return Subject(r.text, "name", who_start + r.start, who_start + r.end, name=r.text)
    return Subject(who.strip(), "role", who_start, who_start + len(who))


def _sentence_subject(text: str, start: int, end: int) -> Subject | None:
    """The first subject-like phrase of a sentence (skipping a leading adverbial clause)
    that is followed by a lower-case word (its verb)."""
    starts = [start] + [start + m.end() for m in re.finditer(r",\s+|[,!?]?[”\"]\s+", text[start:end])]
    for s0 in starts:
        subj = _subject_forward(text, s0)
        if subj is not None and subj.end <= end and re.match(
            r"(?:\s*\([^()]{1,30}\))?(?:,[^,]{1,80},)?\s+[a-z]", text[subj.end : end + 1]
        ):
            return subj
    return None


