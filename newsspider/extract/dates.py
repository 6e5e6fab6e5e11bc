"""Date expressions in plain English news text, resolved against a base (publication) date.

`find_dates(text, base)` spots candidates with regular expressions and resolves the common
shapes itself ("6/14", "Aug. 7", "Friday, May 24 at 1 p.m. KST", "early June", "last November",
"next Friday", "yesterday", "two weeks ago", ...). Only unusual leftovers near a month name are
handed to dateparser (one cached parser, English only), which keeps a 1,000-word article in the
low milliseconds instead of the ~170 ms of `dateparser.search_dates`, and avoids its traps
("we", "one a", "may" the verb, durations such as "3 weeks", bare years).

Ambiguous expressions are resolved with the tense of the surrounding clause:

* a day or month without a year -> the nearest such date to the base date that is consistent
  with the tense ("January 8" in a late-December article that says "will release" is next
  January; "released on May 9" in a May 12 article is this May);
* a present-tense release or schedule verb nearest to the date ("“X” comes out January 8",
  "drops June 3", "hits shelves", "is out on", "releases on") reads as future, unless the
  clause is habitual ("usually") or about the past ("back then", "years ago"); a date earlier
  in the publication month stays in this year (the tense window below);
* a bare weekday -> the closest such weekday on or before the base date for past tense (and by
  default: news reports the past), on or after it for future or present-schedule tense
  ("LUMINA return on Thursday"); "next/this/last/previous" modifiers are honoured.

Bare years ("debuted in 2013") and year-precision phrases are not reported: the contract knows
only day and month precision.

Public helpers used by `newsspider.extract.releases` and the evaluation:
`find_dates`, `resolve_expression`, `tense_at`, `sentence_spans`, `parse_tz`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Tense = Literal["past", "future", "present"]

__all__ = [
    "DateMatch",
    "Tense",
    "find_dates",
    "find_time",
    "find_date_matches",
    "is_habitual_or_past",
    "parse_tz",
    "resolve_expression",
    "resolve_in_context",
    "sentence_spans",
    "tense_at",
]

# ---------------------------------------------------------------------------------------------
# vocabulary

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

# Capitalised month names only: "may" and "march" in lower case are verbs. An abbreviation may
# carry a period ("Aug.", "Sept."); "Mar"/"Jun"/"Jul"/"Sep" need it or a digit after them.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_ORD_WORD_RE = (
    r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(sorted(_ORD_WORDS, key=len, reverse=True))
    + r")"
)
NUM_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
}

# Time zones seen in K-pop / international news; offsets in minutes (standard time for the
# US abbreviations without daylight-saving information is the documented meaning).
TIMEZONES: dict[str, int] = {
    "KST": 540,
    "JST": 540,
    "HKT": 480,
    "SGT": 480,
    "PHT": 480,
    "WIB": 420,
    "ICT": 420,
    "IST": 330,
    "UTC": 0,
    "GMT": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "ET": -300,
    "PT": -480,
    "AEST": 600,
    "AEDT": 660,
}
_TZ_RE = (
    r"(?:(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|KST|JST|HKT|SGT|PHT|WIB|ICT|IST|UTC|GMT|BST|CEST|CET|EEST|"
    r"EET|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|AEST|AEDT)\b"
)

_AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|AM\b|PM\b|A\.M\.?|P\.M\.?)"
# "1 p.m.", "1:30 p.m.", "18:00", "noon", "midnight", with an optional zone ("KST", "(KST)")
_TIME_CORE = (
    rf"(?:(?P<th>\d{{1,2}})(?::(?P<tm>\d{{2}}))?\s?(?P<ap>{_AMPM})|(?P<th24>[01]?\d|2[0-3]):(?P<tm24>[0-5]\d)(?!\d)"
    r"|(?P<noon>noon|midnight))"
)
_TIME = rf"(?:{_TIME_CORE}(?:\s?\(?(?P<tz>{_TZ_RE})\)?)?)"
_TIME_AFTER = rf"(?:,?\s(?:at\s|from\s|@\s?)?{_TIME})"
_PART_OF_DAY = r"(?:\s(?:morning|afternoon|evening|night|noon))"


@dataclass(slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD or YYYY-MM
    precision: Literal["day", "month"]
    time: str | None = None  # "HH:MM" or "HH:MM+hh:mm"
    kind: str = ""  # shape of the expression: "md", "numeric", "weekday", "relative", ...

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "time": self.time,
        }


# ---------------------------------------------------------------------------------------------
# sentences and tense

_ABBREV_BEFORE_DOT = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|"
    r"Fri|Sat|Sun|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Nos|Vol|vs|etc|Inc|Co|Corp|Ltd|Gov|Sen|Rep|Gen|Lt|"
    r"Col|Capt|U\.S|U\.K|a\.m|p\.m|A\.M|P\.M|e\.g|i\.e)|\b[A-Z])$"
)
_SENT_END = re.compile(r"([.!?][\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: split after . ! ? followed by a capital, except after an
    abbreviation ("Aug. 7", "6 p.m. KST", "Mr. Kim")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        head = text[start : m.start()]
        if text[m.start()] == "." and _ABBREV_BEFORE_DOT.search(head):
            # "p.m. KST" / "Aug. 7": no boundary; but "... at 6 p.m. The group" is one
            nxt = text[m.end() : m.end() + 12]
            if not re.match(
                r"(?:The|A|An|It|He|She|They|We|In|On|After|Before|This|Fans|[A-Z][a-z]+\s+(?:said|says|described|added|told|wrote))\b",
                nxt,
            ):
                continue
        spans.append((start, m.end(1)))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
_PAST_IRREGULAR = frozenset(
    """was were had did said came went began begun made won held told wrote sold hit got gave took
    saw met left led ran sang spent brought bought found became felt kept lost put read set shot
    stood thought threw understood broke chose drove fell flew forgot grew knew rose shook spoke
    stole swore tore wore ago previously earlier already last""".split()
)
_PRESENT_WORDS = frozenset(
    """is are am arrives arrive returns return drops drop releases begins begin starts start opens
    open kicks kick closes close lands land hits comes come premieres debuts debut launches airs
    unveils unveil""".split()
)
_REPORTING = frozenset("says say tells tell reports report writes write".split())
_NOT_PAST_ED = frozenset(
    """need needs red bed seed speed feed weed breed hundred shed wed indeed creed greed proceed
    exceed succeed embed united based limited""".split()
)
_DETERMINERS = frozenset(
    "a an the its their his her our my your this that these those with of".split()
)
_CLAUSE_BREAK = re.compile(r";|:\s|\s[–—-]\s|,\s(?:and|but|while|whereas)\s|\sand\s(?:on|in)\s")


_STRONG_PAST = frozenset(
    """released dropped debuted unveiled announced confirmed revealed returned premiered launched
    opened marked celebrated started ended posted shared added performed topped arrived happened
    occurred died killed reported signed joined finished completed attended visited
    appeared introduced teased hosted received recorded closed raised voted rejected approved
    agreed decided declined dropped fell rose jumped climbed""".split()
)
_PREPOSITIONS = frozenset("at on in of for by from to into after before since until".split())
_AUX_BE = frozenset("be been being is are am was were 's ’s".split())


def _classify_word(words: list[str], i: int) -> tuple[Tense, bool] | None:
    """(tense, strong) of words[i] as a verb marker, or None."""
    w = words[i].lower().replace("’", "'")
    prev = words[i - 1].lower().replace("’", "'") if i > 0 else ""
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if w in ("will", "'ll", "shall", "won't", "wo", "would") or w.endswith("'ll"):
        return "future", True
    if (
        w in ("set", "scheduled", "slated", "due", "expected", "planned", "poised")
        and prev in _AUX_BE
    ):
        return "future", True
    if w in ("plans", "plan", "planning", "gearing", "preparing") and nxt in ("to", "for", "up"):
        return "future", True
    if w in ("upcoming", "effective", "starting", "beginning", "until", "till"):
        return "future", True
    if w == "going" and nxt == "to":
        return "future", True
    if w in ("has", "have", "had") and (
        nxt.endswith("ed")
        or nxt in _PAST_IRREGULAR
        or nxt
        in ("come", "been", "gone", "begun", "done", "seen", "shown", "taken", "given", "won")
    ):
        return "past", True
    if prev in _AUX_BE and (w.endswith("ed") or w in _PAST_IRREGULAR):
        return None  # participle: the auxiliary decides
    if w in ("was", "were", "did", "ago"):
        return "past", True
    if w in _PAST_IRREGULAR:
        return "past", w not in (
            "set",
            "put",
            "hit",
            "read",
            "last",
            "earlier",
            "previously",
            "already",
        )
    if w in _REPORTING:
        return "past", True
    if w in _STRONG_PAST:
        return "past", prev not in _DETERMINERS
    if w in _PRESENT_WORDS and prev not in _DETERMINERS and prev not in _PREPOSITIONS:
        return "present", w in ("is", "are", "am")
    if (
        w == "out"
        and i == len(words) - 1
        and not (prev.endswith("ed") or prev in _PAST_IRREGULAR or prev in _AUX_BE)
    ):
        return "present", False  # "..., out Friday": a release schedule
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED and prev not in _DETERMINERS:
        return "past", False
    return None


def _scan(words: list[str], order: range) -> Tense | None:
    weak: Tense | None = None
    for i in order:
        if (
            words[i].lower() == "to"
            and i + 1 < len(words)
            and words[i + 1].lower()
            in (
                "be",
                "release",
                "drop",
                "return",
                "debut",
                "launch",
                "unveil",
                "hold",
                "perform",
                "make",
                "come",
                "arrive",
            )
        ):
            return "future"
        r = _classify_word(words, i)
        if r:
            t, strong = r
            if strong:
                return t
            weak = weak or t
    return weak


# Present-tense verbs of a scheduled event ("“X” comes out January 8", "drops June 3", "hits
# shelves", "is out on", "releases on"): as the verb nearest to the date they announce a
# schedule, which reads forwards (year inference, weekdays, status), unless the clause is
# habitual ("usually drops on Fridays") or plainly about the past ("back in 2019 ...").
_SCHEDULE_VERBS = frozenset(
    """arrives arrive returns return drops drop releases release begins begin starts start opens
    open kicks kick closes close lands land hits hit comes come premieres premiere debuts debut
    launches launch airs unveils unveil""".split()
)
_SCHEDULE_BASE_VERBS = frozenset("arrive begin come kick land unveil".split())  # rarely nouns
_SHELVES = frozenset("shelves stores streaming theaters theatres".split())  # "hits shelves"
_SCHEDULE_STATES = frozenset("out available released".split())  # "is out on", "are available from"
_NOT_FINITE_BEFORE = frozenset(
    """to not never did does do have has had having will would can could may might must should
    shall 'll let new latest upcoming next first another full""".split()
)
_HABITUAL_OR_PAST = re.compile(
    r"\b(?:usually|always|often|typically|traditionally|normally|generally|regularly|annually|"
    r"customarily|habitually|whenever|every|each\s+(?:year|month|week|season|time)|"
    r"once\s+a\s+(?:year|month|week)|ago|last\s+year|back\s+(?:in|then)|at\s+the\s+time|"
    r"in\s+those\s+days|previously)\b",
    re.I,
)


