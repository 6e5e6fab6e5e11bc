"""A real crawl of a site with one injected fault at a time (tests/faultserver.py): for each
fault the crawl finishes, the fault is counted under its own name, the crawl's memory stays
under a bound, and every good article of the site is written (and the faulty page's own
article too, when its fault is a bad value rather than a bad fetch)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

import pytest
from crawl_helpers import crawl, last_run, measured, peak_rss_mb, records
from faultserver import FaultServer, Route, gzip_bomb

HOST = "faults.example"
MEMORY_BOUND_MB = 450
WORDS = ("agency concert tour album single stage fans tickets city night song video chart record "
         "member leader drama episode rating cast studio label producer showcase festival "
         "interview broadcast award season teaser schedule comeback choreography").split()


def paragraphs(title: str, n: int = 5) -> list[str]:
    rnd = random.Random(title)
    return [" ".join(rnd.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(n)]


def article(title: str, head: str = "", inner: str = "", wrap: tuple[str, str] = ("", ""),
            charset: str = "utf-8") -> str:
    paras = "".join(f"<p>{p}</p>" for p in paragraphs(title))
    return (f"<!doctype html><html><head><meta charset='{charset}'><title>{title}</title>{head}</head>"
            f"<body>{wrap[0]}<article><h1>{title}</h1>{paras}{inner}</article>{wrap[1]}</body></html>")


def page(title: str, **kw: Any) -> Route:
    return Route(body=article(title, **kw).encode("utf-8", "surrogatepass"))


GOOD = {f"/good-{i}.html": f"Good Story Number {name}" for i, name in enumerate(("One", "Two", "Three"), 1)}
KOREAN = "블랙핑크가 새 앨범을 발표했다. 팬들은 콘서트 소식에 환호했다."
FLIGHT = json.dumps([1, "<p>Payload text.</p></body><body><p>A second body.</p>"])


@dataclass
class Fault:
    routes: dict[str, Route | list[Route]]
    counted: str  # "errors/<kind>" (run log) or a stats key
    written: str | None = None  # the faulty page's own article, when it must be exported
    settings: dict[str, Any] = field(default_factory=dict)
    check: Any = None  # extra check on the written record


def _r(n: int) -> dict[str, Route | list[Route]]:
    return {f"/hop/{i}": Route(302, headers={"Location": f"/hop/{i + 1}"}) for i in range(n)}


FAULTS: dict[str, Fault] = {
    "slow_drip": Fault({"/f": Route(body=article("Drip").encode(), drip=(64, 0.4))}, "errors/timeout",
                       settings={"DOWNLOAD_TIMEOUT": 2}),
    "reset_mid_body": Fault({"/f": Route(body=article("Reset").encode(), reset_after=300)},
                            "errors/connection_lost"),
    "wrong_content_type": Fault({"/f": Route(body=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
                                             ctype="text/html")}, "errors/not_html"),
    "gzip_bomb": Fault({"/f": Route(body=gzip_bomb(1 << 30), headers={"Content-Encoding": "gzip"})},
                       "errors/too_large"),
    "huge_page": Fault({"/f": Route(stream=64 << 20)}, "errors/too_large"),
    "big_page": Fault({"/f": page("Big Page Story", inner="<div>" + "<p>More and more words here.</p>" * 300_000
                                  + "</div>")}, "newsspider/input/html_truncated", written="Big Page Story"),
    "redirect_loop": Fault({"/f": Route(302, headers={"Location": "/f2"}),
                            "/f2": Route(302, headers={"Location": "/f"})}, "errors/redirect_loop"),
    "too_many_redirects": Fault({"/f": Route(302, headers={"Location": "/hop/0"}), **_r(30)},
                                "errors/too_many_redirects"),
    "redirect_to_internal": Fault({"/f": Route(302, headers={"Location": "http://127.0.0.1:9/admin"})},
                                  "errors/offsite_redirect"),
    "meta_refresh_to_metadata_service": Fault(
        {"/f": page("Moved", head="<meta http-equiv='refresh' content='0;url=http://127.0.0.2:9/latest/meta-data/'>")},
        "errors/offsite_redirect"),
    "429_retry_after": Fault({"/f": [Route(429, b"slow down", headers={"Retry-After": "1"}), page("Busy Story")]},
                             "newsspider/retry_after_waits", written="Busy Story"),
    "503": Fault({"/f": Route(503, b"down")}, "errors/http_503"),
    "bad_charset": Fault({"/f": Route(body=article("Charset Story", inner=f"<p>{KOREAN}</p>").encode("cp949"))},
                         "newsspider/input/charset_mismatch", written="Charset Story",
                         check=lambda r: KOREAN in r["body"]),
    "invalid_dates": Fault({"/f": page("Dated Story", head="<meta property='article:published_time' "
                                                           "content='2026-02-30T09:00:00+09:00'>")},
                           "newsspider/input/unreadable_date", written="Dated Story",
                           check=lambda r: r["published"] is None),
    "deep_nesting": Fault({"/f": page("Deep Story", wrap=("<div>" * 100_000, "</div>" * 100_000))},
                          "newsspider/input/deep_nesting", written="Deep Story"),
    "second_body_in_payload": Fault(
        {"/f": page("Payload Story", inner=f"<script>self.__next_f.push({FLIGHT})</script>")},
        "newsspider/pages_extracted", written="Payload Story"),
    "xml_incompatible_char": Fault(
        {"/f": page("Odd Char Story", inner="<div class='ad-slot'><script>x()</script>tail \uffff\ud800</div>")},
        "newsspider/pages_extracted", written="Odd Char Story"),
    "empty_page": Fault({"/f": Route(body=b"")}, "newsspider/dropped/no_title"),
}


def counted(fault: Fault, run: dict[str, Any], log: str) -> int:
    if fault.counted.startswith("errors/"):
        return int(run["errors"].get(fault.counted.split("/", 1)[1], 0))
    import re

    m = re.search(rf"'{re.escape(fault.counted)}': (\d+)", log)
    return int(m[1]) if m else 0


@pytest.mark.parametrize("name", list(FAULTS))
def test_one_fault(tmp_path, name):
    fault = FAULTS[name]
    routes: dict[str, Route | list[Route]] = {p: page(t) for p, t in GOOD.items()}
    routes.update(fault.routes)
    with FaultServer(routes) as srv:
        urls = ",".join(f"http://{HOST}{p}" for p in [*GOOD, "/f"])
        proc = crawl("article", tmp_path, {HOST: srv.base_url}, "-a", f"urls={urls}",
                     settings={"RETRY_TIMES": 1, "DOWNLOAD_TIMEOUT": 20, **fault.settings}, timeout=240,
                     **measured())
    assert proc.returncode == 0, proc.stderr[-3000:]
    run = last_run(tmp_path)
    assert run["finish_reason"] == "finished", run
    assert counted(fault, run, proc.stderr) >= 1, (fault.counted, run)
    out = {r["title"]: r for r in records(tmp_path / "articles.jsonl")}
    expected = set(GOOD.values()) | ({fault.written} if fault.written else set())
    assert set(out) == expected, (sorted(out), run)
    for title in GOOD.values():
        assert all(p in out[title]["body"] for p in paragraphs(title))
    if fault.check:
        assert fault.check(out[fault.written])
    assert peak_rss_mb(proc) < MEMORY_BOUND_MB, peak_rss_mb(proc)
