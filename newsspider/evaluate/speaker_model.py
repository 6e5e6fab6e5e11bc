"""Train the attribution model of the quote extractor on PolNeAR train, and cross-validate it.

    python -m newsspider.evaluate.speaker_model train [--polnear-train DIR] [--out FILE]
    python -m newsspider.evaluate.speaker_model cv [--polnear-train DIR] [--folds 5]

`train` writes ``newsspider/extract/quotes/speaker_weights.json`` (the committed file) from
every PolNeAR train document; `cv` prints the held-out figures of k-fold cross-validation
(`newsspider evaluate quotes` runs the same cross-validation for its PolNeAR train row).
Needs numpy (the ``test`` and ``bench`` extras); the extractor itself does not.

Examples. Each PolNeAR text is run through `extract_quotes` with ``trace``: every inline quote
comes back with its candidates (mentions of its window, INHERIT, NONE) and their features
(`newsspider.extract.quotes.attribution`). A traced quote is matched to a gold direct
attribution as in the evaluation (character overlap at least half of the longer span); its
positive candidates are the mentions overlapping the gold *source* span (PolNeAR annotates
the source words, pronouns included, so no coreference guess is involved), else INHERIT when
the previous quote's gold source is the same words, else NONE. Quotes matching no gold
attribution are not used.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

from newsspider.evaluate import polnear as pn
from newsspider.extract.quotes import extract_quotes
from newsspider.extract.quotes.model import WEIGHTS, Model

REPO = Path(__file__).resolve().parents[2]
L2 = 1.0
ITERATIONS = 400
LEARNING_RATE = 0.05

Example = tuple[list[dict[str, float]], list[int]]  # candidate features, positive indices


def _shared() -> Path:
    env = os.environ.get("NEWSSPIDER_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def doc_examples(d: dict[str, Any]) -> list[Example]:
    """Training examples of one PolNeAR document (see the module docstring)."""
    text = d["text"]
    paras, offs = pn.split_paragraphs(text)
    trace: list[dict] = []
    extract_quotes(paras, title=paras[0] if paras else None, model=None, trace=trace)
    qchars = pn._quoted_chars(text)
    gold = []
    for r in d["attributions"]:
        if not r["is_direct"]:
            continue
        chars: set[int] = set()
        for a, b in r["content"]["spans"]:
            chars.update(range(a, b))
        src: set[int] = set()
        for a, b in (r.get("source") or {}).get("spans") or []:
            src.update(range(a, b))
        gold.append((r, (chars & qchars) or chars, src))
    targets = pn.gold_speaker_targets(d["attributions"], text)
    out: list[Example] = []
    prev_gold: int | None = None
    for q in trace:
        p = q["paragraph"]
        ps = pn.align(q["text"], text, offs[p] if p is not None and p < len(offs) else 0)
        best, best_ov = None, 0.0
        for gi, (_r, gs, _src) in enumerate(gold):
            ov = len(ps & gs)
            if ov and ov >= 0.5 * max(len(ps), len(gs)) and ov > best_ov:
                best, best_ov = gi, ov
        if best is None:
            prev_gold = None
            continue
        r, _gs, src_chars = gold[best]
        pos = []
        for k, (para, start, end, kind, _f) in enumerate(q["cands"]):
            if kind in ("inherit", "none") or start < 0:
                continue
            lo = offs[para] + start
            if any(i in src_chars for i in range(lo, offs[para] + end)):
                pos.append(k)
        kinds = [c[3] for c in q["cands"]]
        if not pos and "inherit" in kinds and prev_gold is not None:
            pr = gold[prev_gold][0]
            mine = {t for x in targets.get(id(r), []) for t in pn._tokens(x)}
            theirs = {t for x in targets.get(id(pr), []) for t in pn._tokens(x)}
            if prev_gold == best or mine & theirs:
                pos.append(kinds.index("inherit"))
        if not pos:
            pos.append(kinds.index("none"))
        out.append(([c[4] for c in q["cands"]], pos))
        prev_gold = best
    return out


def collect(docs: dict[str, dict[str, Any]]) -> dict[str, list[Example]]:
    return {name: doc_examples(d) for name, d in sorted(docs.items())}


def train(examples: dict[str, list[Example]], names: list[str] | None = None) -> Model:
    """The model from the examples of the given documents (all when `names` is None)."""
    return fit([ex for n in (names if names is not None else sorted(examples)) for ex in examples[n]])


def fit(examples: list[Example], l2: float = L2, iterations: int = ITERATIONS) -> Model:
    """Conditional logit by full-batch Adam (deterministic); no examples: all weights zero."""
    import numpy as np

    if not examples:
        return Model({}, {"model": "conditional logit over attribution candidates", "examples": 0, "l2": l2,
                          "iterations": 0})

    names = sorted({k for feats, _ in examples for f in feats for k in f})
    index = {k: i for i, k in enumerate(names)}
    rows, cols, vals, group, pos = [], [], [], [], []
    n = 0
    for q, (feats, positives) in enumerate(examples):
        for k, f in enumerate(feats):
            for name, v in f.items():
                rows.append(n)
                cols.append(index[name])
                vals.append(v)
            group.append(q)
            pos.append(k in positives)
            n += 1
    x = np.zeros((n, len(names)))
    x[rows, cols] = vals
    g = np.array(group)
    positive = np.array(pos, dtype=float)
    n_groups = len(examples)
    w = np.zeros(len(names))
    mom = np.zeros_like(w)
    vel = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iterations + 1):
        s = x @ w
        smax = np.full(n_groups, -np.inf)
        np.maximum.at(smax, g, s)
        e = np.exp(s - smax[g])
        z = np.zeros(n_groups)
        np.add.at(z, g, e)
        zp = np.zeros(n_groups)
        np.add.at(zp, g, e * positive)
        p_all = e / z[g]
        p_pos = e * positive / np.maximum(zp[g], 1e-300)
        grad = x.T @ (p_all - p_pos) / n_groups + l2 * w / n_groups
        mom = b1 * mom + (1 - b1) * grad
        vel = b2 * vel + (1 - b2) * grad * grad
        w -= LEARNING_RATE * (mom / (1 - b1**t)) / (np.sqrt(vel / (1 - b2**t)) + eps)
    weights = {k: float(w[i]) for k, i in index.items()}
    return Model(weights, {"model": "conditional logit over attribution candidates", "examples": n_groups,
                           "l2": l2, "iterations": iterations})


def cross_validate(root: Path, k: int = 5, repeat: int = 1) -> dict[str, Any]:
    """k-fold CV on a PolNeAR split: train on k-1 folds, score the held-out fold with the
    evaluation's scorer; the held-out counts of all folds are pooled."""
    from newsspider.extract.mentions import pronoun_model as pm

    docs = pn.load_polnear(root)
    # with committed pronoun weights, the pronoun model is retrained on each fold's training
    # documents too (its examples hold approximated referents of the held-out fold otherwise);
    # the attribution examples are collected with the rules' pronouns, as for the weights
    pronouns = pm.default_model()
    pm.use_model(None)
    try:
        examples = collect(docs)
        pron_data = None
        if pronouns is not None:
            from newsspider.evaluate import pronoun_model as pe

            pron_data = pe.collect(docs)
    finally:
        pm.use_model(True)
    counts: dict[str, dict[str, int]] = {}
    times: list[float] = []
    details: dict[str, list[str]] = {"speaker": [], "missed": [], "extra": []}
    fold_confs: list[list[tuple[float, bool, bool]]] = []
    for fold in pn.folds(list(docs), k):
        held = set(fold)
        model = train(examples, [n for n in examples if n not in held])
        if pronouns is not None and pron_data is not None:
            pm.use_model(pe.retrain_like(pronouns, {n: v for n, v in pron_data.items() if n not in held}))
        try:
            res = pn.eval_docs(
                {n: docs[n] for n in fold}, partial(extract_quotes, model=model, min_confidence=0.0), repeat=repeat
            )
        finally:
            pm.use_model(True)
        fold_confs.append(res["confs"])
        times += res["times"]
        for view, cnt in res["counts"].items():
            counts[view] = pn.add_counts(counts.get(view, {}), cnt)
        for key in details:
            details[key] += res["details"][key]
    import statistics

    out: dict[str, Any] = {"docs": len(docs), "times": times, "details": details, "counts": counts,
                           "ms_per_1k_words": statistics.median(times) if times else 0.0}
    for view, cnt in counts.items():
        out[view] = pn.summarise(cnt)
    # the confidence threshold: chosen on the held-out predictions of the other folds and
    # applied to this fold (nested, so the reported figure is held out too); the threshold
    # for the committed model is chosen on all of them
    emitted = ok = matched = 0
    thresholds = []
    for f, confs in enumerate(fold_confs):
        t = pn.choose_threshold([c for g, cs in enumerate(fold_confs) if g != f for c in cs])
        thresholds.append(t)
        r = pn.at_threshold(confs, t)
        emitted += r["emitted"]
        ok += round(r["acc"] * r["emitted"])
        matched += r["matched"]
    out["confs"] = [c for cs in fold_confs for c in cs]
    out["threshold"] = pn.choose_threshold(out["confs"])
    out["fold_thresholds"] = thresholds
    out["at_threshold"] = {"acc": ok / emitted if emitted else 0.0, "coverage": emitted / matched if matched else 0.0,
                           "emitted": emitted, "matched": matched}
    return out


