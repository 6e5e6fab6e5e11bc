"""A learned ranking of the candidate referents of he / she / it / they.

The rules (`salience.resolve_pronoun`: Lappin & Leass weights, agreement, centering) propose
one referent; this model scores every agreeing candidate with features of the candidate at
the pronoun's place (the rule's pick, salience, sentence / paragraph distance of its last
mention, its role there: subject, possessive, inside a prepositional phrase, a list, a
subordinate clause; subject of the previous sentence or earlier in the same one, mention
counts, first mention in the lede, whether it was seen speaking, person evidence)
and the candidates compete through a softmax (a conditional logit, as the attribution model
in `quotes.model`).

Trained without coreference labels, by masking names (`python -m newsspider.evaluate.pronoun_model
train`): in PolNeAR train, the name of an attribution's source that the article named before
is replaced by the pronoun the article uses for that entity, and the masked entity is the gold
referent; real he / she sources with their approximated referent can be added. The weights
would be a small JSON file next to this module (`pronoun_weights.json`, loaded without numpy);
**none is committed**: trained on masked names the ranking beat the rules on held-out PolNeAR
but lost on the entertainment-news sets; trained on real he / she sources it kept them and
gained a little on held-out PolNeAR, but overturns with confidence a shape the rules get right
(benchmarks/quotes.md, "Fourth pass: pronouns" and "Fifth pass"). Without the file the rules
decide, unchanged; `use_model` sets a model for experiments. A file whose groups hold "desc"
decides person descriptions ("the senator said", `salience.resolve_description`) with the he /
she features; applied to descriptions only it left every quote set unchanged (benchmarks/quotes.md,
"Sixth pass"), so none is committed either.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from pathlib import Path

from newsspider.extract.mentions.registry import Entity
from newsspider.extract.mentions.salience import RECENCY, Sentences, salience
from newsspider.extract.mentions.text import Doc

WEIGHTS = Path(__file__).with_name("pronoun_weights.json")
GROUPS = {"he": "hs", "she": "hs", "it": "it", "they": "they"}

_SPEAKS = re.compile(
    r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}(?:,[^,]{1,60},)?\s+(?:[a-z]+ly\s+)?"
    r"(?:said|says|told|tells|added|adds|explained|recalled|argued|insisted|tweeted|wrote|"
    r"stated|announced|replied|answered|asked|noted|continued|claimed|warned|acknowledged)\b"
)
_INVERTED = re.compile(
    r"[,!?][”\"’']?\s+(?:said|says|noted|notes|wrote|writes|added|adds|argued|explained|told|warned|tweeted)\s+"
    r"(?:[A-Z][\w.&\-]*[’']s\s+|[a-z]+\s+|[A-Z][\w.\-]*\s+){0,3}$"
)
_LIST_BEFORE = re.compile(r"[A-Za-z.]\s*(?:,|\band|\bor)\s+(?:[A-Z][\w.’'\-]*\s+){0,2}$")
_LIST_AFTER = re.compile(
    r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}(?:,\s+(?:and\s+)?|\s+(?:and|or)\s+)(?:[a-z]+\s+){0,2}[A-Z]"
)
_SUBORDINATE = re.compile(
    r"[\s“”\"‘(]*(?:When|After|As|While|Because|If|Although|Though|Before|Since|Once|Until|Whether|Asked|"
    r"Speaking|Despite|Unlike|Like)\b"
)


class PronounModel:
    def __init__(self, weights: dict[str, float], meta: dict | None = None) -> None:
        self.weights = weights
        self.meta = meta or {}

    def scores(self, feats: list[dict[str, float]]) -> list[float]:
        w = self.weights
        return [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in feats]

    def choose(self, feats: list[dict[str, float]]) -> tuple[int, list[float]]:
        scores = self.scores(feats)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        z = sum(exp)
        best = max(range(len(scores)), key=scores.__getitem__)
        return best, [e / z for e in exp]

    def to_json(self) -> str:
        data = {**self.meta, "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        return json.dumps(data, indent=1) + "\n"


_LOADED: dict[str, PronounModel | None] = {}


def default_model() -> PronounModel | None:
    """The committed weights (None when the file is absent), or the model set by `use_model`."""
    if "model" not in _LOADED:
        try:
            data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _LOADED["model"] = None
        else:
            weights = {str(k): float(v) for k, v in (data.pop("weights", {}) or {}).items()}
            _LOADED["model"] = PronounModel(weights, data)
    return _LOADED["model"]


def use_model(model: PronounModel | None | bool) -> None:
    """Resolve with `model` from now on (None: the rules alone; True: the committed weights)."""
    _LOADED.clear()
    if model is not True:
        _LOADED["model"] = model  # type: ignore[assignment]


def _last(seq: list[int], pos: int) -> int:
    k = bisect.bisect_left(seq, pos)
    return seq[k - 1] if k else -1


def _role(weight: float) -> tuple[bool, bool]:
    """(possessive, adverbial) of a mention from its salience weight (`salience.mention_weight`)."""
    x = round(weight - RECENCY)
    possessive = x in (0, 50)
    adverbial = x in (0, 80, 160)
    return possessive, adverbial


class _Text:
    """Cached per-mention text tests of one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cache: dict[tuple[str, int], bool] = {}
        title = doc.title if doc.title is not None else (doc.paras[0] if doc.paras else "")
        self.title_words = set(re.findall(r"[\w\-]+", title.replace("’s", " ").replace("'s", " ")))

    def _para(self, pos: int) -> tuple[str, int]:
        i, off = self.doc.locate(pos)
        return self.doc.paras[i] if i < len(self.doc.paras) else "", off

    def speaks(self, pos: int) -> bool:
        key = ("s", pos)
        if key not in self.cache:
            text, off = self._para(pos)
            self.cache[key] = (
                _SPEAKS.match(text, off, off + 140) is not None
                or _INVERTED.search(text, max(0, off - 60), off) is not None  # "…, noted NBC’s X."
            )
        return self.cache[key]

    def in_list(self, pos: int) -> bool:
        key = ("l", pos)
        if key not in self.cache:
            text, off = self._para(pos)
            self.cache[key] = (
                _LIST_BEFORE.search(text, max(0, off - 40), off) is not None
                or _LIST_AFTER.match(text, off, off + 80) is not None
            )
        return self.cache[key]

    def subordinate(self, sent_start: int) -> bool:
        key = ("c", sent_start)
        if key not in self.cache:
            text, off = self._para(sent_start)
            self.cache[key] = _SUBORDINATE.match(text, off) is not None
        return self.cache[key]


