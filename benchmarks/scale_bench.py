"""Scale-out cost on the realistic benchmark site: one process vs 1 and 2 workers of a run
(`realistic_site.py`, the site of crawl_speed.py: WordPress-like articles of 50-100 KB with 100+
links, listings, sitemaps, a feed), the workers on one Redis queue, with the SQLite store and,
for 2 workers, also the PostgreSQL store.

    .venv/bin/python benchmarks/scale_bench.py [--articles 1000] [--runs 1] [--extract-workers 0]
    .venv/bin/python benchmarks/scale_bench.py --site demo-copy      # the small pages of before

Every crawl is ``scrapy crawl news -a url=http://kstarwire.example/`` (the generic profile, as
crawl_speed.py runs newsspider) with the site mirrored to the local server, AutoThrottle and
robots.txt off, 16 concurrent requests per process, NEWSSPIDER_EXTRACT_WORKERS=0 by default (each
crawl process extracts in-process: one process is one core's work, which is what "per added
core" means; ``--extract-workers`` changes it). Configurations are interleaved, rotated each
round; medians of ``--runs`` rounds.

Measured per configuration:
- wall time, pages (the runs' ``pages_fetched``), exported articles;
- CPU of the crawl processes and all their descendants (the benchmark is a child subreaper, so
  extraction-pool workers orphaned at exit are reaped and counted);
- Redis: a private ``redis-server`` started for the benchmark on a free port (so nothing else
  shares it; ``--redis-url`` to use another), its commands and the time spent in them (``INFO
  commandstats``, Lua-script commands included) and its own CPU (``INFO cpu``: also the network
  I/O and its 10 Hz housekeeping, so it includes a per-second cost that a longer run spreads
  over more pages), per page and per exported article;
- PostgreSQL (the 2-worker PostgreSQL run; a schema of its own in the database ``test``, dropped
  after): rows written and index lookups in that schema (``pg_stat_user_tables``), and the CPU of
  the server processes serving the crawl's connections (found in ``pg_stat_activity`` by an
  application name given to the crawl through PGAPPNAME, their /proc CPU sampled 10 times a
  second: the last 0.1 s of each connection can be missed), per page and per exported article.
From those, the expected throughput per added core: 1000 / (crawl CPU ms per page) pages/s per
core, bounded by what one Redis thread allows (1e6 / Redis CPU µs per page).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from crawl_speed import _become_subreaper, _descendants  # noqa: E402

COMMON = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
          "-s", "NEWSSPIDER_FLEET_CONCURRENCY=64", "-s", "LOG_LEVEL=INFO", "-s", "ROBOTSTXT_OBEY=False",
          "-s", "NEWSSPIDER_STOP_AFTER_SEEN=0", "-s", "DOWNLOAD_DELAY=0"]
PG = os.environ.get("NEWSSPIDER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
CONFIGS = {"1 process (no Redis)": (0, False), "1 worker": (1, False), "2 workers": (2, False),
           "2 workers, PostgreSQL store": (2, True)}


# -- the site ---------------------------------------------------------------------------------
@contextmanager
def realistic(articles: int, tmp: Path) -> Iterator[tuple[list[str], str]]:
    """(spider arguments, mirrors JSON) of the realistic site served from memory."""
    from realistic_site import HOST, Site, serve

    with serve(Site(articles, seed=1)) as srv:
        yield ["-a", f"url=http://{HOST}/"], json.dumps({HOST: f"http://127.0.0.1:{srv.server_address[1]}"})


@contextmanager
def demo_copy(articles: int, tmp: Path) -> Iterator[tuple[list[str], str]]:
    from demo_copy_site import build_site

    from newsspider.demo.server import DemoServer

    build_site(tmp / "site", articles)
    with DemoServer(tmp / "site") as srv:
        yield ["-a", "site=demo"], json.dumps(srv.mirrors)


SITES = {"realistic": realistic, "demo-copy": demo_copy}


# -- Redis and PostgreSQL -----------------------------------------------------------------------
@contextmanager
def private_redis() -> Iterator[tuple[str, int | None]]:
    """A redis-server of the benchmark's own (no persistence) on a free port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def redis_info(url: str) -> tuple[int, int, float]:
    """(commands, µs spent in commands, server CPU s) so far."""
    import redis

    r = redis.Redis.from_url(url)
    stats = r.info("commandstats")
    cpu = r.info("cpu")
    r.close()
    return (sum(v["calls"] for v in stats.values()), sum(v["usec"] for v in stats.values()),
            cpu["used_cpu_user"] + cpu["used_cpu_sys"])


