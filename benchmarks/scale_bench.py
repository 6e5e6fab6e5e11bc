"""Scale-out cost: one process vs 1 and 2 workers of a run on the realistic benchmark site
(`demo_copy_site.build_site`: the demo's article pages, 50-100 KB each, copied under new URLs with
varied text), with the real Redis on 127.0.0.1:6379.

    .venv/bin/python benchmarks/scale_bench.py [--articles 400] [--runs 1]

Per configuration: wall time, pages/s, CPU ms per page (all crawl processes), Redis commands
(counted by the server, including those inside the Lua scripts; about 5 round trips per page) and
Redis server time per page and per exported article (``INFO commandstats`` deltas, so run it when
nothing else uses that Redis), and for the PostgreSQL store (2 workers, a schema of its own in the
database ``test``) the rows it writes and the index lookups it makes per article
(``pg_stat_user_tables`` of that schema).
From those, the expected throughput with k cores: min(k x per-core pages/s, what Redis allows).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from demo_copy_site import build_site  # noqa: E402

from newsspider.demo.server import DemoServer  # noqa: E402

COMMON = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
          "-s", "NEWSSPIDER_FLEET_CONCURRENCY=64", "-s", "LOG_LEVEL=INFO", "-s", "ROBOTSTXT_OBEY=False",
          "-s", "NEWSSPIDER_STOP_AFTER_SEEN=0"]


def redis_info() -> tuple[int, int, float]:
    """(commands, command µs, server CPU s) so far."""
    import redis

    r = redis.Redis()
    stats = r.info("commandstats")
    calls = sum(v["calls"] for v in stats.values())
    usec = sum(v["usec"] for v in stats.values())
    cpu = r.info("cpu")
    return calls, usec, cpu["used_cpu_user"] + cpu["used_cpu_sys"]


PG = os.environ.get("NEWSSPIDER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pg_info(schema: str) -> tuple[int, int]:
    """(rows inserted + updated + deleted, index scans) in the store's own schema so far (the
    database is shared with other users, so nothing database-wide)."""
    import psycopg

    time.sleep(1.0)  # table statistics reach the views at the end of a transaction, at most 1 s late
    with psycopg.connect(PG, autocommit=True) as db:
        row = db.execute("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0), "
                         "coalesce(sum(idx_scan), 0) FROM pg_stat_user_tables WHERE schemaname = %s",
                         (schema,)).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def crawl(tmp: Path, mirrors: str, workers: int, prefix: str, state: str | None = None) -> dict[str, float]:
    out = tmp / f"out-{workers}-{uuid.uuid4().hex[:6]}"
    base = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=demo",
            "-s", f"NEWSSPIDER_OUTPUT={out / 'a.jsonl'}", "-s", f"NEWSSPIDER_STATE={state or out / 's.sqlite'}",
            "-s", f"NEWSSPIDER_RUNS={out / 'runs.jsonl'}", "-s", f"NEWSSPIDER_MIRRORS={mirrors}", *COMMON]
    if workers:
        run = f"bench-{uuid.uuid4().hex[:6]}"
        cmds = [base + ["-s", f"NEWSSPIDER_RUN={run}", "-s", f"NEWSSPIDER_WORKER=w{i}",
                        "-s", f"NEWSSPIDER_REDIS_PREFIX={prefix}"] for i in range(1, workers + 1)]
    else:
        cmds = [base]
    out.mkdir(parents=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r0 = redis_info()
    schema = state.rsplit("schema=", 1)[1] if state else ""
    p0 = pg_info(schema) if state else (0, 0)
    t0 = time.perf_counter()
    procs = [subprocess.Popen(c, cwd=REPO, stdout=subprocess.DEVNULL, stderr=(out / f"log{i}").open("wb"))
             for i, c in enumerate(cmds)]
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - t0
    r1 = redis_info()
    p1 = pg_info(schema) if state else (0, 0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if any(codes):
        raise SystemExit((out / "log0").read_text()[-3000:])
    runs = [json.loads(x) for x in (out / "runs.jsonl").read_text().splitlines()]
    res = {
        "wall": wall, "pages": sum(r["pages_fetched"] for r in runs), "articles": sum(r["articles_new"] for r in runs),
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "redis_calls": r1[0] - r0[0], "redis_us": r1[1] - r0[1], "redis_cpu": r1[2] - r0[2],
        "pg_rows": p1[0] - p0[0], "pg_scans": p1[1] - p0[1],
    }
    shutil.rmtree(out, ignore_errors=True)
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    tmp = Path(tempfile.mkdtemp(prefix="newsspider-scale-", dir=base))
    build_site(tmp / "site", args.articles)
    prefix = f"bench-{uuid.uuid4().hex[:6]}"
    configs = {"1 process (no Redis)": 0, "1 worker": 1, "2 workers": 2, "2 workers, PostgreSQL store": 2}
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    rows: dict[str, list[dict[str, float]]] = {k: [] for k in configs}
    try:
        with DemoServer(tmp / "site") as srv:
            mirrors = json.dumps(srv.mirrors)
            for _ in range(args.runs):
                for name, n in configs.items():
                    state = f"{PG}?schema={schema}_{len(rows[name])}" if "PostgreSQL" in name else None
                    rows[name].append(crawl(tmp, mirrors, n, prefix, state))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        import redis

        r = redis.Redis()
        keys = list(r.scan_iter(f"{prefix}:*"))
        if keys:
            r.delete(*keys)
        import psycopg

        with psycopg.connect(PG, autocommit=True) as db:
            for i in range(args.runs):
                db.execute(f'DROP SCHEMA IF EXISTS "{schema}_{i}" CASCADE')
    med = {name: {k: statistics.median(x[k] for x in rs) for k in rs[0]} for name, rs in rows.items()}
    print(f"site: {args.articles} article pages (demo_copy_site.build_site), {os.cpu_count()} cores, "
          f"median of {args.runs} run(s); SQLite store and outputs on {'tmpfs' if base else 'disk'}\n")
    print("| configuration | wall s | pages/s | CPU ms/page | Redis commands/page | Redis µs/page | "
          "Redis commands/article | Redis µs/article | PostgreSQL rows written/article | PostgreSQL index lookups/article |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, m in med.items():
        p, a = m["pages"], max(1, m["articles"])
        redis_cols = (f"{m['redis_calls'] / p:.1f} | {m['redis_us'] / p:.0f} | {m['redis_calls'] / a:.1f} | "
                      f"{m['redis_us'] / a:.0f}") if configs[name] else "- | - | - | -"
        pg = f"{m['pg_rows'] / a:.1f} | {m['pg_scans'] / a:.1f}" if "PostgreSQL" in name else "- | -"
        print(f"| {name} | {m['wall']:.1f} | {p / m['wall']:.1f} | {1000 * m['cpu'] / p:.1f} | {redis_cols} | {pg} |")
    two = med["2 workers"]
    per_core = 1000 / (1000 * two["cpu"] / two["pages"])
    redis_cap = 1e6 / max(1.0, two["redis_us"] / two["pages"])
    print(f"\nper core: {per_core:.1f} pages/s (CPU ms/page of the 2-worker run); shared by the fleet: "
          f"Redis (one thread) {redis_cap:.0f} pages/s")
    print("expected pages/s with k cores: " + ", ".join(
        f"k={k}: {min(k * per_core, redis_cap):.0f}" for k in (1, 2, 4, 8, 16)))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    raise SystemExit(main())
