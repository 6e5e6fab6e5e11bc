"""Scrapy plumbing: request fingerprints, skipping known articles, local mirrors."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.request import RequestFingerprinter

from newsspider.ledger import ledger_of
from newsspider.store import SqlStore
from newsspider.store.thread import StoreThread
from newsspider.urls import strip_tracking

logger = logging.getLogger(__name__)


class TrackingStrippedFingerprinter:
    """Scrapy's fingerprint of the URL without tracking parameters (utm_*, fbclid, …), so the
    same article linked with and without them is fetched once."""

    def __init__(self, crawler: Crawler | None = None):
        self._inner = RequestFingerprinter(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrackingStrippedFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        if "?" in request.url:
            stripped = strip_tracking(request.url)
            if stripped != request.url.split("#", 1)[0]:
                request = request.replace(url=stripped)
        return self._inner.fingerprint(request)


class SeenFilterMiddleware:
    """Drops article requests whose URL is already in the seen-store (exported before) unless
    their sitemap/feed date (``meta["lastmod"]``) is later than the export, and stops following
    listing pagination after NEWSSPIDER_STOP_AFTER_SEEN known articles in a row.

    Article requests carry ``meta["article"] = True``; next-page requests ``meta["listing_next"]``.
    """

    def __init__(self, crawler: Crawler):
        s = crawler.settings
        self.enabled = s.getbool("NEWSSPIDER_SKIP_SEEN", True) and bool(s.get("NEWSSPIDER_STATE"))
        self.stop_after = s.getint("NEWSSPIDER_STOP_AFTER_SEEN", 20)
        self.stats = crawler.stats
        # the store is read in a thread of its own, never on the reactor (newsspider.store.thread)
        self.reads: StoreThread | None = StoreThread.of(crawler) if self.enabled else None
        self.consecutive_known = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenFilterMiddleware:
        return cls(crawler)

    async def _lookup(self, objs: list[Any]) -> tuple[set[str], dict[str, str | None]]:
        """The article URLs of one callback's output already exported, and the export time of
        those with a sitemap/feed date: one trip to the store's thread."""
        urls = [o.url for o in objs if isinstance(o, Request) and o.meta.get("article")]
        if self.reads is None or not urls:
            return set(), {}
        dated = {o.url for o in objs if isinstance(o, Request) and o.meta.get("article") and o.meta.get("lastmod")}
        return await self.reads.call(_known_and_exported, urls, dated)

    def _keep(self, obj: Any, known: set[str], exported: dict[str, str | None]) -> bool:
        if self.reads is None or not isinstance(obj, Request):
            return True
        if obj.meta.get("article"):
            if obj.url in known:
                if _modified_since(obj.meta.get("lastmod"), exported.get(obj.url)):
                    self.stats.inc_value("newsspider/refetch_modified")
                    return True
                self.consecutive_known += 1
                self.stats.inc_value("newsspider/skipped_known_article")
                return False
            self.consecutive_known = 0
        elif obj.meta.get("listing_next") and self.stop_after and self.consecutive_known >= self.stop_after:
            self.stats.inc_value("newsspider/listing_stopped_at_known")
            logger.info(
                "not following %s: the last %d articles listed were all exported before",
                obj.url, self.consecutive_known,
            )
            return False
        return True

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any], spider: Spider | None = None
    ) -> AsyncIterator[Any]:
        objs = [obj async for obj in result]
        known, exported = await self._lookup(objs)
        for obj in objs:
            if self._keep(obj, known, exported):
                yield obj


def _known_and_exported(store: SqlStore, urls: list[str], dated: set[str]) -> tuple[set[str], dict[str, str | None]]:
    """In the store's thread: which of `urls` are known, and when the dated known ones were exported."""
    known = store.known_urls(urls)
    return known, {u: store.exported_at(u) for u in dated & known}


def _modified_since(lastmod: Any, exported: str | None) -> bool:
    """A sitemap/feed date later than our export means the article may have changed."""
    if not lastmod or not exported:
        return False
    try:
        return datetime.fromisoformat(lastmod) > datetime.fromisoformat(exported)
    except (TypeError, ValueError):
        return False


class MirrorMiddleware:
    """Routes requests for chosen hosts to a local server used as an HTTP proxy.

    ``NEWSSPIDER_MIRRORS = {"kpopdemo.example": "http://127.0.0.1:8123"}`` makes every
    ``http://kpopdemo.example/...`` request go to that server, which serves a saved copy of the
    site; URLs, canonical links and dedup keys stay the site's own. Used by the offline demo and
    by the tests (a fake site per profile) — only for plain-http hosts.
    """

    def __init__(self, mirrors: dict[str, str]):
        self.mirrors = {k.lower(): v for k, v in (mirrors or {}).items()}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MirrorMiddleware:
        return cls(crawler.settings.getdict("NEWSSPIDER_MIRRORS"))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not self.mirrors:
            return None
        host = (urlsplit(request.url).hostname or "").lower()
        proxy = self.mirrors.get(host)
        if proxy and "proxy" not in request.meta:
            request.meta["proxy"] = proxy
        elif not proxy and request.meta.get("proxy") in self.mirrors.values():
            # a redirect away from a mirrored host carries the mirror's proxy in its copied
            # meta: it must go where it points (and past netguard), not to the mirror
            del request.meta["proxy"]
        return None


class ConditionalRequestMiddleware:
    """Conditional GETs for feeds and sitemaps (requests with ``meta["conditional"]``).

    Sends If-None-Match / If-Modified-Since from the seen-store; a 304 reaches the spider
    (which then plans nothing from it). New validators are noted in the run's ledger and saved
    by the export pipeline at the end of a run that went idle, only for feeds and sitemaps whose
    every listed article was exported or definitively refused (`newsspider.ledger`): a crashed
    run, a transient failure or a ``--max`` / ``--since`` cut never hides a feed's articles
    from the next run.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.reads: StoreThread | None = StoreThread.of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.reads is None or not request.meta.get("conditional"):
            return None
        etag, modified = await self.reads.call(_validators, request.url)
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
        if modified:
            request.headers.setdefault(b"If-Modified-Since", modified.encode("latin-1"))
        return None

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if self.reads is not None and request.meta.get("conditional") and response.status == 200:
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            if etag or modified:
                # saved by the export pipeline at the end of the run if everything listed is done
                ledger_of(self.crawler).validators[request.url] = (
                    etag.decode("latin-1") if etag else None,
                    modified.decode("latin-1") if modified else None,
                )
        return response


def _validators(store: SqlStore, url: str) -> tuple[str | None, str | None]:
    return store.validators(url)
