"""Seen-store cost as it grows: insert and lookup per article at 10k, 100k, 1M (… 10M) stored
articles, disk bytes per article, and the extrapolation to 10M.

    .venv/bin/python benchmarks/store_bench.py                       # SQLite, 10k / 100k / 1M
    .venv/bin/python benchmarks/store_bench.py --backend postgresql  # PostgreSQL (schema of its own)
    .venv/bin/python benchmarks/store_bench.py --sizes 10000,100000,1000000,10000000 --dir /big/disk

The store is filled through the bulk path (`newsspider.store.bulk.bulk_add`, batches of 20,000)
with synthetic articles that look like real ones to the store: canonical URLs of fan-news shape
(host, date path, 5-9 word slug; 20% with a second fetched URL), random 16-byte body hashes,
random signatures (every bin independent, as in real texts), and 0.5% of the articles sharing a
band (boilerplate: one LSH bucket of 5,000 articles at 1M; a lookup in it is bounded by
``MAX_CANDIDATES``). At each size the operations of a crawl are measured on the real code
paths, each CPU-timed on its own (median of ``--ops``):

- insert      ``store.add`` of a new article, in groups of 100 per transaction (the exporter's
              group commit; the commit is included: group CPU / 100)
- url         ``knows_url`` of a stored article URL (scheduled runs skip known URLs)
- canonical   ``judge`` of a stored canonical URL with its body (duplicate)
- content     ``judge`` of a new URL with a stored body hash (duplicate, same body)
- near        ``judge`` of a new URL whose signature shares 56 of 64 bins with a stored one
- new         ``judge`` of a new article (every lookup misses, LSH buckets empty)
- boilerplate ``judge`` of a new article sharing the boilerplate band (bounded candidates)

CPU time is the process's (``time.process_time``): for SQLite that is all of the work; for
PostgreSQL it is the client's only, so the wall time per operation is reported beside it (the
server runs on the same machine). Disk: the SQLite file after a WAL checkpoint, or the
PostgreSQL tables with their indexes and TOAST (``pg_total_relation_size``), over the articles.
The 10M column is a least-squares fit of cost against log10(size) (flat cost = slope 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsspider.dedup import NUM_BINS, ROWS, signature  # noqa: E402
from newsspider.store import SqlStore, open_store  # noqa: E402
from newsspider.store.base import epoch  # noqa: E402
from newsspider.store.bulk import Article, bulk_add  # noqa: E402

SIG_BYTES = len(signature("three short words"))
BIN = SIG_BYTES // NUM_BINS
HOSTS = [f"{name}.example" for name in (
    "kpopstarz", "soompi-news", "allkpop-daily", "koreaboo-wire", "hellokpop", "seoulbeats",
    "dramabeans-news", "kbizoom", "idology-feed", "kpopping-news", "bandwagon-asia", "nme-asia",
    "teen-vogue-kpop", "billboard-k", "kstarlive", "koreajoongang-ent", "sports-seoul", "osen-en",
    "newsen-en", "starnews-en")]
WORDS = ("comeback album single debut tour concert teaser schedule group member solo drama "
         "episode ratings ost release mini full repackage title track music video chart record "
         "fans fandom anniversary world stage showcase performance variety interview agency "
         "contract rookie idol trainee special collaboration unit digital physical sales week "
         "month night summer winter spring autumn first second third new final return").split()
BOILER_SHARE = 0.005
BOILER = hashlib.shake_128(b"boilerplate").digest(ROWS * BIN)  # first band of boilerplate texts


def article(i: int, pool: str = "a") -> Article:
    """The i-th synthetic article of a pool (a pure function of i: stored ones can be queried)."""
    raw = hashlib.shake_128(f"{pool}{i}".encode()).digest(SIG_BYTES + 32)
    sig, digest, extra = raw[:SIG_BYTES], raw[SIG_BYTES:SIG_BYTES + 16], raw[SIG_BYTES + 16:]
    if pool == "a" and int.from_bytes(extra[:4], "little") % 1000 < BOILER_SHARE * 1000:
        sig = BOILER + sig[len(BOILER):]
    slug = "-".join(WORDS[b % len(WORDS)] for b in extra[5:5 + 5 + extra[4] % 5])
    canonical = (f"https://{HOSTS[extra[14] % len(HOSTS)]}/20{20 + extra[15] % 7}/{1 + extra[13] % 12:02d}/"
                 f"{slug}-{i}")
    urls = (canonical + "/amp",) if extra[12] % 5 == 0 else ()
    return Article(canonical, digest, 1, sig, 1_700_000_000 + i, urls)


def sorted_fill(store: SqlStore, start: int, stop: int, batch: int = 50_000) -> float:
    """SQLite, for 10M: articles appended, their keys collected in unindexed temporary tables and
    moved into the key tables in key order at the end (one sort, pages written once) instead of
    ~10 random B-tree inserts per article. The synthetic URLs are already in normal form, so
    their keys are hashed directly (checked on a sample). Returns CPU seconds."""
    from newsspider.dedup import band_keys
    from newsspider.store.base import _i64, url_key

    def key(url: str) -> int:
        return _i64(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest())

    assert all(key(u) == url_key(u) for i in range(start, start + 200) for u in (article(i).canonical, *article(i).urls))
    t = time.process_time()
    db = store.db
    default = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size=-1048576")
    db.execute("CREATE TEMP TABLE f_urls (k INTEGER, a INTEGER)")
    db.execute("CREATE TEMP TABLE f_bodies (k INTEGER, a INTEGER)")
    db.execute("CREATE TEMP TABLE f_bands (k INTEGER, a INTEGER)")
    aid = int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
    db.execute("BEGIN")
    for lo in range(start, stop, batch):
        rows = [article(i) for i in range(lo, min(stop, lo + batch))]
        ids = range(aid + 1, aid + 1 + len(rows))
        aid += len(rows)
        db.executemany("INSERT INTO articles(id, canonical, body_hash, version, sig, exported_at) VALUES (?,?,?,?,?,?)",
                       [(i, a.canonical, a.digest, a.version, a.sig, a.exported_at) for i, a in zip(ids, rows, strict=True)])
        db.executemany("INSERT INTO f_urls VALUES (?,?)",
                       [(key(u), i) for i, a in zip(ids, rows, strict=True) for u in (a.canonical, *a.urls)])
        db.executemany("INSERT INTO f_bodies VALUES (?,?)",
                       [(_i64(a.digest), i) for i, a in zip(ids, rows, strict=True)])
        db.executemany("INSERT INTO f_bands VALUES (?,?)",
                       [(k, i) for i, a in zip(ids, rows, strict=True) for k in band_keys(a.sig)])
    for table, order in (("urls", "k"), ("bodies", "k"), ("bands", "k, a")):
        db.execute(f"INSERT OR IGNORE INTO {table}(k, article) SELECT k, a FROM f_{table} ORDER BY {order}")
        db.execute(f"DROP TABLE f_{table}")
    db.execute("COMMIT")
    db.execute(f"PRAGMA cache_size={int(default)}")  # the store's own setting again
    return time.process_time() - t


def fill(store: SqlStore, start: int, stop: int, batch: int = 20_000) -> float:
    """Bulk-load articles [start, stop); returns CPU seconds."""
    if store.kind == "sqlite" and stop - start > 2_000_000:
        return sorted_fill(store, start, stop)
    t = time.process_time()
    if store.kind == "sqlite":  # a large page cache while loading, the store's default again after
        default = store.db.execute("PRAGMA cache_size").fetchone()[0]
        store.db.execute("PRAGMA cache_size=-1048576")
    for lo in range(start, stop, batch):
        bulk_add(store, (article(i) for i in range(lo, min(stop, lo + batch))))
    if store.kind == "sqlite":
        store.db.execute(f"PRAGMA cache_size={int(default)}")
    return time.process_time() - t


def near_copy(sig: bytes, salt: int) -> bytes:
    """`sig` with 8 of its 64 bins replaced (estimated similarity 0.875)."""
    out = bytearray(sig)
    noise = hashlib.shake_128(f"n{salt}".encode()).digest(8 * BIN)
    for j in range(8):
        b = (salt + 8 * j) % NUM_BINS
        out[b * BIN:(b + 1) * BIN] = noise[j * BIN:(j + 1) * BIN]
    return bytes(out)


def timed(ops: Iterator[Callable[[], Any]]) -> tuple[float, float]:
    """Median CPU µs and median wall µs of the operations."""
    cpu, wall = [], []
    for op in ops:
        c, w = time.process_time(), time.perf_counter()
        op()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu) * 1e6, statistics.median(wall) * 1e6


def _record(a: Article) -> dict[str, Any]:
    return {"url": a.canonical, "canonical_url": a.canonical, "url_key": a.canonical,
            "content_hash": a.digest.hex(), "version": 1, "fetched_at": "2026-11-01T00:00:00+00:00"}


def measure(store: SqlStore, loaded: int, ops: int, fresh: Iterator[int]) -> dict[str, tuple[float, float]]:
    """Per-operation costs; articles [0, loaded) are stored, `fresh` numbers never-stored ones."""
    step = max(1, loaded // ops)
    # a different sample of stored and new articles for each kind of operation, so none finds
    # the URL keys of another one's in the store's small URL cache
    def sample(k: int) -> list[Article]:
        return [article(i) for i in range(k, loaded, step)][:ops]

    def new() -> list[Article]:
        return [article(next(fresh), "q") for _ in range(ops)]

    out: dict[str, tuple[float, float]] = {}
    out["url"] = timed((lambda a=a: store.knows_url(a.canonical)) for a in sample(1))  # type: ignore[misc]
    stored = sample(2)
    out["canonical"] = timed((lambda a=a: _expect(store.judge(a.canonical, a.digest.hex(), a.sig), "duplicate"))
                             for a in stored)  # type: ignore[misc]
    out["content"] = timed((lambda a=a, b=b: _expect(store.judge(b.canonical, a.digest.hex(), b.sig), "same body"))
                           for a, b in zip(sample(3), new(), strict=True))  # type: ignore[misc]
    out["near"] = timed((lambda a=a, b=b, k=k: _expect(
        store.judge(b.canonical, b.digest.hex(), near_copy(a.sig, k)), "near-duplicate body"))
        for k, (a, b) in enumerate(zip(sample(4), new(), strict=True)))  # type: ignore[misc]
    out["new"] = timed((lambda b=b: _expect(store.judge(b.canonical, b.digest.hex(), b.sig), "new"))
                       for b in new())  # type: ignore[misc]
    out["boilerplate"] = timed((lambda b=b: store.judge(b.canonical, b.digest.hex(), BOILER + b.sig[len(BOILER):]))
                               for b in new())  # type: ignore[misc]
    # inserts last (they grow the store by `ops`), in groups of 100 like the exporter
    groups = []
    inserts = [article(next(fresh), "q") for _ in range(max(ops, 100))]
    for g in range(0, len(inserts) - 99, 100):
        c, w = time.process_time(), time.perf_counter()
        with store.transaction():
            for a in inserts[g:g + 100]:
                store.add(_record(a), a.sig, fetched_urls=a.urls)
        groups.append(((time.process_time() - c) / 100, (time.perf_counter() - w) / 100))
    out["insert"] = (statistics.median(x[0] for x in groups) * 1e6, statistics.median(x[1] for x in groups) * 1e6)
    return out


def _expect(verdict: Any, what: str) -> None:
    if what not in (verdict.action, verdict.reason):
        raise AssertionError(f"expected {what}, got {verdict}")


def disk_bytes(store: SqlStore) -> tuple[int, dict[str, int]]:
    """Bytes on disk of the store (total, by table/index)."""
    if store.kind == "postgresql":
        rows = store._x("SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace s "
                        "ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relkind = 'r'").fetchall()
        parts = {name: int(size) for name, size in rows}
        return sum(parts.values()), parts
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = Path(store.path).stat().st_size  # type: ignore[attr-defined]
    try:
        parts = dict(store.db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    except Exception:  # noqa: BLE001 - dbstat is an optional SQLite module
        parts = {}
    return total, parts


def fit(sizes: list[int], values: list[float], at: int) -> tuple[float, float]:
    """Least-squares power law cost = a * size**b through the measurements: (cost at `at`, b).
    Flat cost is b = 0; a lookup in a B-tree grows like log(size), b ~ 0.05-0.1 over this range."""
    xs = [math.log10(s) for s in sizes]
    ys = [math.log10(max(v, 1e-9)) for v in values]
    if len(xs) < 2:
        return values[0], 0.0
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return 10 ** (my + slope * (math.log10(at) - mx)), slope


OPS = ("insert", "url", "canonical", "content", "near", "new", "boilerplate")


def _lookups(st: SqlStore, old: list[Article], new: list[Article], ops: int) -> dict[str, tuple[float, float]]:
    """The lookups of `measure` on fresh samples: `old` stored articles, `new` never-stored ones (4 * ops each)."""
    return {
        "url": timed((lambda a=a: st.knows_url(a.canonical)) for a in old[:ops]),  # type: ignore[misc]
        "canonical": timed((lambda a=a: _expect(st.judge(a.canonical, a.digest.hex(), a.sig), "duplicate"))
                           for a in old[ops:2 * ops]),  # type: ignore[misc]
        "content": timed((lambda a=a, b=b: _expect(st.judge(b.canonical, a.digest.hex(), b.sig), "same body"))
                         for a, b in zip(old[2 * ops:3 * ops], new[:ops], strict=True)),  # type: ignore[misc]
        "near": timed((lambda a=a, b=b, k=k: _expect(st.judge(b.canonical, b.digest.hex(), near_copy(a.sig, k)),
                                                     "near-duplicate body"))
                      for k, (a, b) in enumerate(zip(old[3 * ops:], new[ops:2 * ops], strict=True))),  # type: ignore[misc]
        "new": timed((lambda b=b: _expect(st.judge(b.canonical, b.digest.hex(), b.sig), "new"))
                     for b in new[2 * ops:3 * ops]),  # type: ignore[misc]
        "boilerplate": timed((lambda b=b: st.judge(b.canonical, b.digest.hex(), BOILER + b.sig[len(BOILER):]))
                             for b in new[3 * ops:]),  # type: ignore[misc]
    }


def pragma_ab(path: Path, size: int, configs: list[str], ops: int, rounds: int, cold: bool) -> dict[str, Any]:
    """SQLite connection settings compared on one store file (filled to `size` if smaller): one
    connection per setting ("default" or "cache_size=-65536,mmap_size=..."), rounds alternating
    their order, each round a new random sample of stored and new articles. `cold`: before each
    round the connection is reopened and the file dropped from the OS page cache
    (posix_fadvise DONTNEED), as after a reboot. Returns {setting: {op: [(cpu, wall) per round]}}."""
    import os
    import random

    store = open_store(str(path))
    have = store.count()
    if have < size:
        print(f"fill {have:,} -> {size:,}: {fill(store, have, size):.1f} s CPU", flush=True)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()

    def connect(setting: str) -> SqlStore:
        s = open_store(str(path))
        for p in ([] if setting == "default" else setting.split(",")):
            s.db.execute(f"PRAGMA {p}")
        return s

    stores = {c: connect(c) for c in configs}
    rng = random.Random(size)
    base = 4_000_000_000 + time.time_ns() % 10**6 * 10**4  # "q" articles no earlier run stored
    fresh = iter(range(base, base + 10**9))
    out: dict[str, dict[str, list[tuple[float, float]]]] = {c: {} for c in configs}
    for r in range(rounds):
        for c in (configs if r % 2 == 0 else configs[::-1]):
            if cold:
                stores[c].close()
                fd = os.open(path, os.O_RDONLY)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                os.close(fd)
                stores[c] = connect(c)
            old = [article(rng.randrange(size)) for _ in range(4 * ops)]
            new = [article(next(fresh), "q") for _ in range(4 * ops)]
            res = _lookups(stores[c], old, new, ops)
            for k, v in res.items():
                out[c].setdefault(k, []).append(v)
        print(f"round {r + 1}/{rounds} done", flush=True)
    for c, st in stores.items():
        print(c, "cache_size", st.db.execute("PRAGMA cache_size").fetchone()[0],
              "mmap_size", st.db.execute("PRAGMA mmap_size").fetchone()[0])
        st.close()
    return out


def pragma_table(out: dict[str, Any]) -> str:
    configs = list(out)
    lines = ["| µs CPU [wall] per lookup, median of the rounds' medians | " + " | ".join(configs) + " |",
             "|---" + "|---:" * len(configs) + "|"]
    for op in out[configs[0]]:
        lines.append(f"| {op} | " + " | ".join(
            f"{statistics.median(v[0] for v in out[c][op]):.0f} [{statistics.median(v[1] for v in out[c][op]):.0f}]"
            for c in configs) + " |")
    return "\n".join(lines)


def run(backend: str, sizes: list[int], ops: int, workdir: Path, extrapolate: int,
        save: Callable[[dict[str, Any]], None] = lambda results: None, keep_schema: str | None = None) -> dict[str, Any]:
    schema = None
    if backend == "postgresql":
        schema = keep_schema or f"bench_{uuid.uuid4().hex[:8]}"
        spec = f"{PG_BASE}?schema={schema}"
    else:
        spec = str(workdir / "seen.sqlite")
    store = open_store(spec)
    results: dict[str, Any] = {"backend": backend, "sizes": {}, "scheme": None, "extrapolate": extrapolate}
    fresh = iter(range(10**9))
    loaded = 0  # synthetic articles bulk-loaded so far (the measured inserts come on top)
    if keep_schema:  # a run stopped during a fill: its articles [0, loaded) are there (a prefix)
        when = epoch(_record(article(0))["fetched_at"])  # the measured inserts' export time
        loaded = int(store._one("SELECT count(*) FROM articles WHERE exported_at < ?", (when,))[0])
        start = 2 * 10**9 + time.time_ns() // 1000 % 10**6 * 1000  # new articles no earlier measurement used
        fresh = iter(range(start, start + 10**9))
    try:
        for n in sizes:
            more = max(0, n - store.count())
            cpu = fill(store, loaded, loaded + more)
            loaded += more
            count = store.count()
            total, parts = disk_bytes(store)
            costs = measure(store, loaded, ops, fresh)
            results["sizes"][n] = {"articles": count, "fill_cpu_s": cpu, "bytes": total,
                                   "bytes_per_article": total / count, "parts": parts, "ops": costs}
            print(f"{n:>10,} stored: fill {cpu:.1f} s CPU, {total / count:.0f} bytes/article, "
                  + ", ".join(f"{k} {v[0]:.0f} [{v[1]:.0f}]" for k, v in costs.items()) + " µs CPU [wall]",
                  flush=True)
            save(results)  # a long run stopped before its last size keeps the sizes measured
    finally:
        store.close()
        if schema and not keep_schema:
            import psycopg

            with psycopg.connect(PG_BASE, autocommit=True) as db:
                db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    return results


PG_BASE = "postgresql://postgres@127.0.0.1:5432/test"


def table(results: dict[str, Any]) -> str:
    sizes = sorted(results["sizes"], key=int)
    labels = [f"{int(s):,}" for s in sizes]
    ext = results["extrapolate"]
    pg = results["backend"] == "postgresql"
    head = ["operation (µs CPU per article, median)" + (" [wall]" if pg else ""), *labels,
            f"{ext:,} (fit)", "exponent b", f"ratio {labels[-1]} / {labels[0]}"]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    for op in OPS:
        vals = [results["sizes"][s]["ops"][op] for s in sizes]
        cells = [f"{v[0]:.0f}" + (f" [{v[1]:.0f}]" if pg else "") for v in vals]
        guess, b = fit([int(s) for s in sizes], [v[0] for v in vals], ext)
        lines.append(f"| {op} | " + " | ".join(cells) + f" | {guess:.0f} | {b:+.3f} | {vals[-1][0] / vals[0][0]:.2f} |")
    per = [results["sizes"][s]["bytes_per_article"] for s in sizes]
    lines.append("| disk bytes per article | " + " | ".join(f"{b:.0f}" for b in per)
                 + f" | {per[-1]:.0f} ({per[-1] * ext / 1e9:.1f} GB) | | {per[-1] / per[0]:.2f} |")
    fills = [results["sizes"][s]["fill_cpu_s"] for s in sizes]
    lines.append("| bulk fill, CPU s (to this size) | " + " | ".join(f"{f:.1f}" for f in fills) + " | | | |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--ops", type=int, default=1000, help="operations timed per kind and size")
    ap.add_argument("--extrapolate", type=int, default=10_000_000)
    ap.add_argument("--dir", default=None, help="where the SQLite file goes (default: a temporary directory)")
    ap.add_argument("--json", default=None, help="also write the results here")
    ap.add_argument("--schema", default=None,
                    help="PostgreSQL: use this schema and keep it (a run stopped during a long fill is "
                         "measured, or filled further, from the articles it has)")
    ap.add_argument("--pragmas", default=None,
                    help="SQLite: compare connection settings on one store file instead, e.g. "
                         "'default;cache_size=-65536;mmap_size=2147418112' (needs --file; the largest --sizes)")
    ap.add_argument("--file", default=None, help="--pragmas: the store file (filled if smaller, kept)")
    ap.add_argument("--rounds", type=int, default=4, help="--pragmas: rounds (the settings' order alternates)")
    ap.add_argument("--cold", action="store_true", help="--pragmas: file dropped from the OS cache before each round")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.pragmas:
        if not args.file:
            ap.error("--pragmas needs --file")
        out = pragma_ab(Path(args.file), max(sizes), args.pragmas.split(";"), args.ops, args.rounds, args.cold)
        print(pragma_table(out))
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="store_bench_", dir=args.dir))
    def save(results: dict[str, Any]) -> None:
        if args.json:
            Path(args.json).write_text(json.dumps({**results, "sig_bytes": SIG_BYTES}, indent=1), encoding="utf-8")

    try:
        results = run(args.backend, sizes, args.ops, workdir, args.extrapolate, save, args.schema)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["sig_bytes"] = SIG_BYTES
    print()
    print(table(results))
    last = results["sizes"][sizes[-1]]
    print("\nbytes by table/index at the largest size: "
          + ", ".join(f"{k} {v / last['articles']:.0f}" for k, v in sorted(last["parts"].items(), key=lambda x: -x[1])))
    save(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
