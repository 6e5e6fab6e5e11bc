"""Decoding a fetched page's bytes to text: BOM, HTTP charset, ``<meta charset>``, then
detection (`decode_html`); `Page.from_bytes` also keeps the bytes of a UTF-8 page (`_decode`)."""

from __future__ import annotations

from w3lib.encoding import html_to_unicode


def _detect(body: bytes) -> str | None:
    """Encoding of a page that declares none: UTF-8 if it decodes, else a statistical guess."""
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:65536]).best()
    if best is None or best.encoding.startswith(("cp125", "iso8859", "latin", "mac", "ascii")):
        # single-byte guesses are unreliable on short pages; windows-1252 is what browsers assume
        return "cp1252"
    return best.encoding  # multi-byte: euc_kr / cp949, shift_jis, gb18030, big5…


def decode_html(body: bytes | str, content_type: str | None = None,
                notes: set[str] | None = None) -> tuple[str, str]:
    """Return (text, encoding) for raw page bytes: BOM, HTTP charset, ``<meta charset>``, then
    detection. Never raises on bad bytes (undecodable ones become U+FFFD).

    A page declaring UTF-8 whose bytes are not UTF-8 (a legacy Korean page sent as cp949 under
    a UTF-8 header) is decoded with the detected encoding instead (noted ``charset_mismatch``)."""
    text, encoding, _ = _decode(body, content_type, notes)
    return text, encoding


_BOM = b"\xef\xbb\xbf"


def _decode(body: bytes | str, content_type: str | None,
            notes: set[str] | None) -> tuple[str, str, bytes | None]:
    """`decode_html`, and the text's UTF-8 when it is `body` itself (or `body` past a BOM)."""
    if isinstance(body, str):
        return body, "utf-8", None
    if not body.isascii():
        # Bytes that decode as UTF-8 and are not plain ASCII are UTF-8 whatever a (often stale)
        # header or <meta> says: legacy single-byte text almost never forms valid UTF-8 sequences.
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if text.startswith("\ufeff"):
                return text[1:], "utf-8", body[len(_BOM):]
            return text, "utf-8", body
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_detect)
    if encoding in ("utf-8", "utf8") and not body.isascii() and not body.startswith(b"\xef\xbb\xbf"):
        # declared UTF-8, but the strict decode above failed: a few stray bytes in a UTF-8 page,
        # or a page in another encoding entirely
        guess = _detect(body)
        if guess and guess not in ("utf-8", "cp1252"):
            try:
                text, encoding = body.decode(guess), guess
                if notes is not None:
                    notes.add("charset_mismatch")
            except (UnicodeDecodeError, LookupError):
                pass
    return text, encoding, None
