"""One site, many workers: three worker processes on one Redis queue (real Redis, real crawls of a
generated local site with exact and near duplicates and tracking-parameter variants)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import pytest
from crawl_helpers import REPO, records
from scale_helpers import (
    ENV,
    crawl_args,
    fast_dir,
    merge,
    read_lines,
    redis_client,
    remove,
    start,
    worker_args,
)
from scale_site import build_site

from newsspider.demo.server import DemoServer
from newsspider.urls import normalize_url, strip_tracking

pytest.importorskip("scrapy_redis", reason="needs the scale extra")


@pytest.fixture(scope="module")
def big_site():
    root = fast_dir("site")
    groups = {normalize_url(u): normalize_url(g) for u, g in build_site(root / "site", n=2000).items()}
    with DemoServer(root / "site") as srv:
        yield srv, groups
    remove(root)


@pytest.fixture(scope="module")
def single_run(big_site):
    srv, _ = big_site
    out = fast_dir("single")
    proc = subprocess.run(crawl_args(out, srv.mirrors), cwd=REPO, capture_output=True, text=True,
                          timeout=600, env=ENV)
    assert proc.returncode == 0, proc.stderr[-3000:]
    yield read_lines(out / "articles.jsonl")
    remove(out)


def comparable(rec: dict[str, Any]) -> dict[str, Any]:
    """A record without what legitimately differs between two crawls of the same site: when it
    was fetched, and which tracking-parameter variant of its URL was fetched first."""
    out = {k: v for k, v in rec.items() if k not in ("fetched_at", "run_id")}
    out["url"] = strip_tracking(rec["url"])
    return out


def check_exactly_once(recs: list[dict[str, Any]], groups: dict[str, str]) -> None:
    per_group = Counter(groups[normalize_url(r["canonical_url"])] for r in recs)
    assert set(per_group) == set(groups.values()), f"lost: {len(set(groups.values()) - set(per_group))}"
    dup = {g: n for g, n in per_group.items() if n > 1}
    assert not dup, f"duplicated: {list(dup)[:5]}"


def test_three_workers_write_what_one_process_writes(big_site, single_run, redis_prefix):
    srv, groups = big_site
    out = fast_dir("three")
    procs: list[subprocess.Popen[bytes]] = []
    try:
        run = "equal"
        for i in (1, 2, 3):
            procs.append(start(worker_args(out, srv.mirrors, redis_prefix, run, f"w{i}"), out / f"w{i}.log"))
        for p in procs:
            assert p.wait(timeout=600) == 0
        logs = [(out / f"w{i}.log").read_text() for i in (1, 2, 3)]
        for log in logs:
            assert "Warning" not in log, log[-3000:]
        runs = records(out / "runs.jsonl")
        assert [r["finish_reason"] for r in runs] == ["finished"] * 3
        assert all(r["articles_new"] > 100 for r in runs), "every worker did a share of the work"
        merged = merge(out)
        assert merged.returncode == 0, merged.stderr
        assert "0 duplicates dropped, 0 partial lines skipped" in merged.stdout
        got = read_lines(out / "merged.jsonl")
        check_exactly_once(single_run, groups)
        check_exactly_once(got, groups)
        # pages with no copies: the very same records; duplicate groups: one member each (which one
        # depends on arrival order, in one process as in three)
        size = Counter(groups.values())
        originals = {u for u, g in groups.items() if size[g] == 1}
        want = sorted((comparable(r) for r in single_run if normalize_url(r["canonical_url"]) in originals), key=str)
        have = sorted((comparable(r) for r in got if normalize_url(r["canonical_url"]) in originals), key=str)
        assert len(want) == len(originals) > 1800
        assert have == want
        assert [r["fetched_at"] for r in got] == sorted(r["fetched_at"] for r in got), "merged in order"
        # the run removed its own keys when complete (only the fleet's per-host buckets remain)
        left = [k.decode() for k in redis_client().scan_iter(f"{redis_prefix}:demo:*")]
        assert left == []
    finally:
        for p in procs:  # a failed assertion leaves no worker running
            if p.poll() is None:
                p.kill()
            p.wait()
        remove(out)


@pytest.fixture(scope="module")
def kill_site():
    root = fast_dir("killsite")
    built = build_site(root / "site", n=500, exact=20, near=20, tracking=20, seed=11)
    groups = {normalize_url(u): normalize_url(g) for u, g in built.items()}
    with DemoServer(root / "site", delay=0.01) as srv:
        yield srv, groups
    remove(root)


def lines_in(path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_mid_crawl(proc: subprocess.Popen[bytes], inflight_key: str, part, records_first: int,
                   deadline: float) -> int:
    """SIGKILL `proc` once its part file holds `records_first` records, at a moment when it holds
    requests in flight (checked while it is stopped with SIGSTOP, so the check stays true until
    the kill). Returns how many it held. The run cannot complete until a survivor reaps them."""
    r = redis_client()
    try:
        while time.time() < deadline:
            assert proc.poll() is None, f"the victim finished before writing {records_first} records"
            if lines_in(part) >= records_first:
                proc.send_signal(signal.SIGSTOP)
                held = int(r.hlen(inflight_key))
                if held:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    return held
                proc.send_signal(signal.SIGCONT)
            time.sleep(0.02)
    finally:
        r.close()
    raise AssertionError(f"the victim never held requests in flight after {records_first} records")


@pytest.mark.parametrize("rep", [1, 2, 3])
def test_kill_9_one_of_three_workers_loses_and_duplicates_nothing(kill_site, redis_prefix, rep):
    """kill -9 one worker mid-crawl (after a random number of its records, while it holds requests
    in flight); a survivor reaps it after NEWSSPIDER_WORKER_TIMEOUT (3 s), queues its requests
    again, and the merged output holds every article exactly once."""
    srv, groups = kill_site
    seed = int(os.environ.get("NEWSSPIDER_KILL_SEED", time.time())) + rep
    rng = random.Random(seed)
    out = fast_dir(f"kill{rep}")
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for i in (1, 2, 3):
            procs[f"w{i}"] = start(worker_args(out, srv.mirrors, redis_prefix, "kill", f"w{i}"), out / f"w{i}.log")
        victim = rng.choice(sorted(procs))
        part = out / "articles.jsonl.parts" / f"{victim}.jsonl"
        after = rng.randint(1, 40)
        held = kill_mid_crawl(procs[victim], f"{redis_prefix}:demo:kill:inflight:{victim}", part, after,
                              time.time() + 300)
        for name, p in procs.items():
            if name != victim:
                assert p.wait(timeout=600) == 0, (out / f"{name}.log").read_text()[-3000:]
        merged = merge(out)
        assert merged.returncode == 0, merged.stderr
        got = read_lines(out / "merged.jsonl")  # no partial line
        check_exactly_once(got, groups)
        assert len(got) == len(set(groups.values()))
        survivors = "".join((out / f"{n}.log").read_text() for n in procs if n != victim)
        print(f"seed {seed}: killed {victim} after {after} records holding {held} requests; "
              f"its part held {len(read_lines(part))} records", file=sys.stderr)
        assert f"worker {victim} of run kill missed its heartbeat" in survivors, f"not reaped (seed {seed})"
        assert [k for k in redis_client().scan_iter(f"{redis_prefix}:demo:*")] == []
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.kill()
            p.wait()
        remove(out)


def test_crawl_workers_command_runs_and_merges(tmp_path, redis_prefix):
    """newsspider crawl demo --workers 2: two processes, one merged output, the demo's articles once."""
    from crawl_helpers import expected_demo_count

    out = fast_dir("cli")
    try:
        with DemoServer() as srv:
            proc = subprocess.run(
                [sys.executable, "-m", "newsspider.cli", "crawl", "demo", "--workers", "2",
                 "--mirror", f"kpopdemo.example={srv.base_url}", "-o", str(out / "articles.jsonl"),
                 "--state", str(out / "state" / "seen.sqlite"), "-s", f"NEWSSPIDER_RUNS={out / 'runs.jsonl'}",
                 "-s", f"NEWSSPIDER_REDIS_PREFIX={redis_prefix}", "-s", "AUTOTHROTTLE_ENABLED=False"],
                cwd=REPO, capture_output=True, text=True, timeout=300, env=ENV)
        assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout
        assert "2 workers" in proc.stdout and "finished" in proc.stdout
        got = read_lines(out / "articles.jsonl")
        assert len(got) == len({r["canonical_url"] for r in got}) == expected_demo_count()
        assert sorted(p.name for p in (out / "articles.jsonl.parts").iterdir()) == ["w1.jsonl", "w2.jsonl"]
        runs = records(out / "runs.jsonl")
        assert {r["worker"] for r in runs} == {"w1", "w2"}
        assert len({r["run_id"] for r in runs} | {r["run_id"] for r in got}) == 1, "one run id for all"
    finally:
        remove(out)


