"""Bounded memory and unusable files (#12 item 4, item 6's state errors): gzip bombs are capped,
the output must be a regular file, `extract` refuses oversized inputs, and a corrupt or
read-only state gives one line saying what to do."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from crawl_helpers import REPO, crawl, last_run, measured, peak_rss_mb, records
from faultserver import FaultServer, Route, gzip_bomb

from newsspider.demo.server import DemoServer

BOMB = gzip_bomb(1 << 30)  # 1 GiB of zeros in ~1 MB
HOST = "kpopdemo.example"


def cli(tmp: Path, *args: str, limit_mb: int = 3072, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PEAK_RSS_LIMIT_MB": str(limit_mb)}
    return subprocess.run([sys.executable, str(REPO / "tests" / "peak_rss.py"), sys.executable, "-m",
                           "newsspider.cli", *args], cwd=tmp, capture_output=True, text=True,
                          timeout=300, env=env, **kw)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = [x for x in proc.stderr.splitlines() if x.strip() and not x.startswith("peak_rss_kib=")]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert len(lines) == 1, proc.stderr[-3000:]
    return lines[0]


def test_a_sitemap_gzip_bomb_is_capped(tmp_path):
    """The demo profile's sitemap index answered with 1 MB of gzip that inflates to 1 GiB."""
    with FaultServer({"/sitemap_index.xml": Route(body=BOMB, ctype="application/x-gzip"),
                      "/feed.xml": Route(body=gzip_bomb(64 << 20), ctype="application/rss+xml")}) as srv:
        proc = crawl("news", tmp_path, {HOST: srv.base_url}, "-a", "site=demo", **measured())
    run = last_run(tmp_path)
    assert run["errors"].get("sitemap_too_large") == 1, (run, proc.stderr[-3000:])
    assert run["errors"].get("feed_too_large") == 1, run
    assert peak_rss_mb(proc) < 400, peak_rss_mb(proc)  # was 2.1 GB per MB of bomb


@pytest.mark.parametrize("how", ["cli", "scrapy"])
def test_the_output_must_be_a_regular_file(tmp_path, how):
    """`-o /dev/full` used to read the device (zeros, forever) for crash recovery: OOM."""
    if how == "cli":
        proc = cli(tmp_path, "crawl", "demo", "-o", "/dev/full", "--state", str(tmp_path / "s.sqlite"),
                   "--mirror", f"{HOST}=http://127.0.0.1:9")
        assert proc.returncode == 2
        assert one_error_line(proc) == ("newsspider: error: output /dev/full is not a regular file; give a "
                                        "file path (-o FILE)")
    else:
        proc = crawl("news", tmp_path, {HOST: "http://127.0.0.1:9"}, "-a", "site=demo",
                     settings={"NEWSSPIDER_OUTPUT": "/dev/full"}, **measured())
        assert proc.returncode == 2, proc.stderr[-3000:]
        assert "Traceback" not in proc.stderr
        assert "ERROR: output /dev/full is not a regular file" in proc.stderr
    assert peak_rss_mb(proc) < 400


def test_extract_refuses_inputs_over_the_size_cap(tmp_path):
    big = tmp_path / "big.html"
    para = "<p>" + "A very long page of words. " * 40 + "</p>\n"
    big.write_text("<html><body>" + para * (20_000_000 // len(para)) + "</body></html>")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(BOMB)
    ok = tmp_path / "ok.html"
    ok.write_text("<html><head><title>Small Page Title</title></head><body><article><h1>Small Page Title</h1>"
                  + "<p>The group announced a world tour with dates in ten cities next year.</p>" * 3
                  + "</article></body></html>")
    proc = cli(tmp_path, "extract", "big.html", limit_mb=2048)
    assert proc.returncode == 1
    assert one_error_line(proc) == "newsspider: big.html is 19.1 MB, over the 16 MB input cap (--max-size)"
    assert peak_rss_mb(proc) < 200
    proc = cli(tmp_path, "extract", "bomb.html.gz", "ok.html", "-o", "out.jsonl", limit_mb=2048)
    assert proc.returncode == 1
    assert one_error_line(proc) == "newsspider: bomb.html.gz decompresses to more than the 16 MB input cap (--max-size)"
    out = records(tmp_path / "out.jsonl")
    assert [r.get("title") for r in out] == [None, "Small Page Title"]  # the rest of the batch goes on
    assert peak_rss_mb(proc) < 250
    proc = cli(tmp_path, "extract", "ok.html", "-o", "/dev/full")
    assert proc.returncode == 2
    assert one_error_line(proc).startswith("newsspider: error: output /dev/full is not a regular file")
    proc = cli(tmp_path, "extract", "big.html", "--max-size", "25")
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_a_corrupt_seen_store_is_one_line_saying_what_to_do(tmp_path):
    state = tmp_path / "state" / "seen.sqlite"
    state.parent.mkdir()
    state.write_bytes(b"this is not an SQLite database, a disk hiccup wrote it " * 100)
    proc = cli(tmp_path, "crawl", "demo", "--state", str(state), "-o", str(tmp_path / "a.jsonl"),
               "--mirror", f"{HOST}=http://127.0.0.1:9")
    assert proc.returncode == 2
    line = one_error_line(proc)
    assert line.startswith(f"newsspider: error: seen-store {state} is unreadable (file is not a database)")
    assert "--reset-state" in line
    p = crawl("news", tmp_path, {HOST: "http://127.0.0.1:9"}, "-a", "site=demo")
    assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr[-3000:]
    assert "ERROR: seen-store" in p.stderr and "is unreadable" in p.stderr
    # --reset-state is the way out: the run then works
    with DemoServer() as srv:
        proc = cli(tmp_path, "crawl", "demo", "--state", str(state), "-o", str(tmp_path / "a.jsonl"),
                   "--mirror", f"{HOST}={srv.base_url}", "--reset-state", "--max", "2")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(records(tmp_path / "a.jsonl")) == 2
    assert sqlite3.connect(state).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def read_only(folder: Path, *cmd: str) -> list[str]:
    """`cmd` run with `folder` mounted read-only (root ignores permission bits: a private mount
    namespace with a read-only bind mount; otherwise plain permissions)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return list(cmd)
    if not shutil.which("unshare"):
        pytest.fail("unshare (util-linux) is needed to make a read-only folder as root")
    script = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"'
    return ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", *cmd]


def test_a_read_only_data_folder_is_one_line_saying_what_to_do(tmp_path):
    data = tmp_path / "data"
    (data / "state").mkdir(parents=True)
    cmd = read_only(data, sys.executable, "-m", "newsspider.cli", "crawl", "demo",
                    "--mirror", f"{HOST}=http://127.0.0.1:9")
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr[-3000:]
    line = one_error_line(proc)
    assert line.startswith("newsspider: error: cannot write to data/ (Read-only file system")
    assert "-o" in line