def _schedule_verb(words: list[str], i: int) -> bool:
    """words[i] is a finite present-tense verb of a scheduled event ("comes", "drops", "is out")."""
    w = words[i].lower().replace("’", "'")
    prev = words[i - 1].lower().replace("’", "'") if i > 0 else ""
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if w in ("is", "are"):
        return nxt in _SCHEDULE_STATES
    if w not in _SCHEDULE_VERBS:
        return False
    if w in ("hits", "hit") and nxt not in _SHELVES:
        return False
    if prev in _DETERMINERS or prev in _PREPOSITIONS or prev in _NOT_FINITE_BEFORE:
        return False  # a noun ("the release"), an infinitive or a form after an auxiliary
    if prev.endswith("n't") or prev in _AUX_BE:
        return False
    if w.endswith("s") or w in _SCHEDULE_BASE_VERBS:
        return True
    # a base form that is also a noun ("the full release", "another launch") needs a subject
    # right before it: a pronoun, a name or a quoted title ("“A” and “B” drop June 3")
    if i == 0:
        return False
    return prev in ("they", "we", "you", "i") or words[i - 1][:1].isupper() or set(prev) == {"x"}


def _nearest_is_schedule(words: list[str], order: range) -> bool:
    """The first tense marker met in `order` is a present-tense schedule verb."""
    for i in order:
        if _schedule_verb(words, i):
            return True
        if words[i].lower() in ("out", "off", "back") and i > 0 and _schedule_verb(words, i - 1):
            return True  # "comes out", "kicks off", "comes back"
        if words[i].lower() == "to" or _classify_word(words, i):
            return False
    return False


