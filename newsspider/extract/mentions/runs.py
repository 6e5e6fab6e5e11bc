"""Name runs: maximal runs of capitalised words that look like a name ("Han Seo-rin",
"Mr. Obama", "BLACKPINK's Jennie" -> "Jennie", "(G)I-DLE"), and the type a name has on its own
(person / group / org / place / unknown)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import (
    _INNER_TITLES,
    APOS,
    CAP_STOPWORDS,
    DEPARTMENT_WORDS,
    FEMALE_FIRST,
    GROUP_INTRO,
    HONORIFICS,
    MALE_FIRST,
    MONTHS_DAYS,
    NOT_NAME_ACRONYMS,
    ORG_SUFFIXES,
    PLACES,
    ROLE_TITLES,
    EntityType,
)

_TOKEN_RE = lazy(r"(?:\([A-Z]\))?[\w][\w\-'’.&*]*")


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """'f' / 'm' from the first word of a multi-word person name, else None."""
    words = [w for w in name.split() if w.lower().rstrip(".") + "." not in HONORIFICS]
    if len(words) < 2:
        return None
    first = words[0]
    if first in FEMALE_FIRST:
        return "f"
    if first in MALE_FIRST:
        return "m"
    return None


@lru_cache(maxsize=4096)
def is_place(name: str) -> bool:
    """A known country/state/city name ("North Korea", "New York", "Charlotte")."""
    words = name.split()
    n = len(words)
    if n == 1:
        return words[0] in PLACES
    if not n or n > 3:
        return False
    if words[0] in _PLACE_PREFIXES:
        words = words[1:]
    for w in words:
        if w not in PLACES:
            return False
    return True


_PLACE_PREFIXES = frozenset(("North", "South", "East", "West", "New", "Northern", "Southern", "United"))




class Token(NamedTuple):  # a tuple: built for every capitalised word, ~5x cheaper than a frozen dataclass
    text: str
    start: int
    end: int


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text` (punctuation other than inner - ' ’ . & is dropped)."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        end = m.end()
        if word[-1] != ".":
            out.append(Token(word, m.start() + offset, end + offset))
            continue
        # a trailing period belongs to the word only for abbreviations/initials
        while word.endswith(".") and not _is_abbrev(word):
            word = word[:-1]
            end -= 1
        if word:
            out.append(Token(word, m.start() + offset, end + offset))
    return out


_ABBREV = frozenset(
    "mr. mrs. ms. dr. prof. sen. rep. gov. gen. lt. col. capt. sgt. st. rev. jr. sr. adm. cmdr. brig. maj. "
    "co. inc. corp. ltd. ent. no. vs. etc. u.s. u.k. d.c. jan. feb. mar. apr. jun. jul. "
    "aug. sep. sept. oct. nov. dec. a.m. p.m.".split()
)


_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def _is_abbrev(word: str) -> bool:
    low = word.lower()
    if low in _ABBREV:
        return True
    # initials: "J." or "U.S." style
    return _INITIALS.fullmatch(word) is not None


def strip_possessive(word: str) -> tuple[str, bool]:
    if not word.endswith(("s", "’", "'")):
        return word, False
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            base = word[: -len(suffix)]
            if suffix in ("’", "'") and not base.endswith("s"):
                continue
            return base, True
    return word, False


@lru_cache(maxsize=8192)
def _word_info(word: str) -> tuple[str, bool, bool, int]:
    """`strip_possessive(word)`, whether its base `is_name_word`, and whether `_is_stop`
    holds for the base: 2 whatever the context (a stop word that is no number word), 1 maybe,
    0 never; cached per token text (every capitalised word of every paragraph goes through
    them)."""
    base, poss = strip_possessive(word)
    if base in CAP_STOPWORDS and base not in _NUMBER_WORDS:
        return base, poss, is_name_word(base), 2
    maybe_stop = (
        base in _STOP_CANDIDATES
        or (base.endswith("ly") and len(base) > 4)
        or (base[:2] in ("I'", "I’") and _I_CONTRACTION.fullmatch(base) is not None)
    )
    return base, poss, is_name_word(base), int(maybe_stop)


def is_name_word(word: str) -> bool:
    """A word that can be part of a proper name."""
    if not word:
        return False
    if word.startswith("(") and len(word) > 3:
        return word[1].isupper()
    first = word[0]
    if first.isdigit():
        # group names like "2NE1", "2PM" – need a capital letter inside
        return any(c.isupper() for c in word) and not word[:-1].isdigit()
    if not first.isupper():
        return False
    if word in NOT_NAME_ACRONYMS:
        return False
    return True


@dataclass
class NameRun:
    """A capitalised run that looks like a name; offsets relative to the scanned text."""

    text: str  # the name (role words and possessive owner stripped)
    start: int
    end: int
    raw: str  # the full run as written, e.g. "VELVETEEN leader Oh Da-bin"
    possessive: bool = False  # the run ends with 's ("LUMINA's")
    owner: str | None = None  # "BLACKPINK" in "BLACKPINK's Jennie"


# capital letters include accented Latin ones ("Élodie", "Özil", "Łukasz")
# The first character is matched first, as a character set: the regex engine then skips the
# other positions in a C loop (a lookahead or lookbehind in front defeats that test: the engine
# runs the whole pattern at every position). The lookbehind after it looks at the character
# before the token: `(?<![\w’'\-])` in front of it, read one character later.
_CAP_TOKEN_RE = re.compile(
    r"[(A-Z0-9À-ÖØ-ÞĀ-Ž](?<![\w’'\-][(A-Z0-9À-ÖØ-ÞĀ-Ž])"
    r"(?:(?<=\()[A-Z]\)[A-Z0-9À-ÖØ-ÞĀ-Ž]|(?<!\())[\w\-'’.&*]*"
)
_SPACE_CAP = re.compile(r" [A-Z]")
_CONNECTORS = frozenset(("de", "van", "von", "bin", "da", "del", "der", "le", "al"))


def _cap_tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of the capitalised tokens: plain tuples, the scanner's inner loop
    reads them by index."""
    out: list[tuple[str, int, int]] = []
    append = out.append
    for m in _CAP_TOKEN_RE.finditer(text):
        word = m.group()
        if word[-1] != ".":
            append((word, m.start(), m.end()))
            continue
        end = m.end()
        while word.endswith(".") and not _is_abbrev(word):
            word = word[:-1]
            end -= 1
        if len(word) == 2 and word[1] == "." and not _SPACE_CAP.match(text, end, end + 2):
            word, end = word[0], end - 1  # "said V." ends a sentence; "J. Smith" is an initial
        if word:
            append((word, m.start(), end))
    return out


