"""Crawl progress (issue #15, part 1): a line updated in place on a terminal (rich), one plain log
line per interval elsewhere. Real crawls of the demo site."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys

from crawl_helpers import REPO, crawl_cmd, expected_demo_count

from newsspider.demo.server import DemoServer

LINE = re.compile(r"(\d+) pages fetched · (\d+) articles written · (\d+) duplicates · (\d+) known skipped · "
                  r"(\d+) errors · \d+ pages/min · elapsed \d+:\d\d:\d\d")


def test_live_progress_on_a_terminal(tmp_path):
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    proc = subprocess.Popen([sys.executable, "-m", "newsspider.cli", "demo", "--delay", "0.5"], cwd=tmp_path,
                            stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    assert proc.wait(timeout=60) == 0
    text = out.decode("utf-8", "replace")
    updates = LINE.findall(text)
    assert len(updates) >= 3, text[-2000:]
    assert "\r\x1b[2K" in text  # redrawn in place, not one line per update
    assert [int(u[0]) for u in updates] == sorted(int(u[0]) for u in updates)  # pages only go up
    assert int(updates[-1][1]) == expected_demo_count()  # the last state stays on screen
    assert "left (" in text  # an estimate once the queue is known
    assert "progress:" not in text  # no log lines on a terminal


def test_plain_log_lines_when_not_a_terminal(tmp_path):
    with DemoServer(delay=0.2) as srv:
        proc = subprocess.run(crawl_cmd(tmp_path, srv.mirrors, "-s", "NEWSSPIDER_PROGRESS_INTERVAL=0.5",
                                        "-s", "CONCURRENT_REQUESTS=2", "-s", "LOG_LEVEL=WARNING"),
                              cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [ln for ln in proc.stderr.splitlines() if "progress: " in ln]
    assert len(lines) >= 2, proc.stderr[-3000:]
    assert all(LINE.search(ln) and "[newsspider.progress] WARNING" in ln for ln in lines)  # shown at the run's level
    assert "\x1b[" not in proc.stderr
