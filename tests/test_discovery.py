from datetime import UTC, datetime

from newsspider.discovery import feed_links, listing_links, parse_date, sitemap_links

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>http://s.example/sitemap-1.xml</loc><lastmod>2026-03-01T10:00:00+09:00</lastmod></sitemap>
  <sitemap><loc>http://s.example/sitemap-2.xml</loc></sitemap>
</sitemapindex>"""

URLSET = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://s.example/2026/01/02/a/</loc><lastmod>2026-01-02</lastmod></url>
<url><loc>http://s.example/2026/01/03/b/</loc></url></urlset>"""

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>A</title><link>http://s.example/a/?utm_source=rss</link><pubDate>Mon, 02 Mar 2026 09:00:00 +0900</pubDate></item>
<item><title>B</title><guid>http://s.example/b/</guid></item></channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/c/"/>
<link rel="enclosure" href="/c.mp3"/><updated>2026-04-01T00:00:00Z</updated></entry></feed>"""


def test_sitemap_index_and_urlset():
    links, is_index = sitemap_links(SITEMAP_INDEX)
    assert is_index and [x.url for x in links] == ["http://s.example/sitemap-1.xml", "http://s.example/sitemap-2.xml"]
    assert links[0].date == datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
    links, is_index = sitemap_links(URLSET)
    assert not is_index and [x.url for x in links] == ["http://s.example/2026/01/02/a/", "http://s.example/2026/01/03/b/"]
    assert links[0].date == datetime(2026, 1, 2, tzinfo=UTC) and links[1].date is None


def test_broken_xml_gives_nothing_not_an_exception():
    assert sitemap_links(b"<html>not a sitemap") == ([], False)
    assert feed_links(b"\x00\x01garbage") == []


def test_feeds():
    rss = feed_links(RSS)
    assert [x.url for x in rss] == ["http://s.example/a/?utm_source=rss", "http://s.example/b/"]
    assert rss[0].date == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    atom = feed_links(ATOM, "http://s.example/feed")
    assert [x.url for x in atom] == ["http://s.example/c/"]


def test_listing_links_and_next_page():
    html = """<html><head><link rel="next" href="/news/page/2/"></head><body>
    <a href="/2026/01/02/a/">A</a><a href="/2026/01/02/a/#comments">A again</a>
    <a href="mailto:x@y">mail</a><a href="https://other.example/z">Z</a></body></html>"""
    found = listing_links(html, "http://s.example/news/")
    assert found.links == ["http://s.example/2026/01/02/a/", "https://other.example/z"]
    assert found.next_page == "http://s.example/news/page/2/"


def test_parse_date_formats():
    assert parse_date("2026-01-02") == datetime(2026, 1, 2, tzinfo=UTC)
    assert parse_date("garbage") is None


def test_article_sitemap_by_name():
    from newsspider.discovery import article_sitemap

    keep = ["post-sitemap.xml", "post-sitemap2.xml", "news-sitemap.xml", "wp-sitemap-posts-post-1.xml",
            "sitemap-posts-1.xml", "sitemap-2024-05.xml.gz", "video-sitemap.xml"]
    skip = ["page-sitemap.xml", "category-sitemap.xml", "post_tag-sitemap.xml", "author-sitemap.xml",
            "wp-sitemap-posts-page-1.xml", "wp-sitemap-taxonomies-category-1.xml", "wp-sitemap-users-1.xml",
            "sitemap-tags.xml", "sitemap-pages.xml"]
    assert [u for u in keep if not article_sitemap(f"https://x.example/{u}")] == []
    assert [u for u in skip if article_sitemap(f"https://x.example/{u}")] == []
