"""No request leaves the site's world: internal addresses (in any spelling, or behind a name)
and off-site redirects are refused before anything is sent, and counted."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from crawl_helpers import crawl, last_run, records
from faultserver import FaultServer, Route

from newsspider.netguard import host_address, refused_reason, registrable_domain

TESTS = Path(__file__).parent


WORDS = ("agency concert tour album single stage fans tickets city night song video chart record "
         "member leader drama episode rating cast studio label producer showcase festival "
         "interview broadcast award season teaser schedule").split()


def article(title: str, extra: str = "") -> bytes:
    """An article page whose text differs from every other title's (no near-duplicates)."""
    rnd = random.Random(title)
    paras = "".join(
        "<p>" + " ".join(rnd.choice(WORDS) for _ in range(40)).capitalize() + ".</p>" for _ in range(5))
    return (f"<!doctype html><html><head><meta charset='utf-8'>{extra}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>").encode()


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
    ("0x7f.0.0.1", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("127.1", "127.0.0.1"),
    ("[::1]", "::1"), ("[::ffff:127.0.0.1]", "::ffff:7f00:1"), ("169.254.169.254", "169.254.169.254"),
    ("0", "0.0.0.0"), ("017700000001", "127.0.0.1"), ("10.1", "10.0.0.1"),
])
def test_every_spelling_of_an_address_is_read(host, expected):
    addr = host_address(host)
    assert addr is not None and str(addr) == expected
    assert refused_reason(addr) is not None


