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
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from newsspider.extract.dates import (
    NUM_WORDS,
    DateMatch,
    Tense,
    find_date_matches,
    find_time,
    is_habitual_or_past,
    sentence_spans,
)

__all__ = ["extract_releases", "title_key", "RELEASE_KINDS"]

RELEASE_KINDS = ("album", "mini_album", "single", "digital_single", "ep", "ost", "mv", "repackage")

# --------------------------------------------------------------------------------------------
# vocabulary

_Q_OPEN = '“"‘'
_TITLE_RE = re.compile(
    r"“(?P<d>[^“”\n]{1,80}?)”"
    r"|(?<![\w])\"(?P<s>[^\"\n]{1,80}?)\"(?!\w)"
    r"|(?<![\w’'])‘(?P<q>(?:[^‘’\n]|’(?=\w)){1,80}?)’(?![\w])"
    r"|(?<![\w’'])'(?P<a>[^'\n]{1,60}?)'(?![\w])"
)

# kind phrases, most specific first; value = kind
_KIND_PATTERNS: list[tuple[str, str]] = [
    (r"music\s+videos?|MVs?\b|M/Vs?\b|video\s+for|performance\s+video|visualizer", "mv"),
    (r"repackage(?:d)?(?:\s+(?:album|edition|version))?|repackaging", "repackage"),
    (r"digital\s+single(?:\s+album)?", "digital_single"),
    (
        r"(?:(?:pre-release|debut|lead|new|first|second|third|english(?:-language)?|japanese|korean|solo|"
        r"special|collaboration|promotional)\s+)?singles?(?:\s+albums?)?\b",
        "single",
    ),
    (r"mini[-\s]?albums?|\bEPs?\b|extended\s+play", "mini_album|ep"),
    (r"\bOSTs?\b|soundtrack", "ost"),
    (
        r"(?:full(?:-length)?|studio|regular|special|anniversary|solo|compilation|live|debut|first|"
        r"second|third|fourth|fifth|new)\s+albums?|full-length(?:\s+\w+)?|\balbums?\b|\bLPs?\b|\brecord\b",
        "album",
    ),
]
_KIND_RE = [(re.compile(p, re.I if k != "mini_album|ep" else 0), k) for p, k in _KIND_PATTERNS]
_EP_RE = re.compile(r"\bEPs?\b|extended\s+play", re.I)
_TRACK_BEFORE = re.compile(
    r"(?:title\s+track|lead\s+track|b-side|focus\s+track|track|song|tracks?\s+including|including)"
    r"(?:,)?\s*(?:titled|called|named)?\s*$",
    re.I,
)
# words that make the next title a work that is not a release (drama, film, show, ...)
_WORK_BEFORE = re.compile(
    r"\b(?:drama|k-drama|series|film|movie|show|program(?:me)?|webtoon|novel|musical|documentary|"
    r"romance|thriller|comedy|sitcom|variety|reality|game|anime|webtoon|tour|concert|fan\s*meeting|"
    r"festival|campaign|brand|event|episode|exhibition|book|photobook|magazine|hit|slogan|nickname|"
    r"known\s+(?:to\s+fans\s+)?as|dubbed)\b[^“\"‘]{0,25}$",
    re.I,
)

