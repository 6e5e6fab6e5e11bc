"""The site lease in Redis: one run of a site at a time across machines (here: processes with
separate state folders, as on two machines), and a killed holder's lease expires within its TTL."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest
from crawl_helpers import REPO, records
from scale_helpers import (
    ENV,
    REDIS_URL,
    crawl_args,
    fast_dir,
    redis_client,
    remove,
    start,
)
from store_helpers import pg_schema_url

from newsspider.demo.server import DemoServer

pytest.importorskip("redis", reason="needs the scale extra")
TTL = 3.0


def lease_args(out, mirrors, prefix, *extra):
    return crawl_args(out, mirrors, "-s", f"NEWSSPIDER_REDIS_URL={REDIS_URL}", "-s",
                      f"NEWSSPIDER_REDIS_PREFIX={prefix}", "-s", f"NEWSSPIDER_LEASE_TTL={TTL}",
                      "-s", "CONCURRENT_REQUESTS=2", *extra)


def test_a_second_run_anywhere_is_refused_and_a_killed_holders_lease_expires(redis_prefix):
    r = redis_client()
    key = f"{redis_prefix}:lease:demo"
    dirs = [fast_dir(f"lease{i}") for i in range(3)]
    holder = None
    try:
        with DemoServer(delay=0.3) as srv:
            holder = start(lease_args(dirs[0], srv.mirrors, redis_prefix), dirs[0] / "log")
            deadline = time.time() + 60
            while r.get(key) is None and time.time() < deadline:
                time.sleep(0.05)
            assert r.get(key) is not None, (dirs[0] / "log").read_text()[-2000:]
            # another "machine": its own state folder (so its flock would not see the holder);
            # the site answers nothing meanwhile, so the holder is still crawling (and renewing
            # its lease) however slowly the second run starts
            with srv.paused():
                second = subprocess.run(lease_args(dirs[1], srv.mirrors, redis_prefix), cwd=REPO,
                                        capture_output=True, text=True, timeout=120, env=ENV)
                assert holder.poll() is None, "the first run should still be crawling"
            assert "another crawl of site 'demo' is running" in second.stderr
            assert records(dirs[1] / "runs.jsonl")[-1]["finish_reason"] == "already_running"
            assert records(dirs[1] / "runs.jsonl")[-1]["pages_fetched"] == 0

            holder.send_signal(signal.SIGKILL)
            holder.wait()
            killed_at = time.monotonic()
            assert r.get(key) is not None, "a lease, not a lock: it outlives its holder until it expires"
            while r.get(key) is not None and time.monotonic() - killed_at < TTL + 5:
                time.sleep(0.05)
            expired_after = time.monotonic() - killed_at
            assert expired_after <= TTL + 0.5, expired_after
            third = subprocess.run(lease_args(dirs[2], srv.mirrors, redis_prefix), cwd=REPO,
                                   capture_output=True, text=True, timeout=300, env=ENV)
            assert third.returncode == 0, third.stderr[-2000:]
            assert records(dirs[2] / "runs.jsonl")[-1]["finish_reason"] == "finished"
        assert r.get(key) is None, "a finished run releases its lease"
    finally:
        stop(holder)
        for d in dirs:
            remove(d)


def test_without_redis_the_lease_is_a_postgresql_advisory_lock(request):
    """A fleet that shares a PostgreSQL store but no Redis: the site lease is an advisory lock of
    the holder's session, refused to a second run anywhere, gone the moment the holder is killed."""
    state = pg_schema_url(request)
    dirs = [fast_dir(f"pglease{i}") for i in range(3)]
    holder = None
    try:
        with DemoServer(delay=0.3) as srv:
            pg = ("-s", f"NEWSSPIDER_STATE={state}", "-s", "CONCURRENT_REQUESTS=2")
            holder = start(crawl_args(dirs[0], srv.mirrors, *pg), dirs[0] / "log")
            wait_for_pg_lease(state, holder, dirs[0] / "log")
            # "another machine": another working folder, so the per-machine flock (data/state/locks
            # under the working folder for a PostgreSQL store) is not shared; the site answers
            # nothing meanwhile, so the holder is still crawling however slowly the second starts
            other = {**ENV, "SCRAPY_SETTINGS_MODULE": "newsspider.settings"}
            with srv.paused():
                second = subprocess.run(crawl_args(dirs[1], srv.mirrors, *pg), cwd=dirs[1], capture_output=True,
                                        text=True, timeout=120, env=other)
                assert holder.poll() is None, "the first run should still be crawling"
            assert "another crawl of site 'demo' is running" in second.stderr
            assert "PostgreSQL advisory lock" in second.stderr
            assert records(dirs[1] / "runs.jsonl")[-1]["finish_reason"] == "already_running"
            holder.send_signal(signal.SIGKILL)
            holder.wait()
            third = subprocess.run(crawl_args(dirs[2], srv.mirrors, *pg), cwd=dirs[2], capture_output=True,
                                   text=True, timeout=300, env=other)
            assert third.returncode == 0, third.stderr[-2000:]
            assert records(dirs[2] / "runs.jsonl")[-1]["finish_reason"] == "finished"
    finally:
        stop(holder)
        for d in dirs:
            remove(d)


def test_a_run_whose_redis_lease_was_taken_over_stops(redis_prefix):
    """A holder that stalled past its lease (another run took the site) stops instead of
    crawling alongside the new owner."""
    r = redis_client()
    key = f"{redis_prefix}:lease:demo"
    out = fast_dir("leaselost")
    holder = None
    try:
        with DemoServer(delay=0.3) as srv:
            holder = start(lease_args(out, srv.mirrors, redis_prefix), out / "log")
            deadline = time.time() + 60
            while r.get(key) is None and time.time() < deadline:
                assert holder.poll() is None, (out / "log").read_text()[-2000:]
                time.sleep(0.05)
            with srv.paused():  # the holder cannot finish before another run takes its lease
                assert holder.poll() is None
                r.set(key, "another-run", px=60_000)
                taken = time.monotonic()
            assert holder.wait(timeout=60) == 0
            assert time.monotonic() - taken < 15
        run = records(out / "runs.jsonl")[-1]
        assert run["finish_reason"] == "lease_lost"
        assert r.get(key) == b"another-run", "the new owner's lease is left alone"
    finally:
        stop(holder)
        remove(out)


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    """A crawl a failed assertion left running is killed (and reaped)."""
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()


def wait_for_pg_lease(state: str, holder: subprocess.Popen[bytes], log, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Until the holder's session holds the site's advisory lock (pg_locks)."""
    import psycopg

    from newsspider.distributed.lease import PgLease

    lease = PgLease(state, "demo", "test")
    deadline = time.monotonic() + timeout
    with psycopg.connect(lease.dsn, autocommit=True) as db:
        while not db.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = %s "
                             "AND objid = %s AND granted", (lease.CLASS_ID, lease.key & 0xFFFFFFFF)).fetchone()[0]:
            assert holder.poll() is None, log.read_text()[-2000:]
            assert time.monotonic() < deadline, "the holder never took the PostgreSQL lease"
            time.sleep(0.05)
