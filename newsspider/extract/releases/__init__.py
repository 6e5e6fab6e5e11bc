"""Release events (albums, singles, music videos, OSTs, ...) in fan-news article text.

`extract_releases(paragraphs, published, title=...)` returns one event per (artist, title, kind):
`{artist, title, kind, date, date_precision, time, status, evidence}`.

Rule-based, sentence by sentence:

1. quoted titles (“...”, "...", ‘...’) are the release candidates; quotes that read like speech
   (long, sentence punctuation) and titles of dramas/films/shows ("the drama “X”") are not;
2. a release trigger relates a title to a date in the same clause: active ("will release their
   album “X” on 6/14", "return on Thursday with “X”", "debuted with “X”") takes the title after
   the verb, passive/intransitive ("“X,” which was released on May 9", "“X” arrives Nov. 3",
   "came out in March") the title before it;
3. dates come from `newsspider.extract.dates` (tense-aware year inference); dates attached to
   reporting verbs ("the agency said Wednesday", "On Dec. 27, the label announced that") and
   dates whose clause is about something else (pre-orders, teasers, concerts, shows,
   birthdays, anniversaries, debuts without a title) are not release dates;
4. kind from the nearest kind phrase (mini album, digital single, EP, OST, music video, ...),
   artist from a possessive ("LUMINA’s second mini album"), the clause subject ("Boy band
   POLARIS will release"), or the current artist of the article (the article title's subject,
   updated by explicit mentions) for "the group", "he", "their";
5. status: date (and time with zone) compared with the publication time; same day without
   time -> the clause tense; a month-precision date in the publication month -> upcoming for
   future tense and for a present-tense schedule ("“X” drops in late May", "comes out later
   this month"), unless the clause is habitual or about the past.

Context across sentences and paragraphs:

* anaphora: "It is set to be released on ...", "LUMINA’s first full album arrives Friday",
  "The single’s music video, released on ..." refer to the title named last (a music-video
  phrase makes an "mv" event of it); "gets a music video on ...", "drops ... with a music
  video", "together with the music video for “Y”" add video events;
* dates relative to other dates: "one day after her single “X” was released" (counted from the
  sentence's other date), "follows two days later" / "the next day" (from the paragraph's
  previous date), "on release day" / "the same day" (the previous event's date);
* roundups: a heading "Artist – “Title”" sets the section's artist and title; a day heading
  ("Wednesday, June 10", "Friday") dates the releases under it that state no date; a headline
  that previews ("... This Week", "to Watch") reads bare weekdays forwards;
* kinds stated elsewhere (headline included) fill in titles mentioned without one; short
  names map to a known full name ("Baek" -> "Baek Seo-yeon").

Pure functions, no I/O. English only.

Modules: `vocab` (words and patterns), `titles` (release mentions, kinds, anaphora),
`artists` (who released it), `sentence` (the events of one sentence), `merge` (one event per
artist/title, status); this module walks the paragraphs and keeps the context."""

from __future__ import annotations

import datetime as dt
import re

from newsspider.extract.dates import (
    DateMatch,
    Tense,
    find_date_matches,
    find_time,
    sentence_spans,
)
from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions import Mentions
from newsspider.extract.releases.artists import (
    _Artists,
    _names_in,
    _strip_descriptors,
    _valid_artist,
)
from newsspider.extract.releases.merge import _merge
from newsspider.extract.releases.sentence import _sentence_events
from newsspider.extract.releases.titles import _find_titles, _kind_after, _kind_before
from newsspider.extract.releases.vocab import (
    _NUMBER_WORDS,
    _STOP_CAPS,
    RELEASE_KINDS,
    _Event,
    _Title,
    any_trigger,
    described_head,
    quoted_title,
    title_key,
    unquoted_cue,
)

__all__ = ["extract_releases", "title_key", "RELEASE_KINDS"]


def _parse_when(published: str | None, fetched_at: str | None) -> dt.datetime:
    for raw in (published, fetched_at):
        if not raw:
            continue
        raw = raw.strip()
        try:
            d = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            try:
                d = dt.datetime.combine(dt.date.fromisoformat(raw[:10]), dt.time())
            except ValueError:
                continue
        return d
    return dt.datetime.now(dt.UTC)