def _adjacent(text: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return b[1] == a[2] + 1 and text[a[2]] in " \u00a0"


@lru_cache(maxsize=256)
def paragraph_runs(text: str) -> tuple[NameRun, ...]:
    """`name_runs` of a whole (masked) paragraph, cached: the entity index and the attribution
    windows scan the same paragraphs. Callers must not modify the runs."""
    return tuple(name_runs(text))


def name_runs(text: str, offset: int = 0) -> list[NameRun]:
    """All name-like capitalised runs in `text` (offsets shifted by `offset`)."""
    toks = _cap_tokens(text)
    runs: list[NameRun] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        word, poss, name_word, maybe_stop = _word_info(tok[0])
        if not name_word or maybe_stop == 2 or (maybe_stop and _is_stop(word, toks, i, text)):
            i += 1
            continue
        j = i
        parts = [word]
        end = tok[2]
        cut = len(tok[0]) - len(word)  # the possessive ending of the last token
        ended_poss = poss
        prev = tok
        while not ended_poss and j + 1 < n:
            nxt = toks[j + 1]
            pend = prev[2]
            if not (nxt[1] == pend + 1 and text[pend] in " \u00a0"):
                gap = text[pend : nxt[1]]
                if not (gap.strip() in _CONNECTORS and gap.startswith(" ") and gap.endswith(" ") and is_name_word(nxt[0])):
                    break
                parts.append(gap.strip())
            w2, p2, name_word, _ = _word_info(nxt[0])
            if not name_word or w2 in CAP_STOPWORDS:
                break
            parts.append(w2)
            j += 1
            end = nxt[2]
            cut = len(nxt[0]) - len(w2)
            ended_poss = p2
            prev = nxt
        start = tok[1]
        raw = text[start:end]
        # drop leading role titles ("Leader", "Pop", "Music") when a name follows
        k = 0
        while k < len(parts) - 1 and parts[k].lower() in ROLE_TITLES and parts[k].lower() not in HONORIFICS:
            k += 1
        # "Pennsylvania Gov. Ed Rendell", "Senate Majority Leader Mitch McConnell": the name
        # follows the last title word
        for t in range(len(parts) - 2, k - 1, -1):
            if parts[t].lower() in _INNER_TITLES:
                k = t + 1
                break
        if parts[k] in DEPARTMENT_WORDS and parts[-1] not in ORG_SUFFIXES and _TITLE_OF.search(text, max(0, start - 40), start):
            # "Secretary of State Ana Ruiz", "Director of Public Affairs Ana Ruiz", "chief of
            # staff Ana Ruiz": the run after "of" starts with the portfolio (a run of portfolio
            # words only, "Ministry of Foreign Affairs", stays whole)
            rest = next((t for t in range(k, len(parts)) if parts[t] not in DEPARTMENT_WORDS), k)
            k = rest
        name_parts = parts[k:] if k else parts
        if name_parts[-1].endswith(_ADJ_SUFFIXES):
            i = j + 1  # "South Florida-based", "Seoul-born": an adjective, not a name
            continue
        if len(name_parts) == 1:
            if name_parts[0] in MONTHS_DAYS or name_parts[0].lower() in ROLE_TITLES:
                i = j + 1
                continue
        elif all(p in MONTHS_DAYS for p in name_parts):
            i = j + 1
            continue
        runs.append(
            NameRun(
                text=" ".join(name_parts),
                start=start + offset,
                end=end + offset - cut,
                raw=raw,
                possessive=ended_poss,
            )
        )
        i = j + 1
    # "BLACKPINK's Jennie": attach owner to the following run
    drop = []
    for a, b in zip(runs, runs[1:], strict=False):
        if a.possessive and text[a.end - offset : b.start - offset].strip(APOS + "s ") == "":
            b.owner = a.text
        elif a.text.rsplit(" ", 1)[-1].lower() in _HEAD_TITLES and titled(b) and _OF_GAP.fullmatch(text, a.end - offset, b.start - offset):
            drop.append(a)  # "Missouri Secretary of State Ana Ruiz": the title of the name after it
    return [r for r in runs if r not in drop] if drop else runs


def titled(r: NameRun, dropped: int = 1) -> bool:
    """A person's name written after title or portfolio words inside its run ("State Ana Ruiz"
    after "Secretary of", "Dock Workers President Ana Ruiz"): at least `dropped` words
    dropped before a name of two words or more."""
    n = r.text.count(" ") + 1
    return n >= 2 and not r.possessive and r.raw.count(" ") + 1 >= n + dropped and entity_type_of(r.text) not in ("org", "place")


_TITLE_OF = lazy(
    r"\b(?:[Ss]ecretary|[Mm]inister|[Dd]irector|Ministry|Department|[Cc]ommissioner|Administrator|Secretary-General|"
    r"[Cc]hief|[Ss]upervisor|[Hh]ead|[Cc]hair(?:man|woman)?)\s+(?:of|for)\s+(?:the\s+)?$"
)
_OF_GAP = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")
_HEAD_TITLES = _INNER_TITLES | {"supervisor", "head", "chair", "commissioner", "administrator"}
_ADJ_SUFFIXES = ("-based", "-born", "-led", "-owned", "-backed", "-style", "-era")

_PREP_BEFORE = lazy(
    r"\b(?:on|in|since|until|till|by|from|last|next|this|every|early|late|mid|of|through|"
    r"before|after)\s+$",
    re.IGNORECASE,
)
_I_CONTRACTION = re.compile(r"I['’](?:m|ve|ll|d)")


_NUMBER_WORDS = frozenset("One Two Three Four Five Six Seven Eight Nine Ten".split())
# the words `_is_stop` looks at (besides adverbs in -ly and "I'm"-style contractions)
_STOP_CANDIDATES = _NUMBER_WORDS | CAP_STOPWORDS | MONTHS_DAYS | {"Oh", "Ah"}


def _is_stop(word: str, toks: list[tuple[str, int, int]], i: int, text: str) -> bool:
    if word in _NUMBER_WORDS and _starts_org_name(toks, i, text):
        return False  # "Nine Stones Entertainment"
    if word in CAP_STOPWORDS or _I_CONTRACTION.fullmatch(word):
        return True
    end = toks[i][2]
    nxt = toks[i + 1][0] if i + 1 < len(toks) and _adjacent(text, toks[i], toks[i + 1]) else None
    if word in ("Oh", "Ah") and text[end : end + 1] in (",", "!"):
        return True  # interjection
    if word in MONTHS_DAYS:
        # "Sunday Parade" (a band) vs "on Sunday", "June 3", "Monday Seo said"
        if nxt is None or not is_name_word(nxt) or nxt in MONTHS_DAYS or nxt in CAP_STOPWORDS:
            return True
        start = toks[i][1]
        return bool(_PREP_BEFORE.search(text[max(0, start - 12) : start])) or start == 0
    if word.endswith("ly") and len(word) > 4 and (nxt is None or not is_name_word(nxt)):
        # sentence-initial adverb ("Shortly after ...", "Finally,")
        return True
    return False


def _starts_org_name(toks: list[tuple[str, int, int]], i: int, text: str) -> bool:
    """The capitalised run starting at toks[i] ends with an organisation suffix."""
    j = i
    while j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]) and toks[j + 1][0][0].isupper():
        j += 1
    return j > i and strip_possessive(toks[j][0])[0] in ORG_SUFFIXES


