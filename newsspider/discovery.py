"""Finding article URLs in feeds, sitemaps and listing pages (pure functions over bytes/text).

The spiders call these to plan their requests; they hold no selectors themselves.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import lxml.etree
import lxml.html

from newsspider.urls import safe_urljoin as urljoin


@dataclass(frozen=True)
class Link:
    url: str
    date: datetime | None = None  # lastmod / pubDate when the source gives one


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def parse_date(text: str | None) -> datetime | None:
    """ISO 8601 (sitemaps, Atom) or RFC 822 (RSS) date, as an aware datetime; None if unreadable."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _aware(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


MAX_DECOMPRESSED = 16 * 1024 * 1024  # the spiders pass DOWNLOAD_MAXSIZE


class TooLarge(ValueError):
    """A compressed feed or sitemap that would decompress past the size cap (a gzip bomb)."""


def gunzip_capped(data: bytes, max_size: int = MAX_DECOMPRESSED) -> bytes:
    """gunzip (concatenated members too) without ever holding more than `max_size` bytes of
    output, as Scrapy's own capped gunzip does; raises TooLarge past it, OSError on bad data."""
    out = bytearray()
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while data:
            try:
                chunk = d.decompress(data, max_size + 1 - len(out))
            except zlib.error as exc:
                if out:
                    return bytes(out)  # trailing garbage after a complete member
                raise OSError(str(exc)) from exc
            out += chunk
            if len(out) > max_size:
                raise TooLarge(f"decompresses to more than {max_size} bytes")
            data = d.unconsumed_tail
            if d.eof:
                break
            if not chunk and not data:
                raise OSError("truncated gzip data")
        data = d.unused_data
        if not d.eof:
            break
    return bytes(out)


def _xml_root(body: bytes, max_size: int = MAX_DECOMPRESSED) -> lxml.etree._Element | None:
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip_capped(body, max_size)
        except OSError:
            return None
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return lxml.etree.fromstring(body.strip(), parser=parser)
    except lxml.etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el: lxml.etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names:
            return (child.text or "").strip() or child.get("href")
    return None


def sitemap_links(body: bytes, max_size: int = MAX_DECOMPRESSED) -> tuple[list[Link], bool]:
    """(entries, is_index) of a sitemap or sitemap index (gzip allowed, at most `max_size`
    bytes once decompressed: TooLarge past it)."""
    root = _xml_root(body, max_size)
    if root is None:
        return [], False
    kind = _local(root.tag)
    entries = []
    for el in root:
        if _local(el.tag) not in ("url", "sitemap"):
            continue
        loc = _child_text(el, "loc")
        if loc:
            entries.append(Link(loc, parse_date(_child_text(el, "lastmod"))))
    return entries, kind == "sitemapindex"


# Words in a child sitemap's file name that say it lists no articles: WordPress core
# (wp-sitemap-posts-page-1, wp-sitemap-taxonomies-category-1, wp-sitemap-users-1), Yoast / Rank
# Math / All in One SEO (page-sitemap, category-sitemap, post_tag-sitemap, author-sitemap) and
# the plural forms other generators use (sitemap-pages, sitemap-tags, sitemap-authors).
NON_ARTICLE_SITEMAP_WORDS = frozenset(
    """page pages category categories cat tag tags author authors user users taxonomies taxonomy
    topic topics archive archives""".split())


def article_sitemap(url: str) -> bool:
    """Whether a child sitemap of a sitemap index may list articles, from its file name: not
    one of pages, categories, tags or authors (post-, news- and dated sitemaps may)."""
    from urllib.parse import urlsplit

    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    words = {w for w in re.split(r"[^a-z]+", name) if w}
    return not words & NON_ARTICLE_SITEMAP_WORDS


def feed_links(body: bytes, base_url: str = "", max_size: int = MAX_DECOMPRESSED) -> list[Link]:
    """Item links of an RSS 2.0 / RSS 1.0 / Atom feed (gzip allowed, capped as sitemaps)."""
    root = _xml_root(body, max_size)
    if root is None:
        return []
    out = []
    for el in root.iter():
        name = _local(el.tag)
        if name not in ("item", "entry"):
            continue
        link = None
        for child in el:
            if _local(child.tag) == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") != "alternate":
                    continue
                link = href or (child.text or "").strip()
                if link:
                    break
        if not link:
            link = _child_text(el, "guid")
        if not link:
            continue
        date = parse_date(_child_text(el, "pubdate", "published", "updated", "date"))
        out.append(Link(urljoin(base_url, link), date))
    return out


@dataclass
class ListingLinks:
    links: list[str]
    next_page: str | None


def listing_links(html: str | bytes, base_url: str) -> ListingLinks:
    """All http(s) links of a listing page (in order, unique) and its next-page link."""
    try:
        doc = lxml.html.document_fromstring(html or "<html/>")
    except (lxml.etree.ParserError, ValueError):
        return ListingLinks([], None)
    seen: set[str] = set()
    links: list[str] = []
    next_page = None
    for el in doc.iter("a", "link"):
        href = el.get("href")
        if not href:
            continue
        url = urljoin(base_url, href.strip()).split("#", 1)[0]
        rel = (el.get("rel") or "").lower().split()
        if "next" in rel and next_page is None:
            next_page = url
        if el.tag != "a" or not url.startswith(("http://", "https://")):
            continue
        if url not in seen:
            seen.add(url)
            links.append(url)
    return ListingLinks(links, next_page)


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt."""
    out = []
    for line in body.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == "sitemap" and value.strip():
            out.append(urljoin(base_url, value.strip()))
    return out


FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/rdf+xml")


def home_feeds(body: bytes, base_url: str) -> list[str]:
    """Feeds a home page announces with ``<link rel="alternate" type="application/rss+xml">``."""
    try:
        root = lxml.html.document_fromstring(body or b"<html></html>")
    except (lxml.etree.ParserError, ValueError):
        return []
    out = []
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "alternate" in rel and (el.get("type") or "").lower().strip() in FEED_TYPES and el.get("href"):
            url = urljoin(base_url, el.get("href").strip())
            if url not in out:
                out.append(url)
    return out
