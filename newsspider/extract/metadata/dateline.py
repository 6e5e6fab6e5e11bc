"""The visible dateline: the publication date the page shows next to its headline.

Readers see "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7", "By Jane Doe | March 11, 2015 3:46 PM",
"2/26/2015 7:11 AM PST BY STAFF" or "Reviewed: June 7, 2019" under the headline, while the
metadata may hold the update time, a date of another story, or nothing at all. This module reads
the text that follows the article's <h1> (and a little before it) in document order, and returns
the first full date there (day, month and year, with the time and zone when shown) that is not
labelled as an update. Machine-readable attributes of that region count too
(``<abbr title="2011-08-25T01:40:40Z">1 hr ago</abbr>``, ``<time datetime>``).

Text inside embedded posts (block quotes, social embeds), figures, captions and related-story
boxes is skipped: their dates belong to other content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from newsspider.extract.metadata.common import _off_article, off_article_name
from newsspider.extract.text import may_hold, normalize_ws

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MON = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_DATE = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<mon2>{_MON})\.?,?\s+(?P<year2>(?:19|20)\d\d)\b"
    rf"|\b(?P<n1>\d{{1,2}})(?P<sep3>[/.])(?P<n2>\d{{1,2}})(?P=sep3)(?P<year3>(?:19|20)\d\d)\b"
    rf"|\b(?P<year4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b"
    # "12.29.14", "29/12/14": two-digit years, read only in the dateline next to the headline
    rf"|(?<![\d.])(?P<s1>\d{{1,2}})(?P<sep>[./])(?P<s2>\d{{1,2}})(?P=sep)(?P<yy>\d\d)(?![\d.])",
    re.IGNORECASE,
)
_ZONES = {"UTC": 0, "GMT": 0, "ET": None, "EST": -5, "EDT": -4, "CT": None, "CST": -6,
          "CDT": -5, "MT": None, "MST": -7, "MDT": -6, "PT": None, "PST": -8, "PDT": -7,
          "BST": 1, "CET": 1, "CEST": 2, "KST": 9, "JST": 9, "SGT": 8, "HKT": 8, "IST": 5.5,
          "AEST": 10, "AEDT": 11}
# the time right after the date: "Dec 13, 2016 at 3:45 pm", "December 19, 2016 | 7:08pm",
# "Nov 12, 2015, 3:43 PM ET", "10:00 PM UTC"
_TIME = re.compile(
    r"^(?:\s*(?:[,|/·•–—-]|\bat\b|\bum\b|@)\s*|\s+){0,4}"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d\d)(?::(?P<s>\d\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)?"
    r"(?:\s*(?P<tz>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b)?",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(?:updated?|modified|edited|last\s+changed|aktualisiert|geändert|"
                      r"mis\s+à\s+jour|actualizado)\b[^|]{0,12}$", re.IGNORECASE)
_ISO_ATTR = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d.*)?$")
_SKIP_TAGS = {"script", "style", "noscript", "template", "blockquote", "figure", "figcaption",
              "iframe", "svg", "button", "select", "option"}
_EMBED_WORDS = ("instagram", "twitter", "tweet", "tiktok", "facebook-post", "embed", "caption")
_EMBED_CLASS = re.compile("|".join(_EMBED_WORDS), re.IGNORECASE)

BEFORE_CHARS = 300  # text read before the <h1> (a dateline above the headline)
AFTER_CHARS = 900  # and after it
MAX_PIECE = 100  # a dateline is a short text of its own
MAX_AROUND = 60  # ... in which the date is the main part
AFTER_ELEMENTS = 150  # (at most this many elements: menus, icons and share bars hold no text)


@dataclass
class Dateline:
    when: datetime  # naive wall time unless the page gives a zone
    has_time: bool
    raw: str


def visible_dateline(page: Any, h1: Any, *, day_first: bool = False) -> Dateline | None:
    """The first dated, non-update text near the headline element `h1` (None without one)."""
    if h1 is None:
        return None
    skip = _Skipper()
    found = _first_date(_texts_after(page.tree, h1, skip), day_first)
    if found is None:  # the text before the headline is read only when the text after has no date
        found = _first_date(_texts_before(page.tree, h1, skip), day_first)
    return found


def skipped(el: Any) -> bool:
    """True for an element inside an embed, a figure/caption, a block quote or a related box."""
    for node in (el, *el.iterancestors()):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS:
            return True
        if tag in ("article", "main", "body"):
            break
        ident = (node.get("class") or "") + " " + (node.get("id") or "")
        if ident.strip() and _embed_name(ident):
            return True
    return _off_article(el)


@lru_cache(maxsize=4096)
def _embed_name(ident: str) -> bool:
    """``_EMBED_CLASS.search(ident)``, run only on a name that may hold its words (`may_hold`)."""
    return may_hold(ident, _EMBED_WORDS) and _EMBED_CLASS.search(ident) is not None


_BOX_TAGS = frozenset(_SKIP_TAGS | {"aside", "footer", "nav"})
_SCOPE_TAGS = frozenset(("article", "main", "body"))


@lru_cache(maxsize=4096)
def _skip_name(ident: str) -> bool:
    """`ident` (class + " " + id) names an embed or a box off the article text."""
    return bool(ident.strip()) and (_embed_name(ident) or off_article_name(ident))


class _Skipper:
    """`skipped` for many elements of one page, each ancestor judged once (memoised)."""

    def __init__(self) -> None:
        self.memo: dict[Any, bool] = {}

    def __call__(self, el: Any) -> bool:
        memo = self.memo
        chain = []
        node = el
        result = False
        while node is not None:
            known = memo.get(node)
            if known is not None:
                result = known
                break
            chain.append(node)
            tag = node.tag
            if tag in _BOX_TAGS:  # a comment's tag is a function: in no set
                result = True
                break
            if tag in _SCOPE_TAGS:
                # an article nested in an article is a teaser card
                result = tag == "article" and any(a.tag == "article" for a in node.iterancestors())
                break
            cls = node.get("class")
            ident = node.get("id")
            if (cls is not None or ident is not None) and _skip_name((cls or "") + " " + (ident or "")):
                result = True
                break
            node = node.getparent()
        for n in chain:
            memo[n] = result
        return result


def _texts_around(tree: Any, h1: Any) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """(pieces before the <h1>, pieces after it), each piece a visible text or an ISO date from
    an attribute, in document order; the 'before' list is nearest-first."""
    skip = _Skipper()
    after = list(_texts_after(tree, h1, skip))
    return _texts_before(tree, h1, skip), after


def _texts_after(tree: Any, h1: Any, skip: _Skipper) -> Iterator[tuple[str, Any]]:
    """The pieces after the <h1> (not inside it), in document order, up to AFTER_CHARS of text
    or AFTER_ELEMENTS elements, made as they are read. The subtree of a skipped element is
    passed over at once (all of it is skipped too, unless an article/main/body inside it
    starts a judgement of its own)."""
    if h1 is not tree and not any(a is tree for a in h1.iterancestors()):
        return  # an <h1> outside the tree: nothing of the tree follows it
    n_after = n_elements = 0
    resume = None  # after a passed-over subtree: the node that follows it
    for el in _following(tree, h1):
        if resume is not None:
            if el is not resume:
                continue
            resume = None
        if not isinstance(el.tag, str):
            continue
        if skip(el):
            if len(el) and next(el.iterdescendants("article", "main", "body"), None) is None:
                resume = _next_after(el, tree)
                if resume is None:
                    break
            continue
        if el.text and el.text.strip():
            t = normalize_ws(el.text)
            yield t, el
            n_after += len(t)
        iso = _iso_attribute(el)
        if iso:
            yield "\x00" + iso, el
        if el.tail and el.tail.strip():
            t = normalize_ws(el.tail)
            yield t, el
            n_after += len(t)
        n_elements += 1
        if n_after > AFTER_CHARS or n_elements > AFTER_ELEMENTS:
            break


def _texts_before(tree: Any, h1: Any, skip: _Skipper) -> list[tuple[str, Any]]:
    """The nearest texts before the <h1> (nearest first) that are not skipped, up to
    BEFORE_CHARS (every text of the tree when the <h1> is not in it)."""
    before: list[tuple[str, Any]] = []
    for el in tree.iter():
        if el is h1:
            break
        # the tag first: reading .text copies it (scripts and styles hold most of a page)
        if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS and el.text:
            before.append((el.text, el))  # normalised below, only the nearest ones
    near: list[tuple[str, Any]] = []
    total = 0
    for raw, el in reversed(before):
        if not raw.strip() or skip(el):
            continue
        t = normalize_ws(raw)
        near.append((t, el))
        total += len(t)
        if total > BEFORE_CHARS:
            break
    return near


def _following(tree: Any, h1: Any) -> Iterator[Any]:
    """The nodes after `h1` (not inside it) under `tree`, in document order."""
    node = h1
    while node is not tree:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


def _next_after(el: Any, tree: Any) -> Any:
    """The node that follows `el`'s subtree in document order under `tree` (None at the end)."""
    node = el
    while node is not None and node is not tree:
        nxt = node.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
    return None


