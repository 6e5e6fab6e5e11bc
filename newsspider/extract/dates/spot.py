"""Spotting date expressions: the patterns (order = priority), rejections of look-alikes, and the dateparser fallback for leftovers near a month name."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsspider.extract.dates.resolve import _infer_year_day, _iso
from newsspider.extract.dates.vocab import (
    _MONTH,
    _ORD_WORD_RE,
    _PART_OF_DAY,
    _TIME_AFTER,
    _WEEKDAY,
    DateMatch,
)
from newsspider.extract.lazyre import lazy

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
        lazy(
            rf"(?:{_WD_MOD}(?P<wd>{_WEEKDAY}),?\s)?(?:the\s)?(?P<month>{_MONTH})\s(?:the\s)?{_DAYNUM}(?![\d/]|:\d)"
            rf"(?:,?\s{_YEAR}(?!\d)|\s(?:of\s)?(?P<rely>last|next|this)\syear)?(?:{_TIME_AFTER})?"
        ),
    ),
    # "14 June 2024", "the 14th of June"
    (
        "dm",
        lazy(
            rf"(?:(?P<wd>{_WEEKDAY}),?\s)?(?:the\s)?{_DAYNUM}\s(?:of\s)?(?P<month>{_MONTH})"
            rf"(?:,?\s{_YEAR}(?!\d))?(?:{_TIME_AFTER})?"
        ),
    ),
    # "March eighth", "March the eighth"
    (
        "mdword",
        lazy(
            rf"(?:{_WD_MOD}(?P<wd>{_WEEKDAY}),?\s)?(?P<month>{_MONTH})\s(?:the\s)?(?P<dayw>{_ORD_WORD_RE})\b"
            rf"(?:,?\s{_YEAR}(?!\d))?"
        ),
    ),
    # ISO and dotted: 2024-05-27, 2024.05.27, 2024/05/27
    (
        "iso",
        lazy(
            r"(?<![\d.])(?P<year>(?:19|20)\d\d)([-./])(?P<month>0?[1-9]|1[0-2])\2(?P<day>[0-3]?\d)(?![\d])"
            rf"(?:{_TIME_AFTER})?"
        ),
    ),
    # US numeric month/day(/year): 6/14, 6/14/2024
    (
        "numeric",
        lazy(
            r"(?<![\d/.,$])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])"
            r"(?:/(?P<year>(?:19|20)?\d\d))?(?![\d/%])"
            rf"(?:{_TIME_AFTER})?"
        ),
    ),
    # month + year / month-only with a cue: "December 2022", "in early June", "last November",
    # "May last year", "mid-July"
    (
        "month",
        lazy(
            rf"(?:(?P<mmod>last|next|this|Last|Next|This)\s)?"
            rf"(?:(?P<part>early|mid|late|Early|Mid|Late|the\send\sof|the\sbeginning\sof|the\smiddle\sof)[-\s])?"
            rf"(?P<month>{_MONTH})(?!\s[0-3]?\d(?!\d))"
            rf"(?:(?:,?\s{_YEAR}(?!\d))|\s(?:of\s)?(?P<rely>last|next|this)\syear)?"
        ),
    ),
    # weekdays: "next Friday", "on Friday", "Monday evening", "Friday at noon"
    (
        "weekday",
        lazy(rf"{_WD_MOD}(?P<wd>{_WEEKDAY})(?!s\b)(?:{_PART_OF_DAY})?(?:{_TIME_AFTER})?"),
    ),
    # today / tonight / tomorrow / yesterday (+ "the day before yesterday")
    (
        "relative",
        lazy(
            r"(?i:(?:(?:early|late|earlier|later)\s)?(?P<rel>the\sday\sbefore\syesterday|the\sday\safter\stomorrow"
            r"|today|tonight|tomorrow|yesterday))\b(?:" + _PART_OF_DAY + r")?"
            rf"(?:{_TIME_AFTER})?"
        ),
    ),
    # "two weeks ago", "3 days ago", "a year ago", "a week from now"
    (
        "ago",
        lazy(
            r"(?i:\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"\s(?P<unit>day|week|month|year)s?\s(?:or\sso\s)?(?P<dir>ago|from\snow|earlier))\b"
        ),
    ),
    # "this month", "next month", "later this month", "earlier this month", "the end of the month"
    (
        "relmonth",
        lazy(
            r"(?i:\b(?:(?:later|earlier|early|late)\s)?(?P<rm>this|next|last)\smonth)\b"
            r"|(?i:the\s(?P<rmend>end|beginning)\sof\s(?:the|this)\smonth)"
        ),
    ),
    # "next week", "later this week": the month when the whole week lies in one month
    (
        "relweek",
        lazy(r"(?i:\b(?:(?P<wpart>later|earlier|early|late)\s)?(?P<rw>this|next|last)\sweek)\b(?!end)"),
    ),
    (
        "yearend",
        lazy(r"(?i:\b(?P<ye>year-end|year's\send|the\send\sof\s(?:the|this)\syear))\b"),
    ),
    (
        "holiday",
        lazy(
            r"(?:New\sYear[’']?s\s(?P<hol1>Eve|Day)|Christmas\s(?P<hol2>Eve|Day)|(?P<hol3>Christmas|Halloween)"
            r"|Valentine[’']?s\sDay(?P<hol4>))\b"
        ),
    ),
]


# A weekday followed by a capitalised non-date word is a name ("Sunday Parade", "Friday Night
# Lights"); so is a month before a capitalised word ("May Queen") unless a day follows.
_NAME_AFTER = lazy(r"\s(?!(?:at|on|in|and|or|to|the|of|KST|UTC|GMT)\b)[A-Z][a-z]")


_MONTH_NAME_AFTER = lazy(r"\s(?!(?:KST|UTC|GMT)\b)[A-Z][a-z]")


# leftovers: a month name that none of the patterns took -> dateparser on a small window
_LEFTOVER = lazy(rf"(?P<month>{_MONTH}),?\s(?:the\s)?[\w-]+(?:\s(?:of\s)?[\w-]+)?")


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
# Each is searched for a match at all (never for its text): it opens with its first letter as a
# character set (both cases spelled out where the word is case-insensitive: these letters have
# no other case-insensitive match), so that the engine skips the other positions in a C loop; a
# lookahead or \b in front, or a case-insensitive letter, defeats that test and the engine runs
# the pattern at every position. The \b before a word is the lookbehind after its first letter,
# and each alternative asks which letter it was.
_GATE_RES = {
    "month": re.compile(
        r"[JFMASOND](?<!\w[JFMASOND])(?:(?<=J)(?:an|un|ul)|(?<=F)eb|(?<=M)(?:ar|ay)|(?<=A)(?:pr|ug)|(?<=S)ep"
        r"|(?<=O)ct|(?<=N)ov|(?<=D)ec)"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "digits": re.compile(r"\d[-./]\d"),
    "relative": re.compile(r"[TtYy](?i:(?<=t)(?:oday|onight|omorrow)|(?<=y)esterday)"),
    "ago": re.compile(r"[AaFfEe](?<!\w[AaFfEe])(?i:(?<=a)go|(?<=f)rom\snow|(?<=e)arlier)\b"),
    "relmonth": re.compile(r"[Mm](?<!\w[Mm])(?i:onth)\b"),
    "relweek": re.compile(r"[Ww](?<!\w[Ww])(?i:eek)\b"),
    "year": re.compile(r"[Yy](?<!\w[Yy])(?i:ear)"),
    "holiday": re.compile(r"(?:Eve\b|Day\b|Christmas|Halloween)"),
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
    "relweek": "relweek",
    "yearend": "year",
    "holiday": "holiday",
}


def _gates(text: str) -> dict[str, bool]:
    return {k: rx.search(text) is not None for k, rx in _GATE_RES.items()}
