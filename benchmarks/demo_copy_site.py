"""The small-page benchmark site of earlier versions of crawl_speed.py, kept for scale_bench.py.

``build_site(root, n)`` copies the demo site's article pages under n new article URLs of the demo
profile's shape (every longer text node varied per copy, so nothing is a near-duplicate), with
paginated listing pages of 10 links and one sitemap; served by newsspider's demo server and
crawled with ``news -a site=demo``. The crawl-throughput benchmark now uses realistic_site.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from newsspider.demo.server import SITE_DIR

HOST = "kpopdemo.example"


def _vary(text: str, i: int) -> str:
    """A distinct text per copy (every fourth word tagged), so no copy is a near-duplicate."""
    words = text.split(" ")
    return " ".join(f"{w}{i}" if k % 4 == 1 else w for k, w in enumerate(words))


def build_site(root: Path, n: int) -> int:
    """Copy demo article pages under new article URLs, with listings and a sitemap."""
    site = root / HOST
    shutil.copytree(SITE_DIR / HOST, site)
    sources = sorted(p for p in (SITE_DIR / HOST).glob("20*/*/*/*/index.html"))
    urls = []
    for i in range(n):
        src = sources[i % len(sources)].read_text(encoding="utf-8")
        slug = f"2026/12/{i % 28 + 1:02d}/bench-{i:05d}/"  # the demo profile's article-URL shape
        url = f"http://{HOST}/{slug}"
        # a distinct canonical URL and body per copy, so nothing is deduplicated away
        html = re.sub(r'rel="canonical" href="[^"]*"', f'rel="canonical" href="{url}"', src)
        # every longer text node (paragraphs, JSON-LD articleBody, captions) varied per copy
        html = re.sub(r">([^<]{40,})<", lambda m, i=i: ">" + _vary(m.group(1), i) + "<", html)
        (site / slug).mkdir(parents=True, exist_ok=True)
        (site / slug / "index.html").write_text(html, encoding="utf-8")
        urls.append(url)
    per_page = 10
    pages = [urls[i : i + per_page] for i in range(0, len(urls), per_page)]
    for k, chunk in enumerate(pages, 1):
        path = site / "news" / ("" if k == 1 else f"page/{k}/")
        path.mkdir(parents=True, exist_ok=True)
        nxt = f'<a rel="next" href="http://{HOST}/news/page/{k + 1}/">Next</a>' if k < len(pages) else ""
        items = "".join(f'<li><a href="{u}">Story {u}</a></li>' for u in chunk)
        (path / "index.html").write_text(f"<html><body><ul>{items}</ul>{nxt}</body></html>", encoding="utf-8")
    sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    (site / "sitemap_index.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>',
        encoding="utf-8")
    (site / "feed.xml").unlink()
    return len(pages)
