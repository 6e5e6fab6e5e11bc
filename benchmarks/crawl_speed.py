"""Crawl throughput on a realistic local site: newsspider (full extraction, dedup, fsync'd export)
with 1 and 2 extraction workers vs a bare Scrapy CrawlSpider (LinkExtractor on every page, title
only) and the same CrawlSpider running trafilatura in its callback (metadata + main text, JSON).
Needs the `bench` extra (trafilatura).

    .venv/bin/python benchmarks/crawl_speed.py [--articles 2000] [--runs 3] [--workers 1,2]
    .venv/bin/python benchmarks/crawl_speed.py --articles 200 --runs 1      # a quick look

The site (benchmarks/realistic_site.py, seeded) is WordPress-like: articles of 50-100 KB with
100+ links, listing pages of 20 posts (100+ links), category and static pages, a sitemap index
with its children, an RSS feed and robots.txt; served from memory on 127.0.0.1. The Scrapy
spiders reach it through ``http_proxy`` (plain Scrapy, no newsspider code); newsspider is run as
a user would run it on an unknown WordPress site: ``newsspider crawl --generic URL --mirror
HOST=URL``. Every crawler gets the same settings: 16 concurrent requests (per domain too),
AutoThrottle off, robots.txt not obeyed (newsspider still reads it to find the sitemaps), HTTP
cache off, LOG_LEVEL WARNING.

Measured per crawl (each its own process; the configurations interleaved, rotated each round,
medians of --runs rounds): pages = the crawl's own ``response_received_count`` stat; wall time
from start to exit; CPU = user + system time of the crawl process and all its descendants
(extraction pool workers included: the benchmark is a child subreaper, so orphaned workers are
reaped and counted too); peak RSS = the largest sum of the resident sizes of the crawl process
and its descendants, sampled 5 times a second from /proc; max proc RSS = the largest single
process in the same samples (getrusage's ru_maxrss cannot be used: Linux keeps it across fork +
exec, so every child would report at least the benchmark's own size); "of which extraction" =
newsspider's stat ``newsspider/extract_cpu_ms`` per page (the CPU of its extraction stages,
wherever they ran).
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from realistic_site import HOST, Site, serve  # noqa: E402

SPIDER = '''
import re
import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

class Bench(CrawlSpider):
    name = "bench"
    allowed_domains = ["{host}"]
    start_urls = ["http://{host}/"]
    rules = [
        Rule(LinkExtractor(allow=r"/\\d{{4}}/\\d{{2}}/\\d{{2}}/[a-z0-9-]+/$"), callback="parse_item", follow=True),
        Rule(LinkExtractor(allow=r"/page/\\d+/$")),
    ]

    def parse_item(self, response):
        if {extract}:
            import trafilatura
            yield {{"url": response.url, "record": trafilatura.extract(
                response.text, url=response.url, with_metadata=True, output_format="json")}}
        else:
            yield {{"url": response.url, "title": response.css("title::text").get()}}
'''
COMMON = {"AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "16",
          "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "DOWNLOAD_DELAY": "0", "ROBOTSTXT_OBEY": "False",
          "HTTPCACHE_ENABLED": "False", "LOG_LEVEL": "WARNING", "STATS_CLASS": "bench_stats.DumpStats"}
BARE, TRAF = "bare Scrapy CrawlSpider", "CrawlSpider + trafilatura"


@dataclass
class Result:
    wall: float
    cpu: float
    max_proc_rss_kb: int
    peak_tree_rss_kb: int
    stats: dict[str, Any] = field(default_factory=dict)
    records: int = 0

    @property
    def pages(self) -> int:
        return int(self.stats.get("response_received_count", 0))

    @property
    def extract_ms(self) -> float | None:
        """newsspider's own count of extraction CPU (thread time in the workers or in-process)."""
        ms = self.stats.get("newsspider/extract_cpu_ms")
        return None if ms is None else float(ms)


