"""Merging the events of an article (one per artist, title and video-or-not) and their status."""

from __future__ import annotations

import datetime as dt

from newsspider.extract.releases.vocab import _Event, title_key


def _merge(events: list[_Event], when: dt.datetime) -> list[dict]:
    merged: dict[tuple[str, str, bool], _Event] = {}
    order: list[tuple[str, str, bool]] = []
    for ev in events:
        # a music video is its own event beside the song or album of the same title
        key = ((ev.artist or "").casefold(), title_key(ev.title), ev.kind == "mv")
        old = merged.get(key)
        if old is None:
            # same title under another artist guess: keep the first
            twin = next((k for k in order if k[1:] == key[1:]), None)
            if twin is not None:
                old = merged[twin]
                key = twin
        if old is None:
            merged[key] = ev
            order.append(key)
            continue
        if old.precision == "month" and ev.precision == "day" and ev.date.startswith(old.date):
            old.date, old.precision = ev.date, ev.precision
        elif (old.precision == ev.precision == "day" and old.date != ev.date and ev.time
              and not old.time):
            # the same release stated twice with different days: the statement that gives the
            # hour ("April 1 at 6 p.m. KST") is the schedule, the other a looser mention
            old.date, old.time, old.tense, old.evidence = ev.date, ev.time, ev.tense, ev.evidence
            old.extra["paragraph"] = ev.extra.get("paragraph")
        if not old.time and ev.time and ev.date == old.date:
            old.time = ev.time
        if not old.kind_explicit and ev.kind_explicit:
            old.kind, old.kind_explicit = ev.kind, True
    out = []
    for key in order:
        ev = merged[key]
        out.append(
            {
                "artist": ev.artist,
                "title": ev.title,
                "kind": ev.kind,
                "date": ev.date,
                "date_precision": ev.precision,
                "time": ev.time,
                "status": _status(ev, when),
                "evidence": ev.evidence,
                "paragraph": ev.extra.get("paragraph"),
            }
        )
    return out


def _status(ev: _Event, when: dt.datetime) -> str:
    base = when.date()
    if ev.precision == "month":
        ym = (base.year, base.month)
        y, m = int(ev.date[:4]), int(ev.date[5:7])
        if (y, m) != ym:
            return "released" if (y, m) < ym else "upcoming"
        return "upcoming" if ev.tense in ("future", "schedule") else "released"
    d = dt.date.fromisoformat(ev.date)
    if d != base:
        return "released" if d < base else "upcoming"
    if ev.time and when.tzinfo is not None:
        hh, mm = int(ev.time[:2]), int(ev.time[3:5])
        sign = 1 if ev.time[5] == "+" else -1
        off = dt.timedelta(hours=int(ev.time[6:8]), minutes=int(ev.time[9:11])) * sign
        at = dt.datetime(d.year, d.month, d.day, hh, mm, tzinfo=dt.timezone(off))
        return "released" if at <= when else "upcoming"
    return "upcoming" if ev.tense == "future" else "released"
