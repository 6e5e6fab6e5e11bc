"""The politeness settings, and robots.txt obeyed in a real crawl."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

from crawl_helpers import crawl, demo_labels, last_run, records
from scrapy.utils.project import get_project_settings

from newsspider.demo.server import SITE_DIR, DemoServer
from newsspider.runner import project_settings


def test_project_settings_are_polite_and_bounded():
    for settings in (get_project_settings(), project_settings()):
        assert settings["BOT_NAME"] == "newsspider"
        assert settings.getbool("ROBOTSTXT_OBEY") is True
        assert settings.getbool("AUTOTHROTTLE_ENABLED") is True
        ua = settings["USER_AGENT"]
        assert "newsspider" in ua and "+http" in ua  # names the bot and where to read about it
        assert 0 < settings.getint("DOWNLOAD_MAXSIZE") <= 64 * 1024 * 1024
        assert 0 < settings.getfloat("DOWNLOAD_TIMEOUT") <= 60
        assert settings.getbool("RETRY_ENABLED") is True and settings.getint("RETRY_TIMES") >= 1
        assert settings.getbool("HTTPCACHE_ENABLED") is False


def test_an_article_disallowed_by_robots_txt_is_never_requested(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    host_dir = site / "kpopdemo.example"
    listing = (host_dir / "news" / "index.html").read_text(encoding="utf-8")
    lab = next(x for x in demo_labels()
               if not x.get("dup_group") and urlsplit(x["url"]).path in listing and "/2026/" in x["url"])
    path = urlsplit(lab["url"]).path
    robots = host_dir / "robots.txt"
    robots.write_text(robots.read_text(encoding="utf-8").replace(
        "Disallow: /private/", f"Disallow: /private/\nDisallow: {path}"), encoding="utf-8")

    with DemoServer(site) as srv:
        proc = crawl("news", tmp_path / "out", srv.mirrors, "-a", "site=demo")
        hits = srv.hits
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert hits.get("/robots.txt") == 1
    assert path not in hits, f"{path} is disallowed by robots.txt but was fetched"
    assert hits.get("/news/") == 1  # the listing that links it was fetched
    run = last_run(tmp_path / "out")
    assert run["robots_forbidden"] >= 1  # linked from the feed, the sitemap and the listing
    assert "'robotstxt/forbidden': " in proc.stderr  # Scrapy's own stat
    titles = {r["title"] for r in records(tmp_path / "out" / "articles.jsonl")}
    assert lab["title"] not in titles and len(titles) >= 25
