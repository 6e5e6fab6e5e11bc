"""Pass 1 of `body`: drop non-content markup from the private copy of the tree, in place.

Scripts, forms, navigation, hidden elements and subtrees whose class/id name boilerplate (share
bars, newsletter boxes, related lists, ads, comments...) go; embeds and figures are turned into
placeholders first (`media`); small boxes built around a button link are marked. Wrappers that
hold most of the text are not boilerplate even when their markup says so (an ASP.NET page-wide
``<form>``, an unclosed ``<nav>`` or ``<aside>``, React's hidden streaming ``<div>``)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from lxml import etree

from newsspider.extract.body.base import _drop, _inside, _long_paragraphs, _text_len
from newsspider.extract.body.lists import CTA_MARK
from newsspider.extract.body.media import _as_figure, _embed_of, _is_photo_box, _replace_figure
from newsspider.extract.lazyre import lazy
from newsspider.extract.page import css_select

DROP_TAGS = ("script", "style", "noscript", "template", "svg", "button", "input", "select",
             "textarea", "form", "nav", "iframe", "object", "embed", "canvas", "dialog", "map",
             "link", "meta", "head", "audio", "video", "source", "menu", "label", "option")
# page chrome (by tag or landmark role, besides hidden elements): dropped unless it holds the
# article (`_holds_article`; broken markup puts the rest of the page inside an unclosed <nav>).
# nav/menu/dialog go with the DROP_TAGS (early: menus are large), aside/footer in the last pass
_CHROME_TAGS = ("aside", "footer", "nav", "menu", "dialog")
_CHROME_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "dialog",
                           "search"})

# class/id words of boilerplate containers, matched against whole `-`/`_`-separated words.
# "strong" words name boilerplate even next to a content word ("related-content");
# "weak" ones only when no content word is present.
_STRONG_WORDS = (
    "share|sharing|shares|social|socials|newsletter|newsletters|subscribe|subscription|related|"
    "recommended|recommendations|recommendation|recirculation|outbrain|taboola|comments?|"
    "commenting|disqus|advert|advertisement|advertising|ads|ad|adslot|adunit|sponsor|sponsored|"
    "breadcrumbs?|cookie|cookies|consent|popup|modal|signup|tagcloud|taglist|"
    "copyright|backtotop|mostread|readmore|moreon|werbung|anzeige|sr|screenreader|"
    "wp-block-query|post-picker|"
    "offscreen|visually|visuallyhidden|sronly|caption|credit|credits|byline|bylines|dateline"
)
_WEAK_WORDS = (
    "promo|promotion|banner|overlay|sidebar|widget|toolbar|tags|keywords|pagination|pager|"
    "print|author|authors|meta|timestamp|footer|masthead|navigation|nav|menu|skip|jump|"
    "scroll|topics|teaser|teasers|trending|popular|most|more|also|next|prev|previous|rating|"
    "reactions|feedback|survey|donate|membership|bio|autor|hidden|lightbox|date|time|info|"
    "tools|actions|links|excerpt|excerpts"
)
# a word may carry a number ("ad-3", "promo2") but not be the start of a hash ("ad6ed79d-...")
_END = r"(?:$|[-_\s]|\d+(?:$|[-_\s]))"
_STRONG = lazy(rf"(?:^|[-_\s])(?:{_STRONG_WORDS}){_END}", re.IGNORECASE)
_BOILER = lazy(rf"(?:^|[-_\s])(?:{_STRONG_WORDS}|{_WEAK_WORDS}){_END}", re.IGNORECASE)
# tokens that mark an element as article content even if a boilerplate word is also present
_CONTENT_WORDS = ("article|articlebody|article-body|body|content|entry|main|story|post|text|"
                  "richtext|prose|paragraph|copy|blog")
_CONTENT = lazy(rf"(?:^|[-_\s])(?:{_CONTENT_WORDS}){_END}", re.IGNORECASE)


def _drop_selected(root: Any, selector: Any) -> None:
    for el in css_select(root, selector):
        _drop(el)

_HIDDEN_CLASSES = {"hidden", "is-hidden", "d-none", "hide", "visually-hidden", "sr-only",
                   "visuallyhidden", "screen-reader-text", "u-hidden"}


_HIDDEN_STYLE = lazy(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _holds_article(el: Any, total: int) -> bool:
    """True when `el` holds most of the page's text in real paragraphs.

    Broken markup puts the article inside an unclosed <aside> or <nav> (a breadcrumb bar),
    React streaming SSR parks the rendered article in a hidden ``<div id="S:1">`` that a script
    moves into place: none of these is boilerplate. Every chrome element (`_CHROME_TAGS`,
    `_CHROME_ROLES`, hidden ones) is judged by this test before it is dropped.
    """
    # the paragraph count first: most chrome has none, and it reads only <p> elements (the
    # text count read every piece up to 40% of the page's text)
    return total > 0 and _long_paragraphs(el, 3) >= 3 and _text_len(el, 0.4 * total) >= 0.4 * total


# the elements `_embed_of` can turn into an embed (a div only with a data-src), in document
# order. lxml's iter() selects the tags in C; an XPath with one self:: test per tag evaluated
# the whole predicate on every element (4x the CPU on news-pages)
_EMBED_TAGS = ("blockquote", "iframe", "amp-twitter", "amp-instagram", "amp-youtube",
               "lite-youtube", "div")


_EMBED_TAGS_BUT_DIV = tuple(t for t in _EMBED_TAGS if t != "div")
_HAS_DATA_SRC_DIV = etree.XPath("boolean(descendant-or-self::div[@data-src])")


def _maybe_embeds(root: Any) -> list[Any]:
    # most pages have no div with a data-src: their other tags are selected in C (the loop
    # read every div of the page)
    if not _HAS_DATA_SRC_DIV(root):
        return list(root.iter(*_EMBED_TAGS_BUT_DIV))
    return [el for el in root.iter(*_EMBED_TAGS)
            if el.tag != "div" or el.get("data-src") is not None]


# the divs `_is_photo_box` can accept (only named ones holding an image), in document order:
# the loop used to call it on every div of the page, then on every named one. The loop renames
# tags to figure/figcaption only: no div gains an image while it runs
_PHOTO_BOX_XPATH = "descendant-or-self::div[@class or @id][descendant::img or descendant::amp-img]"


def _photo_box_divs(root: Any) -> list[Any]:
    """What `_PHOTO_BOX_XPATH` selects (~3x the CPU): the named divs among the images' ancestors,
    each looked at once; in document order without sorting, as the ancestors an image adds
    hold no earlier image (so follow all added before) and are listed top-down."""
    out: list[Any] = []
    seen: set[Any] = set()
    for img in root.iter("img", "amp-img"):
        if img is root:
            continue
        new = []
        for anc in img.iterancestors():
            if anc in seen:  # and so were its ancestors, up to the root
                break
            seen.add(anc)
            new.append(anc)
            if anc is root:
                break
        for anc in reversed(new):
            if anc.tag == "div" and (anc.get("class") is not None or anc.get("id") is not None):
                out.append(anc)
    return out


def _clean(root: Any, base_url: str, level: int = 2) -> bool:
    """Drop non-content markup in place; `level` 2 = all class rules, 1 = strong only, 0 = none.
    True when a box around a button link was marked (`_mark_cta_boxes`; it may be gone since)."""
    # embeds and figures first: their markup (captions, "A post shared by") must not be judged
    # as text, and an embed inside an iframe would be lost with the iframes below
    for el in _maybe_embeds(root):
        if el.getparent() is None and el is not root:
            continue
        emb = _embed_of(el, base_url)
        if emb is not None:
            ph = etree.Element("x-embed")
            ph.tail = el.tail
            ph.set("data-json", json.dumps(emb))
            parent = el.getparent()
            if parent is not None:
                parent.replace(el, ph)
    for el in _photo_box_divs(root):
        if el.getparent() is not None and _is_photo_box(el):
            _as_figure(el)
    replaced = None
    for el in list(root.iter("figure", "picture")):
        if el.getparent() is None:
            continue
        if replaced is not None and _inside(el, replaced):
            continue  # in a figure replaced above (a <picture> in a <figure>): off the tree
        if _replace_figure(el):
            replaced = el
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    total: int | None = None
    last_need: int | None = None
    items = list(root.iter(*DROP_TAGS))
    for k, el in enumerate(items):
        if el.getparent() is None:
            continue
        if el.tag == "form":
            # ASP.NET pages wrap the whole page in one <form>: unwrap a form holding the text
            if total is None:
                # nothing after k reads it: an empty form is dropped uncounted, else stop at 2x
                if last_need is None:
                    last_need = _last_total_need(items, k)
                if last_need < k:
                    _drop(el)
                    continue
                total = _text_len(root) if last_need > k else _text_len(root, 2 * _text_len(el) + 1)
            if total > 0 and _text_len(el) >= 0.5 * total:
                el.tag = "div"
                continue
        if el.tag in _CHROME_TAGS and _long_paragraphs(el, 3) >= 3:
            # measured only when the element has real paragraphs (menus are many and small)
            if total is None:
                total = _text_len(root)
            if _holds_article(el, total):
                continue
        _drop(el)
    cta_marked, cta_total = _cta_boxes(root)
    # the page's text count: the CTA boxes' (same text) unless a weak-name box was dropped first
    total = None
    dropped = False
    # only elements the rules below can act on (C-level selection, in document order)
    nodes = _maybe_boiler(root)
    i, end = 0, len(nodes)
    while i < end:
        el = nodes[i]
        i += 1
        if el.getparent() is None:
            continue
        tag = el.tag
        if tag in ("x-embed", "x-image"):
            continue
        # hidden (attribute, class, style) or chrome; each attribute read once
        get = el.get
        cls = get("class")
        style = get("style")
        if (tag in ("aside", "footer") or get("hidden") is not None
                or (cls and not _HIDDEN_CLASSES.isdisjoint(cls.split()))
                or (style and _HIDDEN_STYLE.search(style))
                or get("role") in _CHROME_ROLES
                or (get("aria-hidden") == "true" and tag not in ("p", "span", "a", "em", "strong"))):
            if total is None:
                total = cta_total if cta_total is not None and not dropped else _text_len(root)
            if not _holds_article(el, total):
                i = _drop_subtree(el, i, nodes, total is None)
            continue
        ident = f"{cls or ''} {get('id') or ''}".strip()
        if not ident or tag in ("body", "html", "main", "article"):
            continue
        strong, weak = _ident_kind(ident)
        if level >= 1 and strong:
            # never drop a container holding a large share of the page's text
            if total is None:
                total = cta_total if cta_total is not None and not dropped else _text_len(root)
            if _text_len(el, 0.4 * total) < 0.4 * total:
                i = _drop_subtree(el, i, nodes, total is None)
        elif level >= 2 and weak:
            # weak names ("widget", "meta", "next") also wrap whole articles: keep elements
            # that hold real paragraphs
            if _long_paragraphs(el) < 2:
                dropped = dropped or total is None
                i = _drop_subtree(el, i, nodes, total is None)
    return cta_marked


def _last_total_need(items: list[Any], start: int) -> int:
    """Index of the last of `items` from `start` on that may read the page's text count in
    `_clean`'s first loop (-1: none): a form with text, a chrome element with three paragraphs
    of 120 characters. Drops only shorten what they leave (text_content; a count of 0 stays 0)."""
    last = -1
    for k in range(start, len(items)):
        el = items[k]
        if el.tag == "form":
            if _text_len(el, 1) > 0:
                last = k
        elif el.tag in _CHROME_TAGS:
            n = 0
            for p in el.iter("p"):
                if len(p.text_content()) >= 120:
                    n += 1
                    if n >= 3:
                        last = k
                        break
    return last


# what `_clean`'s last pass looks at: aside/footer, hidden, aria-hidden, role, class/id names
# (the XPath test; tests/test_body_cpu.py checks `_maybe_boiler` against it)
_BOILER_TEST = ("@class or @id or @style or @hidden or @aria-hidden or @role or self::aside or "
                "self::footer")
_BOILER_ATTRS = frozenset(("class", "id", "style", "hidden", "aria-hidden", "role"))


def _maybe_boiler(root: Any) -> list[Any]:
    """The elements under `root` passing `_BOILER_TEST`, in document order. A Python loop over
    the elements' attribute names takes less CPU than the XPath, which evaluated six attribute
    node-sets on each element that has none of them."""
    disjoint = _BOILER_ATTRS.isdisjoint
    return [el for el in root.iterdescendants(etree.Element)
            if not disjoint(el.keys()) or el.tag == "aside" or el.tag == "footer"]


def _drop_subtree(el: Any, i: int, nodes: list[Any], total_unknown: bool) -> int:
    """`_drop(el)` in `_clean`'s pass over `nodes` (document order; `el` is ``nodes[i - 1]``):
    returns the index past el's descendants, which no longer count.

    The pass used to visit them (and measure their text, again and again inside large dropped
    boxes); nothing it did there reached the document, except that the page's text length is
    measured the first time it is needed. While that has not happened, the subtree is still
    visited (its own nodes are dropped with it, so the pass gives the same result)."""
    _drop(el)
    if total_unknown:
        return i
    # el's descendants among `nodes` are the ones that follow it there (document order), up to
    # the first that is not: a walk of its subtree alongside finds them, for less CPU than an
    # XPath count that tests each descendant (its subtree has not changed since `nodes` was
    # selected: what the pass dropped so far precedes el and does not hold it)
    end = len(nodes)
    if i == end:
        return i
    nxt = nodes[i]
    for d in el.iterdescendants():
        if d is nxt:
            i += 1
            if i == end:
                break
            nxt = nodes[i]
    return i


@lru_cache(maxsize=4096)
def _ident_kind(ident: str) -> tuple[bool, bool]:
    """(strong boilerplate name, weak boilerplate name without a content word) of a class/id.

    An ASCII name is split into its `-`/`_`/space-separated words and each looked up in a set
    (a word may end in digits): what the patterns match, at a fraction of the CPU (three
    case-insensitive alternations scanned every position). Other names, and names holding a
    list entry that spans words (`_MULTI_WORDS`), go to the patterns."""
    low = ident.lower()
    if ident.isascii() and not any(w in low for w in _MULTI_WORDS):
        strong = weak = content = False
        for tok in low.replace("-", " ").replace("_", " ").split():
            stem = tok.rstrip("0123456789") or tok
            kind = _WORD_KIND.get(tok) or (_WORD_KIND.get(stem) if stem != tok else None)
            if kind == "strong":
                strong = True
            elif kind == "weak":
                weak = True
            elif kind == "content":
                content = True
        return strong, (strong or weak) and not content
    return (_STRONG.search(ident) is not None,
            _BOILER.search(ident) is not None and _CONTENT.search(ident) is None)


def _word_kinds() -> dict[str, str]:
    def words(alternation: str) -> list[str]:
        out = []
        for w in alternation.split("|"):
            out += [w[:-2], w[:-1]] if w.endswith("s?") else [w]  # "comments?"
        return out

    kinds = {w: "content" for w in words(_CONTENT_WORDS)}
    kinds.update({w: "weak" for w in words(_WEAK_WORDS)})
    kinds.update({w: "strong" for w in words(_STRONG_WORDS)})
    return kinds


# a name's words are looked up here; no word is in two of the lists (tests/test_body_cpu.py)
_WORD_KIND = _word_kinds()
# entries spanning words go to the patterns, unless their first word is an entry of the same
# kind (a name matching "article-body" matches "article": content either way). So the common
# names never compile the patterns (~2 ms of start-up)
_MULTI_WORDS = tuple(w for w, k in _WORD_KIND.items()
                     if "-" in w and _WORD_KIND.get(w.split("-")[0]) != k)


_BUTTON_CLS = lazy(r"(?:^|[-_\s])(?:button|btn|cta)(?:$|[-_\s])", re.IGNORECASE)


_CTA_MARK = CTA_MARK
_CLASSED_LINKS = etree.XPath("descendant::a[@class or @role]")


@lru_cache(maxsize=4096)
def _is_button_class(cls: str) -> bool:
    return _BUTTON_CLS.search(cls) is not None


def _mark_cta_boxes(root: Any) -> bool:
    """Mark small boxes built around a button-styled link ("Support us", "Subscribe now").

    The box is the largest ancestor of the link (up to four levels) that stays short and
    holds no more than one real paragraph; article text never carries buttons. Marked boxes
    still count when the container is chosen (as the non-text they are) but never reach the
    paragraphs. True when a box was marked.
    """
    return _cta_boxes(root)[0]


def _cta_boxes(root: Any) -> tuple[bool, int | None]:
    """`_mark_cta_boxes`, and the text length of the page when it was measured (else None)."""
    marked = False
    total: int | None = None  # nothing here changes the text: measured once, when needed
    seen: dict[Any, tuple[int, bool]] = {}  # ancestor -> (its text, too big)
    for a in _CLASSED_LINKS(root):
        if not (_is_button_class(a.get("class") or "") or a.get("role") == "button"):
            continue
        box, box_len = a, 0
        for level, anc in enumerate(a.iterancestors()):
            if level >= 4 or anc is root or anc.tag in ("body", "html", "article", "main"):
                break
            got = seen.get(anc)  # the buttons of one bar share their ancestors
            if got is None:
                n = _text_len(anc)  # read if <= 600: a whole count (in C) beats a capped one
                got = seen[anc] = (n, n > 600 or _long_paragraphs(anc) >= 2)
            n, too_big = got
            if too_big:
                break
            box, box_len = anc, n
        if box is not a:
            if total is None:
                # box_len <= 600: any total from 3,001 on gives the same answer; the whole count
                # (in C, and `_clean` reuses it) takes less CPU than one stopping at 3,001
                total = _text_len(root)
            if box_len < 0.2 * total:
                box.set(_CTA_MARK, "1")
                marked = True
    return marked, total
