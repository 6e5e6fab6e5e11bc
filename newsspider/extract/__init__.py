"""Pure extraction: HTML in, article fields out. No Scrapy imports in this package.

The four steps, in the order the item pipelines run them:

1. `metadata_fields(page)`      title, authors, dates, canonical URL… (`metadata.py`)
2. `body_fields(page, meta)`    main text, simplified HTML, images, embeds (`body/`)
3. `quote_fields(body)`         quotes with speakers (`quotes/`, `mentions/`)
4. `release_fields(body, …)`    album/single/video release events (`releases.py`)

`extract_article(page)` runs all four and is what `newsspider extract` / `fetch` use on
saved or single pages; the crawl pipelines call the same functions one by one.
"""

from __future__ import annotations

from typing import Any

from newsspider.extract.language import language_of
from newsspider.extract.page import Page
from newsspider.urls import normalize_url

__all__ = [
    "Page",
    "body_fields",
    "extract_article",
    "metadata_fields",
    "page_kind",
    "quote_fields",
    "release_fields",
]

META_KEYS = (
    "title", "subtitle", "titles", "description", "section", "authors", "published",
    "published_raw", "modified", "modified_raw", "language", "tags",
)


def metadata_fields(page: Page) -> dict[str, Any]:
    from newsspider.extract.metadata import extract_metadata

    meta = extract_metadata(page)
    out = {k: meta.get(k) for k in META_KEYS}
    out["authors"] = list(out["authors"] or [])
    out["tags"] = list(out["tags"] or [])
    # the canonical URL as the page declares it (absolute); the dedup key is its normal form
    canonical = str(meta.get("canonical_url") or page.url)
    out["canonical_url"] = canonical
    out["url_key"] = normalize_url(canonical)
    out["images"] = [meta["image"]] if meta.get("image") else []
    return out


def body_fields(page: Page, meta: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Returns (record fields, the full body result that later steps read)."""
    from newsspider.extract.body import extract_body
    from newsspider.extract.limits import cap_paragraphs

    body = extract_body(page, meta)
    # what the quote/release parsers read is capped (the exported body is not): limits.py
    body["paragraphs"] = cap_paragraphs(body.get("paragraphs", []), page.notes)
    images = list(meta.get("images") or [])
    seen = {im["url"] for im in images}
    images += [im for im in body.get("images", []) if im.get("url") not in seen]
    text = body.get("body") or None
    fields = {
        "body": text,
        "body_html": body.get("body_html") or None,
        "word_count": len(text.split()) if text else 0,
        # the markup's language, else detected from the text
        "language": language_of(meta.get("language"), text),
        "images": images,
        "embeds": [
            {k: e.get(k) for k in ("url", "kind", "author", "text")} for e in body.get("embeds", [])
        ],
    }
    return fields, body


def page_kind(page: Page, meta: dict[str, Any], fields: dict[str, Any]) -> dict[str, str]:
    """Article, listing or static page (`pagekind`), from the page, its metadata and the body
    fields; a generic crawl exports articles only. Never fails the body step: an error in the
    judgement counts as an article."""
    from newsspider.extract.pagekind import page_kind as judge

    try:
        return judge(page, meta, int(fields.get("word_count") or 0), fields.get("body") or "")
    except Exception as exc:  # noqa: BLE001 - losing the page over this would be worse
        return {"kind": "article", "why": f"not judged: {type(exc).__name__}"}


def page_kind_read_tree(page: Page, meta: dict[str, Any]) -> None:
    """What `page_kind` reads from the page's tree, read before `body_fields` (which takes the
    tree over: a later read parses the page again). Never fails: `page_kind` judges anyway."""
    from newsspider.extract.pagekind import read_tree

    try:
        read_tree(page, meta)
    except Exception:  # noqa: BLE001, S110 - page_kind reads the tree itself then, and reports
        pass


def quote_fields(body: dict[str, Any], title: str | None = None) -> dict[str, Any]:
    """The quotes. The mention index they built is left in ``body["mentions"]`` for
    `release_fields` (one index per article)."""
    from newsspider.extract.quotes import extract_quotes

    index: list[Any] = []
    quotes = extract_quotes(
        body.get("paragraphs", []),
        kinds=body.get("kinds"),
        embeds=body.get("embeds", ()),
        title=title,
        mentions_out=index,
    )
    if index:
        body["mentions"] = index[0]
    return {"quotes": quotes}


def release_fields(
    body: dict[str, Any], published: str | None, title: str | None, fetched_at: str | None
) -> dict[str, Any]:
    from newsspider.extract.releases import extract_releases

    releases = extract_releases(
        body.get("paragraphs", []), published, title=title, fetched_at=fetched_at,
        mentions=body.get("mentions"),
    )
    return {"releases": releases}


def extract_article(page: Page, *, site: str = "generic") -> dict[str, Any]:
    """All fields of an Article record for one page (no dedup state involved)."""
    from newsspider.dedup import content_hash

    fetched_at = page.fetched_at.isoformat(timespec="seconds")
    record: dict[str, Any] = {"url": page.url, "site": site, "fetched_at": fetched_at}
    meta = metadata_fields(page)
    record.update(meta)
    fields, body = body_fields(page, meta)
    record.update(fields)
    record.update(quote_fields(body, record.get("title")))
    record.update(release_fields(body, record.get("published"), record.get("title"), fetched_at))
    record["extraction_errors"] = []  # stages raise here; the crawl's staged extraction lists them
    record["content_hash"] = content_hash(record.get("body") or "")
    record["duplicate_of"] = None
    record["version"] = 1
    from newsspider.provenance import provenance

    record.update(provenance(page.url))
    return record