def _iso_attribute(el: Any) -> str | None:
    """The machine-readable date of a <time>/<abbr>-like element whose own text shows none
    ("1 hr ago"); when the text shows a date, the text is what readers see and wins."""
    if el.tag not in ("time", "abbr", "span", "div"):
        return None
    for attr in ("datetime", "title", "content"):
        v = el.get(attr)
        if v and _ISO_ATTR.match(v):
            return None if _DATE.search(el.text_content() or "") else v.strip()
    return None


class _Pieces:
    """A list of pieces read from an iterator only as far as it is indexed."""

    def __init__(self, pieces: Iterable[tuple[str, Any]]) -> None:
        self.items: list[tuple[str, Any]] = []
        self.rest = iter(pieces)

    def get(self, i: int) -> tuple[str, Any] | None:
        items = self.items
        while len(items) <= i:
            nxt = next(self.rest, None)
            if nxt is None:
                return None
            items.append(nxt)
        return items[i]


def _first_date(texts: Iterable[tuple[str, Any]], day_first: bool) -> Dateline | None:
    """The first dateline among the pieces, read lazily (the walk making them stops here)."""
    pieces = _Pieces(texts)
    i = -1
    while (piece := pieces.get(i := i + 1)) is not None:
        text = piece[0]
        if text.startswith("\x00"):
            dt = _iso(text[1:])
            if dt is not None:
                return Dateline(dt, "T" in text or " " in text[11:], text[1:])
            continue
        if len(text) > MAX_PIECE:
            continue  # a date inside running text ("On 13.04.2025 he died in Lima") is content
        for m in _DATE.finditer(text):
            if len(text) - (m.end() - m.start()) > MAX_AROUND:
                continue  # the date is a small part of a sentence, not a dateline
            prefix = text[:m.start()]
            if not prefix.strip() and i > 0:
                prefix = pieces.items[i - 1][0][-30:] + " " + prefix
            if _UPDATED.search(prefix[-40:]):
                continue
            date = _date(m, day_first)
            if date is None:
                continue
            rest = text[m.end():]
            j = i + 1
            while not rest.strip(" |,/·•–—-") and j <= i + 3 and (nxt := pieces.get(j)) is not None:
                rest += " " + nxt[0]  # the time may sit in the next element
                j += 1
            return _with_time(date, rest, text[m.start():m.end()])
    return None


