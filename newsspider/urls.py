"""URL normalisation for dedup keys (pure, no Scrapy)."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING = (
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_ga|_gl|ref|ref_src|ref_url|cmpid|ncid|ocid|sr_share|spm|__twitter_impression|"
    r"at_medium|at_campaign)$"
)

# A URL that w3lib's canonicalize_url only lower-cases (host), sorts (query) and completes (an
# empty path is "/"): http(s) with an ASCII host name (no port, no user) or file:// (a saved
# page's own URL), a path of characters it never quotes (no %, no ";" params, no "." / ".."
# segments), a query of plain key=value pairs.
# Importing w3lib.url imports urllib.request (http.client, email, ssl: ~0.18 G instructions, a
# fifth of `newsspider extract FILE`); it is imported only for the other URLs.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_QWORD = r"[A-Za-z0-9._~-]"
_PLAIN_URL = (
    rf"(https?://(?:{_LABEL}\.)*[A-Za-z](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?|file://)"
    r"(/[A-Za-z0-9._~!$&'()*+,=:@/-]*)?"
    rf"(?:\?({_QWORD}+=?{_QWORD}*(?:&{_QWORD}+=?{_QWORD}*)*))?"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # compiled on first use: `fetch` and `extract` import this module, the crawl commands too;
    # the tracking-parameter pattern only for a URL with a query
    return re.compile(_PLAIN_URL), re.compile(r"(?:^|/)\.\.?(?:/|$)")


@cache
def _tracking() -> re.Pattern[str]:
    return re.compile(_TRACKING, re.I)


def canonicalize_url(url: str) -> str:
    """`w3lib.url.canonicalize_url(url)`, without importing w3lib.url for plain URLs."""
    plain, dot_segment = _patterns()
    m = plain.fullmatch(url)
    if m is None or (m[2] and dot_segment.search(m[2])):
        from w3lib.url import canonicalize_url as w3lib_canonicalize_url

        return w3lib_canonicalize_url(url)
    origin, path, query = m.groups()
    out = f"{origin.lower()}{path or '/'}"
    if query:
        pairs = sorted(tuple(kv.partition("=")[::2]) for kv in query.split("&"))
        out += "?" + "&".join(f"{k}={v}" for k, v in pairs)
    return out


class BadURL(ValueError):
    """A URL that cannot be crawled (no http(s) scheme or no host)."""


def check_url(url: str) -> str:
    """Return the URL stripped, or raise BadURL with a one-line reason."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BadURL(f"malformed URL {url!r}: expected an http:// or https:// URL")
    if not parts.hostname:
        raise BadURL(f"malformed URL {url!r}: no host")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise BadURL(f"malformed URL {url!r}: {exc}") from None
    return url


def strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    if not parts.query:  # (urlencode of no pairs: "")
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    tracking = _tracking()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not tracking.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def normalize_url(url: str) -> str:
    """The dedup key of a URL.

    Tracking parameters (``utm_*``, ``fbclid``, …) and the fragment are removed, the scheme is
    folded to https, the host lower-cased without ``www.`` and default ports, the query sorted,
    and a trailing ``index.html`` / slash difference folded.
    """
    url = canonicalize_url(strip_tracking(url.strip()))
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    netloc = host
    if parts.port and parts.port not in (80, 443):
        netloc = f"{host}:{parts.port}"
    path = parts.path or "/"
    if path.endswith(("/index.html", "/index.htm")):  # (no newline in a canonical path)
        path = path[: path.rindex("/") + 1]
    if path != "/" and path.endswith("/"):
        path = path.rstrip("/")
    return urlunsplit(("https", netloc, path, parts.query, ""))


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def safe_urljoin(base: str, url: str) -> str:
    """`urljoin` that never raises: a link a page got wrong (``http://[::1``, a bad port) joins
    to "" (no URL) instead of failing the page's extraction."""
    try:
        joined = urljoin(base, url)
        urlsplit(joined).port  # noqa: B018 - raises ValueError on a bad port
        return joined
    except ValueError:
        return ""
