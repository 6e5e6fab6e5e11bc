"""Release mentions: quoted titles, their kind (album, single, OST, music video...) and anaphoric references ("It will be released on ...", "The album arrives Friday")."""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.releases.artists import _Artists, _strip_descriptors, _valid_artist
from newsspider.extract.releases.unquoted import find_unquoted_titles
from newsspider.extract.releases.vocab import (
    _EP_RE,
    _KIND_RE,
    _NEGATIVE,
    _OBJECT_OF_NEGATIVE,
    _STOP_CAPS,
    _TITLE_RE,
    _TRACK_BEFORE,
    _WORK_AFTER,
    _WORK_BEFORE,
    _since_title,
    _Title,
)


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
        named = _NAMED_BY.search(before)
        if named and not explicit and not _RELEASE_HEAD.match(named.group("noun")):
            t.is_work = True  # "a memo titled “X”", "a website called “X”": not a record
        if not explicit and _WORK_AFTER.search(_clause_after(after)):
            t.is_work = True  # "“X” opens in theaters ...", "... as a concert film"
        out.append(t)
    for u in find_unquoted_titles(sent):
        if not any(q.start <= u.start < q.end or u.start <= q.start < u.end for q in out):
            out.append(u)
    out.sort(key=lambda x: x.start)
    return out


_NAMED_BY = lazy(r"\b(?P<noun>[\w-]+)\s*,?\s+(?:titled|called|named|dubbed|entitled)\s*$", re.I)
_RELEASE_HEAD = lazy(
    r"(?:albums?|singles?|EPs?|songs?|tracks?|records?|mixtapes?|OSTs?|soundtracks?|videos?|MVs?|"
    r"repackages?|collaborations?|ballads?|anthems?|duets?|remix(?:es)?|cuts?|numbers?|tunes?|one)$",
    re.I,
)


def _clause_after(after: str) -> str:
    """The rest of the title's clause (up to the next title, semicolon or ', and')."""
    cut = len(after)
    for stop in ("“", '"', ";", ", and ", ", but ", ", while "):
        i = after.find(stop)
        if 0 <= i < cut:
            cut = i
    return after[:cut]


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
    head = _PART_OF.search(window)
    if head and head.end("h") <= best[0] and best[1] in ("album", "mini_album", "ep", "repackage"):
        # "the lead single of X’s upcoming album, “Y”": Y is the single, the album is its owner
        return ("ost" if head.group("h").lower().endswith("ost") else "single"), True
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


_PART_OF = lazy(
    r"\b(?P<h>(?:(?:lead|title|first|second|pre-release|new|focus|debut)\s+)?(?:single|song|track|OST))"
    r"\s+(?:of|from|off)\s+(?:[^“”\"]{0,60}?)$",
    re.I,
)
_MV_WORD = lazy(r"music\s+videos?\b|\bMVs?\b|\bM/Vs?\b", re.I)


_REPACKAGE_WORD = lazy(r"\brepackage(?:d)?\b", re.I)


_LEADS_UP = lazy(r"[\s,]*(?:(?:titled|called|named|,|the|of|for)\s*)*", re.I)


_OTHER_PARTY = lazy(r"\b(?:and|with|by|featuring|feat)\b", re.I)


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


_ANAPHOR_NOUN = (
    r"(?:mini\s+album|music\s+video|title\s+track|album|single|EP|song|record|track|OST|repackage|"
    r"video|MV)"
)


_ANAPHOR = lazy(
    r"\s*(?:(?:Meanwhile|Now|Also|And|So|But),?\s+)?(?P<np>[Ii]t|[Tt]hey|"
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})(?:[’']s|(?<=s)[’']))\s+"
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
