import os
import resource
import subprocess
from pathlib import Path

import orjson
import pytest

from newsspider.dedup import content_hash, signature
from newsspider.exporters import Entry, GroupExport, JsonlWriter, OutputError, iter_records
from newsspider.store import SqliteStore


def test_writer_appends_complete_lines_and_repairs_a_torn_tail(tmp_path):
    out = tmp_path / "a.jsonl"
    w = JsonlWriter(out)
    assert not w.open()
    end1 = w.write({"n": 1, "text": "첫 번째"})
    w.write({"n": 2})
    w.close()
    # simulate a crash in the middle of the third line
    with out.open("ab") as fh:
        fh.write(b'{"n": 3, "text": "cut he')
    w = JsonlWriter(out)
    repair = w.open()
    assert repair.dropped_bytes == len(b'{"n": 3, "text": "cut he')
    w.write({"n": 4})
    w.close()
    lines = out.read_bytes().splitlines()
    assert [orjson.loads(x)["n"] for x in lines] == [1, 2, 4]
    assert [r["n"] for r, _ in iter_records(out, end1)] == [2, 4]


def test_repair_of_a_file_that_is_only_a_partial_line(tmp_path):
    out = tmp_path / "b.jsonl"
    out.write_bytes(b'{"partial": ')
    w = JsonlWriter(out)
    assert w.open().dropped_bytes == 12
    w.close()
    assert out.read_bytes() == b""


# -- group export: one write + one fsync per group, exactly once with the store --------------
def _entry(n: int, body: str | None = None, **extra) -> Entry:
    body = body or " ".join(f"story{n} word{i} of the text number {n}" for i in range(40))
    url = f"https://s.example/news/{n}"
    rec = {"url": url, "canonical_url": url, "body": body, "content_hash": content_hash(body),
           "version": 1, "fetched_at": "2026-11-01T00:00:00+00:00", **extra}
    return Entry(rec, signature(body))


def _export(tmp_path, name="out.jsonl", store=None):
    store = store or SqliteStore(tmp_path / "seen.sqlite")
    ex = GroupExport(JsonlWriter(tmp_path / name), store)
    ex.open()
    return ex


def test_a_group_is_one_write_and_one_fsync_and_duplicates_in_it_are_dropped(tmp_path, monkeypatch):
    ex = _export(tmp_path)
    calls = []
    real = os.fsync
    monkeypatch.setattr("newsspider.exporters.os.fsync", lambda fd: calls.append(fd) or real(fd))
    group = [_entry(i) for i in range(20)] + [_entry(3, body=None)]
    group[-1].record["url"] = "https://s.example/copy-of-3"
    group[-1].record["canonical_url"] = "https://s.example/copy-of-3"
    assert ex.export(group) is None
    assert len(calls) == 1
    assert [e.outcome for e in group] == ["new"] * 20 + ["duplicate"]
    assert group[-1].duplicate_of == "https://s.example/news/3"
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(lines) == 20
    assert ex.store.output_offset(tmp_path / "out.jsonl") == (tmp_path / "out.jsonl").stat().st_size
    assert ex.store.knows_url("https://s.example/copy-of-3")
    ex.close()


def test_a_write_that_fails_midway_is_cut_back_and_nothing_counts(tmp_path):
    ex = _export(tmp_path)
    assert ex.export([_entry(1)]) is None
    before = (tmp_path / "out.jsonl").read_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 700, hard))  # a disk that fills up
    try:
        group = [_entry(i) for i in range(2, 8)]
        err = ex.export(group)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert isinstance(err, OSError)
    assert {e.outcome for e in group} == {"failed"}
    assert (tmp_path / "out.jsonl").read_bytes() == before  # no partial line left behind
    assert not ex.store.knows_url("https://s.example/news/2")
    assert ex.store.output_offset(tmp_path / "out.jsonl") == len(before)
    # space is back: the same records go out, once
    assert ex.export(group) is None and {e.outcome for e in group} == {"new"}
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 7
    ex.close()


def test_a_record_that_cannot_be_serialised_fails_alone(tmp_path):
    ex = _export(tmp_path)
    group = [_entry(1), _entry(2, title="lone surrogate \ud800 in JSON-LD"), _entry(3)]
    assert ex.export(group) is None
    assert [e.outcome for e in group] == ["new", "failed", "new"]
    assert "serialise" in group[1].error
    assert not ex.store.knows_url("https://s.example/news/2")
    assert [orjson.loads(x)["url"][-1] for x in (tmp_path / "out.jsonl").read_bytes().splitlines()] == ["1", "3"]
    ex.close()


def test_outputs_that_are_not_regular_writable_files_are_refused(tmp_path):
    for path in (Path("/dev/full"), tmp_path):
        with pytest.raises(OutputError, match="not a regular file"):
            JsonlWriter(path).open()
    locked = tmp_path / "immutable.jsonl"
    locked.write_bytes(b"")
    subprocess.run(["chattr", "+i", str(locked)], check=True)  # read-only even for root
    try:
        with pytest.raises(OutputError, match="cannot write output"):
            JsonlWriter(locked).open()
    finally:
        subprocess.run(["chattr", "-i", str(locked)], check=True)


def test_two_crawls_with_their_own_stores_can_share_one_output(tmp_path):
    """Each group is written under a lock on the output and first registers what others
    appended since this store's checkpoint: no checkpoint inside a line, no duplicate."""
    a = _export(tmp_path, store=SqliteStore(tmp_path / "a.sqlite"))
    b = _export(tmp_path, store=SqliteStore(tmp_path / "b.sqlite"))
    assert a.export([_entry(1)]) is None
    assert b.export([_entry(2)]) is None
    copy = _entry(2)
    copy.record["url"] = copy.record["canonical_url"] = "https://t.example/syndicated-2"
    assert a.export([copy, _entry(3)]) is None
    assert copy.outcome == "duplicate" and a.catchup.reregistered == 1
    assert a.store.output_offset(tmp_path / "out.jsonl") == (tmp_path / "out.jsonl").stat().st_size
    lines = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert [r["url"][-1] for r in lines] == ["1", "2", "3"]
    a.close()
    b.close()


def test_unreadable_lines_after_the_checkpoint_are_skipped_not_exported_again(tmp_path):
    ex = _export(tmp_path)
    ex.export([_entry(1)])
    ex.close()
    ex.store.close()
    with (tmp_path / "out.jsonl").open("ab") as fh:  # a crash after fsync, before commit...
        fh.write(b'{"garbage": \x00 not json}\n')
        fh.write(orjson.dumps(_entry(2).record) + b"\n")
    ex = _export(tmp_path)
    assert (ex.catchup.corrupt_lines, ex.catchup.reregistered) == (1, 1)
    assert ex.store.knows_url("https://s.example/news/2")
    again = _entry(2)
    assert ex.export([again]) is None and again.outcome == "duplicate"
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 3  # nothing rewritten
    ex.close()


def test_crawl_refuses_a_device_as_output_in_one_line(tmp_path):
    import sys

    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "crawl", "demo", "-o", "/dev/full",
                           "--mirror", "kpopdemo.example=http://127.0.0.1:9",
                           "--state", str(tmp_path / "seen.sqlite")], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "newsspider: error: output /dev/full is not a regular file; give a file path (-o FILE)"]
