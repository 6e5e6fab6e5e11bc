"""A fetched page, parsed once and shared by every extractor.

`Page` decodes the bytes (HTTP charset, BOM, ``<meta charset>``, then detection), parses the
HTML with lxml once, and exposes the JSON-LD objects and ``<meta>`` tags lazily, so the
metadata, body, quotes and releases steps never parse the same page twice.
No Scrapy imports here: this works on saved pages as well as on crawled ones.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from typing import Any

import lxml.html
from lxml import etree

from newsspider.extract.decode import _decode
from newsspider.extract.decode import decode_html as decode_html  # re-exported

# Characters XML (and so lxml) cannot hold: C0 controls, lone surrogates, U+FFFE/U+FFFF. Left in,
# the parse keeps them but any later assignment of such text (a removed element's tail) raises.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_C0 = "".join(chr(c) for c in range(32) if c not in (9, 10, 13))
_C0_BYTES = [c.encode() for c in _C0]


def xml_utf8(text: str, data: bytes | None = None) -> bytes | None:
    """`text` in UTF-8 when it holds no character `_NOT_XML` matches, else None.

    The control characters are looked for in the encoded bytes of a non-ASCII text: a C0
    control is its own byte there and no other character's (multi-byte sequences use bytes
    >= 0x80), and a lone surrogate fails to encode; each test is a memchr-speed search in C.
    (On the str of a UCS-2 page, a single-character search stops at every character sharing
    the control's low byte, and a NUL search is a plain loop.)

    `data`: the bytes a strict UTF-8 decode turned into `text`, when known; they are used
    instead of encoding the text again (no lone surrogate can be in such a text)."""
    if text.isascii():
        return None if any(c in text for c in _C0) else text.encode("ascii")
    if "\ufffe" in text or "\uffff" in text:
        return None
    if data is None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return None
    return None if any(c in data for c in _C0_BYTES) else data


def has_not_xml(text: str) -> bool:
    """`_NOT_XML` would match `text`: the same answer, less CPU than the regex's scan."""
    return xml_utf8(text) is None


# ... and numeric references to them (&#11;, &#xFFFF;, &#xD800;), which the HTML parser decodes
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));?")


# A reference `_xml_ref` would remove always matches this cheaper test (value 0-31 or 50,000 and
# up; checked against _CHAR_REF for every value to 0x110100, zero-padded, hex and decimal, with and
# without ";", and 200,000 random strings): a page without one is not rewritten. Common ones
# (&#8217; &#39; &#x27; &#160;) do not match, so the callback-per-reference sub rarely runs.
_REF_HINT = re.compile(r"&#(?:[xX]0*(?:1?[0-9a-fA-F](?![0-9a-fA-F])|[d-fD-F][0-9a-fA-F]{3}|[0-9a-fA-F]{5})"
                       r"|0*(?:[12]?[0-9](?![0-9])|3[01](?![0-9])|[5-9][0-9]{4}|[0-9]{6}))")
# the same on the UTF-8 bytes (the pattern is ASCII; other characters are bytes >= 0x80 there):
# the scan runs over 1-byte units instead of a UCS-2 page's 2-byte ones
_REF_HINT_UTF8 = re.compile(_REF_HINT.pattern.encode())


def _xml_ref(m: re.Match[str]) -> str:
    cp = int(m[1], 16) if m[1] else int(m[2])
    ok = cp in (9, 10, 13) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF
    return m[0] if ok else ""


MAX_HTML_CHARS = 4_000_000  # longer page text is cut before parsing (noted "html_truncated")
# Real pages nest about 35 elements deep at most (415 pages of ../shared: 33). Deeper nesting
# only makes every later walk up the tree slower (and past 256 libxml2 stops parsing), so a page
# nested deeper than MAX_DEPTH is flattened to FLAT_DEPTH and parsed again.
MAX_DEPTH = 100
FLAT_DEPTH = 80
_TOO_DEEP = etree.XPath("boolean(" + "/*" * MAX_DEPTH + ")")  # C-level, ~0.3 ms a page

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})\b[^>]*>")
# elements that close themselves implicitly or have no content do not add to the depth count
_FLAT = frozenset("p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp colgroup caption "
                  "area base br col embed hr img input link meta param source track wbr".split())


