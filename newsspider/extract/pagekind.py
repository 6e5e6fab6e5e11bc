"""Is this page an article? The judgement a generic crawl uses to skip listings and static pages.

`page_kind(page, meta, words)` -> ``{"kind": "article" | "listing" | "static", "why": str}``.
A site profile says where its articles are; a generic crawl has only what the sitemaps and
feeds list, which on WordPress-style sites includes category, tag and author archives and
pages such as About, Contact or Privacy. The page itself tells them apart, strongest first:

1. article markup: an article-type JSON-LD object that describes this page (NewsArticle,
   BlogPosting, ...: the only one on the page or the one whose URL is the page's),
   ``article:published_time``, or ``itemprop="articleBody"`` -> article;
2. teaser cards: at least `MIN_CARDS` headings linking to other pages (the posts a listing
   shows) while the extracted body is short (a listing's body is one teaser at best, fewer than
   `LISTING_WORDS` words) or repeats several of those headlines -> listing;
3. a JSON-LD type that says what the page is (CollectionPage, ProfilePage, ContactPage, ...)
   -> listing or static;
4. neither a publication date (the ``datePublished`` that SEO plugins give every page's
   WebPage object does not count) nor an author -> static (About, Contact, Privacy);
5. otherwise -> article.

Pure function over a `Page` (its cached tree, JSON-LD and meta tags); no I/O.
"""

from __future__ import annotations

from typing import Any

from newsspider.extract.metadata.common import ARTICLE_TYPES, _jsonld_url, _url_key
from newsspider.extract.page import Page, jsonld_types
from newsspider.extract.text import normalize_ws
from newsspider.urls import safe_urljoin

MIN_CARDS = 5  # headings linking to other pages
LISTING_WORDS = 150  # a body shorter than this on a page of cards is a teaser, not the article
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ARTICLE_JSONLD = ARTICLE_TYPES - {"Blog"}  # a Blog is the list of its posts
_NOT_ARTICLE_JSONLD = {
    "CollectionPage": "listing", "SearchResultsPage": "listing", "ProfilePage": "listing",
    "ItemList": "listing", "ContactPage": "static", "AboutPage": "static",
}
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "article:published")


def _describes_page(obj: dict[str, Any], keys: set[str]) -> bool:
    return any(_url_key(u) in keys for u in _jsonld_url(obj))


def _markup(page: Page, keys: set[str]) -> str | None:
    found = _head_markup(page, keys)
    if found is None and _tree_facts(page, keys)[0]:
        return "itemprop=articleBody"
    return found


def _head_markup(page: Page, keys: set[str]) -> str | None:
    """`_markup` from the meta tags and JSON-LD (the page's tree not read)."""
    if page.meta_first(*_PUBLISHED_META):
        return "article:published_time"
    arts = [o for o in page.jsonld if jsonld_types(o) & _ARTICLE_JSONLD]
    if len(arts) == 1 or any(_describes_page(o, keys) for o in arts):
        return "JSON-LD " + sorted(jsonld_types(arts[0]) & _ARTICLE_JSONLD)[0]
    return None


_TREE_FACTS = "_page_kind_tree"  # key of `read_tree`'s facts in the page's __dict__


def read_tree(page: Page, meta: dict[str, Any]) -> None:
    """Read now what `page_kind` would read from the page's tree, and keep it with the page: for
    a caller that runs the body step, which takes the tree over (`Page.take_tree`), before
    `page_kind`. Nothing is read when the meta tags or JSON-LD decide (most articles)."""
    keys = _keys(page, meta)
    if _head_markup(page, keys) is None:
        _tree_facts(page, keys)


def _tree_facts(page: Page, keys: set[str]) -> tuple[bool, dict[str, str]]:
    """(an element with itemprop=articleBody, `_cards`: not read when there is one), read once
    per page (and set of URL keys)."""
    key = frozenset(keys)
    got = page.__dict__.get(_TREE_FACTS)
    if got is None or got[0] != key:
        if next(iter(page.tree.xpath('//*[@itemprop="articleBody"]')), None) is not None:
            got = (key, (True, {}))
        else:
            got = (key, (False, _cards(page, keys)))
        page.__dict__[_TREE_FACTS] = got
    return got[1]


def _keys(page: Page, meta: dict[str, Any]) -> set[str]:
    keys = {_url_key(page.url)}
    if meta.get("canonical_url"):
        keys.add(_url_key(str(meta["canonical_url"])))
    return keys


def _cards(page: Page, keys: set[str]) -> dict[str, str]:
    """Headings that link to another page: {target: headline}."""
    out: dict[str, str] = {}
    for h in page.tree.iter(*_HEADINGS):
        a = next((x for x in h.iter("a") if x.get("href")), None)
        if a is None:
            a = next((x for x in h.iterancestors("a") if x.get("href")), None)
        if a is None:
            continue
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        key = _url_key(safe_urljoin(page.url, href))
        if key not in keys:
            out.setdefault(key, normalize_ws(h.text_content()))
    return out


def _declared(page: Page, keys: set[str]) -> str | None:
    """The JSON-LD type of a page that says it is not an article."""
    for obj in page.jsonld:
        kinds = jsonld_types(obj) & set(_NOT_ARTICLE_JSONLD)
        if kinds and (_describes_page(obj, keys) or not _jsonld_url(obj)):
            return sorted(kinds)[0]
    return None


def _dated(page: Page, meta: dict[str, Any]) -> bool:
    """The page gives a publication date of its own: not only the ``datePublished`` of a
    non-article JSON-LD object (WordPress SEO plugins give every page a WebPage with one)."""
    raw = meta.get("published_raw")
    if not meta.get("published") or not raw:
        return bool(meta.get("published"))
    if page.meta_first(*_PUBLISHED_META):
        return True
    generic = {o.get("datePublished") for o in page.jsonld if not jsonld_types(o) & _ARTICLE_JSONLD}
    return raw not in generic


def page_kind(page: Page, meta: dict[str, Any], words: int, body: str = "") -> dict[str, str]:
    """Article, listing or static page (see the module docs); `words` and `body` are the
    extracted body's word count and text."""
    keys = _keys(page, meta)
    markup = _markup(page, keys)
    if markup:
        return {"kind": "article", "why": markup}
    cards = _tree_facts(page, keys)[1]
    if len(cards) >= MIN_CARDS:
        repeated = sum(1 for t in cards.values() if len(t.split()) >= 3 and t in body)
        if words < LISTING_WORDS or repeated >= 3:
            return {"kind": "listing", "why": f"{len(cards)} teaser cards, body of {words} words"
                                             + (f" repeating {repeated} of their headlines" if repeated >= 3 else "")}
    declared = _declared(page, keys)
    if declared:
        return {"kind": _NOT_ARTICLE_JSONLD[declared], "why": f"JSON-LD {declared}"}
    if not _dated(page, meta) and not meta.get("authors"):
        return {"kind": "static", "why": "no publication date, no author"}
    return {"kind": "article", "why": "dated page"}
