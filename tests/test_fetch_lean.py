"""`newsspider fetch URL` without Scrapy (newsspider.quickfetch, issue #13) against the Scrapy crawl
it replaces (`NEWSSPIDER_FETCH=scrapy`): the same pages served on 127.0.0.1 to both, the same
record (but for the run's own fields), the same one-line error and exit status, and nothing sent
where the crawl sends nothing."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zlib

import pytest
from faultserver import FaultServer, Route, gzip_bomb
from test_net_guard import article

SITE = "news.example"
VOLATILE = ("fetched_at", "run_id")
# runs the CLI, then says on a last stderr line whether Scrapy or Twisted were imported
PROBE = """
import json, sys
from newsspider.cli import main
status = main(sys.argv[1:])
print(json.dumps({"scrapy": [m for m in ("scrapy", "twisted") if m in sys.modules]}), file=sys.stderr)
sys.exit(status)
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and k != "NEWSSPIDER_FETCH"}
    return {**env, **extra}


def lean(tmp_path, *args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """The command as users run it, and the Scrapy/Twisted modules it imported."""
    proc = subprocess.run([sys.executable, "-c", PROBE, "fetch", *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env=_env())
    *lines, last = proc.stderr.splitlines() or [""]
    loaded = json.loads(last)["scrapy"]
    proc.stderr = "".join(line + "\n" for line in lines)
    return proc, loaded


def scrapy(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", "fetch", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=180, env=_env(NEWSSPIDER_FETCH="scrapy"))


def parity(tmp_path, *args: str) -> tuple[int, str, dict | None]:
    """Both paths on the same arguments: (exit status, stderr, record without its run's fields)."""
    new, loaded = lean(tmp_path, *args)
    old = scrapy(tmp_path, *args)
    assert loaded == [], f"the lean fetch imported {loaded}"
    assert "Traceback" not in new.stderr, new.stderr[-3000:]
    assert (new.returncode, new.stderr) == (old.returncode, old.stderr), (new.stderr[-2000:], old.stderr[-2000:])
    if new.returncode:
        assert new.stdout == old.stdout == ""
        return new.returncode, new.stderr.strip(), None
    a, b = json.loads(new.stdout), json.loads(old.stdout)
    assert list(a) == list(b)
    assert {k: v for k, v in a.items() if k not in VOLATILE} == {k: v for k, v in b.items() if k not in VOLATILE}
    return 0, "", a


def message(url: str, reason: str) -> str:
    return f"newsspider: could not extract {url}: {reason}"


@pytest.fixture
def site():
    with FaultServer() as srv:
        srv.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        yield srv


def mirror(srv: FaultServer) -> tuple[str, str]:
    return "--mirror", f"{SITE}={srv.base_url}"


def test_an_article_gives_the_same_record(tmp_path, site):
    site.routes["/good.html"] = Route(body=article("A Good Story"))
    status, _, rec = parity(tmp_path, f"http://{SITE}/good.html", *mirror(site))
    assert status == 0 and rec is not None
    assert rec["title"] == "A Good Story" and rec["url"] == f"http://{SITE}/good.html" and rec["http_status"] == 200


def test_a_url_with_a_fragment_gives_the_same_record(tmp_path, site):
    """The response (and so the record) has the URL without its fragment, a redirect keeps it."""
    site.routes["/good.html"] = Route(body=article("A Good Story"))
    site.routes["/hop.html"] = Route(302, headers={"Location": "/good.html"})
    for path in ("/good.html#ref=rss", "/hop.html#omrss"):
        status, _, rec = parity(tmp_path, f"http://{SITE}{path}", *mirror(site))
        assert status == 0 and rec is not None and rec["url"] == f"http://{SITE}/good.html"


def test_the_same_record_by_address_with_allow_private_and_pretty(tmp_path, site):
    site.routes["/good.html"] = Route(body=article("A Good Story", "<meta name='author' content='Kim'>"))
    status, _, rec = parity(tmp_path, site.url("/good.html"), "--allow-private", "--pretty")
    assert status == 0 and rec is not None and rec["domain"] == "127.0.0.1"


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_a_compressed_page_gives_the_same_record(tmp_path, site, encoding):
    import brotli

    page = article("A Packed Story")
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[encoding](page)
    site.routes["/packed.html"] = Route(body=packed, headers={"Content-Encoding": encoding})
    status, _, rec = parity(tmp_path, f"http://{SITE}/packed.html", *mirror(site))
    assert status == 0 and rec is not None and rec["title"] == "A Packed Story"


def test_a_redirect_chain_and_a_meta_refresh_are_followed(tmp_path, site):
    site.routes.update({
        "/old.html": Route(301, headers={"Location": "/older.html"}),
        "/older.html": Route(302, headers={"Location": f"http://www.{SITE}/moved.html"}),
        "/moved.html": Route(body=article("Moved", "<meta http-equiv='refresh' content='0; url=/final.html'>")),
        "/final.html": Route(body=article("The Final Story")),
    })
    status, _, rec = parity(tmp_path, f"http://{SITE}/old.html", "--mirror", f"{SITE}={site.base_url}",
                            "--mirror", f"www.{SITE}={site.base_url}")
    assert status == 0 and rec is not None
    assert rec["title"] == "The Final Story" and rec["url"] == f"http://www.{SITE}/final.html"


def test_a_slow_meta_refresh_is_not_followed_and_a_declared_charset_is_read(tmp_path, site):
    page = article("Ünïcode Störy", "<meta http-equiv='refresh' content='300; url=/elsewhere.html'>")
    site.routes["/latin.html"] = Route(body=page.decode().replace("utf-8", "iso-8859-1").encode("latin-1"),
                                      ctype="text/html")
    status, _, rec = parity(tmp_path, f"http://{SITE}/latin.html", *mirror(site))
    assert status == 0 and rec is not None and rec["title"] == "Ünïcode Störy"
    assert "/elsewhere.html" not in site.hit_paths()


def test_redirects_to_internal_addresses_are_refused_and_never_followed(tmp_path, site):
    with FaultServer({"/internal-admin": Route(body=article("Internal Admin Console"))}) as internal:
        for path, target in [("/to-ip.html", f"{internal.base_url}/internal-admin"),
                             ("/to-localhost.html", f"http://localhost:{internal.port}/internal-admin")]:
            site.routes[path] = Route(302, headers={"Location": target})
        site.routes["/refresh.html"] = Route(body=article(
            "Refresh", f"<meta http-equiv='refresh' content='1;url={internal.base_url}/internal-admin'>"))
        for path in ("/to-ip.html", "/to-localhost.html", "/refresh.html"):
            url = f"http://{SITE}{path}"
            assert parity(tmp_path, url, *mirror(site))[:2] == (1, message(url, "offsite_redirect"))
        # a URL naming an internal address (in any spelling, or by a name that resolves to one)
        for host in ("127.0.0.1", "2130706433", "0x7f.1", "localhost"):
            url = f"http://{host}:{internal.port}/internal-admin"
            assert parity(tmp_path, url)[:2] == (1, message(url, "private_address"))
        hits = internal.hits
    assert hits == []


def test_loops_and_too_many_redirects_are_refused(tmp_path, site):
    site.routes.update({"/loop-a.html": Route(302, headers={"Location": "/loop-b.html"}),
                        "/loop-b.html": Route(302, headers={"Location": f"http://{SITE}/loop-a.html?utm_source=x"})})
    site.routes.update({f"/hop{i}.html": Route(302, headers={"Location": f"/hop{i + 1}.html"}) for i in range(25)})
    url = f"http://{SITE}/loop-a.html"
    assert parity(tmp_path, url, *mirror(site))[:2] == (1, message(url, "redirect_loop"))
    url = f"http://{SITE}/hop0.html"
    assert parity(tmp_path, url, *mirror(site))[:2] == (1, message(url, "too_many_redirects"))
    assert site.hit_paths().count("/hop20.html") == 2 and "/hop21.html" not in site.hit_paths()


def test_size_caps_and_decompression_bombs(tmp_path, site):
    site.routes.update({
        "/bomb.html": Route(body=gzip_bomb(64 * 1024 * 1024), headers={"Content-Encoding": "gzip"}),
        "/endless.html": Route(stream=17 * 1024 * 1024),
        "/announced.html": Route(body=b"<html>", content_length=17 * 1024 * 1024),
    })
    for path in ("/bomb.html", "/endless.html", "/announced.html"):
        url = f"http://{SITE}{path}"
        assert parity(tmp_path, url, *mirror(site))[:2] == (1, message(url, "page over the 16 MB limit"))
    # not gzip at all, and a gzip stream cut short (what can be read of it is kept)
    page = gzip.compress(article("A Cut Story"))
    site.routes["/not-gzip.html"] = Route(body=b"<html>plain</html>", headers={"Content-Encoding": "gzip"})
    site.routes["/cut.html"] = Route(body=page[: len(page) * 3 // 4], headers={"Content-Encoding": "gzip"})
    assert parity(tmp_path, f"http://{SITE}/not-gzip.html", *mirror(site))[0] == 1
    parity(tmp_path, f"http://{SITE}/cut.html", *mirror(site))


def test_robots_txt_not_html_and_http_errors(tmp_path, site):
    site.routes.update({
        "/private/page.html": Route(body=article("Secret")),
        "/image.html": Route(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
        "/data.json": Route(body=b'{"a": 1}', ctype="application/json"),
        "/broken.html": Route(500, b"oops"),
    })
    cases = [("/private/page.html", "disallowed by robots.txt"), ("/image.html", "not an HTML page"),
             ("/data.json", "not an HTML page"), ("/missing.html", "http_404"), ("/broken.html", "http_500")]
    for path, reason in cases:
        url = f"http://{SITE}{path}"
        assert parity(tmp_path, url, *mirror(site))[:2] == (1, message(url, reason))
    assert site.hit_paths().count("/broken.html") == 4  # tried twice by each (RETRY_TIMES = 1)
    assert "/private/page.html" not in site.hit_paths()


def test_a_connection_reset_mid_body_is_a_lost_connection(tmp_path, site):
    page = article("A Cut Short Story")
    site.routes["/reset.html"] = Route(body=page, reset_after=len(page) // 2)
    url = f"http://{SITE}/reset.html"
    assert parity(tmp_path, url, *mirror(site))[:2] == (1, message(url, "connection_lost"))
    assert site.hit_paths().count("/reset.html") == 4  # tried twice by each


def test_a_body_shorter_than_its_content_length_is_a_lost_connection(tmp_path):
    """The server closes cleanly (FIN) half-way through the length it announced."""
    import socket
    import threading

    page = article("A Short Story")
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(page)
    srv = socket.create_server(("127.0.0.1", 0))
    paths: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            with conn:
                request = conn.recv(65536)
                paths.append(request.split(b" ")[1])
                body = b"" if b"robots.txt" in request else page[: len(page) // 2]
                conn.sendall((head.replace(b"%d" % len(page), b"0") if not body else head) + body)

    threading.Thread(target=serve, daemon=True).start()
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/short.html"
    try:
        assert parity(tmp_path, url, "--allow-private")[:2] == (1, message(url, "connection_lost"))
    finally:
        srv.close()
    assert paths.count(b"/short.html") == 4  # tried twice by each


def test_retry_after_a_503_and_a_refused_connection(tmp_path, site):
    site.routes["/busy.html"] = [Route(503, b"later", headers={"Retry-After": "1"}), Route(body=article("Busy")),
                                 Route(503, b"later", headers={"Retry-After": "1"}), Route(body=article("Busy"))]
    status, _, rec = parity(tmp_path, f"http://{SITE}/busy.html", *mirror(site))
    assert status == 0 and rec is not None and rec["title"] == "Busy"
    with FaultServer() as gone:
        port = gone.port
    url = f"http://127.0.0.1:{port}/a.html"
    assert parity(tmp_path, url, "--allow-private")[:2] == (1, message(url, "connection refused"))


def test_urls_scrapy_would_rewrite_go_through_scrapy(tmp_path, site):
    """A URL w3lib would rewrite (upper-case host, a space, non-ASCII) is fetched by Scrapy as before."""
    site.routes["/good.html"] = Route(body=article("A Good Story"))
    proc, loaded = lean(tmp_path, "http://NEWS.example/good.html", *mirror(site))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert loaded == ["scrapy", "twisted"]


def test_the_download_timeout_covers_the_whole_download(monkeypatch):
    """DOWNLOAD_TIMEOUT is for the whole download, as Scrapy's: a body dripping a byte at a time
    (each read well within the timeout) is cut at it."""
    import time

    from newsspider import quickfetch

    monkeypatch.setattr(quickfetch.S, "DOWNLOAD_TIMEOUT", 1.5)
    with FaultServer({"/drip.html": Route(body=b"x" * 100, drip=(1, 0.2))}) as srv:
        start = time.monotonic()
        with pytest.raises(quickfetch.Failed) as exc:
            quickfetch.Fetch(srv.url("/drip.html"), allow_private=True).download(quickfetch.Req(srv.url("/drip.html")))
        took = time.monotonic() - start
    assert exc.value.kind == "timeout" and exc.value.retry
    assert 1.4 < took < 5  # (the whole body would take 20 s)


def test_a_name_is_resolved_once_and_its_answer_checked():
    """The guard's answer for a name is the address the download connects to: a name answering
    127.0.0.1 (here: seeded in the resolver's cache, as a rebinding name's first answer) is
    refused, and nothing is looked up or sent again."""
    from newsspider import quickfetch

    fetch = quickfetch.Fetch("http://news.rebind.test/a.html")
    fetch._dns["news.rebind.test"] = "127.0.0.1"
    with pytest.raises(quickfetch.Failed) as exc:
        fetch.run(quickfetch.Req("http://news.rebind.test/a.html"))
    assert exc.value.kind == "private_address" and fetch.errors == {"private_address": 1}


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "rawdeflate", "br", "zstd"])
def test_every_encoding_stops_at_the_cap(encoding):
    """Scrapy's decompression limits for each Content-Encoding it accepts: a page inflating past
    DOWNLOAD_MAXSIZE is refused as too large, one just under it comes back whole."""
    import brotli

    from newsspider.quickfetch import Failed, Resp
    from newsspider.quickpage import decompress

    def pack(data: bytes) -> bytes:
        if encoding == "zstd":
            from backports import zstd

            return zstd.compress(data)
        if encoding == "rawdeflate":
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            return c.compress(data) + c.flush()
        return {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[encoding](data)

    header = "deflate" if encoding == "rawdeflate" else encoding
    cap = 1024 * 1024
    with pytest.raises(Failed) as exc:
        decompress(Resp("http://x.example/", 200, [("Content-Encoding", header)], pack(b"\0" * (cap + 1))), cap)
    assert exc.value.kind == "too_large"
    ok = decompress(Resp("http://x.example/", 200, [("Content-Encoding", header)], pack(b"a" * cap)), cap)
    assert ok.body == b"a" * cap and ok.getlist("Content-Encoding") == []