def flatten_deep(text: str, max_depth: int = FLAT_DEPTH) -> str:
    """Drop the start and end tags of elements nested deeper than `max_depth` (their content
    stays, one level up), as browsers do past their own depth limit. Linear in the text."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, kept)
    depth = pos = 0
    for m in _TAG.finditer(text):
        tag = m[2].lower()
        if tag in _FLAT or m[0].endswith("/>"):
            continue
        if not m[1]:
            keep = depth < max_depth
            stack.append((tag, keep))
            depth += keep
        else:
            keep = True
            for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[i][0] == tag:
                    keep = stack[i][1]
                    depth -= sum(k for _, k in stack[i:])
                    del stack[i:]
                    break
        if not keep:
            out.append(text[pos:m.start()])
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


# lxml.html's parser picks each element's Python class in a Python callback (``HtmlElementClass
# Lookup.lookup``), run for every element proxy created: ~6,000 calls a page, ~10% of extraction.
# This lookup does the same in C: HtmlElement for every element (the form/input/label/select/
# textarea subclasses lxml.html would pick add only form helpers, which extraction never uses).
_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


def _parser(utf8: bool = False) -> etree.HTMLParser:
    parser = etree.HTMLParser(collect_ids=False, encoding="utf-8" if utf8 else None)
    parser.set_element_class_lookup(_LOOKUP)
    return parser


def _document(text: str, data: bytes | None = None) -> tuple[Any, bool]:
    """(tree, too deep) of an HTML text, parsed from `data`, its UTF-8, when given."""
    parser = _parser(utf8=data is not None)
    tree = lxml.html.document_fromstring(text if data is None else data, parser=parser)
    too_deep = any("Excessive depth" in e.message for e in parser.error_log)
    return tree, too_deep


def parse_html(text: str, notes: set[str] | None = None, utf8: bytes | None = None) -> Any:
    """Parse HTML text into an lxml tree; broken or empty markup gives an empty document.

    Text beyond MAX_HTML_CHARS is cut first (``html_truncated``), characters XML cannot hold
    are removed, and a page nested deeper than MAX_DEPTH (past 256, libxml2's parse would stop
    there) is flattened to FLAT_DEPTH and parsed again (``deep_nesting``).

    A text left as it came is parsed from its UTF-8 (made by the character check anyway, or
    `utf8`: the bytes `text` was strictly decoded from, given by `Page.from_bytes`), which
    spares lxml its own conversion of the str; the tree is the same."""
    if len(text) > MAX_HTML_CHARS:
        text = text[:MAX_HTML_CHARS]
        utf8 = None
        if notes is not None:
            notes.add("html_truncated")
    data = xml_utf8(text, utf8)
    if data is None:
        text = _NOT_XML.sub("", text)
    if _REF_HINT_UTF8.search(data) if data is not None else "&#" in text and _REF_HINT.search(text):
        fixed = _CHAR_REF.sub(_xml_ref, text)
        if fixed != text:
            text, data = fixed, None
    if text.lstrip().startswith("<?xml"):
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        data = None
    if not text or text.startswith("\ufeff"):
        data = None
    try:
        tree, too_deep = _document(text or "<html></html>", data)
        if too_deep or _TOO_DEEP(tree):
            tree, _ = _document(flatten_deep(text))
            if notes is not None:
                notes.add("deep_nesting")
    except (etree.ParserError, ValueError):
        tree = lxml.html.document_fromstring("<html><body></body></html>", parser=_parser())
    return tree


def _loads_lenient(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
    if raw.endswith("-->"):
        raw = raw[:-3]
    raw = raw.strip().rstrip(";")
    for candidate in (raw, _repair_json(raw)):
        try:
            return json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _repair_json(raw: str) -> str:
    """Common breakages of hand-written JSON-LD: trailing commas, HTML entities, raw newlines."""
    fixed = re.sub(r",\s*([}\]])", r"\1", raw)
    if "&quot;" in fixed or "&#" in fixed:
        fixed = htmllib.unescape(fixed)
    fixed = fixed.replace("\t", " ")
    return fixed


def _flatten_jsonld(data: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(data, list):
        for x in data:
            _flatten_jsonld(x, out)
    elif isinstance(data, dict):
        if "@graph" in data:
            _flatten_jsonld(data["@graph"], out)
        if "@type" in data or "headline" in data:
            out.append(data)
        # mainEntity / nested article objects
        for key in ("mainEntity", "mainEntityOfPage", "itemListElement"):
            inner = data.get(key)
            if isinstance(inner, (dict, list)):
                _flatten_jsonld(inner, out)


def _index_ids(data: Any, index: dict[str, dict[str, Any]], depth: int = 0) -> None:
    """Every JSON-LD node that carries more than its ``@id``, by ``@id`` (nested ones too)."""
    if depth > 8:
        return
    if isinstance(data, list):
        for x in data:
            _index_ids(x, index, depth + 1)
    elif isinstance(data, dict):
        node_id = data.get("@id")
        if isinstance(node_id, str) and len(data) > 1 and node_id not in index:
            index[node_id] = data
        for value in data.values():
            if isinstance(value, (dict, list)):
                _index_ids(value, index, depth + 1)


def _is_ref(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and isinstance(value.get("@id"), str)


def resolve_jsonld_refs(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace node references (``{"@id": "…/#primaryimage"}``) in the properties of each object
    by the node they name, one level deep (Yoast-style ``@graph`` pages reference their image,
    author and publisher this way). Unknown references stay as they are; no cycles are built."""
    index: dict[str, dict[str, Any]] = {}
    _index_ids(objects, index)
    if not index:
        return objects
    out = []
    for obj in objects:
        resolved: dict[str, Any] = {}
        for key, value in obj.items():
            if _is_ref(value) and value["@id"] in index and index[value["@id"]] is not obj:
                value = index[value["@id"]]
            elif isinstance(value, list) and any(_is_ref(v) for v in value):
                value = [index.get(v["@id"], v) if _is_ref(v) else v for v in value]
            resolved[key] = value
        out.append(resolved)
    return out


