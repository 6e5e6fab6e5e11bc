"""Article metadata: title, subtitle, authors, dates, language, tags, canonical URL, lead image.

Sources, strongest first: the JSON-LD object that describes this page (``NewsArticle`` and
friends, ``@graph`` flattened by `Page`), OpenGraph / ``<meta>`` tags, then the DOM (``<h1>``,
``<time datetime>`` inside the article, byline elements). Site profiles may add CSS selectors
(``[selectors] title / authors / published``), which win over everything else.

Pure function of a `Page`; no network, no Scrapy.
"""

from __future__ import annotations

import json
import re
import warnings
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsspider.extract.page import Page, css_select, jsonld_types
from newsspider.extract.text import clean_text, fold, normalize_ws

__all__ = ["extract_metadata", "parse_date"]

ARTICLE_TYPES = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
    "LiveBlogPosting", "Report", "TechArticle", "SatiricalArticle", "ScholarlyArticle",
    "SocialMediaPosting", "DiscussionForumPosting", "Review", "Blog", "Recipe",
}
PAGE_TYPES = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "VideoObject", "Event"}
ORG_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand",
             "GovernmentOrganization", "EducationalOrganization"}

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
AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "byl", "cxenseparse:author", "article.author",
    "authors", "author_name", "twitter:data1:author", "citation_author",
)

# a DOM element whose class/id says it is not the article itself (dates and bylines there belong
# to other stories)
_OFF_ARTICLE = re.compile(
    r"related|recommend|teaser|more-|-more|readmore|read-more|sidebar|aside|footer|nav|"
    r"comment|widget|popular|trending|newsletter|promo|carousel|slider|list-item|card",
    re.IGNORECASE,
)
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|text|story|words|photos?|fotos?|video|interview)\s+)?"
    r"(?:by|von|par|por|di|door|af|av|de|text|autor(?:in)?|author|auteur|redaktion|from)"
    r"\s*[:\-]?\s+",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\+|\s(?:and|und|et|y|e|en|og|och|und)\s)\s*", re.IGNORECASE)
_INNER_BY = re.compile(r"(?:^|\s)(?:von|by|par|por|door)\s+(?=[A-ZÄÖÜÉ])")
_TRAILING_DATE = re.compile(r"\s+\d{1,4}[./-]\s?(?:\d{1,2}[./-]?|[A-Za-zäöüé]+\.?)\s?\d{0,4}.*$")
_URLISH = re.compile(r"^(?:https?:|www\.)|\.(?:com|org|net|de|at|ch|uk)/|@", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|«|/|•|\*)\s+|\s*[：｜ㅣ]\s*|(?<=\S)-(?=\S+ㅣ)")
_TIME_IN_DT = re.compile(r"\d{1,2}:\d{2}")


def extract_metadata(page: Page) -> dict[str, Any]:
    """Metadata of one article page (see the contract in the package docs)."""
    art = _main_jsonld(page)
    site_name = _site_name(page, art)
    canonical = _canonical_url(page)

    selectors = _profile_selectors(page)
    title = _title(page, art, site_name, selectors.get("title"))
    published, published_raw = _published(page, art, selectors.get("published"))
    modified, modified_raw = _date_from(
        page,
        [_jsonld_str(art, "dateModified")] + [page.meta_first(k) for k in MODIFIED_META],
    )
    return {
        "title": title,
        "subtitle": _subtitle(page, art, title),
        "authors": _authors(page, art, site_name, selectors.get("authors")),
        "published": published,
        "published_raw": published_raw,
        "modified": modified,
        "modified_raw": modified_raw,
        "language": _language(page, art),
        "tags": _tags(page, art),
        "description": _description(page, art),
        "section": _section(page, art),
        "canonical_url": canonical,
        "site_name": site_name,
        "image": _image(page, art),
    }


# --------------------------------------------------------------------------- JSON-LD choice


def _url_key(url: str | None) -> str:
    if not url or not isinstance(url, str):
        return ""
    parts = urlsplit(url.strip())
    return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")).lower()


def _jsonld_url(obj: dict[str, Any]) -> list[str]:
    out = []
    for key in ("url", "@id", "mainEntityOfPage"):
        v = obj.get(key)
        if isinstance(v, dict):
            v = v.get("@id") or v.get("url")
        if isinstance(v, str):
            out.append(v)
    return out


