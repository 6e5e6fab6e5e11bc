"""The learned weights that pick a quote's attribution among its candidates.

A conditional logit model: each candidate's score is the sum of the weights of its features,
and the candidates of one quote compete through a softmax (the winner's probability is the
confidence of the choice). The weights are a small JSON file next to this module
(`speaker_weights.json`), trained on the PolNeAR train split by

    python -m newsspider.evaluate.speaker_model train

(see that module). No model is downloaded at run time; without the file the extractor falls
back to the attribution patterns alone.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

WEIGHTS = Path(__file__).with_name("speaker_weights.json")


class Model:
    def __init__(self, weights: dict[str, float], meta: dict | None = None) -> None:
        self.weights = weights
        self.meta = meta or {}

    def score(self, feats: dict[str, float]) -> float:
        # sum(w.get(k, 0.0) * v for k, v in feats.items()), the same products added in the same
        # order, without a Python frame per feature
        return sum(map(mul, map(self.weights.get, feats, repeat(0.0)), feats.values()))

    def choose(self, cands: list[dict[str, float]]) -> tuple[int, list[float]]:
        """Index of the best candidate and the softmax probabilities of all of them."""
        scores = [self.score(f) for f in cands]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        z = sum(exp)
        probs = [e / z for e in exp]
        best = max(range(len(scores)), key=scores.__getitem__)
        return best, probs

    def to_json(self) -> str:
        data = {**self.meta, "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-5}}
        return json.dumps(data, indent=1, sort_keys=False) + "\n"


@lru_cache(maxsize=1)
def default_model() -> Model | None:
    """The committed weights, or None when the file is absent."""
    try:
        data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    weights = {str(k): float(v) for k, v in (data.pop("weights", {}) or {}).items()}
    return Model(weights, data)
