"""The embedded seen-store: one SQLite file (WAL), the default."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from newsspider.store.base import SCHEMA_VERSION, SqlStore, body_bytes, body_key, epoch, url_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL,
    body_hash BLOB NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    sig BLOB,
    exported_at INTEGER
);
CREATE TABLE IF NOT EXISTS urls (k INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bodies (k INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bands (k INTEGER NOT NULL, article INTEGER NOT NULL,
                                  PRIMARY KEY (k, article)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, end_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE IF NOT EXISTS retries (
    k INTEGER PRIMARY KEY, url TEXT NOT NULL, site TEXT NOT NULL, attempts INTEGER NOT NULL,
    next_at INTEGER NOT NULL, last_error TEXT, gave_up INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS retries_due ON retries (site, gave_up, next_at);
"""
BUSY_TIMEOUT = 60.0  # seconds a connection waits for another process's write lock
# Reads of the file through a memory map instead of a read() into SQLite's 2 MB page cache per
# page: a judge of a new article searches 8 band keys and the articles, ~30 pages, and costs
# 15-30% less CPU with the map (benchmarks/README.md, "Seen-store at scale"). Address space, not
# memory: the pages touched show as the process's file-backed (shared, reclaimable) RSS, the
# OS page cache every process of the store shares. SQLite caps it at its build's
# SQLITE_MAX_MMAP_SIZE (2 GB in the usual builds); the rest of a larger file is read as before.
# (An I/O error on a mapped page is a SIGBUS instead of an exception: sqlite.org/mmap.html.)
MMAP_SIZE = 2**31 if sys.maxsize > 2**32 else 0


class SqliteStore(SqlStore):
    kind = "sqlite"

    def __init__(self, path: str | Path):
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: the export pipeline uses its connection from one writer
        # thread (never from two threads at once)
        self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=BUSY_TIMEOUT,
                                  check_same_thread=False)
        try:
            self._use_wal()
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(f"PRAGMA mmap_size={MMAP_SIZE}")
            with self.transaction():
                old = self._one("SELECT 1 FROM sqlite_master WHERE type='table' AND name='sketch_keys'")
                if old is not None:
                    self._migrate_v1()
                self._create_schema()
                self._init_meta()
        except BaseException:
            self.db.close()  # a store that failed to open leaks no connection
            raise

    def _use_wal(self) -> None:
        """Switch the file to WAL (persistent: once per file). Switching needs the file to
        itself for a moment and SQLite answers "database is locked" at once, without waiting
        for the busy timeout, while another process holds it (two workers opening a fresh
        store together): retry until the busy timeout is spent."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        pause = 0.005
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)

    def _create_schema(self) -> None:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)

    def _begin(self, lock_keys: Sequence[int]) -> None:
        # IMMEDIATE: take the write lock now, so judging and recording cannot interleave with
        # another process's (a second site's crawl sharing the store)
        self.db.execute("BEGIN IMMEDIATE")

    @staticmethod
    def reset(path: str | Path) -> bool:
        """Delete the store (and its WAL files). Returns whether anything was there."""
        existed = False
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(path) + suffix)
            if p.exists():
                p.unlink()
                existed = True
        return existed

    def _migrate_v1(self) -> None:
        """A store written before schema 2 (text sketches, URL text keys): keep what was
        exported (canonical URLs, body hashes, versions, fetched URLs, validators, output
        checkpoints). Old bottom-k sketches cannot become signatures: near-duplicates of
        articles exported before the upgrade are not found (exact duplicates still are)."""
        for table in ("articles", "fetched", "bodies", "sketch_keys", "outputs"):
            self._x(f"ALTER TABLE {table} RENAME TO v1_{table}")
        self._create_schema()
        ids: dict[str, int] = {}
        for canonical, body_hash, version, exported_at in self._x(
                "SELECT canonical, body_hash, version, exported_at FROM v1_articles").fetchall():
            digest = body_bytes(body_hash)
            aid = self._one("INSERT INTO articles(canonical, body_hash, version, sig, exported_at) "
                            "VALUES (?,?,?,NULL,?) RETURNING id",
                            (canonical, digest, int(version), epoch(exported_at)))[0]
            ids[canonical] = aid
            self._x("INSERT INTO urls(k, article) VALUES (?,?) ON CONFLICT DO NOTHING", (url_key(canonical), aid))
            if digest:
                self._x("INSERT INTO bodies(k, article) VALUES (?,?) ON CONFLICT DO NOTHING", (body_key(digest), aid))
        self._many("INSERT INTO urls(k, article) VALUES (?,?) ON CONFLICT DO NOTHING",
                   [(url_key(u), ids[c]) for u, c in self._x("SELECT url, canonical FROM v1_fetched").fetchall()
                    if c in ids])
        self._many("INSERT INTO outputs(path, end_offset) VALUES (?,?)",
                   self._x('SELECT path, "offset" FROM v1_outputs').fetchall())
        for table in ("articles", "fetched", "bodies", "sketch_keys", "outputs"):
            self._x(f"DROP TABLE v1_{table}")
        self._x("INSERT INTO meta(k, v) VALUES ('migrated_from', '1') ON CONFLICT DO NOTHING")
        assert SCHEMA_VERSION == 2
