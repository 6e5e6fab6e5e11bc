"""Month, weekday, number and time-zone words and the shared pieces of the date patterns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tense = Literal["past", "future", "present"]


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
