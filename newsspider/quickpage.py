"""What `newsspider fetch`'s own fetch (`newsspider.quickfetch`) does with a response, as the crawl
does it without Scrapy: the decompression of Scrapy's HttpCompressionMiddleware (the same
algorithm and DOWNLOAD_MAXSIZE cap, so a bomb is refused the same way), the encoding Scrapy's
TextResponse gives a page (for <meta refresh>), and the item pipelines of a one-off fetch
(metadata, body, quotes, releases, validation, collect) turned into one function over the
same extraction (`newsspider.extraction.extract_page`) and the same record dataclasses."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

from newsspider.quickfetch import Failed

if TYPE_CHECKING:
    from newsspider.quickfetch import Fetch, Resp

# Scrapy's response classes by MIME type (scrapy.responsetypes): which are HtmlResponse
_HTML_MIME = {"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"}
_OTHER_MIME = {"application/atom+xml", "application/rdf+xml", "application/rss+xml", "application/xml",
               "application/json", "application/x-json", "application/json-amazonui-streaming",
               "application/javascript", "application/x-javascript", "text/xml"}
_CHUNK = 65536  # Scrapy's decompression chunk (scrapy.utils._compression)
_ACCEPTED = {"gzip", "x-gzip", "deflate", "br", "zstd"}


class _TooLarge(Exception):
    pass


def _check(size: int, max_size: int) -> None:
    if max_size and size > max_size:
        raise _TooLarge


def _capped(chunks: Iterator[bytes], max_size: int) -> bytes:
    """The decompressed chunks joined, stopping (_TooLarge) as soon as they pass `max_size`."""
    out, size = BytesIO(), 0
    for chunk in chunks:
        size += len(chunk)
        _check(size, max_size)
        out.write(chunk)
    return out.getvalue()


# One generator per encoding, each reading as scrapy.utils._compression does (chunks of _CHUNK)
def _gunzip(data: bytes) -> Iterator[bytes]:
    from gzip import GzipFile

    f, got = GzipFile(fileobj=BytesIO(data)), False
    while True:
        try:
            chunk = f.read1(_CHUNK)
        except (OSError, EOFError, struct.error):
            if got:  # what could be read of a damaged stream
                return
            raise
        if not chunk:
            return
        got = True
        yield chunk


def _inflate(data: bytes) -> Iterator[bytes]:
    d = zlib.decompressobj()
    try:
        first = d.decompress(data, _CHUNK)
    except zlib.error:  # raw deflate
        d = zlib.decompressobj(wbits=-15)
        first = d.decompress(data, _CHUNK)
    yield first
    while d.unconsumed_tail and not d.eof:
        yield d.decompress(d.unconsumed_tail, _CHUNK)


def _unbrotli(data: bytes) -> Iterator[bytes]:
    import brotli

    d = brotli.Decompressor()
    yield d.process(data, output_buffer_limit=_CHUNK)
    while not d.is_finished():
        chunk = d.process(b"", output_buffer_limit=_CHUNK)
        if not chunk:
            return
        yield chunk


def _unzstd(data: bytes) -> Iterator[bytes]:
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14
    except ImportError:
        from backports import zstd
    reader = zstd.ZstdFile(BytesIO(data))
    while True:
        try:
            chunk = reader.read(_CHUNK)
        except EOFError:
            return
        if not chunk:
            return
        yield chunk


def decompress(resp: Resp, max_size: int) -> Resp:
    """HttpCompressionMiddleware.process_response: the encodings it knows, last applied first,
    undone; what is left of Content-Encoding stays. Over `max_size`: Failed("too_large"); a
    stream that gives nothing: Failed(<the exception's type>), as the crawl counts it."""
    values = resp.getlist("Content-Encoding")
    if not values:
        return resp
    keep = [e.strip().lower() for v in values for e in v.split(",")]
    body = resp.body
    decoders = {"gzip": _gunzip, "x-gzip": _gunzip, "deflate": _inflate, "br": _unbrotli, "zstd": _unzstd}
    while keep and keep[-1] in _ACCEPTED:
        try:
            body = _capped(decoders[keep.pop()](body), max_size)
        except _TooLarge:
            raise Failed("too_large") from None
        except Exception as exc:  # noqa: BLE001 - Scrapy's errback counts the type
            raise Failed(type(exc).__name__) from None
    headers = [(k, v) for k, v in resp.headers if k.lower() != "content-encoding"]
    headers += [("Content-Encoding", e) for e in keep]
    resp.headers, resp.body = headers, body
    return resp


def html_response(resp: Resp) -> bool:
    """Whether Scrapy makes the response an HtmlResponse (scrapy.responsetypes)."""
    ctype, encoding = resp.get("Content-Type"), resp.get("Content-Encoding")
    if ctype is not None and not encoding:
        mime = ctype.split(";")[0].strip().lower()
        if mime in _HTML_MIME:
            return True
        if mime in _OTHER_MIME or mime.startswith("text/"):
            return False
    # no Content-Type, or not one of Scrapy's text types: its guess from the file name and
    # the body decides (rare: Scrapy's own code for it)
    from scrapy.http import Headers, HtmlResponse
    from scrapy.responsetypes import responsetypes

    headers = Headers()
    for name, value in resp.headers:
        headers.appendlist(name, value.encode("latin-1"))
    return issubclass(responsetypes.from_args(headers=headers, url=resp.url, body=resp.body), HtmlResponse)


def scrapy_encoding(content_type: str, body: bytes) -> str:
    """TextResponse.encoding: BOM, HTTP header, the page's own declaration, else a guess
    (ascii, utf-8, then charset_normalizer), as Scrapy decides it."""
    from w3lib.encoding import (
        html_body_declared_encoding,
        html_to_unicode,
        http_content_type_encoding,
        read_bom,
        resolve_encoding,
    )

    declared = read_bom(body)[0] or http_content_type_encoding(content_type) or html_body_declared_encoding(body)
    if declared:
        return declared

    def auto(text: bytes) -> str | None:
        for enc in ("ascii", "utf-8"):
            try:
                text.decode(enc)
            except UnicodeError:
                continue
            return resolve_encoding(enc)
        from charset_normalizer import from_bytes

        match = from_bytes(text).best()
        return resolve_encoding(match.encoding) if match else None

    return str(html_to_unicode(content_type, body, auto_detect_fun=auto, default_encoding="ascii")[0])


def _coerce(cls: type, data: dict[str, Any]) -> Any:  # pipelines.base.coerce
    from dataclasses import fields

    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def record_of(fetch: Fetch, resp: Resp) -> dict[str, Any] | None:
    """The record the crawl's pipelines make of a page the article spider accepted (None: dropped,
    the reason counted in ``fetch.errors`` as the pipelines count it)."""
    from newsspider import extract
    from newsspider.extraction import extract_page, job_for, unfinished
    from newsspider.items import Article, Embed, Image, Quote, Release, to_record
    from newsspider.profiles import profile_for_url
    from newsspider.provenance import new_run_id, provenance
    from newsspider.settings import NEWSSPIDER_EXTRACT_BUDGET

    profile = profile_for_url(resp.url)  # ArticleSpider.site_for, pipelines.base.profile_dict
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")  # spiders.base.page_item
    result = extract_page(job_for(resp.body, resp.url, content_type=resp.get("Content-Type") or "",
                                  fetched_at=fetched_at, budget=NEWSSPIDER_EXTRACT_BUDGET,
                                  profile=profile.as_dict() if profile.name != "generic" else None))

    def stage(name: str, required: bool) -> Any:  # pipelines.base.Step.stage_output
        if name in result:
            return result[name]
        if name in result.get("errors", {}):
            fetch.count(name)
        if required:
            fetch.count(f"{name}_error")
        return None

    meta = stage("metadata", True)
    if meta is None:
        return None
    article = Article(url=resp.url, site=profile.name, fetched_at=fetched_at,
                      canonical_url=meta["canonical_url"], url_key=meta["url_key"],
                      images=[_coerce(Image, im) for im in meta.get("images", [])],
                      **{k: meta[k] for k in extract.META_KEYS}, **provenance(resp.url, resp.status, new_run_id()))
    article.extraction_errors = unfinished(result)
    body = stage("body", True)
    if body is None:
        return None
    article.body, article.body_html = body["body"], body["body_html"]
    article.word_count, article.language = body["word_count"], body["language"]
    article.images = [_coerce(Image, im) for im in body["images"]]
    article.embeds = [_coerce(Embed, e) for e in body["embeds"]]
    article.quotes = [_coerce(Quote, q) for q in stage("quotes", False) or []]
    article.releases = [_coerce(Release, r) for r in stage("releases", False) or []]
    # ValidationPipeline (no --since, not a generic crawl) and CollectPipeline
    for reason, empty in (("no_title", article.title), ("no_body", article.body)):
        if not (empty or "").strip():
            fetch.count(reason)
            return None
    from newsspider.schema import invalid_reason

    if invalid_reason(to_record(article)) is not None:
        fetch.count("invalid_record")
        return None
    from newsspider.dedup import content_hash

    article.content_hash = content_hash(article.body or "")
    return to_record(article)  # type: ignore[no-any-return]
