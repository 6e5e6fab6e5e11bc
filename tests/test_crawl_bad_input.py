"""A real crawl of a local site full of bad input: it is counted, logged once, and the crawl goes on."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from crawl_helpers import crawl, last_run, records

from newsspider.demo.server import DemoServer

HOST = "badsite.example"
ARTICLE = """<!doctype html><html><head><meta charset="{charset}"><title>{title}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><article><h1>{title}</h1>
<p>{p1}</p><p>{p2}</p></article><footer>© badsite</footer></body></html>"""


STORIES = {
    "A Normal Story": "The agency said rehearsals ran late into the night for three weeks before "
                      "the showcase, and the members posted photos from the practice room.",
    "Café Comeback “Declared”": "Critics praised the bridge of the title track and the stripped-back "
                                "production on side B, calling it the duo's most personal record.",
    "Undeclared Café Story": "Fans lined up outside the record store hours before the signing event "
                             "began on Saturday, some of them travelling from other cities.",
    "Too Slow": "The drama's final episode drew its highest ratings yet, and the cast thanked viewers.",
}


def page(title: str, p1: str, charset: str = "utf-8") -> str:
    return ARTICLE.format(title=title, p1=p1, p2=STORIES[title], charset=charset)


def make_site(root: Path) -> None:
    site = root / HOST
    site.mkdir(parents=True)
    (site / "ok.html").write_text(page("A Normal Story", "It starts like any other story."), encoding="utf-8")
    (site / "declared-1252.html").write_bytes(
        page("Café Comeback “Declared”", "Déjà vu for the fans of the café band.", "windows-1252").encode("cp1252"))
    undeclared = page("Undeclared Café Story", "Naïve fans queued at the café.").replace(
        '<meta charset="utf-8">', "")
    (site / "undeclared-1252.html").write_bytes(undeclared.encode("cp1252"))
    (site / "broken.html").write_text(
        "<html><head><title>Broken Markup Story</title><body><div><p>Unclosed paragraph one about the "
        "tour that nobody expected to sell out so quickly across the country.<p>Paragraph two keeps "
        "going without closing tags, as sloppy pages do, and it still has real words in it.<div><p>"
        "Third paragraph inside a div that is never closed, with a last note on the setlist.",
        encoding="utf-8")
    (site / "empty.html").write_text("<html><head></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    (site / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (site / "slow.html").write_text(page("Too Slow", "Never arrives."), encoding="utf-8")


def test_bad_input_is_counted_and_the_crawl_goes_on(tmp_path):
    make_site(tmp_path / "site")
    urls = ",".join(f"http://{HOST}/{p}" for p in (
        "ok.html", "declared-1252.html", "undeclared-1252.html", "broken.html", "empty.html",
        "picture.png", "slow.html", "missing.html")) + ",http://,notaurl"
    with DemoServer(tmp_path / "site", slow={"/slow.html": 4}) as srv:
        proc = crawl("article", tmp_path, srv.mirrors, "-a", f"urls={urls}",
                     settings={"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 0})
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = records(tmp_path / "articles.jsonl")
    titles = {r["title"] for r in out}
    assert titles == {"A Normal Story", "Café Comeback “Declared”", "Undeclared Café Story",
                      "Broken Markup Story"}
    by_title = {r["title"]: r for r in out}
    assert "Déjà vu for the fans of the café band." in by_title["Café Comeback “Declared”"]["body"]
    assert "Naïve fans queued at the café." in by_title["Undeclared Café Story"]["body"]
    assert "Third paragraph inside a div" in by_title["Broken Markup Story"]["body"]
    assert all(r["site"] == "generic" for r in out)
    run = last_run(tmp_path)
    assert run["errors"]["timeout"] == 1
    assert run["errors"]["http_404"] == 1
    assert run["errors"]["not_html"] == 1
    assert run["errors"]["bad_url"] == 2
    assert run["dropped"] in ({"no_title": 1}, {"no_body": 1})
    assert run["finish_reason"] == "finished"
    # each kind of error is logged once, not once per page
    log = proc.stderr
    assert log.count("malformed URL") == 1
    assert log.count("further 'bad_url' errors") == 1


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_crawl_in_which_every_request_failed_does_not_finish_normally(tmp_path):
    mirror = f"http://127.0.0.1:{closed_port()}"  # nothing listens there
    fast = {"RETRY_TIMES": 0, "DOWNLOAD_TIMEOUT": 5}
    proc = crawl("news", tmp_path, {"kpopdemo.example": mirror}, "-a", "site=demo", settings=fast)
    run = last_run(tmp_path)
    assert run["finish_reason"] == "all_requests_failed", proc.stderr[-3000:]
    assert run["pages_fetched"] == 0 and run["errors"].get("connection_refused", 0) >= 3
    assert "'finish_reason': 'all_requests_failed'" in proc.stderr  # the Scrapy stats
    assert "every request failed" in proc.stderr

    # the project settings, made quick to fail (Scrapy's standard SCRAPY_SETTINGS_MODULE)
    (tmp_path / "quick_settings.py").write_text(
        "from newsspider.settings import *  # noqa: F403\nAUTOTHROTTLE_ENABLED = False\nRETRY_TIMES = 0\n")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "quick_settings", "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}
    cli = subprocess.run([sys.executable, "-m", "newsspider.cli", "crawl", "demo", "--mirror",
                          f"kpopdemo.example={mirror}", "--state", str(tmp_path / "cli" / "seen.sqlite"),
                          "-o", str(tmp_path / "cli" / "articles.jsonl")],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert cli.returncode == 1
    assert re.search(r"^finish reason\s+all_requests_failed$", cli.stdout, re.M)
    assert records(tmp_path / "data" / "runs.jsonl")[-1]["finish_reason"] == "all_requests_failed"
