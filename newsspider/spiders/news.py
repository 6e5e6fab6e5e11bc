"""`news`: crawl one site from its profile (feeds, sitemaps, listing pages)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from newsspider.discovery import (
    Link,
    TooLarge,
    article_sitemap,
    feed_links,
    home_feeds,
    listing_links,
    robots_sitemaps,
    sitemap_links,
)
from newsspider.ledger import ledger_of
from newsspider.profiles import Profile, UnknownSite, all_profiles, generic_profile, get_profile
from newsspider.spiders.base import ArticleFetching, argument_error
from newsspider.store import RetryDue, open_store
from newsspider.urls import BadURL, check_url, normalize_url


def parse_since(value: str | date | None) -> datetime | None:
    """`since` as an aware datetime at 00:00 UTC; accepts YYYY-MM-DD or a full ISO timestamp."""
    if value in (None, ""):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"since must be a date like 2026-01-31, not {value!r}") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def parse_max(value: str | int | None) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        n = int(value)  # type: ignore[arg-type]
    except ValueError:
        raise ValueError(f"max_articles must be a whole number, not {value!r}") from None
    if n < 0:
        raise ValueError("max_articles must be positive")
    return n


def no_site_message() -> str:
    return (f"give -a site=NAME (known sites: {', '.join(sorted(all_profiles()))}) "
            "or -a url=https://any.site/ for a generic crawl")


class NewsSpider(ArticleFetching):
    """Arguments: ``site`` (profile name) or ``url`` (any site: generic crawl from its robots.txt
    sitemaps, its home page's feeds, or /sitemap.xml), ``max_articles``, ``since`` (YYYY-MM-DD)."""

    name = "news"

    def __init__(self, site: str | None = None, max_articles: str | int | None = None,
                 since: str | None = None, url: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if not site and not url:
            argument_error(self.name, no_site_message())
        try:
            self.profile: Profile = generic_profile(check_url(url)) if url else get_profile(site or "")
            self.max_articles = parse_max(max_articles)
            self.since = parse_since(since)
        except (UnknownSite, ValueError, BadURL) as exc:
            argument_error(self.name, str(exc))
        self.generic = bool(url)
        self.site_name = self.profile.name
        self.site_domains = set(self.profile.domains)  # requests and redirects stay inside (netguard)
        self._planned: set[str] = set()
        self._listing_pages = 0

    # -- planning ------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        p = self.profile
        for retry in await self.due_retries():
            # articles that failed transiently in earlier runs (503, timeout…): asked again
            self.crawler.stats.inc_value("newsspider/retry/planned")
            ledger_of(self.crawler).retried[retry.url] = retry.attempts
            self._planned.add(normalize_url(retry.url))
            yield self.article_request(retry.url, retry=retry.attempts)
        if self.generic:
            for req in self.generic_start():
                yield req
            return
        for url in p.feeds:
            yield self.conditional(url, self.parse_feed, "feed")
        for url in p.sitemaps:
            yield self.conditional(url, self.parse_sitemap, "sitemap")
        if self.since is not None and (p.sitemaps or p.feeds):
            # listing pages carry no dates; the dated sitemaps and feeds cover a --since run
            return
        for url in p.listings:
            yield Request(url, callback=self.parse_listing, errback=self.on_error,
                          meta={"source": "listing"}, cb_kwargs={"page": 1})

    async def due_retries(self) -> list[RetryDue]:
        """The retry list of this site in the seen-store (read on a thread: it may be remote)."""
        state = self.settings.get("NEWSSPIDER_STATE") if self.settings else None
        if not state or not self.settings.getbool("NEWSSPIDER_RETRY_FAILED", True):
            return []

        def read() -> list[RetryDue]:
            store = open_store(state)
            try:
                return store.due_retries(self.site_name)
            finally:
                store.close()

        return await maybe_deferred_to_future(deferToThread(read))

    def conditional(self, url: str, callback: Any, source: str) -> Request:
        """Feeds and sitemaps are fetched with If-None-Match / If-Modified-Since."""
        return Request(url, callback=callback, errback=self.on_error,
                       meta={"source": source, "conditional": True, "handle_httpstatus_list": [304]})

    def not_modified(self, response: Response) -> bool:
        if response.status == 304:
            self.crawler.stats.inc_value("newsspider/not_modified")
            return True
        return False

    def _too_old(self, link: Link) -> bool:
        return self.since is not None and link.date is not None and link.date < self.since

    def plan_article(self, link: Link, source: str | None = None) -> Iterator[Request]:
        if not self.profile.is_article(link.url):
            return
        ledger = ledger_of(self.crawler)
        if source is not None:
            ledger.list(source, link.url)
        if self._too_old(link):
            if source is not None:
                ledger.cut(source)  # --since: not done, only skipped this time
            return
        if self.generic and not self.profile.owns(link.url):
            return
        key = normalize_url(link.url)
        if key in self._planned:
            return
        if self.max_articles is not None and len(self._planned) >= self.max_articles:
            self.crawler.stats.inc_value("newsspider/max_articles_reached")
            if source is not None:
                ledger.cut(source)  # --max: the rest is left for a later run
            return
        self._planned.add(key)
        yield self.article_request(link.url, lastmod=link.date.isoformat() if link.date else None)

    @property
    def max_decompressed(self) -> int:
        """Feeds and sitemaps decompress to at most DOWNLOAD_MAXSIZE bytes (gzip bombs)."""
        return self.crawler.settings.getint("DOWNLOAD_MAXSIZE") or 1 << 30

    def too_large(self, response: Response, source: str) -> None:
        self.count_error(f"{source}_too_large", f"{source} {response.url} decompresses to more than "
                                                f"DOWNLOAD_MAXSIZE ({self.max_decompressed} bytes); skipped")

    def parse_feed(self, response: Response) -> Iterator[Request]:
        if self.not_modified(response):
            return
        try:
            links = feed_links(response.body, response.url, self.max_decompressed)
        except TooLarge:
            self.too_large(response, "feed")
            return
        for link in links:
            yield from self.plan_article(link, response.url)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        if self.not_modified(response):
            return
        try:
            links, is_index = sitemap_links(response.body, self.max_decompressed)
        except TooLarge:
            self.too_large(response, "sitemap")
            return
        ledger = ledger_of(self.crawler)
        for link in links:
            if is_index and self.generic and not article_sitemap(link.url):
                # a generic crawl wants articles: page, category, tag and author sitemaps skipped
                self.crawler.stats.inc_value("newsspider/sitemaps_skipped")
                self.logger.debug("generic crawl: skipped %s (lists no articles)", link.url)
                continue
            if is_index:
                ledger.list(response.url, link.url)
                if not self._too_old(link):
                    yield self.conditional(link.url, self.parse_sitemap, "sitemap")
                else:
                    ledger.cut(response.url)
            else:
                yield from self.plan_article(link, response.url)

    def parse_listing(self, response: Response, page: int) -> Iterator[Request]:
        found = listing_links(response.body, response.url)
        for url in found.links:
            yield from self.plan_article(Link(url))
        if found.next_page and page < self.profile.max_listing_pages:
            yield Request(found.next_page, callback=self.parse_listing, errback=self.on_error,
                          meta={"source": "listing", "listing_next": True}, cb_kwargs={"page": page + 1})

    # -- generic crawl of any site -------------------------------------------------------
    def generic_start(self) -> Iterator[Request]:
        """robots.txt ``Sitemap:`` lines and the feeds the home page announces; /sitemap.xml when
        robots.txt names none."""
        home = self.profile.start_urls[0]
        yield Request(self.site_root + "/robots.txt", callback=self.parse_robots,
                      errback=self.guess_failed, meta={"source": "robots", "dont_obey_robotstxt": True})
        yield Request(home, callback=self.parse_home, errback=self.on_error, meta={"source": "home"})

    @property
    def site_root(self) -> str:
        from urllib.parse import urlsplit

        parts = urlsplit(self.profile.start_urls[0])
        return f"{parts.scheme}://{parts.netloc}"

    def parse_robots(self, response: Response) -> Iterator[Request]:
        sitemaps = robots_sitemaps(response.body, response.url) if response.status == 200 else []
        for url in sitemaps or [self.site_root + "/sitemap.xml"]:
            yield Request(url, callback=self.parse_sitemap, errback=self.on_error if sitemaps else self.guess_failed,
                          meta={"source": "sitemap", "conditional": True, "handle_httpstatus_list": [304]})

    def guess_failed(self, failure: Any) -> None:
        """A guessed URL (robots.txt, /sitemap.xml) that is not there: not an error."""
        self.logger.info("generic crawl: %s not available", getattr(failure.request, "url", "?"))

    def parse_home(self, response: Response) -> Iterator[Request]:
        for url in home_feeds(response.body, response.url):
            yield self.conditional(url, self.parse_feed, "feed")
