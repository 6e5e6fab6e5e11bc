"""Tests for the text-free speaker audit (newsspider.evaluate.audit), on an invented page set."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsspider.evaluate import audit
from newsspider.evaluate.quotes import ALL_GUESSES
from newsspider.evaluate.scoring import same_speaker

REPO = Path(__file__).resolve().parents[1]

PARAS = [
    "Harbour Lights, the band from Port Ellen, played their last show on Friday.",
    "“We gave it everything we had,” said singer Mara Quillon, 31.",
    "The venue’s manager, Ted Oduya, was less sentimental. “The stage needs repairs anyway,” he said.",
    "“Nobody told us until the day before,” the singer added.",
]


def _pages(tmp: Path) -> Path:
    root = tmp / "news-pages"
    (root / "html").mkdir(parents=True)
    html = "<html><head><title>Last show</title></head><body><article><h1>Last show</h1>" + "".join(
        f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"
    (root / "html" / "x.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    row = {"file": "html/x.html.gz", "url": "https://news.example/last-show", "title": "Last show",
           "body_paragraphs": PARAS}
    (root / "labels.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return root


def _raw(tmp: Path, speakers: list[str | None]) -> Path:
    texts = ["We gave it everything we had", "The stage needs repairs anyway", "Nobody told us until the day before",
             "a line the body does not hold"]
    f = tmp / "labels-a.jsonl"
    f.write_text("".join(json.dumps({"file": "html/x.html.gz", "text": t, "speaker": s, "mention_kind": "name"}) + "\n"
                         for t, s in zip(texts, speakers, strict=True)), encoding="utf-8")
    return f


@pytest.mark.parametrize(
    ("pred", "gold"),
    [("Quillon", "Mara Quillon"), ("Mara Quillon", "Mara Quillon"), ("Ms. Quillon", "Mara Quillon"),
     ("Oduya", "Mara Quillon"), ("Mara Quillon's manager", "Mara Quillon"), ("Quillon", "Mara Quillon's manager"),
     ("the venue's manager", "the venue’s manager"), (None, None), ("Oduya", None), (None, "Ted Oduya"),
     ("Mara Quillon Oduya", "Mara Quillon")],
)
def test_hashed_speaker_agrees_with_same_speaker(pred, gold):
    assert audit.hashed_same_speaker(pred, audit.hash_speaker(gold)) == same_speaker(pred, gold)


def test_hashed_speaker_holds_no_name():
    h = audit.hash_speaker("Mara Quillon")
    assert "mara" not in json.dumps(h).lower() and "quillon" not in json.dumps(h).lower()


def test_build_stores_spans_and_hashes_and_scores_a_page(tmp_path):
    root = _pages(tmp_path)
    raw = _raw(tmp_path, ["Mara Quillon", "Ted Oduya", "Mara Quillon", "Mara Quillon"])
    rows, lost = audit.build([raw], {"html/x.html.gz": "a"}, root)
    assert lost == 1  # the line the body does not hold
    assert [r["part"] for r in rows] == ["a", "a", "a"]
    body = " ".join(PARAS)
    assert [body[slice(*r["span"])] for r in rows] == [
        "We gave it everything we had", "The stage needs repairs anyway", "Nobody told us until the day before"]
    assert "Quillon" not in json.dumps(rows)
    out = tmp_path / "labels.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = audit.evaluate(out, root, ALL_GUESSES)
    assert set(res) == {"dev"}
    r = res["dev"]
    assert (r["tp"], r["gold"]) == (3, 3)
    # the extractor's own speakers: the same three people the labels name
    assert r["speaker_acc"] == 1.0, r["errors"]


def test_a_wrong_label_is_an_error_and_a_held_out_part_is_apart(tmp_path):
    root = _pages(tmp_path)
    raw = _raw(tmp_path, ["Ted Oduya", "Ted Oduya", "Mara Quillon", None])
    rows, _ = audit.build([raw], {"html/x.html.gz": "c"}, root)
    out = tmp_path / "labels.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = audit.evaluate(out, root, ALL_GUESSES)
    assert set(res) == {"c"}
    assert res["c"]["speaker_acc"] == pytest.approx(2 / 3)
    assert len(res["c"]["errors"]) == 1 and "We gave it everything" in res["c"]["errors"][0]
    lines, errors = audit.report(out, root, ALL_GUESSES)
    assert lines[0].startswith("speaker audit c (held out): spk-acc 0.667 over 3 matched of 3")
    assert errors[0][0] == "speaker audit c (held out)"


def test_a_page_labelled_twice_keeps_its_own_labeller(tmp_path):
    root = _pages(tmp_path)
    mine = _raw(tmp_path, ["Mara Quillon", "Ted Oduya", "Mara Quillon", None])
    other = tmp_path / "labels-b.jsonl"
    other.write_text(json.dumps({"file": "html/x.html.gz", "text": "We gave it everything we had",
                                 "speaker": "Ted Oduya", "mention_kind": "name"}) + "\n", encoding="utf-8")
    rows, _ = audit.build([other, mine], {"html/x.html.gz": "a"}, root)
    assert len(rows) == 3 and rows[0]["speaker"] == audit.hash_speaker("Mara Quillon")
    rows, _ = audit.build([other, mine], {"html/x.html.gz": "b"}, root)
    assert len(rows) == 1 and rows[0]["speaker"] == audit.hash_speaker("Ted Oduya")


def test_committed_audit_is_text_free_and_scores_when_the_pages_are_there():
    labels = REPO / "benchmarks" / "speaker-audit" / "labels.jsonl"
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 500
    assert {r["part"] for r in rows} == {"a", "b", "c"}
    for r in rows:
        assert set(r) == {"file", "part", "span", "kind", "speaker"}
        assert r["speaker"] is None or set(r["speaker"]) == {"h", "proper", "t"}
    env = os.environ.get("NEWSSPIDER_SHARED")
    pages = (Path(env) if env else REPO.parent / "shared") / "dev" / "news-pages"
    if not (pages / "labels.jsonl").exists():
        pytest.skip(f"{pages} absent: the audit's pages are not here")
    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "evaluate", "quotes", "--sets", "news-audit", "-v",
                           "--news-pages", str(pages)], capture_output=True, text=True, cwd=REPO, check=True)
    assert "speaker audit a+b (dev): spk-acc" in proc.stdout
    assert "Quotes and speakers" not in proc.stdout  # no table header over no rows
    assert "speaker audit c (held out): spk-acc" in proc.stdout
    assert "-- speaker audit c (held out)" in proc.stdout and "held out, not listed" in proc.stdout


def test_locate_finds_quotes_the_body_writes_otherwise():
    body = "Intro. “First part of it.” Then she said: “Second part, and more of it here.” End."
    assert audit._locate(body, "First part of it.") == (8, 25)
    # line breaks where the body has one space
    s, e = audit._locate(body, "Second part,\n and more of it here.")
    assert body[s:e] == "Second part, and more of it here."
    # an ellipsis standing for words the body has (the first and last 40 characters are there)
    body = ("Intro. “The first part of what she said runs on for a while, and then” she paused, "
            "“the second part runs on as long as the first part did before it.” End.")
    text = "The first part of what she said runs on for a while, and then … the second part runs on as long as the first part did before it."
    s, e = audit._locate(body, text)
    assert body[s:e].startswith("The first part") and body[s:e].endswith("did before it.")
    assert audit._locate(body, "Words nobody wrote here at all.") is None
