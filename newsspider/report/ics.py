"""releases.ics: the release events as an iCalendar file a phone calendar can subscribe to."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from newsspider.report.page import KIND_LABEL
from newsspider.report.releases import Event, release_events


def event_uid(ev: Event) -> str:
    """Stable across exports (same artist, title, kind and date), so subscribers get updates, not copies."""
    return hashlib.sha1("|".join(ev.key).encode("utf-8")).hexdigest()[:20] + "@newsspider"


def build_calendar(records: list[dict[str, Any]], *, now: datetime | None = None) -> tuple[bytes, int, int]:
    """(the .ics bytes, events written, month-only events left out)."""
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    now = now or datetime.now(UTC)
    cal = Calendar()
    cal.add("prodid", "-//newsspider//release calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "K-pop releases (newsspider)")
    written = skipped = 0
    for ev in release_events(records):
        day = ev.day
        if day is None:  # "in March": no day to put it on
            skipped += 1
            continue
        item = IcsEvent()
        item.add("uid", event_uid(ev))
        item.add("dtstamp", now)
        item.add("dtstart", day)
        item.add("dtend", day + timedelta(days=1))
        item.add("summary", f"{ev.label()} ({KIND_LABEL.get(ev.kind, ev.kind)})")
        lines = []
        if ev.time:
            lines.append(f"Release time: {ev.time}")
        if ev.evidence:
            lines.append(ev.evidence)
        lines += [f"{title}: {url}" if title else url for url, title in ev.articles]
        item.add("description", "\n".join(lines))
        if ev.articles:
            item.add("url", ev.articles[0][0])
        item.add("categories", [KIND_LABEL.get(ev.kind, ev.kind)])
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)
        written += 1
    return cal.to_ical(), written, skipped
