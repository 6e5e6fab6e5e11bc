"""The persistent seen-store (SQLite): what has been exported, across runs.

Tables:
- ``articles``  one row per exported canonical URL: body hash, version, sketch.
- ``fetched``   normalised URLs whose page produced an exported (or duplicate) article, so a
                scheduled run can skip them before fetching.
- ``bodies``    body hash -> canonical URL (same text under another URL).
- ``sketch_keys`` a few MinHash values per article, to find near-duplicate candidates.
- ``validators`` ETag / Last-Modified of feeds and sitemaps from the last *finished* run, for
                conditional requests.
- ``outputs``   per output file, the byte offset up to which its records are in this store;
                on start, records written after that offset (a crash between the fsync of a
                line and the store commit) are read back in, so nothing is written twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsspider.dedup import LOOKUP_KEYS, NEAR_DUP_THRESHOLD, similarity
from newsspider.urls import normalize_url

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    canonical TEXT PRIMARY KEY,
    body_hash TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    sketch TEXT NOT NULL DEFAULT '',
    exported_at TEXT
);
CREATE TABLE IF NOT EXISTS fetched (url TEXT PRIMARY KEY, canonical TEXT);
CREATE TABLE IF NOT EXISTS bodies (body_hash TEXT PRIMARY KEY, canonical TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sketch_keys (h INTEGER NOT NULL, canonical TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sketch_keys_h ON sketch_keys(h);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
"""


@dataclass(frozen=True)
class Verdict:
    """What to do with a record: 'new', 'update' (body changed), or 'duplicate'."""

    action: str
    reason: str = ""
    duplicate_of: str | None = None
    version: int = 1


class SeenStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

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

    # -- reads -------------------------------------------------------------------------
    def knows_url(self, url: str) -> bool:
        key = normalize_url(url)
        row = self.db.execute(
            "SELECT 1 FROM fetched WHERE url=? UNION ALL SELECT 1 FROM articles WHERE canonical=? LIMIT 1",
            (key, key),
        ).fetchone()
        return row is not None

    def exported_at(self, url: str) -> str | None:
        """When the article behind this URL was last exported (its fetched_at), if ever."""
        key = normalize_url(url)
        row = self.db.execute(
            "SELECT a.exported_at FROM fetched f JOIN articles a ON a.canonical = f.canonical "
            "WHERE f.url=? UNION ALL SELECT exported_at FROM articles WHERE canonical=? LIMIT 1",
            (key, key),
        ).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def judge(self, canonical: str, body_hash: str, sketch: list[int], on_change: str = "version") -> Verdict:
        """Decide whether a record is new, an update of an exported one, or a duplicate."""
        row = self.db.execute(
            "SELECT body_hash, version FROM articles WHERE canonical=?", (canonical,)
        ).fetchone()
        if row is not None:
            if row[0] == body_hash or on_change == "skip":
                return Verdict("duplicate", "same canonical URL", canonical)
            return Verdict("update", "body changed", None, int(row[1]) + 1)
        row = self.db.execute("SELECT canonical FROM bodies WHERE body_hash=?", (body_hash,)).fetchone()
        if row is not None:
            return Verdict("duplicate", "same body", row[0])
        near = self.near_duplicate(sketch)
        if near is not None:
            return Verdict("duplicate", "near-duplicate body", near)
        return Verdict("new")

    def near_duplicate(self, sketch: list[int]) -> str | None:
        keys = sketch[:LOOKUP_KEYS]
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        candidates = {
            r[0]
            for r in self.db.execute(
                f"SELECT DISTINCT canonical FROM sketch_keys WHERE h IN ({marks})", keys
            )
        }
        best, best_sim = None, NEAR_DUP_THRESHOLD
        for cand in sorted(candidates):
            row = self.db.execute("SELECT sketch FROM articles WHERE canonical=?", (cand,)).fetchone()
            if row is None or not row[0]:
                continue
            sim = similarity(sketch, [int(x) for x in row[0].split(",")])
            if sim >= best_sim:
                best, best_sim = cand, sim
        return best

    # -- writes ------------------------------------------------------------------------
    def add(self, record: dict[str, Any], sketch: list[int], *, fetched_urls: Iterable[str] = (),
            output: str | Path | None = None, offset: int | None = None) -> None:
        """Remember an exported record (idempotent), and optionally that `output` is in the store
        up to byte `offset`, in the same transaction."""
        # keyed on the normalised URL (records before schema 2 carry only canonical_url)
        canonical = record.get("url_key") or normalize_url(record["canonical_url"])
        with self.db:
            self.db.execute("BEGIN")
            self._add(canonical, record.get("content_hash") or "", int(record.get("version") or 1),
                      sketch, record.get("fetched_at"))
            self._mark_fetched([record.get("url", ""), *fetched_urls], canonical)
            if output is not None and offset is not None:
                self.set_output_offset(output, offset)

    def _add(self, canonical: str, body_hash: str, version: int, sketch: list[int], when: Any) -> None:
        self.db.execute(
            "INSERT INTO articles(canonical, body_hash, version, sketch, exported_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(canonical) DO UPDATE SET body_hash=excluded.body_hash, "
            "version=max(version, excluded.version), sketch=excluded.sketch, exported_at=excluded.exported_at",
            (canonical, body_hash, version, ",".join(map(str, sketch)), when),
        )
        if body_hash:
            self.db.execute(
                "INSERT OR IGNORE INTO bodies(body_hash, canonical) VALUES (?,?)", (body_hash, canonical)
            )
        self.db.execute("DELETE FROM sketch_keys WHERE canonical=?", (canonical,))
        self.db.executemany(
            "INSERT INTO sketch_keys(h, canonical) VALUES (?,?)",
            [(h, canonical) for h in sketch[:LOOKUP_KEYS]],
        )

    def _mark_fetched(self, urls: Iterable[str], canonical: str) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO fetched(url, canonical) VALUES (?,?)",
            [(normalize_url(u), canonical) for u in urls if u],
        )

    def mark_fetched(self, url: str, canonical: str) -> None:
        """A fetched page that turned out to be a duplicate of an exported article."""
        with self.db:
            self.db.execute("BEGIN")
            self._mark_fetched([url], canonical)

    def output_offset(self, path: str | Path) -> int:
        row = self.db.execute(
            "SELECT offset FROM outputs WHERE path=?", (str(Path(path).resolve()),)
        ).fetchone()
        return int(row[0]) if row else 0

    def set_output_offset(self, path: str | Path, offset: int) -> None:
        self.db.execute(
            "INSERT INTO outputs(path, offset) VALUES (?,?) ON CONFLICT(path) DO UPDATE SET offset=excluded.offset",
            (str(Path(path).resolve()), offset),
        )

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url=?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, items: dict[str, tuple[str | None, str | None]]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT INTO validators(url, etag, last_modified) VALUES (?,?,?) ON CONFLICT(url) "
                "DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified",
                [(u, e, lm) for u, (e, lm) in items.items()],
            )
