"""Release events merged across articles: the same album mentioned by five articles is one event
with five links. Used by the report's calendar and by releases.ics."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Event:
    artist: str | None
    title: str
    kind: str
    date: str  # YYYY-MM-DD or YYYY-MM
    precision: str  # day | month
    time: str | None = None
    articles: list[tuple[str, str]] = field(default_factory=list)  # (url, title)
    evidence: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (_fold(self.artist or ""), _fold(self.title), self.kind, self.date)

    @property
    def day(self) -> dt.date | None:
        if self.precision != "day":
            return None
        try:
            return dt.date.fromisoformat(self.date[:10])
        except ValueError:
            return None

    @property
    def month(self) -> str:
        return self.date[:7]

    def label(self) -> str:
        who = f"{self.artist} – " if self.artist else ""
        return f"{who}{self.title}"


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def release_events(records: list[dict[str, Any]]) -> list[Event]:
    """One event per (artist, title, kind, date), with every article that mentions it, sorted by date."""
    events: dict[tuple[str, str, str, str], Event] = {}
    for rec in records:
        for rel in rec.get("releases") or []:
            if not rel.get("title") or not rel.get("date"):
                continue
            ev = Event(rel.get("artist"), rel["title"], rel.get("kind") or "other", rel["date"],
                       rel.get("date_precision") or ("day" if len(rel["date"]) >= 10 else "month"),
                       rel.get("time"), evidence=rel.get("evidence") or "")
            known = events.setdefault(ev.key, ev)
            link = (rec.get("url") or "", rec.get("title") or "")
            if link[0] and link not in known.articles:
                known.articles.append(link)
            if not known.time and ev.time:
                known.time = ev.time
    return sorted(events.values(), key=lambda e: (e.date, _fold(e.artist or ""), _fold(e.title)))
