"""What the parts of `body` share: the `Block` record and small tree helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate, chain
from typing import Any

from lxml import etree


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


# the text pieces itertext() gives (comments and processing instructions have none), as plain
# strings: ~30% less CPU than itertext() over a whole page
_TEXT_PIECES = etree.XPath("descendant::text()", smart_strings=False)


def _text_len(el: Any, enough: float | None = None) -> int:
    """Characters of text under `el` (each piece stripped); with `enough`, counting stops as
    soon as the sum reaches it (callers compare with a threshold: same answer, bounded cost)."""
    if enough is None:
        return sum(map(len, map(str.strip, _TEXT_PIECES(el))))
    # the running sums, in C: the first one reaching `enough` is the answer; the sentinel after
    # the last piece ends a text that never reaches it (its sum is then the sentinel's excess)
    sums = accumulate(chain(map(len, map(str.strip, el.itertext())), (_PAST,)))
    n = next(filter(enough.__le__, sums))
    return n - _PAST if n >= _PAST else n


_PAST = 1 << 62  # more than any text's length


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


def _inside(el: Any, container: Any) -> bool:
    if el is container:
        return True
    for anc in el.iterancestors():
        if anc is container:
            return True
    return False
