"""Article metadata: title, subtitle, authors, dates, language, tags, canonical URL, lead image.

Sources, strongest first: the JSON-LD object that describes this page (``NewsArticle`` and
friends, ``@graph`` flattened by `Page`), OpenGraph / ``<meta>`` tags, then the DOM (``<h1>``,
``<time datetime>`` inside the article, byline elements). Site profiles may add CSS selectors
(``[selectors] title / authors / published``), which win over everything else.

Pure function of a `Page`; no network, no Scrapy.
"""


from __future__ import annotations

from typing import Any

from newsspider.extract.metadata.authors import _authors, split_authors
from newsspider.extract.metadata.common import (
    _canonical_url,
    _description,
    _image,
    _jsonld_str,
    _language,
    _main_jsonld,
    _profile_selectors,
    _section,
    _site_name,
    _tags,
)
from newsspider.extract.metadata.published import MODIFIED_META, _date_from, _published, parse_date
from newsspider.extract.metadata.title import _subtitle, _title, title_sources
from newsspider.extract.page import Page

__all__ = ["extract_metadata", "parse_date", "split_authors"]


def extract_metadata(page: Page) -> dict[str, Any]:
    """Metadata of one article page (see the contract in the package docs)."""
    art = _main_jsonld(page)
    site_name = _site_name(page, art)
    canonical = _canonical_url(page)

    selectors = _profile_selectors(page)
    found_h1: list[Any] = []
    sources = title_sources(page, art, found_h1)
    title = _title(page, art, site_name, selectors.get("title"), sources)
    published, published_raw = _published(page, art, selectors.get("published"), found_h1[0])
    modified, modified_raw = _date_from(
        page,
        [_jsonld_str(art, "dateModified")] + [page.meta_first(k) for k in MODIFIED_META],
    )
    return {
        "title": title,
        "subtitle": _subtitle(page, art, title),
        "titles": {k: sources.get(k) for k in ("h1", "og", "jsonld", "twitter", "html")}
        if sources else None,
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


