"""The text where the DOM does not have it: the HTML carried in a Next.js flight payload
(``self.__next_f.push``) and JSON-LD ``articleBody`` (pages that render the text with
JavaScript)."""

from __future__ import annotations

import html as htmllib
import json
import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from newsspider.extract.lazyre import lazy
from newsspider.extract.page import Page, jsonld_types
from newsspider.extract.text import clean_text, word_tokens

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
    if len(dom_tokens) >= 0.6 * len(alt_tokens):
        return False  # the DOM text is long enough: no need to count the overlap
    from collections import Counter

    a, d = Counter(alt_tokens), Counter(dom_tokens)
    overlap = sum((a & d).values())
    recall = overlap / len(alt_tokens)
    return recall < 0.5
