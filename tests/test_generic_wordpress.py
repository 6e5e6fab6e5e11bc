"""A generic crawl of a WordPress-style site exports its posts only: not the category, tag and
author archives nor the About/Contact/Privacy pages its sitemaps also list (real crawls of
tests/wp_site.py served on 127.0.0.1)."""

from __future__ import annotations

import pytest
from crawl_helpers import crawl, last_run, records
from faultserver import FaultServer
from wp_site import BASE, HOST, make_posts, routes


@pytest.mark.parametrize("layout", ["index", "flat"])
def test_generic_crawl_exports_exactly_the_posts(tmp_path, layout):
    posts = make_posts()
    with FaultServer(routes(layout, posts)) as srv:
        proc = crawl("news", tmp_path, {HOST: srv.base_url}, "-a", f"url={BASE}/")
        fetched = set(srv.hit_paths())
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = records(tmp_path / "articles.jsonl")
    assert sorted(r["url"] for r in got) == sorted(p.url for p in posts)
    by_url = {r["url"]: r for r in got}
    for p in posts:
        assert by_url[p.url]["title"] == p.title
        assert by_url[p.url]["published"][:10] == p.when.date().isoformat()
    dropped = last_run(tmp_path)["dropped"]
    if layout == "index":
        # a sitemap index: the page/category/tag/author sitemaps are not even fetched
        assert "/post-sitemap.xml" in fetched
        for name in ("page", "category", "post_tag", "author"):
            assert f"/{name}-sitemap.xml" not in fetched
        assert not any(p.startswith(("/category/", "/tag/", "/author/", "/about/")) for p in fetched)
        assert not any(k.startswith("not_article") for k in dropped), dropped
    else:
        # one sitemap of everything: the archives and pages are fetched, judged and dropped
        assert {"/category/music/", "/tag/debuts/", "/author/mira/", "/about/", "/privacy-policy/"} <= fetched
        # 3 categories + 2 tags + 3 authors; about, contact, privacy
        assert {k: v for k, v in dropped.items() if k.startswith("not_article")} == {
            "not_article_listing": 8, "not_article_static": 3}, dropped
