"""The learned attribution model: its training command, its examples and the committed weights."""

from __future__ import annotations

import json

import pytest

from newsspider.evaluate import speaker_model as sm
from newsspider.extract.quotes import extract_quotes
from newsspider.extract.quotes.model import Model, default_model

np = pytest.importorskip("numpy", reason="numpy (test extra) trains the model")


def test_fit_learns_to_prefer_the_feature_of_the_positive_candidate():
    examples = [
        ([{"bias": 1.0, "near_cue": 1.0}, {"bias": 1.0}, {"none:bias": 1.0}], [0]),
        ([{"bias": 1.0}, {"bias": 1.0, "near_cue": 1.0}, {"none:bias": 1.0}], [1]),
        ([{"bias": 1.0}, {"none:bias": 1.0}], [1]),
    ] * 5
    model = sm.fit(examples, iterations=200)
    assert model.weights["near_cue"] > 1.0
    best, probs = model.choose([{"bias": 1.0}, {"bias": 1.0, "near_cue": 1.0}, {"none:bias": 1.0}])
    assert best == 1 and probs[1] > 0.5 and abs(sum(probs) - 1) < 1e-9
    assert sm.fit(examples, iterations=200).weights == model.weights  # deterministic


def _polnear_doc(text: str, source: str, content: str) -> dict:
    s, c = text.index(source), text.index(content)
    return {
        "text": text,
        "attributions": [
            {
                "source": {"text": source, "spans": [[s, s + len(source)]]},
                "content": {"spans": [[c - 1, c + len(content) + 1]]},
                "is_direct": True,
            }
        ],
    }


def test_examples_label_the_mention_on_the_gold_source_span():
    text = "Title\nMayor Ana Ruiz met Ben Cole on Friday. “We will open the bridge in May,” Ruiz told him."
    doc = _polnear_doc(text, "Ruiz told", "We will open the bridge in May")
    doc["attributions"][0]["source"]["text"] = "Ruiz"
    doc["attributions"][0]["source"]["spans"][0][1] -= len(" told")
    ((feats, positives),) = sm.doc_examples(doc)
    assert len(positives) == 1
    chosen = feats[positives[0]]
    assert chosen.get("r:tail") == 1.0 and chosen.get("cue_after") == 1.0


def test_the_committed_weights_load_and_are_used_by_default():
    model = default_model()
    assert isinstance(model, Model)
    assert model.meta["trained_on"].startswith("PolNeAR train")
    assert model.weights["cue_after"] > 0
    q = extract_quotes(["“The hall was full by noon,” said former festival director Han Mi-so."])[0]
    assert q["speaker"] == "Han Mi-so"


def test_model_json_round_trip(tmp_path):
    m = Model({"a": 1.234567891, "b": 0.0}, {"model": "x"})
    data = json.loads(m.to_json())
    assert data == {"model": "x", "weights": {"a": 1.23457}}