def is_habitual_or_past(text: str) -> bool:
    """The clause speaks of a habit or of the past ("usually drops on Fridays", "years ago")."""
    return _HABITUAL_OR_PAST.search(text) is not None


_SHORT_QUOTE = re.compile(r"“[^“”]{1,60}”|‘[^‘’]{1,60}’(?!\w)|\"[^\"]{1,60}\"")


def _mask_titles(text: str) -> str:
    if "“" not in text and "‘" not in text and '"' not in text:
        return text
    return _SHORT_QUOTE.sub(lambda m: "“" + "x" * (len(m.group(0)) - 2) + "”", text)


def tense_at(
    text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None
) -> Tense | None:
    """Tense of the clause governing the expression at text[start:end].

    Scans backwards from the expression to the nearest tense marker within its clause (a
    governing verb usually precedes the date: "will release ... on 6/14", "was released on
    May 9", "said Wednesday"); if none is found, scans forwards ("On Feb. 14, she released")."""
    if sentence is None:
        sentence = next(((s, e) for s, e in sentence_spans(text) if s <= start < e), (0, len(text)))
    s0, e0 = sentence
    # a quoted title is a name, not a clause: its words ("Was It Love", "Porch Light: After")
    # neither mark tense nor end the clause
    before = _mask_titles(text[s0:start])
    after = _mask_titles(text[end:e0])
    # limit the backward scan to the current clause
    cut = 0
    for m in _CLAUSE_BREAK.finditer(before):
        cut = m.end()
    before = before[cut:]
    brk = _CLAUSE_BREAK.search(after)
    if brk:
        after = after[: brk.start()]
    words = _WORD.findall(before)
    back = range(len(words) - 1, -1, -1)
    if _nearest_is_schedule(words, back) and not is_habitual_or_past(before + " " + after):
        return "future"  # "“X” comes out January 8": a schedule
    t = _scan(words, back)
    if t:
        return t
    words = _WORD.findall(after)
    if _nearest_is_schedule(words, range(len(words))) and not is_habitual_or_past(after):
        return "future"  # "On January 8, the band releases ..."
    t = _scan(words, range(len(words)))
    # a present-tense verb after the expression says little ("Friday's sale is ...")
    return None if t == "present" else t


