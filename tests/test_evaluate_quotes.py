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
    none = str(tmp_path / "none")
    rc = ev.main(
        ["--polnear", none, "--polnear-train", none, "--real-news", none, "--fan-news", str(tmp_path), "--fixtures", none,
         "--coref-ent", none]
    )
    out = capsys.readouterr().out
    assert rc == 0
    assert "PolNeAR dev: skipped" in out and "real-news: skipped" in out
    row_line = next(line for line in out.splitlines() if "labelled" in line and "fan-news" in line)
    # ... spk-acc, null share, then accuracy and coverage of the speakers emitted at the threshold
    assert row_line.split()[2:] == [
        "1", "1", "1", "1.000", "1.000", "1.000", "1.000", "0.0%", "1.000", "100.0%", row_line.split()[-1]
    ]
    assert "html row n/a (1 saved pages missing)" in out


def test_main_with_nothing_returns_1(tmp_path, capsys):
    none = str(tmp_path)
    args = ["--polnear", none, "--polnear-train", none, "--real-news", none, "--fan-news", none, "--fixtures", none,
            "--coref-ent", none, "--news-pages", none]
    assert ev.main(args) == 1


COREF_ENT = Path(__file__).resolve().parents[1] / "benchmarks" / "coref-ent" / "labels.jsonl"


def test_coref_ent_labels_are_consistent():
    # the invented referent set (benchmarks/coref-ent): every quote occurs in its passage, its
    # mention word is in the passage, every passage is in half a or b (dev) or one of the
    # held-out splits c and d, shapes and kinds are named, ids are unique
    rows = [json.loads(line) for line in COREF_ENT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 110 <= len(rows) <= 130
    assert {r["half"] for r in rows} == {"a", "b", "c", "d"}
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["half"] in "ab" for r in rows[:50])
    assert all(r["half"] == "c" for r in rows[50:80]) and all(r["half"] == "d" for r in rows[80:])
    assert {q["kind"] for r in rows for q in r["quotes"]} <= {"inline", "block", "embed", "qa"}
    for r in rows:
        text = " ".join(r["body_paragraphs"])
        assert 2 <= len(r["body_paragraphs"]) <= 6
        for q in r["quotes"]:
            assert q["text"] in r["body_paragraphs"][q["paragraph"]]
            assert q["speaker_mention"].lower() in text.lower() and q["speaker"] and q["shape"]


def test_coref_ent_row_scores_passages_without_saved_pages(capsys):
    none = "/nonexistent-dir"
    args = ["--polnear", none, "--polnear-train", none, "--real-news", none, "--fan-news", none, "--fixtures", none,
            "--sets", "coref-ent", "--repeat", "1"]
    assert ev.main(args) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.strip().startswith("coref-ent"))
    assert " labelled " in row and "html" not in out.split("ms/1kw")[-1].split("note")[0]
    assert "spk-acc by half (matched quotes): a " in out and "pronoun-after-entourage" in out
    # each held-out split (c, d) is its own row and its own by-half / by-shape figures, never
    # pooled with a+b or with each other
    rows = {line.split("labelled")[0].strip(): line for line in out.splitlines() if " labelled " in line}
    assert set(rows) == {"coref-ent a+b (dev)", "coref-ent c (held out)", "coref-ent d (held out)"}
    assert rows["coref-ent a+b (dev)"].split()[4:6] == ["50", "96"]  # docs, gold quotes of halves a and b
    assert rows["coref-ent c (held out)"].split("labelled")[1].split()[:2] == ["30", "61"]
    assert rows["coref-ent d (held out)"].split("labelled")[1].split()[:2] == ["40", "126"]
    by_half = out.split("by half")[1].splitlines()[0]
    assert ", c " in by_half and ", d " in by_half
    assert "by shape, held out c" in out and "by shape, held out d" in out


def test_same_speaker_accepts_a_shorter_form_of_a_name_not_of_a_description():
    from newsspider.evaluate.scoring import same_speaker

    assert same_speaker("Pereira", "Shanti Pereira")
    assert same_speaker("shanti  pereira", "Shanti Pereira")
    assert same_speaker(None, None)
    assert not same_speaker(None, "Shanti Pereira")
    assert not same_speaker("Elton John", "Elton John's publicist")
    assert not same_speaker("Pereira Lim", "Shanti Pereira")


def test_polnear_named_source_accuracy_leaves_out_pronoun_sources():
    from newsspider.evaluate import polnear as pn

    text = "Ms. Adler runs the shelter.\n“We need beds now,” Adler said.\n“And more staff soon,” she said."
    a1 = text.index("Adler said")
    a2 = text.index("she said")
    c1, c2 = text.index("We need"), text.index("And more")
    docs = {
        "d": {
            "text": text,
            "attributions": [
                {"source": {"text": "Adler", "spans": [[a1, a1 + 5]]}, "content": {"spans": [[c1 - 1, c1 + 16]]}, "is_direct": True},
                {"source": {"text": "she", "spans": [[a2, a2 + 3]]}, "content": {"spans": [[c2 - 1, c2 + 20]]}, "is_direct": True},
            ],
        }
    }

    def fake(paras, title=None):
        return [
            {"text": "We need beds now", "speaker": "Adler", "paragraph": 1},
            {"text": "And more staff soon", "speaker": None, "paragraph": 2},
        ]

    r = pn.eval_docs(docs, fake, repeat=1)["quoted"]
    assert (r["tp"], r["named"], r["named_ok"], r["left_out"]) == (2, 1, 1, 1)
    assert r["spk_acc"] == 1.0 and r["spk_acc_all"] == 0.5 and r["null_share"] == 0.5


