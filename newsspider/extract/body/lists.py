"""List articles and text that continues past its container (used by `select` and
`extract_body`).

A list article ("A Complete List of X's Solo Projects") is a short intro followed by items: a
heading, an image or video and paragraphs each. These layouts lost items when the text was
taken like that of an ordinary article:

- **Linked item titles**: each item's heading is a link to the work's own page
  (``<h2><a href="/works/1">Dreamers (2022)</a></h2>``). A heading that is wholly a link looks
  like a teaser headline, but here prose follows it: `item_title` keeps it.
- **Items after the container**: the intro sits in the ``<article>`` (or its text ``<div>``),
  the items in a sibling container after it. `continuation` finds the siblings that go on
  with the same kind of text: prose paragraphs (optionally under headings) with few links.
- **Items as <article>s** inside the text container: not teaser cards when at least two are
  built like items (an unlinked heading over prose), `item_articles`.
- **No intro**: the first item title sits right under the headline, where a short heading
  passes for a kicker. `first_item` keeps it when it opens a numbered series of sections.

What must not come in through any of these doors: related-post grids (headlines as links over short
teasers), "read more" link lists, tag clouds, comment threads, footers, prompts and the next
story of an infinite-scroll page. A linked heading whose address is linked again in its box
(the card's image) is a card's headline. A continuation stops at a box with many links, with
headings that are mostly links, with short lines between the paragraphs (names, dates and
"Reply" of comments), with a button, opening with a "Related" / "More from" line, with a
byline or date line above its first paragraph, or holding an ``<article>`` or ``<h1>``
(another story).
Pure functions over the blocks and the cleaned tree built by `clean` and `blocks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from lxml import etree

from newsspider.extract.lazyre import lazy
from newsspider.extract.text import has_cjk

__all__ = ["CTA_MARK", "continuation", "first_item", "item_articles", "item_title"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TEXT = ("p", "blockquote", "pre", "li", "h")


def _prose(b: Any, kinds: tuple[str, ...] = ("p", "blockquote")) -> bool:
    """A paragraph of running text: long enough, few links.

    Text in list items (kind "li") is prose only where a whole box is judged: under a linked
    heading, it is the teaser of a card in a list of related stories far more often than the
    text of a list-article item."""
    n = len(b.text)
    return b.kind in kinds and b.link_density <= 0.3 and (
        n >= 40 or (n >= 15 and has_cjk(b.text)))


_BOX_PROSE = ("p", "blockquote", "li")


def _bold_line(b: Any) -> bool:
    """A short paragraph that is all bold (``<p><strong>Dreamers (2022)</strong></p>``): set
    as a heading."""
    el = b.owner
    if b.kind != "p" or el is None or len(b.text) > 120 or len(el) != 1:
        return False
    c = el[0]
    return (c.tag in ("strong", "b") and not (el.text or "").strip()
            and not (c.tail or "").strip())


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


def _titles_prose(blocks: Sequence[Any], i: int) -> bool:
    """Is the next text block after ``blocks[i]`` (past images and embeds) prose?"""
    for b in blocks[i + 1:i + 6]:
        if b.kind not in ("image", "embed"):
            return _prose(b)
    return False


# "1.", "1)", "#1", "No. 1", "1 -": the number of a list item at the start of its title
_ITEM_NUMBER = lazy(r"^\s*(?:(?:#|no\.\s*)(\d{1,3})\b|(\d{1,3})\s*(?:[.):](?!\d)|\||\s?[-–—]\s))",
                     re.IGNORECASE)


def first_item(blocks: Sequence[Any], i: int, items: int = 3) -> bool:
    """True when heading ``blocks[i]`` opens a numbered list of at least `items` sections: it
    and the next headings of its level carry consecutive numbers (counting up or down) and
    each stands over prose. A list article without an intro, whose first item title would
    otherwise pass for a kicker above the text; an unnumbered heading there stays a kicker
    (a headline variant over a standfirst and a sectioned text has the same shape)."""
    level = blocks[i].heading_level
    m = _ITEM_NUMBER.match(blocks[i].text)
    if m is None or not _titles_prose(blocks, i):
        return False
    numbers = [int(m[1] or m[2])]
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if b.kind != "h" or b.heading_level > level:
            continue
        m = _ITEM_NUMBER.match(b.text)
        if b.heading_level < level or m is None or not _titles_prose(blocks, j):
            return False
        numbers.append(int(m[1] or m[2]))
        step = numbers[1] - numbers[0]
        if step not in (1, -1) or numbers[-1] - numbers[-2] != step:
            return False
        if len(numbers) >= items:
            return True
    return False


def _link_len(el: Any) -> int:
    return sum(len((a.text_content() or "").strip()) for a in el.iter("a"))


def _item_article(a: Any) -> bool:
    """An <article> built like a list item: a section heading that is not mostly a link, and a
    paragraph of prose (>= 40 characters, few links) that is in no link."""
    head = next(a.iter("h2", "h3", "h4"), None)
    if head is None:
        return False
    text = (head.text_content() or "").strip()
    if not text or _link_len(head) >= 0.5 * len(text):
        return False
    for p in a.iter("p"):
        t = (p.text_content() or "").strip()
        if len(t) >= 40 and _link_len(p) <= 0.3 * len(t) and not any(
                x.tag == "a" for x in p.iterancestors()):
            return True
    return False


def item_articles(nested: Sequence[Any]) -> set[Any]:
    """The <article>s among `nested` (inside the text container) that are the items of a list
    article, not teaser cards: each built like an item (see `_item_article`), two at least.
    A teaser card's headline is a link, or it stands alone between the paragraphs."""
    items = {a for a in nested if _item_article(a)}
    return items if len(items) >= 2 else set()


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


