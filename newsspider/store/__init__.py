"""The persistent seen-store: what has been exported, across runs and processes.

``open_store(NEWSSPIDER_STATE)``: a path gives the embedded SQLite store (the default,
``data/state/seen.sqlite``); ``postgresql://…`` gives the shared PostgreSQL store (several
processes or machines, exactly once). Both have the same interface (`base.SqlStore`).
"""

from __future__ import annotations

from pathlib import Path

from newsspider.store.base import RetryDue, SqlStore, Verdict, url_key
from newsspider.store.postgresql import PostgresStore, is_postgresql
from newsspider.store.sqlite import SqliteStore

SeenStore = SqliteStore  # the name used before there were two backends

__all__ = ["PostgresStore", "RetryDue", "SeenStore", "SqlStore", "SqliteStore", "Verdict",
           "is_postgresql", "local_dir", "open_store", "reset_store", "url_key"]


def open_store(spec: str | Path) -> SqlStore:
    if is_postgresql(spec):
        return PostgresStore(str(spec))
    return SqliteStore(spec)


def reset_store(spec: str | Path) -> bool:
    if is_postgresql(spec):
        return PostgresStore.reset(str(spec))
    return SqliteStore.reset(spec)


def local_dir(spec: str | Path) -> Path:
    """Where local companions of the store live (site locks): beside the SQLite file, or
    data/state for a PostgreSQL store."""
    return Path("data/state") if is_postgresql(spec) else Path(spec).parent
