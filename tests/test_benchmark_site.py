"""The crawl benchmark's generated site keeps its promises (page sizes, links, prose, sitemaps,
feed, determinism), and benchmarks/crawl_speed.py runs end to end on a tiny site."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from crawl_helpers import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import realistic_site as rs  # noqa: E402

LINK = re.compile(rb"<a\s[^>]*href=")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site() -> rs.Site:
    return rs.Site(45, seed=3)


def test_article_pages_are_wordpress_sized(site):
    assert len(site.posts) == 45
    for post in site.posts:
        html = site.pages[post.path][0]
        assert 50 * 1024 <= len(html) <= 100 * 1024, (post.path, len(html))
        assert len(LINK.findall(html)) >= 100, post.path
        assert b"<style id='global-styles-inline-css'>" in html and b"application/ld+json" in html
        words = sum(len(text.split()) for _, text in post.paras)
        assert 800 <= words <= 1300, (post.path, words)
    kinds = [k for p in site.posts for k, _ in p.paras]
    # quotes with a "said"/"told" attribution and release mentions appear, but are not every paragraph
    assert 0.05 < kinds.count("quote") / len(kinds) < 0.35
    assert 0.02 < kinds.count("release") / len(kinds) < 0.2
    quotes = [t for p in site.posts for k, t in p.paras if k == "quote"]
    assert sum(" said" in q or " told " in q for q in quotes) >= 0.6 * len(quotes)


def test_listing_pages_sitemaps_feed_and_robots(site):
    assert site.listing_paths == ["/", "/page/2/", "/page/3/"]
    for path in site.listing_paths:
        html = site.pages[path][0]
        assert len(LINK.findall(html)) >= 100, path
    # every post is on exactly one listing page, linked from its title
    listed = [u for path in site.listing_paths for u in re.findall(
        r'<h2 class="entry-title"><a href="([^"]+)"', site.pages[path][0].decode())]
    assert sorted(listed) == sorted(site.article_urls)
    robots = site.pages["/robots.txt"][0].decode()
    assert f"Sitemap: http://{rs.HOST}/sitemap_index.xml" in robots
    index = ET.fromstring(site.pages["/sitemap_index.xml"][0])
    children = [loc.text or "" for loc in index.iter(SM + "loc")]
    assert f"http://{rs.HOST}/post-sitemap.xml" in children and len(children) == 3
    urls = []
    for child in children:
        urls += [loc.text for loc in ET.fromstring(site.pages[child.split(rs.HOST)[1]][0]).iter(SM + "loc")]
    assert set(site.article_urls) <= set(urls)
    feed = ET.fromstring(site.pages["/feed/"][0])
    assert [i.findtext("link") for i in feed.iter("item")] == site.article_urls[:10]


def test_generation_is_deterministic_per_seed(site):
    again = rs.Site(45, seed=3)
    assert again.pages == site.pages
    other = rs.Site(45, seed=4)
    assert other.pages[other.posts[0].path] != site.pages[site.posts[0].path]


def test_server_answers_plain_and_proxy_style_requests():
    small = rs.Site(3, seed=1)
    with rs.serve(small) as srv:
        base = f"http://127.0.0.1:{srv.server_address[1]}"
        path = small.posts[1].path
        with urllib.request.urlopen(base + path, timeout=10) as r:
            assert r.read() == small.pages[path][0]
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": base}))
        with opener.open(small.posts[1].url, timeout=10) as r:  # absolute URI, as Scrapy's http_proxy sends
            assert r.read() == small.pages[path][0]
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(base + "/no/such/page/", timeout=10)
        assert err.value.code == 404
        err.value.close()


def test_crawl_benchmark_runs_end_to_end():
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "crawl_speed.py"), "--articles", "20",
                           "--runs", "1"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    rows = {m.group(1): m.groups()[1:] for m in re.finditer(
        r"^\| ([^|]+?) \| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", proc.stdout, re.M)}
    expected = ["bare Scrapy CrawlSpider", "newsspider crawl, 1 worker", "newsspider crawl, 2 workers"]
    if importlib.util.find_spec("trafilatura") is not None:
        expected.append("CrawlSpider + trafilatura")
    else:
        assert "| CrawlSpider + trafilatura | trafilatura not installed" in proc.stdout
    assert sorted(rows) == sorted(expected), proc.stdout
    for name, (pages, records, wall, rate, cpu) in rows.items():
        assert int(pages) >= 21, (name, pages)  # 20 articles + at least the home page
        assert float(rate) > 0 and float(cpu) > 0 and float(wall) > 0
        if name.startswith("newsspider"):
            assert int(records) >= 20, (name, records)  # every article extracted
        else:
            assert int(records) == 20, (name, records)  # one item per article page
    assert proc.stdout.count("x bare Scrapy (goal >= 0.5") == 2
