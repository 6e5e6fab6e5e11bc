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
ASP.NET page-wide ``<form>``, an unclosed ``<aside>``, React's hidden streaming ``<div>``).
When the DOM gives almost nothing, the HTML carried in a Next.js flight payload
(``self.__next_f.push``) is extracted instead.

JSON-LD ``articleBody`` replaces the DOM result when the DOM result is implausibly short next to
it (pages that render the text with JavaScript). Pure function of a `Page`; no Scrapy.
"""

from __future__ import annotations

import copy
import html as htmllib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from newsspider.extract.bodylist import (
    CTA_MARK,
    continuation,
    first_item,
    item_articles,
    item_title,
)
from newsspider.extract.lazyre import lazy
from newsspider.extract.page import Page, css_select, jsonld_types
from newsspider.extract.text import clean_text, fold, has_cjk, normalize_ws, word_tokens
from newsspider.urls import safe_urljoin as urljoin

__all__ = ["extract_body"]

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td",
    "th", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "form", "fieldset",
    "address", "details", "summary", "center", "picture", "video", "audio", "iframe", "noscript",
    "caption", "menu", "hgroup", "dialog", "body", "html",
    "x-embed", "x-image",
})
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "button", "input", "select",
             "textarea", "form", "nav", "iframe", "object", "embed", "canvas", "dialog", "map",
             "link", "meta", "head", "audio", "video", "source", "menu", "label", "option")
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

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
_CONTENT = lazy(
    r"(?:^|[-_\s])(?:article|articlebody|article-body|body|content|entry|main|story|"
    r"post|text|richtext|prose|paragraph|copy|blog)(?:$|[-_\s]|\d+(?:$|[-_\s]))",
    re.IGNORECASE,
)
_POSITIVE = lazy(r"article|body|content|entry|main|story|post|text|prose|paragraph", re.IGNORECASE)
_NEGATIVE = lazy(
    r"comment|sidebar|footer|related|recommend|teaser|promo|share|social|widget|nav|menu|"
    r"header|newsletter|banner|sponsor|advert|popular|trending|meta|byline",
    re.IGNORECASE,
)
_BOILER_LINE = lazy(
    r"^(?:advertisement|anzeige|werbung|publicité|publicidad|pubblicità|annonse|annons|reklame|"
    r"sponsored|ad|ads|share|share this|share this article|share on \w+|teilen|tweet|"
    r"read more|weiterlesen|mehr lesen|mehr zum thema|see also|related|related articles?|"
    r"scroll to top|back to top|nach oben|zum seitenanfang|continue reading|"
    r"subscribe|sign up|newsletter|print|drucken|copy link|link kopieren|e-?mail|"
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|"
    r"loading\.*|bitte warten|click here|hier klicken|leave a reply|comments?|kommentare?|"
    r"photo|foto|bild|image|video|audio|listen|anhören|vorlesen|"
    r"[\d\s:./-]+|\W+)$",
    re.IGNORECASE,
)

# unexpanded template markers ("$$ARTICLEAD$$", "{{ad_slot}}", "%%AD%%")
_PLACEHOLDER = lazy(r"^(?:\$\$[\w-]+\$\$|\{\{[^{}]*\}\}|%%[\w-]+%%|\[\[[\w-]+\]\])$")
_EMAIL = lazy(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)

_EMBED_HOSTS = (
    ("twitter.com", "tweet"), ("x.com", "tweet"), ("instagram.com", "instagram"),
    ("youtube.com", "youtube"), ("youtube-nocookie.com", "youtube"), ("youtu.be", "youtube"),
    ("tiktok.com", "tiktok"), ("vimeo.com", "video"), ("dailymotion.com", "video"),
    ("facebook.com", "other"), ("spotify.com", "other"), ("soundcloud.com", "other"),
)


@dataclass
class Block:
    """One unit of the linear document: text, an image or an embed."""

    kind: str  # p | h | li | blockquote | pre | embed | image
    text: str = ""
    owner: Any = None  # element the text belongs to (for container membership)
    link_chars: int = 0
    group: Any = None  # list / blockquote element the block belongs to (for body_html)
    list_tag: str = "ul"
    heading_level: int = 2
    image: dict[str, Any] | None = None
    embed: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


# ------------------------------------------------------------------------------ public API


def extract_body(page: Page, metadata: dict[str, Any] | None = None) -> dict[str, Any]:
    """Paragraphs, kinds, body, body_html, images and embeds of the article (see contracts)."""
    metadata = metadata or {}
    root = page.tree.find("body")
    if root is None:
        root = page.tree
    selectors = (page.profile or {}).get("selectors") or {}
    if not isinstance(selectors, dict):
        selectors = {}
    result = _extract_from(copy.deepcopy(root), page.url, metadata.get("title"), selectors)
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


def _extract_from(root: Any, url: str, title: str | None, selectors: dict[str, Any]
                  ) -> dict[str, Any]:
    _drop_selected(root, selectors.get("remove"))
    result: dict[str, Any] = {}
    for level in (2, 1, 0):
        # like readability: when aggressive cleaning leaves almost nothing, retry gentler
        work = copy.deepcopy(root) if level > 0 else root
        _clean(work, url, level)
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
        chosen = _select_blocks(blocks, container, title, more)
        attempt = _assemble(chosen)
        if not result or len(attempt["body"]) > len(result["body"]):
            result = attempt
        if len(result["body"]) >= 500:
            break
    return result


_FLIGHT = lazy(r"^\s*self\.__next_f\.push\((\[.*\])\)\s*;?\s*$", re.DOTALL)


def _flight_html(page: Page) -> Any:
    """HTML fragments of a Next.js flight payload (``self.__next_f.push([1, "<p>..."])``)."""
    parts: list[str] = []
    for script in page.tree.iter("script"):
        m = _FLIGHT.match(script.text or "")
        if not m:
            continue
        try:
            data = json.loads(m[1])
        except ValueError:
            continue
        if len(data) == 2 and isinstance(data[1], str):
            chunk = data[1].strip()
            if chunk.startswith("<") and re.search(r"<p[\s>]", chunk):
                parts.append(chunk)
    if not parts:
        return None
    # a chunk may hold a whole document (or a stray </body><body>): lxml's fragment parser
    # asserts on a second <body>, so parse a document and gather every body's children
    try:
        doc = lxml_html.document_fromstring("<html><body>" + "\n".join(parts) + "</body></html>")
    except (etree.ParserError, ValueError):
        return None
    holder = lxml_html.Element("div")
    for body in doc.iter("body"):
        if body.text and body.text.strip():
            p = lxml_html.Element("p")
            p.text = body.text
            holder.append(p)
        holder.extend(list(body))
    return holder if len(holder) else None


# ---------------------------------------------------------------------------------- cleaning


def _drop_selected(root: Any, selector: Any) -> None:
    for el in css_select(root, selector):
        _drop(el)


def _drop(el: Any) -> None:
    """Remove `el` but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _ident(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


_HIDDEN_CLASSES = {"hidden", "is-hidden", "d-none", "hide", "visually-hidden", "sr-only",
                   "visuallyhidden", "screen-reader-text", "u-hidden"}


_HIDDEN_STYLE = lazy(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None:
        return True
    cls = el.get("class")
    if cls and not _HIDDEN_CLASSES.isdisjoint(cls.split()):
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return False


def _holds_article(el: Any, total: int) -> bool:
    """True when `el` holds most of the page's text in real paragraphs.

    Broken markup puts the article inside an unclosed <aside>, ASP.NET wraps the page in a
    <form>, React streaming SSR parks the rendered article in a hidden ``<div id="S:1">``
    that a script moves into place: none of these is boilerplate.
    """
    return total > 0 and _text_len(el, 0.4 * total) >= 0.4 * total and _long_paragraphs(el, 3) >= 3


def _text_len(el: Any, enough: float | None = None) -> int:
    """Characters of text under `el` (each piece stripped); with `enough`, counting stops as
    soon as the sum reaches it (callers compare with a threshold: same answer, bounded cost)."""
    if enough is None:
        return sum(map(len, map(str.strip, el.itertext())))
    n = 0
    for t in el.itertext():
        n += len(t.strip())
        if n >= enough:
            break
    return n


def _long_paragraphs(el: Any, limit: int = 2) -> int:
    n = 0
    for p in el.iter("p"):
        text = p.text_content()
        if len(text) >= 120:
            links = sum(len(a.text_content()) for a in p.iter("a"))
            if links < 0.3 * len(text):
                n += 1
                if n >= limit:
                    break
    return n


def _clean(root: Any, base_url: str, level: int = 2) -> None:
    """Drop non-content markup in place; `level` 2 = all class rules, 1 = strong only, 0 = none."""
    # embeds and figures first: their markup (captions, "A post shared by") must not be judged
    # as text, and an embed inside an iframe would be lost with the iframes below
    for el in list(root.iter("blockquote", "iframe", "div", "amp-twitter", "amp-instagram",
                             "amp-youtube", "lite-youtube")):
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
    for el in list(root.iter("div")):
        if el.getparent() is not None and _is_photo_box(el):
            _as_figure(el)
    for el in list(root.iter("figure", "picture")):
        if el.getparent() is None:
            continue
        _replace_figure(el, base_url)
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    total: int | None = None
    for el in list(root.iter(*DROP_TAGS)):
        if el.getparent() is None:
            continue
        if el.tag == "form":
            # ASP.NET pages wrap the whole page in one <form>: unwrap a form holding the text
            if total is None:
                total = _text_len(root)
            if total > 0 and _text_len(el) >= 0.5 * total:
                el.tag = "div"
                continue
        _drop(el)
    _mark_cta_boxes(root)
    total = None
    # only elements the rules below can act on (C-level selection, in document order)
    nodes = _MAYBE_BOILER(root)
    i, end = 0, len(nodes)
    while i < end:
        el = nodes[i]
        i += 1
        if el.getparent() is None:
            continue
        if el.tag in ("x-embed", "x-image"):
            continue
        if el.tag in ("aside", "footer") or _is_hidden(el):
            if total is None:
                total = _text_len(root)
            if not _holds_article(el, total):
                i = _drop_subtree(el, i, nodes, total is None)
            continue
        if el.get("aria-hidden") == "true" and el.tag not in ("p", "span", "a", "em", "strong"):
            i = _drop_subtree(el, i, nodes, total is None)
            continue
        role = el.get("role")
        if role in ("navigation", "complementary", "contentinfo", "banner", "dialog", "search"):
            i = _drop_subtree(el, i, nodes, total is None)
            continue
        ident = _ident(el)
        if not ident or el.tag in ("body", "html", "main", "article"):
            continue
        strong, weak = _ident_kind(ident)
        if level >= 1 and strong:
            # never drop a container holding a large share of the page's text
            if total is None:
                total = _text_len(root)
            if _text_len(el, 0.4 * total) < 0.4 * total:
                i = _drop_subtree(el, i, nodes, total is None)
        elif level >= 2 and weak:
            # weak names ("widget", "meta", "next") also wrap whole articles: keep elements
            # that hold real paragraphs
            if _long_paragraphs(el) < 2:
                i = _drop_subtree(el, i, nodes, total is None)


# what `_clean`'s last pass looks at: aside/footer, hidden, aria-hidden, role, class/id names
_BOILER_TEST = "self::aside or self::footer or @hidden or @class or @id or @style or @aria-hidden or @role"
_MAYBE_BOILER = etree.XPath(f"descendant::*[{_BOILER_TEST}]")
_COUNT_MAYBE_BOILER = etree.XPath(f"count(descendant::*[{_BOILER_TEST}])")


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
    return i + int(_COUNT_MAYBE_BOILER(el))


@lru_cache(maxsize=4096)
def _ident_kind(ident: str) -> tuple[bool, bool]:
    """(strong boilerplate name, weak boilerplate name without a content word) of a class/id."""
    return (_STRONG.search(ident) is not None,
            _BOILER.search(ident) is not None and _CONTENT.search(ident) is None)


_BUTTON_CLS = lazy(r"(?:^|[-_\s])(?:button|btn|cta)(?:$|[-_\s])", re.IGNORECASE)


_CTA_MARK = CTA_MARK
_HAS_CTA_MARK = etree.XPath(f"boolean(//*[@{_CTA_MARK}])")
_CLASSED_LINKS = etree.XPath("descendant::a[@class or @role]")


@lru_cache(maxsize=4096)
def _is_button_class(cls: str) -> bool:
    return _BUTTON_CLS.search(cls) is not None


def _mark_cta_boxes(root: Any) -> None:
    """Mark small boxes built around a button-styled link ("Support us", "Subscribe now").

    The box is the largest ancestor of the link (up to four levels) that stays short and
    holds no more than one real paragraph; article text never carries buttons. Marked boxes
    still count when the container is chosen (as the non-text they are) but never reach the
    paragraphs.
    """
    total: int | None = None  # nothing here changes the text: measured once, when needed
    for a in _CLASSED_LINKS(root):
        if not (_is_button_class(a.get("class") or "") or a.get("role") == "button"):
            continue
        box, box_len = a, 0
        for level, anc in enumerate(a.iterancestors()):
            if level >= 4 or anc is root or anc.tag in ("body", "html", "article", "main"):
                break
            n = _text_len(anc, 601)  # only "over 600" matters: stop counting there
            if n > 600 or _long_paragraphs(anc) >= 2:
                break
            box, box_len = anc, n
        if box is not a:
            if total is None:
                total = _text_len(root)
            if box_len < 0.2 * total:
                box.set(_CTA_MARK, "1")


def _embed_kind(url: str) -> str | None:
    host = re.sub(r"^https?://(?:www\.|m\.|mobile\.|player\.)?", "", url.strip().lower())
    for h, kind in _EMBED_HOSTS:
        if host.startswith(h):
            return kind
    return None


def _embed_of(el: Any, base_url: str) -> dict[str, Any] | None:
    """Embed record when `el` is a social embed (tweet, Instagram, YouTube...), else None."""
    tag = el.tag
    cls = (el.get("class") or "").lower()
    if tag == "blockquote" and ("twitter-tweet" in cls or "twitter-video" in cls):
        links = [a.get("href") or "" for a in el.iter("a")]
        url = next((u for u in reversed(links) if "/status" in u), links[-1] if links else None)
        ps = el.findall(".//p")
        text = normalize_ws(" ".join(p.text_content() for p in ps)) if ps else None
        author = None
        full = normalize_ws(el.text_content())
        m = re.search(r"[—–-]\s*([^—–(]+?)\s*\(@\w+\)", full)
        if m:
            author = m[1].strip()
        if text is None:
            text = normalize_ws(full.split("—")[0]) or None
        return {"url": url, "kind": "tweet", "author": author, "text": text}
    if tag == "blockquote" and "instagram-media" in cls:
        url = el.get("data-instgrm-permalink") or next(
            (a.get("href") for a in el.iter("a") if a.get("href")), None
        )
        text = None
        author = None
        for p in el.iter("p"):
            t = normalize_ws(p.text_content())
            m = re.match(r"^A (?:post|photo|video) shared by (.+?)(?:\s*\(@[\w.]+\))?\s*(?:on .*)?$",
                         t)
            if m:
                author = m[1].strip()
            elif t and text is None and not t.lower().startswith("view this post"):
                text = t
        return {"url": url, "kind": "instagram", "author": author, "text": text}
    if tag == "blockquote" and "tiktok-embed" in cls:
        url = el.get("cite")
        sec = el.find(".//section")
        text = normalize_ws(sec.text_content()) if sec is not None else None
        author = None
        a = el.find(".//a[@title]")
        if a is not None:
            author = (a.get("title") or "").lstrip("@") or None
        return {"url": url, "kind": "tiktok", "author": author, "text": text or None}
    if tag in ("iframe", "amp-youtube", "lite-youtube", "amp-twitter", "amp-instagram"):
        src = el.get("src") or el.get("data-src") or ""
        if tag == "amp-youtube" or tag == "lite-youtube":
            vid = el.get("data-videoid") or el.get("videoid")
            src = f"https://www.youtube.com/embed/{vid}" if vid else src
        if not src:
            return None
        src = urljoin(base_url, src)
        kind = _embed_kind(src)
        if kind is None:
            return None
        return {"url": src, "kind": kind, "author": None, "text": None, "iframe": True}
    if tag == "div" and ("embed" in cls or "video" in cls) and el.get("data-src"):
        kind = _embed_kind(el.get("data-src"))
        if kind:
            return {"url": urljoin(base_url, el.get("data-src")), "kind": kind, "author": None,
                    "text": None, "iframe": True}
    return None


_CREDIT_CLS = lazy(r"credit|copyright|source|photographer|byline|quelle|fotograf|rights|"
                         r"(?:^|[\W_])src(?:$|[\W_])", re.IGNORECASE)


def _img_url(img: Any, base_url: str) -> str | None:
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        v = img.get(attr)
        if v and not v.startswith("data:"):
            return urljoin(base_url, v.strip())
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first:
            return urljoin(base_url, first)
    return None


_PHOTO_BOX_CLS = lazy(r"photo|image|img|figure|picture|pic\b|media|thumb", re.IGNORECASE)
_CAPTION_CLS = lazy(r"cap|caption|desc|legend|beschriftung|legende", re.IGNORECASE)


def _is_photo_box(el: Any) -> bool:
    """A div-built figure (legacy CMSs): one image, a short caption and/or credit, no paragraphs."""
    if not _is_photo_box_name(_ident(el)):
        return False
    imgs = el.iter("img", "amp-img")
    if next(imgs, None) is None or next(imgs, None) is not None:  # exactly one image
        return False
    if _HAS_TEXT_PART(el):
        return False
    return len(normalize_ws(el.text_content()).split()) <= 40


_HAS_TEXT_PART = etree.XPath("boolean(descendant::p|descendant::figure|descendant::blockquote|"
                             "descendant::h2|descendant::h3)")


@lru_cache(maxsize=4096)
def _is_photo_box_name(ident: str) -> bool:
    return _PHOTO_BOX_CLS.search(ident) is not None


def _as_figure(el: Any) -> None:
    el.tag = "figure"
    for child in el.iterdescendants():
        if isinstance(child.tag, str) and child.tag != "img" and _CAPTION_CLS.search(_ident(child)) \
                and not _CREDIT_CLS.search(_ident(child)):
            child.tag = "figcaption"
            break


def _replace_figure(el: Any, base_url: str) -> None:
    """Turn a <figure>/<picture> into an x-image placeholder carrying url/caption/credit."""
    img = next(el.iter("img", "amp-img"), None)
    url = _img_url(img, base_url) if img is not None else None
    if url is None and el.tag == "figure":
        src = next(el.iter("source"), None)
        if src is not None and src.get("srcset"):
            url = urljoin(base_url, src.get("srcset").split(",")[0].strip().split(" ")[0])
    caption = credit = None
    if el.tag == "figure":
        credits = [c for c in el.iter() if isinstance(c.tag, str) and c is not el
                   and _CREDIT_CLS.search(_ident(c))]
        credit = normalize_ws(" ".join(c.text_content() for c in credits)) or None
        for c in credits:
            _drop(c)
        cap = el.find(".//figcaption")
        if cap is not None:
            caption = normalize_ws(cap.text_content()) or None
    ph = etree.Element("x-image")
    ph.tail = el.tail
    if el.tag == "figure" and url is None and caption is None:
        # a figure without an image (e.g. a chart container or a pull quote) keeps its text
        if el.find(".//x-embed") is not None or el.find(".//blockquote") is not None:
            el.tag = "div"
            return
    ph.set("data-json", json.dumps({"url": url, "caption": caption, "credit": credit}))
    parent = el.getparent()
    if parent is not None:
        parent.replace(el, ph)


# ------------------------------------------------------------------------------------ blocks


class _Walker:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []

    def run(self, root: Any) -> list[Block]:
        self.walk(root, "p", None, "ul")
        return self.blocks

    def walk(self, el: Any, ctx: str, group: Any, list_tag: str, in_link: bool = False) -> None:
        tag = el.tag
        in_link = in_link or tag == "a"
        if tag == "x-embed":
            emb = json.loads(el.get("data-json") or "null")
            if emb:
                self.blocks.append(Block(kind="embed", text=emb.get("text") or "", owner=el,
                                         embed=emb))
            return
        if tag == "x-image":
            img = json.loads(el.get("data-json") or "null")
            if img and img.get("url"):
                self.blocks.append(Block(kind="image", owner=el, image=img))
            return
        if tag == "img":
            url = _img_url(el, self.base_url)
            if url:
                self.blocks.append(Block(kind="image", owner=el, image={
                    "url": url, "caption": None, "credit": None}))
            return
        if tag in HEADING_TAGS:
            ctx = "h"
        elif tag == "li" and ctx not in ("blockquote", "h"):
            ctx = "li"
        elif tag == "blockquote":
            ctx, group = "blockquote", el
        elif tag == "pre":
            ctx = "pre"
        elif tag in ("ul", "ol"):
            group, list_tag = el, tag
        buf: list[str] = []
        links = [0]
        if el.text:
            buf.append(el.text)
        for child in el:
            ctag = child.tag
            if not isinstance(ctag, str):
                if child.tail:
                    buf.append(child.tail)
                continue
            if ctag in BLOCK_TAGS or ctag == "img" or _has_block(child):
                self.flush(buf, links, el, ctx, group, list_tag, in_link)
                buf, links = [], [0]
                self.walk(child, ctx, group, list_tag, in_link)
            elif ctag == "br":
                buf.append("\n")
            else:
                t = child.text_content()
                if ctag == "a":
                    links[0] += len(normalize_ws(t))
                else:
                    links[0] += sum(len(normalize_ws(a.text_content())) for a in child.iter("a"))
                buf.append(t)
            if child.tail:
                buf.append(child.tail)
        self.flush(buf, links, el, ctx, group, list_tag, in_link)

    def flush(self, buf: list[str], links: list[int], owner: Any, ctx: str, group: Any,
              list_tag: str, in_link: bool = False) -> None:
        if not buf:
            return
        text = normalize_ws("".join(buf))
        if not text:
            return
        if in_link:  # a whole block inside a link (teaser cards)
            links[0] = len(text)
        level = int(owner.tag[1]) if owner.tag in HEADING_TAGS else 2
        self.blocks.append(Block(kind=ctx, text=text, owner=owner, link_chars=min(links[0],
                                 len(text)), group=group, list_tag=list_tag,
                                 heading_level=level))


# elements that make their ancestor a block container (text inside them is not inline)
_INNER_BLOCK_TAGS = ("p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote",
                     "h1", "h2", "h3", "h4", "h5", "h6", "figure", "pre", "x-embed", "x-image",
                     "header", "dl")


def _has_block(el: Any) -> bool:
    if len(el) == 0:
        return False
    # the first one in document order is enough: stops there (an XPath boolean() read the whole
    # subtree at every level of a deeply nested inline chain: 1.5 s on one fuzzed page)
    return next(el.iterdescendants(*_INNER_BLOCK_TAGS), None) is not None


def _blocks(root: Any, base_url: str) -> list[Block]:
    return _Walker(base_url).run(root)


# --------------------------------------------------------------------------------- container


def _class_weight(el: Any) -> float:
    ident = _ident(el)
    w = 0.0
    if el.tag == "article" or el.get("itemprop") == "articleBody":
        w += 15
    if not ident:
        return w
    if _POSITIVE.search(ident):
        w += 15
    if _NEGATIVE.search(ident):
        w -= 15
    return w


def _title_article(root: Any, title: str | None) -> Any:
    """The <article> element holding the page's own headline, if any."""
    if not title:
        return None
    key = fold(title)
    for h in root.iter("h1", "h2"):
        if fold(h.text_content()) == key:
            return next((a for a in h.iterancestors() if a.tag == "article"), None)
    return None


def _pick_container(blocks: list[Block], root: Any, title: str | None = None) -> Any:
    scores: dict[Any, float] = {}
    for b in blocks:
        if b.kind not in ("p", "blockquote", "pre", "li") or len(b.text) < 25:
            continue
        if b.link_density > 0.5:
            continue
        s = 1 + b.text.count(",") + b.text.count("、") + min(len(b.text) / 100, 3)
        if b.kind == "li":
            s *= 0.5
        node = b.owner
        if node.tag not in ("p", "pre", "li", "blockquote") and node is not root:
            # anonymous text directly in a div: the div itself is a candidate too
            scores[node] = scores.get(node, 0.0) + s
        for level, anc in enumerate(node.iterancestors()):
            if level > 3:
                break
            scores[anc] = scores.get(anc, 0.0) + s / (1 if level == 0 else 2 * level)
    if not scores:
        return root
    sizes = _TextSizes()
    best, best_score = root, float("-inf")
    anchor = _title_article(root, title)
    if anchor is not None and not any(
        _inside(node, anchor) for node, sc in scores.items() if sc >= 5
    ):
        anchor = None
    for node, s in scores.items():
        if node.tag in ("html",):
            continue
        if anchor is not None and not _inside(node, anchor):
            continue  # several articles on the page (infinite scroll): take the titled one
        total, links = sizes(node)
        if total == 0:
            continue
        adj = (s + _class_weight(node)) * (1 - links / total)
        if adj > best_score:
            best, best_score = node, adj
    return _expand(best, blocks, root)


class _TextSizes:
    """(text length, link text length) of elements, computed bottom-up once per element.

    The text length is ``sum(len(normalize_ws(t)) for t in el.itertext())`` and the link
    length ``sum(len(normalize_ws(a.text_content())) for a in el.iter("a"))``; measuring every
    candidate container that way re-read the subtree of each of its ancestors (one page: 880
    candidates, 416 ms). Here each text piece and each link is measured once."""

    def __init__(self) -> None:
        self.memo: dict[Any, tuple[int, int]] = {}

    def __call__(self, el: Any) -> tuple[int, int]:
        got = self.memo.get(el)
        if got is not None:
            return got
        # children first, without recursion (deep pages): an explicit post-order walk
        stack: list[tuple[Any, bool]] = [(el, False)]
        memo = self.memo
        while stack:
            node, ready = stack.pop()
            if not ready:
                if node in memo:
                    continue
                stack.append((node, True))
                stack.extend((c, False) for c in node if isinstance(c.tag, str) and c not in memo)
                continue
            total = len(normalize_ws(node.text)) if node.text else 0
            links = len(normalize_ws(node.text_content())) if node.tag == "a" else 0
            for c in node:
                if isinstance(c.tag, str):
                    t, lk = memo[c]
                    total += t
                    links += lk
                if c.tail:
                    total += len(normalize_ws(c.tail))
            memo[node] = (total, links)
        return memo[el]


def _is_good(b: Block) -> bool:
    n = len(b.text)
    return b.kind in ("p", "blockquote", "li", "pre") and b.link_density <= 0.3 and (
        n >= 40 or (n >= 15 and has_cjk(b.text))
    )




def _foreign_article(node: Any, stop: Any, own: Any) -> bool:
    """True when `node` sits in an <article> (below `stop`) other than `own`."""
    for anc in (node, *node.iterancestors()):
        if anc is stop:
            return False
        if anc.tag == "article" and anc is not own:
            return True
    return False


def _expand(best: Any, blocks: list[Block], root: Any) -> Any:
    """Climb from the top-scoring node to the ancestor maximising good text minus the rest.

    Articles are often split over sibling wrappers (one per paragraph group, ad slots between
    them); the best single node then holds only part of the text.
    """
    chain = [best, *best.iterancestors()]
    index = {id(el): i for i, el in enumerate(chain)}
    # text inside another <article> than ours (infinite scroll, teaser cards) never counts as
    # ours: climbing to a common ancestor of two articles must not pay off
    own_article = next((el for el in chain if el.tag == "article"), None)
    good = [0.0] * len(chain)
    bad = [0.0] * len(chain)
    for b in blocks:
        if b.kind in ("image", "embed") or b.owner is None:
            continue
        weight = float(len(b.text))
        is_good = _is_good(b)
        neutral = b.kind == "h" and b.link_density < 0.5
        node = b.owner
        # find the first element of the chain that contains this block
        pos = index.get(id(node))
        if pos is None:
            for anc in node.iterancestors():
                pos = index.get(id(anc))
                if pos is not None:
                    break
        if pos is None:
            continue
        if is_good and pos > 0 and _foreign_article(node, chain[pos], own_article):
            is_good = neutral = False
        if is_good:
            good[pos] += weight
        elif not neutral:
            bad[pos] += weight * (2 if b.link_density > 0.5 else 1)
    best_i, best_val = 0, float("-inf")
    g = bd = 0.0
    for i, el in enumerate(chain):
        g += good[i]
        bd += bad[i]
        val = g - bd
        if val > best_val + 1e-9:
            best_i, best_val = i, val
        if el is root or el is own_article:
            break  # an <article> element is the semantic boundary of the text
    return chain[best_i]


def _inside(el: Any, container: Any) -> bool:
    if el is container:
        return True
    for anc in el.iterancestors():
        if anc is container:
            return True
    return False


def _chrome_head(text: str) -> bool:
    """A line that opens a box of other things than the text ("Related", "Read more")."""
    return bool(_BOILER_LINE.match(text) or _CTA_LINE.match(text))


def _story_head(text: str) -> bool:
    """A date or byline line: the header of a story (another one, after ours)."""
    return _date_line(text) or (len(text) <= 90 and _BYLINE_LINE.match(text) is not None)


def _select_blocks(blocks: list[Block], container: Any, title: str | None,
                   more: list[Any] | None = None) -> list[Block]:
    title_key = fold(title) if title else ""
    chosen: list[Block] = []
    # the lead image usually sits above the text container, in the article header
    scope = next((a for a in container.iterancestors() if a.tag in ("article", "main")),
                 container.getparent())
    cards = _teaser_cards(container)
    # boxes marked by _mark_cta_boxes; most pages have none, and then no block needs the test
    cta_marked = _HAS_CTA_MARK(container.getroottree())
    started = False
    lead = True  # before the first real paragraph: dates, bylines, kickers live here
    for i, b in enumerate(blocks):
        if chosen and lead and chosen[-1].kind == "p" and len(chosen[-1].text) >= 100:
            lead = False
        if not _inside(b.owner, container) and not (more and any(_inside(b.owner, m)
                                                                 for m in more)):
            if (not started and b.kind == "image" and scope is not None
                    and _inside(b.owner, scope)):
                chosen.append(b)
            continue
        started = True
        if cards and any(_inside(b.owner, c) for c in cards):
            continue
        if cta_marked and b.owner is not None and (b.owner.get(_CTA_MARK) or any(
                a.get(_CTA_MARK) for a in b.owner.iterancestors())):
            continue
        if b.kind in ("image", "embed"):
            chosen.append(b)
            continue
        text = b.text
        if b.kind == "h" and (b.heading_level == 1 or _is_title(fold(text), title_key, lead)
                              or (_kicker_heading(text, chosen)
                                  and not first_item(blocks, i))):
            continue
        if _BOILER_LINE.match(text) or _PLACEHOLDER.match(text) or _chrome_line(text, lead):
            continue
        if len(text) <= 120 and _EMAIL.search(text):
            continue  # "Jane Doe, reporter jane@paper.example": a contact line, not text
        if b.link_density > 0.5 and not (b.kind == "h" and (b.link_density < 1
                                                             or item_title(blocks, i))):
            continue  # links, except headings naming the text under them (list items)
        if b.kind == "li" and b.link_density > 0.3:
            continue
        chosen.append(b)
    chosen = _drop_author_box(_drop_summary_box(_drop_repeats(chosen)))
    # headings with nothing after them (e.g. "More on this topic") are not part of the text
    while chosen and chosen[-1].kind in ("h", "image"):
        if chosen[-1].kind == "image":
            break
        chosen.pop()
    return chosen


_TEXT_KINDS = ("p", "li", "blockquote", "pre")


def _teaser_cards(container: Any) -> list[Any]:
    """<article> elements nested in the text container holding a small part of its text:
    teaser cards for other stories ("more on this topic") placed between paragraphs."""
    nested = [a for a in container.iter("article") if a is not container]
    if not nested:
        return []
    total = _text_len(container)
    items = item_articles(nested)  # a list article's items, each an <article>
    return [a for a in nested if _text_len(a) < 0.3 * total and a not in items]


def _kicker_heading(text: str, chosen: list[Block]) -> bool:
    """A short heading above the first text block: a kicker or a variant of the headline.

    Long headings there are standfirsts, and summary-box heads are handled with their box.
    """
    limit = 30 if has_cjk(text) else 90
    return (len(text) <= limit and not _SUMMARY_HEAD.match(text)
            and not any(c.kind in _TEXT_KINDS for c in chosen))


# "— Name" closing a block quote: repeated when one person is quoted in several blocks, and
# never chrome (the quote extractor takes its speaker from it)
_ATTRIBUTION_LINE = lazy(r"^\s*(?:[—–―~]|-{1,2})\s*\w")


def _drop_repeats(blocks: list[Block]) -> list[Block]:
    """Drop pull quotes (text repeated inside a longer block) and UI lines repeated 3+ times
    (not "— Name" attribution lines)."""
    texts = [fold(b.text) if b.kind not in ("image", "embed") else "" for b in blocks]
    counts: dict[str, int] = {}
    for t in texts:
        if t:
            counts[t] = counts.get(t, 0) + 1
    longer = [t for t in texts if len(t) >= 80]
    out = []
    for b, t in zip(blocks, texts, strict=True):
        if t and counts[t] >= 3 and len(t) < 200 and not _ATTRIBUTION_LINE.match(t):
            continue
        if t and b.kind == "blockquote" and len(t) >= 30 and any(
            len(o) > len(t) + 20 and t.strip("\"'«»„“” .") in o for o in longer
        ):
            continue
        out.append(b)
    return out


# "Key points", "In brief": an editorial summary box above the text (its points repeat it)
_SUMMARY_HEAD = lazy(
    r"^(?:key points|key takeaways|highlights|at a glance|in brief|summary|the big picture|"
    r"das wichtigste in kürze|in kürze|auf einen blick|zusammenfassung|kurz gesagt|"
    r"kort fortalt|kortversjonen|kortversionen|kort sagt|en bref|l'essentiel|en resumen|"
    r"lo más importante|in sintesi|in breve|samenvatting|w skrócie)\s*:?$",
    re.IGNORECASE,
)


def _drop_summary_box(blocks: list[Block]) -> list[Block]:
    text_seen = 0
    for i, b in enumerate(blocks):
        if b.kind in ("image", "embed"):
            continue
        if b.kind == "p" and len(b.text) >= 100:
            break
        text_seen += 1
        if text_seen > 4:
            break
        if b.kind in ("h", "p") and _SUMMARY_HEAD.match(b.text):
            j = i + 1
            while j < len(blocks) and blocks[j].kind in ("li", "image"):
                j += 1
            if j > i + 1:
                return blocks[:i] + blocks[j:]
    return blocks


# "About the author" at the end of the text: a bio box, not the article
_BIO_HEAD = lazy(
    r"^(?:about the authors?|the authors?|die autorin|der autor|die autoren|über (?:den|die) "
    r"autor(?:in|en)?|zur person|sobre (?:la firma|el autor|la autora)|l'auteur|à propos de "
    r"l'auteur|sull'autore|om forfatteren|om skribenten)\s*:?$",
    re.IGNORECASE,
)


def _drop_author_box(blocks: list[Block]) -> list[Block]:
    text_idx = [i for i, b in enumerate(blocks) if b.kind not in ("image", "embed")]
    for n, i in enumerate(text_idx):
        if n >= len(text_idx) // 2 and len(text_idx) - n <= 6 and _BIO_HEAD.match(blocks[i].text):
            return blocks[:i]
    return blocks


def _is_title(key: str, title_key: str, lead: bool) -> bool:
    """A heading repeating the headline (with a kicker glued on, or cut short at the top)."""
    if not title_key or not key:
        return False
    if key == title_key:
        return True
    return lead and (title_key in key or (key in title_key and len(key) >= 0.6 * len(title_key)))


# --------------------------------------------------------------------------- chrome lines
# Short lines around the text that describe it rather than belong to it: dates and reading
# times, photo credits, bylines, "more on this topic" / newsletter calls to action.

_MONTHS = (
    r"jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|rero|braio|ruari)?|märz|mar(?:ch|s|zo|ço)?|"
    r"maart|apr(?:il|ile)?|avril|abril|ma[iy]|mayo|maggio|maio|mei|jun(?:e|i|io|ho)?|juin|"
    r"giugno|jul(?:y|i|io|ho)?|juillet|luglio|aug(?:ust|ustus)?|août|agosto|"
    r"sep(?:t|tember|tiembre)?|sept?embre|setembro|oct(?:ober|obre)?|okt(?:ober)?|ottobre|"
    r"outubro|nov(?:ember|embre|embro)?|de[cz](?:ember)?|d[ée]cembre|diciembre|dicembre|"
    r"dezembro|enero|gennaio|febrero|janeiro|fevereiro|ocak|şubat|mart|nisan|mayıs|haziran|"
    r"temmuz|ağustos|eylül|ekim|kasım|aralık|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"mo|di|mi|do|fr|sa|so|heute|gestern|today|yesterday|hoy|ayer|aujourd'hui|hier|oggi|ieri"
)
# words of "Published: ... | Updated ... | 3 min read" lines (besides dates and times)
_DATE_WORDS = (
    r"stand|publiziert|veröffentlicht|aktualisiert|erschienen|geschrieben|am|um|uhr|lesezeit|"
    r"lesedauer|min|mins|minuten|minutes?|read|reading|time|updated?|published|posted|last|on|"
    r"at|et|cet|cest|mez|mesz|gmt|utc|bst|edt|est|pdt|pst|ist|jst|kst|pm|a\.m|p\.m|"
    r"hours?|days?|stunden?|tagen?|ago|vor|seit|online|zuletzt|geändert|le|à|mis|jour|publié|"
    r"modifié|il|y|a|heures?|actualizado|publicado|atualizado|el|las|ore|aggiornato|"
    r"pubblicato|alle|and|und|publicerad|uppdaterad|publisert|oppdatert|udgivet|opdateret|kl|"
    r"gepubliceerd|bijgewerkt|publikacja|aktualizacja|giriş|güncelleme|"
    r"minuti|di|lettura|lectura|leitura|lecture"
)
_DATE_TOKEN = lazy(
    rf"\b(?:{_MONTHS})\b\.?|\b(?:{_DATE_WORDS})\b\.?|\d+(?:[.:/h]\d*)*|[|/,·•:\-–—()]|"
    r"[年月日時分]|更新|입력|수정",
    re.IGNORECASE,
)
_TIME_OR_META = lazy(
    r"\d{1,2}[:.h時]\s?\d{2}|\b(?:uhr|min|mins|minuten|minutes?|lesezeit|lesedauer|read|stand|"
    r"publiziert|veröffentlicht|aktualisiert|erschienen|geschrieben|updated?|published|posted|"
    r"publié|actualizado|publicado|aggiornato|pubblicato|publicerad|uppdaterad|publisert|"
    r"oppdatert|publikacja|aktualizacja|giriş|güncelleme|ago)\b|更新|입력",
    re.IGNORECASE,
)
_DIGIT_EDGE = lazy(r"(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)")
_CREDIT_LINE = lazy(
    r"^(?:bildrechte|bildquelle|fotos?|photos?|bild|image|credit|quelle|source|copyright|"
    r"fotocredit|picture)\s*[:©]|^(?:©|\(c\)\s|copyright\s+©)|"
    r"(?:bildrechte|foto|photo|credit)\s*:\s*[^.!?:]{2,60}$|\|\s*getty images$",
    re.IGNORECASE,
)
_BYLINE_LINE = lazy(
    r"^(?:von|by|par|por|di|door|av|af|autor|autorin|author)\s*:?\s+"
    r"[A-ZÄÖÜÉ][\w'.-]+(?:[\s,]+(?:und|and|et|y|e|og|och|von|van|de|der|den|la|le|di|da|"
    r"[A-ZÄÖÜÉ][\w'.-]*))*\s*[,.]?\s*$"
)
_CTA_LINE = lazy(
    r"^(?:mehr zum thema|mehr zu[mr]?\b|lesen sie (?:auch|mehr)|weitere informationen|"
    r"dieses thema im programm|fehler gefunden|got a story|for more stories|follow [\w.]+ on|"
    r"sign up (?:to|for)|subscribe to|related:|read more:|read also|see also|also read|"
    r"mit agenturmaterial|mit informationen (?:von|der|des)|with files from|with reporting by|"
    r"auch interessant|das könnte sie auch interessieren|passend zum artikel|"
    r"schlagwörter|tags?:|themen:|zitiervorschlag|links:|"
    r"click here|klicken sie hier|hier klicken|jetzt abonnieren|abonnieren sie|"
    r"you might also like|recommended|don't miss|"
    r"lire aussi|à lire aussi|leggi anche|lee también|te puede interesar|les også|läs också|"
    r"our website is|we apologi[sz]e, but|wird geladen|czytaj (?:więcej|też|także)|"
    r"pozostało jeszcze|il vous reste|la suite est réservée|para saber más|noticia relacionada|"
    r"más información|sommaire|häufig gelesen|meistgelesen|ein klick für den datenschutz|"
    r"quellen:|sources:|kommentar abgeben|yazı boyutu|reklam:?$|реклама:?$|advertisement:?$|"
    r"\[pr\]$|【関連記事】|関連記事|関連キーワード|おすすめ情報|この記事は会員限定|"
    r"cek berita|stay informed with|hat ihnen dieser artikel gefallen|"
    r"get real-time updates|liveblog$)",
    re.IGNORECASE,
)

# "Watch <show> on <service> below!", "This article first appeared on ... and is republished
# with permission"
_CTA_ANY = lazy(
    r"^(?:watch|listen to|stream|check out|schauen sie|sehen sie|hören sie)\b.{0,120}"
    r"\b(?:below|here|above|unten|hier)\s*[.!:]?$|"
    r"\b(?:republished|reproduced|reprinted) (?:here )?with (?:the )?(?:kind )?permission\b|"
    r"^this (?:article|story|piece|post) (?:was |is |has been )?(?:first |originally )?"
    r"(?:published|appeared|posted)\b",
    re.IGNORECASE,
)


def _date_line(text: str) -> bool:
    """Nothing but date/time words ("Published 3 March 2026, 10:05 | 3 min read")."""
    return len(text) <= 80 and any(c.isdigit() for c in text) and not _DATE_TOKEN.sub(
        " ", _DIGIT_EDGE.sub(" ", text)).split()


def _chrome_line(text: str, lead: bool) -> bool:
    n = len(text)
    if _date_line(text):
        # nothing but date/time words: keep bare dates deeper in the text (live-blog days)
        if lead or _TIME_OR_META.search(text):
            return True
    if n <= 250 and (_CREDIT_LINE.search(text) or _CTA_LINE.match(text) or _CTA_ANY.search(text)):
        return True
    return lead and n <= 90 and _BYLINE_LINE.match(text) is not None


# ------------------------------------------------------------------------------- assembling


def _esc(text: str) -> str:
    return htmllib.escape(text, quote=False)


def _assemble(blocks: list[Block]) -> dict[str, Any]:
    paragraphs: list[str] = []
    kinds: list[str] = []
    images: list[dict[str, Any]] = []
    embeds: list[dict[str, Any]] = []
    html_parts: list[str] = []
    open_group: Any = None
    open_tag = ""

    def close() -> None:
        nonlocal open_group, open_tag
        if open_group is not None:
            html_parts.append(f"</{open_tag}>")
        open_group, open_tag = None, ""

    seen_images: set[str] = set()
    for b in blocks:
        if b.kind == "image":
            img = b.image or {}
            if not img.get("url") or img["url"] in seen_images:
                continue
            seen_images.add(img["url"])
            close()
            rec = {"url": img["url"], "caption": img.get("caption"), "credit": img.get("credit")}
            images.append(rec)
            cap = ""
            if rec["caption"] or rec["credit"]:
                cap = "<figcaption>" + _esc(rec["caption"] or "")
                if rec["credit"]:
                    cap += f' <small class="credit">{_esc(rec["credit"])}</small>'
                cap += "</figcaption>"
            html_parts.append(f'<figure><img src="{htmllib.escape(img["url"])}">{cap}</figure>')
            continue
        if b.kind == "embed":
            close()
            emb = dict(b.embed or {})
            idx = None
            if emb.get("text"):
                idx = len(paragraphs)
                paragraphs.append(emb["text"])
                kinds.append("embed")
            url = emb.get("url") or ""
            rec = {"url": url or None, "kind": emb.get("kind", "other"),
                   "author": emb.get("author"), "text": emb.get("text"), "paragraph": idx}
            embeds.append(rec)
            if emb.get("iframe"):
                html_parts.append(f'<iframe src="{htmllib.escape(url)}"></iframe>')
            else:
                inner = f"<p>{_esc(emb['text'])}</p>" if emb.get("text") else ""
                html_parts.append(
                    f'<blockquote class="embed" data-kind="{rec["kind"]}" '
                    f'cite="{htmllib.escape(url)}">{inner}</blockquote>'
                )
            continue
        paragraphs.append(b.text)
        kinds.append(b.kind)
        if b.kind == "li":
            if open_group is not b.group or b.group is None:
                close()
                open_group, open_tag = (b.group if b.group is not None else object()), b.list_tag
                html_parts.append(f"<{open_tag}>")
            html_parts.append(f"<li>{_esc(b.text)}</li>")
        elif b.kind == "blockquote":
            if open_group is not b.group or b.group is None:
                close()
                open_group, open_tag = (b.group if b.group is not None else object()), \
                    "blockquote"
                html_parts.append("<blockquote>")
            html_parts.append(f"<p>{_esc(b.text)}</p>")
        else:
            close()
            if b.kind == "h":
                lvl = min(max(b.heading_level, 2), 4)
                html_parts.append(f"<h{lvl}>{_esc(b.text)}</h{lvl}>")
            elif b.kind == "pre":
                html_parts.append(f"<pre>{_esc(b.text)}</pre>")
            else:
                html_parts.append(f"<p>{_esc(b.text)}</p>")
    close()
    return {
        "paragraphs": paragraphs,
        "kinds": kinds,
        "body": "\n\n".join(paragraphs),
        "body_html": "\n".join(html_parts),
        "images": images,
        "embeds": embeds,
    }


# ------------------------------------------------------------------------------- JSON-LD body

_ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
                  "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
                  "LiveBlogPosting", "Report", "BackgroundNewsArticle", "TechArticle"}


def _jsonld_article_body(page: Page) -> list[str] | None:
    for obj in page.jsonld:
        if not jsonld_types(obj) & _ARTICLE_TYPES and "headline" not in obj:
            continue
        body = obj.get("articleBody")
        if isinstance(body, list):
            body = "\n".join(x for x in body if isinstance(x, str))
        if not isinstance(body, str) or len(body) < 200:
            continue
        if "<" in body and re.search(r"</?(?:p|br|div)\b", body):
            body = re.sub(r"<br\s*/?>|</p>|</div>", "\n", body)
            body = re.sub(r"<[^>]+>", "", body)
        if re.search(r"&(?:amp;)?(?:[a-zA-Z]+|#\d+);", body):
            body = htmllib.unescape(htmllib.unescape(body))  # double-escaped entities
        parts = [clean_text(x) for x in re.split(r"\n\s*\n|\n", body)]
        parts = [p for p in parts if p]
        if parts:
            return parts
    return None


def _prefer_jsonld(dom_paragraphs: list[str], alt: list[str]) -> bool:
    """Use JSON-LD articleBody only when the DOM text misses most of it."""
    alt_tokens = word_tokens(" ".join(alt))
    if len(alt_tokens) < 50:
        return False
    dom_tokens = word_tokens(" ".join(dom_paragraphs))
    if not dom_tokens:
        return True
    from collections import Counter

    a, d = Counter(alt_tokens), Counter(dom_tokens)
    overlap = sum((a & d).values())
    recall = overlap / len(alt_tokens)
    return recall < 0.5 and len(dom_tokens) < 0.6 * len(alt_tokens)
