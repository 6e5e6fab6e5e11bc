"""Main text of an article page: paragraphs (with kinds), simplified HTML, images and embeds.

How it works, in three passes over a private copy of the lxml ``<body>``:

1. **Clean**: drop scripts, forms, navigation, hidden elements and subtrees whose class/id name
   boilerplate (share bars, newsletter boxes, related lists, ads, comments...). Social embeds
   (tweets, Instagram posts, YouTube/TikTok iframes) are recognised first and turned into
   placeholders, figures into image records, so that neither captions nor credits nor embed
   chrome can leak into the text.
2. **Blocks**: one linear pass emits text blocks (paragraph-like leaf elements, anonymous runs of
   inline text in mixed ``<div>``s) with their kind and link density, images and embeds in
   document order.
3. **Container**: a readability-style content score (text length, commas, link density, class
   hints) picks the article container (or the profile's ``selectors.body``); blocks outside it,
   link lists and short boilerplate lines are dropped: dates / reading times, photo credits,
   bylines, calls to action ("More on this topic", "Watch ... below!"), template markers,
   a heading repeating the title, a "key points" box above the text, pull quotes, UI lines
   repeated three times, an "about the author" box at the end.

Wrappers that hold most of the text are not boilerplate even when their markup says so (an
ASP.NET page-wide ``<form>``, an unclosed ``<nav>`` or ``<aside>``, React's hidden streaming
``<div>``).
When the DOM gives almost nothing, the HTML carried in a Next.js flight payload
(``self.__next_f.push``) is extracted instead.

JSON-LD ``articleBody`` replaces the DOM result when the DOM result is implausibly short next to
it (pages that render the text with JavaScript). Pure function of a `Page`; no Scrapy.

Modules: `clean` (pass 1) with `media` (embeds, figures); `blocks` (pass 2); `container` and
`select` (pass 3) with `lines` (chrome lines) and `lists` (list articles, text continued after
the container); `assemble` (the result); `fallbacks` (flight payload, JSON-LD); `base` (the
`Block` record, tree helpers).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from newsspider.extract.body.assemble import _assemble
from newsspider.extract.body.base import Block
from newsspider.extract.body.blocks import _blocks
from newsspider.extract.body.clean import _clean, _drop_selected
from newsspider.extract.body.container import _pick_container
from newsspider.extract.body.fallbacks import _flight_html, _jsonld_article_body, _prefer_jsonld
from newsspider.extract.body.lines import _chrome_head, _story_head
from newsspider.extract.body.lists import continuation
from newsspider.extract.body.select import _select_blocks
from newsspider.extract.page import Page, css_select

__all__ = ["extract_body"]


def extract_body(page: Page, metadata: dict[str, Any] | None = None) -> dict[str, Any]:
    """Paragraphs, kinds, body, body_html, images and embeds of the article (see contracts)."""
    metadata = metadata or {}
    selectors = (page.profile or {}).get("selectors") or {}
    if not isinstance(selectors, dict):
        selectors = {}
    page.jsonld  # noqa: B018 - read from the tree before it is taken (the fallback below needs it)
    # the cleaning passes change the tree they work on: the first works on the page's own tree,
    # taken from the page (a later `page.tree` parses the page again, and so gives the same
    # tree), instead of a copy (~0.6 ms a page). A gentler retry (rare) starts from a fresh parse
    result = _extract_from(_body_of(page.take_tree()), page.url, metadata.get("title"),
                           selectors, fresh=lambda: _body_of(page.tree, detach=False))
    if len(result["body"]) < 200:
        # client-rendered pages (Next.js app router) ship the article as HTML inside scripts
        frag = _flight_html(page)
        if frag is not None:
            alt_result = _extract_from(frag, page.url, metadata.get("title"), {})
            if len(alt_result["body"]) > len(result["body"]):
                result = alt_result

    alt = _jsonld_article_body(page)
    if alt and _prefer_jsonld(result["paragraphs"], alt):
        result = _assemble([Block(kind="p", text=t) for t in alt])
    return result


def _body_of(tree: Any, detach: bool = True) -> Any:
    """The <body> of a parsed page (the page itself when it has none). `detach`: taken off its
    <html>, as a copy of it would be (the passes look up ancestors: none above the body)."""
    root = tree.find("body")
    if root is None:
        return tree
    if detach:
        tree.remove(root)
    return root


def _extract_from(root: Any, url: str, title: str | None, selectors: dict[str, Any],
                  fresh: Callable[[], Any] | None = None) -> dict[str, Any]:
    """`root` is the caller's to change. Without `fresh`, every pass but the last works on a
    copy of `root`; with it (it gives the unchanged tree again, not to be changed), the first
    pass works on `root` itself and the gentler retries on copies of the fresh one."""
    if selectors.get("remove"):
        _drop_selected(root, selectors.get("remove"))
        fresh = None  # a fresh tree lacks the removals
    result: dict[str, Any] = {}
    base = None
    for level in (2, 1, 0):
        # like readability: when aggressive cleaning leaves almost nothing, retry gentler
        if fresh is None:
            work = copy.deepcopy(root) if level > 0 else root
        elif level == 2:
            work = root
        else:
            base = fresh() if base is None else base
            work = copy.deepcopy(base)
        cta_marked = _clean(work, url, level)
        container = None
        if selectors.get("body"):
            found = css_select(work, selectors["body"])
            container = found[0] if found else None
        blocks = _blocks(work, url)
        more: list[Any] = []
        if container is None:
            container = _pick_container(blocks, work, title)
            # list items (or the rest of the text) in boxes after the container
            more = continuation(container, blocks, work, _chrome_head, _story_head)
        chosen = _select_blocks(blocks, container, title, more, cta_marked)
        attempt = _assemble(chosen)
        if not result or len(attempt["body"]) > len(result["body"]):
            result = attempt
        if len(result["body"]) >= 500:
            break
    return result
