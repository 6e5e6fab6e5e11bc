import orjson

from newsspider.exporters import JsonlWriter, iter_records


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
