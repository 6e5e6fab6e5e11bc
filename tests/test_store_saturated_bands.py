"""PostgreSQL seen-store: a band shared by many articles (boilerplate) stays bounded.

A GIN search reads a band's whole posting list before the lookup's LIMIT applies, so the
near-duplicate lookup grew with the number of articles sharing a band. Once a lookup finds
``PER_BAND`` articles in a band, the band is recorded in ``saturated_bands`` and later articles
leave it out of their ``bands`` array: the posting list stays at ``PER_BAND`` entries, and the
verdicts stay those of the SQLite store (whose B-tree LIMIT stops after the earliest
``PER_BAND``). Counted, not timed. Needs PostgreSQL on 127.0.0.1:5432 (database ``test``).
"""

from __future__ import annotations

import hashlib
import threading

from store_helpers import PG_BASE, make_store, pg_schema_url

from newsspider.dedup import BANDS, PER_BAND, band_keys
from newsspider.store import open_store
from newsspider.store.bulk import Article, bulk_add
from newsspider.urls import normalize_url

SIG_BYTES = 128
BOILER = hashlib.shake_128(b"a shared footer").digest(4)  # the first band of every boilerplate text


def _sig(i: int, salt: str = "s", boiler: bool = True) -> bytes:
    sig = hashlib.shake_128(f"{salt}{i}".encode()).digest(SIG_BYTES)
    return BOILER + sig[4:] if boiler else sig


def _near(sig: bytes) -> bytes:
    """`sig` with 8 of its 64 bins changed, none of them in the bands (similarity 0.875)."""
    out = bytearray(sig)
    out[-16:] = hashlib.shake_128(sig).digest(16)
    return bytes(out)


def _record(i: int, salt: str = "s") -> dict:
    url = f"https://fan.example/2026/12/{salt}-story-{i}"
    return {"url": url, "canonical_url": url, "content_hash": hashlib.md5(f"{salt}{i}".encode()).hexdigest(),
            "fetched_at": "2026-12-03T09:00:00+00:00"}


def _export(store, i: int, sig: bytes, salt: str = "s") -> str:
    """Judge and record one article in one transaction under its locks, as the exporter does."""
    rec = _record(i, salt)
    keys = store.lock_keys(rec["canonical_url"], [rec["url"]], rec["content_hash"], sig)
    with store.transaction(keys):
        verdict = store.judge(rec["canonical_url"], rec["content_hash"], sig)
        if verdict.action == "new":
            store.add(rec, sig)
    return verdict.action if verdict.duplicate_of is None else verdict.duplicate_of


def _in_index(store, key: int) -> int:
    """Articles whose band array holds `key` (the GIN posting list of the band)."""
    return int(store._one("SELECT count(*) FROM articles WHERE bands @> ARRAY[?::bigint]", (key,))[0])


def test_a_boilerplate_band_keeps_at_most_per_band_articles_in_the_index(tmp_path, request):
    store, _ = make_store("postgresql", tmp_path, request)
    n = 6 * PER_BAND
    assert [_export(store, i, _sig(i)) for i in range(n)] == ["new"] * n
    key = band_keys(_sig(0))[0]
    assert store.count() == n
    assert _in_index(store, key) == PER_BAND  # was n: every article of the band in its posting list
    saturated = store._one("SELECT articles FROM saturated_bands WHERE k=?", (key,))
    assert saturated is not None and len(saturated[0]) == PER_BAND
    # the other bands are untouched: every article keeps its own 7
    assert int(store._one("SELECT sum(cardinality(bands)) FROM articles")[0]) == n * (BANDS - 1) + PER_BAND
    # the lookup reads that row, not the index: EXPLAIN ANALYZE of a boilerplate lookup shows
    # the band's index search never run ("never executed")
    statements: list[tuple[str, tuple]] = []
    run_x = store._x
    store._x = lambda sql, params=(): (statements.append((sql, tuple(params))), run_x(sql, params))[1]
    store.near_duplicate(_sig(10_000))
    store._x = run_x
    sql, params = next((s, p) for s, p in statements if "bands @>" in s)
    plan = [r[0] for r in store.db.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + store._q(sql), params)]
    scans = [line for line in plan if "Bitmap Index Scan on articles_bands" in line]
    assert len(scans) == BANDS and sum("never executed" in line for line in scans) == 1, "\n".join(plan)


