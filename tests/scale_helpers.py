"""Shared by the scale-out tests: worker commands, a per-test Redis prefix, a fast scratch folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from crawl_helpers import REPO

REDIS_URL = "redis://127.0.0.1:6379/0"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=32",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32", "-s", "NEWSSPIDER_FLEET_CONCURRENCY=64"]
# every warning is an error in the crawl processes too (Scrapy's deprecations are Warning subclasses)
ENV = {**os.environ, "PYTHONWARNINGS": "error"}


def redis_client() -> Any:
    import redis

    return redis.Redis.from_url(REDIS_URL)


def fast_dir(name: str) -> Path:
    """Scratch space on tmpfs when there is one (fsync per record costs nothing there; a kill -9
    of a process loses nothing from the page cache either), else the system temp folder."""
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix=f"newsspider-{name}-", dir=base))


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def crawl_args(out: Path, mirrors: dict[str, str], *extra: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=demo",
            "-s", f"NEWSSPIDER_OUTPUT={out / 'articles.jsonl'}",
            "-s", f"NEWSSPIDER_STATE={out / 'state' / 'seen.sqlite'}",
            "-s", f"NEWSSPIDER_RUNS={out / 'runs.jsonl'}",
            "-s", f"NEWSSPIDER_MIRRORS={json.dumps(mirrors)}", "-s", "LOG_LEVEL=INFO", *FAST, *extra]


def worker_args(out: Path, mirrors: dict[str, str], prefix: str, run: str, worker: str, *extra: str) -> list[str]:
    return crawl_args(out, mirrors, "-s", f"NEWSSPIDER_RUN={run}", "-s", f"NEWSSPIDER_WORKER={worker}",
                      "-s", f"NEWSSPIDER_REDIS_PREFIX={prefix}", "-s", "NEWSSPIDER_WORKER_TIMEOUT=3", *extra)


def start(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as fh:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(cmd, cwd=REPO, stdout=fh, stderr=subprocess.STDOUT, env=ENV)


def merge(out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", "merge", str(out / "articles.jsonl.parts"),
                           "-o", str(out / "merged.jsonl")], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env=ENV)


def read_lines(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), f"{path} ends with a partial line"
    return [json.loads(line) for line in data.split(b"\n") if line.strip()]