def extract_releases(
    paragraphs: list[str],
    published: str | None,
    *,
    title: str | None = None,
    fetched_at: str | None = None,
    mentions: Mentions | None = None,
) -> list[dict]:
    """Release events mentioned in the article paragraphs (see module docstring).

    `mentions`: the article's mention index when another extractor already built one over the
    same paragraphs (the quote extractor's, `extract_quotes(mentions_out=...)`); else one is
    built here if an artist needs resolving. One index per article instead of two: building
    it is most of the cost of resolving names."""
    when = _parse_when(published, fetched_at)
    body = "\n".join(paragraphs)
    artists = _Artists(title, body, paragraphs, mentions)
    # a preview ("... to Watch This Week") reads a bare weekday forwards, a recap backwards
    doc_tense = _doc_tense(title or "")
    # kinds stated anywhere (the headline included) for titles named elsewhere without one
    hints: dict[str, str] = {}
    if title:
        _add_hints(_find_titles(title), hints)
    events: list[_Event] = []
    last_event: _Event | None = None
    recent: list[_Title] = []  # titles of the last sentences, for "It will be released on ..."
    section_date: DateMatch | None = None  # the date of the current day heading
    section_year: int | None = None  # the year of the current "Title (2022)" heading
    for pi, para in enumerate(paragraphs):
        if not para or len(para) < 3:
            continue
        heading = _is_heading(para)
        if heading:
            day = _day_heading(para, when, doc_tense)
            if day is not None:
                section_date, section_year = day, None
                recent.clear()
                continue
            item = _roundup_item(para, section_date, artists)
            if item is not None:
                item.order, item.extra["paragraph"] = len(events), pi
                events.append(item)
                continue
            titled = _YEAR_HEADING.match(para)
            section_year = int(titled.group("year")) if titled else None
            if titled:
                # "Dreamers (2022)": the release every sentence under it talks about
                kind, explicit = _kind_before(titled.group("info") or "")
                recent[:] = [_Title(-1, -1, titled.group("title").strip(" “”\"‘’'"), kind, explicit)]
                continue
            topic = _HEADING_TOPIC.match(para)
            if topic:
                # "LUMINA – “Moonlit”": the artist of the section
                name = _heading_artist(topic.group("artist"), artists)
                if name:
                    artists.set_current(name)
        if len(para) < 12:
            continue
        has_cue = bool(quoted_title(para) or unquoted_cue(para)) or bool(
            recent and any_trigger(para)
        )
        if not has_cue:
            recent.clear()
            _update_context(para, artists)
            continue
        dates = _anchor_relative(
            para, find_date_matches(para, when, use_dateparser=False, default_tense=doc_tense)
        )
        if section_year is not None:
            dates = [_in_year(d, section_year) for d in dates]
        para_ost = _OST_WORD.search(para) if "OST" in para or "soundtrack" in para else None
        for s0, e0 in sentence_spans(para):
            sent = para[s0:e0]
            sdates = [
                DateMatch(d.start - s0, d.end - s0, d.text, d.value, d.precision, d.time, d.kind)
                for d in dates
                if s0 <= d.start < e0
            ]
            titles = (
                _find_titles(sent)
                if ("“" in sent or '"' in sent or "‘" in sent or "'" in sent
                    or unquoted_cue(sent))
                else []
            )
            # a date inside a title ("“Christmas Tree”", "“Friday”") is part of the title
            sdates = [d for d in sdates if not any(t.start <= d.start < t.end for t in titles)]
            _add_hints(titles, hints)
            found = _sentence_events(
                sent, sdates, artists, last_event, recent, titles, section_date
            )
            titles_here = [t for t in titles if not t.is_work and not t.is_track]
            if titles_here:
                recent[:] = titles_here
            for ev in found:
                if (
                    not ev.kind_explicit
                    and para_ost
                    and para_ost.start()
                    < s0 + 1 + (sent.find(ev.title) if ev.title in sent else len(sent))
                ):
                    # "the band sings the first OST of the drama “Y”. Their song “X” drops ..."
                    ev.extra["ost"] = True
                ev.order = len(events)
                ev.extra.setdefault("paragraph", pi)
                events.append(ev)
                last_event = ev
            _update_sentence_context(sent, artists)
    for ev in events:
        if not ev.kind_explicit:
            hint = hints.get(title_key(ev.title))
            if hint:
                ev.kind, ev.kind_explicit = hint, True
            elif ev.extra.get("ost") and not any(h == "ost" for h in hints.values()):
                ev.kind = "ost"
    return _merge(events, when)