# release triggers
_ACTIVE_WITH = re.compile(
    r"\b(?:return(?:s|ed|ing)?|comes?\s+back|came\s+back|coming\s+back|is\s+back|are\s+back|"
    r"(?:make|makes|made|making)\s+(?:\S+\s+){0,3}?(?:debut|comeback|return)|debut(?:s|ed|ing)?|"
    r"kick(?:s|ed|ing)?\s+(?:\S+\s+){0,2}?off|close(?:s|d)?\s+out|wrap(?:s|ped)?\s+up|"
    r"celebrat(?:es?|ed|ing)|greet(?:s|ed)?\s+fans|start(?:s|ed)?\s+(?:the\s+\w+\s+)?)"
    r"\b(?P<gap>[^;“”\"‘]{0,60}?)\bwith\b",
    re.I,
)
_ACTIVE = re.compile(
    r"\b(?:release\s+of|release[sd]?|releasing|drop(?:s|ped|ping)?|unveil(?:s|ed|ing)?|put(?:s|ting)?\s+out|"
    r"launch(?:es|ed|ing)?|(?:surprise|pre)-releas(?:es|ed|ing))\b",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:(?:be|been|being|is|are|was|were|gets?|got)\s+(?:\w+\s+)?(?:released|dropped|unveiled)|"
    r"came\s+out|comes?\s+out|coming\s+out|"
    r"(?:is|are|will\s+be|be)\s+(?:(?:due|finally|now|officially|already)\s+)?out\b|"
    r"(?:scheduled|slated|set|due|planned|pencilled|penciled)\s+for\s+(?:an?\s+|its\s+|their\s+)?"
    r"(?:[\w.,-]+\s+){0,3}?release\b|"
    r"follow(?:s|ed|ing)?(?=\s+(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?)\s+later"
    r"|the\s+(?:next|following)\s+(?:day|week))\b)|"
    r"arriv(?:es|ed|e|ing)|lands?\b|landed|hit(?:s|ting)?\s+(?:shelves|stores|streaming)|"
    r"(?:be|is|are|become|becomes|became)\s+available|premiere[sd]?(?=\s+(?:on|at|in|via)\b)|"
    r"(?:drop|drops|dropped|dropping|release|releases|follows?|followed)(?=\s+(?:on|in|at|this|next|today|tomorrow|tonight|"
    r"early|late|mid|later|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|"
    r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)))",
    re.I,
)
_SAME_TIME = re.compile(
    r"\b(?:at\s+the\s+same\s+time|simultaneously|alongside\s+(?:it|the\s+album)|on\s+the\s+same\s+day|"
    r"the\s+same\s+day|(?:on\s+)?release\s+day|the\s+day\s+of\s+(?:the\s+|its\s+|their\s+)?release)\b",
    re.I,
)
# "“X” gets a music video on May 4": a video for the title named before
_MV_TRIGGER = re.compile(
    r"\b(?:gets?|got|getting|receives?|received|will\s+get)\s+(?:a|an|its|her|his|their)\s+(?:own\s+)?"
    r"(?:music\s+video|MV|video)\b",
    re.I,
)
# "“A” will be preceded by a single, “B,” on Nov. 20": the title after
_PRECEDED = re.compile(r"\b(?:preceded|followed)\s+by\b", re.I)
# "drops on Nov. 5 with a music video": a video for the same title on the same date
_WITH_MV = re.compile(
    r"\b(?:with|alongside|along\s+with|together\s+with|plus)\s+(?:a|an|its|the|their|his|her)\s+"
    r"(?:new\s+|official\s+)?(?:music\s+video|MV)\b(?!\s+(?:for|of|to)\b)",
    re.I,
)
# "... together with the music video for the title track, “Y”": Y's video on the same date
_MV_FOR_BEFORE = re.compile(
    r"\b(?:with|alongside|along\s+with|together\s+with|plus|and)\s+(?:a|an|its|the|their|his|her)\s+"
    r"(?:new\s+|official\s+)?(?:music\s+video|MV|video)\s+(?:for|of)\s+[^“”\";]{0,40}$",
    re.I,
)
# "one day after her single “X” was released" / "two weeks before it drops"
_NUMBER_WORDS = {**{w: n for w, n in NUM_WORDS.items() if n}, "the": 1}
_OFFSET = re.compile(
    r"\b(?P<n>\d{1,2}|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>day|week)s?\s+(?P<dir>after|before|later|earlier|afterwards?)\b",
    re.I,
)
_NOUN_BEFORE_RELEASE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that|first|new|latest|previous|last|next|group|solo|debut|"
    r"korean|japanese|english|physical|digital|album|single|upcoming|official|whose|of)\s+$",
    re.I,
)

# clause-level distractors: if one of these governs the date, it is not a release date
_NEGATIVE = re.compile(
    r"\b(?:pre-?orders?|preorders?|pre-?sales?|teasers?|concept\s+(?:photos?|films?|clips?|images?)|"
    r"posters?|track\s?list|tracklist|highlight\s+medley|spoilers?|showcase|concerts?|fan\s?meet(?:ing)?s?|"
    r"fan\s?con|fan\s+sign|tour|livestream|live\s+stream|broadcast|episode|premiere[sd]?|airs?|aired|"
    r"birthday|anniversary|music\s+shows?|M\s?Countdown|Music\s+Bank|Inkigayo|Show\s+Champion|"
    r"Music\s+Core|The\s+Show|stages?|perform(?:s|ed|ance|ing)?|award|ceremony|trophy|enlist(?:ed|ment)?|"
    r"discharge[sd]?|military|press\s+conference|interview|tickets?|screening|festival|Coachella|"
    r"schedule|timeline|countdown)\b",
    re.I,
)
_OBJECT_OF_NEGATIVE = re.compile(
    _NEGATIVE.pattern
    + r"\s+(?:[\w-]+\s+){0,2}?(?:for|of|from|to|with)\s+(?:(?:the|their|its|his|her|a|an)\s+)?"
    r"(?:[\w-]+\s+){0,3}?[,\s]*$",
    re.I,
)
_REPORTING = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|revealed|reveals|told|reported|noted|"
    r"added|explained|shared|posted|wrote|stated|according\s+to)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r";|\s[–—]\s|,\s(?:and|but|while|whereas|although|though)\s|:\s")
_DEBUT_ONLY = re.compile(r"\bdebut(?:ed|s)?\s+(?:on|in)\b", re.I)

