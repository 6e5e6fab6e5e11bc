"""URL normalisation for dedup keys (pure, no Scrapy)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_ga|_gl|ref|ref_src|ref_url|cmpid|ncid|ocid|sr_share|spm|__twitter_impression|"
    r"at_medium|at_campaign)$",
    re.I,
)


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
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMS.match(k)]
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
    path = re.sub(r"/index\.html?$", "/", path)
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