def _date(m: re.Match[str], day_first: bool) -> datetime | None:
    try:
        if m["mon"]:
            return datetime(int(m["year"]), _MONTHS[m["mon"].lower()], int(m["day"]))
        if m["mon2"]:
            return datetime(int(m["year2"]), _MONTHS[m["mon2"].lower()], int(m["day2"]))
        if m["n1"]:
            a, b = int(m["n1"]), int(m["n2"])
            # "22.08.2024": dotted numeric dates are day-first everywhere; slashes follow the page
            first = day_first or m["sep3"] == "."
            month, day = (b, a) if (first and b <= 12) or a > 12 else (a, b)
            return datetime(int(m["year3"]), month, day)
        if m["year4"]:
            return datetime(int(m["year4"]), int(m["m4"]), int(m["d4"]))
        a, b = int(m["s1"]), int(m["s2"])
        month, day = (b, a) if day_first or a > 12 else (a, b)
        return datetime(2000 + int(m["yy"]), month, day)
    except ValueError:
        return None


def _with_time(date: datetime, rest: str, raw: str) -> Dateline:
    t = _TIME.match(rest)
    if not t:
        return Dateline(date, False, raw)
    h, mi = int(t["h"]), int(t["mi"])
    ap = (t["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return Dateline(date, False, raw)
    when = date.replace(hour=h, minute=mi, second=int(t["s"] or 0))
    zone = (t["tz"] or "").upper()
    offset = _ZONES.get(zone)
    if offset is None and zone in ("ET", "CT", "MT", "PT"):
        offset = _us_offset(zone, when)
    if offset is not None:
        when = when.replace(tzinfo=timezone(timedelta(hours=offset)))
    return Dateline(when, True, raw + rest[:t.end()])


def _us_offset(zone: str, when: datetime) -> float:
    """ET/CT/MT/PT: standard or daylight time (second Sunday of March to first Sunday of
    November, the US rule since 2007; close enough for the dates of news pages)."""
    base = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}[zone]
    y = when.year
    march = datetime(y, 3, 8 + (6 - datetime(y, 3, 8).weekday()) % 7, 2)
    november = datetime(y, 11, 1 + (6 - datetime(y, 11, 1).weekday()) % 7, 2)
    return base + 1 if march <= when < november else base


def _iso(v: str) -> datetime | None:
    from newsspider.extract.metadata.published import parse_date

    return parse_date(v)
