import sqlite3

import pytest
from store_helpers import BACKENDS, make_store

from newsspider.dedup import (
    BANDS,
    NUM_BINS,
    LshIndex,
    band_keys,
    content_hash,
    normalize_text,
    signature,
    similarity,
)
from newsspider.store import SqliteStore, open_store

TEXT = " ".join(
    f"Sentence number {i} tells how the group rehearsed the choreography for week {i % 7}."
    for i in range(60)
)
OTHER = " ".join(f"Item {i}: the drama ended its run with a ratings record in episode {i * 3}."
                 for i in range(60))


def test_content_hash_folds_case_space_and_punctuation():
    assert content_hash("Hello,  World!\n\nBye.") == content_hash("hello world bye")
    assert content_hash("hello world") != content_hash("hello there world")


def test_signature_similarity_separates_near_copies_from_other_texts():
    copy = "This story first appeared on a partner site. " + TEXT + " Originally published elsewhere."
    assert len(signature(TEXT)) == NUM_BINS * 2
    assert similarity(signature(TEXT), signature(copy)) > 0.8
    assert similarity(signature(TEXT), signature(OTHER)) < 0.3
    assert similarity(signature(""), signature(TEXT)) == 0.0 and signature("") == b""
    # a short text (fewer shingles than bins) still gets a full signature
    assert len(signature("three short words")) == NUM_BINS * 2


def test_signature_is_stable_across_processes_and_versions():
    # stored signatures are compared with new ones: the hashing must never change silently
    sig = signature("Moonlight Riders announced their first world tour on Monday night")
    assert sig.hex()[:48] == PINNED, sig.hex()[:48]


PINNED = "40fa095cd2bd9b1f64812de3f644bfa68808516a1acce32d"


def test_estimated_similarity_tracks_jaccard():
    words = normalize_text(TEXT + " " + OTHER).split()
    base = words[:600]
    for keep in (0.9, 0.7, 0.5):
        cut = int(len(base) * keep)
        a, b = " ".join(base), " ".join(base[:cut] + [f"x{i}" for i in range(len(base) - cut)])
        sa = {tuple(base[i:i + 5]) for i in range(len(base) - 4)}
        other = b.split()
        sb = {tuple(other[i:i + 5]) for i in range(len(other) - 4)}
        jaccard = len(sa & sb) / len(sa | sb)
        assert abs(similarity(signature(a), signature(b)) - jaccard) < 0.15, (keep, jaccard)


def test_in_memory_lsh_index_finds_near_copies_only():
    index = LshIndex()
    index.add("a", signature(TEXT))
    index.add("b", signature(OTHER))
    assert index.query(signature("Syndicated. " + TEXT)) == "a"
    assert index.query(signature(OTHER + " Credit: agency.")) == "b"
    assert index.query(signature("An unrelated note about the weather in the capital today.")) is None
    assert len(band_keys(signature(TEXT))) == BANDS


