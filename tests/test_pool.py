"""Extraction in worker processes (newsspider/pool.py), checked with real crawls of the demo site:
the same records as in-process extraction; a page that never finishes, raises, or whose worker
is killed loses nothing else (and is itself kept, retried or counted); no worker outlives the
crawl. Misbehaving pages come from the NEWSSPIDER_TEST_FAULT hook (newsspider/extraction.py), so
the tests do not depend on how fast the extractors are."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from crawl_helpers import (
    REPO,
    crawl,
    crawl_cmd,
    demo_labels,
    expected_demo_count,
    last_run,
    records,
)

from newsspider.demo.server import DemoServer
from newsspider.urls import normalize_url

VOLATILE = ("fetched_at", "run_id")
LABELS = {lab["url"]: lab for lab in demo_labels()}
# articles with quotes and releases, none of them in a duplicate group
# (as normalised URLs: an article may be fetched first under a tracking variant of its URL)
PLAIN = [normalize_url(u) for u, lab in LABELS.items()
         if not lab.get("dup_group") and lab.get("quotes") and lab.get("releases")]


def stat(log: str, key: str) -> int:
    m = re.search(rf"'newsspider/{re.escape(key)}': (\d+)", log)
    return int(m[1]) if m else 0


def by_url(path: Path) -> dict[str, dict[str, Any]]:
    return {normalize_url(r["url"]): {k: v for k, v in r.items() if k not in VOLATILE} for r in records(path)}


GROUPS = {lab["dup_group"] for lab in LABELS.values() if lab.get("dup_group")}
GROUP_OF = {normalize_url(u): lab["dup_group"] for u, lab in LABELS.items() if lab.get("dup_group")}


def by_key(path: Path) -> dict[str, dict[str, Any]]:
    """Records by article: the URL fetched first among its tracking variants (utm_*, fbclid)
    depends on fetch order, so it is left out of the comparison."""
    out = {}
    for r in records(path):
        key = GROUP_OF.get(r["url_key"], r["url_key"])
        out[key] = {k: v for k, v in r.items() if k not in (*VOLATILE, "url")}
    return out


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def run(tmp: Path, srv: DemoServer, workers: int, fault: str = "", **settings: Any) -> subprocess.CompletedProcess[str]:
    env = {"NEWSSPIDER_TEST_FAULT": fault} if fault else None
    return crawl("news", tmp, srv.mirrors, "-a", "site=demo", env=env, timeout=240,
                 settings={"NEWSSPIDER_EXTRACT_WORKERS": workers, **settings})


def test_two_workers_write_the_records_of_in_process_extraction(tmp_path):
    with DemoServer() as srv:
        inproc = run(tmp_path / "w0", srv, 0)
        pooled = run(tmp_path / "w2", srv, 2)
    for proc in (inproc, pooled):
        assert proc.returncode == 0, proc.stderr[-3000:]
    assert stat(inproc.stderr, "extract_workers_started") == 0
    assert stat(pooled.stderr, "extract_workers_started") == 2
    a, b = by_key(tmp_path / "w0" / "articles.jsonl"), by_key(tmp_path / "w2" / "articles.jsonl")
    assert len(a) == expected_demo_count()
    assert a.keys() == b.keys()
    for k in a:
        if k in GROUPS:  # the two copies of a syndicated story: the first to finish is kept
            assert a[k]["title"] == b[k]["title"]
        else:
            assert a[k] == b[k], k
    assert sum(len(r["quotes"]) for r in b.values()) > 50 and sum(len(r["releases"]) for r in b.values()) > 40


def test_a_page_that_never_finishes_is_stopped_and_the_crawl_goes_on(tmp_path):
    """A page stuck in body extraction is refused (counted, left for the next run, which exports
    it); one stuck in quotes is exported without quotes; the rest of the site is written and the
    run ends in bounded time."""
    stuck_body, stuck_quotes = PLAIN[0], PLAIN[1]
    fault = f"body:sleep=600:{path_of(stuck_body)};quotes:sleep=600:{path_of(stuck_quotes)}"
    tmp = tmp_path / "run"
    with DemoServer() as srv:
        start = time.monotonic()
        first = run(tmp, srv, 2, fault, NEWSSPIDER_EXTRACT_TIMEOUT=3, NEWSSPIDER_RETRY_BACKOFF=0)
        took = time.monotonic() - start
        assert first.returncode == 0, first.stderr[-3000:]
        out = by_url(tmp / "articles.jsonl")
        assert took < 120, took
        assert stat(first.stderr, "extract_timeout") == 2
        assert last_run(tmp)["dropped"] == {"extract_timeout": 1}
        assert stuck_body not in out
        assert len(out) == expected_demo_count() - 1
        kept = out[stuck_quotes]
        assert kept["quotes"] == [] and kept["releases"] == [] and kept["body"]
        assert kept["extraction_errors"] == ["quotes: timeout", "releases: timeout"]
        assert all(r["extraction_errors"] == [] for u, r in out.items() if u != stuck_quotes)
        assert sum(bool(r["quotes"]) for u, r in out.items() if u != stuck_quotes) >= len(out) - 3
        second = run(tmp, srv, 2, NEWSSPIDER_RETRY_BACKOFF=0)  # the refused page is retried
    assert second.returncode == 0, second.stderr[-3000:]
    out = by_url(tmp / "articles.jsonl")
    assert stuck_body in out and out[stuck_body]["quotes"]
    assert len(out) == expected_demo_count()


def test_over_the_cpu_budget_the_optional_stages_are_skipped(tmp_path):
    slow = PLAIN[2]
    with DemoServer() as srv:
        proc = run(tmp_path, srv, 2, f"body:spin=1.5:{path_of(slow)}", NEWSSPIDER_EXTRACT_BUDGET=1)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = by_url(tmp_path / "articles.jsonl")
    assert len(out) == expected_demo_count()
    assert out[slow]["body"] and out[slow]["quotes"] == [] and out[slow]["releases"] == []
    assert out[slow]["extraction_errors"] == ["quotes: budget", "releases: budget"]
    assert stat(proc.stderr, "extract_overrun") == 1
    assert sum(bool(r["quotes"]) for u, r in out.items() if u != slow) >= len(out) - 3


def descendants(pid: int) -> list[int]:
    """Every process under `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat_line = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat_line.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def workers_of(pid: int) -> list[int]:
    """The extraction workers of a crawl: the children of its fork server."""
    procs = descendants(pid)
    servers = [p for p in procs if "forkserver" in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")]
    return [w for s in servers for w in descendants(s)]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_killing_extraction_workers_mid_crawl_loses_no_article(tmp_path):
    """SIGKILL to a busy worker: the page it held runs again in a new worker. Every article is
    pulled through a 0.3 s pause in extraction so that the workers are busy when killed; no
    worker is left when the crawl ends."""
    tmp = tmp_path / "run"
    env = {**os.environ, "NEWSSPIDER_TEST_FAULT": "quotes:sleep=0.3:/"}
    seen: set[int] = set()
    kills: list[int] = []
    tmp.mkdir()
    with DemoServer() as srv, open(tmp / "crawl.log", "w") as log:
        proc = subprocess.Popen(crawl_cmd(tmp, srv.mirrors, "-s", "NEWSSPIDER_EXTRACT_WORKERS=2",
                                          "-s", "LOG_LEVEL=INFO"),
                                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            workers = workers_of(proc.pid)
            seen.update(workers)
            if workers and len(kills) < 3:
                victim = workers[len(kills) % len(workers)]
                os.kill(victim, signal.SIGKILL)
                kills.append(victim)
                time.sleep(1.0)  # a retried page is done before the next kill
            time.sleep(0.1)
        assert proc.wait(timeout=120) == 0
    stderr = (tmp / "crawl.log").read_text()
    assert len(kills) >= 2, stderr[-3000:]
    assert stat(stderr, "extract_retried") >= 1, stderr[-3000:]
    assert stat(stderr, "extract_worker_lost") == 0
    assert stat(stderr, "extract_workers_started") >= 2 + len(kills)
    out = by_url(tmp / "articles.jsonl")
    assert len(out) == expected_demo_count()
    assert last_run(tmp)["dropped"] == {}
    time.sleep(1.0)
    assert not [p for p in seen if alive(p)], "extraction workers left after the crawl"


def test_a_page_whose_worker_dies_twice_is_left_for_the_next_run(tmp_path):
    dies = PLAIN[3]
    tmp = tmp_path / "run"
    with DemoServer() as srv:
        first = run(tmp, srv, 2, f"metadata:exit:{path_of(dies)}", NEWSSPIDER_RETRY_BACKOFF=0)
        assert first.returncode == 0, first.stderr[-3000:]
        assert stat(first.stderr, "extract_retried") == 1
        assert stat(first.stderr, "extract_worker_lost") == 1
        assert last_run(tmp)["dropped"] == {"extract_worker_lost": 1}
        assert dies not in by_url(tmp / "articles.jsonl")
        second = run(tmp, srv, 2, NEWSSPIDER_RETRY_BACKOFF=0)
    assert second.returncode == 0, second.stderr[-3000:]
    out = by_url(tmp / "articles.jsonl")
    assert dies in out and len(out) == expected_demo_count()


@pytest.mark.parametrize("workers", [0, 2])
def test_an_extraction_error_is_counted_and_the_rest_is_exported(tmp_path, workers):
    no_releases, no_body = PLAIN[4], PLAIN[5]
    fault = f"releases:raise:{path_of(no_releases)};body:raise:{path_of(no_body)}"
    with DemoServer() as srv:
        proc = run(tmp_path, srv, workers, fault)
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_log = last_run(tmp_path)
    assert run_log["finish_reason"] == "finished"
    assert stat(proc.stderr, "extraction_errors") == 2
    assert run_log["errors"] == {"body": 1, "releases": 1}
    assert run_log["dropped"] == {"body_error": 1}
    assert "InjectedFault: test fault in releases" in proc.stderr
    out = by_url(tmp_path / "articles.jsonl")
    assert no_body not in out and len(out) == expected_demo_count() - 1
    assert out[no_releases]["releases"] == [] and out[no_releases]["quotes"]
    assert out[no_releases]["extraction_errors"] == ["releases: InjectedFault"]
    assert all(r["extraction_errors"] == [] for u, r in out.items() if u != no_releases)
    assert sum(bool(r["releases"]) for u, r in out.items() if u != no_releases) >= len(out) - 6


def test_fetch_starts_no_worker(tmp_path):
    url = next(iter(LABELS))
    with DemoServer() as srv:
        proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "fetch", url, "--allow-private",
                               "--mirror", f"kpopdemo.example={srv.base_url}", "--log-level", "INFO"],
                              cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "worker processes" not in proc.stderr
    assert stat(proc.stderr, "extract_workers_started") == 0
    assert '"quotes"' in proc.stdout


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_kill_9_of_the_crawl_leaves_no_extraction_process(tmp_path):
    """The fork server and the workers notice that the crawl is gone and exit."""
    with DemoServer(delay=0.3) as srv:
        proc = subprocess.Popen(crawl_cmd(tmp_path, srv.mirrors, "-s", "NEWSSPIDER_EXTRACT_WORKERS=2"),
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(workers_of(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        started = descendants(proc.pid)
        assert len(workers_of(proc.pid)) == 2, "the crawl ended before its workers started"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while [p for p in started if alive(p)] and time.monotonic() < deadline:
            time.sleep(0.2)
    assert not [p for p in started if alive(p)], "processes left behind by a killed crawl"


def test_a_stopped_crawl_does_not_time_its_pages_out(tmp_path):
    """SIGSTOP of the crawl process for longer than the time limit, then SIGCONT: the pages its
    workers finished meanwhile are read, none is taken for a timeout (they were, before)."""
    tmp = tmp_path / "run"
    tmp.mkdir()
    env = {**os.environ, "NEWSSPIDER_TEST_FAULT": "quotes:sleep=0.5:/"}
    with DemoServer() as srv, open(tmp / "crawl.log", "w") as log:
        proc = subprocess.Popen(crawl_cmd(tmp, srv.mirrors, "-s", "NEWSSPIDER_EXTRACT_WORKERS=2",
                                          "-s", "NEWSSPIDER_EXTRACT_TIMEOUT=2", "-s", "LOG_LEVEL=INFO"),
                                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 60
        while len(workers_of(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        time.sleep(0.3)  # a page in each worker
        proc.send_signal(signal.SIGSTOP)
        time.sleep(5)
        proc.send_signal(signal.SIGCONT)
        assert proc.wait(timeout=120) == 0
    stderr = (tmp / "crawl.log").read_text()
    assert stat(stderr, "extract_workers_started") == 2, stderr[-3000:]
    assert stat(stderr, "extract_timeout") == 0
    assert len(by_url(tmp / "articles.jsonl")) == expected_demo_count()