# ---------------------------------------------------------------------------------------------
# resolution primitives


def _as_date(base: dt.date | dt.datetime) -> dt.date:
    return base.date() if isinstance(base, dt.datetime) else base


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# A tense-consistent reading is preferred only within this many days of the base date; beyond
# that the nearest reading wins (tense detection is a heuristic; "extended to Nov. 20" in a
# Nov. 2 article is this November even though the verb is past).
TENSE_WINDOW_DAYS = 300


def _infer_year_day(m: int, d: int, base: dt.date, tense: Tense | None) -> dt.date | None:
    cands = [c for y in (base.year - 1, base.year, base.year + 1) if (c := _safe_date(y, m, d))]
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c <= base and (base - c).days <= TENSE_WINDOW_DAYS]
        if ok:
            return max(ok)
    elif tense == "future":
        ok = [c for c in cands if c >= base and (c - base).days <= TENSE_WINDOW_DAYS]
        if ok:
            return min(ok)
    return min(cands, key=lambda c: (abs((c - base).days), c < base))


def _infer_year_month(m: int, base: dt.date, tense: Tense | None) -> tuple[int, int]:
    cur = base.year * 12 + base.month - 1
    cands = [y * 12 + m - 1 for y in (base.year - 1, base.year, base.year + 1)]
    if tense == "past":
        ok = [c for c in cands if c <= cur and cur - c <= 9]
    elif tense == "future":
        ok = [c for c in cands if c >= cur and c - cur <= 9]
    else:
        ok = []
    pick = (
        (max(ok) if tense == "past" else min(ok)) if ok else min(cands, key=lambda c: abs(c - cur))
    )
    return divmod(pick, 12)[0], divmod(pick, 12)[1] + 1


def _weekday_date(wd: int, base: dt.date, modifier: str, tense: Tense | None) -> dt.date:
    delta_fwd = (wd - base.weekday()) % 7  # 0..6, days until the next such weekday (incl. today)
    delta_back = (base.weekday() - wd) % 7  # 0..6, days since the last one (incl. today)
    mod = modifier.lower()
    if mod in ("next", "this coming", "coming", "the coming", "the following", "following"):
        return base + dt.timedelta(days=delta_fwd or 7)
    if mod in ("last", "the previous", "previous", "this past", "the past"):
        return base - dt.timedelta(days=delta_back or 7)
    if mod == "this":
        if tense == "past":
            return base - dt.timedelta(days=delta_back)
        if tense == "future":
            return base + dt.timedelta(days=delta_fwd)
        # the weekday of the current (Monday-based) week
        return base + dt.timedelta(days=wd - base.weekday())
    if tense in ("future", "present"):
        return base + dt.timedelta(days=delta_fwd)
    return base - dt.timedelta(days=delta_back)


_TIME_RE = re.compile(rf"(?<![\w:]){_TIME}")


def find_time(text: str, *, zoned: bool = True) -> str | None:
    """The first clock time in `text` ("6 p.m. KST" -> "18:00+09:00"); with `zoned`, only a
    time that states its zone."""
    for m in _TIME_RE.finditer(text):
        if zoned and not m.group("tz"):
            continue
        t = _time_from(m)
        if t:
            return t
    return None


def parse_tz(tz: str | None) -> str | None:
    """Zone abbreviation or "UTC+9" -> "+09:00"; None when unknown."""
    if not tz:
        return None
    tz = tz.strip().upper().replace("−", "-")
    m = re.fullmatch(r"(?:UTC|GMT)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?", tz)
    if m:
        sign, hh, mm = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        return f"{sign}{hh:02d}:{mm:02d}"
    mins = TIMEZONES.get(tz)
    if mins is None:
        return None
    sign = "+" if mins >= 0 else "-"
    return f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"


def _time_from(m: re.Match[str]) -> str | None:
    gd = m.groupdict()
    hour: int | None = None
    minute = 0
    if gd.get("noon"):
        hour = 12 if gd["noon"].lower() == "noon" else 0
    elif gd.get("th"):
        hour = int(gd["th"])
        minute = int(gd.get("tm") or 0)
        pm = gd["ap"].lower().startswith("p")
        if hour > 12 or minute > 59:
            return None
        hour = (hour % 12) + (12 if pm else 0)
    elif gd.get("th24"):
        hour, minute = int(gd["th24"]), int(gd["tm24"])
    if hour is None:
        return None
    out = f"{hour:02d}:{minute:02d}"
    off = parse_tz(gd.get("tz"))
    return out + off if off else out


# ---------------------------------------------------------------------------------------------
# the spotting patterns (order = priority when spans overlap)

