"""Train the pronoun ranking of `newsspider.extract.mentions.pronoun_model` on PolNeAR train by
masking names, and cross-validate it.

    python -m newsspider.evaluate.pronoun_model cv [--data near+real] [--folds 5]
    python -m newsspider.evaluate.pronoun_model pipeline-cv [--data near+real]
    python -m newsspider.evaluate.pronoun_model train [--data near+real] [--out FILE]

`cv` prints the referent accuracy of the rules and of the learned ranking on held-out
documents (5 folds by document), for masked names and for the real he / she sources;
`pipeline-cv` runs the quote evaluation's 5-fold CV (`speaker_model.cross_validate`) with the
pronoun model retrained on the other folds too, rules vs learned; `train` writes the weights
file the extractor loads (``pronoun_weights.json``; none is committed: measured and not kept,
see benchmarks/quotes.md "Fourth pass: pronouns").

Self-supervised examples (PolNeAR has no coreference labels). For every attribution (direct
and indirect) whose source span is a proper name of an entity the article named before (not
its first mention), the name is replaced in the text by the pronoun the article uses for that
entity: he / she by the gender evidence the resolver has for the entity (honorifics, first
names, gendered words and pronouns near its mentions; skipped when there is none or it is
even), "it" for an organisation, "they" for a group; other names are skipped. The registry is
built again on the rewritten text (the pronoun gives gender evidence to the names before it,
as a real one does) with the rules alone; the candidates are the agreeing entities of the
resolver's window there (`salience.candidates`); the gold is the masked entity (examples where
it is not a candidate are counted and left out). The features are the run time's
(`pronoun_model.features`), the rules' pick among them, scored by a conditional logit
(`speaker_model.fit`).

A masked name is not a natural pronoun (writers name a person where a pronoun would be
ambiguous, and name often the people they write most about), so the figures are checked on the
real he / she sources of PolNeAR too (`real`: the referent approximated as in the evaluation,
`polnear.gold_speaker_targets`), and `--data` chooses the training examples: `masked`, `near`
(masked names whose entity was named in the last two sentences), `real`, `both`, `near+real`.
Needs numpy (the ``test`` / ``bench`` extras); the extractor does not.
"""

from __future__ import annotations

import bisect
import re
import sys
from pathlib import Path
from typing import Any

from newsspider.evaluate import polnear as pn
from newsspider.evaluate.speaker_model import cannot_train, fit, training_parser
from newsspider.extract.mentions import Mentions
from newsspider.extract.mentions import pronoun_model as pm
from newsspider.extract.mentions.candidates import REACH, SALIENT
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike
from newsspider.extract.mentions.salience import candidates, resolve_pronoun
from newsspider.extract.mentions.text import Doc
from newsspider.extract.quotes.finding import _find_spans

Example = tuple[list[dict[str, float]], list[int]]
_NAME = re.compile(r"^(?:[A-Z][\w.’'\-]*\s+)*[A-Z][\w.’'\-]*$")


def registry_of(paras: list[str], title: str | None = None) -> tuple[Doc, EntityRegistry]:
    """The registry the quote extractor builds (quotations masked), rules only."""
    quoted = {}
    for i, p in enumerate(paras):
        spans = _find_spans(p, i)
        quoted[i] = [(s.open_pos, s.close_pos + 1 if s.close_pos is not None else len(p)) for s in spans]
    m = Mentions(paras, quoted=quoted)
    m.doc.title = title
    return m.doc, m.registry


def pool_at(reg: EntityRegistry, pos: int) -> list[Entity]:
    """`candidates.Index.candidates` computed directly (the registry changes per example)."""
    seen: dict[int, Entity] = {}
    for e in reg.entities:
        k = bisect.bisect_left(e.positions, pos)
        if k and e.positions[k - 1] >= pos - REACH and e.type != "place":
            seen[id(e)] = e
    salient = [e for e in sorted(reg.entities, key=lambda e: -len(e.positions)) if e.type != "place"][:SALIENT]
    for e in salient:
        if id(e) not in seen and e.positions and e.positions[0] < pos:
            seen[id(e)] = e
    return list(seen.values())


def pronoun_for(e: Entity) -> str | None:
    if e.type == "org":
        return "it"
    if e.type == "group":
        return "they"
    if e.type in ("place", "pair") or not is_personlike(e, True):
        return None
    if e.male > e.female:
        return "he"
    if e.female > e.male:
        return "she"
    return None


def _example(doc: Doc, reg: EntityRegistry, e: Entity, word: str, p: int, subject: bool,
             stats: dict[str, int]) -> tuple[Example, bool] | None:
    pool = pool_at(reg, p)
    rule = resolve_pronoun(doc, reg, word, p, pool, reg.sentences, subject=subject, learned=False)
    cands = candidates(word, pool)
    if e not in cands:
        stats["gold_not_candidate"] += 1
        return None
    if len(cands) < 2:
        stats["single_candidate"] += 1
        return None
    feats = pm.features(doc, word, p, cands, reg.sentences, rule, subject)
    return (feats, [cands.index(e)]), rule is e