_LATER = lazy(
    r"\b(?:(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week)s?"
    r"\s+(?P<dir>later|earlier|afterwards?|after\s+that|before\s+that)"
    r"|the\s+(?P<nx>next|following|previous)\s+(?P<unit2>day|week))\b",
    re.I,
)


_LATER_WORDS = (
    "later",
    "earlier",
    "afterward",
    "after that",
    "before that",
    "next ",
    "following ",
    "previous ",
)


def _anchor_relative(para: str, dates: list[DateMatch]) -> list[DateMatch]:
    """ "... on June 9. Its music video follows two days later.": an offset counted from the
    previous day-precision date of the paragraph (not from the publication date)."""
    if not dates or not any(w in para for w in _LATER_WORDS) or not _LATER.search(para):
        return dates
    out = list(dates)
    for m in _LATER.finditer(para):
        anchors = [d for d in out if d.end <= m.start() and d.precision == "day"]
        if not anchors:
            continue
        if m.group("nx"):
            n = -1 if m.group("nx").lower() == "previous" else 1
            unit = m.group("unit2").lower()
        else:
            w = m.group("n").lower()
            n = int(w) if w.isdigit() else _NUMBER_WORDS[w]
            if m.group("dir").lower() in ("earlier", "before that"):
                n = -n
            unit = m.group("unit").lower()
        days = n * (7 if unit == "week" else 1)
        value = (dt.date.fromisoformat(anchors[-1].value) + dt.timedelta(days=days)).isoformat()
        out = [d for d in out if d.end <= m.start() or d.start >= m.end()]
        out.append(DateMatch(m.start(), m.end(), m.group(0), value, "day", None, "anchored"))
        out.sort(key=lambda d: d.start)
    return out


_OST_WORD = lazy(r"\b(?:OSTs?|soundtracks?)\b")


_HEADING_TOPIC = lazy(
    r"^\s*(?P<artist>[^“”\"‘:–—|]{1,50}?)\s*(?:[–—:|]|\s-)\s*[“\"‘'](?P<title>[^“”\"]{1,80})[”\"’']\s*$"
)


# "Dreamers (2022)", "Closer (2024, single)", "“Dreamers” (album, 2022)"
_YEAR_HEADING = lazy(
    r"^\s*(?P<title>[^()\[\]]{1,60}?)\s*[(\[](?P<info>[^()\[\]]{0,30}?)\b(?P<year>(?:19|20)\d\d)\b"
    r"[^()\[\]]{0,20}[)\]]\s*$"
)
_HAS_YEAR = lazy(r"\b(?:19|20)\d\d\b")


def _in_year(d: DateMatch, year: int) -> DateMatch:
    """A date without a year of its own, under a heading that gives the year."""
    if _HAS_YEAR.search(d.text) or d.kind in ("anchored", "relative", "ago", "relmonth", "relweek"):
        return d
    return DateMatch(d.start, d.end, d.text, f"{year:04d}{d.value[4:]}", d.precision, d.time, d.kind)


# a roundup line "LUMEN – “Afterglow” MV", "Kim Ha-na – “Winter Letter” (Snow Garden OST Part 3)"
_ROUNDUP_ITEM = lazy(
    r"^\s*(?P<artist>[^“”\"‘:–—|]{1,50}?)\s*(?:[–—:|]|\s-)\s*[“\"‘'](?P<title>[^“”\"]{1,80})[”\"’']"
    r"\s*(?P<info>(?:\(?[^()]{0,60}\)?)?)\s*$"
)