# artist descriptors and roles
_DESCRIPTOR_WORDS = frozenset(
    """boy girl co-ed band group duo trio unit rookie ballad singer singer-songwriter rapper
    producer soloist idol actor actress vocalist leader member k-pop kpop indie-pop indie pop
    rock hip-hop trot veteran star the a an""".split()
)
_ROLE_AFTER = re.compile(
    r"^[’']?s?\s*(?:leader|member|members|maknae|vocalist|main\s+vocalist|rapper|dancer|producer|"
    r"fandom|fans|agency|label|company|camp|side|music|star|singer|idol|boy|girl|unit|sub-unit)\b",
    re.I,
)
_ORG_WORDS = re.compile(
    r"\b(?:Entertainment|Music|Records|Label|Labels|Corporation|Corp|Company|Agency|Media|Studios?|"
    r"Inc|Ltd|Network|Broadcasting|News|Times|Daily|Magazine|TV|Billboard|Spotify|YouTube|"
    r"Instagram|Twitter|Weverse|Hanteo|Circle|Gaon|Melon|University|Hall|Dome|Stadium|Arena|Station)\b"
)
_NAME_RUN = re.compile(
    r"(?:\([A-Z]\))?[A-Z0-9][\w&\-]*(?:[’'.][A-Z][\w\-]*)?(?:\s+(?:\([A-Z]\))?[A-Z0-9][\w&\-]*)*"
)
_STOP_CAPS = frozenset(
    """The A An This That These Those It Its Their His Her He She They We I You Our Your On In At
    For After Before Ahead Since With By From Of And But Or As When While Speaking According
    Following Meanwhile However Also Then Now Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    Jan Feb Aug Sept Oct Nov Dec KST Korea Korean Japan Japanese Seoul English US U.S Billboard
    Hot Fans Fan Boy Girl Band Group Rookie Ballad Singer Singer-songwriter Rapper Leader Member
    Release Radar Comeback Comebacks Debut Debuts Album Single EP OST""".split()
)


_WEEKDAY_MONTH = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December""".split()
)


def title_key(text: str) -> str:
    """Case- and punctuation-insensitive comparison key for release titles."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


# --------------------------------------------------------------------------------------------
# data


@dataclass
class _Title:
    start: int
    end: int
    text: str
    kind: str | None = None
    kind_explicit: bool = False
    is_track: bool = False
    is_work: bool = False
    artist: str | None = None  # named in an anaphoric phrase ("LUMINA’s new album")


@dataclass
class _Event:
    artist: str | None
    title: str
    kind: str
    kind_explicit: bool
    date: str
    precision: str
    time: str | None
    tense: str | None
    evidence: str
    order: int = 0
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# helpers


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


def _clean_title(raw: str) -> str:
    return raw.strip().rstrip(",.;:").strip()


