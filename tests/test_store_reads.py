"""The seen-store reads of the middlewares (SeenFilterMiddleware: which listed articles were
exported, and when; ConditionalRequestMiddleware: a feed's validators) do not block Scrapy's
reactor: with PostgreSQL a read can wait on another session's lock, and the process must go on
downloading and parsing meanwhile (issue #14).

Each case runs tests/reactor_probe.py in a subprocess (one reactor per process): another
session holds an ACCESS EXCLUSIVE lock on the table the middleware reads, and only the reactor
releases it, once it sees the middleware's session waiting for it. If the read ran on the
reactor thread, the reactor could not run until the probe's watchdog released the lock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import pg_schema_url

from newsspider.store import open_store

PROBE = Path(__file__).with_name("reactor_probe.py")
KNOWN = "https://fan.example/news/known-story"
NEW = "https://fan.example/news/new-story"
FEED = "https://fan.example/feed.xml"


def prepared_store(request) -> str:
    state = pg_schema_url(request)
    store = open_store(state)
    try:
        with store.transaction():
            store.add({"url": KNOWN, "canonical_url": KNOWN, "content_hash": "ab" * 16, "version": 1,
                       "fetched_at": "2026-11-01T00:00:00+00:00"}, b"")
        store.set_validators({FEED: ('"v1"', None)})
    finally:
        store.close()
    return state


def probe(state: str, which: str) -> dict:
    proc = subprocess.run([sys.executable, str(PROBE), state, which], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONWARNINGS": "error"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("which", ["seen", "conditional"])
def test_store_read_waiting_on_a_lock_leaves_the_reactor_running(which, request):
    out = probe(prepared_store(request), which)
    assert "error" not in out, out
    # the reactor ran while the read waited: it saw the waiting lock and released it
    assert out["released_by"] == "reactor", out
    # ... because the store was read on a thread of its own
    assert out["read_threads"] and out["reactor_thread"] not in out["read_threads"], out
    # and the middleware's answer is the same as it was on the reactor thread
    if which == "seen":
        assert out["kept"] == [NEW]
    else:
        assert out["if_none_match"] == '"v1"'
    assert out["closed"]