def _record(url, body, version=1):
    return {"url": url, "canonical_url": url, "content_hash": content_hash(body), "version": version,
            "fetched_at": "2026-11-01T00:00:00+00:00"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_verdicts(backend, tmp_path, request):
    store, reopen = make_store(backend, tmp_path, request)
    a = "https://s.example/a"
    assert store.judge(a, content_hash(TEXT), signature(TEXT)).action == "new"
    store.add(_record(a, TEXT), signature(TEXT), fetched_urls=["http://s.example/a/?utm_source=x"])
    assert store.knows_url("https://s.example/a/?fbclid=1")
    assert store.known_urls(["https://s.example/a", "https://s.example/zz"]) == {"https://s.example/a"}
    assert store.exported_at(a) == "2026-11-01T00:00:00+00:00"
    assert store.judge(a, content_hash(TEXT), signature(TEXT)).action == "duplicate"
    changed = TEXT + " An update was added."
    v = store.judge(a, content_hash(changed), signature(changed))
    assert (v.action, v.version) == ("update", 2)
    assert store.judge(a, content_hash(changed), signature(changed), on_change="skip").action == "duplicate"
    same_body = store.judge("https://t.example/b", content_hash(TEXT), signature(TEXT))
    assert (same_body.action, same_body.reason, same_body.duplicate_of) == ("duplicate", "same body", a)
    near = "Syndicated. " + TEXT
    v = store.judge("https://t.example/c", content_hash(near), signature(near))
    assert (v.action, v.reason, v.duplicate_of) == ("duplicate", "near-duplicate body", a)
    assert store.judge("https://t.example/d", content_hash(OTHER), signature(OTHER)).action == "new"
    # an update replaces the article's bands: the old text is no longer a near-duplicate key,
    # the new one is
    store.add(_record(a, OTHER, version=2), signature(OTHER))
    v = store.judge("https://t.example/e", content_hash(near), signature(near))
    assert v.action == "new"
    v = store.judge("https://t.example/f", content_hash("x " + OTHER), signature("x " + OTHER))
    assert (v.action, v.duplicate_of) == ("duplicate", a)
    # a duplicate's URL becomes known
    store.mark_fetched("https://t.example/c", a)
    assert store.knows_url("https://t.example/c")
    # validators and output checkpoints
    store.set_validators({"https://s.example/feed": ('"e1"', None)})
    assert store.validators("https://s.example/feed") == ('"e1"', None)
    store.set_output_offset(tmp_path / "out.jsonl", 1234)
    store.close()
    again = reopen()
    assert again.count() == 1
    assert again.output_offset(tmp_path / "out.jsonl") == 1234
    again.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_retry_list_backoff_and_give_up(backend, tmp_path, request):
    store, _ = make_store(backend, tmp_path, request)
    url = "https://s.example/news/flaky"
    assert store.record_failures("s", {url: "http_503"}, backoff=100, give_up=3, now=1000) == {url: "pending"}
    assert store.due_retries("s", now=1050) == []
    (due,) = store.due_retries("s", now=1100)
    assert (due.url, due.attempts, due.last_error) == (url, 1, "http_503")
    assert store.due_retries("other-site", now=1e9) == []
    assert store.record_failures("s", {url: "timeout"}, backoff=100, give_up=3, now=1100) == {url: "pending"}
    assert store.due_retries("s", now=1250) == []  # backoff doubled: 200 s
    assert len(store.due_retries("s", now=1300)) == 1
    assert store.record_failures("s", {url: "timeout"}, backoff=100, give_up=3, now=1300) == {url: "gave_up"}
    assert store.due_retries("s", now=1e9) == [] and store.retry_counts("s") == (0, 1)
    assert store.record_failures("s", {url: "timeout"}, backoff=100, give_up=3, now=1400) == {url: "given_up"}
    # an export of the article clears it from the list
    store.record_failures("s", {"https://s.example/news/b": "http_503"}, backoff=0, give_up=3, now=0)
    store.add(_record("https://s.example/news/b", TEXT), signature(TEXT))
    assert store.retry_counts("s") == (0, 1)
    store.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_boilerplate_bucket_does_not_hide_the_near_copy(backend, tmp_path, request):
    """300 stored texts share one band (boilerplate); a near-copy of one of them shares that
    band too and is still found, through its other bands (each band's bucket is cut at
    PER_BAND rows, not the candidate list as a whole)."""
    from test_dedup_scaling import _boilerplate_sigs, near_copy

    store, _ = make_store(backend, tmp_path, request)
    sigs = _boilerplate_sigs(300, seed=backend == "sqlite")
    with store.transaction():
        for i, sig in enumerate(sigs):
            store.add(_record(f"https://b.example/{i}", f"text {i}"), sig)
    target = sigs[150]
    v = store.judge("https://c.example/x", content_hash("x"), near_copy(target, [5, 17, 33, 60]))
    assert (v.action, v.duplicate_of) == ("duplicate", "https://b.example/150")


def _hot_path(store, tmp_path) -> None:
    """Every operation a crawl and an export run on the store."""
    a, b = "https://s.example/a", "https://s.example/b"
    store.judge(a, content_hash(TEXT), signature(TEXT))
    store.add(_record(a, TEXT), signature(TEXT), fetched_urls=["https://s.example/a?x=1"],
              output=tmp_path / "o.jsonl", offset=10)
    store.judge(b, content_hash(TEXT), signature(TEXT))
    store.judge(b, content_hash("Syndicated. " + TEXT), signature("Syndicated. " + TEXT))
    store.mark_fetched(b, a)
    store.judge(a, content_hash(OTHER), signature(OTHER))
    store.add(_record(a, OTHER, version=2), signature(OTHER))
    store.add(_record(a, TEXT, version=1), signature(TEXT))  # an older version read back
    store.knows_url(b)
    store.known_urls([a, b])
    store.exported_at(a)
    store.output_offset(tmp_path / "o.jsonl")
    store.validators("https://s.example/feed")
    store.set_validators({"https://s.example/feed": ("e", None)})
    store.forget_validators(["https://s.example/feed"])
    store.record_failures("s", {"https://s.example/c": "timeout"}, backoff=1, give_up=3)
    store.due_retries("s")
    store.retry_counts("s")
    store.forget_retries(["https://s.example/c"])


def _sqlite_plans(db: sqlite3.Connection, statements: list[str]) -> dict[str, list[str]]:
    plans = {}
    for sql in statements:
        head = sql.lstrip().split(None, 1)[0].upper()
        if head not in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            continue
        plans[sql] = [row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
    return plans


def _sqlite_scans(db: sqlite3.Connection, statements: list[str]) -> dict[str, list[str]]:
    return {sql: plan for sql, plan in _sqlite_plans(db, statements).items()
            if any(step.startswith("SCAN") and "CONSTANT ROW" not in step and not step.startswith("SCAN (subquery")
                   for step in plan)}


def test_every_store_query_uses_an_index(tmp_path):
    """Cost stays flat as the store grows only if no query scans a table: check the plan of
    every statement the store runs (judge, add, update, duplicates, lookups, retries)."""
    store = SqliteStore(tmp_path / "seen.sqlite")
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    _hot_path(store, tmp_path)
    store.db.set_trace_callback(None)
    plans = _sqlite_plans(store.db, statements)
    assert len(plans) >= 15
    assert _sqlite_scans(store.db, statements) == {}
    lookups = [step for plan in plans.values() for step in plan if step.startswith("SEARCH")]
    assert any("USING INTEGER PRIMARY KEY" in s for s in lookups) and any("USING PRIMARY KEY" in s for s in lookups)
    # the check sees a scan where there is one: without the retries index, the due-retries query
    store.close()
    db = sqlite3.connect(tmp_path / "seen.sqlite")  # (a new connection: no cached plans)
    db.execute("DROP INDEX retries_due")
    assert [sql for sql in _sqlite_scans(db, statements) if "next_at<=" in sql]
    db.close()


def _pg_statements(store) -> list[tuple[str, tuple]]:
    """Wrap the store's statement helpers to record (sql, params) of every query."""
    seen: list[tuple[str, tuple]] = []
    run_x, run_many = store._x, store._many

    def x(sql, params=()):
        seen.append((sql, tuple(params)))
        return run_x(sql, params)

    def many(sql, rows):
        rows = list(rows)
        if rows:
            seen.append((sql, tuple(rows[0])))
        return run_many(sql, rows)

    store._x, store._many = x, many
    return seen


def _pg_seq_scans(store, statements) -> dict[str, str]:
    scans = {}
    for sql, params in statements:
        if sql.lstrip().split(None, 1)[0].upper() not in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            continue
        plan = "\n".join(r[0] for r in store.db.execute("EXPLAIN " + store._q(sql), params))
        if "Seq Scan" in plan:
            scans[sql] = plan
    return scans


def test_every_postgresql_query_uses_an_index(tmp_path, request):
    """The same for PostgreSQL. The store's session prices sequential scans out
    (``enable_seqscan=off``: with a LIMIT and lagging statistics the planner otherwise scanned
    articles for the near-duplicate lookup; here tiny tables would make every scan the cheaper
    plan), and no statement may still need one."""
    store, _ = make_store("postgresql", tmp_path, request)
    statements = _pg_statements(store)
    _hot_path(store, tmp_path)
    assert len({sql for sql, _ in statements}) >= 15
    assert _pg_seq_scans(store, statements) == {}
    # the band index has no pending list: lookups read only the sorted index
    assert store._one("SELECT reloptions FROM pg_class WHERE relname = 'articles_bands' "
                      "AND relnamespace = current_schema()::regnamespace")[0] == ["fastupdate=off"]
    # the check sees a scan where there is one: without the GIN index, the near-duplicate lookup
    store.db.execute("DROP INDEX articles_bands")
    assert [sql for sql in _pg_seq_scans(store, statements) if "bands @>" in sql]


def test_store_takes_under_1kb_per_article(tmp_path):
    """Binary keys and signatures, no repeated text: bytes on disk per article (SQLite)."""
    store = SqliteStore(tmp_path / "seen.sqlite")
    n = 3000
    with store.transaction():
        for i in range(n):
            body = f"Story {i}: " + " ".join(f"w{(i * 7 + j) % 5003}" for j in range(200))
            url = f"https://fan.example/2026/11/{i:06d}/some-article-slug-about-a-comeback/"
            store.add(_record(url, body), signature(body), fetched_urls=[url + "?utm_source=x"])
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = (tmp_path / "seen.sqlite").stat().st_size
    print(f"{size / n:.0f} bytes per article")
    assert size / n < 1024, size / n


def test_a_version_1_store_is_migrated(tmp_path):
    path = tmp_path / "seen.sqlite"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE articles (canonical TEXT PRIMARY KEY, body_hash TEXT NOT NULL, version INTEGER NOT NULL
            DEFAULT 1, sketch TEXT NOT NULL DEFAULT '', exported_at TEXT);
        CREATE TABLE fetched (url TEXT PRIMARY KEY, canonical TEXT);
        CREATE TABLE bodies (body_hash TEXT PRIMARY KEY, canonical TEXT NOT NULL);
        CREATE TABLE sketch_keys (h INTEGER NOT NULL, canonical TEXT NOT NULL);
        CREATE TABLE outputs (path TEXT PRIMARY KEY, offset INTEGER NOT NULL);
        CREATE TABLE validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
    """)
    db.execute("INSERT INTO articles VALUES (?,?,2,'1,2,3','2026-01-02T03:04:05+00:00')",
               ("https://s.example/a", content_hash(TEXT)))
    db.execute("INSERT INTO fetched VALUES ('https://s.example/a-copy', 'https://s.example/a')")
    db.execute("INSERT INTO outputs VALUES ('/x/out.jsonl', 99)")
    db.execute("INSERT INTO validators VALUES ('https://s.example/feed', 'e', NULL)")
    db.commit()
    db.close()
    store = open_store(path)
    assert store.count() == 1 and store.knows_url("https://s.example/a-copy")
    assert store.judge("https://s.example/a", content_hash(TEXT), signature(TEXT)).action == "duplicate"
    assert store.judge("https://s.example/a", content_hash(OTHER), signature(OTHER)).version == 3
    assert store.output_offset("/x/out.jsonl") == 99 and store.validators("https://s.example/feed")[0] == "e"
    store.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_store_with_old_sketches_is_rebuilt_from_its_outputs(backend, tmp_path, request, caplog):
    """Sketches written by another SIGNATURE_SCHEME are recomputed from the bodies in the store's
    output files; an article in no output keeps its URL and body-hash dedup only."""
    import json

    from newsspider.dedup import SIGNATURE_SCHEME

    store, reopen = make_store(backend, tmp_path, request)
    a, b = "https://s.example/a", "https://s.example/b"
    out = tmp_path / "articles.jsonl"
    rec = {**_record(a, TEXT), "url_key": a, "body": TEXT}
    out.write_text("not json\n" + json.dumps(rec) + "\n", encoding="utf-8")
    store.add(rec, signature(TEXT), output=out, offset=out.stat().st_size)
    store.add(_record(b, OTHER), signature(OTHER))
    # what a store of the previous scheme holds: 256-byte signatures and other band keys
    with store.transaction():
        store._x("UPDATE meta SET v='oph64x32-w5-v1' WHERE k='signature'")
        store._x("UPDATE articles SET sig=?", (bytes(range(256)),))
        if backend == "sqlite":
            store._x("DELETE FROM bands")
            store._x("INSERT INTO bands(k, article) SELECT 99, id FROM articles")
        else:
            store._x("UPDATE articles SET bands='{99}'")
    store.close()
    with caplog.at_level("WARNING"):
        store = reopen()
    assert "rebuilt (oph64x32-w5-v1 -> " in caplog.text and "for 1 of 2 articles" in caplog.text
    assert store._one("SELECT v FROM meta WHERE k='signature'")[0] == SIGNATURE_SCHEME
    near_a = "Syndicated. " + TEXT
    v = store.judge("https://t.example/1", content_hash(near_a), signature(near_a))
    assert (v.reason, v.duplicate_of) == ("near-duplicate body", a)
    near_b = "Syndicated. " + OTHER
    assert store.judge("https://t.example/2", content_hash(near_b), signature(near_b)).action == "new"
    assert store.judge(b, content_hash(OTHER), signature(OTHER)).action == "duplicate"
    assert store.judge("https://t.example/3", content_hash(OTHER), signature(OTHER)).reason == "same body"
    junk = "SELECT count(*) FROM bands WHERE k=99" if backend == "sqlite" else \
        "SELECT count(*) FROM articles WHERE 99 = ANY(bands)"
    assert store._one(junk)[0] == 0
    store.close()
    # and only once: the next open finds the current scheme
    caplog.clear()
    with caplog.at_level("WARNING"):
        reopen().close()
    assert "rebuilt" not in caplog.text