_WD_MOD = (
    r"(?:(?P<wmod>next|this coming|the coming|coming|this past|this|last|the previous|previous"
    r"|the following|following|early|late|earlier|later|Next|This coming|This past|This|Last"
    r"|The previous|The following|Early|Late|Earlier|Later)\s)?"
)
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "Friday, May 24, 2024 at 1 p.m. KST", "May 24 at 1 p.m.", "Aug. 7", "June 14th, 2024"
    (
        "md",
        re.compile(
            rf"(?:{_WD_MOD}(?P<wd>{_WEEKDAY}),?\s)?(?:the\s)?(?P<month>{_MONTH})\s(?:the\s)?{_DAYNUM}(?![\d/]|:\d)"
            rf"(?:,?\s{_YEAR}(?!\d)|\s(?:of\s)?(?P<rely>last|next|this)\syear)?(?:{_TIME_AFTER})?"
        ),
    ),
    # "14 June 2024", "the 14th of June"
    (
        "dm",
        re.compile(
            rf"(?:(?P<wd>{_WEEKDAY}),?\s)?(?:the\s)?{_DAYNUM}\s(?:of\s)?(?P<month>{_MONTH})"
            rf"(?:,?\s{_YEAR}(?!\d))?(?:{_TIME_AFTER})?"
        ),
    ),
    # "March eighth", "March the eighth"
    (
        "mdword",
        re.compile(
            rf"(?:{_WD_MOD}(?P<wd>{_WEEKDAY}),?\s)?(?P<month>{_MONTH})\s(?:the\s)?(?P<dayw>{_ORD_WORD_RE})\b"
            rf"(?:,?\s{_YEAR}(?!\d))?"
        ),
    ),
    # ISO and dotted: 2024-05-27, 2024.05.27, 2024/05/27
    (
        "iso",
        re.compile(
            r"(?<![\d.])(?P<year>(?:19|20)\d\d)([-./])(?P<month>0?[1-9]|1[0-2])\2(?P<day>[0-3]?\d)(?![\d])"
            rf"(?:{_TIME_AFTER})?"
        ),
    ),
    # US numeric month/day(/year): 6/14, 6/14/2024
    (
        "numeric",
        re.compile(
            r"(?<![\d/.,$])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])"
            r"(?:/(?P<year>(?:19|20)?\d\d))?(?![\d/%])"
            rf"(?:{_TIME_AFTER})?"
        ),
    ),
    # month + year / month-only with a cue: "December 2022", "in early June", "last November",
    # "May last year", "mid-July"
    (
        "month",
        re.compile(
            rf"(?:(?P<mmod>last|next|this|Last|Next|This)\s)?"
            rf"(?:(?P<part>early|mid|late|Early|Mid|Late|the\send\sof|the\sbeginning\sof|the\smiddle\sof)[-\s])?"
            rf"(?P<month>{_MONTH})(?!\s[0-3]?\d(?!\d))"
            rf"(?:(?:,?\s{_YEAR}(?!\d))|\s(?:of\s)?(?P<rely>last|next|this)\syear)?"
        ),
    ),
    # weekdays: "next Friday", "on Friday", "Monday evening", "Friday at noon"
    (
        "weekday",
        re.compile(rf"{_WD_MOD}(?P<wd>{_WEEKDAY})(?!s\b)(?:{_PART_OF_DAY})?(?:{_TIME_AFTER})?"),
    ),
    # today / tonight / tomorrow / yesterday (+ "the day before yesterday")
    (
        "relative",
        re.compile(
            r"(?i:(?:(?:early|late|earlier|later)\s)?(?P<rel>the\sday\sbefore\syesterday|the\sday\safter\stomorrow"
            r"|today|tonight|tomorrow|yesterday))\b(?:" + _PART_OF_DAY + r")?"
            rf"(?:{_TIME_AFTER})?"
        ),
    ),
    # "two weeks ago", "3 days ago", "a year ago", "a week from now"
    (
        "ago",
        re.compile(
            r"(?i:\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"\s(?P<unit>day|week|month|year)s?\s(?:or\sso\s)?(?P<dir>ago|from\snow|earlier))\b"
        ),
    ),
    # "this month", "next month", "later this month", "earlier this month", "the end of the month"
    (
        "relmonth",
        re.compile(
            r"(?i:\b(?:(?:later|earlier|early|late)\s)?(?P<rm>this|next|last)\smonth)\b"
            r"|(?i:the\s(?P<rmend>end|beginning)\sof\s(?:the|this)\smonth)"
        ),
    ),
    (
        "yearend",
        re.compile(r"(?i:\b(?P<ye>year-end|year's\send|the\send\sof\s(?:the|this)\syear))\b"),
    ),
    (
        "holiday",
        re.compile(
            r"(?:New\sYear[’']?s\s(?P<hol1>Eve|Day)|Christmas\s(?P<hol2>Eve|Day)|(?P<hol3>Christmas|Halloween)"
            r"|Valentine[’']?s\sDay(?P<hol4>))\b"
        ),
    ),
]

