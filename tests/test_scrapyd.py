"""Integration: deploy the project to a real scrapyd and schedule the news spider through its API."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from crawl_helpers import REPO, expected_demo_count, records

from newsspider.demo.server import DemoServer

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + path, data=body, timeout=30) as resp:
        return json.loads(resp.read())


def copy_project(dst: Path) -> Path:
    """The committed project files (what a clean clone has), without venv or data."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    for rel in listed:
        src = REPO / rel
        if src.is_file():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    return dst


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(f"""[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {home / 'eggs'}
logs_dir = {home / 'logs'}
dbs_dir = {home / 'dbs'}
items_dir =
max_proc = 2
poll_interval = 0.5
""")
    log = (home / "scrapyd.log").open("wb")
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 30
    while True:
        try:
            api(base, "daemonstatus.json")
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                proc.wait()  # reaped: no "subprocess ... is still running" warning
                log.close()
                pytest.fail("scrapyd did not start: " + (home / "scrapyd.log").read_text()[-2000:])
            time.sleep(0.3)
    yield base, home
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


def test_deploy_and_schedule_the_demo_crawl(scrapyd, tmp_path):
    base, home = scrapyd
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "SCRAPYD_URL": base}
    deploy = subprocess.run([str(BIN / "scrapyd-deploy"), "local", "--version", "r1"], cwd=project,
                            capture_output=True, text=True, env=env, timeout=300)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert api(base, "listprojects.json")["projects"] == ["newsspider"]
    assert "news" in api(base, "listspiders.json?project=newsspider")["spiders"]

    out = tmp_path / "out" / "articles.jsonl"
    with DemoServer() as srv:
        job = api(base, "schedule.json", [
            ("project", "newsspider"), ("spider", "news"), ("site", "demo"),
            ("setting", f"NEWSSPIDER_MIRRORS={json.dumps(srv.mirrors)}"),
            ("setting", f"NEWSSPIDER_OUTPUT={out}"),
            ("setting", f"NEWSSPIDER_STATE={tmp_path / 'out' / 'seen.sqlite'}"),
            ("setting", f"NEWSSPIDER_RUNS={tmp_path / 'out' / 'runs.jsonl'}"),
            ("setting", "AUTOTHROTTLE_ENABLED=False"),
        ])
        assert job["status"] == "ok", job
        deadline = time.time() + 300
        while time.time() < deadline:
            jobs = api(base, "listjobs.json?project=newsspider")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            time.sleep(1)
        else:
            pytest.fail(f"scrapyd job did not finish: {jobs}")
    got = records(out)
    expected = expected_demo_count()
    assert len(got) == expected
    assert {r["site"] for r in got} == {"demo"}
    run = records(tmp_path / "out" / "runs.jsonl")[-1]
    assert run["finish_reason"] == "finished" and run["articles_new"] == expected