def _become_subreaper() -> None:
    """Orphaned descendants (pool workers outliving their parent) are re-parented to us and
    reaped here, so their CPU time is counted."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _descendants(root: int) -> list[int]:
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            parent[int(d)] = int(stat[stat.rindex(b")") + 2:].split()[1])
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out.extend(kids)
        todo.extend(kids)
    return out


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum, largest) of the resident sizes of the descendants of `root`, in KB."""
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    sizes = []
    for pid in _descendants(root):
        try:
            with open(f"/proc/{pid}/statm") as f:
                sizes.append(int(f.read().split()[1]) * page_kb)
        except (OSError, ValueError, IndexError):
            pass
    return sum(sizes), max(sizes, default=0)


def run(cmd: list[str], cwd: Path, env: dict[str, str], stats_file: Path, log: Path) -> Result:
    env = {**env, "BENCH_STATS_FILE": str(stats_file)}
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            total, largest = _tree_rss_kb(os.getpid())
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)

    sampler = threading.Thread(target=sample, daemon=True)
    with log.open("w") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = ru.ru_utime + ru.ru_stime
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # orphans (re-parented to us) finishing after the crawl
        try:
            pid, _, ru = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.05)
            continue
        cpu += ru.ru_utime + ru.ru_stime
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed ({proc.returncode}): {' '.join(cmd)}\n{log.read_text()[-3000:]}")
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return Result(wall, cpu, peak[1], peak[0], stats)


def _settings(extra: dict[str, str] | None = None) -> list[str]:
    out: list[str] = []
    for k, v in {**COMMON, **(extra or {})}.items():
        out += ["-s", f"{k}={v}"]
    return out


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as f:
        return sum(1 for _ in f)


def _print(*a: Any) -> None:
    print(*a, flush=True)


def measure(args: argparse.Namespace, out: Any = _print) -> dict[str, list[Result]]:
    _become_subreaper()
    t = time.perf_counter()
    site = Site(args.articles, seed=args.seed)
    sizes = sorted(len(site.pages[p.path][0]) for p in site.posts)
    out(f"site: {args.articles} articles (median {sizes[len(sizes) // 2] / 1024:.0f} KB, "
        f"{sizes[0] / 1024:.0f}-{sizes[-1] / 1024:.0f} KB), {len(site.listing_paths)} listing pages, "
        f"{len(site.pages)} URLs in all; built in {time.perf_counter() - t:.1f} s")
    tmp = Path(tempfile.mkdtemp(prefix="newsspider-crawlbench-"))
    base_env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    base_env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(REPO), base_env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    base_env["PYTHONWARNINGS"] = "ignore"
    for name, extract in (("bare", False), ("traf", True)):
        (tmp / f"{name}.py").write_text(SPIDER.format(host=HOST, extract=extract), encoding="utf-8")
    workers = [int(w) for w in args.workers.split(",") if w]
    names = [f"newsspider crawl, {w} worker{'s' if w > 1 else ''}" for w in workers]
    configs = [BARE, TRAF, *names]
    if importlib.util.find_spec("trafilatura") is None:
        out(f"{TRAF}: skipped, trafilatura is not installed (pip install -e '.[bench]')")
        configs.remove(TRAF)
    results: dict[str, list[Result]] = {c: [] for c in configs}
    with serve(site) as srv:
        url = f"http://127.0.0.1:{srv.server_address[1]}"
        proxy_env = {**base_env, "http_proxy": url}
        for r in range(args.runs):
            for c in configs[r % len(configs):] + configs[:r % len(configs)]:
                d = tmp / f"r{r}-{configs.index(c)}"
                d.mkdir()
                if c in (BARE, TRAF):
                    script = tmp / ("bare.py" if c == BARE else "traf.py")
                    res = run([sys.executable, "-m", "scrapy", "runspider", str(script), "-o", str(d / "items.jsonl"),
                               *_settings()], d, proxy_env, d / "stats.json", d / "log.txt")
                    res.records = _lines(d / "items.jsonl")
                else:
                    w = workers[names.index(c)]
                    res = run([sys.executable, "-m", "newsspider.cli", "crawl", "--generic", f"http://{HOST}/",
                               "--mirror", f"{HOST}={url}", "-o", str(d / "articles.jsonl"),
                               "--state", str(d / "seen.sqlite"), "--log-level", "WARNING",
                               *_settings({"NEWSSPIDER_EXTRACT_WORKERS": str(w),
                                           "NEWSSPIDER_RUNS": str(d / "runs.jsonl")})],
                              d, base_env, d / "stats.json", d / "log.txt")
                    res.records = _lines(d / "articles.jsonl")
                if res.pages == 0:  # a table of ratios over zero pages says nothing: show why instead
                    raise SystemExit(f"{c}: fetched no page in round {r + 1}; its log ends:\n"
                                     f"{(d / 'log.txt').read_text(errors='replace')[-3000:]}")
                results[c].append(res)
                if args.verbose:
                    out(f"  round {r + 1}: {c}: {res.pages} pages, {res.records} records, {res.wall:.1f} s, "
                        f"CPU {res.cpu:.1f} s")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    else:
        out(f"crawl outputs kept in {tmp}")
    return results


