"""List articles (used by `body`).

A list article ("A Complete List of X's Solo Projects") is a short intro followed by items: a
heading, an image or video and paragraphs each. When each item's heading is a link to the
work's own page (``<h2><a href="/works/1">Dreamers (2022)</a></h2>``), the heading is wholly a
link and looks like a teaser headline, but prose follows it: `item_title` keeps it.

Related-post cards also put a linked headline over a teaser paragraph; a linked heading whose
address is linked again in its box (the card's image) is a card's headline and stays out.
Pure functions over the blocks built by `body`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["item_title"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _prose(b: Any) -> bool:
    """A paragraph of running text: long enough, few links."""
    n = len(b.text)
    return b.kind in ("p", "blockquote") and b.link_density <= 0.3 and (
        n >= 40 or (n >= 15 and _CJK.search(b.text) is not None))


def item_title(blocks: Sequence[Any], i: int) -> bool:
    """True when heading ``blocks[i]``, wholly a link, titles the prose that follows it.

    The next text block (images and embeds between them are fine) must be a paragraph of
    prose in the same parent as the heading or one level further out, and not inside the
    link. Teaser cards for other stories also put a linked headline over a paragraph, but
    link their image (or the whole card) to the same address: a heading whose address is
    linked again next to it is a card's headline. Only section levels (h2-h4) name items."""
    head = blocks[i]
    h = head.owner
    parent = h.getparent() if h is not None else None
    if parent is None or not 2 <= head.heading_level <= 4 or _card_headline(h, parent):
        return False
    for b in blocks[i + 1:i + 6]:
        if b.kind in ("image", "embed"):
            continue
        if not _prose(b) or b.owner is None:
            return False
        p_parent = b.owner.getparent()
        return p_parent is parent or (p_parent is not None and p_parent.getparent() is parent)
    return False


def _card_headline(h: Any, parent: Any) -> bool:
    """Is the link of heading `h` repeated elsewhere in its card: `parent`, or one level up
    when `parent` holds no other heading (a list of items is not one card)?"""
    hrefs = {a.get("href") for a in h.iter("a") if a.get("href")}
    if not hrefs:
        return False
    own = set(h.iter("a"))
    box = parent
    if box.getparent() is not None and sum(isinstance(c.tag, str) and c.tag in _HEADINGS
                                           for c in parent) == 1:
        box = box.getparent()  # the heading sits in the card's text part
    return any(a.get("href") in hrefs and a not in own for a in box.iter("a"))
