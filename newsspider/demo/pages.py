"""The demo site's other pages: home, listings, about, tag and author pages, the feed, the
sitemaps and robots.txt."""


from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from email.utils import format_datetime

from .model import (
    AUTHOR_BIOS,
    BASE,
    FEED_SIZE,
    FOOTER_ABOUT,
    PARTNER,
    PER_PAGE,
    SITE_NAME,
    TAGLINE,
    TRACKING_FEED,
    TRACKING_LISTING,
    Article,
    Site,
    esc,
    long_date,
)
from .wp import description, wp_footer, wp_head_links, wp_header

# --------------------------------------------------------------------------- other pages


def simple_page(title: str, inner: str, *, head_extra: str = "", current: str = "",
                canonical: str | None = None) -> str:
    canon = f'<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{canon}{head_extra}{wp_head_links()}</head>
<body class="archive">
{wp_header(current)}<div id="content" class="site-content">
<main id="main" class="site-main">
{inner}
</main>
</div><!-- #content -->
{wp_footer()}</body>
</html>
"""


def listing_items(arts: Iterable[Article], tracking: bool = False) -> str:
    out = []
    for a in arts:
        href = a.url + (TRACKING_LISTING if tracking and a.tracking else "")
        out.append(f'<article class="post-item"><h2 class="entry-title"><a href="{href}">'
                   f"{esc(a.title)}</a></h2>"
                   f'<div class="entry-meta"><time datetime="{a.published.isoformat()}">'
                   f"{long_date(a.published)}</time> by {esc(', '.join(a.authors))}</div>"
                   f'<p class="excerpt">{esc(description(a))}</p></article>')
    return "\n".join(out)


def news_pages(site: Site) -> dict[str, str]:
    pages: dict[str, str] = {}
    chunks = [site.stories[i:i + PER_PAGE] for i in range(0, len(site.stories), PER_PAGE)]
    def page_url(n: int) -> str:
        return f"{BASE}/news/" if n == 1 else f"{BASE}/news/page/{n}/"
    for n, chunk in enumerate(chunks, 1):
        links, nav = [], []
        if n > 1:
            links.append(f'<link rel="prev" href="{page_url(n - 1)}" />')
            nav.append(f'<a class="prev page-numbers" rel="prev" href="{page_url(n - 1)}">'
                       "&laquo; Newer posts</a>")
        for k in range(1, len(chunks) + 1):
            nav.append(f'<span aria-current="page" class="page-numbers current">{k}</span>'
                       if k == n else f'<a class="page-numbers" href="{page_url(k)}">{k}</a>')
        if n < len(chunks):
            links.append(f'<link rel="next" href="{page_url(n + 1)}" />')
            nav.append(f'<a class="next page-numbers" rel="next" href="{page_url(n + 1)}">'
                       "Older posts &raquo;</a>")
        inner = (f'<header class="page-header"><h1 class="page-title">Latest news</h1>'
                 f"{'' if n == 1 else f'<p>Page {n} of {len(chunks)}</p>'}</header>\n"
                 f"{listing_items(chunk, tracking=True)}\n"
                 f'<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">'
                 f'{" ".join(nav)}</div></nav>')
        title = f"Latest news - {SITE_NAME}" + ("" if n == 1 else f" - Page {n}")
        path = "news/index.html" if n == 1 else f"news/page/{n}/index.html"
        pages[path] = simple_page(title, inner, head_extra="\n".join(links) + "\n",
                                  current="news", canonical=page_url(n))
    return pages


def home_page(site: Site) -> str:
    partner = [a for a in site.articles if a.layout == "partner"]
    inner = (f'<section class="home-latest"><h1 class="page-title">{SITE_NAME}</h1>'
             f'<p class="lead">{esc(TAGLINE)}</p>\n<h2>Latest stories</h2>\n'
             f"{listing_items(site.stories[:8])}\n"
             f'<p class="more"><a href="{BASE}/news/">All news &raquo;</a></p></section>\n'
             '<section class="home-partners"><h2>From our partners</h2><ul>'
             + "".join(f'<li><a href="{a.url}">{esc(a.title)}</a> ({PARTNER})</li>'
                       for a in partner)
             + "</ul></section>\n"
             '<section class="home-staff"><h2>Staff</h2><ul>'
             f'<li><a href="{BASE}/about/">About {SITE_NAME}</a></li>'
             f'<li><a href="{BASE}/private/drafts/">Staff drafts (login required)</a></li>'
             "</ul></section>")
    return simple_page(f"{SITE_NAME} - {TAGLINE}", inner, canonical=f"{BASE}/")


def about_page(site: Site) -> str:
    staff = "".join(f'<li><a href="{BASE}/author/{s}/">{esc(site.author_names[s])}</a> '
                    f"&ndash; {esc(AUTHOR_BIOS[site.author_names[s]])}</li>"
                    for s in sorted(site.authors))
    inner = (f'<article class="page"><h1 class="entry-title">About {SITE_NAME}</h1>'
             f'<div class="entry-content"><p>{esc(FOOTER_ABOUT)}</p>'
             "<p>This is a demo site: every artist, agency, song and story on it is invented. "
             "It exists so that newsspider can be tried without touching the internet.</p>"
             f"<h2>Our writers</h2><ul>{staff}</ul></div></article>")
    return simple_page(f"About - {SITE_NAME}", inner, canonical=f"{BASE}/about/")


def tag_page(site: Site, slug: str) -> str:
    name = site.tag_names[slug]
    inner = (f'<header class="page-header"><h1 class="page-title">Tag: {esc(name)}</h1></header>\n'
             f"{listing_items(site.tags[slug])}")
    return simple_page(f"{name} Archives - {SITE_NAME}", inner,
                       canonical=f"{BASE}/tag/{slug}/")


def author_page(site: Site, slug: str) -> str:
    arts = site.authors[slug]
    name = site.author_names[slug]
    inner = (f'<header class="page-header"><h1 class="page-title">Author: {esc(name)}</h1>'
             f"<p>{esc(AUTHOR_BIOS[name])}</p></header>\n{listing_items(arts)}")
    return simple_page(f"{name}, Author at {SITE_NAME}", inner,
                       canonical=f"{BASE}/author/{slug}/")


def private_page() -> str:
    inner = ('<article class="post"><h1 class="entry-title">Staff drafts</h1>'
             '<div class="entry-content"><p>Unpublished drafts and embargoed schedules live here. '
             "Crawlers must not fetch this page: it is disallowed in robots.txt.</p>"
             "<p>Embargoed: a comeback that has not been announced yet.</p></div></article>")
    return simple_page(f"Staff drafts - {SITE_NAME}", inner,
                       head_extra='<meta name="robots" content="noindex, nofollow" />\n')


def rfc822(dt: datetime) -> str:
    return format_datetime(dt)


def feed_xml(site: Site) -> str:
    items = []
    latest = site.stories[:FEED_SIZE]
    for a in latest:
        link = a.url + (TRACKING_FEED if a.tracking else "")
        cats = "".join(f"<category><![CDATA[{t}]]></category>" for t in a.tags)
        items.append(f"""<item>
