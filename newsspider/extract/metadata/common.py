"""Shared by the metadata modules: the page's article JSON-LD, site name, DOM position helpers,
profile selectors and the small fields (language, tags, canonical URL, lead image)."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from newsspider.extract.lazyre import lazy
from newsspider.extract.page import Page, css_select, jsonld_types
from newsspider.extract.text import clean_text, fold, may_hold, normalize_ws
from newsspider.urls import safe_urljoin as urljoin

ARTICLE_TYPES = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
    "LiveBlogPosting", "Report", "TechArticle", "SatiricalArticle", "ScholarlyArticle",
    "SocialMediaPosting", "DiscussionForumPosting", "Review", "Blog", "Recipe",
}
PAGE_TYPES = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "VideoObject", "Event"}
ORG_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand",
             "GovernmentOrganization", "EducationalOrganization"}

_OFF_ARTICLE_WORDS = ("related", "recommend", "teaser", "more-", "-more", "readmore", "read-more",
                      "sidebar", "aside", "footer", "nav", "comment", "widget", "popular",
                      "trending", "newsletter", "promo", "carousel", "slider", "list-item")
_OFF_ARTICLE = re.compile("|".join(_OFF_ARTICLE_WORDS), re.IGNORECASE)


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


def _memo(page: Page) -> dict[str, Any]:
    """Per page: values several metadata fields ask for (computed once)."""
    memo = page.__dict__.get("_metadata_memo")
    if memo is None:
        memo = page.__dict__["_metadata_memo"] = {}
    return memo


def _title_tag(page: Page) -> str:
    memo = _memo(page)
    if "title_tag" not in memo:
        el = page.tree.find(".//title")
        memo["title_tag"] = normalize_ws(el.text_content()) if el is not None else ""
    return memo["title_tag"]  # type: ignore[no-any-return]


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
        if ident.strip() and off_article_name(ident):
            return True
    return False


@lru_cache(maxsize=4096)
def off_article_name(ident: str) -> bool:
    """A class/id naming a box off the article text (related, teaser cards...); per name, once.
    The patterns run only on a name that may hold their words (`may_hold`, in C)."""
    return bool(may_hold(ident, _OFF_ARTICLE_WORDS) and _OFF_ARTICLE.search(ident)
                or may_hold(ident, ("card",)) and _CARD.search(ident) and not _MAIN.search(ident))


# "card" marks teasers, but also "vcard" bylines and a main "yog-card ... Main" container
_CARD = re.compile(r"(?<![a-z])card(?!-main)", re.IGNORECASE)
_MAIN = lazy(r"(?<![a-z])(?:main|content)(?![a-z])", re.IGNORECASE)



def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        k = fold(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


# -------------------------------------------------------------------------- other fields


def _language(page: Page, art: dict[str, Any]) -> str | None:
    # <html lang> first: the <meta http-equiv> walk only runs for a page without a usable one
    for c in (page.tree.get("lang"), page.tree.get("{http://www.w3.org/XML/1998/namespace}lang")):
        code = _language_code(c)
        if code:
            return code
    cands = [el.get("content") for el in page.tree.iter("meta")
             if (el.get("http-equiv") or "").lower() == "content-language"][::-1]
    cands += [page.meta_first("content-language", "og:locale", "language", "dc.language"),
              _as_text(art.get("inLanguage"))]
    for c in cands:
        code = _language_code(c)
        if code:
            return code
    return None


def _language_code(c: Any) -> str | None:
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
    memo = _memo(page)
    if "canonical" not in memo:
        memo["canonical"] = _find_canonical_url(page)
    return memo["canonical"]  # type: ignore[no-any-return]


def _find_canonical_url(page: Page) -> str | None:
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
    if "&#" in url or "&amp;" in url:  # an HTML entity left in JSON-LD / a meta value ("?a=1&#038;b=2")
        url = html.unescape(url)
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


# ------------------------------------------------------------------------ the article's <h1>

_WORD = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def overlap(a: str, b: str) -> float:
    """Share of the words of the shorter text that the other one contains (0..1)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' word sets (0..1)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _is_link(el: Any, text: str) -> bool:
    if any(a.tag == "a" for a in el.iterancestors()):
        return True
    linked = sum(len(normalize_ws(a.text_content())) for a in el.iter("a"))
    return linked >= 0.8 * len(text)


def article_h1(page: Page, hints: list[str]) -> Any:
    """The <h1> element that carries the article's headline, or None.

    Pages often have several <h1>s (the site logo, menu sections, a teaser). The headline is
    the one whose words the page's other title sources (og:title, JSON-LD headline, <title>)
    share most; without such sources, the first <h1> inside <article>/<main>, else the first.
    Menus and teasers (nav, aside, related boxes) never count; a linked <h1> (a teaser of
    another story) counts half.
    """
    best, best_score, first_in_article, first = None, 0.0, None, None
    for el in page.tree.iter("h1"):
        text = normalize_ws(el.text_content())
        if not text or len(text) > 400 or _off_article(el):
            continue
        if first is None:
            first = el
        if first_in_article is None and any(
            a.tag in ("article", "main") for a in el.iterancestors()
        ):
            first_in_article = el
        score = max((similarity(text, h) for h in hints if h), default=0.0)
        if _is_link(el, text):
            score *= 0.5  # a teaser's headline links to its own story
        if score > best_score + 1e-9:
            best, best_score = el, score
    if best is not None and best_score >= 0.5:
        return best
    return first_in_article if first_in_article is not None else first
