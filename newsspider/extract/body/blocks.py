"""Pass 2 of `body`: one linear walk over the cleaned tree emits text blocks
(paragraph-like leaf elements, anonymous runs of inline text in mixed ``<div>``s) with their kind
and link density, images and embeds, in document order."""

from __future__ import annotations

import json
from typing import Any

from newsspider.extract.body.base import Block
from newsspider.extract.body.media import _img_url, image_record
from newsspider.extract.text import normalize_ws

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td",
    "th", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "form", "fieldset",
    "address", "details", "summary", "center", "picture", "video", "audio", "iframe", "noscript",
    "caption", "menu", "hgroup", "dialog", "body", "html",
    "x-embed", "x-image",
})

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


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
            img = image_record(el.get("data-json"), self.base_url)
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
            elif len(child) == 0:  # a leaf (most inline elements): its text is .text, no
                t = child.text or ""  # XPath string(), and it holds no link but itself
                if ctag == "a":
                    links[0] += len(normalize_ws(t))
                buf.append(t)
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
        text = "".join(buf)
        if text.isspace():  # most runs between blocks: nothing, without the regex
            return
        text = normalize_ws(text)
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
