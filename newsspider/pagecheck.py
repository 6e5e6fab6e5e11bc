"""What a fetched page must be to be extracted (an HTML page, not a binary served as one), and
the error kinds of a failed fetch in words: shared by the spiders (`newsspider.spiders.base`) and
`newsspider fetch`'s own fetch (`newsspider.quickfetch`), no Scrapy."""

from __future__ import annotations

HTML_TYPES = (b"text/html", b"application/xhtml+xml", b"")


# the error kinds of the crawl stats (newsspider/errors/<kind>) in words, for one-line messages
KIND_WORDS = {
    "too_large": "page over the {maxsize} limit",
    "robots_forbidden": "disallowed by robots.txt",
    "timeout": "no answer in time (timeout)",
    "dns": "host name not found (DNS)",
    "connection_refused": "connection refused",
    "not_html": "not an HTML page",
}


def kind_in_words(kind: str, maxsize: int = 16 * 1024 * 1024) -> str:
    """'too_large' -> 'page over the 16 MB limit', 'http_404' -> 'http_404 (HTTP status 404)'."""
    if kind.startswith("http_") and kind[5:].isdigit():
        return kind
    size = f"{maxsize // (1024 * 1024)} MB" if maxsize >= 1024 * 1024 else f"{maxsize} bytes"
    return KIND_WORDS.get(kind, kind).format(maxsize=size)


_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF",
                 b"OggS", b"ID3", b"fLaC", b"wOFF", b"wOF2")


def looks_binary(body: bytes) -> bool:
    """An image, archive or other binary served as text/html (a wrong Content-Type)."""
    head = body[:1024]
    if head.startswith(_BINARY_MAGIC):
        return True
    # NUL bytes are not in HTML text (UTF-16 pages start with a BOM or "<\0")
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"))