def numpy_available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def training_parser(module: str, doc: str, commands: tuple[str, ...], weights: Path) -> argparse.ArgumentParser:
    """The arguments every training command takes (this module's and `pronoun_model`'s)."""
    ap = argparse.ArgumentParser(prog=f"python -m {module}", description=doc.split("\n\n")[0])
    ap.add_argument("command", choices=commands)
    ap.add_argument("--polnear-train", type=Path, default=_shared() / "dev" / "quotes-polnear-train")
    ap.add_argument("--out", type=Path, default=weights)
    ap.add_argument("--folds", type=int, default=5)
    return ap


def cannot_train(polnear_train: Path) -> bool:
    """Say on stderr why training cannot run here (no PolNeAR train, no numpy)."""
    if not (polnear_train / "attributions.jsonl").exists():
        print(f"PolNeAR train not found at {polnear_train}", file=sys.stderr)
        return True
    if not numpy_available():
        print("numpy is needed to train (pip install -e '.[test]')", file=sys.stderr)
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = training_parser("newsspider.evaluate.speaker_model", __doc__ or "", ("train", "cv"), WEIGHTS)
    args = ap.parse_args(argv)
    if cannot_train(args.polnear_train):
        return 2
    if args.command == "train":
        docs = pn.load_polnear(args.polnear_train)
        model = train(collect(docs))
        model.meta["trained_on"] = f"PolNeAR train ({len(docs)} documents)"
        cv = cross_validate(args.polnear_train, args.folds, repeat=1)
        model.meta["min_confidence"] = cv["threshold"]
        model.meta["min_confidence_chosen_by"] = (
            f"{args.folds}-fold CV on PolNeAR train: maximises correct - {pn.WRONG_COST:g} x wrong named-source "
            "speakers emitted"
        )
        args.out.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {args.out} ({len(model.weights)} weights, {model.meta['examples']} quotes)")
        return 0
    res = cross_validate(args.polnear_train, args.folds)
    r = res["quoted"]
    print(f"{args.folds}-fold CV on {res['docs']} documents: quote F1 {r['f1']:.3f}, named-source speaker "
          f"accuracy {r['spk_acc']:.3f} ({r['named']} quotes), all {r['spk_acc_all']:.3f}, nulls {r['null_share']:.1%}")
    a = res["at_threshold"]
    print(f"confidence threshold (nested CV, per fold {res['fold_thresholds']}): accuracy of emitted named-source "
          f"speakers {a['acc']:.3f}, coverage {a['coverage']:.3f}; chosen on all folds: {res['threshold']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