def _commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M"],
                              capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        return "?"


def _extract(rows: list[Result]) -> str:
    values = [x.extract_ms / max(x.pages, 1) for x in rows if x.extract_ms is not None]
    return f"{statistics.median(values):.1f}" if values else "-"


def table(results: dict[str, list[Result]], runs: int) -> list[str]:
    has_pool = any("NEWSSPIDER_EXTRACT_WORKERS" in p.read_text(encoding="utf-8", errors="replace")
                   for p in (REPO / "newsspider").rglob("*.py"))
    lines = [f"newsspider commit {_commit()}; NEWSSPIDER_EXTRACT_WORKERS "
             f"{'known to this checkout' if has_pool else 'NOT implemented in this checkout (setting ignored)'}; "
             f"medians of {runs} interleaved round(s); load average {os.getloadavg()[0]:.1f} at the end, "
             f"{os.cpu_count()} CPUs", "",
             "| crawler | pages | records | wall s | pages/s | CPU ms/page | of which extraction | "
             "peak RSS MB (sum) | max proc RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rate: dict[str, float] = {}
    if TRAF not in results:
        lines.append(f"| {TRAF} | trafilatura not installed | | | | | | | |")
    for name, rows in results.items():
        med = statistics.median
        pages = med(x.pages for x in rows)
        rate[name] = med(x.pages / x.wall for x in rows)
        lines.append(f"| {name} | {pages:.0f} | {med(x.records for x in rows):.0f} | {med(x.wall for x in rows):.1f} | "
                     f"{rate[name]:.1f} | {med(1000 * x.cpu / max(x.pages, 1) for x in rows):.1f} | "
                     f"{_extract(rows)} | "
                     f"{med(x.peak_tree_rss_kb for x in rows) / 1024:.0f} | "
                     f"{med(x.max_proc_rss_kb for x in rows) / 1024:.0f} |")
    lines.append("")
    for name in results:
        if name.startswith("newsspider"):
            a = rate[name] / rate[BARE]
            line = f"{name}: {a:.2f}x bare Scrapy (goal >= 0.5: {'met' if a >= 0.5 else 'NOT met'}), "
            if TRAF in rate:
                b = rate[name] / rate[TRAF]
                line += f"{b:.2f}x the trafilatura crawl (goal >= 1.5: {'met' if b >= 1.5 else 'NOT met'})"
            else:
                line += "the trafilatura crawl not measured"
            lines.append(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="1,2", help="newsspider extraction worker counts, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the crawl outputs and logs")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per crawl as it ends")
    args = ap.parse_args(argv)
    results = measure(args)
    print("\n".join(table(results, args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
