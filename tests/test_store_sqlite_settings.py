"""The SQLite store's connection reads the file through a memory map (PRAGMA mmap_size): the
lookups of a judge touch ~30 pages, and a read() per page into SQLite's small page cache cost
15-30% more CPU at 1M-3M articles (benchmarks/README.md, "Seen-store at scale")."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from newsspider.store import SqliteStore, open_store

REQUEST = 2**31  # what the store asks for; SQLite grants at most its build's SQLITE_MAX_MMAP_SIZE


def granted(path) -> int:
    """What this SQLite build grants a plain connection that asks for REQUEST."""
    db = sqlite3.connect(str(path))
    try:
        return int(db.execute(f"PRAGMA mmap_size={REQUEST}").fetchone()[0])
    finally:
        db.close()


@pytest.mark.skipif(sys.maxsize <= 2**32, reason="no memory map on a 32-bit build (address space)")
def test_store_connection_maps_the_file(tmp_path):
    path = tmp_path / "seen.sqlite"
    for _ in range(2):  # a new file, then the existing one (the setting is per connection)
        store = open_store(str(path))
        try:
            assert isinstance(store, SqliteStore)
            mmap = int(store.db.execute("PRAGMA mmap_size").fetchone()[0])
            assert mmap > 0
            assert mmap == granted(tmp_path / "plain.sqlite")
            # the page cache stays SQLite's default: a larger one did not help (same benchmark)
            assert int(store.db.execute("PRAGMA cache_size").fetchone()[0]) == -2000
        finally:
            store.close()


def test_mapped_store_reads_what_it_wrote(tmp_path):
    """Lookups through the map see rows written by another connection, before and after a
    checkpoint moves them from the WAL into the mapped file."""
    path = tmp_path / "seen.sqlite"
    writer, reader = open_store(str(path)), open_store(str(path))
    try:
        urls = [f"https://fan.example/news/story-{i}" for i in range(300)]
        with writer.transaction():
            for i, url in enumerate(urls):
                writer.add({"url": url, "canonical_url": url, "content_hash": f"{i:032x}", "version": 1,
                            "fetched_at": "2026-11-01T00:00:00+00:00"}, b"")
        assert reader.known_urls(urls) == set(urls)
        writer.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert reader.known_urls(urls) == set(urls)
        assert reader.judge(urls[7], f"{7:032x}", b"").action == "duplicate"
    finally:
        writer.close()
        reader.close()
