"""The words and patterns of release sentences: title quotes, kind phrases, release triggers, distractor nouns, artist descriptors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newsspider.extract.dates import (
    NUM_WORDS,
)
from newsspider.extract.lazyre import lazy
from newsspider.extract.text import may_hold, word_test

RELEASE_KINDS = ("album", "mini_album", "single", "digital_single", "ep", "ost", "mv", "repackage")


_Q_OPEN = '“"‘'


# The opening quote mark is matched first, as a character set, so that the engine skips other
# positions in a C loop (a lookahead or lookbehind in front defeats that test: the engine then
# runs the pattern at every position); each alternative then asks which mark it was, and the
# lookbehind that stood before the mark looks at the character before it
_TITLE_RE = lazy(
    r"[“\"‘'](?:"
    r"(?<=“)(?P<d>[^“”\n]{1,80}?)”"
    r"|(?<=\")(?<![\w]\")(?P<s>[^\"\n]{1,80}?)\"(?!\w)"
    r"|(?<=‘)(?<![\w’']‘)(?P<q>(?:[^‘’\n]|’(?=\w)){1,80}?)’(?![\w])"
    r"|(?<=')(?<![\w’']')(?P<a>[^'\n]{1,60}?)'(?![\w])"
    r")"
)


# kind phrases, most specific first; value = kind
_KIND_PATTERNS: list[tuple[str, str]] = [
    (r"music\s+videos?|MVs?\b|M/Vs?\b|video\s+for|performance\s+video|visualizer", "mv"),
    (r"repackage(?:d)?(?:\s+(?:album|edition|version))?|repackaging", "repackage"),
    (r"digital\s+single(?:\s+album)?", "digital_single"),
    (
        r"(?:(?:pre-release|debut|lead|new|first|second|third|english(?:-language)?|japanese|korean|solo|"
        r"special|collaboration|promotional)\s+)?singles?(?:\s+albums?)?\b",
        "single",
    ),
    (r"mini[-\s]?albums?|\bEPs?\b|extended\s+play", "mini_album|ep"),
    (r"\bOSTs?\b|soundtrack", "ost"),
    (
        r"(?:full(?:-length)?|studio|regular|special|anniversary|solo|compilation|live|debut|first|"
        r"second|third|fourth|fifth|new)\s+albums?|full-length(?:\s+\w+)?|\balbums?\b|\bLPs?\b|\brecord\b",
        "album",
    ),
]


_KIND_RE = [(lazy(p, re.I if k != "mini_album|ep" else 0), k) for p, k in _KIND_PATTERNS]


_EP_RE = lazy(r"\bEPs?\b|extended\s+play", re.I)


_TRACK_BEFORE = lazy(
    r"(?:title\s+track|lead\s+track|b-sides?|focus\s+track|tracks?|songs?|tracks?\s+including|including)"
    r"(?:,)?\s*(?:titled|called|named)?\s*$",
    re.I,
)


# words that make the next title a work that is not a release (drama, film, show, ...)
_WORK_BEFORE = lazy(
    r"\b(?:drama|k-drama|series|film|movie|show|program(?:me)?|webtoon|novel|musical|documentary|"
    r"romance|thriller|comedy|sitcom|variety|reality|game|anime|webtoon|tour|concert|fan\s*meeting|"
    r"festival|campaign|brand|event|episode|exhibition|book|photobook|magazine|hit|slogan|nickname|"
    r"known\s+(?:to\s+fans\s+)?as|dubbed)\b[^“\"‘]{0,25}$",
    re.I,
)


# words after a title that make it a film, a show or a book
_WORK_AFTER = lazy(
    r"\b(?:(?:opens?|opened|hits?|premieres?|screens?|plays?|arrives?)\s+(?:in\s+)?(?:\w+\s+)?"
    r"(?:theaters|theatres|cinemas)|in\s+(?:theaters|theatres|cinemas)|as\s+an?\s+(?:[\w-]+\s+){0,2}?(?:film|movie|"
    r"documentary|series|drama|show|book|novel|musical|special)|(?:box\s+office|film|movie|series|"
    r"documentary)\b(?=[^“”\"]{0,3}$))",
    re.I,
)

# release triggers
_ACTIVE_WITH = lazy(
    r"\b(?:return(?:s|ed|ing)?|comes?\s+back|came\s+back|coming\s+back|is\s+back|are\s+back|"
    r"(?:make|makes|made|making)\s+(?:\S+\s+){0,3}?(?:debut|comeback|return)|debut(?:s|ed|ing)?|"
    r"kick(?:s|ed|ing)?\s+(?:\S+\s+){0,2}?off|close(?:s|d)?\s+out|wrap(?:s|ped)?\s+up|"
    r"celebrat(?:es?|ed|ing)|greet(?:s|ed)?\s+fans|start(?:s|ed)?\s+(?:the\s+\w+\s+)?)"
    r"\b(?P<gap>[^;“”\"‘]{0,60}?)\bwith\b",
    re.I,
)


_ACTIVE = lazy(
    r"\b(?:release\s+of|release[sd]?|releasing|drop(?:s|ped|ping)?|unveil(?:s|ed|ing)?|put(?:s|ting)?\s+out|push(?:es|ed|ing)?\s+out(?!\s+of)|"
    r"launch(?:es|ed|ing)?|(?:surprise|pre)-releas(?:es|ed|ing))\b",
    re.I,
)


# (?=[...]): the first letters of the alternatives below (same case folding); a lookahead
# character set lets the regex engine skip other positions in C (2x faster a paragraph)
_PASSIVE = lazy(
    r"(?=[biawgcsdpflhr])\b(?:(?:be|been|being|is|are|was|were|gets?|got)\s+(?:\w+\s+)?(?:released|dropped|unveiled)|"
    r"came\s+out|comes?\s+out|coming\s+out|"
    r"(?:is|are|will\s+be|be)\s+(?:(?:due|finally|now|officially|already)\s+)?out\b|"
    r"(?:scheduled|slated|set|due|planned|pencilled|penciled)\s+for\s+(?:an?\s+|its\s+|their\s+)?"
    r"(?:[\w.,-]+\s+){0,3}?release\b|"
    r"follow(?:s|ed|ing)?(?=\s+(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?)\s+later"
    r"|the\s+(?:next|following)\s+(?:day|week))\b)|"
    r"arriv(?:es|ed|e|ing)|lands?\b|landed|hit(?:s|ting)?\s+(?:shelves|stores|streaming)|"
    r"(?:be|is|are|become|becomes|became)\s+available|premiere[sd]?(?=\s+(?:on|at|in|via)\b)|"
    r"(?:drop|drops|dropped|dropping|release|releases|follows?|followed)(?=\s+(?:on|in|at|this|next|today|tomorrow|tonight|"
    r"early|late|mid|later|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|"
    r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)))",
    re.I,
)


# words every match of a trigger pattern holds, case-insensitively (tests/test_mentions_cpu.py):
# a sentence holding none of them skips the pattern (`text.word_test`, substring tests in C)
PASSIVE_WORDS = ("release", "drop", "unveiled", "out", "follow", "arriv", "land", "hit",
                 "available", "premiere")
ACTIVE_WORDS = ("releas", "drop", "unveil", "put", "push", "launch")
ACTIVE_WITH_WORDS = ("with",)
MV_TRIGGER_WORDS = ("video", "mv")
PRECEDED_WORDS = ("preceded", "followed")


def any_trigger(text: str) -> bool:
    """`_PASSIVE`, `_ACTIVE` or `_MV_TRIGGER` finds a match in `text` (each tried only where
    its words occur)."""
    hold = word_test(text)
    return ((hold(PASSIVE_WORDS) and _PASSIVE.search(text) is not None)
            or (hold(ACTIVE_WORDS) and _ACTIVE.search(text) is not None)
            or (hold(MV_TRIGGER_WORDS) and _MV_TRIGGER.search(text) is not None))


def quoted_title(text: str) -> bool:
    """``_TITLE_RE.search(text)`` finds a match: only where one of its opening quote marks
    occurs (substring tests in C; the pattern's scan tried every position)."""
    return ("\u201c" in text or '"' in text or "\u2018" in text or "'" in text) and (
        _TITLE_RE.search(text) is not None)


_SAME_TIME = lazy(
    r"\b(?:at\s+the\s+same\s+time|simultaneously|alongside\s+(?:it|the\s+album)|on\s+the\s+same\s+day|"
    r"the\s+same\s+day|(?:on\s+)?release\s+day|the\s+day\s+of\s+(?:the\s+|its\s+|their\s+)?release)\b",
    re.I,
)


# "“X” gets a music video on May 4": a video for the title named before
_MV_TRIGGER = lazy(
    r"\b(?:gets?|got|getting|receives?|received|will\s+get)\s+(?:a|an|its|her|his|their)\s+(?:own\s+)?"
    r"(?:music\s+video|MV|video)\b",
    re.I,
)


# "“A” will be preceded by a single, “B,” on Nov. 20": the title after
_PRECEDED = lazy(r"\b(?:preceded|followed)\s+by\b", re.I)


# "drops on Nov. 5 with a music video": a video for the same title on the same date
_WITH_MV = lazy(
    r"\b(?:with|alongside|along\s+with|together\s+with|plus)\s+(?:a|an|its|the|their|his|her)\s+"
    r"(?:new\s+|official\s+)?(?:music\s+video|MV)\b(?!\s+(?:for|of|to)\b)",
    re.I,
)


# "... together with the music video for the title track, “Y”": Y's video on the same date
_MV_FOR_BEFORE = lazy(
    r"\b(?:with|alongside|along\s+with|together\s+with|plus|and)\s+(?:a|an|its|the|their|his|her)\s+"
    r"(?:new\s+|official\s+)?(?:music\s+video|MV|video)\s+(?:for|of)\s+[^“”\";]{0,40}$",
    re.I,
)


# "one day after her single “X” was released" / "two weeks before it drops"
_NUMBER_WORDS = {**{w: n for w, n in NUM_WORDS.items() if n}, "the": 1}


_OFFSET = lazy(
    r"\b(?P<n>\d{1,2}|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>day|week)s?\s+(?P<dir>after|before|later|earlier|afterwards?)\b",
    re.I,
)


_NOUN_BEFORE_RELEASE = lazy(
    r"\b(?:the|a|an|its|their|his|her|this|that|first|new|latest|previous|last|next|group|solo|debut|"
    r"korean|japanese|english|physical|digital|album|single|upcoming|official|whose|of|press|news)\s+$"
    r"|\w[’']s?\s+$",  # a possessive: "the album’s release"
    re.I,
)


# clause-level distractors: if one of these governs the date, it is not a release date
_NEGATIVE = lazy(
    r"\b(?:pre-?orders?|preorders?|pre-?sales?|teasers?|concept\s+(?:photos?|films?|clips?|images?)|"
    r"posters?|track\s?list|tracklist|highlight\s+medley|spoilers?|showcase|concerts?|fan\s?meet(?:ing)?s?|"
    r"fan\s?con|fan\s+sign|tour|livestream|live\s+stream|broadcast|episode|premiere[sd]?|airs?|aired|"
    r"birthday|anniversary|music\s+shows?|M\s?Countdown|Music\s+Bank|Inkigayo|Show\s+Champion|"
    r"Music\s+Core|The\s+Show|stages?|perform(?:s|ed|ance|ing)?|award|ceremony|trophy|enlist(?:ed|ment)?|"
    r"discharge[sd]?|military|press\s+conference|interview|tickets?|screening|festival|Coachella|"
    r"schedule|timeline|countdown)\b",
    re.I,
)


_OBJECT_OF_NEGATIVE = lazy(
    _NEGATIVE.pattern
    + r"\s+(?:[\w-]+\s+){0,2}?(?:for|of|from|to|with)\s+(?:(?:the|their|its|his|her|a|an)\s+)?"
    r"(?:[\w-]+\s+){0,3}?[,\s]*$",
    re.I,
)


_REPORTING = lazy(
    r"\b(?:said|says|announced|announces|confirmed|confirms|revealed|reveals|told|reported|noted|"
    r"added|explained|shared|posted|wrote|stated|according\s+to)\b",
    re.I,
)


_CLAUSE_SPLIT = lazy(r";|\s[–—]\s|,\s(?:and|but|while|whereas|although|though)\s|:\s")


_DEBUT_ONLY = lazy(r"\bdebut(?:ed|s)?\s+(?:on|in)\b", re.I)


# artist descriptors and roles
_DESCRIPTOR_WORDS = frozenset(
    """boy girl co-ed band group duo trio unit rookie ballad singer singer-songwriter rapper
    producer soloist idol actor actress vocalist leader member k-pop kpop indie-pop indie pop
    rock hip-hop trot veteran star the a an""".split()
)


_ROLE_AFTER = lazy(
    r"^[’']?s?\s*(?:leader|member|members|maknae|vocalist|main\s+vocalist|rapper|dancer|producer|"
    r"fandom|fans|agency|label|company|camp|side|music|star|singer|idol|boy|girl|unit|sub-unit)\b",
    re.I,
)


_ORG_WORDS = lazy(
    r"\b(?:Entertainment|Music|Records|Label|Labels|Corporation|Corp|Company|Agency|Media|Studios?|"
    r"Inc|Ltd|Network|Broadcasting|News|Times|Daily|Magazine|TV|Billboard|Spotify|YouTube|"
    r"Instagram|Twitter|Weverse|Hanteo|Circle|Gaon|Melon|University|Hall|Dome|Stadium|Arena|Station)\b"
)


_NAME_RUN = lazy(
    r"(?:\([A-Z]\))?[A-Z0-9][\w&\-]*(?:[’'.][A-Z][\w\-]*)?(?:\s+(?:\([A-Z]\))?[A-Z0-9][\w&\-]*)*"
)


_STOP_CAPS = frozenset(
    """The A An This That These Those It Its Their His Her He She They We I You Our Your On In At
    For After Before Ahead Since With By From Of And But Or As When While Speaking According
    Following Meanwhile However Also Then Now Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    Jan Feb Aug Sept Oct Nov Dec KST Korea Korean Japan Japanese Seoul English US U.S Billboard
    Hot Fans Fan Boy Girl Band Group Rookie Ballad Singer Singer-songwriter Rapper Leader Member
    Release Radar Comeback Comebacks Debut Debuts Album Single EP OST""".split()
)


_WEEKDAY_MONTH = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December""".split()
)


def title_key(text: str) -> str:
    """Case- and punctuation-insensitive comparison key for release titles."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


@dataclass
class _Title:
    start: int
    end: int
    text: str
    kind: str | None = None
    kind_explicit: bool = False
    is_track: bool = False
    is_work: bool = False
    artist: str | None = None  # named in an anaphoric phrase ("LUMINA’s new album")


@dataclass
class _Event:
    artist: str | None
    title: str
    kind: str
    kind_explicit: bool
    date: str
    precision: str
    time: str | None
    tense: str | None
    evidence: str
    order: int = 0
    extra: dict = field(default_factory=dict)


def _since_title(before: str) -> str:
    cut = max(before.rfind("”"), before.rfind('"'), before.rfind(";"))
    return before[cut + 1 :]


# a release noun set off by a comma or dash, or "titled/called X": an unquoted title may follow
# (?=(?i:[...])): the first letters of the alternatives, so that the engine skips other
# positions in C (1.4x faster; it ran on every paragraph)
_UNQUOTED_CUE = lazy(
    r"(?=(?i:[asertlmcnod]))"
    r"(?:(?i:album|single|\bEP|\bOST|soundtrack|record|\bLP|mixtape)\s*(?:,|--|—|–)\s*(?:also\s+)?"
    r"(?:(?i:titled|called|named|dubbed)\s+)?[A-Z0-9]|(?i:titled|called|named|dubbed)\s+[A-Z0-9])"
)


# Searched in every paragraph without a quoted title, where it nearly never matches: a
# necessary condition is tested first on the lower-cased text, its words by `in` and the three
# abbreviations by a case-sensitive pattern (C-speed scans, not the case-insensitive
# alternation at every letter). Exact: only these four characters match a letter of the
# pattern case-insensitively without lower-casing to it (İ ı ſ K), and lower-casing keeps every
# other character one character and keeps it a word character or not (checked over all code
# points), so \b reads the same (`text.may_hold`, the same test for plain words).
_CUE_WORDS = ("album", "single", "soundtrack", "record", "mixtape", "titled", "called", "named", "dubbed")
# (`\b(?:ep|ost|lp)` with the first letter matched first, as a character set: the engine skips
# other positions in C; the \b is the lookbehind after that letter)
_CUE_ABBREVIATIONS = re.compile(r"[eol](?<!\w[eol])(?:(?<=e)p|(?<=o)st|(?<=l)p)")
_CUE_ABBREVIATION_WORDS = ("ep", "ost", "lp")


def unquoted_cue(text: str) -> bool:
    """``_UNQUOTED_CUE.search(text) is not None``."""
    hold = word_test(text)  # always true where a letter folds to ASCII (`text.fold_special`)
    # the abbreviations' pattern (\b at every position) only where one occurs at all
    if not hold(_CUE_WORDS) and not (hold(_CUE_ABBREVIATION_WORDS) and _CUE_ABBREVIATIONS.search(text.lower())):
        return False
    return _UNQUOTED_CUE.search(text) is not None


# a described subject opening a sentence ("Boy band POLARIS ..."): `_update_context`
_DESCRIBED_HEAD = lazy(
    r"(?=(?i:[bgsrdui]))\b(?:band|group|singer|rapper|soloist|duo|unit|singer-songwriter|idol|star)\s+[A-Z(]", re.I
)
_DESCRIBED_WORDS = ("band", "group", "singer", "rapper", "soloist", "duo", "unit", "idol", "star")


def described_head(text: str) -> bool:
    """``_DESCRIBED_HEAD.search(text) is not None``; most texts name none of its words, which
    `may_hold` tells, for less CPU than the pattern's search."""
    return may_hold(text, _DESCRIBED_WORDS) and _DESCRIBED_HEAD.search(text) is not None
