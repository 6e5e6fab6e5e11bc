"""``newsspider export FILE.jsonl --to csv|parquet|sqlite|postgresql://…``: the JSON Lines output
in the shapes datasets are built from.

- csv: one row per article, every field a column; lists and objects as JSON text.
- parquet (pyarrow): typed columns: lists as list<string>, images/embeds/quotes/releases as
  list<struct<…>>, integers as int64, ``fetched_at`` as a UTC timestamp (``published`` and
  ``modified`` stay ISO strings: their precision varies from a day to a second).
- sqlite / postgresql: normalised tables ``articles`` (one row per record version), ``quotes``
  and ``releases`` (one row per quote / release event, ``article_id`` a foreign key to
  ``articles.id``, deleted with it); authors, tags, images and embeds as JSON (JSONB in
  PostgreSQL). Exporting again adds only records not there yet (unique ``url_key, version``),
  so a scheduled export after each crawl keeps the database current.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from newsspider.items import Article, Quote, Release

ARTICLE_FIELDS = [f.name for f in fields(Article)]
NESTED = {"quotes": Quote, "releases": Release}
SCALARS_IN_ARTICLES = [n for n in ARTICLE_FIELDS if n not in NESTED]
QUOTE_FIELDS = [f.name for f in fields(Quote)]
RELEASE_FIELDS = [f.name for f in fields(Release)]


class ExportError(Exception):
    """One-line reason an export cannot run."""


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file; a bad line is an error naming it (a torn last line left by
    a crash is skipped, as the crawler itself does)."""
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if not line.endswith(b"\n"):
                break  # an incomplete last line: being written, or torn by a crash
            try:
                rec = json.loads(line)
            except ValueError:
                raise ExportError(f"{path}:{n}: not a JSON line") from None
            if not isinstance(rec, dict) or "url" not in rec:
                raise ExportError(f"{path}:{n}: not an article record")
            if "error" in rec and "title" not in rec:  # `newsspider extract` error lines
                continue
            yield rec


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


