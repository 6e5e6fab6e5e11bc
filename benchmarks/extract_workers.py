"""Where a crawl's CPU goes with extraction workers: the crawl process vs its worker processes.

    .venv/bin/python benchmarks/extract_workers.py [--articles 200] [--runs 2] [--workers 0,1,2]

Crawls the realistic local site of `realistic_site.py` with ``newsspider crawl --generic`` once
per NEWSSPIDER_EXTRACT_WORKERS value and round (interleaved), as a child subreaper: the crawl
process's own CPU comes from wait4 on it, the rest (fork server, workers) from the orphans reaped
after it. ``extract_cpu_ms`` in the crawl's stats is the extraction itself (thread CPU time, all
workers). Medians of the rounds. On a machine shared with other work, wall time and pages/s are
noisy; the CPU split is not.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from realistic_site import HOST, Site, serve  # noqa: E402


def crawl(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall s, CPU s of the crawl process, CPU s of its other descendants, log)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with open(cwd / "log.txt", "w") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, _, own = os.wait4(proc.pid, 0)
        proc.returncode = 0
    wall = time.monotonic() - start
    while True:  # the fork server and its workers, orphaned when the crawl exits, come back to us
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    mine = own.ru_utime + own.ru_stime
    return wall, mine, total - mine, (cwd / "log.txt").read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--workers", default="0,1,2")
    args = ap.parse_args(argv)
    if sys.platform != "linux":
        print("needs Linux (prctl PR_SET_CHILD_SUBREAPER)", file=sys.stderr)
        return 2
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    site = Site(args.articles, seed=1)
    tmp = Path(tempfile.mkdtemp(prefix="newsspider-workers-"))
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    configs = [w.strip() for w in args.workers.split(",") if w.strip()]
    rows: dict[str, list[tuple[float, float, float, float, int]]] = {c: [] for c in configs}
    with serve(site) as srv:
        url = f"http://127.0.0.1:{srv.server_address[1]}"
        for r in range(args.runs):
            for c in configs:
                d = tmp / f"{c}-{r}"
                d.mkdir()
                cmd = [sys.executable, "-m", "newsspider.cli", "crawl", "--generic", f"http://{HOST}/",
                       "--mirror", f"{HOST}={url}", "-o", str(d / "articles.jsonl"), "--state",
                       str(d / "seen.sqlite"), "--log-level", "INFO", "-s", f"NEWSSPIDER_EXTRACT_WORKERS={c}",
                       "-s", f"NEWSSPIDER_RUNS={d / 'runs.jsonl'}", "-s", "AUTOTHROTTLE_ENABLED=False",
                       "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                       "-s", "ROBOTSTXT_OBEY=False"]
                wall, mine, others, log = crawl(cmd, d, env)
                pages = int(m[1]) if (m := re.search(r"'response_received_count': (\d+)", log)) else 0
                ext = int(m[1]) / 1000 if (m := re.search(r"'newsspider/extract_cpu_ms': (\d+)", log)) else 0.0
                rows[c].append((wall, mine, others, ext, pages))
                print(f"round {r + 1}, {c} workers: {pages} pages, {wall:.1f} s, crawl process {mine:.2f} s CPU, "
                      f"workers {others:.2f} s CPU, extraction {ext:.2f} s", file=sys.stderr, flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{args.articles} articles, medians of {args.runs} rounds, load average {os.getloadavg()[0]:.1f}, "
          f"{os.cpu_count()} CPUs\n")
    print("| extraction workers | pages | wall s | pages/s | crawl process CPU s | worker processes CPU s "
          "| extraction CPU s | CPU ms/page (all) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for c, rs in rows.items():
        wall, mine, others, ext = (statistics.median(x[i] for x in rs) for i in range(4))
        pages = rs[0][4]
        print(f"| {c} | {pages} | {wall:.1f} | {pages / wall:.1f} | {mine:.2f} | {others:.2f} | {ext:.2f} "
              f"| {1000 * (mine + others) / max(pages, 1):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
