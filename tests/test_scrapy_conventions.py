"""Behaving like a Scrapy project (issue #15, part 4): scrapy parse, one-off runs without state,
the add-on, profiles outside the package, generic crawls, profile fixes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from crawl_helpers import demo_labels, records

from newsspider.demo.server import DemoServer
from newsspider.profiles import get_profile


def scrapy(*args: str, cwd, env_extra: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_scrapy_parse_shows_the_record_and_writes_nothing(tmp_path):
    lab = next(x for x in demo_labels() if x["quotes"] and not x.get("dup_group"))
    with DemoServer() as srv:
        proc = scrapy("parse", "--spider=article", lab["url"], "-s", f"NEWSSPIDER_MIRRORS={json.dumps(srv.mirrors)}",
                      "-s", "LOG_LEVEL=WARNING", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Scraped Items" in proc.stdout
    assert repr(lab["title"]) in proc.stdout and "'quotes': [{" in proc.stdout
    assert list(tmp_path.iterdir()) == []  # no output file, seen-store, lock or run log


def test_scrapy_crawl_news_without_a_site_lists_the_sites(tmp_path):
    proc = scrapy("crawl", "news", "-s", "LOG_LEVEL=WARNING", cwd=tmp_path)
    assert proc.returncode == 2
    assert "give -a site=NAME (known sites: allkpop, demo, hellokpop" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "data").exists()


def test_one_off_article_crawl_leaves_the_shared_state_alone(tmp_path):
    labs = [x for x in demo_labels() if not x.get("dup_group")][:2]
    with DemoServer() as srv:
        mirrors = f"NEWSSPIDER_MIRRORS={json.dumps(srv.mirrors)}"
        first = scrapy("crawl", "article", "-a", f"urls={labs[0]['url']},{labs[1]['url']}", "-s", mirrors, cwd=tmp_path)
        again = scrapy("crawl", "article", "-a", f"url={labs[0]['url']}", "-s", mirrors, cwd=tmp_path)
    assert first.returncode == 0 and again.returncode == 0, first.stderr[-2000:] + again.stderr[-2000:]
    got = records(tmp_path / "data" / "articles.jsonl")
    assert sorted(r["title"] for r in got) == sorted(x["title"] for x in labs)  # the repeat is not written twice
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["articles.jsonl"]  # no state/, no runs.jsonl


ADDON_SPIDER = '''
import scrapy
from newsspider.addon import page_item

class Fans(scrapy.Spider):
    name = "fans"
    start_urls = {urls!r}

    def parse(self, response):
        yield page_item(response, site="demo")
'''


def test_another_project_enables_newsspider_with_one_addons_line(tmp_path):
    proj = tmp_path / "otherproject"
    (proj / "other" / "spiders").mkdir(parents=True)
    (proj / "scrapy.cfg").write_text("[settings]\ndefault = other.settings\n", encoding="utf-8")
    (proj / "other" / "__init__.py").write_text("", encoding="utf-8")
    (proj / "other" / "spiders" / "__init__.py").write_text("", encoding="utf-8")
    (proj / "other" / "settings.py").write_text(textwrap.dedent('''
        BOT_NAME = "other"
        SPIDER_MODULES = ["other.spiders"]
        ADDONS = {"newsspider.addon.Addon": 500}
    '''), encoding="utf-8")
    labs = [x for x in demo_labels() if not x.get("dup_group")][:2]
    urls = [labs[0]["url"], labs[1]["url"], labs[0]["url"] + "?utm_source=x"]
    (proj / "other" / "spiders" / "fans.py").write_text(ADDON_SPIDER.format(urls=urls), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    with DemoServer() as srv:
        proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "fans",
                               "-s", f"NEWSSPIDER_MIRRORS={json.dumps(srv.mirrors)}", "-s", "ROBOTSTXT_OBEY=False"],
                              cwd=proj, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = records(proj / "data" / "articles.jsonl")
    assert sorted(r["title"] for r in got) == sorted(x["title"] for x in labs)
    assert all(r["body"] and r["site"] == "demo" for r in got)
    assert (proj / "data" / "state" / "seen.sqlite").exists()
    assert json.loads((proj / "data" / "runs.jsonl").read_text().splitlines()[-1])["articles_new"] == 2


PROFILE = '''
name = "mirrorfans"
label = "the demo site under another name, from a profile outside the package"
domains = ["kpopdemo.example"]
feeds = ["http://kpopdemo.example/feed.xml"]
article_url = '^http://kpopdemo\\.example/\\d{4}/\\d{2}/\\d{2}/[^/?#]+/$'
'''


def test_profiles_outside_the_package(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "mirrorfans.toml").write_text(PROFILE, encoding="utf-8")
    listed = subprocess.run([sys.executable, "-m", "newsspider.cli", "sites", "--profiles", str(folder)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert listed.returncode == 0 and "mirrorfans" in listed.stdout and "soompi" in listed.stdout
    with DemoServer() as srv:
        proc = scrapy("crawl", "news", "-a", "site=mirrorfans", "-a", "max_articles=3",
                      "-s", f"NEWSSPIDER_MIRRORS={json.dumps(srv.mirrors)}", "-s", "AUTOTHROTTLE_ENABLED=False",
                      cwd=tmp_path, env_extra={"NEWSSPIDER_PROFILES": str(folder)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = records(tmp_path / "data" / "articles.jsonl")
    assert len(got) == 3 and {r["site"] for r in got} == {"mirrorfans"}


def test_generic_crawl_of_any_site_from_its_sitemaps_and_feeds(tmp_path):
    with DemoServer() as srv:
        proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "crawl", "--generic", "http://kpopdemo.example/",
                               "--mirror", f"kpopdemo.example={srv.base_url}", "--max", "4"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=180)
        hits = srv.hits
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = records(tmp_path / "data" / "articles.jsonl")
    assert len(got) == 4 and {r["site"] for r in got} == {"kpopdemo.example"}
    assert all(r["title"] and r["body"] for r in got)
    assert hits.get("/robots.txt") and hits.get("/sitemap_index.xml") and hits.get("/feed.xml")


@pytest.mark.parametrize("url, is_article", [
    ("https://www.kpopmap.com/blackpink-jennie-solo-comeback/", True),
    ("https://trends.kpopmap.com/some-trending-story/", True),
    ("https://www.kpopmap.com/kpop-member-profile/", False),
    ("https://www.kpopmap.com/kpop-member-profile/jennie/", False),
    ("https://www.kpopmap.com/kpopmap-trending/", False),
    ("https://www.kpopmap.com/kpop-profile/", False),
    ("https://www.kpopmap.com/category/kpop-news/", False),
])
def test_kpopmap_profile(url, is_article):
    assert get_profile("kpopmap").is_article(url) is is_article


def test_kpopstarz_accepts_http_links():
    p = get_profile("kpopstarz")
    assert p.is_article("http://www.kpopstarz.com/articles/312345/20260301/some-story.htm")
    assert p.is_article("https://www.kpopstarz.com/articles/312345/20260301/some-story.htm")
    assert not p.is_article("http://www.kpopstarz.com/kpop")