# -- CSV -------------------------------------------------------------------------------------
def to_csv(records: Iterable[dict[str, Any]], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(ARTICLE_FIELDS)
        for rec in records:
            writer.writerow([_cell(rec.get(name)) for name in ARTICLE_FIELDS])
            n += 1
    return n


# -- Parquet ---------------------------------------------------------------------------------
def _arrow_type(tp: Any) -> Any:
    import pyarrow as pa

    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        non_null = [a for a in get_args(tp) if a is not type(None)]
        return _arrow_type(non_null[0])
    if origin is Literal or tp is str:
        return pa.string()
    if tp is int:
        return pa.int64()
    if tp is float:
        return pa.float64()
    if tp is bool:
        return pa.bool_()
    if origin is list:
        return pa.list_(_arrow_type(get_args(tp)[0]))
    if isinstance(tp, type) and hasattr(tp, "__dataclass_fields__"):
        hints = typing.get_type_hints(tp)
        return pa.struct([pa.field(f.name, _arrow_type(hints[f.name])) for f in fields(tp)])
    raise TypeError(f"no Arrow type for {tp!r}")


def arrow_schema() -> Any:
    import pyarrow as pa

    hints = typing.get_type_hints(Article)
    cols = []
    for f in fields(Article):
        typ = pa.timestamp("ms", tz="UTC") if f.name == "fetched_at" else _arrow_type(hints[f.name])
        cols.append(pa.field(f.name, typ))
    return pa.schema(cols)


def _parse_ts(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def to_parquet(records: Iterable[dict[str, Any]], out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("parquet export needs pyarrow: pip install 'newsspider[export]'") from None
    schema = arrow_schema()
    rows = []
    for rec in records:
        row = {name: rec.get(name) for name in ARTICLE_FIELDS}
        row["fetched_at"] = _parse_ts(row["fetched_at"])
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


# -- SQL -------------------------------------------------------------------------------------
INT_COLUMNS = {"version", "word_count", "http_status", "paragraph"}


def sql_schema(dialect: str) -> list[str]:
    """CREATE statements for articles, quotes, releases (``sqlite`` or ``postgresql``)."""
    pk = "INTEGER PRIMARY KEY" if dialect == "sqlite" else "BIGSERIAL PRIMARY KEY"
    fk = "INTEGER" if dialect == "sqlite" else "BIGINT"
    json_type = "TEXT" if dialect == "sqlite" else "JSONB"
    hints = typing.get_type_hints(Article)

    def col(name: str, tp: Any) -> str:
        if get_origin(tp) is list:
            return f"{name} {json_type}"
        return f"{name} {'INTEGER' if name in INT_COLUMNS else 'TEXT'}"

    article_cols = ",\n    ".join(col(n, hints[n]) for n in SCALARS_IN_ARTICLES)
    quote_cols = ",\n    ".join(f"{n} {'INTEGER' if n in INT_COLUMNS else 'TEXT'}" for n in QUOTE_FIELDS)
    release_cols = ",\n    ".join(f"{n} TEXT" for n in RELEASE_FIELDS)
    return [
        f"CREATE TABLE IF NOT EXISTS articles (\n    id {pk},\n    {article_cols},\n"
        f"    UNIQUE (url_key, version)\n)",
        f"CREATE TABLE IF NOT EXISTS quotes (\n    id {pk},\n"
        f"    article_id {fk} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n    position INTEGER NOT NULL,\n"
        f"    {quote_cols}\n)",
        f"CREATE TABLE IF NOT EXISTS releases (\n    id {pk},\n"
        f"    article_id {fk} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n    position INTEGER NOT NULL,\n"
        f"    {release_cols}\n)",
        "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)",
        "CREATE INDEX IF NOT EXISTS releases_article ON releases(article_id)",
        "CREATE INDEX IF NOT EXISTS releases_date ON releases(date)",
    ]


def _url_key(rec: dict[str, Any]) -> str:
    if rec.get("url_key"):
        return str(rec["url_key"])
    from newsspider.urls import normalize_url  # records written before schema 2

    return normalize_url(rec.get("canonical_url") or rec["url"])


def _article_row(rec: dict[str, Any]) -> list[Any]:
    row = []
    for name in SCALARS_IN_ARTICLES:
        value = _url_key(rec) if name == "url_key" else rec.get(name)
        if name == "version" and value is None:
            value = 1
        row.append(json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value)
    return row


def to_sqlite(records: Iterable[dict[str, Any]], out: Path) -> tuple[int, int]:
    """Returns (records added, records already there)."""
    db = sqlite3.connect(str(out))
    try:
        db.execute("PRAGMA foreign_keys = ON")
        with db:
            for stmt in sql_schema("sqlite"):
                db.execute(stmt)
        cols = ", ".join(SCALARS_IN_ARTICLES)
        marks = ", ".join("?" * len(SCALARS_IN_ARTICLES))
        added = skipped = 0
        with db:
            for rec in records:
                cur = db.execute(f"INSERT INTO articles ({cols}) VALUES ({marks}) "
                                 "ON CONFLICT (url_key, version) DO NOTHING", _article_row(rec))
                if cur.rowcount == 0:
                    skipped += 1
                    continue
                added += 1
                _insert_children(db, cur.lastrowid, rec, "?")
        return added, skipped
    finally:
        db.close()


def _insert_children(db: Any, article_id: Any, rec: dict[str, Any], mark: str) -> None:
    for table, names in (("quotes", QUOTE_FIELDS), ("releases", RELEASE_FIELDS)):
        rows = [[article_id, i, *[item.get(n) for n in names]] for i, item in enumerate(rec.get(table) or [])]
        if rows:
            cols = ", ".join(["article_id", "position", *names])
            marks = ", ".join([mark] * (len(names) + 2))
            db.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)


def to_postgresql(records: Iterable[dict[str, Any]], dsn: str, schema: str | None = None) -> tuple[int, int]:
    try:
        import psycopg
        from psycopg import sql
    except ImportError:
        raise ExportError("postgresql export needs psycopg: pip install 'newsspider[export]'") from None
    try:
        conn = psycopg.connect(dsn, connect_timeout=10)
    except psycopg.Error as exc:
        raise ExportError(f"cannot connect to {dsn}: {str(exc).strip().splitlines()[0]}") from None
    added = skipped = 0
    try:
        with conn.transaction():
            if schema:
                conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
                conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(schema)))
            for stmt in sql_schema("postgresql"):
                conn.execute(stmt)  # type: ignore[call-overload]
            cols = ", ".join(SCALARS_IN_ARTICLES)
            marks = ", ".join(["%s"] * len(SCALARS_IN_ARTICLES))
            query = (f"INSERT INTO articles ({cols}) VALUES ({marks}) "
                     "ON CONFLICT (url_key, version) DO NOTHING RETURNING id")
            with conn.cursor() as cur:
                for rec in records:
                    cur.execute(query, _article_row(rec))  # type: ignore[call-overload]
                    row = cur.fetchone()
                    if row is None:
                        skipped += 1
                        continue
                    added += 1
                    _insert_children(cur, row[0], rec, "%s")
    except psycopg.Error as exc:
        raise ExportError(f"postgresql export failed: {str(exc).strip().splitlines()[0]}") from None
    finally:
        conn.close()
    return added, skipped


def export(source: Path, to: str, output: Path | None = None, schema: str | None = None) -> str:
    """Run one export; returns a one-line summary."""
    if not source.is_file():
        raise ExportError(f"no such file: {source}")
    records = read_records(source)
    if to.startswith(("postgresql://", "postgres://")):
        added, skipped = to_postgresql(records, to, schema)
        where = f"{to.split('@')[-1]}{f' (schema {schema})' if schema else ''}"
        return f"{added} records added to {where} ({skipped} already there)"
    kinds = {"csv": ".csv", "parquet": ".parquet", "sqlite": ".sqlite"}
    if to not in kinds:
        raise ExportError(f"--to takes csv, parquet, sqlite or a postgresql:// URL, not {to!r}")
    out = output or source.with_suffix(kinds[to])
    out.parent.mkdir(parents=True, exist_ok=True)
    if to in ("csv", "parquet"):
        # written beside and renamed at the end: a failed export leaves no half-written file
        tmp = out.with_name(f".{out.name}.part")
        try:
            n = to_csv(records, tmp) if to == "csv" else to_parquet(records, tmp)
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        return f"{n} records written to {out}"
    added, skipped = to_sqlite(records, out)
    return f"{added} records added to {out} ({skipped} already there)"
