import sqlite3

import pytest
from store_helpers import BACKENDS, make_store

from newsspider.dedup import (
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
    assert len(signature(TEXT)) == NUM_BINS * 4
    assert similarity(signature(TEXT), signature(copy)) > 0.8
    assert similarity(signature(TEXT), signature(OTHER)) < 0.3
    assert similarity(signature(""), signature(TEXT)) == 0.0 and signature("") == b""
    # a short text (fewer shingles than bins) still gets a full signature
    assert len(signature("three short words")) == NUM_BINS * 4


def test_signature_is_stable_across_processes_and_versions():
    # stored signatures are compared with new ones: the hashing must never change silently
    sig = signature("Moonlight Riders announced their first world tour on Monday night")
    assert sig.hex()[:48] == PINNED, sig.hex()[:48]


PINNED = "1dcd34da6c53fd3bbbd9c59d0a608eff59e65661a86c1fc3"


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
    assert len(band_keys(signature(TEXT))) == 16


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


def _plans(db: sqlite3.Connection, statements: list[str]) -> dict[str, list[str]]:
    plans = {}
    for sql in statements:
        head = sql.lstrip().split(None, 1)[0].upper()
        if head not in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            continue
        plans[sql] = [row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
    return plans


def test_every_store_query_uses_an_index(tmp_path):
    """Cost stays flat as the store grows only if no query scans a table: check the plan of
    every statement the store runs (judge, add, update, duplicates, lookups, retries)."""
    store = SqliteStore(tmp_path / "seen.sqlite")
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    a, b = "https://s.example/a", "https://s.example/b"
    store.judge(a, content_hash(TEXT), signature(TEXT))
    store.add(_record(a, TEXT), signature(TEXT), fetched_urls=["https://s.example/a?x=1"],
              output=tmp_path / "o.jsonl", offset=10)
    store.judge(b, content_hash(TEXT), signature(TEXT))
    store.judge(b, content_hash("Syndicated. " + TEXT), signature("Syndicated. " + TEXT))
    store.mark_fetched(b, a)
    store.judge(a, content_hash(OTHER), signature(OTHER))
    store.add(_record(a, OTHER, version=2), signature(OTHER))
    store.knows_url(b)
    store.known_urls([a, b])
    store.exported_at(a)
    store.output_offset(tmp_path / "o.jsonl")
    store.validators("https://s.example/feed")
    store.set_validators({"https://s.example/feed": ("e", None)})
    store.record_failures("s", {"https://s.example/c": "timeout"}, backoff=1, give_up=3)
    store.due_retries("s")
    store.retry_counts("s")
    store.forget_retries(["https://s.example/c"])
    store.db.set_trace_callback(None)
    plans = _plans(store.db, statements)
    assert len(plans) >= 15
    scans = {sql: plan for sql, plan in plans.items()
             if any(step.startswith("SCAN") and "CONSTANT ROW" not in step for step in plan)}
    assert scans == {}, scans
    # and the check itself sees a scan where there is one
    assert any(s.startswith("SCAN") for s in _plans(store.db, ["SELECT count(*) FROM articles"])[
        "SELECT count(*) FROM articles"])
    store.close()


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
