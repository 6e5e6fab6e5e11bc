"""The headline: structured sources, social titles and the visible <h1>."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsspider.extract.lazyre import lazy
from newsspider.extract.metadata.common import (
    _as_text,
    _is_site_part,
    _select_text,
    _site_tokens,
    _title_tag,
    article_h1,
    overlap,
)
from newsspider.extract.page import Page
from newsspider.extract.text import clean_text, fold, normalize_ws

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|«|/|•|\*)\s+|\s*[：｜ㅣ]\s*|(?<=\S)-(?=\S+ㅣ)")


def _h1s(page: Page) -> list[str]:
    out = []
    for el in page.tree.iter("h1"):
        t = normalize_ws(el.text_content())
        if t and len(t) < 400:
            out.append(t)
    return out


def strip_site_suffix(title: str, site_keys: set[str], others: list[str] = ()) -> str:  # type: ignore[assignment]
    """Remove " | Site Name" style prefixes/suffixes from a title."""
    title = clean_text(title)
    if not title:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    # drop site-looking segments at either end
    n_parts = len(parts)
    while len(parts) > 1 and _is_site_part(parts[-1], site_keys):
        parts.pop()
    # "Headline - Section | Site": a short section label left in front of the site name
    if (len(parts) < n_parts and len(parts) >= 2 and len(parts[-1]) <= 20
            and len(parts[-1].split()) <= 2 and len(parts[0]) >= 20):
        parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], site_keys):
        parts.pop(0)
    stripped = _rejoin(title, parts)
    if stripped != title:
        return stripped
    # another source (og:title / h1) equals a prefix of this one: cut there
    folded = fold(title)
    for other in others:
        o = fold(other)
        if o and o != folded and folded.startswith(o) and _TITLE_SEPARATORS.match(
            title[len(other):len(other) + 4] or " "
        ):
            return clean_text(other)
    return title


def _rejoin(title: str, parts: list[str]) -> str:
    """The original substring of `title` spanning `parts` (keeps the original separators)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def title_sources(page: Page, art: dict[str, Any], found_h1: list[Any] | None = None
                  ) -> dict[str, str]:
    """Every title the page gives, by source: the visible article <h1>, og:title, the JSON-LD
    headline, twitter:title and <title> (raw, site names not stripped; empty ones left out).
    The <h1> element itself is appended to `found_h1` when given."""
    og = clean_text(page.meta_first("og:title"))
    tw = clean_text(page.meta_first("twitter:title", "dc.title", "title"))
    headline = _as_text(art.get("headline")) or _as_text(art.get("name"))
    tag = _title_tag(page)
    h1_el = article_h1(page, [og, headline, tag, tw])
    h1 = normalize_ws(h1_el.text_content()) if h1_el is not None else ""
    if found_h1 is not None:
        found_h1.append(h1_el)
    found = {"h1": h1, "og": og, "jsonld": headline, "twitter": tw, "html": tag}
    return {k: v for k, v in found.items() if v}


def _title(page: Page, art: dict[str, Any], site_name: str | None, selector: Any,
           sources: dict[str, str] | None = None) -> str | None:
    """The headline as the page shows it.

    The visible <h1> of the article is the headline when it is plausible: not a site name,
    and either confirmed by another source (og:title, JSON-LD headline, <title>) or a fuller
    form of the structured title (social titles are often shortened: the <h1> contains most of
    their words and more). Otherwise the structured sources decide, in this order of trust:
    the JSON-LD headline, og:title, the <h1>, the Twitter title, then <title>; each stripped of
    site-name parts. The chosen one is then repaired against the others: a section/kicker part
    that the other sources do not carry is cut off, a truncated one ("...") gives way to its
    full form, and typographic quotes follow the majority of the sources.
    """
    if selector:
        t = _select_text(page, selector)
        if t:
            return t
    site_keys = _site_tokens(page, site_name)
    src = sources if sources is not None else title_sources(page, art)
    h1, og, headline = src.get("h1", ""), src.get("og", ""), src.get("jsonld", "")
    tw, tag = src.get("twitter", ""), src.get("html", "")
    named = [(n, x) for n, x in (("jsonld", headline), ("social", og), ("h1", h1),
                                  ("social", tw), ("html", tag)) if x]
    if not named:
        return None
    others = [x for _, x in named] + _h1s(page)[:3]
    named = [(n, strip_site_suffix(x, site_keys, others)) for n, x in named]
    named = [(n, c) for n, c in named if c]
    cands = [c for _, c in named]
    if not cands:
        return None
    best = cands[0]
    # an unescaped quote inside content="..." or a 110-character limit cuts a title short
    for c in cands[1:]:
        if len(c) > len(best) and (
            c.startswith(best) and c[len(best):].lstrip()[:1] in '"“„«'
            or best.endswith(("...", "…")) and c.startswith(best.rstrip(".… "))
        ):
            best = c
    if best.endswith(("...", "…")):
        best = next((c for c in cands if not c.endswith(("...", "…"))), best)
    # "Section | Headline", "Headline - Section": another source has the bare headline
    if not (headline and og and headline == og):
        best = _cut_to_part(best, cands)
    shown = _visible_headline(h1, best, named, site_keys)
    if shown:
        return shown
    return _majority_quotes(best, cands)


