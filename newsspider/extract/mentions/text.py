"""Paragraphs in one global character space, and sentence boundaries."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

SENT_END = re.compile(r"[.!?…]['’”\")]*\s+(?=['‘“\"(]?[A-Z0-9])")
ABBREV_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Rev|Jr|Sr|No|vs|Del|Atty|Adm|Maj|Amb|Hon|Fr|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Co|Inc|Corp|Ltd|Ent|U\.S|U\.K|D\.C)|\b[A-Z])\.$"
)


@lru_cache(maxsize=512)
def sentence_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(ends, starts) of the sentence boundaries of `text`, in order: ``ends[k]`` is the index
    just after a sentence's final punctuation and ``starts[k]`` the start of the next sentence.
    One linear scan per text (cached): an abbreviation before the full stop ("Mr.", "U.S.",
    an initial) is checked on a few characters, never on the whole prefix."""
    ends: list[int] = []
    starts: list[int] = []
    for m in SENT_END.finditer(text):
        end = m.start() + 1
        if ABBREV_END.search(text, max(0, end - 8), end):
            continue
        ends.append(end)
        starts.append(m.end())
    return tuple(ends), tuple(starts)


def is_abbreviation_end(text: str, end: int) -> bool:
    """The full stop just before `end` closes an abbreviation or an initial ("Mr.", "J.")."""
    return ABBREV_END.search(text, max(0, end - 8), end) is not None


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    """Start index of the sentence containing `pos` (not before `floor`)."""
    starts = sentence_bounds(text)[1]
    k = bisect.bisect_right(starts, pos) - 1
    return starts[k] if k >= 0 and starts[k] > floor else floor


def sentence_end(text: str, pos: int) -> int:
    """Index just after the final punctuation of the sentence containing `pos`."""
    ends = sentence_bounds(text)[0]
    k = bisect.bisect_left(ends, pos + 1)
    return ends[k] if k < len(ends) else len(text)


def sentence_starts(text: str) -> list[int]:
    return [0, *sentence_bounds(text)[1]]






class Doc:
    def __init__(self, paragraphs: Sequence[str], kinds: Sequence[str] | None, title: str | None) -> None:
        self.paras = [p or "" for p in paragraphs]
        self.kinds = list(kinds) if kinds is not None and len(kinds) == len(self.paras) else ["p"] * len(self.paras)
        self.title = title
        self.offsets: list[int] = []
        self._starts: dict[int, list[int]] = {}
        off = 0
        for p in self.paras:
            self.offsets.append(off)
            off += len(p) + 2

    def g(self, para: int, pos: int) -> int:
        return self.offsets[para] + pos

    def prev_sentence_start(self, pos: int) -> int:
        """Global start of the sentence before the one containing global offset `pos`."""
        i = max(0, bisect.bisect_right(self.offsets, pos) - 1)
        starts = self._starts.get(i)
        if starts is None:
            starts = self._starts[i] = sentence_starts(self.paras[i])
        k = bisect.bisect_right(starts, pos - self.offsets[i]) - 1
        if k >= 1:
            return self.offsets[i] + starts[k - 1]
        if i == 0:
            return 0
        prev = self._starts.get(i - 1)
        if prev is None:
            prev = self._starts[i - 1] = sentence_starts(self.paras[i - 1])
        return self.offsets[i - 1] + prev[-1]

    def locate(self, pos: int) -> tuple[int, int]:
        """(paragraph, offset) of a global offset."""
        i = max(0, bisect.bisect_right(self.offsets, pos) - 1)
        return i, pos - self.offsets[i]

    def text_at(self, start: int, end: int) -> str | None:
        """Text between two global offsets when both are in the same paragraph."""
        i = bisect.bisect_right(self.offsets, start) - 1
        if i < 0 or end > self.offsets[i] + len(self.paras[i]):
            return None
        return self.paras[i][start - self.offsets[i] : end - self.offsets[i]]


_LOWER_WORD = re.compile(r"(?<![\w’'\-])[a-z][a-z’'\-]*")


class LowerWords:
    """The words the document writes in lower case (a common word's vocabulary): ``low in
    words`` holds when some ``_LOWER_WORD`` match of the text is `low`. Asked word by word
    (a few single-word names a document): a `str.find` of the word and one anchored match at
    each place it occurs, cached; past 24 places that are no such word (a short word inside
    many others) the whole vocabulary is read once, as a set."""

    __slots__ = ("_text", "_known", "_all")

    def __init__(self, paras: Iterable[str]) -> None:
        # a paragraph boundary reads as a non-word character to the lookbehind, and no
        # word runs over it
        self._text = "\n".join(paras)
        self._known: dict[str, bool] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, low: object) -> bool:
        if not isinstance(low, str):
            return False
        got = self._known.get(low)
        if got is None:
            got = self._known[low] = self._find(low)
        return got

    def _find(self, low: str) -> bool:
        if self._all is not None:
            return low in self._all
        text, n = self._text, len(low)
        i = text.find(low) if low else -1
        for _ in range(24):
            if i < 0:
                return False
            # the match is greedy: it is `low` only when the word ends there
            m = _LOWER_WORD.match(text, i)
            if m is not None and m.end() == i + n:
                return True
            i = text.find(low, i + 1)
        if i < 0:
            return False
        self._all = frozenset(_LOWER_WORD.findall(text))
        return low in self._all
