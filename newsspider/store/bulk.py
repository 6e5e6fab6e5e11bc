"""Bulk loading of articles known to be new (an import, the store benchmark): many rows per
statement instead of judging and recording one article at a time.

Each row is ``Article(canonical, digest, version, sig, exported_at, urls)`` with `canonical`
the normalised canonical URL, `digest` the 16-byte body hash and `urls` further fetched URLs.
Keys that already exist are kept (``ON CONFLICT DO NOTHING``), as `SqlStore.add` would for a
new article; nothing is judged, so the caller must know the articles are new.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from newsspider.dedup import band_keys
from newsspider.store.base import SqlStore, body_key, url_key


class Article(NamedTuple):
    canonical: str
    digest: bytes
    version: int
    sig: bytes
    exported_at: int | None
    urls: tuple[str, ...] = ()


def bulk_add(store: SqlStore, articles: Iterable[Article]) -> int:
    """Insert `articles` in one transaction; returns how many."""
    rows = list(articles)
    if not rows:
        return 0
    with store.transaction():
        start = int(store._one("SELECT coalesce(max(id), 0) FROM articles")[0]) + 1
        ids = range(start, start + len(rows))
        urls = [(url_key(u), aid) for aid, a in zip(ids, rows, strict=True)
                for u in dict.fromkeys((a.canonical, *a.urls))]
        bodies = [(body_key(a.digest), aid) for aid, a in zip(ids, rows, strict=True) if a.digest]
        if store.kind == "postgresql":
            _copy_pg(store, ids, rows, urls, bodies)
        else:
            store._many("INSERT INTO articles(id, canonical, body_hash, version, sig, exported_at) "
                        "VALUES (?,?,?,?,?,?)",
                        [(aid, a.canonical, a.digest, a.version, a.sig or None, a.exported_at)
                         for aid, a in zip(ids, rows, strict=True)])
            store._many("INSERT INTO urls(k, article) VALUES (?,?) ON CONFLICT DO NOTHING", urls)
            store._many("INSERT INTO bodies(k, article) VALUES (?,?) ON CONFLICT DO NOTHING", bodies)
            store._many("INSERT INTO bands(k, article) VALUES (?,?) ON CONFLICT DO NOTHING",
                        [(k, aid) for aid, a in zip(ids, rows, strict=True)
                         for k in dict.fromkeys(band_keys(a.sig))])
    return len(rows)


def _copy_pg(store: SqlStore, ids: range, rows: list[Article], urls: list[tuple[int, int]],
             bodies: list[tuple[int, int]]) -> None:
    """PostgreSQL: COPY into the articles table and into temporary tables merged into the key
    tables (COPY has no ON CONFLICT), then move the identity sequence past the new ids."""
    db = store.db
    with db.cursor() as cur:
        # saturated bands are left out of the arrays, as `PostgresStore._set_bands` does
        bands = list({k for a in rows for k in band_keys(a.sig)})
        saturated = {k for (k,) in cur.execute("SELECT k FROM saturated_bands WHERE k = ANY(%s::bigint[])", (bands,))}
        with cur.copy("COPY articles (id, canonical, body_hash, version, sig, exported_at, bands) FROM STDIN") as cp:
            for aid, a in zip(ids, rows, strict=True):
                cp.write_row((aid, a.canonical, a.digest, a.version, a.sig or None, a.exported_at,
                              [k for k in dict.fromkeys(band_keys(a.sig)) if k not in saturated]))
        for table, keys in (("urls", urls), ("bodies", bodies)):
            cur.execute(f"CREATE TEMP TABLE bulk_{table} (k BIGINT, article BIGINT) ON COMMIT DROP")
            with cur.copy(f"COPY bulk_{table} (k, article) FROM STDIN") as cp:
                for row in keys:
                    cp.write_row(row)
            cur.execute(f"INSERT INTO {table}(k, article) SELECT DISTINCT ON (k) k, article FROM bulk_{table} "
                        "ON CONFLICT DO NOTHING")
        cur.execute("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))")
        cur.execute("ANALYZE articles, urls, bodies")  # statistics for the planner after a bulk load
