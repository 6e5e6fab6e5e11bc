"""Politeness is shared: the per-host rate and concurrency limits hold for the whole fleet, so three
workers do not hit a site three times harder than one (measured at the site)."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from scale_helpers import (
    fast_dir,
    remove,
    start,
    worker_args,
)
from scale_site import build_site

from newsspider.demo import server as demo_server
from newsspider.demo.server import DemoServer

pytest.importorskip("scrapy_redis", reason="needs the scale extra")
RATE = 12.0
CONCURRENCY = 2


class Meter:
    """Request times and the most requests in progress at once, seen by the site."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.active = self.peak = 0

    def wrap(self, do_get):  # type: ignore[no-untyped-def]
        meter = self

        def do_GET(handler, head: bool = False) -> None:  # noqa: N802
            with meter.lock:
                if "/scale-story-" in handler.path:
                    meter.times.append(time.monotonic())
                meter.active += 1
                meter.peak = max(meter.peak, meter.active)
            try:
                do_get(handler, head)
            finally:
                with meter.lock:
                    meter.active -= 1
        return do_GET

    def rate(self) -> float:
        t = sorted(self.times)
        return (len(t) - 1) / (t[-1] - t[0])


def crawl_with(workers: int, root, prefix: str, monkeypatch) -> Meter:  # type: ignore[no-untyped-def]
    meter = Meter()
    monkeypatch.setattr(demo_server._Handler, "do_GET", meter.wrap(demo_server._Handler.do_GET))
    out = fast_dir(f"polite{workers}")
    try:
        with DemoServer(root, delay=0.02) as srv:
            procs = [start(worker_args(out, srv.mirrors, prefix, f"polite{workers}", f"w{i}",
                                       "-s", f"NEWSSPIDER_FLEET_RATE={RATE}",
                                       "-s", f"NEWSSPIDER_FLEET_CONCURRENCY={CONCURRENCY}"), out / f"w{i}.log")
                     for i in range(1, workers + 1)]
            for i, p in enumerate(procs, 1):
                assert p.wait(timeout=300) == 0, (out / f"w{i}.log").read_text()[-2000:]
    finally:
        remove(out)
    monkeypatch.undo()
    return meter


def test_one_and_three_workers_hit_the_site_at_the_same_rate(redis_prefix, monkeypatch):
    root = fast_dir("politesite")
    try:
        build_site(root, n=100, exact=0, near=0, tracking=0, sitemaps=1)
        one = crawl_with(1, root, redis_prefix, monkeypatch)
        three = crawl_with(3, root, redis_prefix, monkeypatch)
    finally:
        remove(root)
    print(f"\nrequest rate at the site, limit {RATE}/s: 1 worker {one.rate():.1f}/s, "
          f"3 workers {three.rate():.1f}/s; most concurrent requests {one.peak} / {three.peak} "
          f"(limit {CONCURRENCY})", file=sys.stderr)
    assert len(one.times) == len(three.times) == 100
    for m in (one, three):
        assert m.rate() <= RATE * 1.1
        assert m.peak <= CONCURRENCY