@pytest.mark.parametrize("addr, reason", [
    ("127.0.0.1", "loopback"), ("10.2.3.4", "private"), ("172.16.0.1", "private"),
    ("192.168.1.1", "private"), ("169.254.169.254", "link_local"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("100.64.0.1", "not_global"),
    ("::1", "loopback"), ("fe80::1", "link_local"), ("fc00::1", "private"), ("ff02::1", "multicast"),
    ("::ffff:169.254.169.254", "link_local"), ("64:ff9b::a9fe:a9fe", "link_local"),
    ("2002:7f00:1::", "loopback"),
])
def test_internal_addresses_are_refused(addr, reason):
    assert refused_reason(host_address(addr)) == reason


@pytest.mark.parametrize("host", ["93.184.216.34", "2606:4700::1111", "8.8.8.8"])
def test_public_addresses_pass(host):
    assert refused_reason(host_address(host)) is None


def test_names_are_not_addresses_and_registrable_domains():
    assert host_address("kpopdemo.example") is None and host_address("deadbeef") is None
    assert host_address("1.example") is None
    assert registrable_domain("https://www.soompi.com/article/1") == "soompi.com"
    assert registrable_domain("http://a.b.bbc.co.uk/x") == "bbc.co.uk"
    assert registrable_domain("http://news.kpopdemo.example/") == "kpopdemo.example"
    assert registrable_domain("http://127.0.0.1:8080/") == "127.0.0.1"


SITE = "news.example"


def site_routes(internal: str) -> dict[str, Route | list[Route]]:
    return {
        "/good.html": Route(body=article("A Good Story")),
        "/to-internal.html": Route(302, headers={"Location": f"{internal}/internal-admin"}),
        "/meta-refresh.html": Route(body=article(
            "Moved", f"<meta http-equiv='refresh' content='0; url={internal}/internal-admin?via=refresh'>")),
        "/loop-a.html": Route(302, headers={"Location": "/loop-b.html"}),
        "/loop-b.html": Route(302, headers={"Location": f"http://{SITE}/loop-a.html"}),
        "/hop.html": Route(302, headers={"Location": "/good.html"}),
    }


def internal_server() -> FaultServer:
    return FaultServer({"/internal-admin": Route(body=article("Internal Admin Console"))})


def test_redirects_stay_in_the_site_world_and_loops_are_counted(tmp_path):
    with internal_server() as internal, FaultServer() as site:
        site.routes.update(site_routes(internal.base_url))
        urls = ",".join(f"http://{SITE}/{p}" for p in
                        ("good.html", "to-internal.html", "meta-refresh.html", "loop-a.html", "hop.html"))
        proc = crawl("article", tmp_path, {SITE: site.base_url}, "-a", f"urls={urls}",
                     settings={"RETRY_TIMES": 0})
        internal_hits, site_hosts = internal.hits, {h for h, _, _ in site.hits}
    assert proc.returncode == 0, proc.stderr[-3000:]
    titles = sorted(r["title"] for r in records(tmp_path / "articles.jsonl"))
    assert titles == ["A Good Story"]  # hop.html -> good.html is the same article (a duplicate)
    run = last_run(tmp_path)
    assert run["errors"].get("offsite_redirect") == 2, run
    assert run["errors"].get("redirect_loop") == 1, run
    assert internal_hits == [] and site_hosts == {SITE}


def test_an_allowed_domain_resolving_to_an_internal_address_is_refused_after_dns(tmp_path):
    """NEWSSPIDER_ALLOWED_DOMAINS lets redirects reach more domains; their DNS answer is still
    checked: localhost (from /etc/hosts) and a name a resolver points at 127.0.0.1."""
    with internal_server() as internal, FaultServer() as site:
        port = internal.port
        site.routes.update({
            "/to-localhost.html": Route(302, headers={"Location": f"http://localhost:{port}/internal-admin"}),
            "/to-rebound.html": Route(302, headers={"Location": f"http://cdn.rebind.test:{port}/internal-admin"}),
            "/to-ip.html": Route(302, headers={"Location": f"http://127.0.0.1:{port}/internal-admin"}),
            "/good.html": Route(body=article("A Good Story")),
        })
        urls = ",".join(f"http://{SITE}/{p}" for p in ("to-localhost.html", "to-rebound.html", "to-ip.html", "good.html"))
        proc = crawl("article", tmp_path, {SITE: site.base_url}, "-a", f"urls={urls}",
                     settings={"RETRY_TIMES": 0,
                               "NEWSSPIDER_ALLOWED_DOMAINS": "localhost,rebind.test,127.0.0.1",
                               "TWISTED_DNS_RESOLVER": "fake_dns.FakeResolver"},
                     env={"FAKE_DNS": json.dumps({"cdn.rebind.test": "127.0.0.1"}), "PYTHONPATH": str(TESTS)})
        internal_hits, site_hosts = internal.hits, {h for h, _, _ in site.hits}
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [r["title"] for r in records(tmp_path / "articles.jsonl")] == ["A Good Story"]
    assert last_run(tmp_path)["errors"].get("private_address") == 3, last_run(tmp_path)
    assert internal_hits == [] and site_hosts == {SITE}


def test_internal_urls_in_any_spelling_are_refused_unless_allowed(tmp_path):
    with internal_server() as internal:
        port = internal.port
        spellings = [f"http://{h}:{port}/internal-admin" for h in (
            "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f000001", "127.1", "[::ffff:127.0.0.1]",
            "localhost")]
        proc = crawl("article", tmp_path / "refused", {}, "-a", f"urls={','.join(spellings)}",
                     settings={"RETRY_TIMES": 0})
        refused_hits = internal.hits
        fetch = subprocess.run([sys.executable, "-m", "newsspider.cli", "fetch", spellings[1]],
                               cwd=tmp_path, capture_output=True, text=True, timeout=120)
        fetch_hits = internal.hits
        allowed = subprocess.run([sys.executable, "-m", "newsspider.cli", "fetch", "--allow-private",
                                  spellings[0]], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        allowed_hits = internal.hits
    assert refused_hits == [] and fetch_hits == [], (refused_hits, fetch_hits)
    assert "private_address" in proc.stderr
    run = last_run(tmp_path / "refused")
    assert run["errors"] == {"private_address": len(spellings)}, run
    assert records(tmp_path / "refused" / "articles.jsonl") == []
    assert fetch.returncode == 1 and fetch.stdout == ""
    assert fetch.stderr.strip() == f"newsspider: could not extract {spellings[1]}: private_address"
    assert allowed.returncode == 0, allowed.stderr[-2000:]
    assert json.loads(allowed.stdout)["title"] == "Internal Admin Console"
    assert [p for _, p, _ in allowed_hits] == ["/robots.txt", "/internal-admin"]


def test_the_news_spider_refuses_a_site_whose_name_resolves_to_an_internal_address(tmp_path):
    """The demo profile's host pointed at 127.0.0.1 by the resolver, no mirror: nothing is sent."""
    proc = crawl("news", tmp_path, {}, "-a", "site=demo",
                 settings={"RETRY_TIMES": 0, "TWISTED_DNS_RESOLVER": "fake_dns.FakeResolver"},
                 env={"FAKE_DNS": json.dumps({"kpopdemo.example": "127.0.0.1"}), "PYTHONPATH": str(TESTS)})
    run = last_run(tmp_path)
    assert run["errors"] == {"private_address": 3}, (run, proc.stderr[-2000:])  # feed, sitemap, listing
    assert run["pages_fetched"] == 0
    assert "'downloader/request_count'" not in proc.stderr  # not one request reached the downloader


def test_remote_control_is_off_and_leaves_no_token_file(tmp_path):
    jobs = tmp_path / "jobs"
    with FaultServer({"/good.html": Route(body=article("A Good Story"))}) as site:
        proc = crawl("article", tmp_path, {SITE: site.base_url}, "-a", f"url=http://{SITE}/good.html",
                     settings={"REMOTE_CONTROL_JOBS_DIR": str(jobs)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "RemoteControl" not in proc.stderr  # not among the enabled extensions
    assert not jobs.exists() or not any(jobs.iterdir())


def test_retry_after_is_honoured_and_capped(tmp_path):
    import time
    from email.utils import formatdate

    soon = formatdate(time.time() + 60, usegmt=True)
    with FaultServer({
        "/busy.html": [Route(429, b"slow down", headers={"Retry-After": "2"}), Route(body=article("Busy Story"))],
        "/dated.html": [Route(503, b"later", headers={"Retry-After": soon}), Route(body=article("Dated Story"))],
        "/very-busy.html": [Route(429, b"slow down", headers={"Retry-After": "3600"}),
                            Route(body=article("Very Busy Story"))],
    }) as site:
        urls = ",".join(f"http://{SITE}/{p}" for p in ("busy.html", "dated.html", "very-busy.html"))
        proc = crawl("article", tmp_path, {SITE: site.base_url}, "-a", f"urls={urls}",
                     settings={"NEWSSPIDER_RETRY_AFTER_MAX": 4})
        hits = site.hits
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(r["title"] for r in records(tmp_path / "articles.jsonl")) == [
        "Busy Story", "Dated Story", "Very Busy Story"]

    def gap(path: str) -> float:
        times = [t for _, p, t in hits if p == path]
        assert len(times) == 2, hits
        return times[1] - times[0]

    assert gap("/busy.html") >= 1.9
    assert 3.9 <= gap("/dated.html") < 30  # an HTTP date a minute ahead, capped
    assert 3.9 <= gap("/very-busy.html") < 30  # an hour asked, NEWSSPIDER_RETRY_AFTER_MAX given
    assert "'newsspider/retry_after_waits': 3" in proc.stderr