def pg_info(schema: str) -> tuple[int, int]:
    """(rows inserted + updated + deleted, index scans) in the store's own schema so far (the
    database is shared with other users, so nothing database-wide)."""
    import psycopg

    time.sleep(1.0)  # table statistics reach the views at most ~1 s after a transaction
    with psycopg.connect(PG, autocommit=True) as db:
        row = db.execute("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0), "
                         "coalesce(sum(idx_scan), 0) FROM pg_stat_user_tables WHERE schemaname = %s",
                         (schema,)).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


class BackendCpu:
    """CPU of the PostgreSQL server processes whose application_name is `app`, sampled from /proc
    (the server runs on this machine) while they live; `seconds` at the end."""

    def __init__(self, app: str):
        self.app = app
        self.ticks: dict[int, int] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.hz = os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> BackendCpu:
        self.thread.start()
        return self

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(PG, autocommit=True) as db:
            while not self.done.wait(0.1):
                for (pid,) in db.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s",
                                         (self.app,)).fetchall():
                    try:
                        with open(f"/proc/{pid}/stat", "rb") as f:
                            stat = f.read()
                    except OSError:
                        continue
                    fields = stat[stat.rindex(b")") + 2:].split()
                    self.ticks[pid] = max(self.ticks.get(pid, 0), int(fields[11]) + int(fields[12]))

    def __exit__(self, *exc: Any) -> None:
        self.done.set()
        self.thread.join()

    @property
    def seconds(self) -> float:
        return sum(self.ticks.values()) / self.hz


# -- one crawl ----------------------------------------------------------------------------------
def reap(procs: list[subprocess.Popen[bytes]], keep: set[int]) -> float:
    """Wait for the crawl processes, then for their orphans (re-parented to us: every descendant
    but `keep`, the private Redis server); their CPU s."""
    cpu = 0.0
    for p in procs:
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        cpu += ru.ru_utime + ru.ru_stime
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            pid, _, ru = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if not set(_descendants(os.getpid())) - keep:
                break
            time.sleep(0.05)
            continue
        cpu += ru.ru_utime + ru.ru_stime
    return cpu


def crawl(tmp: Path, spider_args: list[str], mirrors: str, workers: int, redis: tuple[str, int | None],
          prefix: str, extract_workers: int, pg_schema: str | None = None) -> dict[str, float]:
    redis_url, redis_pid = redis
    out = tmp / f"out-{workers}-{uuid.uuid4().hex[:6]}"
    state = f"{PG}?schema={pg_schema}" if pg_schema else str(out / "s.sqlite")
    base = [sys.executable, "-m", "scrapy", "crawl", "news", *spider_args,
            "-s", f"NEWSSPIDER_OUTPUT={out / 'a.jsonl'}", "-s", f"NEWSSPIDER_STATE={state}",
            "-s", f"NEWSSPIDER_RUNS={out / 'runs.jsonl'}", "-s", f"NEWSSPIDER_MIRRORS={mirrors}",
            "-s", f"NEWSSPIDER_EXTRACT_WORKERS={extract_workers}", *COMMON]
    if workers:
        run = f"bench-{uuid.uuid4().hex[:6]}"
        cmds = [base + ["-s", f"NEWSSPIDER_RUN={run}", "-s", f"NEWSSPIDER_WORKER=w{i}",
                        "-s", f"NEWSSPIDER_REDIS_URL={redis_url}", "-s", f"NEWSSPIDER_REDIS_PREFIX={prefix}"]
                for i in range(1, workers + 1)]
    else:
        cmds = [base]
    out.mkdir(parents=True)
    app = f"nsbench-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "PGAPPNAME": app, "PYTHONWARNINGS": "ignore"}
    r0 = redis_info(redis_url)
    p0 = pg_info(pg_schema) if pg_schema else (0, 0)
    with BackendCpu(app) as backends:
        t0 = time.perf_counter()
        procs = [subprocess.Popen(c, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                  stderr=(out / f"log{i}").open("wb")) for i, c in enumerate(cmds)]
        cpu = reap(procs, {redis_pid} if redis_pid else set())
        wall = time.perf_counter() - t0
    r1 = redis_info(redis_url)
    p1 = pg_info(pg_schema) if pg_schema else (0, 0)
    if any(p.returncode for p in procs):
        raise SystemExit((out / "log0").read_text()[-3000:])
    runs = [json.loads(x) for x in (out / "runs.jsonl").read_text().splitlines()]
    res = {
        "wall": wall, "pages": sum(r["pages_fetched"] for r in runs), "articles": sum(r["articles_new"] for r in runs),
        "cpu": cpu, "redis_calls": r1[0] - r0[0], "redis_us": r1[1] - r0[1], "redis_cpu": r1[2] - r0[2],
        "pg_rows": p1[0] - p0[0], "pg_scans": p1[1] - p0[1], "pg_cpu": backends.seconds if pg_schema else 0.0,
    }
    shutil.rmtree(out, ignore_errors=True)
    return res


