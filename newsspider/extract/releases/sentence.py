"""Release events of one sentence: a release trigger relating a title to a date in the same clause, with the artist, kind and tense."""

from __future__ import annotations

import re

from newsspider.extract.dates import (
    DateMatch,
    find_time,
)
from newsspider.extract.lazyre import lazy
from newsspider.extract.releases.artists import _artist_for, _Artists
from newsspider.extract.releases.clauses import (
    _NOUN_RELEASED,
    _OBJECT_NP,
    _OTHER_WORK,
    _SUBJECT_THEN_PAREN,
    _fits_section,
    _negative_between,
    _negative_governs,
    _offset_date,
    _other_object,
    _schedule_trigger,
    _tense_word,
)
from newsspider.extract.releases.titles import (
    _anaphoric_title,
    _default_kind,
    _find_titles,
    _kind_after,
)
from newsspider.extract.releases.vocab import (
    _ACTIVE,
    _ACTIVE_WITH,
    _CLAUSE_SPLIT,
    _DEBUT_ONLY,
    _MV_FOR_BEFORE,
    _MV_TRIGGER,
    _NOUN_BEFORE_RELEASE,
    _PASSIVE,
    _PRECEDED,
    _REPORTING,
    _SAME_TIME,
    _WITH_MV,
    ACTIVE_WITH_WORDS,
    ACTIVE_WORDS,
    MV_TRIGGER_WORDS,
    PASSIVE_WORDS,
    PRECEDED_WORDS,
    _Event,
    _since_title,
    _Title,
)
from newsspider.extract.text import word_test


def _segments(sent: str, titles: list[_Title]) -> list[tuple[int, int]]:
    segs = []
    start = 0
    for m in _CLAUSE_SPLIT.finditer(sent):
        if any(t.start < m.start() < t.end for t in titles):
            continue
        segs.append((start, m.start()))
        start = m.end()
    segs.append((start, len(sent)))
    return segs


def _attributed(sent: str, d: DateMatch) -> bool:
    """The date belongs to a reporting clause ("the agency said Wednesday", "announced on
    Monday", "On Dec. 27, Orbit Music announced that ...")."""
    before = sent[max(0, d.start - 40) : d.start]
    if _REPORTED_BEFORE.search(before):
        return True
    return d.start < 25 and bool(_REPORTED_AFTER.match(sent[d.end : d.end + 60]))


_REPORTED_BEFORE = lazy(
    _REPORTING.pattern + r"\s+(?:\w+\s+){0,2}?(?:on\s+|in\s+|early\s+|late\s+|this\s+|last\s+)?$",
    re.I,
)


_REPORTED_AFTER = lazy(
    r",\s+(?:[\w’'&.-]+\s+){0,4}?" + _REPORTING.pattern + r"(?:\s+that)?", re.I
)