def test_a_worker_killed_at_the_end_holding_nothing_is_reaped_and_the_run_keys_deleted(redis_prefix):
    """A worker that dies when the run is complete (nothing in flight, nothing queued) does not
    hold the run open, so the survivors used to close before its heartbeat timed out: nobody
    reaped it and the run's Redis keys stayed forever (the last worker out deletes them). Here
    the dead worker is a registered name whose heartbeat the test keeps fresh until the real
    worker has written every article, then stops; the worker must wait, reap it, and clean up."""
    import threading

    from crawl_helpers import expected_demo_count

    r = redis_client()
    run = "ghostrun"
    workers_key = f"{redis_prefix}:demo:{run}:workers"
    out = fast_dir("ghost")
    stop_beating = threading.Event()

    def ghost_heartbeat() -> None:
        while not stop_beating.is_set():
            sec, usec = r.time()
            r.zadd(workers_key, {"ghost": int(sec) * 1000 + int(usec) // 1000})
            stop_beating.wait(0.2)

    beat = threading.Thread(target=ghost_heartbeat, daemon=True)
    beat.start()
    proc = None
    try:
        with DemoServer() as srv:
            proc = start(worker_args(out, srv.mirrors, redis_prefix, run, "w1"), out / "w1.log")
            part = out / "articles.jsonl.parts" / "w1.jsonl"
            deadline = time.time() + 300
            while lines_in(part) < expected_demo_count() and proc.poll() is None:
                assert time.time() < deadline, "the worker did not write the demo's articles"
                time.sleep(0.05)
            stop_beating.set()  # the ghost dies now, holding nothing
            beat.join()
            assert proc.wait(timeout=120) == 0, (out / "w1.log").read_text()[-3000:]
        assert lines_in(part) == expected_demo_count()
        log = (out / "w1.log").read_text()
        assert f"worker ghost of run {run} missed its heartbeat" in log, log[-3000:]
        assert [k for k in r.scan_iter(f"{redis_prefix}:demo:*")] == []
    finally:
        stop_beating.set()
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        r.close()
        remove(out)
