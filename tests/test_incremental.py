"""Scheduled runs: conditional requests, changed articles re-exported with a new version."""

from __future__ import annotations

import re
import shutil

from crawl_helpers import crawl, demo_labels, last_run, records

from newsspider.demo.server import SITE_DIR, DemoServer


def test_changed_article_gets_a_new_version_and_unchanged_feeds_are_not_refetched(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    out = tmp_path / "out"
    lab = next(x for x in demo_labels() if not x.get("dup_group") and "/stories/" not in x["file"])
    with DemoServer(site) as srv:
        assert crawl("news", out, srv.mirrors, "-a", "site=demo").returncode == 0
        first = records(out / "articles.jsonl")

        second = crawl("news", out, srv.mirrors, "-a", "site=demo")
        run = last_run(out)
        assert second.returncode == 0
        assert run["not_modified"] >= 2  # the feed and the sitemap index answered 304
        assert run["articles_new"] == 0 and run["refetched_modified"] == 0

        # the publisher edits one article and bumps its sitemap lastmod
        page = site / lab["file"]
        html = page.read_text(encoding=_charset(page))
        old_par = lab["body_paragraphs"][0]
        assert old_par in html
        page.write_text(html.replace(old_par, old_par + " (Updated with a correction.)", 1),
                        encoding=_charset(page))
        loc = lab["url"]
        for sm in site.glob("*/sitemap*.xml"):
            text = sm.read_text(encoding="utf-8")
            if loc in text:
                text = re.sub(re.escape(loc) + r"</loc>\s*<lastmod>[^<]*</lastmod>",
                              loc + "</loc><lastmod>2030-01-01T00:00:00+00:00</lastmod>", text)
                sm.write_text(text, encoding="utf-8")
        for index in site.glob("*/sitemap_index.xml"):  # the index announces the changed sitemap
            index.write_text(re.sub(r"<lastmod>[^<]*</lastmod>", "<lastmod>2030-01-01T00:00:00+00:00</lastmod>",
                                    index.read_text(encoding="utf-8")), encoding="utf-8")
        third = crawl("news", out, srv.mirrors, "-a", "site=demo")
        run = last_run(out)
        assert third.returncode == 0
        assert run["refetched_modified"] == 1 and run["articles_updated"] == 1 and run["articles_new"] == 0

        after = records(out / "articles.jsonl")
        assert len(after) == len(first) + 1
        assert after[-1]["version"] == 2 and "(Updated with a correction.)" in after[-1]["body"]
        assert after[-1]["canonical_url"] in {r["canonical_url"] for r in first}

        # with NEWSSPIDER_ON_CHANGE=skip a further edit is not written
        page.write_text(page.read_text(encoding=_charset(page)).replace("correction.)", "correction, again.)"),
                        encoding=_charset(page))
        for sm in site.glob("*/sitemap*.xml"):
            sm.write_text(sm.read_text(encoding="utf-8").replace("2030-01-01", "2031-01-01"), encoding="utf-8")
        assert crawl("news", out, srv.mirrors, "-a", "site=demo",
                     settings={"NEWSSPIDER_ON_CHANGE": "skip"}).returncode == 0
        assert last_run(out)["articles_updated"] == 0
        assert len(records(out / "articles.jsonl")) == len(after)


def _charset(path) -> str:
    head = path.read_bytes()[:2048].decode("ascii", "replace").lower()
    return "cp1252" if "windows-1252" in head else "utf-8"


def test_since_uses_sitemap_and_feed_dates(tmp_path):
    since = "2026-09-01"
    with DemoServer() as srv:
        proc = crawl("news", tmp_path, srv.mirrors, "-a", "site=demo", "-a", f"since={since}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = records(tmp_path / "articles.jsonl")
    want = {x["title"] for x in demo_labels() if x["published"][:10] >= since and not x.get("dup_group")}
    assert want and {r["title"] for r in got} == want
    assert all(max(r["published"] or "", r["modified"] or "") >= since for r in got)
    run = last_run(tmp_path)
    assert run["pages_fetched"] < 6 + len(want)  # robots, feed, sitemaps, and the new articles only


def test_listing_walk_stops_after_n_known_articles(tmp_path):
    # /news/ and /news/page/2/ list 10 articles each, /news/page/3/ the rest; with
    # NEWSSPIDER_STOP_AFTER_SEEN=20 a second run stops before page 3
    with DemoServer() as srv:
        assert crawl("news", tmp_path, srv.mirrors, "-a", "site=demo").returncode == 0
        assert srv.hits.get("/news/page/3/") == 1  # the first run walks every listing page
    with DemoServer() as srv:  # a fresh server: its hit log holds the second run only
        proc = crawl("news", tmp_path, srv.mirrors, "-a", "site=demo",
                     settings={"NEWSSPIDER_STOP_AFTER_SEEN": 20})
        hits = srv.hits
    assert proc.returncode == 0, proc.stderr[-2000:]
    run = last_run(tmp_path)
    assert run["articles_new"] == 0 and run["known_skipped"] >= 20
    assert hits.get("/news/") == 1 and hits.get("/news/page/2/") == 1
    assert "/news/page/3/" not in hits, hits
    assert run["listing_stopped_at_known"] == 1
    assert "not following http://kpopdemo.example/news/page/3/: the last 20 articles listed" in proc.stderr


def _keys(path):
    recs = records(path)
    keys = [r["canonical_url"] for r in recs]
    assert len(keys) == len(set(keys)), "an article was written twice"
    return set(keys)


def test_a_max_run_followed_by_a_plain_run_exports_every_article(tmp_path):
    """--max cuts the feed/sitemap listings short: their validators are not saved, so the next
    run reads them again (no 304) and plans what the first run skipped. The site's older
    articles are only in its sitemaps (its listing pages stop after the first)."""
    from crawl_helpers import expected_demo_count

    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    shutil.rmtree(site / "kpopdemo.example" / "news" / "page")
    out = tmp_path / "out"
    with DemoServer(site) as srv:
        assert crawl("news", out, srv.mirrors, "-a", "site=demo", "-a", "max_articles=20").returncode == 0
        first = last_run(out)
        assert first["articles_new"] + first["articles_duplicate"] <= 20 and first["validators_held"] >= 1
        assert crawl("news", out, srv.mirrors, "-a", "site=demo").returncode == 0
    assert len(_keys(out / "articles.jsonl")) == expected_demo_count()


STUCK = "/2026/01/08/northstar-ten-years-anniversary-album-compass-rose/"  # listed on /news/page/3/ and a sitemap


def test_an_article_failing_with_503_is_exported_by_the_next_run(tmp_path):
    from crawl_helpers import expected_demo_count

    with DemoServer(faults={STUCK: 503}) as srv:
        proc = crawl("news", tmp_path, srv.mirrors, "-a", "site=demo", settings={"NEWSSPIDER_RETRY_BACKOFF": 0})
    assert proc.returncode == 0, proc.stderr[-2000:]
    run = last_run(tmp_path)
    assert run["errors"] == {"http_503": 1} and run["retry_failed"] == 1 and run["validators_held"] >= 1
    assert not any(STUCK.rstrip("/") in k for k in _keys(tmp_path / "articles.jsonl"))
    with DemoServer() as srv:  # the site answers again
        proc = crawl("news", tmp_path, srv.mirrors, "-a", "site=demo", settings={"NEWSSPIDER_RETRY_BACKOFF": 0})
        hits = srv.hits
    assert proc.returncode == 0, proc.stderr[-2000:]
    run = last_run(tmp_path)
    assert run["retry_planned"] == 1 and run["articles_new"] == 1 and run["retry_failed"] == 0
    assert hits.get(STUCK) == 1
    got = _keys(tmp_path / "articles.jsonl")
    assert any(STUCK.rstrip("/") in k for k in got) and len(got) == expected_demo_count()
    # everything is done now: the third run asks only the feed and the sitemap index (304)
    with DemoServer() as srv:
        assert crawl("news", tmp_path, srv.mirrors, "-a", "site=demo").returncode == 0
    run = last_run(tmp_path)
    assert run["not_modified"] >= 2 and run["retry_planned"] == 0 and run["articles_new"] == 0


def test_retries_back_off_and_give_up(tmp_path):
    settings = {"NEWSSPIDER_RETRY_BACKOFF": 0, "NEWSSPIDER_RETRY_GIVE_UP": 2, "RETRY_TIMES": 0}
    with DemoServer(faults={STUCK: 503}) as srv:
        for _ in range(3):
            assert crawl("news", tmp_path, srv.mirrors, "-a", "site=demo", settings=settings).returncode == 0
    runs = records(tmp_path / "runs.jsonl")
    assert [r["retry_planned"] for r in runs] == [0, 1, 0]
    assert [r["retry_gave_up"] for r in runs] == [0, 1, 0]
    # given up counts as done: the validators are saved, the third run gets 304s
    assert runs[0]["validators_held"] >= 1 and runs[1]["validators_held"] == 0 and runs[2]["not_modified"] >= 2
