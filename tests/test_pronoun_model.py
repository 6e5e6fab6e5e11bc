"""The learned ranking of pronoun referents (`newsspider.extract.mentions.pronoun_model`) and
its training command (`newsspider.evaluate.pronoun_model`). Paragraphs are invented."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsspider.extract.mentions import Mentions
from newsspider.extract.mentions import pronoun_model as pm
from newsspider.extract.quotes import extract_quotes

# the passage is about the singer; two colleagues are named in a list in the sentence before
# the quote, one of them the subject of that sentence (the rules' salience picks her)
SINGER = [
    "Singer Laura Mendes returns with a new album",
    "Laura Mendes said the record took two years to finish. “It was the hardest thing I have done,” Mendes said.",
    "Producer Sarah Cole and engineer Emily Hart also worked on the record, which was made in Lisbon.",
    "“I trusted them with every song,” she said.",
]


def test_the_extractor_imports_no_numpy():
    code = "import sys; from newsspider.extract.quotes import extract_quotes; extract_quotes(%r); print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code % (SINGER,)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_without_weights_the_rules_decide_and_nothing_changes():
    # no weights are committed (the learned ranking was measured and not kept, see
    # benchmarks/quotes.md "Fourth pass"): the rules' pick, the producer, as before
    pm.use_model(True)
    assert pm.default_model() is None or not pm.WEIGHTS.exists()
    quotes = extract_quotes(SINGER, title=SINGER[0], min_confidence=0)
    assert [q["speaker"] for q in quotes] == ["Laura Mendes", "Sarah Cole"]


def test_a_model_that_prefers_the_last_speaker_overrides_the_rules():
    # the hook: a model (here one hand-set weight) ranks the rules' agreeing candidates
    pm.use_model(pm.PronounModel({"hs:speaker_latest": 5.0}, {"groups": ["hs"]}))
    try:
        quotes = extract_quotes(SINGER, title=SINGER[0], min_confidence=0)
    finally:
        pm.use_model(True)
    assert [q["speaker"] for q in quotes] == ["Laura Mendes", "Laura Mendes"]


def test_features_mark_the_last_speaker_and_the_list():
    from newsspider.extract.mentions.candidates import Index
    from newsspider.extract.mentions.salience import candidates, resolve_pronoun

    m = Mentions(SINGER)
    reg, doc = m.registry, m.doc
    pos = doc.g(3, 0)
    cands = candidates("she", Index(reg).candidates(pos))
    rule = resolve_pronoun(doc, reg, "she", pos, Index(reg).candidates(pos), reg.sentences, learned=False)
    feats = {e.name: f for e, f in zip(cands, pm.features(doc, "she", pos, cands, reg.sentences, rule), strict=True)}
    assert feats["Laura Mendes"].get("hs:speaker_latest") and feats["Laura Mendes"].get("hs:last_speaks")
    assert feats["Sarah Cole"].get("hs:rule") and feats["Sarah Cole"].get("hs:last_list")
    assert not feats["Sarah Cole"].get("hs:last_speaks")


def _corpus(root):
    """A tiny invented PolNeAR-shaped corpus: two women and two men named, then named again as
    the sources of attributions ("Fowler said ...")."""
    texts = {
        "doc-a": "Mayor Anne Fowler and Ms. Jane Price opened the bridge on Monday.\n"
        "Anne Fowler said the bridge cost less than planned. Jane Price said she liked it.\n"
        "Fowler said she would run again. Price said she would help her.\n",
        "doc-b": "Coach Peter Hall and Mr. Mark Lowe praised the players.\n"
        "Peter Hall said the team had worked hard. Mark Lowe said he was proud of them.\n"
        "Hall said the season was not over. Lowe said he agreed with him.\n",
    }
    (root / "text").mkdir()
    rows = []
    for doc, text in texts.items():
        (root / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
        for name in ("Fowler", "Price", "Hall", "Lowe"):
            k = text.find(f"{name} said", text.index("\n"))
            while k >= 0:
                a, b = k, k + len(name)
                end = text.index(".", b)
                rows.append({"doc": doc, "annotator": "x", "publication_date": "2020-01-01", "title": "",
                             "source": {"spans": [[a, b]], "text": name},
                             "cue": {"spans": [[b + 1, b + 5]], "text": "said"},
                             "content": {"spans": [[b + 6, end]], "text": text[b + 6 : end]},
                             "is_direct": False})
                k = text.find(f"{name} said", b)
    (root / "attributions.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_training_command_runs_on_a_tiny_corpus(tmp_path):
    pytest.importorskip("numpy")
    from newsspider.evaluate import pronoun_model as train

    _corpus(tmp_path)
    out = tmp_path / "w.json"
    assert train.main(["train", "--polnear-train", str(tmp_path), "--out", str(out), "--data", "masked"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["groups"] == ["hs"] and data["examples"] >= 1 and data["weights"]
    assert train.main(["cv", "--polnear-train", str(tmp_path), "--folds", "2", "--data", "masked"]) == 0
