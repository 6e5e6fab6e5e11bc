"""Which addresses and hosts a request may reach: the pure checks of `newsspider.netguard`
(no Scrapy, no Twisted), shared by the crawl's middlewares and `newsspider fetch`'s own fetch
(`newsspider.quickfetch`)."""

from __future__ import annotations

import ipaddress
import re
import socket
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


# -- addresses ------------------------------------------------------------------------------
_NUMERIC_HOST = re.compile(r"^(?:0[xX][0-9a-fA-F]*|[0-9]+)(?:\.(?:0[xX][0-9a-fA-F]*|[0-9]+)){0,3}$")


def host_address(host: str) -> IPAddress | None:
    """The address a URL host denotes by itself (no DNS), or None for a name.

    Besides the usual forms this reads what ``inet_aton`` (and so every C resolver) accepts:
    ``2130706433``, ``0177.0.0.1``, ``0x7f.0.0.1``, ``127.1``.
    """
    h = host.strip().strip("[]").rstrip(".")
    if "%" in h:  # IPv6 zone index (fe80::1%eth0)
        h = h.split("%", 1)[0]
    try:
        return ipaddress.ip_address(h)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(h):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(h))
        except OSError:
            return None
    return None


def refused_reason(addr: IPAddress) -> str | None:
    """Why an address is not on the public internet (None: it is)."""
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is None and addr in ipaddress.IPv6Network("64:ff9b::/96"):  # NAT64
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is None and addr.teredo:
            embedded = addr.teredo[1]
        if embedded is not None:
            return refused_reason(embedded)
    for name in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(addr, f"is_{name}"):
            return name
    if not addr.is_global:
        return "not_global"  # shared address space (100.64/10), 192.0.0.0/24 …
    return None


# -- the site's world -------------------------------------------------------------------------
@cache
def _tld_extract() -> Any:
    import tldextract

    # offline: the public suffix list snapshot shipped with tldextract, never a download
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def registrable_domain(url_or_host: str) -> str:
    """``www.soompi.com`` -> ``soompi.com``; an IP address stays itself; a name under no public
    suffix (``kpopdemo.example``, ``localhost``) keeps its last two labels."""
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    host = (host or "").lower().rstrip(".")
    if not host or host_address(host) is not None:
        return host
    ext = _tld_extract()(host)
    if ext.suffix and ext.domain:
        return f"{ext.domain}.{ext.suffix}"
    return ".".join(host.split(".")[-2:])


def in_world(host: str, domains: set[str] | frozenset[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None if unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    from datetime import UTC, datetime

    return max(0.0, (when - datetime.now(UTC)).total_seconds())
