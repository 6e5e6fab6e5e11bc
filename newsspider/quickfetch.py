"""`newsspider fetch URL` without Scrapy: one page fetched with the standard library, with the
crawl's safety rules and in the order Scrapy's middlewares apply them (issue #13: importing
Scrapy and Twisted alone was ~290 ms of the command's ~780 ms of CPU).

Per request, as the project's downloader middlewares do: the destination check
(`newsspider.addresses`, as `netguard.DestinationGuardMiddleware`: the site's world, then the
address, the name resolved once and the connection made to the very address checked), robots.txt
(Protego, as Scrapy's RobotsTxtMiddleware: fetched once per host through this same chain, any
failure to get it allowing all), the mirror routing (`--mirror`), the download (USER_AGENT and
Scrapy's default headers, DOWNLOAD_TIMEOUT, DOWNLOAD_MAXSIZE announced or received, TLS
certificates not verified: Scrapy's DOWNLOAD_VERIFY_CERTIFICATES default). Per response: 3xx
redirects, decompression capped at DOWNLOAD_MAXSIZE, <meta refresh> (Scrapy's rules and
w3lib's reading), retries of RETRY_HTTP_CODES and connection failures (RETRY_TIMES = 1 as
`newsspider fetch` sets it) after Retry-After; every hop goes through the whole chain again, a
loop or the 21st redirect refused. Failures carry the crawl's error kinds, counted in the same
order, so the one-line message is the same. `newsspider.cli.oneoff` decides when this path is
taken (and runs Scrapy otherwise); tests/test_fetch_lean.py runs both on the same pages.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from newsspider import settings as S
from newsspider.addresses import (
    host_address,
    in_world,
    refused_reason,
    registrable_domain,
    retry_after_seconds,
)

RETRY_TIMES = 1  # newsspider fetch's RETRY_TIMES
REDIRECT_MAX_TIMES = 20  # Scrapy's defaults from here on (settings.py does not change them)
METAREFRESH_MAXDELAY = 100
METAREFRESH_IGNORE_TAGS = ["noscript"]
RETRY_HTTP_CODES = frozenset({500, 502, 503, 504, 522, 524, 408, 429})
RETRY_AFTER_MAX = S.NEWSSPIDER_RETRY_AFTER_MAX
HEADERS = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
           "Accept-Language": "en", "User-Agent": S.USER_AGENT, "Accept-Encoding": "gzip, deflate, br, zstd"}
# URLs Scrapy's Request (w3lib's safe_url_string) keeps exactly as they are (checked on 158,000
# random URLs); any other URL is left to the Scrapy path (`plain_url`)
_PLAIN = re.compile(r"https?://[a-z0-9.-]+(?::[1-9][0-9]{0,4})?/[A-Za-z0-9\-._~:/@!$&()*+,;=%]*"
                    r"(?:\?[A-Za-z0-9\-._~:/?@!$&()*+,;=%]+)?(?:#[A-Za-z0-9\-._~:/?@!$&()*+,;=%]+)?")


def plain_url(url: str) -> bool:
    return _PLAIN.fullmatch(url) is not None


class Failed(Exception):
    """A request that ends without a response: ``kind`` is the crawl's error kind; `counted`:
    already counted where it was refused (netguard's refusals); `retry`: Scrapy retries it."""

    def __init__(self, kind: str, counted: bool = False, retry: bool = False):
        super().__init__(kind)
        self.kind, self.counted, self.retry = kind, counted, retry


class Req:
    def __init__(self, url: str, robots: bool = True):
        self.url, self.robots = url, robots
        self.redirect_urls: list[str] = []
        self.redirect_times = self.retry_times = 0
        self.proxy: str | None = None

    def follow(self, url: str) -> Req:  # Request.replace: the meta (counters, proxy) goes along
        new = Req(url, self.robots)
        new.redirect_urls, new.redirect_times = [*self.redirect_urls, self.url], self.redirect_times + 1
        new.retry_times, new.proxy = self.retry_times, self.proxy
        return new


class Resp:
    def __init__(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes):
        self.url, self.status, self.headers, self.body = url, status, headers, body

    def getlist(self, name: str) -> list[str]:
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    def get(self, name: str) -> str | None:  # Scrapy's Headers.get: the last value
        values = self.getlist(name)
        return values[-1] if values else None


class Fetch:
    def __init__(self, url: str, allow_private: bool = False, mirrors: dict[str, str] | None = None):
        self.url, self.allow_private = url, allow_private
        self.host = (urlsplit(url).hostname or "").lower()
        self.mirrors = {k.lower(): v for k, v in (mirrors or {}).items()}
        self.errors: dict[str, int] = {}  # newsspider/errors|dropped/<kind>, in the stats' order
        self._world: frozenset[str] | None = None
        self._dns: dict[str, str | BaseException] = {}
        self._robots: dict[str, Any] = {}

    def count(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def refuse(self, kind: str) -> Failed:
        self.count(kind)
        return Failed(kind, counted=True)

    # -- process_request ------------------------------------------------------------------------
    def world(self) -> frozenset[str]:
        """The article spider's site_domains (the URL's registrable domain) and the mirrored
        hosts; computed at the first host other than the URL's own (tldextract is ~125 ms)."""
        if self._world is None:
            domains = {registrable_domain(self.url)} - {""}
            self._world = frozenset(d.lower() for d in domains | set(self.mirrors)) if domains else frozenset()
        return self._world

    def resolve(self, host: str) -> str:
        """The IPv4 address of a host, as the crawl's resolver gets it (gethostbyname, cached,
        DNS_TIMEOUT); raises Failed("dns")."""
        if host not in self._dns:
            out: list[str | BaseException] = [Failed("dns", retry=True)]

            def lookup() -> None:
                try:
                    out[0] = socket.gethostbyname(host)
                except (OSError, UnicodeError):
                    pass

            thread = threading.Thread(target=lookup, daemon=True)
            thread.start()
            thread.join(S.DNS_TIMEOUT)
            self._dns[host] = out[0]
        answer = self._dns[host]
        if isinstance(answer, BaseException):
            raise Failed("dns", retry=True)
        return answer

    def guard(self, req: Req) -> None:
        """netguard.DestinationGuardMiddleware.process_request with GuardedResolver's check."""
        parts = urlsplit(req.url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            return
        # (the URL's own host is in its world: its registrable domain is a suffix of it)
        if host != self.host and self.world() and not in_world(host, self.world()):
            raise self.refuse("offsite_redirect" if req.redirect_urls else "offsite")
        if self.allow_private or host in self.mirrors:
            return
        addr = host_address(host)
        if addr is None:
            try:
                addr = host_address(self.resolve(host))
            except Failed:
                return  # unresolvable: the download says dns
            if addr is None:
                return
        if refused_reason(addr):
            raise self.refuse("private_address")

    def robots_allow(self, req: Req) -> None:
        parts = urlsplit(req.url)
        if parts.netloc not in self._robots:
            parser = None
            try:
                robots = self.run(Req(f"{parts.scheme}://{parts.netloc}/robots.txt", robots=False))
                from protego import Protego

                parser = Protego.parse(robots.body.decode("utf-8-sig", errors="ignore"))
            except Exception:  # noqa: BLE001 - as Scrapy: no robots.txt to be had allows all
                pass
            self._robots[parts.netloc] = parser
        parser = self._robots[parts.netloc]
        if parser is not None and not parser.can_fetch(req.url, S.USER_AGENT):
            raise Failed("robots_forbidden")

    def mirror(self, req: Req) -> None:
        """middlewares.MirrorMiddleware."""
        proxy = self.mirrors.get((urlsplit(req.url).hostname or "").lower())
        if proxy and req.proxy is None:
            req.proxy = proxy
        elif not proxy and req.proxy in self.mirrors.values():
            req.proxy = None

    # -- the download ---------------------------------------------------------------------------
    def download(self, req: Req) -> Resp:
        import http.client
        import ssl

        deadline = time.monotonic() + S.DOWNLOAD_TIMEOUT
        parts = urlsplit(req.url)
        host = (parts.hostname or "").lower()
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if req.proxy:
            if parts.scheme == "https":  # Scrapy would open a CONNECT tunnel through the mirror
                raise Failed("TunnelError", retry=True)
            proxy = urlsplit(req.proxy)
            ip, port = self.resolve((proxy.hostname or "").lower()), proxy.port or 80
            target = req.url.split("#", 1)[0]
        else:
            ip, port = self.resolve(host), parts.port or (443 if parts.scheme == "https" else 80)
            # GuardedResolver: every answer the download uses is checked (a host the guard read
            # as an address but the resolver reads otherwise fails as a refused lookup)
            addr = host_address(ip)
            if not self.allow_private and (addr is None or refused_reason(addr)):
                raise Failed("dns", retry=True)
        held: list[socket.socket] = []
        expired: list[bool] = []

        def expire() -> None:  # DOWNLOAD_TIMEOUT for the whole download, headers included
            expired.append(True)
            for s in held:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), expire)
        watchdog.daemon = True
        watchdog.start()
        conn: http.client.HTTPConnection | None = None
        resp: http.client.HTTPResponse | None = None
        try:
            sock = socket.create_connection((ip, port), timeout=max(0.001, deadline - time.monotonic()))
            held.append(sock)
            if parts.scheme == "https" and not req.proxy:
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
                sock = ctx.wrap_socket(sock, server_hostname=None if host_address(host) else host)
                held.append(sock)
            conn = http.client.HTTPConnection(host, port)
            conn.sock = sock
            conn.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
            default = parts.port in (None, 443 if parts.scheme == "https" else 80)
            conn.putheader("Host", str(parts.hostname) if default else f"{parts.hostname}:{parts.port}")
            for name, value in HEADERS.items():
                conn.putheader(name, value)
            conn.endheaders()
            sock.settimeout(max(0.001, deadline - time.monotonic()))
            resp = conn.getresponse()
            length = resp.length if resp.length is not None else -1
            if length > S.DOWNLOAD_MAXSIZE:
                raise Failed("too_large")
            chunks, size = [], 0
            while True:  # (read1: one receive at a time, so a drip cannot outlast the deadline)
                if time.monotonic() > deadline:
                    raise TimeoutError
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                chunk = resp.read1(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > S.DOWNLOAD_MAXSIZE:
                    raise Failed("too_large")
                chunks.append(chunk)
            if expired:
                raise TimeoutError
            if resp.length:  # the connection ended before Content-Length: data loss, as Scrapy's
                raise http.client.IncompleteRead(b"", resp.length)
        except Failed:
            raise
        except Exception as exc:  # noqa: BLE001 - as the crawl's download handler reports it
            raise self.failure(exc, bool(expired)) from None
        finally:
            watchdog.cancel()
            for done in (resp, conn, *held):
                if done is not None:
                    done.close()  # type: ignore[attr-defined]
        # (Scrapy's response URL is the request's without its fragment: the record's url)
        return Resp(urldefrag(req.url)[0], resp.status, resp.getheaders(), b"".join(chunks))

    @staticmethod
    def failure(exc: Exception, expired: bool) -> Failed:
        """A download's exception as the crawl's error kind (spiders.base.error_kind); all are
        retried (Scrapy's RETRY_EXCEPTIONS)."""
        import http.client
        import ssl

        if isinstance(exc, TimeoutError) or expired:
            return Failed("timeout", retry=True)
        if isinstance(exc, ConnectionRefusedError):
            return Failed("connection_refused", retry=True)
        if isinstance(exc, http.client.HTTPException | ConnectionError | EOFError | ssl.SSLError):
            return Failed("connection_lost", retry=True)  # reset, closed early, data loss
        if isinstance(exc, OSError):
            from errno import EHOSTUNREACH

            return Failed("NoRouteError" if exc.errno == EHOSTUNREACH else "ConnectError", retry=True)
        return Failed(type(exc).__name__)

    # -- process_response -----------------------------------------------------------------------
    def redirected(self, req: Req, url: str) -> Req:
        """netguard._LoopCheck and Scrapy's BaseRedirectMiddleware._redirect."""
        from newsspider.urls import normalize_url

        chain = [*req.redirect_urls, req.url]
        if any(normalize_url(u) == normalize_url(url) for u in chain):
            raise self.refuse("redirect_loop")
        if req.redirect_times + 1 > REDIRECT_MAX_TIMES:
            raise self.refuse("too_many_redirects")
        return req.follow(url)

    def redirect(self, req: Req, resp: Resp) -> Req | None:
        """Scrapy's RedirectMiddleware.process_response."""
        location = resp.get("Location")
        if location is None or resp.status not in (301, 302, 303, 307, 308):
            return None
        from w3lib.url import safe_url_string

        raw = location.encode("latin-1")
        loc = safe_url_string(raw)
        if raw.startswith(b"//"):
            loc = urlsplit(req.url).scheme + "://" + loc.lstrip("/")
        url = urljoin(req.url, loc)
        if not urlsplit(url).fragment and urlsplit(req.url).fragment:
            url = urljoin(url, f"#{urlsplit(req.url).fragment}")
        url = safe_url_string(url, "utf-8")
        if urlsplit(url).scheme not in ("http", "https"):
            return None
        return self.redirected(req, url)

    def meta_refresh(self, req: Req, resp: Resp) -> Req | None:
        """Scrapy's MetaRefreshMiddleware.process_response (w3lib reads the page's first 4096
        characters, decoded as Scrapy's TextResponse decodes them)."""
        from newsspider.quickpage import html_response, scrapy_encoding

        if not html_response(resp):
            return None

        encoding = scrapy_encoding(resp.get("Content-Type") or "", resp.body)
        from w3lib.encoding import html_to_unicode

        head = html_to_unicode(f"charset={encoding}", resp.body)[1][:4096]
        if "<meta" not in head.lower():
            return None
        from w3lib.html import get_base_url, get_meta_refresh
        from w3lib.url import safe_url_string

        interval, url = get_meta_refresh(head, get_base_url(head, resp.url, encoding), encoding,
                                         ignore_tags=METAREFRESH_IGNORE_TAGS)
        if not url:
            return None
        url = safe_url_string(url, "utf-8")
        if urlsplit(url).scheme not in ("http", "https") or not (interval or 0) < METAREFRESH_MAXDELAY:
            return None
        return self.redirected(req, url)

    def retry(self, req: Req) -> Req | None:
        if req.retry_times + 1 > RETRY_TIMES:
            return None
        new = req.follow(req.url)
        new.redirect_urls, new.redirect_times, new.retry_times = req.redirect_urls, req.redirect_times, req.retry_times + 1
        return new

    # -- the chain ------------------------------------------------------------------------------
    def step(self, req: Req) -> Resp | Req:
        try:
            self.guard(req)
            if req.robots:
                self.robots_allow(req)
            self.mirror(req)
            resp = self.download(req)
        except Failed as exc:
            retry = self.retry(req) if exc.retry else None
            if retry is None:
                raise
            return retry
        nxt = self.redirect(req, resp)
        if nxt is not None:
            return nxt
        from newsspider.quickpage import decompress

        resp = decompress(resp, S.DOWNLOAD_MAXSIZE)
        nxt = self.meta_refresh(req, resp)
        if nxt is not None:
            return nxt
        if resp.status in RETRY_HTTP_CODES:
            nxt = self.retry(req)
            if nxt is not None:
                if resp.status in (429, 503):
                    wait = retry_after_seconds(resp.get("Retry-After"))
                    if wait:
                        time.sleep(min(wait, RETRY_AFTER_MAX))
                return nxt
        return resp

    def run(self, req: Req) -> Resp:
        """A request through the chain to its final response (redirects and retries followed)."""
        while True:
            out = self.step(req)
            if isinstance(out, Resp):
                return out
            req = out


def fetch(url: str, allow_private: bool = False, mirrors: dict[str, str] | None = None
          ) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """(the page's record or None, the error kinds counted on the way: the crawl stats'
    ``newsspider/errors/*`` and ``newsspider/dropped/*`` of `newsspider fetch`, in order)."""
    f = Fetch(url, allow_private, mirrors)
    try:
        resp = f.run(Req(url))
    except Failed as exc:  # (the spider's errback: error kinds as spiders.base.error_kind)
        if not exc.counted:
            f.count(exc.kind)
        return None, f.errors
    except Exception as exc:  # noqa: BLE001 - as an exception in a Scrapy middleware: its type
        f.count(type(exc).__name__)
        return None, f.errors
    if not 200 <= resp.status < 300:  # HttpErrorMiddleware
        f.count(f"http_{resp.status}")
        return None, f.errors
    from newsspider.pagecheck import HTML_TYPES, looks_binary

    ctype = (resp.get("Content-Type") or "").encode("latin-1").split(b";")[0].strip().lower()
    if ctype not in HTML_TYPES or looks_binary(resp.body):  # ArticleFetching.parse_article
        f.count("not_html")
        return None, f.errors
    from newsspider.quickpage import record_of

    try:
        return record_of(f, resp), f.errors
    except Exception:  # noqa: BLE001 - an error in a pipeline loses the item, uncounted
        return None, f.errors
