"""Where a newsspider crawl's CPU goes on the benchmark site: cProfile of one in-process crawl.

    .venv/bin/python benchmarks/crawl_profile.py [--articles 500] [--top 25] [--save crawl.prof]

Builds and serves the realistic site of crawl_speed.py, runs ``newsspider crawl --generic`` with
``NEWSSPIDER_EXTRACT_WORKERS=0`` (extraction on the reactor thread, so the profiler sees it) under
cProfile, and prints the inclusive time of each extraction stage (by its entry function), what
is left for Scrapy/Twisted and the rest, then the top functions by own time. Only the main
(reactor) thread is profiled (the export thread's fsyncs are not in it); cProfile's overhead
inflates code with many small calls, so read the shares, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from realistic_site import HOST, Site, serve  # noqa: E402

# stage -> entry functions (file suffix, function name); their inclusive times do not overlap
STAGES = [
    ("decode (+ parse when eager)", [("extract/page.py", "from_bytes")]),
    ("metadata", [("extract/__init__.py", "metadata_fields")]),
    ("body", [("extract/__init__.py", "body_fields")]),
    ("quotes", [("extract/__init__.py", "quote_fields")]),
    ("releases (+ their dates)", [("extract/__init__.py", "release_fields")]),
    ("dedup sketch (MinHash + hash)", [("newsspider/dedup.py", "signature"), ("newsspider/dedup.py", "content_hash")]),
]
# the CLI under cProfile, timed by wall clock (cheap; on a loaded machine it also counts the time
# the process waited for a core, spread over whatever ran) or by the reactor thread's CPU clock
# (exact but a system call per event); on this site both gave the same shares within 3 points
PROFILED = """
import cProfile, sys, time
from newsspider.cli import main
prof = cProfile.Profile(time.thread_time if sys.argv[2] == "cpu" else time.perf_counter)
prof.enable()
try:
    code = main(sys.argv[3:])
finally:
    prof.disable()
    prof.dump_stats(sys.argv[1])
    import resource
    ru = resource.getrusage(resource.RUSAGE_SELF)  # this process only (not the extraction workers)
    with open(sys.argv[1] + ".cpu", "w") as f:
        f.write(repr(ru.ru_utime + ru.ru_stime))
sys.exit(code)
"""
CROSS = [("of which lxml parsing (any caller)", "lxml/html/__init__.py"),
         ("of which date parsing (any caller)", "extract/dates/"),
         ("of which mentions/names (any caller)", "extract/mentions/")]


def _inclusive(st: pstats.Stats, suffix: str, name: str) -> float | None:
    total, found = 0.0, False
    for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        short = name.split(".")[-1]
        if file.replace(os.sep, "/").endswith(suffix) and func in (name, short):
            total += ct
            found = True
    return total if found else None


def _package_inclusive(st: pstats.Stats, prefix: str) -> float:
    """Time in a package counted at the edges entering it from outside (no double counting)."""
    total = 0.0
    for (file, _l, _f), (_cc, _nc, _tt, _ct, callers) in st.stats.items():  # type: ignore[attr-defined]
        if prefix not in file.replace(os.sep, "/"):
            continue
        for (cfile, _cl, _cf), edge in callers.items():
            if prefix not in cfile.replace(os.sep, "/"):
                total += edge[3]
    return total


def report(prof: Path, pages: int, top: int) -> list[str]:
    st = pstats.Stats(str(prof))
    total = sum(v[2] for v in st.stats.values())  # type: ignore[attr-defined]
    lines = [f"profiled main-thread time {total:.1f} s for {pages} pages ({1000 * total / max(pages, 1):.1f} ms/page "
             "under cProfile)", "", "| stage | s | share |", "|---|---:|---:|"]
    staged = 0.0
    for stage, entries in STAGES:
        vals = [_inclusive(st, s, n) for s, n in entries]
        if all(v is None for v in vals):
            lines.append(f"| {stage} | (entry function not found) | |")
            continue
        t = sum(v or 0.0 for v in vals)
        staged += t
        lines.append(f"| {stage} | {t:.1f} | {100 * t / total:.0f}% |")
    lines.append(f"| Scrapy, Twisted, export/store and the rest | {total - staged:.1f} | "
                 f"{100 * (total - staged) / total:.0f}% |")
    for label, prefix in CROSS:
        t = _package_inclusive(st, prefix)
        lines.append(f"| {label} | {t:.1f} | {100 * t / total:.0f}% |")
    lines += ["", f"top {top} functions by own time:", "", "| function | own s | calls | incl. s |", "|---|---:|---:|---:|"]
    rows = sorted(st.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
    for (file, line, func), (_cc, nc, tt, ct, _c) in rows:
        where = file.split("site-packages/")[-1].split("newsspider/", 1)[-1] if file != "~" else ""
        lines.append(f"| {func} {where}:{line} | {tt:.2f} | {nc} | {ct:.2f} |".replace(" :0", ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--save", help="keep the cProfile output here")
    ap.add_argument("--workers", type=int, default=0,
                    help="NEWSSPIDER_EXTRACT_WORKERS: with 1 or 2 the profile is the crawl process's own "
                         "reactor thread (extraction runs in the workers)")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="cpu: the reactor thread's CPU clock (a system call per event: ~10x slower run)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="newsspider-crawlprof-"))
    prof = Path(args.save) if args.save else tmp / "crawl.prof"
    site = Site(args.articles, seed=args.seed)
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["PYTHONWARNINGS"] = "ignore"
    with serve(site) as srv:
        url = f"http://127.0.0.1:{srv.server_address[1]}"
        cmd = [sys.executable, "-c", PROFILED, str(prof), args.clock, "crawl",
               "--generic", f"http://{HOST}/", "--mirror", f"{HOST}={url}", "-o", str(tmp / "a.jsonl"),
               "--state", str(tmp / "seen.sqlite"), "--log-level", "WARNING"]
        for k, v in {"AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "16",
                     "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "ROBOTSTXT_OBEY": "False",
                     "NEWSSPIDER_EXTRACT_WORKERS": str(args.workers), "NEWSSPIDER_RUNS": str(tmp / "runs.jsonl"),
                     "STATS_CLASS": "bench_stats.DumpStats"}.items():
            cmd += ["-s", f"{k}={v}"]
        proc = subprocess.run(cmd, cwd=tmp, env={**env, "BENCH_STATS_FILE": str(tmp / "stats.json")},
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(proc.stdout[-2000:] + proc.stderr[-3000:])
    import json

    pages = json.loads((tmp / "stats.json").read_text())["response_received_count"]
    cpu = float(Path(str(prof) + ".cpu").read_text())
    print(f"crawl process CPU (all its threads, under the profiler; workers not counted): {cpu:.1f} s, "
          f"{1000 * cpu / max(pages, 1):.1f} ms/page")
    print("\n".join(report(prof, pages, args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