def _visible_headline(h1: str, best: str, named: list[tuple[str, str]], site_keys: set[str]
                      ) -> str | None:
    """The article <h1> when it is a plausible headline that should win over `best`.

    Each kind of title source (visible <h1>, JSON-LD, social titles og/twitter counted once,
    <title>) votes for its text (quote marks and case ignored): the <h1> wins when
    more sources carry it than carry `best`, or when `best` is a shortened form of it (every
    word of `best` is in the longer <h1>: social titles get cut down), unless the <h1> only
    adds a kicker in front.
    """
    h1 = clean_text(h1)
    if not h1 or len(h1) < 8 or _is_site_part(h1, site_keys) or h1.endswith(("...", "…")):
        return None
    key_h1, key_best = fold(h1), fold(best)
    if key_h1 == key_best:
        return None  # same text: the quote-majority repair of `best` decides the marks
    votes_h1 = len({n for n, c in named if fold(c) == key_h1})
    votes_best = len({n for n, c in named if fold(c) == key_best})
    if votes_h1 > votes_best:
        return h1
    if len(h1) > len(best) and overlap(h1, best) >= 0.999 and len(best.split()) >= 4:
        # a kicker in front of the headline ("Premier League Liverpool lose …") is not part
        # of it; words added inside or after it are
        return None if key_h1.endswith(key_best) else h1
    return None


def _cut_to_part(title: str, cands: list[str]) -> str:
    """`title` reduced to another candidate it contains between title separators."""
    for c in cands:
        if len(c) >= len(title) or len(c) < 10:
            continue
        i = title.find(c)
        if i < 0:
            continue
        before, after = title[:i], title[i + len(c):]
        if (not before or _SEP_END.search(before)) and (not after or _SEP_START.match(after)):
            return c
    return title


_SEP_END = lazy(r"(?:\s[|\-–—:·»/•*]|[:|｜ㅣ])\s*$")
_SEP_START = lazy(r"^(?:\s*[|\-–—·»/•*｜ㅣ]|-)")
_QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                              "»": '"', "‹": "'", "›": "'"})


def _majority_quotes(title: str, cands: list[str]) -> str:
    """Among candidates that differ from `title` only in quote marks, the most common form."""
    key = title.translate(_QUOTE_CHARS)
    same = [c for c in cands if c.translate(_QUOTE_CHARS) == key]
    if len(same) < 2:
        return title
    counts: dict[str, int] = {}
    for c in same:
        counts[c] = counts.get(c, 0) + 1
    top = max(counts.values())
    if counts.get(title) == top:
        return title
    winners = [c for c in same if counts[c] == top]
    return winners[0] if len(winners) == 1 else title


_SUBTITLE_NAME = re.compile(r"\b(?:subtitle|sub-title|subheadline|standfirst|dek|deck|kicker-sub)\b",
                            re.IGNORECASE)


# every word of the pattern holds one of these: an ASCII name without them cannot match (the
# pattern, \b and case-insensitive, tried each position in turn)
_SUBTITLE_HINTS = ("sub", "standfirst", "dek", "deck")


@lru_cache(maxsize=4096)
def _subtitle_name(cls: str) -> bool:
    if cls.isascii():
        low = cls.lower()
        if not any(map(low.__contains__, _SUBTITLE_HINTS)):
            return False
    return _SUBTITLE_NAME.search(cls) is not None


def _subtitle(page: Page, art: dict[str, Any], title: str | None) -> str | None:
    alt = _as_text(art.get("alternativeHeadline"))
    if alt and fold(alt) != fold(title):
        return alt
    # h2/p/div elements with a class or itemprop (the only ones the name test can accept), in
    # document order: a tag walk in C (an XPath testing the attributes took ~4x as long)
    for el in page.tree.iter("h2", "p", "div"):
        cls = el.get("class")
        prop = el.get("itemprop")
        if (cls is not None or prop is not None) and _subtitle_name((cls or "") + " " + (prop or "")):
            t = normalize_ws(el.text_content())
            if 10 < len(t) < 400 and fold(t) != fold(title):
                return t
    return None


