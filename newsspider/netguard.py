"""Keeping every request inside the crawled site's world (SSRF and redirect safety), and 429s.

A crawl job's URLs can come from someone else (``scrapyd -a url=``), and any page can redirect
(3xx or ``<meta http-equiv=refresh>``). So:

- `DestinationGuardMiddleware` (downloader middleware, before robots.txt) refuses any request
  whose host is, or resolves to, a private, loopback, link-local, multicast, reserved or
  unspecified address (IPv4, IPv6, IPv4-mapped/NAT64/6to4 IPv6, and the numeric forms a C
  resolver accepts: ``2130706433``, ``0177.0.0.1``, ``0x7f.1``). Host names are resolved with
  the crawl's own (caching) resolver first and the answer checked, so nothing is sent before
  the check. It also refuses requests outside the spider's world (``spider.site_domains``: a
  profile's domains, or the registrable domains of the `article` spider's URLs, plus
  NEWSSPIDER_ALLOWED_DOMAINS), redirects included.
- `GuardedResolver` (TWISTED_DNS_RESOLVER) applies the same address check to every lookup the
  downloader makes, so a name that changes its answer between check and connect is refused too.
- `SafeRedirectMiddleware` / `SafeMetaRefreshMiddleware` replace Scrapy's: a redirect back to a
  URL of its own chain is a ``redirect_loop``; too many hops is ``too_many_redirects`` (Scrapy
  drops both silently, the dupefilter swallowing the loop).
- `RetryAfterMiddleware` replaces Scrapy's RetryMiddleware: a 429/503 carrying Retry-After is
  retried no earlier than it says (capped by NEWSSPIDER_RETRY_AFTER_MAX seconds).

Every refusal raises `Refused` (an IgnoreRequest) and is counted as
``newsspider/errors/<kind>``: ``private_address``, ``offsite``, ``offsite_redirect``,
``redirect_loop``, ``too_many_redirects``. NEWSSPIDER_ALLOW_PRIVATE (``--allow-private``) lifts
the address check; hosts routed through NEWSSPIDER_MIRRORS (a local copy chosen by the operator)
are not checked.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.error import DNSLookupError

# the pure checks (no Scrapy: `newsspider fetch` uses them too), re-exported here
from newsspider.addresses import (
    host_address,
    in_world,
    refused_reason,
    registrable_domain,
    retry_after_seconds,
)
from newsspider.urls import normalize_url

__all__ = ["DestinationGuardMiddleware", "GuardedResolver", "Refused", "RefusedAddress", "RetryAfterMiddleware",
           "SafeMetaRefreshMiddleware", "SafeRedirectMiddleware", "host_address", "in_world", "refused_reason",
           "registrable_domain", "retry_after_seconds"]

logger = logging.getLogger(__name__)

class Refused(IgnoreRequest):
    """A request newsspider will not send; ``kind`` is its stats name."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class RefusedAddress(DNSLookupError):
    """Raised by `GuardedResolver` for a name resolving to a refused address."""


