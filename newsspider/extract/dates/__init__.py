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
  January; "released on May 9" in a May 12 article is this May); when the verb governs the
  date as the time of its event ("released “X” on January 21", "will release it in November",
  `tense.governing_tense`), the latest such date on or before the base date for the past and
  the next one on or after it for the future, however far; otherwise only within the window;
* a present-tense release or schedule verb nearest to the date ("“X” comes out January 8",
  "drops June 3", "hits shelves", "is out on", "releases on") reads as future, unless the
  clause is habitual ("usually") or about the past ("back then", "years ago"); a date earlier
  in the publication month stays in this year (the tense window below);
* a bare weekday -> the closest such weekday on or before the base date for past tense (and by
  default: news reports the past), on or after it for future or present-schedule tense
  ("LUMINA return on Thursday"); "next/this/last/previous" modifiers are honoured.

Bare years ("debuted in 2013") and year-precision phrases are not reported: the contract knows
only day and month precision.

Modules: `vocab` (words, shared pattern pieces, `DateMatch`), `spot` (the patterns and the
rejection of look-alikes), `resolve` (year inference, weekdays, times and zones), `tense`
(sentence spans and clause tense); this module runs them over a text.

Public helpers used by `newsspider.extract.releases` and the evaluation:
`find_dates`, `resolve_expression`, `tense_at`, `sentence_spans`, `parse_tz`."""

from __future__ import annotations

import datetime as dt
import re

from newsspider.extract.dates.resolve import (
    _as_date,
    _resolve_match,
    _safe_date,
    find_time,
    parse_tz,
)
from newsspider.extract.dates.spot import _GATE_OF, _PATTERNS, _gates, _leftovers, _reject
from newsspider.extract.dates.tense import (
    governing_tense,
    is_habitual_or_past,
    sentence_spans,
    tense_at,
)
from newsspider.extract.dates.vocab import MONTHS, NUM_WORDS, WEEKDAYS, DateMatch, Tense
from newsspider.extract.lazyre import lazy

__all__ = [
    "MONTHS",
    "NUM_WORDS",
    "WEEKDAYS",
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
        governed = False
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
            elif t in ("past", "future") and kind != "weekday":
                governed = governing_tense(text, s, e, sentence=sent) == t
        res = _resolve_match(kind, m, b, t, governed)
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


_RANGE_JOIN = lazy(r"\s?[-–—]\s?|\s(?:and|to|through|until|till)\s")


_HAS_YEAR = lazy(r"\b(?:1[89]|20)\d\d\b")


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
