"""A small WordPress-like site for generic-crawl tests, served by `faultserver.FaultServer`.

Invented text. Posts ``/YYYY/MM/DD/slug/`` (half with SEO-plugin markup: og:type article,
article:published_time, a JSON-LD graph with an Article; half from a theme without one: a byline
with ``<time class="entry-date published">``), each with related-post cards and a sidebar;
category, tag and author archives of teaser cards (categories with a JSON-LD CollectionPage,
authors with a ProfilePage, tags with none); About, Contact and Privacy pages marked up the way
SEO plugins mark pages (og:type article, a WebPage with datePublished, no author, no
article:published_time). ``routes(layout)``: ``"index"`` = robots.txt -> a Yoast-style sitemap
index (post-, page-, category-, post_tag-, author-sitemap.xml); ``"flat"`` = one sitemap.xml
listing every page of the site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape

from faultserver import Route

HOST = "wpfans.example"
BASE = f"http://{HOST}"

_WORDS = ("lantern orbit velvet signal harbor meadow ember cascade quartz willow drift canvas "
          "paper season chorus rooftop river static bloom midnight satellite compass").split()
_NAMES = ["Mira Solenne", "Theo Varga", "Ines Halloway"]
_CATS = [("music", "Music"), ("drama", "Drama"), ("tours", "Tours")]
_TAGS = [("comebacks", "Comebacks"), ("debuts", "Debuts")]


@dataclass
class Post:
    i: int
    title: str
    slug: str
    when: datetime
    author: str
    cat: tuple[str, str]
    tags: list[tuple[str, str]]
    seo: bool

    @property
    def path(self) -> str:
        return f"/{self.when:%Y/%m/%d}/{self.slug}/"

    @property
    def url(self) -> str:
        return BASE + self.path

    def paragraphs(self) -> list[str]:
        out = []
        for k in range(6):
            words = [_WORDS[(self.i * 7 + k * 3 + j * 5) % len(_WORDS)] for j in range(38)]
            out.append(f"The {words[0]} project of the band moved on in week {k + 1}. "
                       + " ".join(words[1:]).capitalize() + ".")
        out.insert(2, f"“We wanted the {_WORDS[self.i % len(_WORDS)]} to feel alive,” said "
                      f"{self.author} after the showcase.")
        return out

    def excerpt(self) -> str:
        return " ".join(self.paragraphs()[0].split()[:32]) + " …"


def make_posts(n: int = 12) -> list[Post]:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    posts = []
    for i in range(n):
        a, b, c = _WORDS[i % len(_WORDS)], _WORDS[(i * 5 + 3) % len(_WORDS)], _WORDS[(i * 3 + 7) % len(_WORDS)]
        title = f"{a.title()} {b.title()} Returns With {c.title()} Single Number {i + 1}"
        posts.append(Post(i, title, f"{a}-{b}-returns-{c}-{i + 1}", start - timedelta(hours=19 * i),
                          _NAMES[i % len(_NAMES)], _CATS[i % len(_CATS)],
                          [_TAGS[i % 2]] if i % 3 else list(_TAGS), seo=i % 2 == 0))
    return posts


def _head(title: str, url: str, extra: str = "") -> str:
    return (f"<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"UTF-8\"><title>{escape(title)} "
            f"&#8211; WP Fans</title><link rel=\"canonical\" href=\"{url}\" />"
            f'<link rel="alternate" type="application/rss+xml" href="{BASE}/feed/" />{extra}</head>')


def _menu() -> str:
    items = "".join(f'<li><a href="{BASE}/category/{s}/">{n}</a></li>' for s, n in _CATS)
    return (f'<body><header class="site-header"><p class="site-title"><a href="{BASE}/">WP Fans</a></p>'
            f'<nav class="main-navigation"><ul>{items}<li><a href="{BASE}/about/">About</a></li></ul></nav>'
            "</header>")


def _sidebar(recent: list[Post]) -> str:
    lis = "".join(f'<li><a href="{p.url}">{escape(p.title)}</a> <span class="post-date">'
                  f"{p.when:%B %-d, %Y}</span></li>" for p in recent[:5])
    return (f'<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">'
            f"<h2 class=\"widget-title\">Recent Posts</h2><ul>{lis}</ul></section></aside>")


def _footer() -> str:
    return (f'<footer class="site-footer"><a href="{BASE}/contact/">Contact</a> · '
            f'<a href="{BASE}/privacy-policy/">Privacy Policy</a> · © WP Fans</footer></body></html>')


def _card(p: Post, tag: str = "h2") -> str:
    return (f'<article class="post type-post hentry"><{tag} class="entry-title"><a href="{p.url}">'
            f'{escape(p.title)}</a></{tag}><div class="entry-meta">by <a href="{BASE}/author/'
            f'{p.author.split()[0].lower()}/">{p.author}</a> · <time datetime="{p.when.isoformat()}">'
            f'{p.when:%B %-d, %Y}</time></div><div class="entry-summary"><p>{escape(p.excerpt())}</p>'
            f'</div><a class="more-link" href="{p.url}">Read more</a></article>')


def post_page(p: Post, posts: list[Post]) -> str:
    extra = ""
    if p.seo:
        graph = {"@context": "https://schema.org", "@graph": [
            {"@type": "Article", "@id": p.url + "#article", "headline": p.title,
             "datePublished": p.when.isoformat(), "author": {"name": p.author},
             "mainEntityOfPage": {"@id": p.url}},
            {"@type": "WebPage", "@id": p.url, "url": p.url, "name": p.title,
             "datePublished": p.when.isoformat()}]}
        extra = (f'<meta property="og:type" content="article" /><meta property="og:title" content="'
                 f'{escape(p.title)}" /><meta property="article:published_time" content="'
                 f'{p.when.isoformat()}" /><script type="application/ld+json">{json.dumps(graph)}</script>')
    related = [q for q in posts if q is not p][:4]
    cards = "".join(_card(q, "h3") for q in related)
    body = "".join(f"<p>{escape(t)}</p>" for t in p.paragraphs())
    return (_head(p.title, p.url, extra) + _menu()
            + f'<main id="primary"><article class="post"><header class="entry-header"><h1 class="entry-title">'
            f'{escape(p.title)}</h1><div class="entry-meta">By <span class="author vcard">{p.author}</span> · '
            f'<time class="entry-date published" datetime="{p.when.isoformat()}">{p.when:%B %-d, %Y}</time>'
            f'</div></header><div class="entry-content">{body}</div></article>'
            f'<section class="related-posts"><h2>Related</h2>{cards}</section></main>'
            + _sidebar(posts) + _footer())


def archive_page(title: str, path: str, chosen: list[Post], posts: list[Post], schema: str | None) -> str:
    extra = ""
    if schema:
        graph = {"@context": "https://schema.org", "@graph": [
            {"@type": schema, "@id": BASE + path, "url": BASE + path, "name": title}]}
        extra = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    return (_head(title, BASE + path, extra) + _menu()
            + f'<main id="primary"><header class="page-header"><h1 class="page-title">{escape(title)}</h1>'
            f'</header>{"".join(_card(p) for p in chosen)}</main>' + _sidebar(posts) + _footer())


_STATIC = {
    "about": ("About us", ["WP Fans is a small volunteer team writing about concerts, records and "
                           "the people who make them.", "We started as a newsletter and grew into "
                           "a site read in many countries; every writer is a fan first."]),
    "contact": ("Contact", ["Send corrections and tips to the editors; we answer within a few days.",
                            "For anything about advertising, use the form below."]),
    "privacy-policy": ("Privacy Policy", [
        "This policy explains which data the site keeps when you read it or comment on it, why "
        "it keeps them and how you can ask for them to be deleted. " * 3,
        "Comments keep the name and address you give; statistics keep no address at all. " * 3,
        "You can ask for a copy of your data or for its deletion by writing to the editors. " * 2]),
}


def static_page(slug: str, posts: list[Post]) -> str:
    title, paras = _STATIC[slug]
    url = f"{BASE}/{slug}/"
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": title,
         "datePublished": "2024-03-02T10:00:00+00:00", "dateModified": "2026-10-01T08:00:00+00:00"}]}
    extra = (f'<meta property="og:type" content="article" /><meta property="og:title" content="{title}" />'
             '<meta property="article:modified_time" content="2026-10-01T08:00:00+00:00" />'
             f'<script type="application/ld+json">{json.dumps(graph)}</script>')
    body = "".join(f"<p>{escape(t.strip())}</p>" for t in paras)
    return (_head(title, url, extra) + _menu()
            + f'<main id="primary"><article class="page"><h1 class="entry-title">{title}</h1>'
            f'<div class="entry-content">{body}</div></article></main>' + _sidebar(posts) + _footer())


def _urlset(urls: list[str]) -> str:
    locs = "".join(f"<url><loc>{u}</loc><lastmod>2026-11-28T09:00:00+00:00</lastmod></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def routes(layout: str, posts: list[Post] | None = None) -> dict[str, Route]:
    posts = posts or make_posts()
    html = "text/html; charset=UTF-8"
    xml = "application/xml; charset=UTF-8"
    pages: dict[str, str] = {p.path: post_page(p, posts) for p in posts}
    cats = {f"/category/{s}/": archive_page(n, f"/category/{s}/", [p for p in posts if p.cat[0] == s],
                                            posts, "CollectionPage") for s, n in _CATS}
    tags = {f"/tag/{s}/": archive_page(n, f"/tag/{s}/", [p for p in posts if (s, n) in p.tags], posts, None)
            for s, n in _TAGS}
    authors = {f"/author/{n.split()[0].lower()}/": archive_page(n, f"/author/{n.split()[0].lower()}/",
                                                               [p for p in posts if p.author == n], posts,
                                                               "ProfilePage") for n in _NAMES}
    static = {f"/{s}/": static_page(s, posts) for s in _STATIC}
    home = archive_page("WP Fans", "/", posts[:10], posts, "CollectionPage")
    out = {path: Route(body=text.encode(), ctype=html)
           for group in (pages, cats, tags, authors, static) for path, text in group.items()}
    out["/"] = Route(body=home.encode(), ctype=html)
    items = "".join(f"<item><title>{escape(p.title)}</title><link>{p.url}</link><pubDate>"
                    f"{p.when:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>" for p in posts[:3])
    out["/feed/"] = Route(body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>WP Fans</title>'
                                f"{items}</channel></rss>".encode(), ctype="application/rss+xml")
    groups = {"post": list(pages), "page": list(static), "category": list(cats),
              "post_tag": list(tags), "author": list(authors)}
    if layout == "index":
        for name, paths in groups.items():
            out[f"/{name}-sitemap.xml"] = Route(body=_urlset([BASE + p for p in paths]).encode(), ctype=xml)
        entries = "".join(f"<sitemap><loc>{BASE}/{name}-sitemap.xml</loc></sitemap>" for name in groups)
        out["/sitemap_index.xml"] = Route(body=(
            '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{entries}</sitemapindex>').encode(), ctype=xml)
        robots = f"User-agent: *\nDisallow: /wp-admin/\n\nSitemap: {BASE}/sitemap_index.xml\n"
    else:
        everything = [BASE + p for paths in groups.values() for p in paths]
        out["/sitemap.xml"] = Route(body=_urlset(everything).encode(), ctype=xml)
        robots = f"User-agent: *\nDisallow: /wp-admin/\n\nSitemap: {BASE}/sitemap.xml\n"
    out["/robots.txt"] = Route(body=robots.encode(), ctype="text/plain")
    return out
