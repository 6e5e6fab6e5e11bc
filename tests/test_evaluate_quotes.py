"""Tests for the quote evaluation command (newsspider.evaluate.quotes)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsspider.evaluate import quotes as ev


def _shared() -> Path:
    env = os.environ.get("NEWSSPIDER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def test_prf_and_greedy_match():
    assert ev.prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert ev.prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert ev.greedy_match([(0.9, 0, 0), (0.8, 0, 1), (0.7, 1, 0), (0.6, 1, 1)]) == [(0, 0), (1, 1)]


def test_split_paragraphs_keeps_offsets():
    text = "Title line\n\nFirst “quote,” she said.\nSecond."
    paras, offs = ev.split_paragraphs(text)
    assert paras == ["Title line", "First “quote,” she said.", "Second."]
    assert [text[o : o + len(p)] for p, o in zip(paras, offs, strict=True)] == paras


def test_align_maps_split_quote_without_attribution():
    doc = "“If you ask me,” she said, “it is over.”"
    covered = ev.align("If you ask me, it is over.", doc, 0)
    got = "".join(doc[i] for i in sorted(covered))
    assert got == "If you ask meit is over"
    assert "said" not in got


def test_align_finds_a_quote_far_into_a_long_paragraph():
    doc = "Intro line\n" + "word " * 200 + "and then “Late in the line,” she said.\n"
    start = doc.index("\n") + 1
    got = "".join(doc[i] for i in sorted(ev.align("Late in the line", doc, start)))
    assert got == "Late in the line"


def _attr(src: str, doc: str, direct: bool = True) -> dict:
    a = doc.index(src)
    return {"source": {"text": src, "spans": [[a, a + len(src)]]}, "content": {"spans": [[0, 1]]}, "is_direct": direct}


def test_gold_speaker_targets_resolve_pronouns_relatives_and_cue_slips():
    doc = (
        "Mr. Hollis spoke first. Ms. Adler, who runs the shelter, said little. "
        "“We need beds,” he said. “Now,” said Dana Ruiz."
    )
    hollis = _attr("Mr. Hollis", doc)
    adler = _attr("Ms. Adler", doc)
    who = _attr("who", doc)
    he = _attr("he said", doc)
    he["source"]["text"] = "he"
    cue = _attr("said Dana", doc)
    cue["source"]["text"] = "said"
    targets = ev.gold_speaker_targets([hollis, adler, who, he, cue], doc)
    assert targets[id(hollis)] == ["Mr. Hollis"]
    assert targets[id(who)] == ["who", "Ms. Adler"]
    assert targets[id(he)] == ["he", "Mr. Hollis"]  # "Ms. Adler" is skipped for "he"
    assert targets[id(cue)] == ["said", "Dana Ruiz"]


def test_named_needs_a_proper_name_head():
    vocab = ev._lower_vocab("few people came; the republican presidential nominee spoke")
    assert ev._named("Trump", vocab)
    assert ev._named("Rep. Jim Clyburn (D-S.C.), the assistant leader", vocab)
    assert not ev._named("Few people", vocab)
    assert not ev._named("The Republican presidential nominee", vocab)
    assert not ev._named("she", vocab)


def test_timed_returns_result_and_fastest_time():
    out, dt = ev.timed(lambda: sum(range(10)), repeat=2)
    assert out == 45 and dt >= 0.0


def test_merge_units_joins_quotes_inside_one_gold_attribution():
    gold = [set(range(0, 100))]
    preds = [set(range(0, 40)), set(range(50, 90)), set(range(200, 240))]
    units, speakers = ev.merge_units(preds, ["A", "A", "B"], gold)
    assert len(units) == 2 and units[0] == set(range(0, 40)) | set(range(50, 90))
    assert speakers == ["A", "B"]


def test_text_overlap_and_scoring():
    assert ev.text_overlap("It’s done", "It's done") == 1.0
    assert ev.text_overlap("abc", "") == 0.0
    gold = [{"text": "We did it.", "speaker": "Kim Na-ri", "kind": "inline"}]
    pred = [
        {"text": "We did it.", "speaker": "kim na-ri", "kind": "inline"},
        {"text": "Something else entirely", "speaker": None, "kind": "inline"},
    ]
    res = ev.score_pages([(gold, pred)])
    assert (res["tp"], res["pred"], res["gold"]) == (1, 2, 1)
    assert res["speaker_acc"] == 1.0
    assert res["f1"] == pytest.approx(2 / 3)


def test_main_on_small_labelled_set(tmp_path, capsys):
    row = {
        "file": "absent.html",
        "url": "https://example.invalid/a",
        "title": "Test",
        "body_paragraphs": [
            "Singer Bae Yu-ri spoke to reporters.",
            "“This album is my diary,” Bae said.",
        ],
        "quotes": [{"text": "This album is my diary", "speaker": "Bae Yu-ri", "kind": "inline"}],
    }
    (tmp_path / "labels.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    rc = ev.main(["--polnear", str(tmp_path / "none"), "--fan-news", str(tmp_path), "--fixtures", str(tmp_path / "none")])
    out = capsys.readouterr().out
    assert rc == 0
    assert "PolNeAR: skipped" in out
    assert "labelled paragraphs" in out and "1.000" in out
    assert "ms per 1,000 words" in out


def test_main_with_nothing_returns_1(tmp_path, capsys):
    assert ev.main(["--polnear", str(tmp_path), "--fan-news", str(tmp_path), "--fixtures", str(tmp_path)]) == 1


def test_figures_on_shared_dev_sets():
    shared = _shared()
    polnear = shared / "dev" / "quotes-polnear"
    fan = shared / "dev" / "fan-news"
    if not (polnear / "attributions.jsonl").exists() or not (fan / "labels.jsonl").exists():
        pytest.skip(f"shared dev sets not found under {shared}")
    res = ev.eval_polnear(polnear)
    # the targets (0.926 / 0.855 / 0.959 measured when written)
    assert res["quoted"]["f1"] >= 0.92
    assert res["quoted"]["spk_f1"] >= 0.85
    assert res["quoted>3w"]["f1"] >= 0.94
    # fan news: 5 attributed short phrases are extra under the project convention
    # (the dev labels predate it), so 0.978 / 0.969 when written
    fan_res = ev.eval_labelled(fan)
    assert fan_res["labelled"]["f1"] >= 0.95
    assert fan_res["labelled"]["speaker_acc"] >= 0.93
    if fan_res["html"] is not None:
        assert fan_res["html"]["f1"] >= 0.95
        assert fan_res["html"]["speaker_acc"] >= 0.97