# A weekday followed by a capitalised non-date word is a name ("Sunday Parade", "Friday Night
# Lights"); so is a month before a capitalised word ("May Queen") unless a day follows.
_NAME_AFTER = re.compile(r"\s(?!(?:at|on|in|and|or|to|the|of|KST|UTC|GMT)\b)[A-Z][a-z]")
_MONTH_NAME_AFTER = re.compile(r"\s(?!(?:KST|UTC|GMT)\b)[A-Z][a-z]")
# leftovers: a month name that none of the patterns took -> dateparser on a small window
_LEFTOVER = re.compile(rf"(?P<month>{_MONTH}),?\s(?:the\s)?[\w-]+(?:\s(?:of\s)?[\w-]+)?")

_HOLIDAYS = {
    "Eve1": (12, 31),
    "Day1": (1, 1),
    "Eve2": (12, 24),
    "Day2": (12, 25),
    "Christmas": (12, 25),
    "Halloween": (10, 31),
    "Valentine": (2, 14),
}


def _month_of(tok: str) -> int | None:
    return MONTHS.get(tok.rstrip(".").lower())


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _resolve_match(
    kind: str, m: re.Match[str], base: dt.date, tense: Tense | None
) -> tuple[str, Literal["day", "month"], str | None] | None:
    gd = m.groupdict()
    time = _time_from(m) if (gd.get("th") or gd.get("th24") or gd.get("noon")) else None
    if kind in ("md", "dm", "mdword", "iso", "numeric"):
        month = int(gd["month"]) if kind in ("iso", "numeric") else _month_of(gd["month"])
        if month is None:
            return None
        if kind == "mdword":
            dw = gd["dayw"].lower().replace(" ", "-")
            if "-" in dw:
                tens, unit = dw.split("-", 1)
                day = (20 if tens == "twenty" else 30) + _ORD_WORDS.get(unit, 0)
            else:
                day = _ORD_WORDS[dw]
        else:
            day = int(gd["day"])
        year_s = gd.get("year")
        if year_s:
            year = int(year_s)
            if year < 100:
                year += 2000 if year < 70 else 1900
            d = _safe_date(year, month, day)
        elif gd.get("rely"):
            d = _safe_date(
                base.year + {"last": -1, "next": 1, "this": 0}[gd["rely"].lower()], month, day
            )
        else:
            d = None
            wd = gd.get("wd")
            if wd:
                # a stated weekday picks the year in which the date falls on that weekday
                wdn = WEEKDAYS[wd.lower()]
                opts = [
                    c
                    for y in (base.year, base.year + 1, base.year - 1)
                    if (c := _safe_date(y, month, day)) and c.weekday() == wdn
                ]
                if opts:
                    d = min(opts, key=lambda c: abs((c - base).days))
            if d is None:
                d = _infer_year_day(month, day, base, tense)
        if d is None:
            return None
        return _iso(d), "day", time
    if kind == "month":
        month = _month_of(gd["month"])
        if month is None:
            return None
        year_s = gd.get("year")
        mmod = (gd.get("mmod") or "").lower()
        rely = (gd.get("rely") or "").lower()
        if year_s:
            y = int(year_s)
        elif rely:
            y = base.year + {"last": -1, "next": 1, "this": 0}[rely]
        elif mmod == "this":
            y = base.year
        elif mmod == "last":
            y = base.year if month < base.month else base.year - 1
        elif mmod == "next":
            y = base.year if month > base.month else base.year + 1
        else:
            y, month = _infer_year_month(month, base, tense)
        return f"{y:04d}-{month:02d}", "month", None
    if kind == "weekday":
        wd = WEEKDAYS[gd["wd"].lower()]
        mod = (gd.get("wmod") or "").lower()
        if m.string[m.end() : m.end() + 2] in ("'s", "’s"):
            tense = "past"  # "Friday's announcement" reports something that happened
        if mod in ("early", "late", "earlier", "later"):
            mod = ""
        return _iso(_weekday_date(wd, base, mod, tense)), "day", time
    if kind == "relative":
        rel = gd["rel"].lower()
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}.get(rel)
        if off is None:
            off = -2 if "before" in rel else 2
        return _iso(base + dt.timedelta(days=off)), "day", time
    if kind == "ago":
        n_s = gd["n"].lower()
        n = int(n_s) if n_s.isdigit() else NUM_WORDS.get(n_s)
        if not n:
            return None
        sign = 1 if gd["dir"].lower() == "from now" else -1
        unit = gd["unit"].lower()
        if unit == "day":
            d = base + dt.timedelta(days=sign * n)
        elif unit == "week":
            d = base + dt.timedelta(weeks=sign * n)
        else:
            months = n * (12 if unit == "year" else 1) * sign
            total = base.year * 12 + base.month - 1 + months
            y, mo = divmod(total, 12)
            mo += 1
            day = base.day
            while (d2 := _safe_date(y, mo, day)) is None:
                day -= 1
            d = d2
        return _iso(d), "day", None
    if kind == "relmonth":
        if gd.get("rmend"):
            if gd["rmend"].lower() == "end":
                nxt = dt.date(base.year + base.month // 12, base.month % 12 + 1, 1)
                return _iso(nxt - dt.timedelta(days=1)), "day", None
            return _iso(base.replace(day=1)), "day", None
        off = {"this": 0, "next": 1, "last": -1}[gd["rm"].lower()]
        total = base.year * 12 + base.month - 1 + off
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "month", None
    if kind == "yearend":
        since = re.search(r"\bsince\s(?:the\s)?$", m.string[max(0, m.start() - 10) : m.start()])
        past = tense == "past" or bool(since)
        return f"{base.year - 1 if past and base.month < 12 else base.year}-12-31", "day", None
    if kind == "holiday":
        if gd.get("hol1"):
            key = gd["hol1"] + "1"
        elif gd.get("hol2"):
            key = gd["hol2"] + "2"
        elif gd.get("hol3"):
            key = gd["hol3"]
        else:
            key = "Valentine"
        mo, day = _HOLIDAYS[key]
        d = _infer_year_day(mo, day, base, tense)
        return (_iso(d), "day", None) if d else None
    return None


def _reject(kind: str, m: re.Match[str], text: str) -> bool:
    """Context checks that keep names and non-dates out."""
    gd = m.groupdict()
    after = text[m.end() : m.end() + 20]
    before = text[max(0, m.start() - 12) : m.start()]
    if kind == "weekday":
        if (
            not gd.get("wmod")
            and _NAME_AFTER.match(after)
            and not re.match(rf"\s(?:{_MONTH}|{_WEEKDAY})\b", after)
        ):
            return True  # "Sunday Parade"
        if re.search(r"(?:every|on|most|all)\s$", before) and re.match(r"s\b", after):
            return True
    if kind == "month":
        word = gd["month"]
        has_cue = bool(gd.get("year") or gd.get("mmod") or gd.get("part") or gd.get("rely"))
        if not has_cue:
            # month-only needs a preposition: "in March", "since June", "until May"
            if not re.search(
                r"(?:\b(?:in|since|by|until|till|through|throughout|during|of|from|to|before|after|"
                r"around|for|this|last|next|early|late|mid|In|Since|By|Until|During|From|Before|After)\s)$",
                before,
            ):
                return True
            if word.rstrip(".") in ("May", "March") and _MONTH_NAME_AFTER.match(after):
                return True
            if _MONTH_NAME_AFTER.match(after) and not re.match(r"\s(?:KST|UTC)", after):
                return True  # "April Fools", "June Jones"
    if kind in ("md", "dm", "mdword") and gd.get("day") and not (1 <= int(gd["day"]) <= 31):
        return True
    if kind == "dm":
        # "the 3 May" is fine; "No. 1 May" or "3 Mar." as counts are rare; reject "25 May" if
        # preceded by a currency or "No."
        if re.search(r"(?:No\.|#|\$)\s?$", before):
            return True
    if kind == "numeric":
        # "24/7", scores "3/4 of", fractions "1/2 cup": require a date cue nearby
        if (
            not re.search(
                r"(?:\b(?:on|by|until|from|since|before|after|til|till|to|of|and)\s)$", before
            )
            and not (gd.get("year"))
            and not re.search(r"\b(?:at|@)\s", after[:4])
            and not gd.get("th")
            and not gd.get("noon")
        ):
            if not re.match(r"\s?(?:\(|KST|at\b|\.|,)", after):
                return True
        if re.match(r"\s?(?:of|cups?|inch|th\b)", after):
            return True
    if kind == "ago" and gd["n"].lower() in ("a", "an") and gd["dir"].lower() == "earlier":
        return False
    return False


@lru_cache(maxsize=1)
def _dateparser():  # pragma: no cover - trivial
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
    )