def _owned_by(el: Any, blocks: Sequence[Any]) -> list[Any]:
    members = set(el.iter())
    return [b for b in blocks if b.owner is not None and b.owner in members]


# attribute `clean` sets on boxes built around a button link (its ``_mark_cta_boxes``)
CTA_MARK = "data-x-cta"
_HAS_MARK = etree.XPath(f"boolean(descendant-or-self::*[@{CTA_MARK}])")
_CONT_MIN_PROSE = 0.6  # share of the box's text in prose paragraphs
_CONT_MAX_LINKS = 0.2  # share of the box's text in links


def _continues(el: Any, blocks: Sequence[Any], chrome: Callable[[str], bool],
               story_head: Callable[[str], bool], prose_tags: set[str]) -> bool | None:
    """Does the box `el` after the text container go on with the text? None: it holds no text
    (an image, an emptied ad slot), so it neither continues nor ends the text.

    It must hold the same kind of paragraphs as the container (elements of the same tag: a
    <p> text is not continued by the <div> lines of an app or push-notification prompt), at
    least two of them or a heading over one (an item), and little else: few links, few short
    lines (a comment thread has a name and a date line per comment), no button."""
    own = _owned_by(el, blocks)
    text = [b for b in own if b.kind in _TEXT]
    if not text:
        return None
    if el.tag == "article" or next(el.iter("article", "h1"), None) is not None:
        return False  # another story (infinite scroll, a teaser card)
    if _HAS_MARK(el):
        return False  # a prompt built around a button ("Turn on notifications")
    total = sum(len(b.text) for b in text)
    links = sum(b.link_chars for b in text)
    prose = [b for b in text if _prose(b, _BOX_PROSE) and b.owner.tag in prose_tags]
    heads = [b for b in text if b.kind == "h" or _bold_line(b)]
    if links > _CONT_MAX_LINKS * total or sum(len(b.text) for b in prose) < _CONT_MIN_PROSE * total:
        return False
    if len(prose) < 2 and not (heads and prose):
        return False
    # lines that are neither: names, dates, "Reply" (a comment thread), captions, credits
    lines = sum(b.kind not in ("h", "li") and not _prose(b, _BOX_PROSE) for b in text) - sum(
        b.kind != "h" for b in heads)
    if lines > max(1, len(prose) // 4):
        return False
    if heads and 2 * sum(b.link_density >= 0.5 for b in heads) >= len(heads):
        return False  # headlines as links over teasers: a grid of other stories
    for b in text:
        if b.kind == "h":
            continue
        if _prose(b, _BOX_PROSE):
            break
        if story_head(b.text):
            return False  # a byline or date line over the text: the next story
    return not chrome(text[0].text)  # "Related", "More from the author", "Comments"


def continuation(container: Any, blocks: Sequence[Any], root: Any,
                 chrome: Callable[[str], bool], story_head: Callable[[str], bool],
                 levels: int = 3) -> list[Any]:
    """Boxes after `container` that continue its text (see module doc), in document order.

    Walks the following siblings of the container, then of its ancestors (up to `levels`
    levels, never past `root`), and stops at the first box holding text that does not
    continue it. Boxes without text between two continuing boxes come along (item images).
    `chrome` tells a line opening a box of other things ("Related"), `story_head` a byline
    or date line (a story's header)."""
    if container is root:
        return []
    prose_tags = {b.owner.tag for b in _owned_by(container, blocks) if _prose(b, _BOX_PROSE)}
    if not prose_tags:
        return []
    out: list[Any] = []
    pending: list[Any] = []
    node = container
    for _ in range(levels):
        if node is root or node.getparent() is None:
            break
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            verdict = _continues(sib, blocks, chrome, story_head, prose_tags)
            if verdict is None:
                pending.append(sib)
            elif verdict:
                out.extend(pending)
                out.append(sib)
                pending = []
            else:
                return out
        node = node.getparent()
    return out
