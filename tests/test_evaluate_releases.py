"""Evaluation floors on ../shared (skipped when absent) and the evaluation command itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsspider.evaluate import releases as ev


def test_timebank_day_resolution_floor(shared: Path) -> None:
    path = shared / "dev/timex-timebank/timex.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    r = ev.eval_timebank(path)
    assert r["n"] > 300
    assert r["accuracy"] >= 0.92


def test_fan_news_release_floor(shared: Path) -> None:
    labels = shared / "dev/fan-news/labels.jsonl"
    if not labels.is_file():
        pytest.skip(f"{labels} not found")
    lab, _ = ev.eval_release_set(labels, use_extracted=False)
    row = lab.row("fan-news")
    assert row["F1"] >= 0.90
    assert row["artist"] >= 0.90 and row["kind"] >= 0.90 and row["status"] >= 0.90
    assert lab.distractors_emitted <= 2
    assert row["ms/1kw"] < 50  # generous: the 10 ms target is measured by the benchmark


def test_scoring_on_an_invented_labels_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    label = {
        "file": "x.html",
        "title": "MIRAE drop ‘Echo’",
        "published": "2024-05-27",
        "body_paragraphs": [
            "MIRAE will release their mini album “Echo” on June 14.",
            "Their single “Spark,” which came out on May 2, was a hit. MIRAE debuted on March 3, 2022.",
        ],
        "releases": [
            {
                "artist": "MIRAE",
                "title": "ECHO",
                "kind": "mini_album",
                "date": "2024-06-14",
                "status": "upcoming",
            },
            {
                "artist": "MIRAE",
                "title": "Spark",
                "kind": "single",
                "date": "2024-05-02",
                "status": "released",
            },
            {
                "artist": "MIRAE",
                "title": "Never",
                "kind": "single",
                "date": "2024-01-02",
                "status": "released",
            },
        ],
        "non_release_dates": [{"text": "MIRAE debuted on March 3, 2022", "date": "2022-03-03"}],
    }
    (tmp_path / "labels.jsonl").write_text(json.dumps(label) + "\n", encoding="utf-8")
    lab, ext = ev.eval_release_set(tmp_path / "labels.jsonl", use_extracted=True)
    assert ext is None  # no HTML next to the labels
    row = lab.row("t")
    assert (row["gold"], row["pred"], row["tp"]) == (3, 2, 2)
    assert row["P"] == 1.0 and abs(row["R"] - 2 / 3) < 1e-9
    assert row["artist"] == row["kind"] == row["status"] == 1.0
    assert row["distractors"] == "0/1"
    missing = tmp_path / "none.jsonl"
    assert (
        ev.main(
            [
                "--timebank",
                str(missing),
                "--fan-news",
                str(tmp_path),
                "--fixtures",
                str(tmp_path / "no"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "skipped" in out and "fan-news/labelled" in out