def _leftovers(
    text: str, taken: list[tuple[int, int]], base: dt.date, out: list[DateMatch]
) -> None:
    for m in _LEFTOVER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if m.group("month").rstrip(".") in ("May", "March"):
            continue
        snippet = m.group(0)
        words = snippet.split()
        # try the longest window first
        for k in range(len(words), 1, -1):
            cand = " ".join(words[:k])
            if not re.search(r"\d|first|second|third|th\b", cand):
                continue
            try:
                data = _dateparser().get_date_data(cand)
            except Exception:  # noqa: BLE001 - dateparser raises assorted errors on junk
                continue
            if data and data.date_obj and data.period == "day":
                got = data.date_obj.date()
                d = _infer_year_day(got.month, got.day, base, None)
                if d:
                    end = m.start() + len(cand)
                    out.append(DateMatch(m.start(), end, cand, _iso(d), "day", None, "dateparser"))
                    taken.append((m.start(), end))
                break


# Cheap pre-checks: a pattern runs only when its anchor word occurs in the text at all (most
# paragraphs have no date, and running a dozen alternation-heavy patterns over them dominates).
_GATE_RES = {
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "digits": re.compile(r"\d[-./]\d"),
    "relative": re.compile(r"(?i:today|tonight|tomorrow|yesterday)"),
    "ago": re.compile(r"(?i:\b(?:ago|from\snow|earlier)\b)"),
    "relmonth": re.compile(r"(?i:\bmonth\b)"),
    "year": re.compile(r"(?i:\byear)"),
    "holiday": re.compile(r"Eve\b|Day\b|Christmas|Halloween"),
}
_GATE_OF = {
    "md": "month",
    "dm": "month",
    "mdword": "month",
    "month": "month",
    "iso": "digits",
    "numeric": "digits",
    "weekday": "weekday",
    "relative": "relative",
    "ago": "ago",
    "relmonth": "relmonth",
    "yearend": "year",
    "holiday": "holiday",
}


