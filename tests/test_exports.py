"""Exports that downstream datasets use (issue #15, part 2): newsspider export to CSV, Parquet,
SQLite and PostgreSQL (the real server on 127.0.0.1:5432), and Scrapy feed exports."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import uuid

import pytest
from crawl_helpers import crawl_cmd, demo_labels, expected_demo_count, records

from newsspider import cli
from newsspider.demo.server import SITE_DIR, DemoServer
from newsspider.export import ARTICLE_FIELDS

PG = os.environ.get("NEWSSPIDER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """Records of six demo pages (quotes and releases among them), and a second version of one."""
    tmp = tmp_path_factory.mktemp("export")
    labs = [x for x in demo_labels() if not x.get("dup_group")][:6]
    recs = list(cli.extract_files([(str(SITE_DIR / x["file"]), x["url"]) for x in labs]))
    changed = dict(recs[0], version=2, body=recs[0]["body"] + "\n\nAn update.")
    recs.append(changed)
    path = tmp / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert sum(len(r["quotes"]) for r in recs) and sum(len(r["releases"]) for r in recs)
    return path, recs


def test_csv_has_every_field_and_nested_ones_as_json(source, tmp_path):
    path, recs = source
    out = tmp_path / "a.csv"
    assert cli.main(["export", str(path), "--to", "csv", "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ARTICLE_FIELDS and len(rows) == len(recs)
    for row, rec in zip(rows, recs, strict=True):
        assert json.loads(row["quotes"]) == rec["quotes"] and json.loads(row["images"]) == rec["images"]
        assert json.loads(row["authors"]) == rec["authors"]
        assert row["title"] == rec["title"] and row["body"] == rec["body"]
        assert row["word_count"] == str(rec["word_count"]) and row["http_status"] == ""  # None -> empty


def test_parquet_has_proper_types(source, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path, recs = source
    out = tmp_path / "a.parquet"
    assert cli.main(["export", str(path), "--to", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("word_count").type == pa.int64() and schema.field("version").type == pa.int64()
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("fetched_at").type == pa.timestamp("ms", tz="UTC")
    quote_type = schema.field("quotes").type
    assert pa.types.is_list(quote_type) and pa.types.is_struct(quote_type.value_type)
    assert {quote_type.value_type.field(i).name for i in range(quote_type.value_type.num_fields)} >= {
        "text", "speaker", "cue", "kind", "paragraph"}
    rows = table.to_pylist()
    assert [r["quotes"] for r in rows] == [r["quotes"] for r in recs]
    assert [r["releases"] for r in rows] == [r["releases"] for r in recs]
    assert rows[0]["fetched_at"].isoformat() == recs[0]["fetched_at"].replace("Z", "+00:00")


def _check_sql(cur, recs, placeholder: str) -> None:
    cur.execute("SELECT count(*) FROM articles")
    assert cur.fetchone()[0] == len(recs)
    cur.execute("SELECT count(*) FROM quotes")
    assert cur.fetchone()[0] == sum(len(r["quotes"]) for r in recs)
    cur.execute("SELECT a.url_key, a.version, r.artist, r.title, r.kind, r.date FROM releases r "
                "JOIN articles a ON a.id = r.article_id ORDER BY a.id, r.position")
    got = [tuple(x) for x in cur.fetchall()]
    want = [(rec["url_key"], rec["version"], r["artist"], r["title"], r["kind"], r["date"])
            for rec in recs for r in rec["releases"]]
    assert got == want
    cur.execute(f"SELECT text, speaker FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE a.url_key = {placeholder} AND a.version = 1 ORDER BY q.position", (recs[0]["url_key"],))
    assert [tuple(x) for x in cur.fetchall()] == [(q["text"], q["speaker"]) for q in recs[0]["quotes"]]


def test_sqlite_has_normalised_tables_with_foreign_keys(source, tmp_path, capsys):
    import sqlite3

    path, recs = source
    out = tmp_path / "a.sqlite"
    assert cli.main(["export", str(path), "--to", "sqlite", "-o", str(out)]) == 0
    assert f"{len(recs)} records added to {out} (0 already there)" in capsys.readouterr().out
    db = sqlite3.connect(out)
    _check_sql(db.cursor(), recs, "?")
    for table in ("quotes", "releases"):
        (fk,) = db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert (fk[2], fk[3], fk[4]) == ("articles", "article_id", "id")
    assert json.loads(db.execute("SELECT images FROM articles ORDER BY id").fetchone()[0]) == recs[0]["images"]
    db.close()
    assert cli.main(["export", str(path), "--to", "sqlite", "-o", str(out)]) == 0  # again: nothing new
    assert f"0 records added to {out} ({len(recs)} already there)" in capsys.readouterr().out


@pytest.fixture
def pg_schema():
    import psycopg

    name = f"ux_export_{uuid.uuid4().hex[:10]}"
    yield name
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def test_postgresql_export_against_the_real_server(source, pg_schema, capsys):
    import psycopg

    path, recs = source
    assert cli.main(["export", str(path), "--to", PG, "--schema", pg_schema]) == 0
    assert f"{len(recs)} records added to" in capsys.readouterr().out
    with psycopg.connect(PG) as conn, conn.cursor() as cur:
        cur.execute(f'SET search_path TO "{pg_schema}"')
        _check_sql(cur, recs, "%s")
        cur.execute("SELECT images, authors FROM articles ORDER BY id LIMIT 1")
        images, authors = cur.fetchone()
        assert images == recs[0]["images"] and authors == recs[0]["authors"]  # JSONB
        cur.execute("""SELECT tc.table_name, ccu.table_name FROM information_schema.table_constraints tc
                       JOIN information_schema.constraint_column_usage ccu USING (constraint_name, table_schema)
                       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = %s ORDER BY 1""",
                    (pg_schema,))
        assert cur.fetchall() == [("quotes", "articles"), ("releases", "articles")]
    assert cli.main(["export", str(path), "--to", PG, "--schema", pg_schema]) == 0
    assert f"0 records added to 127.0.0.1:5432/test (schema {pg_schema}) ({len(recs)} already there)" \
        in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["export", "/no/such.jsonl", "--to", "csv"], "no such file: /no/such.jsonl"),
    (["export", "{src}", "--to", "xlsx"], "--to takes csv, parquet, sqlite or a postgresql:// URL, not 'xlsx'"),
    (["export", "{bad}", "--to", "csv"], "bad.jsonl:2: not a JSON line"),
    (["export", "{src}", "--to", "postgresql://nobody@127.0.0.1:1/none"], "cannot connect to postgresql://"),
])
def test_export_errors_are_one_line(source, tmp_path, argv, message, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "https://x.example/"}\n{oops\n', encoding="utf-8")
    argv = [a.format(src=source[0], bad=bad) for a in argv]
    assert cli.main([*argv, "-o", str(tmp_path / "out.csv")] if "csv" in argv else argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "out.csv").exists()  # nothing half-written


def test_scrapy_feed_csv_has_json_nested_fields_and_own_writer_off_keeps_dedup(tmp_path):
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning", "SCRAPY_SETTINGS_MODULE": "newsspider.settings"}
    with DemoServer() as srv:
        first = subprocess.run(crawl_cmd(tmp_path, srv.mirrors, "-O", str(tmp_path / "one.csv"),
                                         "-s", "NEWSSPIDER_OUTPUT="), cwd=tmp_path, capture_output=True, text=True,
                               env=env, timeout=300)
        second = subprocess.run(crawl_cmd(tmp_path, srv.mirrors, "-O", str(tmp_path / "two.csv"),
                                          "-s", "NEWSSPIDER_OUTPUT="), cwd=tmp_path, capture_output=True, text=True,
                                env=env, timeout=300)
    assert first.returncode == 0, first.stderr[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]
    with (tmp_path / "one.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == expected_demo_count()  # duplicates dropped although the JSONL writer is off
    assert not (tmp_path / "articles.jsonl").exists() and not (tmp_path / "data").exists()  # no JSONL at all
    with_quotes = [r for r in rows if r["quotes"] != "[]"]
    assert with_quotes
    for row in rows:
        for name in ("quotes", "releases", "images", "embeds", "authors", "tags"):
            value = json.loads(row[name])  # JSON, not a Python repr
            assert isinstance(value, list)
        assert "Quote(" not in row["quotes"] and "Image(" not in row["images"]
    assert json.loads(with_quotes[0]["quotes"])[0]["text"]
    # the seen-store still remembers what was exported: the second run writes nothing new
    assert (tmp_path / "two.csv").read_text(encoding="utf-8").strip() == ""
    assert records(tmp_path / "runs.jsonl")[-1]["articles_new"] == 0