def _looks_like_title(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 9:
        return False
    if re.search(r"[.!?]\s*$", text) and len(words) > 3:
        return False
    if re.search(r"[.;]\s+\S", text):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    # a lower-case phrase of several words is speech or a nickname, not a title
    return not (len(words) >= 5 and lower > len(words) / 2)


def _find_titles(sent: str) -> list[_Title]:
    out: list[_Title] = []
    for m in _TITLE_RE.finditer(sent):
        g = next(x for x in ("d", "s", "q", "a") if m.group(x) is not None)
        raw = m.group(g)
        text = _clean_title(raw)
        if not text or not _looks_like_title(text):
            continue
        t = _Title(m.start(), m.end(), text)
        before = sent[max(0, m.start() - 70) : m.start()]
        # kind: music video anywhere just before, else the nearest kind phrase before, else
        # an appositive right after the title
        kind, explicit = _kind_before(before)
        after = sent[m.end() : m.end() + 110]
        if not explicit:
            kind, explicit = _kind_after(after)
        t.kind, t.kind_explicit = kind, explicit
        if _TRACK_BEFORE.search(before) and kind != "mv":
            t.is_track = True
        if _WORK_BEFORE.search(before) and not (explicit and _kind_near(before)) and kind != "mv":
            t.is_work = True
        if kind != "mv" and _OBJECT_OF_NEGATIVE.search(_since_title(before)):
            t.is_work = True  # "Pre-orders for “X”", "the teaser for “X”": not the release itself
        out.append(t)
    return out


def _since_title(before: str) -> str:
    cut = max(before.rfind("”"), before.rfind('"'), before.rfind(";"))
    return before[cut + 1 :]


def _resolve_kind(kind: str, matched: str) -> str:
    if kind == "mini_album|ep":
        return "ep" if _EP_RE.search(matched) else "mini_album"
    return kind


def _kind_before(before: str) -> tuple[str | None, bool]:
    # only look back to the previous title or clause start
    cut = max(before.rfind("”"), before.rfind('"'), before.rfind(";"))
    window = before[cut + 1 :]
    work = _WORK_BEFORE.search(window)
    if _MV_WORD.search(window):
        return "mv", True
    if _REPACKAGE_WORD.search(window) and not work:
        return "repackage", True
    best: tuple[int, str] | None = None
    for rx, kind in _KIND_RE:
        for m in rx.finditer(window):
            if best is None or m.end() > best[0]:
                best = (m.end(), _resolve_kind(kind, m.group(0)))
    if best is None:
        return None, False
    if work and work.start() >= best[0]:
        return None, False  # "the third OST for the drama “X”": X is the drama
    gap = window[best[0] :]
    # the phrase must lead up to the title: "mini album, “X”", "album titled “X”",
    # "single “X”", "Her OST “X”"
    if _LEADS_UP.fullmatch(gap):
        return best[1], True
    if len(gap) <= 25 and not _OTHER_PARTY.search(gap):
        return best[1], True
    return None, False


_MV_WORD = re.compile(r"music\s+videos?\b|\bMVs?\b|\bM/Vs?\b", re.I)
_REPACKAGE_WORD = re.compile(r"\brepackage(?:d)?\b", re.I)
_LEADS_UP = re.compile(r"[\s,]*(?:(?:titled|called|named|,|the|of|for)\s*)*", re.I)
_OTHER_PARTY = re.compile(r"\b(?:and|with|by|featuring|feat)\b", re.I)


def _kind_near(before: str) -> bool:
    return _kind_before(before)[1]


def _kind_after(after: str) -> tuple[str | None, bool]:
    m = re.match(
        r"[,\s]*(?:\((?:[^()]{0,20})\)\s*)?(?:,\s*)?(?:(?:which|that)\s+(?:is|was)\s+)?"
        r"(?:part\s+\w+\s+of\s+)?(?:a|an|the|his|her|their|its)\s+(?P<np>[^,.;“”]{0,50})",
        after,
        re.I,
    )
    if not m:
        if " as " not in after:
            return None, False
        # "“X” was released on Feb. 28 as Part 5 of the soundtrack"
        m = re.search(
            r"^[^“”\"‘;]{0,70}?\bas\s+(?:(?:the\s+)?part\s+\w+\s+of\s+)?"
            r"(?:a|an|the|his|her|their|its)\s+(?P<np>[^,.;“”]{0,40})",
            after,
            re.I,
        )
        if not m:
            return None, False
    np = m.group("np")
    best: tuple[int, str] | None = None
    for rx, kind in _KIND_RE:
        for km in rx.finditer(np):
            if km.start() <= 40 and (best is None or km.start() < best[0]):
                best = (km.start(), _resolve_kind(kind, km.group(0)))
    if best:
        return best[1], True
    return None, False


def _default_kind(sent: str, t: _Title) -> str:
    before = sent[max(0, t.start - 80) : t.start]
    if re.search(r"\b(?:record|project|full-length|LP)\b", before, re.I):
        return "album"
    return "single"


# --------------------------------------------------------------------------------------------
# artist context


class _Artists:
    """Known artists of the article and the current one (for "the group", "he", "their")."""

    def __init__(self, title: str | None, body: str) -> None:
        self.known: list[str] = []
        self.current: str | None = None
        self.main: str | None = _artist_from_title(title, body) if title else None
        if self.main:
            self.add(self.main)
            self.current = self.main

    def add(self, name: str) -> None:
        if name not in self.known:
            self.known.append(name)

    def set_current(self, name: str) -> str:
        name = self.canonical(name)
        self.add(name)
        self.current = name
        return name

    def canonical(self, name: str) -> str:
        """A known artist's full name for a short reference ("Baek" -> "Baek Seo-yeon",
        "Daybreak" -> "Daybreak Radio"); the name itself when none fits."""
        if name in self.known:
            return name
        words = name.split()
        fits = [
            k
            for k in self.known
            if len(k.split()) > len(words)
            and (k.split()[: len(words)] == words or k.split()[-len(words) :] == words)
        ]
        if not fits:
            return name
        for pref in (self.current, self.main):
            if pref in fits:
                return pref
        return fits[0]


def _strip_descriptors(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _DESCRIPTOR_WORDS:
        words.pop(0)
    return " ".join(words)


def _valid_artist(name: str) -> bool:
    if not name or len(name) > 40:
        return False
    if _ORG_WORDS.search(name):
        return False
    first = name.split()[0].rstrip("’'")
    if first in _STOP_CAPS and len(name.split()) == 1:
        return False
    return not re.fullmatch(r"[\d\W]+|\d+-[a-z]+", name)


def _artist_from_title(title: str, body: str) -> str | None:
    t = re.sub(r"^[^:]{0,30}:\s+", "", title) if ":" in title[:32] else title
    # a leading work title ("‘Drama Name’ Star Kim Ji-ho Sings ..."): the name follows it
    t = re.sub(r"^\s*[“‘\"'][^“”‘’\"]{1,60}[”’\"']\s+(?=\S)", "", t)
    # possessive: "VELVETEEN’s Yuna lends", "Jungkook’s ‘Golden’", "NewJeans’ “How Sweet”"
    m = re.match(r"\s*(?P<a>[^’'“‘\"]{1,40}?)(?:[’']s|(?<=s)[’'])\s+(?P<rest>.*)", t)
    if m:
        owner = _strip_descriptors(m.group("a").strip())
        rest = m.group("rest")
        if rest[:1] not in _Q_OPEN:
            person = _longest_in_body(rest, body) or _leading_name(rest.split())
            if person and person not in _STOP_CAPS:
                return person
        if owner and _valid_artist(owner):
            if not body or _word_in(owner, body):
                return owner
            # "HYPERBLOOM Top Japan’s Chart": the owner is not a name the body uses
            found = _longest_in_body(owner, body)
            if found:
                return found
    words = t.split()
    # drop leading descriptors ("Rookie Girl Group CRESCENT ...", "Ballad singer Kang ...")
    while words and words[0].lower() in _DESCRIPTOR_WORDS:
        words.pop(0)
    found = _longest_in_body(" ".join(words), body)
    if found:
        return found
    # not named in the body: a sentence-case headline's leading capitalised run
    # ("STARGAZE drop ‘Lanterns’", "Kim Yu-na to release ...")
    return _leading_name(words)


def _take_while(words: list[str], pred) -> list[str]:  # noqa: ANN001
    out = []
    for w in words:
        if not pred(w):
            break
        out.append(w)
    return out


def _leading_name(words: list[str]) -> str | None:
    lead = _take_while(words[:4], lambda w: w[:1].isupper() or w[:1].isdigit() or w[:1] == "(")
    # Title Case headline: an all-caps run is the group ("LUNAR Makes Dreamy Debut")
    caps = _take_while(lead, lambda w: w.rstrip("’'s").isupper() and len(w) > 1)
    if caps and len(caps) < len(lead):
        lead = caps
    if lead and len(lead) < len(words) and len(lead) <= 3:
        name = re.sub(r"[’']s?$", "", " ".join(lead).rstrip(",:"))
        if _valid_artist(name) and name not in _STOP_CAPS:
            return name
    return None


def _word_in(name: str, text: str) -> bool:
    """`name` occurs in `text` as a whole word (cheap substring test first)."""
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
            return True
        i = text.find(name, i + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def _longest_in_body(text: str, body: str) -> str | None:
    words = text.split()
    for k in range(min(4, len(words)), 0, -1):
        cand = " ".join(words[:k]).rstrip(",:’'")
        cand = re.sub(r"[’']s?$", "", cand)
        if not cand or cand in _STOP_CAPS or not _valid_artist(cand):
            continue
        if _word_in(cand, body):
            return cand
    return None


def _names_in(span: str, artists: _Artists) -> list[tuple[int, int, str]]:
    """Candidate artist names (start, end, name) in `span`."""
    out: list[tuple[int, int, str]] = []
    for m in _NAME_RUN.finditer(span):
        raw = m.group(0)
        # trailing possessive
        name = re.sub(r"[’']s$", "", raw)
        name = _strip_descriptors(name)
        words = name.split()
        while (
            words
            and words[0] in _STOP_CAPS
            and not (
                words[0] in _WEEKDAY_MONTH
                and len(words) > 1
                and words[1] not in _STOP_CAPS
                and words[1][:1].isalpha()
            )
        ):
            words.pop(0)
        name = " ".join(words)
        if not name or not _valid_artist(name):
            continue
        if _ROLE_AFTER.match(span[m.end() :]) and not re.match(r"[’']s", span[m.end() :]):
            continue
        start = m.start() + raw.find(words[0]) if words else m.start()
        out.append((start, start + len(name), name))
    for known in artists.known:
        if known[:1].islower() and known in span:
            for m in re.finditer(r"(?<![\w-])" + re.escape(known) + r"(?![\w-])", span):
                out.append((m.start(), m.end(), known))
    out.sort()
    return out


_POSSESSIVE = re.compile(
    r"(?P<n>(?:\([A-Z]\))?[\w][\w&\-]*(?:\.[A-Z][\w&\-]*)?(?:\s+[\w][\w&\-]*){0,3})(?:[’']s|(?<=[sS])[’'])\s"
)
_GAP_VERB = re.compile(
    r"\b(?:will|would|is|are|was|were|has|have|had|to|release[sd]?|drops?|dropped|returns?|"
    r"debuts|debuted|came|comes|said|says|and|with)\b",
    re.I,
)


def _possessive_artist(sent: str, pos: int, artists: _Artists) -> str | None:
    """ "LUMINA’s Japanese digital single “X”" / "Seo Ha-eun’s “X”": the owner right before
    the title, with only modifiers in between (not "ARIA’s Sena will drop her single “X”")."""
    if pos <= 0:
        return None
    window = sent[max(0, pos - 70) : pos]
    cut = max(window.rfind("”"), window.rfind(";"), window.rfind('"'))
    window = window[cut + 1 :]
    if "’" not in window and "'" not in window:
        return None
    best = None
    for m in _POSSESSIVE.finditer(window):
        gap = window[m.end() :]
        if _GAP_VERB.search(gap) or re.search(r"(?<![\w-])(?!(?:EP|OST|MV|LP)\b)[A-Z][a-z]", gap):
            continue
        owner = m.group("n")
        # keep the longest capitalised tail ("Singer-songwriter Seo Ha-eun")
        names = _names_in(owner + " ", artists)
        if names:
            best = names[-1][2]
            tail = owner[names[-1][0] :]
            if tail and not tail.startswith(best):
                best = _strip_descriptors(tail)
    if best and not re.search(r"[’']s\s+(?:\w+\s+)?(?:agency|label|company)", window):
        return best
    return None


# --------------------------------------------------------------------------------------------
# main


def extract_releases(
    paragraphs: list[str],
    published: str | None,
    *,
    title: str | None = None,
    fetched_at: str | None = None,
) -> list[dict]:
    """Release events mentioned in the article paragraphs (see module docstring)."""
    when = _parse_when(published, fetched_at)
    body = "\n".join(paragraphs)
    artists = _Artists(title, body)
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
    for para in paragraphs:
        if not para or len(para) < 3:
            continue
        heading = _is_heading(para)
        if heading:
            day = _day_heading(para, when, doc_tense)
            if day is not None:
                section_date = day
                recent.clear()
                continue
            topic = _HEADING_TOPIC.match(para)
            if topic:
                # "LUMINA – “Moonlit”": the artist of the section
                name = _heading_artist(topic.group("artist"), artists)
                if name:
                    artists.set_current(name)
        if len(para) < 12:
            continue
        has_cue = bool(_TITLE_RE.search(para)) or bool(
            recent and (_PASSIVE.search(para) or _ACTIVE.search(para) or _MV_TRIGGER.search(para))
        )
        if not has_cue:
            recent.clear()
            _update_context(para, artists)
            continue
        dates = _anchor_relative(
            para, find_date_matches(para, when, use_dateparser=False, default_tense=doc_tense)
        )
        para_ost = _OST_WORD.search(para)
        for s0, e0 in sentence_spans(para):
            sent = para[s0:e0]
            sdates = [
                DateMatch(d.start - s0, d.end - s0, d.text, d.value, d.precision, d.time, d.kind)
                for d in dates
                if s0 <= d.start < e0
            ]
            titles = (
                _find_titles(sent)
                if ("“" in sent or '"' in sent or "‘" in sent or "'" in sent)
                else []
            )
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


_LATER = re.compile(
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


_OST_WORD = re.compile(r"\b(?:OSTs?|soundtracks?)\b")
_HEADING_TOPIC = re.compile(
    r"^\s*(?P<artist>[^“”\"‘:–—|]{1,50}?)\s*(?:[–—:|]|\s-)\s*[“\"‘'](?P<title>[^“”\"]{1,80})[”\"’']\s*$"
)


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


_PREVIEW = re.compile(
    r"\b(?:(?:this|next|the\s+coming)\s+week(?:end)?|upcoming|to\s+watch|coming\s+(?:up|soon)|"
    r"preview|what\s+to\s+expect)\b",
    re.I,
)
_RECAP = re.compile(
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


_DESCRIBED_HEAD = re.compile(
    r"\b(?:band|group|singer|rapper|soloist|duo|unit|singer-songwriter|idol|star)\s+[A-Z(]", re.I
)


def _update_context(text: str, artists: _Artists) -> None:
    for s0, e0 in sentence_spans(text):
        _update_sentence_context(text[s0:e0], artists)


def _update_sentence_context(sent: str, artists: _Artists) -> None:
    # explicit subjects: "Boy band POLARIS will ...", "LUMINA are coming back", "RM, the leader"
    head = sent[:60]
    if not _DESCRIBED_HEAD.search(head) and not any(
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


_REPORTED_BEFORE = re.compile(
    _REPORTING.pattern + r"\s+(?:\w+\s+){0,2}?(?:on\s+|in\s+|early\s+|late\s+|this\s+|last\s+)?$",
    re.I,
)
_REPORTED_AFTER = re.compile(
    r",\s+(?:[\w’'&.-]+\s+){0,4}?" + _REPORTING.pattern + r"(?:\s+that)?", re.I
)


def _negative_between(text: str) -> bool:
    return bool(_NEGATIVE.search(text))


_ANAPHOR_NOUN = (
    r"(?:mini\s+album|music\s+video|title\s+track|album|single|EP|song|record|track|OST|repackage|"
    r"video|MV)"
)
_ANAPHOR = re.compile(
    r"\s*(?:(?:Meanwhile|Now|Also|And|So|But),?\s+)?(?P<np>[Ii]t|[Tt]hey|"
    r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})(?:[’']s|(?<=s)[’']))\s+"
    r"(?:(?P<of>album|single|song|track|title\s+track|EP|record)[’']s\s+(?P<mv>music\s+video|video|MV)"
    r"|(?:(?!(?:for|of|to|with|from|and|or)\b)[\w-]+\s+){0,3}?" + _ANAPHOR_NOUN + r"))"
    r",?(?:\s+(?:also|itself|too|will|would|is|are|was|were|has|have|had|then|finally|officially|"
    r"now|set|scheduled|slated|due|expected|going|to))*\s*$"
)
_ANAPHOR_KINDS = {
    "album": {"album", "mini_album", "ep", "repackage"},
    "record": {"album", "mini_album", "ep", "repackage"},
    "ep": {"ep", "mini_album"},
    "mini album": {"mini_album", "ep"},
    "repackage": {"repackage"},
    "single": {"single", "digital_single"},
    "song": {"single", "digital_single", "ost"},
    "track": {"single", "digital_single", "ost"},
    "title track": {"single", "digital_single"},
    "ost": {"ost"},
    "music video": {"mv"},
    "video": {"mv"},
    "mv": {"mv"},
}


def _anaphor_head(np: str) -> str | None:
    np = np.lower()
    return next((k for k in sorted(_ANAPHOR_KINDS, key=len, reverse=True) if np.endswith(k)), None)


def _anaphoric_title(
    subject: str, recent: list[_Title], artists: _Artists | None = None
) -> list[_Title]:
    """ "It will be released on March 3." / "The album arrives Friday." / "LUMINA’s first full
    album arrives on Friday." / "The single’s music video, released on ..." after a sentence (or
    a heading) that named the title: the most recent compatible title."""
    if not recent or len(subject) > 90:
        return []
    m = _ANAPHOR.fullmatch(subject)
    if not m:
        return []
    np = m.group("np")
    if _NEGATIVE.search(np):
        return []
    owner = m.group("owner")
    artist = None
    if owner:
        owner = _strip_descriptors(owner)
        if not owner or not _valid_artist(owner) or owner in _STOP_CAPS:
            return []
        artist = artists.canonical(owner) if artists else owner
    if m.group("mv"):
        # "The single’s music video": a video of the single
        head = _anaphor_head(m.group("of"))
        for t in reversed(recent):
            if head is None or not t.kind_explicit or t.kind in _ANAPHOR_KINDS[head]:
                return [_Title(-1, -1, t.text, "mv", True, artist=artist)]
        return []
    head = _anaphor_head(np)
    if head in ("music video", "video", "mv"):
        # "Its music video follows ...": the video of the title just named
        t = recent[-1]
        return [_Title(-1, -1, t.text, "mv", True, artist=artist)]
    np_kind, np_explicit = _kind_before(np + " ") if head else (None, False)
    for t in reversed(recent):
        if head is None or (t.kind_explicit and t.kind in _ANAPHOR_KINDS[head]):
            return [_Title(-1, -1, t.text, t.kind, t.kind_explicit, artist=artist)]
        if not t.kind_explicit and len(recent) == 1 and head not in ("music video", "video", "mv"):
            # a title named without a kind ("LUMINA – “Moonlit”"), now "their new EP"
            return [_Title(-1, -1, t.text, np_kind, np_explicit, artist=artist)]
    return []


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
    for m in _ACTIVE_WITH.finditer(sent):
        triggers.append((m.start(), m.end(), "active"))
    for m in _PRECEDED.finditer(sent):
        triggers.append((m.start(), m.end(), "active"))
    for m in _MV_TRIGGER.finditer(sent):
        triggers.append((m.start(), m.end(), "mv"))
    for m in _PASSIVE.finditer(sent):
        if not any(s <= m.start() < e for s, e, _ in triggers):
            triggers.append((m.start(), m.end(), "passive"))
    for m in _ACTIVE.finditer(sent):
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
        if voice == "active":
            title_c = after[:1] or before[-1:]
        else:
            # the subject: a title, else an anaphor ("The album arrives ..."), else a title after
            title_c = (
                before[-1:]
                or _anaphoric_title(
                    sent[a:ts], prev_titles + [c for c in cands if c.end <= a], artists
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


def _fits_section(sent: str, a: int, z: int, section: DateMatch) -> bool:
    """A sentence under a day heading without a date of its own is about that day, unless it
    names a year or talks about an earlier release ("since their 2021 album ...")."""
    clause = sent[a:z]
    return not re.search(r"\b(?:19|20)\d\d\b|\b(?:since|previous|last|former|earlier)\b", clause)


def _offset_date(
    sent: str, dates: list[DateMatch], t: _Title, ts: int, te: int, a: int, z: int
) -> str | None:
    """A release date stated relative to another date of the sentence: "won on Wednesday, one
    day after her single “X” was released" (Wednesday - 1 day), "“X” came out two weeks after
    the concert on May 3" (May 3 + 2 weeks)."""
    if t.start < 0 or (" after " not in sent and " before " not in sent):
        return None
    first = min(ts, t.start)
    for m in _OFFSET.finditer(sent):
        direction = m.group("dir").lower()
        if direction not in ("after", "before"):
            continue
        n = _NUMBER_WORDS.get(m.group("n").lower()) or (
            int(m.group("n")) if m.group("n").isdigit() else 0
        )
        days = n * (7 if m.group("unit").lower() == "week" else 1)
        if not days:
            continue
        sign = 1 if direction == "after" else -1
        if (
            m.end() <= first
            and first - m.end() <= 60
            and not re.search(r"[;“”\"]", sent[m.end() : first])
        ):
            # anchor date before the offset phrase: release = anchor -/+ offset
            anchors = [d for d in dates if d.end <= m.start() and d.precision == "day"]
            if anchors:
                base = dt.date.fromisoformat(anchors[-1].value)
                return (base - dt.timedelta(days=sign * days)).isoformat()
        elif m.start() >= max(te, t.end) and m.start() <= z:
            # anchor date after the offset phrase: release = anchor +/- offset
            anchors = [
                d for d in dates if d.start >= m.end() and d.start <= z and d.precision == "day"
            ]
            if anchors and m.start() - max(te, t.end) <= 30:
                base = dt.date.fromisoformat(anchors[0].value)
                return (base + dt.timedelta(days=sign * days)).isoformat()
    return None


def _negative_governs(sent: str, d: DateMatch, ts: int, te: int, t: _Title) -> bool:
    """A distractor noun sits between the release phrase and the date ("will release the
    first teaser on June 3") or right before the date ("begin pre-orders on May 31")."""
    lo = max(te, t.end) if d.start >= ts else d.end
    hi = d.start if d.start >= ts else min(ts, t.start)
    gap = sent[lo:hi]
    gap = gap.replace(d.text, " ")
    if len(gap) > 0 and _negative_between(gap):
        return True
    return False


def _tense_word(clause: str) -> str | None:
    if re.search(
        r"\b(?:will|'ll|’ll|is\s+set|are\s+set|scheduled|slated|upcoming|to\s+be\s+released|"
        r"is\s+due|are\s+due)\b",
        clause,
        re.I,
    ):
        return "future"
    if re.search(
        r"\b(?:was|were|released|came\s+out|dropped|debuted|unveiled|arrived|returned|had)\b",
        clause,
        re.I,
    ):
        return "past"
    return None


# a present-tense release verb: "“X” comes out / drops / arrives / hits shelves / is out ..."
_SCHEDULE_TRIGGER = re.compile(
    r"(?:comes?\s+out|drops|arrives|lands|releases|debuts|returns|launches|unveils|"
    r"hits?\s+(?:shelves|stores|streaming)|(?:is|are)\s+(?:\w+\s+)?(?:out|available))\b",
    re.I,
)
_AUX_BEFORE = re.compile(
    r"\b(?:to|not|never|did|does|do|will|would|can|could|may|might|must|should|have|has|had|"
    r"\w+n[’']t)\s+$",
    re.I,
)


def _schedule_trigger(sent: str, ts: int, te: int, a: int, z: int) -> bool:
    """The release verb is a finite present-tense schedule ("“X” drops in late May") in a
    clause that is neither habitual nor about the past."""
    if not _SCHEDULE_TRIGGER.match(sent, ts, te):
        return False
    if _AUX_BEFORE.search(sent[max(a, ts - 20) : ts]):
        return False
    return not is_habitual_or_past(sent[a:z])


def _artist_for(sent: str, ts: int, t: _Title, voice: str, artists: _Artists) -> str | None:
    # 1. possessive owner before the title ("LUMINA’s ... single “X”", "IVE’s second mini album")
    owner = _possessive_artist(sent, t.start, artists)
    if owner:
        return artists.set_current(owner)
    # "the group’s summer single “X”": the article's group
    if t.start > 0 and _GROUP_POSSESSIVE.search(_since_title(sent[max(0, t.start - 70) : t.start])):
        return artists.main or artists.current
    # 2. the subject before an active trigger ("Boy band POLARIS will release")
    if voice == "active" or t.start > ts:
        clause = _mask_quotes(sent[:ts])
        subords = list(re.finditer(r"\b(?:that|who)\s", clause))
        if subords:
            clause = clause[subords[-1].end() :]
        # drop appositives ", the leader of boy band BTS,"
        clause = re.sub(r",\s+(?:the|a|an)\s[^,]{0,60},", " ", clause)
        # leading date phrase ("On March 11 at 6 p.m. KST, ")
        names = _names_in(clause, artists)
        if names:
            return artists.set_current(names[-1][2])
    return artists.current


_GROUP_POSSESSIVE = re.compile(
    r"\b(?:the|The)\s+(?:(?:boy|girl|rookie|co-ed|[\w-]+-member)\s+)*(?:group|band|duo|trio|quartet|unit)"
    r"[’']s\s+(?:[\w-]+,?\s+){0,5}$"
)
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’")


def _mask_quotes(text: str) -> str:
    """Quoted spans blanked out (same length), so words of a title are not taken for names."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


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