<title>{esc(a.title)}</title>
<link>{esc(link)}</link>
<dc:creator><![CDATA[{", ".join(a.authors)}]]></dc:creator>
<pubDate>{rfc822(a.published)}</pubDate>
{cats}
<guid isPermaLink="false">{BASE}/?p={50000 + a.published.toordinal() % 10000}</guid>
<description><![CDATA[{description(a)}]]></description>
</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{SITE_NAME}</title>
<atom:link href="{BASE}/feed.xml" rel="self" type="application/rss+xml" />
<link>{BASE}/</link>
<description>{esc(TAGLINE)}</description>
<lastBuildDate>{rfc822(max(a.modified for a in latest))}</lastBuildDate>
<language>en-US</language>
{chr(10).join(items)}
</channel>
</rss>
"""


def sitemap_groups(site: Site) -> list[list[Article]]:
    """Two post sitemaps: stories up to June, and July on plus the partner copies."""
    arts = sorted(site.articles, key=lambda a: (a.published, a.slug))
    first = [a for a in arts if a.layout != "partner" and a.published.month <= 6]
    second = [a for a in arts if a not in first]
    return [first, second]


def sitemap_xml(arts: list[Article]) -> str:
    urls = "\n".join(f"<url><loc>{a.url}</loc><lastmod>{a.modified.isoformat()}</lastmod></url>"
                     for a in arts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}\n</urlset>\n")


def sitemap_index(groups: list[list[Article]]) -> str:
    entries = "\n".join(
        f"<sitemap><loc>{BASE}/sitemap-posts-{i}.xml</loc>"
        f"<lastmod>{max(a.modified for a in g).isoformat()}</lastmod></sitemap>"
        for i, g in enumerate(groups, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}\n</sitemapindex>\n")


ROBOTS = f"""User-agent: *
Disallow: /private/
Disallow: /wp-admin/

Sitemap: {BASE}/sitemap_index.xml
"""