def table(med: dict[str, dict[str, float]]) -> list[str]:
    lines = ["| configuration | pages | articles | wall s | pages/s | CPU ms/page | Redis commands/page | "
             "Redis command µs/page | Redis server CPU µs/page | Redis server CPU µs/article | PostgreSQL rows "
             "written/article | PostgreSQL index lookups/article | PostgreSQL server CPU ms/page | "
             "PostgreSQL server CPU ms/article |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, m in med.items():
        p, a = m["pages"], max(1, m["articles"])
        redis = (f"{m['redis_calls'] / p:.1f} | {m['redis_us'] / p:.0f} | {1e6 * m['redis_cpu'] / p:.0f} | "
                 f"{1e6 * m['redis_cpu'] / a:.0f}") if CONFIGS[name][0] else "- | - | - | -"
        pg = (f"{m['pg_rows'] / a:.1f} | {m['pg_scans'] / a:.1f} | {1000 * m['pg_cpu'] / p:.2f} | "
              f"{1000 * m['pg_cpu'] / a:.2f}") if CONFIGS[name][1] else "- | - | - | -"
        lines.append(f"| {name} | {p:.0f} | {m['articles']:.0f} | {m['wall']:.1f} | {p / m['wall']:.2f} | "
                     f"{1000 * m['cpu'] / p:.1f} | {redis} | {pg} |")
    one, two = med["1 worker"], med["2 workers"]
    per_core = 1000 / (1000 * two["cpu"] / two["pages"])
    redis_cap = 1e6 / max(1.0, 1e6 * two["redis_cpu"] / two["pages"])
    lines += ["", f"2 workers / 1 worker (same run): pages/s {(two['pages'] / two['wall']) / (one['pages'] / one['wall']):.2f}x, "
              f"CPU ms/page {(two['cpu'] / two['pages']) / (one['cpu'] / one['pages']):.2f}x",
              f"per core: {per_core:.1f} pages/s (1000 / CPU ms per page of the 2-worker run); "
              f"one Redis thread: {redis_cap:,.0f} pages/s",
              "expected pages/s with k crawl cores: " + ", ".join(
                  f"k={k}: {min(k * per_core, redis_cap):.0f}" for k in (1, 2, 4, 8, 16))]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", choices=sorted(SITES), default="realistic")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--extract-workers", type=int, default=0, help="NEWSSPIDER_EXTRACT_WORKERS of every crawl")
    ap.add_argument("--redis-url", default=None, help="default: a private redis-server on a free port")
    ap.add_argument("--json", default=None, help="also write every measurement here")
    args = ap.parse_args()
    _become_subreaper()
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    tmp = Path(tempfile.mkdtemp(prefix="newsspider-scale-", dir=base))
    prefix = f"bench-{uuid.uuid4().hex[:6]}"
    schemas: list[str] = []
    names = list(CONFIGS)
    rows: dict[str, list[dict[str, float]]] = {k: [] for k in names}
    load0 = os.getloadavg()[0]
    redis_cm = private_redis() if args.redis_url is None else _given(args.redis_url)
    try:
        with redis_cm as redis, SITES[args.site](args.articles, tmp) as (spider_args, mirrors):
            for r in range(args.runs):
                for name in names[r % len(names):] + names[:r % len(names)]:
                    workers, pg = CONFIGS[name]
                    schema = f"bench_{uuid.uuid4().hex[:8]}" if pg else None
                    if schema:
                        schemas.append(schema)
                    rows[name].append(crawl(tmp, spider_args, mirrors, workers, redis, prefix,
                                            args.extract_workers, schema))
                    m = rows[name][-1]
                    print(f"  round {r + 1}: {name}: {m['pages']:.0f} pages, {m['articles']:.0f} articles, "
                          f"{m['wall']:.1f} s, CPU {m['cpu']:.1f} s", flush=True)
            if args.redis_url is not None:
                import redis as redis_py

                client = redis_py.Redis.from_url(args.redis_url)
                keys = list(client.scan_iter(f"{prefix}:*"))
                if keys:
                    client.delete(*keys)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if schemas:
            import psycopg

            with psycopg.connect(PG, autocommit=True) as db:
                for schema in schemas:
                    db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    med = {name: {k: statistics.median(x[k] for x in rs) for k in rs[0]} for name, rs in rows.items()}
    print(f"\nsite: {args.site}, {args.articles} articles; {os.cpu_count()} cores; NEWSSPIDER_EXTRACT_WORKERS="
          f"{args.extract_workers}; median of {args.runs} interleaved round(s); load average {load0:.1f} at the "
          f"start, {os.getloadavg()[0]:.1f} at the end; SQLite store and outputs on {'tmpfs' if base else 'disk'}\n")
    print("\n".join(table(med)))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


@contextmanager
def _given(url: str) -> Iterator[tuple[str, int | None]]:
    yield url, None


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    raise SystemExit(main())
