"""`newsspider fetch URL`: a real one-off crawl of one page, one record on stdout, no state touched."""

from __future__ import annotations

import json
import subprocess
import sys

from crawl_helpers import crawl, demo_labels, last_run, records

from newsspider.demo.server import DemoServer
from newsspider.urls import normalize_url


def fetch(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", "fetch", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def test_fetch_prints_one_record_and_touches_no_state(tmp_path):
    lab = next(x for x in demo_labels() if x["quotes"] and x["releases"])
    with DemoServer() as srv:
        proc = fetch(tmp_path, lab["url"], "--mirror", f"kpopdemo.example={srv.base_url}")
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rec["title"] == lab["title"] and rec["site"] == "demo"
    assert rec["quotes"] and rec["releases"]
    assert not (tmp_path / "data").exists()  # no seen-store, no output file, no run log


def test_fetch_of_a_missing_page_is_a_one_line_error(tmp_path):
    with DemoServer() as srv:
        proc = fetch(tmp_path, f"{srv.base_url}/no/such/page.html", "--allow-private")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.strip() == f"newsspider: could not extract {srv.base_url}/no/such/page.html: http_404"
    assert "Traceback" not in proc.stderr


def test_scrapy_crawl_article_with_url_and_with_a_file_of_urls(tmp_path):
    labs = [x for x in demo_labels() if not x.get("dup_group")][:3]
    urls = tmp_path / "urls.txt"
    urls.write_text("# three demo articles\n" + "\n".join(x["url"] for x in labs[1:]) + "\n\n", encoding="utf-8")
    one, many = tmp_path / "one", tmp_path / "many"
    with DemoServer() as srv:
        p1 = crawl("article", one, srv.mirrors, "-a", f"url={labs[0]['url']}")
        p2 = crawl("article", many, srv.mirrors, "-a", f"file={urls}")
    assert p1.returncode == 0, p1.stderr[-2000:]
    assert p2.returncode == 0, p2.stderr[-2000:]
    (rec,) = records(one / "articles.jsonl")
    assert rec["title"] == labs[0]["title"] and rec["site"] == "demo"
    assert normalize_url(rec["canonical_url"]) == normalize_url(labs[0]["url"])
    got = records(many / "articles.jsonl")
    assert sorted(r["title"] for r in got) == sorted(x["title"] for x in labs[1:])
    assert all(r["body"] and r["content_hash"] for r in got)
    assert last_run(many)["articles_new"] == 2 and last_run(many)["finish_reason"] == "finished"
