"""Mutated pages for fuzzing the extractors (tests/test_fuzz.py, benchmarks/fuzz_extract.py).

A seed corpus (the bundled demo site's pages plus a few hand-made hostile ones) is mutated with
a seeded `random.Random`: byte flips, deleted and repeated slices, injected markup and
characters that broke extraction before (a second <body>, U+FFFF, impossible dates, JSON-LD
garbage, deep nesting, stray quote marks), splices of two pages, re-encodings that contradict
the declared charset, truncation. Same seed, same pages.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_BYTES = 60_000  # mutated pages stay below this (larger: benchmarks/fuzz_extract.py --max-bytes)

INJECT = [
    "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<style>", "</body><body>", "<body>",
    "</html><html>", "<!--", "-->", "<![CDATA[", "]]>", "<meta charset='x-unknown'>",
    "<meta charset='utf-8'>", "<meta charset='euc-kr'>",
    "<meta property='article:published_time' content='2026-02-30T25:61:00+99:00'>",
    "<meta name='date' content='99999999999999'>", "<time datetime='0000-00-00'>then</time>",
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":{"x":[1,{}]},'
    '"datePublished":"2026-13-45","author":[null,{"name":{}}],"articleBody":7}</script>',
    '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>',
    "<script>self.__next_f.push([1,\"<p>x</p></body><body><p>y</p>\"])</script>",
    "\uffff", "\ufffe", "\x00", "\x0b", "&#0;", "&#xD800;", "&#1114112;", "\u202e", "\ud7ff",
    "<table><tr><td>", "</td></tr></table>", "“", "”", '"', "'", "«", "»", "「", "」",
    "<br>" * 50, "<a href='javascript:alert(1)'>", "<a href='http://[::1'>x</a>", "<img src=''>",
    "<iframe src='https://www.youtube.com/embed/x'></iframe>", "<blockquote class='twitter-tweet'>",
    "<h1>", "</h1>", "<title>", "</title>", "<svg><foreignObject><p>", "<math><mi>",
    "said Kim Minji.", "the agency said on Monday.", "will release the album Night Sky on March 31.",
    "on February 30, 2026", "in 1e309", "Vol. 99999999999999999999",
]


def corpus() -> list[bytes]:
    pages = [p.read_bytes() for p in sorted((REPO / "newsspider" / "demo" / "site").rglob("*.html"))]
    para = "<p>The group’s agency said the album will arrive on May 3, and fans said “finally.”</p>"
    pages += [
        b"",
        b"<html>",
        ("<html><head><title>Nested</title></head><body>" + "<div>" * 3000 + para + "</div>" * 3000
         + "</body></html>").encode(),
        ("<html><body>" + "“" * 2000 + para + "”" * 2000 + "</body></html>").encode(),
        ("<html><body><p>" + "He said \"yes\" and " * 400 + "</p></body></html>").encode(),
        ("<html><head><meta charset='utf-8'><title>경기</title></head><body><p>"
         + "블랙핑크가 새 앨범을 발표했다. " * 30 + "</p></body></html>").encode("cp949"),
        ("plain text without any tags, said the agency on Monday. " * 300).encode(),
    ]
    return pages


def _flip(rnd: random.Random, b: bytes) -> bytes:
    out = bytearray(b)
    for _ in range(rnd.randint(1, 40)):
        if out:
            out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


def _delete(rnd: random.Random, b: bytes) -> bytes:
    if not b:
        return b
    i = rnd.randrange(len(b))
    return b[:i] + b[i + rnd.randint(1, max(1, len(b) // 4)):]


def _repeat(rnd: random.Random, b: bytes) -> bytes:
    if not b:
        return b
    i = rnd.randrange(len(b))
    chunk = b[i:i + rnd.randint(1, 2000)]
    return b[:i] + chunk * rnd.randint(2, 200) + b[i:]


def _inject(rnd: random.Random, b: bytes) -> bytes:
    out = b
    for _ in range(rnd.randint(1, 12)):
        i = rnd.randrange(len(out) + 1)
        piece = rnd.choice(INJECT) * (rnd.randint(1, 300) if rnd.random() < 0.2 else 1)
        out = out[:i] + piece.encode("utf-8", "surrogatepass") + out[i:]
    return out


def _nest(rnd: random.Random, b: bytes) -> bytes:
    n = rnd.choice([100, 300, 3000, 20000])
    tag = rnd.choice([b"div", b"span", b"b", b"blockquote", b"li", b"table"])
    i = rnd.randrange(len(b) + 1)
    return b[:i] + b"<" + tag + b">" * 1 + (b"<" + tag + b">") * (n - 1) + b[i:] + (b"</" + tag + b">") * n


def _splice(rnd: random.Random, b: bytes, other: bytes) -> bytes:
    i, j = rnd.randrange(len(b) + 1), rnd.randrange(len(other) + 1)
    return b[:i] + other[j:]


def _reencode(rnd: random.Random, b: bytes) -> bytes:
    text = b.decode("utf-8", "replace")
    enc = rnd.choice(["cp949", "latin-1", "utf-16", "shift_jis", "cp1252", "utf-32"])
    return text.encode(enc, "replace")


def _truncate(rnd: random.Random, b: bytes) -> bytes:
    return b[: rnd.randrange(len(b) + 1)]


def _json_garbage(rnd: random.Random, b: bytes) -> bytes:
    obj: object = rnd.choice([{"@graph": [{"@type": "Article"}] * 50}, [None] * 10, "x" * 1000, 1e308,
                              {"headline": "H" * 5000, "datePublished": "2026-02-30"}])
    for _ in range(rnd.randint(0, 200)):
        obj = [obj]
    raw = json.dumps(obj)
    i = rnd.randrange(len(b) + 1)
    return b[:i] + f'<script type="application/ld+json">{raw}</script>'.encode() + b[i:]


MUTATORS: list[Callable[..., bytes]] = [_flip, _delete, _repeat, _inject, _nest, _reencode, _truncate,
                                        _json_garbage]


def mutated_pages(seed: int, n: int) -> Iterator[tuple[int, bytes, str | None]]:
    """(index, page bytes, Content-Type or None) for `n` mutated pages."""
    rnd = random.Random(seed)
    seeds = corpus()
    ctypes = [None, "text/html", "text/html; charset=utf-8", "text/html; charset=euc-kr",
              "text/html; charset=bogus", "text/html; charset=utf-16"]
    for k in range(n):
        page = rnd.choice(seeds)
        for _ in range(rnd.randint(1, 4)):
            m = rnd.choice(MUTATORS + [_splice])
            page = m(rnd, page, rnd.choice(seeds)) if m is _splice else m(rnd, page)
            page = page[:MAX_BYTES]
        yield k, page, rnd.choice(ctypes)