_HONORIFIC_OR_TITLE = HONORIFICS | ROLE_TITLES


@lru_cache(maxsize=4096)
def strip_honorific(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[0].lower() in _HONORIFIC_OR_TITLE:
        parts = parts[1:]
    return " ".join(parts)


_KOREAN_NAME = re.compile(r"[A-Z][a-z]{1,4} [A-Z][a-z]+-[a-z]+|[A-Z][a-z]+-[a-z]+ [A-Z][a-z]{1,4}")


def is_korean_name_shape(name: str) -> bool:
    """'Han Seo-rin', 'Seo-rin Han', 'Kim Na-yeon', 'Ryu Jun' style names."""
    # (both shapes hold a hyphen: most names are answered without the pattern)
    return "-" in name and _KOREAN_NAME.fullmatch(name) is not None


_GROUP_WORD_ENDS = frozenset("pdotPDOT")


def entity_type_of(name: str, left_context: str = "") -> EntityType:
    first, rest = _name_types(name)
    if first is not None:
        return first
    # GROUP_INTRO ends with a group word (the last letter p, d, o or t) and spaces: the
    # pattern is searched only when the context can end so
    if left_context and left_context.rstrip()[-1:] in _GROUP_WORD_ENDS and GROUP_INTRO.search(left_context):
        return "group"
    return rest


@lru_cache(maxsize=4096)
def _name_types(name: str) -> tuple[EntityType | None, EntityType]:
    """`entity_type_of` without the left context, cached: (the type decided before the context
    is looked at, else None; the type when the context says nothing)."""
    words = name.split()
    if not words:
        return "unknown", "unknown"
    if words[-1] in ORG_SUFFIXES:
        return "org", "org"
    if is_place(name):
        return "place", "place"
    return None, _type_by_shape(name, words)


def _type_by_shape(name: str, words: list[str]) -> EntityType:
    if is_korean_name_shape(name):
        return "person"
    if len(words) == 1 and len(name) >= 3 and name.replace("-", "").isupper():
        return "group"
    if words[0].lower() in HONORIFICS:
        return "person"
    return "unknown"
