import subprocess
import sys

import pytest
from crawl_helpers import REPO

from newsspider import cli
from newsspider.profiles import UnknownSite, all_profiles, get_profile, profile_for_url
from newsspider.schema import SCHEMA_PATH, render


def test_committed_schema_matches_the_item_definition():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), "run: python -m newsspider.schema"


def test_profiles_load_and_match():
    names = set(all_profiles())
    assert {"demo", "koreaboo", "soompi", "allkpop", "kpopmap", "hellokpop", "kpopstarz"} <= names
    demo = get_profile("demo")
    assert demo.is_article("http://kpopdemo.example/2026/03/14/some-story/")
    assert demo.is_article("http://kpopdemo.example/stories/1042/another-story.html")
    assert not demo.is_article("http://kpopdemo.example/news/page/2/")
    assert profile_for_url("https://www.soompi.com/article/123wpp/x").name == "soompi"
    assert profile_for_url("https://unknown.example/x").name == "generic"
    with pytest.raises(UnknownSite, match="known sites: allkpop, demo"):
        get_profile("nosuchsite")


@pytest.mark.parametrize(
    "argv, message",
    [
        (["crawl", "nosuchsite"], "unknown site 'nosuchsite'; known sites:"),
        (["fetch", "not a url"], "malformed URL"),
        (["extract", "/no/such/file.html"], "no such file"),
        (["extract", "--manifest", "/no/such.jsonl"], "no such manifest"),
        (["crawl", "demo", "--since", "yesterdayish"], "since must be a date"),
        (["evaluate", "nothing"], "evaluate what?"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_console_script_exit_status():
    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "crawl", "nosuchsite"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("newsspider: error: unknown site")
    assert "Traceback" not in proc.stderr


def test_to_record_equals_itemadapter_asdict():
    from itemadapter import ItemAdapter

    from newsspider.items import Article, Image, Quote, Release, to_record

    art = Article(url="https://s.example/a", canonical_url="https://s.example/a", site="demo",
                  authors=["A"], images=[Image(url="https://s.example/i.jpg", caption="c")],
                  quotes=[Quote(text="t", speaker="S", speaker_raw="she", cue="said", kind="inline",
                                paragraph=2)],
                  releases=[Release(artist="X", title="Y", kind="single", date="2026-05",
                                    date_precision="month", status="upcoming", evidence="e")])
    assert to_record(art) == ItemAdapter(art).asdict()
    assert list(to_record(art)) == list(ItemAdapter(art).asdict())


@pytest.mark.parametrize(
    "spider_args, message",
    [
        (["news", "-a", "site=nosuchsite"], "unknown site 'nosuchsite'; known sites:"),
        (["news", "-a", "site=demo", "-a", "since=yesterdayish"], "since must be a date"),
        (["article", "-a", "file=/no/such/urls.txt"], "no such file of URLs: /no/such/urls.txt"),
        (["article"], "give -a url=URL"),
    ],
)
def test_scrapy_crawl_with_bad_spider_arguments_gives_one_line(spider_args, message, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", *spider_args, "-s", "LOG_LEVEL=WARNING",
                           "-s", f"NEWSSPIDER_STATE={tmp_path / 'seen.sqlite'}"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "ERROR: bad spider argument: " in line and message in line
    assert "Traceback" not in proc.stderr
