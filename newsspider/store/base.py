"""What both seen-store backends share: the keys, the queries, judging and recording.

Tables (the same in SQLite and PostgreSQL):
- ``articles``   one row per exported article: canonical URL (the only text kept), body hash
                 (16 bytes), version, MinHash signature (128 bytes), export time (epoch s).
- ``urls``       64-bit key of a normalised URL -> article: the canonical URL and every
                 fetched URL whose page was exported or was a duplicate of it (a scheduled run
                 skips them before fetching).
- ``bodies``     64-bit prefix of the body hash -> article (same text under another URL;
                 the full hash in ``articles`` is checked).
- ``bands``      LSH band key -> article (near-duplicate candidates, ``dedup.BANDS`` a row each).
- ``outputs``    per output file, the byte offset up to which its records are in this store.
- ``validators`` ETag / Last-Modified of feeds and sitemaps whose every article is done.
- ``retries``    article URLs that failed transiently (503 past the retries, timeouts…),
                 retried by the next runs with backoff until a give-up count.
Every query is an index lookup (``tests/test_dedup_store.py`` checks the query plans), so the
cost per article stays flat as the store grows.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsspider.dedup import PER_BAND, SIGNATURE_SCHEME, band_keys, best_match
from newsspider.urls import normalize_url as _normalize_url

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Verdict:
    """What to do with a record: 'new', 'update' (body changed), or 'duplicate'."""

    action: str
    reason: str = ""
    duplicate_of: str | None = None
    version: int = 1


def _i64(digest: bytes) -> int:
    return int.from_bytes(digest[:8], "big", signed=True)


# one article's judge + add normalises the same few URLs 4-6 times (~40 µs each): remembered
normalize_url = lru_cache(maxsize=4096)(_normalize_url)


@lru_cache(maxsize=4096)
def url_key(url: str) -> int:
    """Signed 64-bit key of the normalised URL (tracking parameters, scheme, host folded)."""
    return _i64(hashlib.blake2b(normalize_url(url).encode("utf-8"), digest_size=8).digest())


def body_bytes(content_hash: str) -> bytes:
    try:
        return bytes.fromhex(content_hash or "")
    except ValueError:
        return hashlib.blake2b(content_hash.encode("utf-8"), digest_size=16).digest()


def body_key(digest: bytes) -> int:
    return _i64(digest) if len(digest) >= 8 else 0


def epoch(when: Any) -> int | None:
    if not when:
        return None
    try:
        dt = datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    except ValueError:
        return None
    return int((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp())


def iso(ts: int | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(int(ts), UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class RetryDue:
    url: str
    attempts: int
    last_error: str


class SqlStore:
    """The store over a DB-API connection; backends set the placeholder style, how a write
    transaction starts, and the schema."""

    param = "?"
    kind = "sql"

    def __init__(self) -> None:
        self._depth = 0
        self.db: Any = None

    # -- plumbing ------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        return sql if self.param == "?" else sql.replace("?", self.param)

    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(self._q(sql), params)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._x(sql, params).fetchone()

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            self.db.executemany(self._q(sql), rows)

    @staticmethod
    def _marks(n: int) -> str:
        return ",".join("?" * n)

    def _begin(self, lock_keys: Sequence[int]) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        self.db.execute("COMMIT")

    def _rollback(self) -> None:
        self.db.execute("ROLLBACK")

    @contextmanager
    def transaction(self, lock_keys: Sequence[int] = ()) -> Iterator[SqlStore]:
        """One write transaction (nested calls join the outer one). `lock_keys`: the keys of
        the articles about to be judged (PostgreSQL takes an advisory lock on each, so two
        processes judging the same article at once are serialised; SQLite locks the whole
        database for writing)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._begin(lock_keys)
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def _init_meta(self) -> None:
        row = self._one("SELECT v FROM meta WHERE k='signature'")
        if row is None:
            self._x("INSERT INTO meta(k, v) VALUES ('signature', ?) ON CONFLICT DO NOTHING", (SIGNATURE_SCHEME,))
            self._x("INSERT INTO meta(k, v) VALUES ('schema', ?) ON CONFLICT DO NOTHING", (str(SCHEMA_VERSION),))
        elif row[0] != SIGNATURE_SCHEME:  # written with another sketch scheme: rebuilt from the outputs
            from newsspider.store.rebuild import rebuild_sketches

            rebuild_sketches(self, row[0])

    # -- reads ---------------------------------------------------------------------------
    def knows_url(self, url: str) -> bool:
        return self._one("SELECT 1 FROM urls WHERE k=?", (url_key(url),)) is not None

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """The subset of `urls` already exported (or found duplicate), one query per 500."""
        by_key = {url_key(u): u for u in urls}
        keys = list(by_key)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for (k,) in self._x(f"SELECT k FROM urls WHERE k IN ({self._marks(len(chunk))})", chunk):
                found.add(by_key[k])
        return found

    def _article_for(self, url: str) -> tuple[Any, ...] | None:
        """(id, canonical, body_hash, version, sig, exported_at) of the article this URL led to."""
        row = self._one("SELECT article FROM urls WHERE k=?", (url_key(url),))
        if row is None:
            return None
        return self._one(
            "SELECT id, canonical, body_hash, version, sig, exported_at FROM articles WHERE id=?", (row[0],)
        )

    def _by_canonical(self, canonical: str) -> tuple[Any, ...] | None:
        row = self._article_for(canonical)
        if row is not None and normalize_url(row[1]) == normalize_url(canonical):
            return row
        return None

    def exported_at(self, url: str) -> str | None:
        """When the article behind this URL was last exported (its fetched_at), if ever."""
        row = self._article_for(url)
        return iso(row[5]) if row is not None else None

    def count(self) -> int:
        """Articles in the store (a full count: for tests and reports, not the crawl path)."""
        return int(self._one("SELECT count(*) FROM articles")[0])

    def judge(self, canonical: str, body_hash: str, sig: bytes, on_change: str = "version") -> Verdict:
        """Decide whether a record is new, an update of an exported one, or a duplicate."""
        digest = body_bytes(body_hash)
        row = self._by_canonical(canonical)
        if row is not None:
            if bytes(row[2]) == digest or on_change == "skip":
                return Verdict("duplicate", "same canonical URL", row[1])
            return Verdict("update", "body changed", None, int(row[3]) + 1)
        if digest:
            hit = self._one("SELECT article FROM bodies WHERE k=?", (body_key(digest),))
            if hit is not None:
                other = self._one("SELECT canonical, body_hash FROM articles WHERE id=?", (hit[0],))
                if other is not None and bytes(other[1]) == digest:
                    return Verdict("duplicate", "same body", other[0])
        near = self.near_duplicate(sig)
        if near is not None:
            return Verdict("duplicate", "near-duplicate body", near)
        return Verdict("new")

    def near_duplicate(self, sig: bytes) -> str | None:
        keys = band_keys(sig)
        if not keys:
            return None
        # PER_BAND rows of each band's bucket (a bucket of boilerplate texts cannot fill the
        # candidate list), one statement: a UNION ALL of one primary-key search per band
        ids = [r[0] for r in self._x(" UNION ALL ".join(
            [f"SELECT * FROM (SELECT article FROM bands WHERE k=? LIMIT {PER_BAND})"] * len(keys)), keys)]
        if not ids:
            return None
        ids = sorted(set(ids))
        rows = {r[0]: (r[1], bytes(r[2]) if r[2] is not None else b"") for r in self._x(
            f"SELECT id, canonical, sig FROM articles WHERE id IN ({self._marks(len(ids))})", ids)}
        best = best_match(sig, [i for i in ids if i in rows], lambda i: rows[i][1])
        return rows[best][0] if best is not None else None

    # -- writes --------------------------------------------------------------------------
    def add(self, record: dict[str, Any], sig: bytes, *, fetched_urls: Iterable[str] = (),
            output: str | Path | None = None, offset: int | None = None) -> None:
        """Remember an exported record (idempotent: a record read back twice changes nothing),
        and optionally that `output` is in the store up to byte `offset`, in one transaction."""
        # keyed on the normalised canonical URL (url_key; records before schema 2 carry only
        # canonical_url), which is also the text kept
        canonical = record.get("url_key") or normalize_url(record["canonical_url"])
        digest = body_bytes(record.get("content_hash") or "")
        version = int(record.get("version") or 1)
        when = epoch(record.get("fetched_at"))
        with self.transaction():
            row = self._by_canonical(canonical)
            if row is None:
                aid = self._one(
                    "INSERT INTO articles(canonical, body_hash, version, sig, exported_at) VALUES (?,?,?,?,?) "
                    "RETURNING id", (canonical, digest, version, sig, when))[0]
                old_bands: list[int] = []
            else:
                aid = row[0]
                if version < int(row[3]):
                    self._mark_fetched([record.get("url", ""), *fetched_urls], aid)
                    self._forget_retry([record.get("url", ""), canonical])
                    if output is not None and offset is not None:
                        self.set_output_offset(output, offset)
                    return
                self._x("UPDATE articles SET body_hash=?, version=?, sig=?, exported_at=? WHERE id=?",
                        (digest, version, sig, when, aid))
                old_bands = band_keys(bytes(row[4])) if row[4] else []
            self._x("INSERT INTO urls(k, article) VALUES (?,?) ON CONFLICT(k) DO UPDATE SET article=excluded.article",
                    (url_key(canonical), aid))
            if digest:
                self._x("INSERT INTO bodies(k, article) VALUES (?,?) ON CONFLICT DO NOTHING", (body_key(digest), aid))
            self._set_bands(aid, old_bands, band_keys(sig))
            self._mark_fetched([record.get("url", ""), *fetched_urls], aid)
            self._forget_retry([record.get("url", ""), canonical])
            if output is not None and offset is not None:
                self.set_output_offset(output, offset)

    def _set_bands(self, aid: int, old: list[int], new: list[int]) -> None:
        """Index the article under its band keys (an update deletes the keys it lost, by
        primary key: never ``WHERE article=?``, which no index serves)."""
        self._many("DELETE FROM bands WHERE k=? AND article=?", [(k, aid) for k in set(old) - set(new)])
        self._many("INSERT INTO bands(k, article) VALUES (?,?) ON CONFLICT DO NOTHING",
                   [(k, aid) for k in dict.fromkeys(new) if k not in old])

    @property
    def retryable(self) -> tuple[type[BaseException], ...]:
        """Errors after which a whole export transaction can simply be tried again."""
        return ()

    def lock_keys(self, canonical: str, urls: Iterable[str], body_hash: str, sig: bytes) -> list[int]:
        """Every key another article could meet this one by (see PostgresStore)."""
        keys = [url_key(canonical), *(url_key(u) for u in urls if u), *band_keys(sig)]
        digest = body_bytes(body_hash)
        if digest:
            keys.append(body_key(digest))
        return keys

    def _mark_fetched(self, urls: Iterable[str], aid: int) -> None:
        self._many("INSERT INTO urls(k, article) VALUES (?,?) ON CONFLICT DO NOTHING",
                   [(url_key(u), aid) for u in dict.fromkeys(urls) if u])

    def mark_fetched(self, url: str, canonical: str) -> None:
        """A fetched page that turned out to be a duplicate of an exported article."""
        with self.transaction():
            row = self._by_canonical(canonical)
            if row is not None:
                self._mark_fetched([url], row[0])
            self._forget_retry([url])

    def output_offset(self, path: str | Path) -> int:
        row = self._one("SELECT end_offset FROM outputs WHERE path=?", (str(Path(path).resolve()),))
        return int(row[0]) if row else 0

    def set_output_offset(self, path: str | Path, offset: int) -> None:
        with self.transaction():
            self._x("INSERT INTO outputs(path, end_offset) VALUES (?,?) "
                    "ON CONFLICT(path) DO UPDATE SET end_offset=excluded.end_offset",
                    (str(Path(path).resolve()), offset))

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._one("SELECT etag, last_modified FROM validators WHERE url=?", (url,))
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, items: dict[str, tuple[str | None, str | None]]) -> None:
        with self.transaction():
            self._many(
                "INSERT INTO validators(url, etag, last_modified) VALUES (?,?,?) ON CONFLICT(url) "
                "DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified",
                [(u, e, lm) for u, (e, lm) in items.items()],
            )

    def forget_validators(self, urls: Iterable[str]) -> None:
        with self.transaction():
            self._many("DELETE FROM validators WHERE url=?", [(u,) for u in urls])

    # -- articles that failed transiently -----------------------------------------------
    def _forget_retry(self, urls: Iterable[str]) -> None:
        self._many("DELETE FROM retries WHERE k=?", [(url_key(u),) for u in dict.fromkeys(urls) if u])

    def record_failures(self, site: str, failures: dict[str, str], *, backoff: float, give_up: int,
                        now: float | None = None) -> dict[str, str]:
        """Remember article URLs that failed transiently in this run ({url: error kind}).
        The n-th failure is retried ``backoff * 2**(n-1)`` seconds later; after `give_up`
        failures the URL is given up (kept, marked, never planned again).
        Returns {url: "pending" | "gave_up" (now) | "given_up" (before)}."""
        now = time.time() if now is None else now
        out: dict[str, str] = {}
        with self.transaction():
            for url, kind in failures.items():
                k = url_key(url)
                row = self._one("SELECT attempts, gave_up FROM retries WHERE k=?", (k,))
                if row is not None and row[1]:
                    out[url] = "given_up"
                    continue
                attempts = (int(row[0]) if row else 0) + 1
                dead = attempts >= give_up
                nxt = now + backoff * 2 ** (attempts - 1)
                self._x("INSERT INTO retries(k, url, site, attempts, next_at, last_error, gave_up) "
                        "VALUES (?,?,?,?,?,?,?) ON CONFLICT(k) DO UPDATE SET attempts=excluded.attempts, "
                        "next_at=excluded.next_at, last_error=excluded.last_error, gave_up=excluded.gave_up",
                        (k, url, site, attempts, int(nxt), kind, 1 if dead else 0))
                out[url] = "gave_up" if dead else "pending"
        return out

    def forget_retries(self, urls: Iterable[str]) -> None:
        with self.transaction():
            self._forget_retry(urls)

    def due_retries(self, site: str, now: float | None = None, limit: int = 10000) -> list[RetryDue]:
        now = time.time() if now is None else now
        return [RetryDue(r[0], int(r[1]), r[2] or "") for r in self._x(
            "SELECT url, attempts, last_error FROM retries WHERE site=? AND gave_up=0 AND next_at<=? "
            f"ORDER BY next_at LIMIT {int(limit)}", (site, int(now)))]

    def retry_counts(self, site: str) -> tuple[int, int]:
        """(pending, given up) retries of a site."""
        rows = dict(self._x("SELECT gave_up, count(*) FROM retries WHERE site=? GROUP BY gave_up", (site,)).fetchall())
        return int(rows.get(0, 0)), int(rows.get(1, 0))
