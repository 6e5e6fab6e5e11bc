"""Seen-store backends for tests: SQLite in tmp_path, PostgreSQL (127.0.0.1:5432, database
`test`, trust auth) in a schema of its own, dropped after the test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsspider.store import SqlStore, open_store

PG_BASE = os.environ.get("NEWSSPIDER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


def pg_schema_url(request: Any) -> str:
    """A fresh schema for this test (dropped at teardown); the store URL that uses it."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"

    def drop() -> None:
        with psycopg.connect(PG_BASE, autocommit=True) as db:
            db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    request.addfinalizer(drop)
    return f"{PG_BASE}?schema={schema}"


def state_spec(backend: str, tmp_path: Path, request: Any) -> str:
    if backend == "sqlite":
        return str(tmp_path / "state" / "seen.sqlite")
    return pg_schema_url(request)


def make_store(backend: str, tmp_path: Path, request: Any) -> tuple[SqlStore, Callable[[], SqlStore]]:
    spec = state_spec(backend, tmp_path, request)
    store = open_store(spec)
    request.addfinalizer(lambda: store.close())
    return store, lambda: open_store(spec)
