"""Author names from JSON-LD, meta tags and the visible byline."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsspider.extract.lazyre import lazy
from newsspider.extract.metadata.common import (
    ORG_TYPES,
    _is_site_part,
    _off_article,
    _parsely_page,
    _site_tokens,
)
from newsspider.extract.page import Page, css_select, jsonld_types
from newsspider.extract.text import clean_text, fold, has_cjk, normalize_ws

AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "byl", "cxenseparse:author", "article.author",
    "authors", "author_name", "twitter:data1:author", "citation_author",
)

# a DOM element whose class/id says it is not the article itself (dates and bylines there belong
# to other stories)
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|text|story|words|photos?|fotos?|video|interview)\s+)?"
    r"(?:by|von|par|por|di|door|af|av|de|text|autor(?:in)?|author|auteur|redaktion|from)"
    r"\s*[:\-]?\s+",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\+|\s(?:and|und|et|y|e|en|og|och|und)\s)\s*", re.IGNORECASE)
_INNER_BY = re.compile(r"(?:^|\s)(?:von|by|par|por|door)\s+(?=[A-ZÄÖÜÉ])")
_TRAILING_DATE = re.compile(r"\s+\d{1,4}[./-]\s?(?:\d{1,2}[./-]?|[A-Za-zäöüé]+\.?)\s?\d{0,4}.*$")
_URLISH = re.compile(r"^(?:https?:|www\.)|\.(?:com|org|net|de|at|ch|uk)/|@", re.IGNORECASE)


# --------------------------------------------------------------------------------- authors


def _person_names(value: Any, *, persons_only: bool) -> tuple[list[str], list[str]]:
    """(person names, organisation names) from a JSON-LD author/creator value."""
    persons: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            persons.extend(split_authors(item))
        elif isinstance(item, dict):
            types = jsonld_types(item)
            name = item.get("name")
            if not name and isinstance(item.get("familyName"), str):
                given = item.get("givenName") if isinstance(item.get("givenName"), str) else ""
                name = f"{given} {item['familyName']}".strip()
            if isinstance(name, list):
                name = ", ".join(x for x in name if isinstance(x, str))
            if not isinstance(name, str):
                continue
            names = split_authors(name)
            if types & ORG_TYPES:
                orgs.extend(names)
            else:
                persons.extend(names)
    return persons, orgs


def split_authors(raw: str) -> list[str]:
    """'By Jane Doe and John Roe, Reuters' -> ['Jane Doe', 'John Roe', 'Reuters']."""
    s = clean_text(raw)
    if not s or _URLISH.search(s) and " " not in s:
        return []
    s = _BY_PREFIX.sub("", s)
    # "capital von Jane Doe 05. May 2024 15:36 3 Min": a byline line with a label and a date
    m = _INNER_BY.search(s)
    if m and m.start() > 0:
        s = s[m.end():]
    s = _TRAILING_DATE.sub("", s)
    out = []
    for part in _AUTHOR_SPLIT.split(s):
        part = _BY_PREFIX.sub("", part.strip(" .:-–—·|\"'"))
        part = part.strip(" .:-–—·|\"'")
        if not part or _URLISH.search(part) or len(part) > 80 or not re.search(r"\w", part):
            continue
        if _BY_PREFIX.fullmatch(part + " "):
            continue  # the byline's label with an empty name slot ("By <span></span>")
        if re.fullmatch(r"[\d\s:./-]+", part) or part.startswith(("(", "[")) or part.endswith(")") \
                and "(" not in part:
            continue
        if len(part.split()) > 5:
            continue  # "Jane Doe, professor at the faculty of ...": a description, not a name
        # "Jane Doe (jd)" initials, Korean/Japanese "reporter" suffixes
        part = re.sub(r"\s*\([\w.]{1,6}\)$|\s+(?:기자|記者|특파원|特派員)$", "", part).strip()
        if part:
            out.append(part)
    return out


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        k = fold(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _authors(page: Page, art: dict[str, Any], site_name: str | None, selector: Any) -> list[str]:
    """Author names: the article's JSON-LD author, else meta tags / Parse.ly, else the byline.

    JSON-LD persons come with the organisations credited next to them ("Jane Doe, dpa").
    When JSON-LD names only an organisation, other sources replace it only with something
    that looks like a person's name (not a newsroom code, a place or "Source: agency").
    """
    if selector:
        names = [n for el in css_select(page.tree, selector) for n in split_authors(el.text_content())]
        if names:
            return _dedupe(names)
    persons, orgs = _person_names(art.get("author"), persons_only=False) if art else ([], [])
    if not persons and not orgs and art:
        persons, orgs = _person_names(art.get("creator"), persons_only=False)
    site_keys = _site_tokens(page, site_name)
    if persons:
        names = _dedupe(persons + orgs)
        if len(names) > 1:
            names = [p for p in names if not _is_site_part(p, site_keys)] or names
        return names
    others: list[str] = []
    for key in AUTHOR_META:
        for v in page.meta.get(key, ()):
            others.extend(split_authors(v))
        if others:
            break
    if not others:
        pp = _parsely_page(page).get("author")
        if isinstance(pp, str):
            others.extend(split_authors(pp))
    if not others or all(_is_site_part(p, site_keys) for p in others):
        # only the publisher so far: a visible byline naming people is better
        dom = [n for n in _dom_authors(page) if not _is_site_part(n, site_keys)]
        others = dom or others
    if orgs and not any(_looks_like_person(n) for n in others):
        others = orgs
    if not others:
        others = orgs
    names = _dedupe(others)
    if len(names) > 1:
        names = [p for p in names if not _is_site_part(p, site_keys)] or names
    return names



# its ranges take ~1 ms to compile: only for names holding kana, hanzi or hangul (has_cjk)
_CJK_NAME = lazy(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,5}")


def _looks_like_person(name: str) -> bool:
    """'Jane Doe', 'Kim Min-ji', '김태연': two to five capitalised words, or a CJK name."""
    if re.search(r"[\d:@()/]", name):
        return False
    if has_cjk(name) and _CJK_NAME.fullmatch(name):
        return True
    words = name.split()
    caps = [w for w in words if w[:1].isupper()]
    return 2 <= len(words) <= 5 and len(caps) >= 2


_BYLINE_CLASS = lazy(r"(?:^|[\s_-])(?:author|authors|byline|author-name|authorname)"
                           r"(?:$|[\s_-])", re.IGNORECASE)
_BIO_CLASS = re.compile(r"about|bio|box|card|avatar|image|img|photo", re.IGNORECASE)


# rel="author", itemprop="author" and *uthor*/*yline* classes, in document order: selected through
# the attributes (//@rel[...]/..), which libxml2 evaluates ~2x faster than //*[@rel="author"] | ...
_BYLINE_CANDIDATES = etree.XPath('//@rel[. = "author"]/.. | //@itemprop[. = "author"]/.. | '
                                 '//@class[contains(., "uthor") or contains(., "yline")]/..')


def _dom_authors(page: Page) -> list[str]:
    """Names from a visible byline (rel=author, itemprop=author, *author*/*byline* classes)."""
    for el in _BYLINE_CANDIDATES(page.tree):
        cls = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", el.get("class") or "")  # metaInfoAuthorList
        if el.get("rel") != "author" and el.get("itemprop") != "author" and (
            not _BYLINE_CLASS.search(cls) or _BIO_CLASS.search(cls)
        ):
            continue
        if el.tag in ("meta", "link", "body", "html", "article", "main") or _off_article(el):
            continue
        name_el = el.find('.//*[@itemprop="name"]')
        if name_el is not None:
            texts = [name_el.get("content") or name_el.text_content()]
        else:
            links = [normalize_ws(a.text_content()) for a in el.iter("a")]
            links = [t for t in links if t and 1 <= len(t.split()) <= 5]
            texts = links or [el.text_content()]
        names = [n for t in texts if len(normalize_ws(t)) < 120 for n in split_authors(t)]
        if names:
            return names
    return []


