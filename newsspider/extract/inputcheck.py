"""Is this input a page at all? Empty files and binary data (images, PDFs, archives) get a
one-line reason instead of a record of garbage. Pure; no Scrapy."""

from __future__ import annotations

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\x00\x00\x00", "binary data"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)


class NotHTML(ValueError):
    """Input that is not a page (empty, or binary); the message is one line."""


def check_html(data: bytes | str) -> None:
    """Raise `NotHTML` for empty input or binary data; accept anything that may be text."""
    if not data or not data.strip():
        raise NotHTML("empty input (no HTML)")
    if isinstance(data, str):
        if "\x00" in data[:4096]:
            raise NotHTML("binary data, not HTML")
        return
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: text with NUL bytes
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise NotHTML(f"{what}, not HTML")
    if b"\x00" in head:
        raise NotHTML("binary data, not HTML")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls > len(head) // 20:
        raise NotHTML("binary data, not HTML")
