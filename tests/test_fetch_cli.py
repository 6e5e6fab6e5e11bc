"""`newsspider fetch URL`: a real one-off crawl of one page, one record on stdout, no state touched."""

from __future__ import annotations

import json
import subprocess
import sys

from crawl_helpers import demo_labels

from newsspider.demo.server import DemoServer


def fetch(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", "fetch", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def test_fetch_prints_one_record_and_touches_no_state(tmp_path):
    lab = next(x for x in demo_labels() if x["quotes"] and x["releases"])
    with DemoServer() as srv:
        proc = fetch(tmp_path, lab["url"], "--mirror", f"kpopdemo.example={srv.base_url}")
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rec["title"] == lab["title"] and rec["site"] == "demo"
    assert rec["quotes"] and rec["releases"]
    assert not (tmp_path / "data").exists()  # no seen-store, no output file, no run log


def test_fetch_of_a_missing_page_is_a_one_line_error(tmp_path):
    with DemoServer() as srv:
        proc = fetch(tmp_path, f"{srv.base_url}/no/such/page.html")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.strip() == f"newsspider: could not extract {srv.base_url}/no/such/page.html: http_404"
    assert "Traceback" not in proc.stderr