def _sentence_events(
    sent: str,
    dates: list[DateMatch],
    artists: _Artists,
    last_event: _Event | None,
    recent: list[_Title] | None = None,
    titles: list[_Title] | None = None,
    section_date: DateMatch | None = None,
) -> list[_Event]:
    """Release events of one sentence. `recent`: titles of the previous sentences (for "It will
    be released on ..."); `section_date`: the date of the day heading the sentence is under."""
    if titles is None:
        titles = _find_titles(sent)
    prev_titles = recent or []
    if not titles and not prev_titles:
        return []
    album_in_sentence = any(
        t.kind in ("album", "mini_album", "ep", "repackage", "single")
        and t.kind_explicit
        and not t.is_track
        for t in titles
    )
    cands = [t for t in titles if not t.is_work and not (t.is_track and album_in_sentence)]
    if not cands and not prev_titles:
        return []
    good_dates = [d for d in dates if not _attributed(sent, d)]
    triggers: list[tuple[int, int, str]] = []  # (start, end, "active"|"passive"|"mv")
    hold = word_test(sent)  # each pattern only where its words occur
    for m in _ACTIVE_WITH.finditer(sent) if hold(ACTIVE_WITH_WORDS) else ():
        triggers.append((m.start(), m.end(), "active"))
    for m in _PRECEDED.finditer(sent) if hold(PRECEDED_WORDS) else ():
        triggers.append((m.start(), m.end(), "active"))
    for m in _MV_TRIGGER.finditer(sent) if hold(MV_TRIGGER_WORDS) else ():
        triggers.append((m.start(), m.end(), "mv"))
    for m in _PASSIVE.finditer(sent) if hold(PASSIVE_WORDS) else ():
        if not any(s <= m.start() < e for s, e, _ in triggers):
            triggers.append((m.start(), m.end(), "passive"))
    for m in _ACTIVE.finditer(sent) if hold(ACTIVE_WORDS) else ():
        if any(s <= m.start() < e for s, e, _ in triggers):
            continue
        word = m.group(0).lower()
        if word in ("release", "releases") and (
            _NOUN_BEFORE_RELEASE.search(sent[: m.start()])
            or re.match(
                r"\s+(?:day|date|schedule|plans?|part(?:y|ies)|shows?|events?)\b", sent[m.end() :]
            )
        ):
            continue  # the noun: "the release", "on release day"
        # "“X,” released on June 11, ...": a participle, the title is before it
        voice = (
            "passive"
            if word in ("released", "dropped", "unveiled")
            and re.search(
                r"(?:[”\"’],?|,)\s*(?:(?:first|originally|digitally|officially)\s+)?$",
                sent[: m.start()],
            )
            else "active"
        )
        triggers.append((m.start(), m.end(), voice))
    triggers.sort()
    out: list[_Event] = []
    used_titles: set[int] = set()
    segs = _segments(sent, titles)

    def seg_of(pos: int) -> tuple[int, int]:
        return next(((a, z) for a, z in segs if a <= pos <= z), (0, len(sent)))

    def event(
        t: _Title,
        kind: str,
        explicit: bool,
        date: str,
        precision: str,
        time: str | None,
        tense: str | None,
        artist: str | None,
    ) -> _Event:
        return _Event(
            artist,
            t.text,
            kind,
            explicit,
            date,
            precision,
            time if time and len(time) > 5 else None,
            tense,
            sent.strip(),
        )

    for ts, te, voice in triggers:
        a, z = seg_of(ts)
        # the title
        before = [t for t in cands if a <= t.start and t.end <= ts]
        after = [t for t in cands if t.start >= te and t.end <= z + 1]
        if (re.match(r"(?:released|dropped|unveiled)\b", sent[ts:te], re.I)
                and _NOUN_RELEASED.search(sent, max(a, ts - 40), ts)
                and not _OBJECT_NP.match(sent, te) and not (after and after[0].start - te <= 3)
                and not (before and sent[before[-1].end:ts].strip(" ,”\"’") == "")):
            continue  # "a poll released Thursday", "the report released on May 2": a participle
        if voice == "active":
            # a title before an active verb only when the verb has no other object
            # ("“X” was a hit, and they dropped it ..." no; "... but dropped the suit" no)
            obj = _OBJECT_NP.match(sent, te)
            if after and obj and _other_object(sent, te) and after[0].start > obj.end() + 3:
                after = []  # "released a parody website asking for a “X” wing": X is not it
            title_c = after[:1] or ([] if _other_object(sent, te) else before[-1:])
        else:
            # the subject: a title, else an anaphor ("The album arrives ..."), else a title after
            # "The album, led by the single “Y”, was released ...": the subject is the album
            # named before, not the title inside the parenthetical
            paren = _SUBJECT_THEN_PAREN.match(sent, a, ts)
            if (paren and before and before[-1].start > paren.end("np")
                    and _OTHER_WORK.search(sent, paren.end("np"), before[-1].start)):
                before = []
                subject = sent[a:paren.end("np")]
            else:
                subject = sent[a:ts]
            title_c = (
                before[-1:]
                or _anaphoric_title(
                    subject, prev_titles + [c for c in cands if c.end <= a], artists
                )
                or (after[:1] if voice == "passive" else [])
            )
        if not title_c:
            continue
        t = title_c[0]
        if voice == "mv":
            t = _Title(t.start, t.end, t.text, "mv", True, artist=t.artist)
        if re.match(r"premiere", sent[ts:te], re.I) and t.kind != "mv":
            continue
        if not t.kind_explicit and (
            t.text[:1].islower()
            or re.match(r"launch|unveil|land|(?:be|is|are)\s+available", sent[ts:te], re.I)
        ):
            continue  # weak evidence: a lower-case quote or a generic verb without a release noun
        if id(title_c[0]) in used_titles and voice != "mv":
            continue
        # text between trigger and title must not hand the verb to another object
        lo, hi = sorted((ts, max(t.start, 0)))
        if _negative_between(sent[lo:hi]) and not t.kind_explicit:
            continue
        date = time = None
        precision = "day"
        # "one day after her single “X” was released": relative to another date
        rel = _offset_date(sent, dates, t, ts, te, a, z)
        if rel is not None:
            date, precision = rel, "day"
        else:
            # the date: after the trigger in the segment, or before both trigger and title
            first = min(ts, t.start) if t.start >= 0 else ts
            dcands = [
                d for d in good_dates if a <= d.start <= z and (d.start >= ts or d.end <= first)
            ]
            dcands = [d for d in dcands if not _negative_governs(sent, d, ts, te, t)]
            d: DateMatch | None = None
            if dcands:
                d = min(dcands, key=lambda x: (x.start < ts, abs(x.start - te)))
            if d is not None:
                date, precision, time = d.value, d.precision, d.time
                if not time or len(time) <= 5:
                    time = find_time(sent[a:z]) or time
            elif out and _SAME_TIME.search(sent):
                date, precision, time = out[-1].date, out[-1].precision, out[-1].time
            elif last_event is not None and _SAME_TIME.search(sent):
                date, precision, time = last_event.date, last_event.precision, last_event.time
            elif section_date is not None and not dates and _fits_section(sent, a, z, section_date):
                date, precision = section_date.value, section_date.precision
                time = find_time(sent[a:z]) or section_date.time
        if date is None:
            continue
        if voice == "active" and not t.kind_explicit and _DEBUT_ONLY.search(sent[ts : te + 4]):
            continue
        artist = (
            artists.canonical(t.artist) if t.artist else _artist_for(sent, ts, t, voice, artists)
        )
        if t.artist:
            artists.set_current(t.artist)
        if not t.kind_explicit:
            # "... was released on March 14 as Part 2 of the soundtrack"
            rest = sent[te:z]
            k2, ex2 = _kind_after(rest[rest.find(" as "):]) if " as " in rest else (None, False)
            if ex2:
                t = _Title(t.start, t.end, t.text, k2, True, t.is_track, t.is_work, t.artist)
        kind = t.kind or _default_kind(sent, t)
        tense = _tense_word(sent[a:z])
        if tense != "future" and _schedule_trigger(sent, ts, te, a, z):
            tense = "schedule"
        used_titles.add(id(title_c[0]))
        out.append(event(t, kind, t.kind_explicit, date, precision, time, tense, artist))
        # "drops on Nov. 5 with a music video": the video on the same date
        if kind != "mv" and _WITH_MV.search(sent[te:z]):
            out.append(event(t, "mv", True, date, precision, time, tense, artist))
    if out:
        # "... together with the music video for the title track, “Y”."
        for t in cands:
            if id(t) in used_titles or t.start < 0:
                continue
            if _MV_FOR_BEFORE.search(_since_title(sent[max(0, t.start - 90) : t.start])):
                ev = out[-1]
                used_titles.add(id(t))
                out.append(
                    event(t, "mv", True, ev.date, ev.precision, ev.time, ev.tense, ev.artist)
                )
    return out