def _gates(text: str) -> dict[str, bool]:
    return {k: rx.search(text) is not None for k, rx in _GATE_RES.items()}


# ---------------------------------------------------------------------------------------------
# public API


def find_date_matches(
    text: str,
    base: dt.date | dt.datetime,
    *,
    tense: Tense | None = None,
    use_dateparser: bool = True,
    default_tense: Tense | None = None,
) -> list[DateMatch]:
    """All date expressions in `text` (sorted, non-overlapping), resolved against `base`.

    `tense` forces the tense used for every expression; by default each expression gets the
    tense of its own clause (`tense_at`). `default_tense` is used for a bare weekday whose
    clause shows no tense (a preview of "this week" reads "out Friday" forwards)."""
    b = _as_date(base)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    gates = _gates(text)
    for kind, pat in _PATTERNS:
        if not gates[_GATE_OF[kind]]:
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            if s > 0 and (text[s - 1].isalnum()):
                continue
            if e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
                continue
            if _reject(kind, m, text):
                continue
            found.append((s, e, kind, m))
            taken.append((s, e))
    sents: list[tuple[int, int]] | None = None
    out: list[DateMatch] = []
    for s, e, kind, m in found:
        t = tense
        if t is None and kind in (
            "md",
            "dm",
            "mdword",
            "numeric",
            "month",
            "weekday",
            "holiday",
            "yearend",
        ):
            if sents is None:
                sents = sentence_spans(text)
            sent = next(((a, z) for a, z in sents if a <= s < z), (0, len(text)))
            t = tense_at(text, s, e, sentence=sent)
            if t is None and kind == "weekday":
                t = default_tense
        res = _resolve_match(kind, m, b, t)
        if res is None:
            continue
        value, precision, time = res
        etext = text[s:e]
        # trailing punctuation of a swallowed "p.m." belongs to the expression, a comma does not
        stripped = etext.rstrip(" ,")
        out.append(DateMatch(s, s + len(stripped), stripped, value, precision, time, kind))
    if use_dateparser and gates["month"]:
        _leftovers(text, taken, b, out)
    out.sort(key=lambda d: d.start)
    _share_range_years(text, out)
    return out


_RANGE_JOIN = re.compile(r"\s?[-–—]\s?|\s(?:and|to|through|until|till)\s")
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _share_range_years(text: str, out: list[DateMatch]) -> None:
    """ "July 28-Aug. 12, 1984" / "Sept. 16 and 17, 2023": the first date takes the year of the
    second when only the second states one."""
    for a, b in zip(out, out[1:], strict=False):
        if (
            a.kind not in ("md", "dm")
            or b.kind not in ("md", "dm", "iso")
            or _HAS_YEAR.search(a.text)
        ):
            continue
        if not _RANGE_JOIN.fullmatch(text[a.end : b.start]) or not _HAS_YEAR.search(b.text):
            continue
        y = int(b.value[:4])
        m, d = int(a.value[5:7]), int(a.value[8:10])
        if m > int(b.value[5:7]):
            y -= 1  # "Dec. 28-Jan. 3, 2025"
        if (nd := _safe_date(y, m, d)) is not None:
            a.value = nd.isoformat()


def find_dates(text: str, base: dt.date | dt.datetime) -> list[dict]:
    """Every date expression in `text` resolved against `base`:
    `{start, end, text, value ("YYYY-MM-DD"|"YYYY-MM"), precision ("day"|"month"), time}`.
    `time` is "HH:MM+hh:mm" when a time with zone is stated, "HH:MM" without zone, else None."""
    return [d.as_dict() for d in find_date_matches(text, base)]


def resolve_expression(
    expr: str, base: dt.date | dt.datetime, tense: Tense | None = None
) -> DateMatch | None:
    """Resolve one expression (e.g. "Aug. 7", "last Friday") with an optional tense hint; the
    longest date found inside `expr` wins."""
    found = find_date_matches(expr, base, tense=tense) if tense else find_date_matches(expr, base)
    if not found:
        return None
    return max(found, key=lambda d: d.end - d.start)


def resolve_in_context(
    text: str, start: int, end: int, base: dt.date | dt.datetime
) -> DateMatch | None:
    """Resolve the expression at text[start:end] using its sentence for tense: the date found
    in `text` that overlaps the span most, else the expression alone with the clause tense."""
    found = find_date_matches(text, base)
    best = None
    best_ov = 0
    for d in found:
        ov = min(d.end, end) - max(d.start, start)
        if ov > best_ov:
            best, best_ov = d, ov
    if best is not None:
        return best
    t = tense_at(text, start, end)
    return resolve_expression(text[start:end], base, t)
