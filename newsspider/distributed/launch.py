"""``newsspider crawl SITE --workers N``: N worker processes on one run, then the merge.

Each worker is ``python -m newsspider.distributed.launch SPEC`` (the same in-process crawl as
``newsspider crawl``, with ``NEWSSPIDER_RUN`` and ``NEWSSPIDER_WORKER=w<i>``); it prints its summary
as the last line of its stdout. SIGINT/SIGTERM to the parent are passed on to the workers (they
finish their items in flight and stop; the run's queue stays in Redis for a resume with
``--run ID``). When every worker is done, the parts are merged into the output file.
Through scrapyd the same run is N ``schedule.json`` calls with the same ``setting=NEWSSPIDER_RUN=ID``
(README "Scale out"), and ``newsspider merge`` afterwards.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

SUMMARY_MARK = "NEWSSPIDER-SUMMARY "


def new_run_id(site: str) -> str:
    return f"{site}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-{secrets.token_hex(3)}"


def worker_cmd(spider_args: dict[str, Any], overrides: dict[str, Any]) -> list[str]:
    spec = json.dumps({"args": spider_args, "settings": overrides})
    return [sys.executable, "-m", "newsspider.distributed.launch", spec]


def combine(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary for the run: counts summed, the worst finish reason."""
    out: dict[str, Any] = {"workers": len(summaries)}
    for s in summaries:
        for k, v in s.items():
            if isinstance(v, bool) or k == "finish_reason":
                continue
            if isinstance(v, int | float):
                out[k] = out.get(k, 0) + v
            elif isinstance(v, dict):
                d = out.setdefault(k, {})
                for kk, vv in v.items():
                    d[kk] = d.get(kk, 0) + vv
    reasons = [s.get("finish_reason") or "killed" for s in summaries]
    if reasons and all(r == "already_running" for r in reasons):
        out["finish_reason"] = "already_running"
    else:
        bad = [r for r in reasons if r not in ("finished", "already_running")]
        out["finish_reason"] = bad[0] if bad else "finished"
    return out


def run_workers(n: int, spider_args: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    procs = []
    for i in range(1, n + 1):
        cfg = {**overrides, "NEWSSPIDER_WORKER": f"w{i}"}
        procs.append(subprocess.Popen(worker_cmd(spider_args, cfg), stdout=subprocess.PIPE, text=True))

    def forward(signum: int, _frame: Any) -> None:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signum)

    old = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    summaries = []
    try:
        for p in procs:
            out, _ = p.communicate()
            lines = [ln for ln in out.splitlines() if ln.startswith(SUMMARY_MARK)]
            summaries.append(json.loads(lines[-1][len(SUMMARY_MARK):]) if lines else
                             {"finish_reason": f"worker exited with status {p.returncode}"})
    finally:
        for s, h in old.items():
            signal.signal(s, h)
    return combine(summaries)


def main(argv: list[str] | None = None) -> int:
    from newsspider.runner import project_settings, run_spider, summary

    spec = json.loads((argv or sys.argv[1:])[0])
    settings = project_settings(**spec["settings"])
    stats, _ = run_spider("news", settings, **spec["args"])
    sys.stdout.write(SUMMARY_MARK + json.dumps(summary(stats), default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsspider.settings")
    raise SystemExit(main())