def _roundup_item(para: str, section: DateMatch | None, artists: _Artists) -> _Event | None:
    """A line of a dated roundup: the artist, the title and the kind words after it, released on
    the day of the heading above it."""
    if section is None:
        return None
    m = _ROUNDUP_ITEM.match(para)
    if not m:
        return None
    name = _heading_artist(m.group("artist"), artists)
    if not name:
        return None
    info = m.group("info") or ""
    kind, explicit = _kind_before(info.strip("() ") + " ") if info.strip() else (None, False)
    if not explicit:
        kind, explicit = _kind_after(" (" + info.strip("() ") + ")") if info.strip() else (None, False)
    name = artists.set_current(name)
    return _Event(name, m.group("title").strip(), kind or "single", explicit, section.value,
                  section.precision, section.time if section.time and len(section.time) > 5 else None,
                  None, para.strip())


def _is_heading(para: str) -> bool:
    """A short line without sentence punctuation at its end: a subheading."""
    return len(para.split()) <= 12 and not re.search(r"[.!?…][\"”’)\]]*\s*$", para)


def _day_heading(para: str, when: dt.datetime, tense: Tense | None) -> DateMatch | None:
    """ "Wednesday, June 10" / "Friday (June 12)" / "Thursday": a heading that is only a date."""
    if not re.search(r"\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", para):
        return None
    found = find_date_matches(para, when, use_dateparser=False, default_tense=tense)
    day = [d for d in found if d.precision == "day"]
    if not day:
        return None
    rest = para
    for d in found:
        rest = rest.replace(d.text, " ")
    rest = re.sub(
        r"\b(?:on|the|and|of|at|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|KST|JST|UTC|[ap]\.?m)\b\.?",
        " ",
        rest,
    )
    if re.search(r"[A-Za-z]{3,}", rest):
        return None
    best = max(day, key=lambda d: (d.kind != "weekday", d.end - d.start))
    zoned = find_time(para)  # "Friday, May 31 — 6 p.m. KST"
    if zoned and not (best.time and len(best.time) > 5):
        best.time = zoned
    return best


def _heading_artist(raw: str, artists: _Artists) -> str | None:
    raw = raw.strip()
    m = re.search(r"[’']s\s+(?P<member>\S.*)$", raw)  # "NORTHSTAR’s Kyu-bin"
    if m:
        raw = m.group("member")
    name = _strip_descriptors(raw)
    if not name or not _valid_artist(name) or name in _STOP_CAPS:
        return None
    return name


_PREVIEW = lazy(
    r"\b(?:(?:this|next|the\s+coming)\s+week(?:end)?|upcoming|to\s+watch|coming\s+(?:up|soon)|"
    r"preview|what\s+to\s+expect)\b",
    re.I,
)


_RECAP = lazy(
    r"\b(?:last\s+week(?:end)?|(?:the\s+)?past\s+week|recap|looking\s+back|round-?up\s+of\s+last)\b",
    re.I,
)


def _doc_tense(text: str) -> Tense | None:
    if _RECAP.search(text):
        return "past"
    if _PREVIEW.search(text):
        return "future"
    return None


def _add_hints(titles: list[_Title], hints: dict[str, str]) -> None:
    for t in titles:
        if t.kind_explicit and t.kind and t.kind != "mv" and not t.is_work and not t.is_track:
            hints.setdefault(title_key(t.text), t.kind)


def _update_context(text: str, artists: _Artists) -> None:
    # a sentence can change the context only if its head has a described subject or starts
    # with a known artist: when the paragraph holds neither, it is not split (sentences start
    # after a space, so the \b of the pattern reads the same in the paragraph)
    if not described_head(text) and not any(k in text for k in artists.known):
        return
    for s0, e0 in sentence_spans(text):
        _update_sentence_context(text[s0:e0], artists)


def _update_sentence_context(sent: str, artists: _Artists) -> None:
    # explicit subjects: "Boy band POLARIS will ...", "LUMINA are coming back", "RM, the leader"
    head = sent[:60]
    if not described_head(head) and not any(
        head.lstrip().startswith(k) for k in artists.known
    ):
        return
    names = _names_in(head, artists)
    if not names:
        return
    start, _end, name = names[0]
    lead = sent[:start]
    described = re.fullmatch(
        r"\s*(?:[A-Za-z-]+\s+){0,4}(?:band|group|singer|rapper|soloist|duo|unit|"
        r"singer-songwriter|idol|star)\s+",
        lead,
        re.I,
    )
    if described or (not lead.strip() and name in artists.known):
        artists.set_current(name)