def doc_examples(d: dict[str, Any], stats: dict[str, int] | None = None) -> dict[str, list[tuple[Example, bool]]]:
    """Masked-name examples ("masked") and real he/she source examples ("real") of one
    document, each with whether the rule got it right."""
    stats = stats if stats is not None else {}
    for k in ("names", "masked", "gold_not_candidate", "single_candidate", "no_pronoun", "first_mention",
              "real", "real_unresolved"):
        stats.setdefault(k, 0)
    text = d["text"]
    paras, offs = pn.split_paragraphs(text)
    if not paras:
        return {"masked": [], "real": []}
    doc, reg = registry_of(paras, paras[0])

    def glob(o: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(offs, o) - 1
        if i < 0 or o >= offs[i] + len(paras[i]):
            return None
        return i, doc.g(i, o - offs[i])

    out: dict[str, list[tuple[Example, bool]]] = {"masked": [], "real": []}
    targets = pn.gold_speaker_targets(d["attributions"], text)
    done: set[int] = set()
    for r in d["attributions"]:
        src = r.get("source") or {}
        spans = src.get("spans") or []
        stext = (src.get("text") or "").strip()
        if len(spans) != 1 or not stext:
            continue
        a, b = spans[0]
        ga, gb = glob(a), glob(b - 1)
        if ga is None or gb is None or ga[0] != gb[0]:
            continue
        lo, hi = ga[1], gb[1] + 1
        low = stext.lower()
        if low in ("he", "she"):
            ref = targets.get(id(r), [])[1:]
            ent = reg.lookup(re.sub(r"(?:’s|'s)$", "", ref[0]), lo) if ref else None
            if ent is None:
                stats["real_unresolved"] += 1
                continue
            got = _example(doc, reg, ent, low, lo, True, stats)
            if got is not None:
                stats["real"] += 1
                out["real"].append(got)
            continue
        if not _NAME.match(stext) or not pn._named(stext):
            continue
        hits = [(p, e) for e in reg.entities for p in e.positions[bisect.bisect_left(e.positions, lo):]
                if p < hi]
        if len(hits) != 1 or hits[0][0] in done:
            continue
        p, e = hits[0]
        done.add(p)
        stats["names"] += 1
        if e.positions[0] >= p:
            stats["first_mention"] += 1
            continue
        word = pronoun_for(e)
        if word is None:
            stats["no_pronoun"] += 1
            continue
        subject = p in e.subjects
        # the text with the name replaced by the pronoun, and its own registry: the pronoun
        # gives gender evidence to the names before it as a real one does, the name does not
        i = ga[0]
        before = text[offs[i] : a].rstrip()
        pron = word.capitalize() if not before or before[-1] in ".!?“\"‘:" else word
        ptext = text[:a] + pron + text[b:]
        pparas, _poffs = pn.split_paragraphs(ptext)
        if len(pparas) != len(paras):
            continue
        pdoc, preg = registry_of(pparas, pparas[0])
        pe = preg.lookup(e.name, p)
        if pe is None or not pe.positions or pe.positions[0] >= p:
            stats["lost"] = stats.get("lost", 0) + 1
            continue
        got = _example(pdoc, preg, pe, word, p, subject, stats)
        if got is not None:
            stats["masked"] += 1
            out["masked"].append(got)
    return out


def collect(docs: dict[str, dict[str, Any]], stats: dict[str, int] | None = None) -> dict[str, dict[str, list]]:
    """The examples of every document, the registries built by the rules alone."""
    pm.use_model(None)
    try:
        return {n: doc_examples(d, stats) for n, d in sorted(docs.items())}
    finally:
        pm.use_model(True)


VARIANTS = ("masked", "both", "near+real", "real")


def _hs(ex: Example) -> bool:
    return any(k.startswith("hs:") for f in ex[0][:1] for k in f)


def _near(ex: Example) -> bool:
    f = ex[0][ex[1][0]]
    return any(f"{g}:dsent_{d}" in f for g in ("hs", "it", "they") for d in (0, 1, 2))


def select(doc_data: dict[str, list], variant: str = "both") -> list[Example]:
    """The training examples of one document: masked names, real he/she sources with the
    approximated referent, or both (`near`: masked names whose entity was named within the
    last two sentences, the distances at which writers use pronouns)."""
    masked = [ex for ex, _ok in doc_data["masked"]]
    if variant.startswith("near"):
        masked = [ex for ex in masked if _near(ex)]
    real = [ex for ex, _ok in doc_data["real"]]
    if variant in ("masked", "near"):
        return masked
    if variant == "real":
        return real
    return masked + real


def _accuracy(model: pm.PronounModel | None, items: list[tuple[Example, bool]]) -> tuple[int, int, int]:
    """(n, rule correct, model correct)."""
    rule_ok = model_ok = 0
    for (feats, gold), rule_right in items:
        rule_ok += rule_right
        if model is not None:
            best, _ = model.choose(feats)
            model_ok += best in gold
    return len(items), rule_ok, model_ok


def train_model(examples: list[Example], l2: float = 1.0) -> pm.PronounModel:
    m = fit(examples, l2=l2)
    return pm.PronounModel(m.weights, {"model": "conditional logit over pronoun referents", "examples": len(examples),
                                       "l2": l2})


def cross_validate(data: dict[str, dict[str, list]], k: int = 5, l2: float = 1.0, variant: str = "both") -> dict[str, Any]:
    res: dict[str, Any] = {}
    names = sorted(data)
    for view in ("masked", "real"):
        res[view] = {}
    for fold in pn.folds(names, k):
        held = set(fold)
        train_ex = [ex for n in names if n not in held for ex in select(data[n], variant)]
        model = train_model(train_ex, l2)
        for view in ("masked", "real"):
            for n in fold:
                for ex, ok in data[n][view]:
                    g = "hs" if any(f.startswith("hs:") for f in ex[0][0]) else next(iter(ex[0][0]), "x:").split(":")[0]
                    slot = res[view].setdefault(g, [0, 0, 0])
                    n_, r_, m_ = _accuracy(model, [(ex, ok)])
                    slot[0] += n_
                    slot[1] += r_
                    slot[2] += m_
    return res


def pipeline_cv(root: Path, data: dict[str, dict[str, list]], variant: str = "near+real", k: int = 5,
                l2: float = 1.0) -> dict[str, Any]:
    """The quote evaluation's k-fold CV on PolNeAR train (`speaker_model.cross_validate`) with
    the pronoun model retrained on the other folds too, so that the held-out fold's approximated
    referents (the `real` examples) are never trained on."""
    from functools import partial

    from newsspider.evaluate import speaker_model as sm
    from newsspider.extract.quotes import extract_quotes

    docs = pn.load_polnear(root)
    pm.use_model(None)
    try:
        sp_examples = sm.collect(docs)
    finally:
        pm.use_model(True)
    counts: dict[str, dict[str, int]] = {}
    try:
        for fold in pn.folds(list(docs), k):
            held = set(fold)
            keep = [n for n in sorted(data) if n not in held]
            model = train_model([ex for n in keep for ex in select(data[n], variant)], l2)
            model.meta["groups"] = ["hs"]
            pm.use_model(model if variant != "rules" else None)
            sp = sm.train(sp_examples, [n for n in sp_examples if n not in held])
            res = pn.eval_docs({n: docs[n] for n in fold}, partial(extract_quotes, model=sp, min_confidence=0.0),
                               repeat=1)
            for view, cnt in res["counts"].items():
                counts[view] = pn.add_counts(counts.get(view, {}), cnt)
    finally:
        pm.use_model(True)
    return {view: pn.summarise(cnt) for view, cnt in counts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = training_parser("newsspider.evaluate.pronoun_model", __doc__ or "", ("train", "cv", "pipeline-cv"), pm.WEIGHTS)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--data", choices=VARIANTS, default="near+real", help="training examples")
    ap.add_argument("--groups", default="hs", help="pronoun groups the model decides (hs,it,they); others: rules")
    args = ap.parse_args(argv)
    if cannot_train(args.polnear_train):
        return 2
    docs = pn.load_polnear(args.polnear_train)
    stats: dict[str, int] = {}
    data = collect(docs, stats)
    print("examples:", ", ".join(f"{k} {v}" for k, v in stats.items()))
    if not any(data[n]["masked"] for n in data):
        print("no masked-name example in these documents", file=sys.stderr)
        return 2
    groups = [g for g in args.groups.split(",") if g]
    if args.command == "pipeline-cv":
        for variant in ("rules", args.data):
            r = pipeline_cv(args.polnear_train, data, variant, args.folds, args.l2)["quoted"]
            print(f"pipeline {args.folds}-fold CV, pronouns by {variant}: quote F1 {r['f1']:.3f}, named-source "
                  f"speaker accuracy {r['spk_acc']:.3f} ({r['named']}), all sources {r['spk_acc_all']:.3f}")
        return 0
    if args.command == "cv":
        res = cross_validate(data, args.folds, args.l2, args.data)
        for view, by_group in res.items():
            for g, (n, r, m) in sorted(by_group.items()):
                print(f"{view:7} {g:5} n={n:5}  rule {r / max(n, 1):.3f}  learned {m / max(n, 1):.3f}")
        return 0
    model = train_model([ex for n in sorted(data) for ex in select(data[n], args.data)], args.l2)
    keep = tuple(f"{g}:" for g in groups)
    model.weights = {k: v for k, v in model.weights.items() if k.startswith(keep)}
    model.meta["groups"] = groups
    model.meta["trained_on"] = f"PolNeAR train ({len(docs)} documents), examples: {args.data}"
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} weights, {model.meta['examples']} examples)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
