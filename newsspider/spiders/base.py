"""What both spiders share: turning a response into a PageItem, and counting failures."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NoReturn

from scrapy import Request, Spider
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.internet.error import (
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from newsspider.items import PageItem
from newsspider.ledger import ledger_of
from newsspider.netguard import Refused
from newsspider.pagecheck import HTML_TYPES, KIND_WORDS, kind_in_words, looks_binary  # noqa: F401 - re-exported


def argument_error(spider: str, message: str) -> NoReturn:
    """Bad ``-a`` arguments: one error line and exit status 2, as for a bad command-line option.

    An exception raised while Scrapy creates the spider only surfaces as an asyncio
    "Task exception was never retrieved" traceback (and ``scrapy crawl`` would carry on to exit 1),
    so the spider stops the process itself. ``newsspider crawl`` checks its arguments before
    starting Scrapy and never gets here.
    """
    logging.getLogger(spider).error("bad spider argument: %s", message)
    raise SystemExit(2)


def error_kind(failure: Failure) -> str:
    if failure.check(Refused):
        return str(failure.value.kind)
    if failure.check(DownloadCancelledError, CancelledError) or (
            failure.check(IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(failure.value)):
        return "too_large"  # over DOWNLOAD_MAXSIZE, announced, received, or once decompressed
    if failure.check(ResponseDataLossError, ResponseFailed, ResponseNeverReceived, ConnectionLost,
                     ConnectionDone, DownloadFailedError):
        return "connection_lost"  # reset or closed mid-response
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
        return "timeout"
    if failure.check(DNSLookupError, CannotResolveHostError):
        return "dns"
    if failure.check(DownloadConnectionRefusedError):
        return "connection_refused"
    if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
        return "robots_forbidden"
    return failure.type.__name__ if failure.type else "unknown"


class ArticleFetching(Spider):
    """Base spider: article requests, PageItems, and failures counted and logged once per kind."""

    site_name = "generic"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._logged_errors: set[str] = set()

    def article_request(self, url: str, **meta: Any) -> Request:
        return Request(url, callback=self.parse_article, errback=self.on_error,
                       meta={"article": True, **meta})

    def count_error(self, kind: str, message: str) -> None:
        self.crawler.stats.inc_value(f"newsspider/errors/{kind}")
        if kind not in self._logged_errors:
            self._logged_errors.add(kind)
            self.logger.error("%s (further '%s' errors are only counted in stats)", message, kind)

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        kind = error_kind(failure)
        ledger_of(self.crawler).fail(url, kind, article=bool(request is not None and request.meta.get("article")))
        if failure.check(Refused):  # counted (and logged once) by netguard where it was refused
            return
        self.count_error(kind, f"could not fetch {url}: {failure.getErrorMessage() or kind}")

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        # profiles outside the package (the NEWSSPIDER_PROFILES setting) before the spider
        # resolves its site
        dirs = crawler.settings.getlist("NEWSSPIDER_PROFILES")
        if dirs:
            from newsspider.profiles import ProfileError, set_profile_dirs

            try:
                set_profile_dirs(dirs)
            except ProfileError as exc:
                argument_error(cls.name or "spider", str(exc))
        return super().from_crawler(crawler, *args, **kwargs)

    def site_for(self, response: Response) -> str:
        return self.site_name

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        ctype = (response.headers.get(b"Content-Type") or b"").split(b";")[0].strip().lower()
        if ctype not in HTML_TYPES or looks_binary(response.body):
            self.count_error("not_html", f"{response.url} is not an HTML page ({ctype.decode(errors='replace')})")
            return
        yield page_item(response, self.site_for(response))

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        """The extracted record of one page, computed right here in the callback.

        This is what ``scrapy parse --spider=article URL`` shows. Crawls do not use it: their
        callback (`parse_article`) yields the fetched page and the item pipelines extract, so
        extraction stays out of the spider and can move off the reactor.
        """
        from newsspider import extract_article

        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
        record = extract_article(response.body, response.url, content_type=ctype,
                                 site=self.site_for(response) if self.site_name != "generic" else None)
        record["http_status"] = response.status
        yield record


def page_item(response: Response, site: str = "generic") -> PageItem:
    """The item newsspider's pipelines take: yield ``page_item(response)`` from a callback of any
    spider (for example in another Scrapy project using the newsspider add-on)."""
    return PageItem(
        url=response.url,
        body=response.body,
        site=site,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        encoding=None,
        headers={"Content-Type": (response.headers.get(b"Content-Type") or b"").decode("latin-1")},
        status=response.status,
    )
