"""Training the pronoun ranking on real pronoun sources (`python -m newsspider.evaluate.pronoun_model
--data real+nospeak`): the examples, the speaker features left out, the override margin chosen
on the training documents. Texts are invented, in PolNeAR's shape (text files + attributions)."""

from __future__ import annotations

import json

import pytest

from newsspider.extract.mentions import pronoun_model as pm

TEXTS = {
    "doc-a": "Mayor Anne Fowler and Ms. Jane Price opened the bridge on Monday.\n"
    "Anne Fowler said the bridge cost less than planned. The ribbon was cut by Ms. Price.\n"
    "She said the town would pay for a second bridge.\n",
    "doc-b": "Coach Peter Hall and Mr. Mark Lowe praised the players.\n"
    "Peter Hall said the team had worked hard. The trophy was handed to Mr. Lowe.\n"
    "He said the season was not over.\n",
    "doc-c": "Judge Rita Moss and Ms. Kim Dale visited the school.\n"
    "Rita Moss said the school needed a new roof. The visit was planned by Ms. Dale.\n"
    "She said the roof would be fixed in May.\n",
}


def _corpus(root):
    (root / "text").mkdir()
    rows = []
    for doc, text in TEXTS.items():
        (root / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
        first = text.split("\n")[1].split()[0:2]
        name = " ".join(first)
        a = text.index(name, text.index("\n"))
        src = [(a, a + len(name))]
        k = text.rindex("\n", 0, len(text) - 1) + 1  # the last line opens with the pronoun
        src.append((k, k + 2 if text[k] == "H" else k + 3))
        for s, e in src:
            end = text.index(".", e)
            rows.append({"doc": doc, "annotator": "x", "publication_date": "2020-01-01", "title": "",
                         "source": {"spans": [[s, e]], "text": text[s:e]},
                         "cue": {"spans": [[e + 1, e + 5]], "text": "said"},
                         "content": {"spans": [[e + 6, end]], "text": text[e + 6 : end]},
                         "is_direct": False})
    (root / "attributions.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_real_sources_are_examples_with_the_approximated_referent(tmp_path):
    pytest.importorskip("numpy")
    from newsspider.evaluate import polnear as pn
    from newsspider.evaluate import pronoun_model as pe

    _corpus(tmp_path)
    stats: dict[str, int] = {}
    data = pe.collect(pn.load_polnear(tmp_path), stats)
    assert stats["real"] == 3
    for n in data:
        (feats, gold), _rule_right = data[n]["real"][0]
        assert len(feats) >= 2 and feats[gold[0]]  # the named source of the line before is a candidate
    # the approximated referent is the latest named source: "seen speaking" would learn the
    # approximation, so ``nospeak`` leaves those features out of the training examples
    with_speak = [k for ex in pe.select(data["doc-a"], "real") for f in ex[0] for k in f]
    without = [k for ex in pe.select(data["doc-a"], "real+nospeak") for f in ex[0] for k in f]
    assert any(k.split(":")[1] in pe.SPEAKER_FEATURES for k in with_speak)
    assert without and not any(k.split(":")[1] in pe.SPEAKER_FEATURES for k in without)
    assert pe.select(data["doc-a"], "masked") == [ex for ex, _ok in data["doc-a"]["masked"]]


def test_the_model_overrides_the_rules_only_by_the_margin():
    from newsspider.evaluate.pronoun_model import gated

    model = pm.PronounModel({"hs:x": 1.0})
    feats = [{"hs:rule": 1.0}, {"hs:x": 1.0}]  # the model: 0.73 for the second, 0.27 for the rules' pick
    assert gated(model, feats, 0.0) == 1
    assert gated(model, feats, 0.4) == 1
    assert gated(model, feats, 0.5) == 0
    assert gated(model, [{}, {"hs:x": 1.0}], 0.9) == 1  # no pick of the rules: the model decides


def test_training_on_real_sources_records_its_margin_and_can_be_retrained_per_fold(tmp_path):
    pytest.importorskip("numpy")
    from newsspider.evaluate import polnear as pn
    from newsspider.evaluate import pronoun_model as pe

    _corpus(tmp_path)
    out = tmp_path / "w.json"
    assert pe.main(["train", "--polnear-train", str(tmp_path), "--out", str(out)]) == 0  # default: real+nospeak
    meta = json.loads(out.read_text(encoding="utf-8"))
    assert meta["data"] == "real+nospeak" and meta["margin_rule"] == "auto" and meta["margin"] in pe.MARGINS
    assert not any(k.split(":")[1] in pe.SPEAKER_FEATURES for k in meta["weights"])
    # the quote evaluation's CV retrains a committed model the same way on its training folds
    model = pm.PronounModel(meta.pop("weights"), meta)
    data = pe.collect(pn.load_polnear(tmp_path))
    again = pe.retrain_like(model, {n: data[n] for n in ("doc-a", "doc-b")})
    assert again.meta["data"] == "real+nospeak" and again.meta["groups"] == ["hs"]
    assert again.meta["examples"] == 2


def test_the_quote_evaluation_retrains_a_committed_pronoun_model_on_each_folds_training_documents(tmp_path, monkeypatch):
    # with weights in place, the PolNeAR train CV row must not use a model that saw the
    # held-out fold's approximated referents: it is retrained per fold on the other folds
    pytest.importorskip("numpy")
    from newsspider.evaluate import pronoun_model as pe
    from newsspider.evaluate import speaker_model as sm

    _corpus(tmp_path)
    seen: list[set[str]] = []
    real_retrain = pe.retrain_like

    def retrain(model, data):
        seen.append(set(data))
        return real_retrain(model, data)

    monkeypatch.setattr(pe, "retrain_like", retrain)
    pm.use_model(pm.PronounModel({"hs:rule": 1.0}, {"groups": ["hs"], "data": "real+nospeak", "margin": 0.0}))
    try:
        res = sm.cross_validate(tmp_path, k=3)
    finally:
        pm.use_model(True)
    assert res["docs"] == 3
    assert sorted(map(sorted, seen)) == [["doc-a", "doc-b"], ["doc-a", "doc-c"], ["doc-b", "doc-c"]]
