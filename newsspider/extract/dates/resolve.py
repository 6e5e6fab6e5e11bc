"""Resolving a spotted expression to a day or month: year inference from the tense, weekdays, times and zones."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from newsspider.extract.dates.vocab import (
    _ORD_WORDS,
    _TIME,
    MONTHS,
    NUM_WORDS,
    TIMEZONES,
    WEEKDAYS,
    Tense,
)
from newsspider.extract.lazyre import lazy


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


def _infer_year_day(m: int, d: int, base: dt.date, tense: Tense | None,
                    governed: bool = False) -> dt.date | None:
    """`governed`: the tense is that of the verb whose event the date is (`tense.governing_tense`):
    the latest such day on or before the base date for the past, the next on or after it for
    the future, with no window."""
    cands = [c for y in (base.year - 1, base.year, base.year + 1) if (c := _safe_date(y, m, d))]
    if not cands:
        return None
    window = 366 if governed else TENSE_WINDOW_DAYS
    if tense == "past":
        ok = [c for c in cands if c <= base and (base - c).days <= window]
        if ok:
            return max(ok)
    elif tense == "future":
        ok = [c for c in cands if c >= base and (c - base).days <= window]
        if ok:
            return min(ok)
    return min(cands, key=lambda c: (abs((c - base).days), c < base))


def _infer_year_month(m: int, base: dt.date, tense: Tense | None,
                      governed: bool = False) -> tuple[int, int]:
    cur = base.year * 12 + base.month - 1
    cands = [y * 12 + m - 1 for y in (base.year - 1, base.year, base.year + 1)]
    window = 11 if governed else 9
    if tense == "past":
        ok = [c for c in cands if c <= cur and cur - c <= window]
    elif tense == "future":
        ok = [c for c in cands if c >= cur and c - cur <= window]
    else:
        ok = []
    pick = (
        (max(ok) if tense == "past" else min(ok)) if ok else min(cands, key=lambda c: abs(c - cur))
    )
    return divmod(pick, 12)[0], divmod(pick, 12)[1] + 1


_AHEAD_OF = lazy(r"\b(?:ahead\s+of|in\s+advance\s+of)\s+$", re.I)


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


_TIME_RE = lazy(rf"(?<![\w:]){_TIME}")


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
    kind: str, m: re.Match[str], base: dt.date, tense: Tense | None, governed: bool = False
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
                d = _infer_year_day(month, day, base, tense, governed)
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
            y, month = _infer_year_month(month, base, tense, governed)
        return f"{y:04d}-{month:02d}", "month", None
    if kind == "weekday":
        wd = WEEKDAYS[gd["wd"].lower()]
        mod = (gd.get("wmod") or "").lower()
        if _AHEAD_OF.search(m.string, max(0, m.start() - 25), m.start()):
            tense = "future"  # "ahead of Tuesday's debate": still to come
        elif m.string[m.end() : m.end() + 2] in ("'s", "’s"):
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
    if kind == "relweek":
        # the days the phrase can mean; a month only when they all fall in one month
        off = {"this": 0, "next": 7, "last": -7}[gd["rw"].lower()]
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=off)
        first, last = monday, monday + dt.timedelta(days=6)
        part = (gd.get("wpart") or "").lower()
        if part in ("early", "earlier"):
            last = monday + dt.timedelta(days=2)
        elif part in ("late", "later"):
            first = max(monday + dt.timedelta(days=3), base if off == 0 else first)
        if (first.year, first.month) != (last.year, last.month):
            return None
        return f"{first.year:04d}-{first.month:02d}", "month", None
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
        d = _infer_year_day(mo, day, base, tense, governed)
        return (_iso(d), "day", None) if d else None
    return None
