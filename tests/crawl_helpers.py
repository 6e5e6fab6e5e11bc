"""Running real crawls in a subprocess (one Twisted reactor per process) against local servers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def crawl(spider: str, tmp: Path, mirrors: dict[str, str], *args: str, settings: dict[str, Any] | None = None,
          timeout: float = 300, env: dict[str, str] | None = None,
          wrap: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """`scrapy crawl SPIDER` with output, state and run log under `tmp`."""
    cmd = [*(wrap or []), sys.executable, "-m", "scrapy", "crawl", spider, *args,
           "-s", f"NEWSSPIDER_OUTPUT={tmp / 'articles.jsonl'}",
           "-s", f"NEWSSPIDER_STATE={tmp / 'state' / 'seen.sqlite'}",
           "-s", f"NEWSSPIDER_RUNS={tmp / 'runs.jsonl'}",
           "-s", f"NEWSSPIDER_MIRRORS={json.dumps(mirrors)}",
           "-s", "AUTOTHROTTLE_ENABLED=False",
           "-s", "LOG_LEVEL=INFO"]
    for key, value in (settings or {}).items():
        cmd += ["-s", f"{key}={value}"]
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning", **(env or {})}
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout, env=env)


def peak_rss_mb(proc: subprocess.CompletedProcess[str]) -> float:
    """The peak memory of a command run through tests/peak_rss.py (see `measured`)."""
    m = re.search(r"peak_rss_kib=(\d+)\s*$", proc.stderr)
    assert m, proc.stderr[-2000:]
    return int(m[1]) / 1024


def measured(limit_mb: int = 3072) -> dict[str, Any]:
    """`crawl(..., **measured())`: run through tests/peak_rss.py with an address-space limit."""
    return {"wrap": [sys.executable, str(Path(__file__).parent / "peak_rss.py")],
            "env": {"PEAK_RSS_LIMIT_MB": str(limit_mb)}}


def records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def last_run(tmp: Path) -> dict[str, Any]:
    return records(tmp / "runs.jsonl")[-1]


def demo_labels() -> list[dict[str, Any]]:
    path = REPO / "newsspider" / "demo" / "labels.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def expected_demo_count() -> int:
    """Articles in the demo site, counting each duplicate group once."""
    labels = demo_labels()
    groups = {lab["dup_group"] for lab in labels if lab.get("dup_group")}
    return len([lab for lab in labels if not lab.get("dup_group")]) + len(groups)


def crawl_cmd(tmp: Path, mirrors: dict[str, str], *extra: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=demo",
            "-s", f"NEWSSPIDER_OUTPUT={tmp / 'articles.jsonl'}",
            "-s", f"NEWSSPIDER_STATE={tmp / 'state' / 'seen.sqlite'}",
            "-s", f"NEWSSPIDER_RUNS={tmp / 'runs.jsonl'}",
            "-s", f"NEWSSPIDER_MIRRORS={json.dumps(mirrors)}",
            "-s", "AUTOTHROTTLE_ENABLED=False", *extra]