def jsonld_types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


@dataclass
class Page:
    """One HTML page. Build with `Page.from_bytes` or `Page.from_text`."""

    url: str
    text: str
    encoding: str = "utf-8"
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    profile: dict[str, Any] | None = None
    # what was repaired or capped on the way in ("charset_mismatch", "html_truncated",
    # "deep_nesting", "paragraph_truncated", "text_truncated"); the crawl counts them in stats
    notes: set[str] = field(default_factory=set)
    # the UTF-8 bytes `text` was strictly decoded from, when it was (`from_bytes`): the parse
    # reads them instead of encoding the text again (~0.3 ms a page)
    utf8: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_bytes(
        cls,
        body: bytes,
        url: str,
        *,
        content_type: str | None = None,
        fetched_at: datetime | None = None,
        profile: dict[str, Any] | None = None,
    ) -> Page:
        notes: set[str] = set()
        text, enc, utf8 = _decode(body, content_type, notes)
        return cls(
            url=url,
            text=text,
            encoding=enc,
            fetched_at=fetched_at or datetime.now(UTC),
            profile=profile,
            notes=notes,
            utf8=utf8,
        )

    @classmethod
    def from_text(cls, text: str, url: str = "https://example.invalid/", **kw: Any) -> Page:
        return cls(url=url, text=text, **kw)

    @cached_property
    def tree(self) -> Any:
        return parse_html(self.text, self.notes, self.utf8)

    def take_tree(self) -> Any:
        """The parsed tree, handed over to a caller that changes it (the body's cleaning pass):
        the page forgets it, and a later `tree` parses the text again (the same tree). Spares
        that caller a copy of the tree (~0.6 ms a page) when nothing reads the tree after it."""
        tree = self.tree
        del self.__dict__["tree"]
        return tree

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object on the page (``@graph`` flattened), invalid blocks repaired or skipped."""
        out: list[dict[str, Any]] = []
        for script in self.tree.iter("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            data = _loads_lenient(script.text or "")
            if data is not None:
                _flatten_jsonld(data, out)
        return resolve_jsonld_refs(out)

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` content by lower-cased name/property/itemprop, in document order."""
        out: dict[str, list[str]] = {}
        for el in self.tree.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop")
            content = el.get("content")
            if key and content is not None:
                out.setdefault(key.strip().lower(), []).append(content.strip())
        return out

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


@lru_cache(maxsize=512)
def _compiled(selector: str) -> Any:
    from lxml.cssselect import CSSSelector  # only pages with a site profile use selectors

    try:
        return CSSSelector(selector)
    except Exception:  # noqa: BLE001 - a bad selector in a profile must not kill extraction
        return None


def css_select(root: Any, selector: str | list[str] | None) -> list[Any]:
    """Elements under `root` matching a CSS selector or any of a list of them (profile
    overrides). Selectors are compiled once; an invalid one matches nothing."""
    sels = [selector] if isinstance(selector, str) else list(selector or [])
    out: list[Any] = []
    for s in sels:
        sel = _compiled(s)
        if sel is not None:
            out.extend(sel(root))
    return out
