"""A WordPress-like news site for the crawl benchmark, generated in memory and served locally.

``Site(articles=2000, seed=1)`` builds, deterministically for a seed:
- article pages ``/YYYY/MM/DD/slug/`` of 50-100 KB of HTML with 100+ links each: a theme's head
  (meta tags, stylesheets, large inline ``<style>`` blocks, the emoji and theme scripts, a Yoast-
  style JSON-LD graph), top bar, primary and mobile menus, breadcrumbs, the entry (byline, dates,
  categories, about 1,000 words of invented prose with quotes and release mentions, a figure,
  an embed), share buttons, tags, author box, post navigation, related posts, comments and the
  comment form, a sidebar (search, recent and popular posts, categories, archives, tag cloud)
  and a footer of widgets and menus;
- listing pages: the home page ``/`` and ``/page/N/`` (20 posts a page, with pagination) and one
  page per category ``/category/SLUG/``; a few static pages (about, contact, privacy);
- ``/robots.txt`` naming ``/sitemap_index.xml``, which lists post sitemaps of 1,000 URLs each and
  page and category sitemaps; ``/feed/`` (RSS 2.0, the 10 newest posts with full content).

``serve(site)`` answers them on 127.0.0.1 from memory (threaded HTTP/1.1 with keep-alive; absolute-
URI "proxy" requests are understood, so Scrapy reaches the site through ``http_proxy`` with the
site's own host names). Everything is invented text; nothing is copied from real pages.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from site_prose import TITLE_WORDS, Cast, paragraphs, person
from site_theme import (
    CATEGORIES,
    Theme,
    article_body,
    listing_body,
    static_body,
)

HOST = "kstarwire.example"
PER_PAGE = 20
SITEMAP_SIZE = 1000


class Post:
    def __init__(self, i: int, rng: random.Random, when: datetime):
        self.i = i
        self.cast = Cast(rng)
        g = self.cast.groups[0]
        t = self.cast.titles[0]
        shape = rng.randrange(5)
        self.title = (f"{g} announce {t.lower()} comeback with {rng.choice(('a teaser', 'a film', 'a schedule'))}"
                      if shape == 0 else f"{g} talk about \u2018{t}\u2019 and the road to their first tour"
                      if shape == 1 else f"{self.cast.people[0]} opens up on {rng.choice(TITLE_WORDS).lower()} era"
                      if shape == 2 else f"{g}\u2019s \u2018{t}\u2019 tops charts in {rng.randint(5, 40)} regions"
                      if shape == 3 else f"Watch: {g} share {t} performance video")
        slug = "".join(ch if ch.isalnum() else "-" for ch in self.title.lower())
        self.slug = "-".join(part for part in slug.split("-") if part)[:70].strip("-") + f"-{i}"
        self.when = when
        self.path = f"/{when:%Y/%m/%d}/{self.slug}/"
        self.url = f"http://{HOST}{self.path}"
        self.author = person(rng)
        self.categories = rng.sample(CATEGORIES, rng.choice((1, 2)))
        self.tags = sorted({rng.choice(self.cast.groups), *rng.sample(TITLE_WORDS, rng.randint(3, 8))})
        self.paras = paragraphs(rng, self.cast, rng.randint(850, 1200))
        self.excerpt = self.paras[0][1][:220].rsplit(" ", 1)[0] + "\u2026"
        self.comments = [(person(rng), rng.randrange(1, 6)) for _ in range(rng.randint(0, 8))]
        self.seed = rng.randrange(1 << 30)


class Site:
    """All pages of one generated site, by path: ``site.pages[path] = (bytes, content type)``."""

    def __init__(self, articles: int = 2000, seed: int = 1):
        rng = random.Random(seed)
        self.theme = Theme(random.Random(seed + 1), HOST)
        start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        self.posts = [Post(i, rng, start - timedelta(minutes=47 * i + rng.randrange(40)))
                      for i in range(articles)]  # newest first
        self.pages: dict[str, tuple[bytes, str]] = {}
        self._build(rng)

    @property
    def article_urls(self) -> list[str]:
        return [p.url for p in self.posts]

    @property
    def listing_paths(self) -> list[str]:
        n = max(1, -(-len(self.posts) // PER_PAGE))
        return ["/"] + [f"/page/{k}/" for k in range(2, n + 1)]

    def _put(self, path: str, text: str, ctype: str = "text/html; charset=UTF-8") -> None:
        self.pages[path] = (text.encode("utf-8"), ctype)

    def _build(self, rng: random.Random) -> None:
        theme, posts = self.theme, self.posts
        for k, post in enumerate(posts):
            related = [posts[j] for j in random.Random(post.seed).sample(range(len(posts)), min(6, len(posts)))
                       if j != k][:5]
            prev_post = posts[k + 1] if k + 1 < len(posts) else None
            next_post = posts[k - 1] if k > 0 else None
            self._put(post.path, article_body(theme, post, related, prev_post, next_post, posts[:8]))
        paths = self.listing_paths
        for n, path in enumerate(paths, 1):
            chunk = posts[(n - 1) * PER_PAGE: n * PER_PAGE]
            self._put(path, listing_body(theme, "Latest news" if n == 1 else f"Latest news \u2013 Page {n}",
                                         path, chunk, n, len(paths), "", posts[:8]))
        for slug, name in CATEGORIES:
            chunk = [p for p in posts if (slug, name) in p.categories][:PER_PAGE]
            self._put(f"/category/{slug}/", listing_body(theme, name, f"/category/{slug}/", chunk, 1, 1,
                                                         f"/category/{slug}", posts[:8]))
        for slug, name in (("about", "About us"), ("contact", "Contact"), ("privacy-policy", "Privacy Policy")):
            self._put(f"/{slug}/", static_body(theme, name, f"/{slug}/", random.Random(slug), posts[:8]))
        self._sitemaps()
        self._feed()
        self._put("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                  f"Sitemap: http://{HOST}/sitemap_index.xml\n", "text/plain; charset=UTF-8")

    def _sitemaps(self) -> None:
        xml = "application/xml; charset=UTF-8"
        head = ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
                f'href="//{HOST}/wp-content/plugins/wordpress-seo/css/main-sitemap.xsl"?>\n')
        children = []
        for n in range(0, len(self.posts), SITEMAP_SIZE):
            name = "post-sitemap.xml" if n == 0 else f"post-sitemap{n // SITEMAP_SIZE + 1}.xml"
            chunk = self.posts[n:n + SITEMAP_SIZE]
            urls = "".join(
                f"\t<url>\n\t\t<loc>{p.url}</loc>\n\t\t<lastmod>{p.when.isoformat()}</lastmod>\n"
                f"\t\t<image:image>\n\t\t\t<image:loc>http://{HOST}/wp-content/uploads/{p.when:%Y/%m}/"
                f"{p.slug[:40]}.jpg</image:loc>\n\t\t</image:image>\n\t</url>\n" for p in chunk)
            self._put("/" + name, head + '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
                      'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n", xml)
            children.append((name, chunk[0].when))
        last = self.posts[0].when if self.posts else datetime(2026, 1, 1, tzinfo=UTC)
        for name, paths in (("page-sitemap.xml", ["/about/", "/contact/", "/privacy-policy/"]),
                            ("category-sitemap.xml", [f"/category/{s}/" for s, _ in CATEGORIES])):
            urls = "".join(f"\t<url>\n\t\t<loc>http://{HOST}{p}</loc>\n\t\t<lastmod>{last.isoformat()}"
                           "</lastmod>\n\t</url>\n" for p in paths)
            self._put("/" + name, head + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                      + urls + "</urlset>\n", xml)
            children.append((name, last))
        index = "".join(f"\t<sitemap>\n\t\t<loc>http://{HOST}/{name}</loc>\n\t\t<lastmod>{when.isoformat()}"
                        "</lastmod>\n\t</sitemap>\n" for name, when in children)
        self._put("/sitemap_index.xml", head + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                  'sitemap/0.9">\n' + index + "</sitemapindex>\n", xml)

    def _feed(self) -> None:
        items = []
        for p in self.posts[:10]:
            content = "".join(f"<p>{escape(t)}</p>" for _, t in p.paras)
            cats = "".join(f"<category><![CDATA[{name}]]></category>" for _, name in p.categories)
            items.append(
                f"<item>\n<title>{escape(p.title)}</title>\n<link>{p.url}</link>\n"
                f"<dc:creator><![CDATA[{p.author}]]></dc:creator>\n"
                f"<pubDate>{p.when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>\n{cats}\n"
                f'<guid isPermaLink="false">http://{HOST}/?p={100000 + p.i}</guid>\n'
                f"<description><![CDATA[{p.excerpt}]]></description>\n"
                f"<content:encoded><![CDATA[{content}]]></content:encoded>\n</item>\n")
        self._put("/feed/", '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
                  f"<channel>\n<title>{self.theme.name}</title>\n"
                  f'<atom:link href="http://{HOST}/feed/" rel="self" type="application/rss+xml" />\n'
                  f"<link>http://{HOST}</link>\n<description>K-pop and K-drama news</description>\n"
                  "<language>en-US</language>\n" + "".join(items) + "</channel>\n</rss>\n",
                  "application/rss+xml; charset=UTF-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path or "/"  # absolute URI (proxy style) or a plain path
        page = self.server.site.pages.get(path)
        with self.server.lock:
            self.server.hits[path] = self.server.hits.get(path, 0) + 1
        body, ctype, status = (page[0], page[1], 200) if page else (b"not found\n", "text/plain", 404)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, site: Site):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a crawl that closes its connections early is not an error here


@contextmanager
def serve(site: Site) -> Iterator[_Server]:
    """``with serve(site) as srv:`` the site at ``http://127.0.0.1:{srv.server_address[1]}``."""
    srv = _Server(site)
    thread = threading.Thread(target=srv.serve_forever, name="bench-site", daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)
