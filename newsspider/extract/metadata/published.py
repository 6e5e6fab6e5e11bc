"""Publication and modification dates: metadata, <time> elements and the visible dateline."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

from lxml import etree

from newsspider.extract.lazyre import lazy
from newsspider.extract.metadata.common import _jsonld_str, _off_article, _parsely_page
from newsspider.extract.metadata.dateline import Dateline, skipped, visible_dateline
from newsspider.extract.page import Page, css_select
from newsspider.extract.text import clean_text, normalize_ws

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "published_time", "datepublished", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dc.date.created", "dcterms.created", "date", "pubdate", "publishdate", "publish-date",
    "publish_date", "article_date_original", "cxenseparse:recs:publishtime",
    "citation_publication_date", "article.published", "og:pubdate", "originalpublicationdate",
    "displaydate", "date_published", "article:post_date", "bt:pubdate", "buildDate".lower(),
)
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "datemodified", "dc.date.modified", "dcterms.modified", "lastmod", "last-modified",
    "parsely-updated", "sailthru.updated", "modified_time", "article:updated_time", "bt:moddate",
)
_TIME_IN_DT = re.compile(r"\d{1,2}:\d{2}")


# ---------------------------------------------------------------------------------- dates

_TZ_ABBR = {"UTC": 0, "GMT": 0, "Z": 0, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "BST": 1,
            "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
            "PDT": -7, "KST": 9, "JST": 9, "IST": 5.5, "AEST": 10, "AEDT": 11, "EET": 2,
            "EEST": 3, "WET": 0, "WEST": 1}


# "Published: 2026.09.03 09:00 KST", "Updated on 2026.01.15", "입력 2026.03.14 09:30"
_DATE_LABEL = re.compile(r"^(?:published|posted|updated|modified|last updated|date|입력|수정|"
                         r"veröffentlicht|aktualisiert|publié|publicado)\s*(?:on|at|am|le|el)?\s*[:|]?\s*",
                         re.IGNORECASE)
_DOTTED_YMD = re.compile(r"\b(\d{4})\.(\d{1,2})\.(\d{1,2})\b\.?")
_MONTHS = {  # month names of common European languages -> English, for visible datelines
    "januar": "January", "jänner": "January", "janvier": "January", "enero": "January",
    "gennaio": "January", "februar": "February", "février": "February", "febrero": "February",
    "febbraio": "February", "märz": "March", "mars": "March", "marzo": "March", "avril": "April",
    "abril": "April", "aprile": "April", "mai": "May", "mayo": "May", "maggio": "May",
    "juni": "June", "juin": "June", "junio": "June", "giugno": "June", "juli": "July",
    "juillet": "July", "julio": "July", "luglio": "July", "août": "August", "agosto": "August",
    "septembre": "September", "septiembre": "September", "settembre": "September",
    "oktober": "October", "octobre": "October", "octubre": "October", "ottobre": "October",
    "dezember": "December", "décembre": "December", "diciembre": "December", "dicembre": "December",
}
_MONTH_WORD = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_DATE_FILLER = lazy(r"\b(?:um|uhr|à|a las|alle|ore|de|del)\b|(?<=\d)\.(?=\s)", re.IGNORECASE)
_DOTTED_DMY = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # European dotted dates are day-first


def parse_date(raw: str | None) -> datetime | None:
    """Parse a date string from metadata; aware when the string carries an offset, else naive.
    An impossible date (``2026-02-30``, an epoch past year 9999) is no date, never an error."""
    try:
        return _parse_date(raw)
    except (ValueError, OverflowError, OSError):
        return None


def _parse_date(raw: str | None) -> datetime | None:
    if not raw or not isinstance(raw, str):
        return None
    s = clean_text(raw)
    if not s:
        return None
    if s.isdigit() and len(s) in (10, 13):  # epoch seconds / milliseconds
        ts = int(s) / (1000 if len(s) == 13 else 1)
        return datetime.fromtimestamp(ts, UTC)
    s = _DATE_LABEL.sub("", s)
    s = _DOTTED_YMD.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", s)
    s = _DOTTED_DMY.sub(lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", s)
    if _MONTH_WORD.search(s):  # "13. Mai 2026 um 15:44", "13 de mayo de 2026"
        s = _MONTH_WORD.sub(lambda m: _MONTHS[m[1].lower()], s)
        s = " ".join(_DATE_FILLER.sub(" ", s).split())
    iso = s.replace("Z", "+00:00") if s.endswith("Z") else s
    iso = re.sub(r"(\.\d{6})\d+", r"\1", iso)  # nanoseconds
    iso = re.sub(r"([+-]\d{2})$", r"\1:00", iso) if re.search(r"T\d.*[+-]\d{2}$", iso) else iso
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    return _dateutil_parse(s) or (
        datetime(int(m[1]), int(m[2]), int(m[3])) if m and _valid_ymd(m) else None
    )


def _valid_ymd(m: re.Match[str]) -> bool:
    return 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31


def _dateutil_parse(s: str) -> datetime | None:
    if not re.search(r"\d{4}", s) or len(s) > 80 or _not_for_dateutil(s):
        return None
    try:
        from dateutil import parser as du
    except ImportError:  # pragma: no cover
        return None
    tzinfos = {k: int(v * 3600) for k, v in _TZ_ABBR.items()}
    try:
        with warnings.catch_warnings():  # unknown zone names ("MYT") just give a naive date
            warnings.simplefilter("ignore")
            return du.parse(s, tzinfos=tzinfos, fuzzy=False)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None


def _not_for_dateutil(s: str) -> bool:
    """dateutil's parser (fuzzy=False) raises on any word it does not know, and it knows English
    words only: a letter whose lower case is not ASCII ("Thứ tư, 22/10/2025", "12. MÄR 2025")
    makes it fail, unless "of" lets its "Jan of X" branch skip that word. Such a string is not
    handed to it, and a page with no other date string does not import it (~0.09 G instructions
    of `newsspider extract FILE`)."""
    return any(c.isalpha() and not c.lower().isascii() for c in s) and "of" not in s.lower()


def _profile_tz(page: Page) -> tzinfo | None:
    prof = page.profile or {}
    tz = prof.get("timezone")
    if not tz or not isinstance(tz, str):
        return None
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", tz.strip())
    if m:
        mins = int(m[2]) * 60 + int(m[3] or 0)
        return timezone(timedelta(minutes=mins if m[1] == "+" else -mins))
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(tz)
    except Exception:  # noqa: BLE001 - unknown zone name in a profile: ignore it
        return None


def _plausible(dt: datetime, page: Page) -> bool:
    if dt.year < 1990:
        return False
    fetched = page.fetched_at
    if dt.tzinfo is None:
        # naive: compare wall times with a day of slack for the unknown offset
        ref = fetched.replace(tzinfo=None) if fetched.tzinfo else fetched
        return dt <= ref + timedelta(days=1)
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=UTC)
    return dt <= fetched + timedelta(minutes=5)


def _format(dt: datetime, raw: str) -> str:
    has_time = bool(_TIME_IN_DT.search(raw)) or raw.strip().isdigit()
    if not has_time and dt.tzinfo is None:
        return dt.date().isoformat()
    return dt.isoformat()


_ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


def _date_from(page: Page, raws: Iterable[str | None]) -> tuple[str | None, str | None]:
    """First plausible date among raw candidates; a naive one borrows a matching offset.

    `raws` is read lazily, only as far as the answer needs: to the first plausible date when it
    carries an offset, else on to the first one with an offset within a minute of it (the
    later candidates of a page, DOM walks among them, are then never computed)."""
    first: tuple[datetime, str] | None = None
    seen: list[str | None] = []
    for raw in raws:
        seen.append(raw)
        dt = parse_date(raw) if raw else None
        if dt is None or not raw or not _plausible(dt, page):
            continue
        if first is None:
            first = (dt, raw)
            if dt.tzinfo is not None:
                break
        elif dt.tzinfo is not None and abs(dt.replace(tzinfo=None) - first[0]) < timedelta(minutes=1):
            first = (first[0].replace(tzinfo=dt.tzinfo), first[1])
            break
    else:
        if first is None:
            if any(raw and _ISO_DAY.match(raw.strip()) for raw in seen):
                page.notes.add("unreadable_date")  # 2026-02-30 and the like: no date, counted
            return None, None
        if first[0].tzinfo is None:
            tz = _profile_tz(page)
            if tz is not None:
                first = (first[0].replace(tzinfo=tz), first[1])
    dt, raw = first
    return _format(dt, raw), clean_text(raw)


def _published(page: Page, art: dict[str, Any], selector: Any,
               h1: Any = None) -> tuple[str | None, str | None]:
    """The original publication time, as the page shows it.

    Metadata candidates (JSON-LD, meta tags, <time> elements in the article, date-classed
    texts) give a first value; the visible dateline next to the headline then decides when
    it shows an earlier day, because metadata often holds the update time or a date of
    another story (a later day shown is an update time whose label the page left out).
    When both agree on the instant, the dateline's wall clock tells the publisher's offset.
    """
    if selector:
        raws = [el.get("datetime") or el.get("content") or normalize_ws(el.text_content())
                for el in css_select(page.tree, selector)]
        value, raw = _date_from(page, raws)
        if value:
            return value, raw
    value, raw = _date_from(page, _published_candidates(page, art))
    line = visible_dateline(page, h1, day_first=_day_first(page))
    if line is None or not _plausible(line.when, page):
        return value, raw
    return _reconcile(value, raw, line, page)


def _published_candidates(page: Page, art: dict[str, Any]) -> Iterator[str | None]:
    """The raw publication dates of a page, strongest source first (read lazily)."""
    yield _jsonld_str(art, "datePublished")
    for key in PUBLISHED_META:
        yield _meta_value(page, key)
    yield _parsely_page(page).get("pub_date")
    yield from _article_time_elements(page)
    yield _jsonld_str(art, "dateCreated")
    yield from _dom_date_texts(page)
    for obj in page.jsonld:  # other objects (WebPage etc.) as a last resort
        if obj is not art:
            yield _jsonld_str(obj, "datePublished")


def _reconcile(value: str | None, raw: str | None, line: Dateline, page: Page
               ) -> tuple[str | None, str | None]:
    shown = line.when
    meta = parse_date(value) if value else None
    if meta is None:
        return _format_shown(shown, line.has_time, page), line.raw
    meta_day = meta.date()
    shown_day = shown.astimezone(meta.tzinfo).date() if shown.tzinfo and meta.tzinfo else shown.date()
    if shown_day > meta_day:
        # a later date shown by the headline is an update (or print-edition) date: the
        # metadata keeps the original publication
        return value, raw
    if shown.tzinfo is not None and line.has_time:
        if meta.tzinfo is not None and abs(meta - shown) < timedelta(minutes=2):
            return meta.astimezone(shown.tzinfo).isoformat(), raw  # keeps the seconds
        return shown.isoformat(), line.raw
    if meta.tzinfo is not None:
        if line.has_time:
            # the wall clock shown minus the instant in UTC is the publisher's offset
            diff = shown - meta.astimezone(UTC).replace(tzinfo=None)
            quarter = round(diff.total_seconds() / 900) * 900
            if abs(diff.total_seconds() - quarter) <= 120 and abs(quarter) <= 14 * 3600:
                local = meta.astimezone(timezone(timedelta(seconds=quarter)))
                return local.isoformat(), raw
        if meta.date() == shown.date():
            return value, raw
        utc = meta.astimezone(UTC).replace(tzinfo=None)
        if not line.has_time and shown - timedelta(hours=14) <= utc < shown + timedelta(hours=38):
            # the same day seen from another zone: the page's own calendar day counts
            return shown.date().isoformat(), line.raw
        return _format_shown(shown, line.has_time, page), line.raw
    if meta.date() == shown.date():
        return value, raw
    return _format_shown(shown, line.has_time, page), line.raw


def _format_shown(shown: datetime, has_time: bool, page: Page) -> str:
    if not has_time:
        return shown.date().isoformat()
    if shown.tzinfo is None:
        tz = _profile_tz(page)
        if tz is not None:
            shown = shown.replace(tzinfo=tz)
    return shown.isoformat()


def _day_first(page: Page) -> bool:
    """Whether numeric dates on this page read day/month (everywhere but the US)."""
    lang = (page.tree.get("lang") or page.meta_first("og:locale", "content-language") or "").lower()
    return bool(lang) and not lang.replace("_", "-").startswith(("en-us", "en")) or \
        lang.replace("_", "-") in ("en-gb", "en-au", "en-in", "en-ie", "en-nz", "en-za", "en-sg")


def _meta_value(page: Page, key: str) -> str | None:
    """A <meta> value by name; itemprop="datePublished" only from <head> (microdata inside
    the page may describe other stories), and the non-standard value="..." attribute too."""
    extra = _extra_meta(page)
    if key == "datepublished":
        return extra.get("\x00head-datepublished")
    return page.meta_first(key) or extra.get(key)


def _extra_meta(page: Page) -> dict[str, str]:
    """Per page, once: <meta name=... value=...> values and the <head> itemprop datePublished."""
    cached = getattr(page, "_newsspider_extra_meta", None)
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    head = page.tree.find("head")
    for el in head.iter("meta") if head is not None else ():
        if (el.get("itemprop") or el.get("name") or "").lower() == "datepublished" and el.get("content"):
            out.setdefault("\x00head-datepublished", str(el.get("content")))
    for el in page.tree.iter("meta"):
        name = (el.get("name") or el.get("property") or "").lower()
        if name and el.get("value") and el.get("content") is None:
            out.setdefault(name, str(el.get("value")))
    try:
        page._newsspider_extra_meta = out  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - a slotted Page
        pass
    return out


def _date_text(el: Any, *, prefer_time: bool = False) -> str:
    """The date an element shows: its whole text, or its first inner <time> (the datetime, else
    the text) when it holds several (their texts would glue into one value,
    "2022-02-112023-06-08": published, then updated) or when `prefer_time`."""
    times = [t for t in el.iter("time") if t is not el][:2]
    if times and (prefer_time or len(times) > 1):
        return times[0].get("datetime") or normalize_ws(times[0].text_content())
    return normalize_ws(el.text_content())


# the elements with itemprop="datePublished", in document order: selected through the attribute
# (//@itemprop[...]/..), which libxml2 evaluates ~6x faster than //*[@itemprop="datePublished"]
_ITEMPROP_PUBLISHED = etree.XPath('//@itemprop[. = "datePublished"]/..')


def _article_time_elements(page: Page) -> list[str]:
    out = []
    tree = page.tree
    for el in _ITEMPROP_PUBLISHED(tree):
        v = el.get("datetime") or el.get("content") or _date_text(el, prefer_time=True)
        if v and not skipped(el):
            out.append(v)
    for el in tree.iter("time"):
        v = el.get("datetime")
        if v and not skipped(el):
            out.append(v)
    return out


_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|time|published|pubdate|timestamp|realtime|"
                         r"dateline|datum|fecha)(?:$|[\s_-])", re.IGNORECASE)


# the elements whose class holds one of the words, in document order: selected through their
# class attribute (//@class[...]/..), which libxml2 evaluates ~35% faster than //*[contains(@class, ...)]
_DATE_CLASSED = etree.XPath('//@class[contains(., "date") or contains(., "time") or contains(., "publish")]/..')


def _dom_date_texts(page: Page) -> list[str]:
    """Visible date texts in date-classed elements of the article ("Monday, May 27, 2024")."""
    out = []
    for el in _DATE_CLASSED(page.tree):
        if not _DATE_CLASS.search(el.get("class") or "") or _off_article(el):
            continue
        t = _date_text(el)
        if 6 <= len(t) <= 60 and re.search(r"\d{4}", t):
            out.append(t)
        if len(out) >= 3:
            break
    return out