def _main_jsonld(page: Page) -> dict[str, Any]:
    """The JSON-LD object describing this article (empty dict when there is none)."""
    page_keys = {_url_key(page.url)}
    canon = _canonical_url(page)
    if canon:
        page_keys.add(_url_key(canon))
    title_keys = {fold(page.meta_first("og:title")), fold(_title_tag(page))}
    best: tuple[float, int] = (0.0, 0)
    chosen: dict[str, Any] = {}
    for i, obj in enumerate(page.jsonld):
        types = jsonld_types(obj)
        if types & ARTICLE_TYPES:
            score = 3.0
        elif types & PAGE_TYPES and ("headline" in obj or "datePublished" in obj) or not types and "headline" in obj:
            score = 1.0
        else:
            continue
        if any(_url_key(u) in page_keys for u in _jsonld_url(obj)):
            score += 2
        headline = fold(_as_text(obj.get("headline") or obj.get("name")))
        if headline and any(headline == t or (t and headline in t) for t in title_keys):
            score += 1.5
        if "articleBody" in obj:
            score += 0.5
        if "datePublished" in obj:
            score += 0.5
        if "author" in obj:
            score += 0.25
        if (score, -i) > (best[0], best[1]):
            best = (score, -i)
            chosen = obj
    return chosen


def _as_text(v: Any) -> str:
    if isinstance(v, list):
        v = next((x for x in v if isinstance(x, str) and x.strip()), "")
    if isinstance(v, dict):
        v = v.get("name") or v.get("@value") or ""
    return clean_text(v) if isinstance(v, str) else ""


def _jsonld_str(obj: dict[str, Any], key: str) -> str | None:
    v = obj.get(key)
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, dict):
        v = v.get("@value")
    return v if isinstance(v, str) and v.strip() else None


# ---------------------------------------------------------------------------------- title


def _title_tag(page: Page) -> str:
    el = page.tree.find(".//title")
    return normalize_ws(el.text_content()) if el is not None else ""


def _h1s(page: Page) -> list[str]:
    out = []
    for el in page.tree.iter("h1"):
        t = normalize_ws(el.text_content())
        if t and len(t) < 400:
            out.append(t)
    return out


def _site_name(page: Page, art: dict[str, Any]) -> str | None:
    name = page.meta_first("og:site_name", "application-name", "al:ios:app_name", "twitter:site")
    if name and not name.startswith("@"):
        return clean_text(name)
    pub = art.get("publisher")
    if isinstance(pub, list):
        pub = pub[0] if pub else None
    if isinstance(pub, dict) and _as_text(pub.get("name")):
        return _as_text(pub.get("name"))
    for obj in page.jsonld:
        if jsonld_types(obj) & {"WebSite", "NewsMediaOrganization"} and _as_text(obj.get("name")):
            return _as_text(obj.get("name"))
    return clean_text(name.lstrip("@")) if name else None


def _site_tokens(page: Page, site_name: str | None) -> set[str]:
    """Folded strings that identify the site in a title suffix."""
    keys = set()
    if site_name:
        keys.add(fold(site_name))
    host = urlsplit(page.url).netloc.lower().removeprefix("www.")
    if host:
        keys.add(host)
        keys.add(host.split(".")[0])
        keys.add(host.rsplit(".", 1)[0])
    return {k for k in keys if k}


def _is_site_part(part: str, site_keys: set[str]) -> bool:
    f = fold(part)
    squashed = re.sub(r"[\s.\-]", "", f)
    for k in site_keys:
        ks = re.sub(r"[\s.\-]", "", k)
        if not ks:
            continue
        if f == k or squashed == ks or (len(ks) >= 3 and (ks in squashed or squashed in ks)
                                        and len(squashed) <= len(ks) + 12):
            return True
    return False


def strip_site_suffix(title: str, site_keys: set[str], others: list[str] = ()) -> str:  # type: ignore[assignment]
    """Remove " | Site Name" style prefixes/suffixes from a title."""
    title = clean_text(title)
    if not title:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    # drop site-looking segments at either end
    n_parts = len(parts)
    while len(parts) > 1 and _is_site_part(parts[-1], site_keys):
        parts.pop()
    # "Headline - Section | Site": a short section label left in front of the site name
    if (len(parts) < n_parts and len(parts) >= 2 and len(parts[-1]) <= 20
            and len(parts[-1].split()) <= 2 and len(parts[0]) >= 20):
        parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], site_keys):
        parts.pop(0)
    stripped = _rejoin(title, parts)
    if stripped != title:
        return stripped
    # another source (og:title / h1) equals a prefix of this one: cut there
    folded = fold(title)
    for other in others:
        o = fold(other)
        if o and o != folded and folded.startswith(o) and _TITLE_SEPARATORS.match(
            title[len(other):len(other) + 4] or " "
        ):
            return clean_text(other)
    return title