def test_verdicts_match_the_sqlite_store(tmp_path, request):
    """The candidates of a saturated band are the earliest PER_BAND articles, as before and as
    SQLite's LIMIT gives: near-copies of early and late boilerplate articles, of a plain
    article, and new articles get the same verdicts in both stores."""
    pg, _ = make_store("postgresql", tmp_path, request)
    lite, _ = make_store("sqlite", tmp_path, request)
    n = 5 * PER_BAND
    plain = _sig(0, "p", boiler=False)
    steps = [(i, _sig(i)) for i in range(n)] + [(n, plain)]
    steps += [(100 + i, _near(_sig(i))) for i in (0, 3, PER_BAND - 1, PER_BAND, n - 1)]  # early and late
    steps += [(200, _near(plain)), (201, _sig(201, "q", boiler=False)), (202, _sig(202, "q"))]
    got = {name: [_export(store, i, sig) for i, sig in steps] for name, store in (("pg", pg), ("sqlite", lite))}
    assert got["pg"] == got["sqlite"]
    assert got["pg"][n + 1:n + 6] == [normalize_url(_record(i)["canonical_url"]) for i in (0, 3, PER_BAND - 1, PER_BAND, n - 1)]
    assert got["pg"][-3:] == [normalize_url(_record(n)["canonical_url"]), "new", "new"]


def test_no_store_query_scans_a_table(tmp_path, request):
    """The new statements (saturated lookup, recording a band, bands without saturated keys)
    read by key, like every other store query (tests/test_dedup_store.py)."""
    store, _ = make_store("postgresql", tmp_path, request)
    statements: list[tuple[str, tuple]] = []
    run_x, run_many = store._x, store._many

    def x(sql, params=()):
        statements.append((sql, tuple(params)))
        return run_x(sql, params)

    def many(sql, rows):
        rows = list(rows)
        if rows:
            statements.append((sql, tuple(rows[0])))
        return run_many(sql, rows)

    store._x, store._many = x, many
    for i in range(2 * PER_BAND):
        _export(store, i, _sig(i))
    texts = {s for s, _ in statements}
    assert any("INSERT INTO saturated_bands" in s for s in texts) and any("FROM saturated_bands" in s for s in texts)
    scans = {}
    for sql, params in statements:
        if sql.lstrip().split(None, 1)[0].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            plan = "\n".join(r[0] for r in store.db.execute("EXPLAIN " + store._q(sql), params))
            lines = plan.splitlines()
            # a sequential scan, or an index scan without a condition (the whole index)
            if "Seq Scan" in plan or any("Index" in line and " Scan using " in line and "Index Cond" not in nxt
                                         for line, nxt in zip(lines, [*lines[1:], ""], strict=True)):
                scans[sql] = plan
    assert scans == {}


def test_bulk_add_leaves_saturated_bands_out(tmp_path, request):
    store, _ = make_store("postgresql", tmp_path, request)
    for i in range(PER_BAND + 1):
        _export(store, i, _sig(i))
    bulk_add(store, [Article(f"https://fan.example/bulk/{i}", hashlib.md5(b"b%d" % i).digest(), 1,
                             _sig(i, "b"), None) for i in range(50)])
    assert _in_index(store, band_keys(_sig(0))[0]) == PER_BAND
    assert store.count() == PER_BAND + 51


def test_a_store_made_before_saturated_bands_gets_the_table_while_a_writer_runs(request):
    """Opening a store without the table creates it (alone: no lock on the tables a crawl writes),
    even while another connection holds a write transaction; opening a ready store runs no DDL."""
    import psycopg

    url = pg_schema_url(request)
    open_store(url).close()
    schema = url.rsplit("schema=", 1)[1]
    with psycopg.connect(PG_BASE, autocommit=True) as db:
        db.execute(f'DROP TABLE "{schema}".saturated_bands')
    with psycopg.connect(PG_BASE) as writer:
        writer.execute(f'SET search_path TO "{schema}"')
        writer.execute("LOCK TABLE articles IN ROW EXCLUSIVE MODE")
        writer.execute("LOCK TABLE urls IN ROW EXCLUSIVE MODE")
        result: list[str] = []

        def open_it() -> None:
            try:
                store = open_store(url)
                result.append(str(store._one("SELECT to_regclass('saturated_bands') IS NOT NULL")[0]))
                store.close()
            except Exception as exc:  # noqa: BLE001 - reported by the assertion below
                result.append(f"{type(exc).__name__}: {exc}")

        t = threading.Thread(target=open_it, daemon=True)
        t.start()
        t.join(timeout=20)
        opened_while_writing = list(result)
        writer.rollback()
        t.join(timeout=20)
    assert opened_while_writing == ["True"], (opened_while_writing, result)
    store = open_store(url)
    request.addfinalizer(store.close)
    assert store._schema_ready() == (True, True)  # the next opening runs no DDL
    assert _export(store, 1, _sig(1)) == "new"