def _bucket(d: int, top: int) -> str:
    return str(d) if d < top else f"{top}+"


def features(
    doc: Doc,
    word: str,
    pos: int,
    cands: list[Entity],
    sentences: Sentences,
    rule: Entity | None,
    subject: bool = True,
    text: _Text | None = None,
) -> list[dict[str, float]]:
    """Features of each candidate referent of the pronoun `word` at global offset `pos`."""
    from newsspider.extract.mentions.resolve import is_personlike

    g = GROUPS.get(word, "hs")
    text = text or _Text(doc)
    here = sentences.index(pos)
    here_para = doc.locate(pos)[0]
    info = []
    for e in cands:
        k = bisect.bisect_left(e.positions, pos)
        last = e.positions[k - 1] if k else -1
        info.append((e, k, last, _last(e.subjects, pos), e.positions[0] if e.positions else pos))
    latest = max((t[2] for t in info), default=-1)
    latest_subj = max((t[3] for t in info), default=-1)
    earliest = min((t[4] for t in info), default=-1)
    most = max((t[1] for t in info), default=0)
    sals = [salience(e, pos, sentences) for e in cands]
    top_sal = max(sals, default=0.0)
    speakers = [t for t in info if t[2] >= 0 and any(text.speaks(p) for p in t[0].positions[max(0, t[1] - 3) : t[1]])]
    last_speaker = max((t[2] for t in speakers), default=-1)
    # the previous sentence: who is named there, and whether someone is its subject
    prev_subjects = sum(1 for t in info if t[3] >= 0 and here - sentences.index(t[3]) == 1)
    out: list[dict[str, float]] = []
    for (e, k, last, lsub, first), sal in zip(info, sals, strict=True):
        f: dict[str, float] = {}
        f["rule"] = float(e is rule)
        f["sal"] = sal / 100.0
        f["sal_top"] = float(sal > 0 and sal == top_sal)
        f["sal_zero"] = float(sal == 0)
        if last >= 0:
            ls = sentences.index(last)
            d = here - ls
            f["dsent_" + _bucket(d, 4)] = 1.0
            f["dpara_" + _bucket(here_para - doc.locate(last)[0], 3)] = 1.0
            f["latest"] = float(last == latest)
            poss, adv = _role(e.weights.get(last, RECENCY + 80.0))
            is_subj = bool(e.subjects) and lsub == last
            f["last_subj"] = float(is_subj)
            f["last_poss"] = float(poss)
            f["last_adv"] = float(adv)
            f["last_obj"] = float(not (is_subj or poss or adv))
            f["last_list"] = float(text.in_list(last))
            f["last_subord"] = float(d <= 1 and text.subordinate(sentences.starts[ls]))
            f["last_speaks"] = float(text.speaks(last))
            f["prev_named_free"] = float(d == 1 and prev_subjects == 0)
            f["prev_named_other_subj"] = float(d == 1 and prev_subjects > 0 and not is_subj)
            f["log_chars"] = math.log1p(max(0, pos - last)) / 8.0
        if lsub >= 0:
            ds = here - sentences.index(lsub)
            f["subj_prev"] = float(ds == 1)
            f["subj_same"] = float(ds == 0)
            f["latest_subj"] = float(lsub == latest_subj)
        f["speaker_latest"] = float(last >= 0 and last == last_speaker)
        f["n_before"] = math.log1p(k)
        f["n_total"] = math.log1p(len(e.positions))
        f["most_before"] = float(k == most)
        f["first_lede"] = float(first < (doc.offsets[1] if len(doc.offsets) > 1 else 1 << 60))
        f["first_earliest"] = float(first == earliest)
        f["in_title"] = float(bool(e.name) and e.name.split()[-1] in text.title_words)
        if g == "hs":
            # no gender-evidence feature: masked names are only made for entities with gender
            # evidence, so such a feature learns the sampling (agreement stays a filter)
            f["person"] = float(is_personlike(e))
            f["person_weak"] = float(is_personlike(e, True))
        else:
            f["t_" + e.type] = 1.0
        f["multiword"] = float(len(e.name.split()) >= 2)
        if subject:
            f["pro_subj*last_subj"] = f.get("last_subj", 0.0)
        out.append({f"{g}:{n}": v for n, v in f.items() if v})
    return out