def _rejoin(title: str, parts: list[str]) -> str:
    """The original substring of `title` spanning `parts` (keeps the original separators)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def _title(page: Page, art: dict[str, Any], site_name: str | None, selector: Any) -> str | None:
    """The headline.

    Order of trust: the JSON-LD headline of the article (the structured, canonical headline;
    og:title is often a rewritten social-media variant), og:title, the first <h1>, the
    Twitter title, then <title>; each stripped of site-name parts. The chosen one is then
    repaired against the others: a section/kicker part that the other sources do not carry is
    cut off, a truncated one ("...") gives way to its full form, and typographic quotes
    follow the majority of the sources.
    """
    if selector:
        t = _select_text(page, selector)
        if t:
            return t
    site_keys = _site_tokens(page, site_name)
    h1s = _h1s(page)
    og = clean_text(page.meta_first("og:title"))
    tw = clean_text(page.meta_first("twitter:title", "dc.title", "title"))
    headline = _as_text(art.get("headline")) or _as_text(art.get("name"))
    tag = _title_tag(page)
    raw = [x for x in (headline, og, *h1s[:1], tw, tag) if x]
    if not raw:
        return None
    others = raw + h1s[1:3]
    cands = [c for c in (strip_site_suffix(x, site_keys, others) for x in raw) if c]
    if not cands:
        return None
    best = cands[0]
    # an unescaped quote inside content="..." or a 110-character limit cuts a title short
    for c in cands[1:]:
        if len(c) > len(best) and (
            c.startswith(best) and c[len(best):].lstrip()[:1] in '"“„«'
            or best.endswith(("...", "…")) and c.startswith(best.rstrip(".… "))
        ):
            best = c
    if best.endswith(("...", "…")):
        best = next((c for c in cands if not c.endswith(("...", "…"))), best)
    # "Section | Headline", "Headline - Section": another source has the bare headline
    if not (headline and og and headline == og):
        best = _cut_to_part(best, cands)
    return _majority_quotes(best, cands)


def _cut_to_part(title: str, cands: list[str]) -> str:
    """`title` reduced to another candidate it contains between title separators."""
    for c in cands:
        if len(c) >= len(title) or len(c) < 10:
            continue
        i = title.find(c)
        if i < 0:
            continue
        before, after = title[:i], title[i + len(c):]
        if (not before or _SEP_END.search(before)) and (not after or _SEP_START.match(after)):
            return c
    return title


_SEP_END = re.compile(r"(?:\s[|\-–—:·»/•*]|[:|｜ㅣ])\s*$")
_SEP_START = re.compile(r"^(?:\s*[|\-–—·»/•*｜ㅣ]|-)")
_QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                              "»": '"', "‹": "'", "›": "'"})


def _majority_quotes(title: str, cands: list[str]) -> str:
    """Among candidates that differ from `title` only in quote marks, the most common form."""
    key = title.translate(_QUOTE_CHARS)
    same = [c for c in cands if c.translate(_QUOTE_CHARS) == key]
    if len(same) < 2:
        return title
    counts: dict[str, int] = {}
    for c in same:
        counts[c] = counts.get(c, 0) + 1
    top = max(counts.values())
    if counts.get(title) == top:
        return title
    winners = [c for c in same if counts[c] == top]
    return winners[0] if len(winners) == 1 else title


def _subtitle(page: Page, art: dict[str, Any], title: str | None) -> str | None:
    alt = _as_text(art.get("alternativeHeadline"))
    if alt and fold(alt) != fold(title):
        return alt
    for el in page.tree.iter("h2", "p", "div"):
        cls = (el.get("class") or "") + " " + (el.get("itemprop") or "")
        if re.search(r"\b(?:subtitle|sub-title|subheadline|standfirst|dek|deck|kicker-sub)\b",
                     cls, re.IGNORECASE):
            t = normalize_ws(el.text_content())
            if 10 < len(t) < 400 and fold(t) != fold(title):
                return t
    return None


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
_DATE_FILLER = re.compile(r"\b(?:um|uhr|à|a las|alle|ore|de|del)\b|(?<=\d)\.(?=\s)", re.IGNORECASE)
_DOTTED_DMY = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # European dotted dates are day-first


def parse_date(raw: str | None) -> datetime | None:
    """Parse a date string from metadata; aware when the string carries an offset, else naive."""
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
    if not re.search(r"\d{4}", s) or len(s) > 80:
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


def _date_from(page: Page, raws: list[str | None]) -> tuple[str | None, str | None]:
    """First plausible date among raw candidates; a naive one borrows a matching offset."""
    parsed: list[tuple[datetime, str]] = []
    for raw in raws:
        dt = parse_date(raw) if raw else None
        if dt is not None and raw and _plausible(dt, page):
            parsed.append((dt, raw))
    if not parsed:
        return None, None
    dt, raw = parsed[0]
    if dt.tzinfo is None:
        for other, _ in parsed[1:]:
            if other.tzinfo is not None and abs(other.replace(tzinfo=None) - dt) < timedelta(
                minutes=1
            ):
                dt = dt.replace(tzinfo=other.tzinfo)
                break
        else:
            tz = _profile_tz(page)
            if tz is not None:
                dt = dt.replace(tzinfo=tz)
    return _format(dt, raw), clean_text(raw)


def _published(page: Page, art: dict[str, Any], selector: Any) -> tuple[str | None, str | None]:
    raws: list[str | None] = []
    if selector:
        for el in css_select(page.tree, selector):
            raws.append(el.get("datetime") or el.get("content") or normalize_ws(el.text_content()))
    raws.append(_jsonld_str(art, "datePublished"))
    raws += [page.meta_first(k) for k in PUBLISHED_META]
    raws.append(_parsely_page(page).get("pub_date"))
    raws += _article_time_elements(page)
    raws.append(_jsonld_str(art, "dateCreated"))
    raws += _dom_date_texts(page)
    for obj in page.jsonld:  # other objects (WebPage etc.) as a last resort
        if obj is not art:
            raws.append(_jsonld_str(obj, "datePublished"))
    return _date_from(page, raws)


def _parsely_page(page: Page) -> dict[str, Any]:
    raw = page.meta_first("parsely-page")
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _off_article(el: Any) -> bool:
    for anc in el.iterancestors():
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("aside", "footer", "nav"):
            return True
        if tag in ("article", "main", "body"):
            if tag == "article" and anc.getparent() is not None and any(
                a.tag == "article" for a in anc.iterancestors()
            ):
                return True  # an article nested in an article: a teaser card
            return False
        ident = (anc.get("class") or "") + " " + (anc.get("id") or "")
        if ident.strip() and _OFF_ARTICLE.search(ident):
            return True
    return False


def _article_time_elements(page: Page) -> list[str]:
    out = []
    tree = page.tree
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        v = el.get("datetime") or el.get("content") or normalize_ws(el.text_content())
        if v and not _off_article(el):
            out.append(v)
    for el in tree.iter("time"):
        v = el.get("datetime")
        if v and not _off_article(el):
            out.append(v)
    return out


_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|time|published|pubdate|timestamp|realtime|"
                         r"dateline|datum|fecha)(?:$|[\s_-])", re.IGNORECASE)


def _dom_date_texts(page: Page) -> list[str]:
    """Visible date texts in date-classed elements of the article ("Monday, May 27, 2024")."""
    out = []
    for el in page.tree.xpath('//*[contains(@class, "date") or contains(@class, "time") '
                              'or contains(@class, "publish")]'):
        if not _DATE_CLASS.search(el.get("class") or "") or _off_article(el):
            continue
        t = normalize_ws(el.text_content())
        if 6 <= len(t) <= 60 and re.search(r"\d{4}", t):
            out.append(t)
        if len(out) >= 3:
            break
    return out


# --------------------------------------------------------------------------------- authors


def _person_names(value: Any, *, persons_only: bool) -> tuple[list[str], list[str]]:
    """(person names, organisation names) from a JSON-LD author/creator value."""
    persons: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            persons.extend(split_authors(item))
        elif isinstance(item, dict):
            types = jsonld_types(item)
            name = item.get("name")
            if not name and isinstance(item.get("familyName"), str):
                given = item.get("givenName") if isinstance(item.get("givenName"), str) else ""
                name = f"{given} {item['familyName']}".strip()
            if isinstance(name, list):
                name = ", ".join(x for x in name if isinstance(x, str))
            if not isinstance(name, str):
                continue
            names = split_authors(name)
            if types & ORG_TYPES:
                orgs.extend(names)
            else:
                persons.extend(names)
    return persons, orgs


def split_authors(raw: str) -> list[str]:
    """'By Jane Doe and John Roe, Reuters' -> ['Jane Doe', 'John Roe', 'Reuters']."""
    s = clean_text(raw)
    if not s or _URLISH.search(s) and " " not in s:
        return []
    s = _BY_PREFIX.sub("", s)
    # "capital von Jane Doe 05. May 2024 15:36 3 Min": a byline line with a label and a date
    m = _INNER_BY.search(s)
    if m and m.start() > 0:
        s = s[m.end():]
    s = _TRAILING_DATE.sub("", s)
    out = []
    for part in _AUTHOR_SPLIT.split(s):
        part = _BY_PREFIX.sub("", part.strip(" .:-–—·|\"'"))
        part = part.strip(" .:-–—·|\"'")
        if not part or _URLISH.search(part) or len(part) > 80 or not re.search(r"\w", part):
            continue
        if re.fullmatch(r"[\d\s:./-]+", part) or part.startswith(("(", "[")) or part.endswith(")") \
                and "(" not in part:
            continue
        if len(part.split()) > 5:
            continue  # "Jane Doe, professor at the faculty of ...": a description, not a name
        # "Jane Doe (jd)" initials, Korean/Japanese "reporter" suffixes
        part = re.sub(r"\s*\([\w.]{1,6}\)$|\s+(?:기자|記者|특파원|特派員)$", "", part).strip()
        if part:
            out.append(part)
    return out


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        k = fold(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _authors(page: Page, art: dict[str, Any], site_name: str | None, selector: Any) -> list[str]:
    """Author names: the article's JSON-LD author, else meta tags / Parse.ly, else the byline.

    JSON-LD persons come with the organisations credited next to them ("Jane Doe, dpa").
    When JSON-LD names only an organisation, other sources replace it only with something
    that looks like a person's name (not a newsroom code, a place or "Source: agency").
    """
    if selector:
        names = [n for el in css_select(page.tree, selector) for n in split_authors(el.text_content())]
        if names:
            return _dedupe(names)
    persons, orgs = _person_names(art.get("author"), persons_only=False) if art else ([], [])
    if not persons and not orgs and art:
        persons, orgs = _person_names(art.get("creator"), persons_only=False)
    site_keys = _site_tokens(page, site_name)
    if persons:
        names = _dedupe(persons + orgs)
        if len(names) > 1:
            names = [p for p in names if not _is_site_part(p, site_keys)] or names
        return names
    others: list[str] = []
    for key in AUTHOR_META:
        for v in page.meta.get(key, ()):
            others.extend(split_authors(v))
        if others:
            break
    if not others:
        pp = _parsely_page(page).get("author")
        if isinstance(pp, str):
            others.extend(split_authors(pp))
    if not others or all(_is_site_part(p, site_keys) for p in others):
        # only the publisher so far: a visible byline naming people is better
        dom = [n for n in _dom_authors(page) if not _is_site_part(n, site_keys)]
        others = dom or others
    if orgs and not any(_looks_like_person(n) for n in others):
        others = orgs
    if not others:
        others = orgs
    names = _dedupe(others)
    if len(names) > 1:
        names = [p for p in names if not _is_site_part(p, site_keys)] or names
    return names



def _looks_like_person(name: str) -> bool:
    """'Jane Doe', 'Kim Min-ji', '김태연': two to five capitalised words, or a CJK name."""
    if re.search(r"[\d:@()/]", name):
        return False
    if re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,5}", name):
        return True
    words = name.split()
    caps = [w for w in words if w[:1].isupper()]
    return 2 <= len(words) <= 5 and len(caps) >= 2


_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author|authors|byline|author-name|authorname)"
                           r"(?:$|[\s_-])", re.IGNORECASE)
_BIO_CLASS = re.compile(r"about|bio|box|card|avatar|image|img|photo", re.IGNORECASE)


def _dom_authors(page: Page) -> list[str]:
    """Names from a visible byline (rel=author, itemprop=author, *author*/*byline* classes)."""
    tree = page.tree
    cands = tree.xpath('//*[@rel="author"] | //*[@itemprop="author"] | '
                       '//*[contains(@class, "uthor") or contains(@class, "yline")]')
    for el in cands:
        cls = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", el.get("class") or "")  # metaInfoAuthorList
        if el.get("rel") != "author" and el.get("itemprop") != "author" and (
            not _BYLINE_CLASS.search(cls) or _BIO_CLASS.search(cls)
        ):
            continue
        if el.tag in ("meta", "link", "body", "html", "article", "main") or _off_article(el):
            continue
        name_el = el.find('.//*[@itemprop="name"]')
        if name_el is not None:
            texts = [name_el.get("content") or name_el.text_content()]
        else:
            links = [normalize_ws(a.text_content()) for a in el.iter("a")]
            links = [t for t in links if t and 1 <= len(t.split()) <= 5]
            texts = links or [el.text_content()]
        names = [n for t in texts if len(normalize_ws(t)) < 120 for n in split_authors(t)]
        if names:
            return names
    return []


# -------------------------------------------------------------------------- other fields


def _language(page: Page, art: dict[str, Any]) -> str | None:
    cands = [
        page.tree.get("lang"),
        page.tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        page.meta_first("content-language", "og:locale", "language", "dc.language"),
        _as_text(art.get("inLanguage")),
    ]
    for el in page.tree.iter("meta"):
        if (el.get("http-equiv") or "").lower() == "content-language":
            cands.insert(2, el.get("content"))
    for c in cands:
        if c and isinstance(c, str):
            m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s|$|,)", c)
            if m:
                return m[1].lower()
    return None


def _description(page: Page, art: dict[str, Any]) -> str | None:
    """The page's own summary: JSON-LD description, og:description, <meta name=description>."""
    for v in (_as_text(art.get("description")) if art else "",
              page.meta_first("og:description", "description", "twitter:description", "dc.description")):
        text = clean_text(v) if v else ""
        if text:
            return text[:1000]
    return None


def _section(page: Page, art: dict[str, Any]) -> str | None:
    """The site's section for the article (JSON-LD articleSection, article:section)."""
    cands = [_as_text(art.get("articleSection")) if art else "",
             page.meta_first("article:section", "og:article:section", "section", "parsely-section")]
    for v in cands:
        text = clean_text(v) if v else ""
        if text and len(text) < 100:
            return text
    return None


def _tags(page: Page, art: dict[str, Any]) -> list[str]:
    tags: list[str] = list(page.meta.get("article:tag", ()))
    if not tags:
        kw = art.get("keywords") if art else None
        if isinstance(kw, list):
            tags = [x for x in kw if isinstance(x, str)]
        elif isinstance(kw, str):
            tags = kw.split(",")
    if not tags:
        for key in ("news_keywords", "parsely-tags", "sailthru.tags", "keywords"):
            v = page.meta_first(key)
            if v:
                tags = v.split(",")
                break
    return _dedupe([t for t in (clean_text(x) for x in tags) if t and len(t) < 100])


def _canonical_url(page: Page) -> str | None:
    for el in page.tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href", "").strip():
            return urljoin(page.url, el.get("href").strip())
    og = page.meta_first("og:url")
    return urljoin(page.url, og) if og else None


def _image(page: Page, art: dict[str, Any]) -> dict[str, Any] | None:
    img = art.get("image") if art else None
    if isinstance(img, list):
        img = img[0] if img else None
    url = caption = credit = None
    if isinstance(img, dict):
        url = img.get("url") or img.get("contentUrl") or img.get("@id")
        caption = _as_text(img.get("caption")) or _as_text(img.get("description")) or None
        credit = (
            _as_text(img.get("creditText")) or _as_text(img.get("copyrightHolder"))
            or _as_text(img.get("author")) or None
        )
    elif isinstance(img, str):
        url = img
    og = page.meta_first("og:image", "og:image:url", "og:image:secure_url", "twitter:image")
    if not isinstance(url, str) or not url.strip():
        url = og
    if not url:
        return None
    if caption is None:
        caption = clean_text(page.meta_first("og:image:alt", "twitter:image:alt")) or None
    return {"url": urljoin(page.url, url.strip()), "caption": caption, "credit": credit}


# ------------------------------------------------------------------------ profile selectors


def _profile_selectors(page: Page) -> dict[str, Any]:
    prof = page.profile or {}
    sel = prof.get("selectors")
    return sel if isinstance(sel, dict) else {}


def _select_text(page: Page, selector: Any) -> str | None:
    for el in css_select(page.tree, selector):
        t = normalize_ws(el.get("content") or el.text_content())
        if t:
            return t
    return None
