"""Pass 3 of `body`, second half: the blocks of the text, in the container (and the boxes that
continue it). Dropped: link lists and short boilerplate lines (`lines`), a heading repeating the
title or a kicker above the text, teaser cards, boxes marked as calls to action, a "key points"
box above the text, pull quotes, UI lines repeated three times, an "about the author" box at
the end."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from newsspider.extract.body.base import Block, _inside, _text_len
from newsspider.extract.body.clean import _CTA_MARK
from newsspider.extract.body.lines import _BOILER_LINE, _EMAIL, _PLACEHOLDER, _chrome_line
from newsspider.extract.body.lists import first_item, item_articles, item_title
from newsspider.extract.lazyre import lazy
from newsspider.extract.text import _QUOTES, fold, has_cjk


def _select_blocks(blocks: list[Block], container: Any, title: str | None,
                   more: list[Any] | None = None, cta_marked: bool = True) -> list[Block]:
    """`cta_marked`: False when `_clean` marked no box around a button link (no block then
    needs the test)."""
    title_key = fold(title) if title else ""
    chosen: list[Block] = []
    # the lead image usually sits above the text container, in the article header
    scope = next((a for a in container.iterancestors() if a.tag in ("article", "main")),
                 container.getparent())
    cards = _teaser_cards(container)
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
        if len(text) <= 120 and "@" in text and _EMAIL.search(text):
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
    texts = [_fold(b.text) if b.kind not in ("image", "embed") else "" for b in blocks]
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


def _fold(text: str) -> str:
    """`fold(text)` of a block's text, cheaper: without entities `clean_text` is `normalize_ws`,
    which changes no block text; ASCII text is then its lower case (NFKC and the quote table
    change no ASCII character)."""
    if "&" in text:
        return fold(text)
    # block texts are normalize_ws output (blocks.flush), on which it changes nothing
    if text.isascii():
        return text.lower()
    # fold's str.translate looks every character up in a dict: one replace() per character
    # the table maps (each to an ASCII character the table does not map) is the same
    text = unicodedata.normalize("NFKC", text).casefold()
    for a, b in _QUOTE_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


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