# -- middlewares ------------------------------------------------------------------------------
class DestinationGuardMiddleware:
    """Refuses requests to internal addresses and outside the spider's world (see module doc)."""

    def __init__(self, crawler: Crawler):
        s = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.allow_private = s.getbool("NEWSSPIDER_ALLOW_PRIVATE", False)
        self.extra_domains = {d.lower().strip().lstrip(".") for d in s.getlist("NEWSSPIDER_ALLOWED_DOMAINS") if d.strip()}
        self.mirrored = {h.lower() for h in (s.getdict("NEWSSPIDER_MIRRORS") or {})}
        self._logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DestinationGuardMiddleware:
        return cls(crawler)

    def world(self) -> frozenset[str]:
        spider = self.crawler.spider
        domains = set(getattr(spider, "site_domains", ()) or ())
        if not domains:
            return frozenset()
        return frozenset(d.lower() for d in domains | self.extra_domains | self.mirrored)

    def refuse(self, kind: str, request: Request, why: str) -> Refused:
        self.stats.inc_value(f"newsspider/errors/{kind}")
        message = f"refused {request.url}: {why}"
        if kind not in self._logged:
            self._logged.add(kind)
            logger.warning("%s (further '%s' refusals are only counted in stats)", message, kind)
        return Refused(kind, message)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        parts = urlsplit(request.url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            return None  # data:, file: … never come from a page here; Scrapy refuses the rest
        redirected = bool(request.meta.get("redirect_urls"))
        world = self.world()
        if world and not in_world(host, world):
            kind = "offsite_redirect" if redirected else "offsite"
            raise self.refuse(kind, request, f"{host} is outside this crawl's domains ({', '.join(sorted(world))}); "
                                            "NEWSSPIDER_ALLOWED_DOMAINS allows more")
        if self.allow_private or host in self.mirrored:
            return None
        addr = host_address(host)
        if addr is None:
            try:
                from twisted.internet import reactor

                resolved = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined,arg-type]
            except RefusedAddress as exc:
                raise self.refuse("private_address", request, str(exc)) from None
            except Exception:  # noqa: BLE001 - unresolvable: the download reports it as dns
                return None
            addr = host_address(str(resolved))
            if addr is None:
                return None
        reason = refused_reason(addr)
        if reason:
            raise self.refuse("private_address", request,
                              f"{host} is a {reason.replace('_', '-')} address ({addr}); "
                              "--allow-private / NEWSSPIDER_ALLOW_PRIVATE lifts this")
        return None


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing answers that are not public addresses (unless
    NEWSSPIDER_ALLOW_PRIVATE; mirror hosts exempt)."""

    allow_private = False
    exempt: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = crawler.settings.getbool("NEWSSPIDER_ALLOW_PRIVATE", False)
        mirrors = crawler.settings.getdict("NEWSSPIDER_MIRRORS") or {}
        resolver.exempt = frozenset(
            {h.lower() for h in mirrors} | {(urlsplit(u).hostname or "").lower() for u in mirrors.values()}
        )
        return resolver

    def lookup(self, name: str, timeout: Any = ()) -> Any:
        """The answer before the check (Scrapy's cached threaded lookup)."""
        return super().getHostByName(name, timeout)

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:
        d = self.lookup(name, timeout)
        if self.allow_private or name.lower() in self.exempt:
            return d

        def check(address: str) -> str:
            addr = host_address(address)
            reason = refused_reason(addr) if addr is not None else None
            if reason:
                raise RefusedAddress(f"{name} resolves to a {reason.replace('_', '-')} address ({address})")
            return address

        return d.addCallback(check)


class _LoopCheck:
    """Mixin for Scrapy's redirect middlewares: loops and too many hops are counted refusals."""

    crawler: Crawler

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        target = normalize_url(redirected.url)
        if any(normalize_url(u) == target for u in chain):
            self.crawler.stats.inc_value("newsspider/errors/redirect_loop")
            raise Refused("redirect_loop", f"redirect loop: {' -> '.join([*chain, redirected.url])}")
        try:
            return super()._redirect(redirected, request, reason)  # type: ignore[misc]
        except Refused:
            raise
        except IgnoreRequest:
            self.crawler.stats.inc_value("newsspider/errors/too_many_redirects")
            raise Refused("too_many_redirects", f"more than {len(chain) - 1} redirects from {chain[0]}") from None


class SafeRedirectMiddleware(_LoopCheck, RedirectMiddleware):
    pass


class SafeMetaRefreshMiddleware(_LoopCheck, MetaRefreshMiddleware):
    pass


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, but a 429 or 503 with Retry-After waits before the retry
    (at most NEWSSPIDER_RETRY_AFTER_MAX seconds); the wait is counted as
    ``newsspider/retry_after_waits`` and its total as ``newsspider/retry_after_seconds``."""

    def __init__(self, settings: Any):
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("NEWSSPIDER_RETRY_AFTER_MAX", 60.0)

    async def process_response(self, request: Request, response: Response,  # type: ignore[override]
                               spider: Spider | None = None) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request) and response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait:
                wait = min(wait, self.retry_after_max)
                stats = self.crawler.stats
                stats.inc_value("newsspider/retry_after_waits")
                stats.inc_value("newsspider/retry_after_seconds", round(wait, 3))
                logger.info("%s answered %d with Retry-After; retrying in %.1f s", request.url,
                            response.status, wait)
                from twisted.internet import reactor
                from twisted.internet.task import deferLater

                await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))  # type: ignore[arg-type]
        return result
