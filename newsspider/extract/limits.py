"""Input caps before the text parsers (quotes, releases, dates) run.

The body text an article exports is not cut; what the quote and release parsers read is: each
paragraph at most MAX_PARAGRAPH_CHARS (cut at the last sentence end before it when there is
one), and at most MAX_TEXT_CHARS in all (later paragraphs are read as empty, so paragraph
numbers stay those of the body). What was cut is noted on the page (``paragraph_truncated``,
``text_truncated``) and counted by the crawl as ``newsspider/input/<note>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_PARAGRAPH_CHARS = 5_000  # a long news paragraph is ~1,500; one of 17 KB cost 8 s in quotes
MAX_TEXT_CHARS = 150_000  # ~25,000 words, several times the longest feature article

_SENTENCE_END = re.compile(r"[.!?…。][\"'”’»)\]]*\s")


def cap_paragraph(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> str:
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
    cut = ends[-1] if ends and ends[-1] > limit // 2 else limit
    return text[:cut].rstrip()


def cap_paragraphs(paragraphs: Sequence[str], notes: set[str] | None = None,
                   max_paragraph: int = MAX_PARAGRAPH_CHARS, max_text: int = MAX_TEXT_CHARS) -> list[str]:
    """`paragraphs` as the text parsers should read them (same length, same order)."""
    out: list[str] = []
    total = 0
    for p in paragraphs:
        capped = cap_paragraph(p, max_paragraph)
        if len(capped) < len(p) and notes is not None:
            notes.add("paragraph_truncated")
        if total + len(capped) > max_text:
            if notes is not None:
                notes.add("text_truncated")
            capped = ""
        total += len(capped)
        out.append(capped)
    return out
