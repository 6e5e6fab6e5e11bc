"""`newsspider demo` (a real crawl of the bundled site on 127.0.0.1) and its state: reset, a torn
output tail, the seen-store path and the run log."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from crawl_helpers import crawl, expected_demo_count, records

from newsspider.demo.server import DemoServer


def demo(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", "demo", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def written(proc: subprocess.CompletedProcess[str]) -> int:
    m = re.search(r"^articles written\s+(\d+)$", proc.stdout, re.M)
    assert m, proc.stdout + proc.stderr[-2000:]
    return int(m.group(1))


def test_reset_state_moves_the_old_output_aside_and_writes_everything_again(tmp_path):
    out = tmp_path / "data" / "articles.jsonl"
    n = expected_demo_count()
    first = demo(tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    assert written(first) == n >= 25
    second = demo(tmp_path)
    assert second.returncode == 0 and written(second) == 0
    old = out.read_bytes()

    third = demo(tmp_path, "--reset-state")
    assert third.returncode == 0, third.stderr[-2000:]
    assert written(third) == n
    assert "re-registered" not in third.stderr
    (bak,) = out.parent.glob("articles.jsonl.*.bak")
    assert bak.read_bytes() == old
    assert f"old output moved aside: {bak.resolve()}" in third.stderr.splitlines()
    recs = records(out)  # valid JSON Lines, each article once
    assert len(recs) == n == len({r["canonical_url"] for r in recs})
    # and the next run is incremental again
    assert written(demo(tmp_path)) == 0


def test_a_torn_output_tail_is_repaired_and_reported(tmp_path):
    out = tmp_path / "data" / "articles.jsonl"
    assert demo(tmp_path, "--max", "3").returncode == 0
    complete = out.read_bytes()
    partial = b'{"url": "http://kpopdemo.example/2026/01/01/torn'
    with out.open("ab") as fh:
        fh.write(partial)

    proc = demo(tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert re.search(rf"^output repaired\s+dropped a partial last line of {len(partial)} bytes", proc.stdout, re.M)
    run = records(tmp_path / "data" / "runs.jsonl")[-1]
    assert run["output_repaired_bytes"] == len(partial)
    data = out.read_bytes()
    assert data.startswith(complete) and data.endswith(b"\n")
    recs = [json.loads(line) for line in data.splitlines()]
    assert len(recs) == expected_demo_count() == len({r["canonical_url"] for r in recs})
    # a clean start reports nothing
    again = demo(tmp_path)
    assert "output repaired" not in again.stdout
    assert records(tmp_path / "data" / "runs.jsonl")[-1]["output_repaired_bytes"] == 0


def test_seen_store_path_is_printed_at_start_and_the_run_log_is_complete(tmp_path):
    with DemoServer() as srv:
        proc = crawl("news", tmp_path, srv.mirrors, "-a", "site=demo")
    assert proc.returncode == 0, proc.stderr[-2000:]
    store = (tmp_path / "state" / "seen.sqlite").resolve()
    log = proc.stderr
    assert f"seen-store: {store}" in log
    assert log.index(f"seen-store: {store}") < log.index("Dumping Scrapy stats")

    (run,) = records(tmp_path / "runs.jsonl")
    start, end = datetime.fromisoformat(run["start"]), datetime.fromisoformat(run["end"])
    assert start.tzinfo is not None and start <= end and (end - start).total_seconds() < 300
    assert run["site"] == "demo"
    assert run["articles_new"] == expected_demo_count() == len(records(tmp_path / "articles.jsonl"))
    assert run["articles_updated"] == 0
    assert run["articles_duplicate"] >= 1  # the demo site has syndicated copies
    # every article page, plus robots.txt, the feed, the sitemaps and the listing pages
    assert run["articles_new"] + run["articles_duplicate"] + 5 <= run["pages_fetched"] <= 60
    assert run["errors"] == {} and run["finish_reason"] == "finished"

    # `newsspider demo` prints the path on stderr before the crawl starts
    cli = demo(tmp_path)
    lines = cli.stderr.splitlines()
    assert f"seen-store: {(tmp_path / 'data' / 'state' / 'seen.sqlite').resolve()}" in lines[:3]