def test_figures_on_shared_dev_sets():
    shared = _shared()
    polnear = shared / "dev" / "quotes-polnear"
    fan = shared / "dev" / "fan-news"
    if not (polnear / "attributions.jsonl").exists() or not (fan / "labels.jsonl").exists():
        pytest.skip(f"shared dev sets not found under {shared}")
    res = ev.eval_polnear(polnear, repeat=1)
    # quote F1 not lower than before issue #10 (0.926); speaker accuracy on named sources
    # (the issue's target is >= 0.88 on held-out data; 0.977 measured on this dev split)
    assert res["quoted"]["f1"] >= 0.92
    assert res["quoted"]["spk_acc"] >= 0.95
    assert res["quoted>3w"]["f1"] >= 0.94
    fan_res = ev.eval_labelled(fan, repeat=1)
    assert fan_res["labelled"]["f1"] >= 0.95
    assert fan_res["labelled"]["speaker_acc"] >= 0.93
    if fan_res["html"] is not None:
        assert fan_res["html"]["f1"] >= 0.95
        assert fan_res["html"]["speaker_acc"] >= 0.97


def test_threshold_choice_and_figures():
    from newsspider.evaluate import polnear as pn

    # (confidence, correct, named source): wrong guesses sit at low confidence
    confs = [(0.9, True, True)] * 8 + [(0.5, True, True), (0.4, False, True), (0.35, False, True)] + [
        (0.2, False, True), (0.2, True, False), (0.0, False, True)
    ]
    # correct - 2 x wrong: t=0 emits 9 right, 3 wrong (3); t=0.45 emits 9 right, 0 wrong (9)
    assert pn.choose_threshold(confs) == 0.45
    at = pn.at_threshold(confs, 0.45)
    assert (at["emitted"], at["matched"], at["acc"]) == (9, 13, 1.0)
    assert at["coverage"] == pytest.approx(9 / 13)
    # a null (confidence 0) is never emitted, whatever the threshold
    assert pn.at_threshold(confs, 0.0)["emitted"] == 12


def test_score_pages_can_leave_out_short_quotes():
    gold = [{"text": "We will tour Europe next spring", "speaker": "Kim", "kind": "inline"}]
    pred = [
        {"text": "We will tour Europe next spring", "speaker": "Kim", "kind": "inline"},
        {"text": "a con", "speaker": "Lee", "kind": "inline"},  # an attributed two-word phrase
    ]
    assert (ev.score_pages([(gold, pred)])["pred"], ev.score_pages([(gold, pred)])["p"]) == (2, 0.5)
    short = ev.score_pages([(gold, pred)], min_words=3)
    assert (short["pred"], short["gold"], short["tp"], short["p"]) == (1, 1, 1, 1.0)


def _error_sections(out: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("-- "):
            current = line[3:]
            sections[current] = []
        elif current is not None and line.startswith("    "):
            sections[current].append(line)
    return sections


def test_verbose_lists_dev_errors_and_only_counts_held_out_ones(capsys):
    # -v must not put the held-out splits' errors in front of whoever tunes on the dev halves:
    # the c and d sections give their counts; --show-held-out lists them, marked as held out
    none = "/nonexistent-dir"
    args = ["--polnear", none, "--polnear-train", none, "--real-news", none, "--fan-news", none, "--fixtures", none,
            "--sets", "coref-ent", "--repeat", "1", "-v"]
    assert ev.main(args) == 0
    out = capsys.readouterr().out
    quiet = _error_sections(out)
    dev = next(k for k in quiet if k.startswith("coref-ent a+b (dev) labelled"))
    held = next(k for k in quiet if k.startswith("coref-ent c (held out) labelled"))
    assert quiet[dev] and "held out, not listed" in held and quiet[held] == []
    n_held = int(held.split("(")[2].split(")")[0])
    assert n_held > 0
    # split d (written before any rule was shaped on it): no error of its passages reaches -v
    held_d = next(k for k in quiet if k.startswith("coref-ent d (held out) labelled"))
    assert "held out, not listed" in held_d and quiet[held_d] == []
    d_rows = [json.loads(line) for line in COREF_ENT.read_text(encoding="utf-8").splitlines() if '"half": "d"' in line]
    assert d_rows and not any(q["text"][:40] in out for r in d_rows for q in r["quotes"] if len(q["text"]) >= 20)
    assert ev.main(args + ["--show-held-out"]) == 0
    shown = _error_sections(capsys.readouterr().out)
    held = next(k for k in shown if k.startswith("coref-ent c (held out) labelled"))
    assert "do not tune" in held and len(shown[held]) == n_held
