"""Train the pronoun ranking of `newsspider.extract.mentions.pronoun_model` on PolNeAR train, and
cross-validate it.

    python -m newsspider.evaluate.pronoun_model cv [--data real+nospeak] [--margin auto] [--folds 5]
    python -m newsspider.evaluate.pronoun_model pipeline-cv [--data real+nospeak] [--margin auto]
    python -m newsspider.evaluate.pronoun_model sets [--data real+nospeak] [--margin auto]
    python -m newsspider.evaluate.pronoun_model train [--data real+nospeak] [--margin auto] [--out FILE]

`cv`: referent accuracy of the rules and of the learned ranking on held-out documents (k folds
by document), for masked names, real he / she sources and person descriptions; `pipeline-cv`:
the quote evaluation's k-fold CV (`speaker_model.cross_validate`) with the pronoun model
retrained on the other folds too, rules vs learned; `sets`: `newsspider evaluate quotes` on the
sets the model is not trained on (PolNeAR dev, fan-news, demo, real-news, coref-ent) with the model trained
on all of train; `train` writes the weights file the extractor loads (``pronoun_weights.json``;
none is committed: measured and not kept, see benchmarks/quotes.md, "Fifth pass").

Examples (PolNeAR has no coreference labels; `--data`, "+"-joined):
* ``real``: attributions whose source is "he" / "she", the referent approximated as in the
  evaluation (`polnear.gold_speaker_targets`: the nearest preceding named source that looks like
  a person of that gender); ``desc``: sources that are a person description ("the senator"),
  the same approximation, the rules' pick by `resolve_typed`;
* ``masked``: an attribution source that names an entity the article named before, replaced in
  the text by the pronoun the article uses for it (he / she by the resolver's gender evidence,
  "it" / "they" for organisations / groups), the registry rebuilt on the rewritten text, the
  masked entity the gold; ``near``: those named in the last two sentences; ``both``: masked+real;
* ``nospeak``: leave out the "seen speaking" features (an approximated referent is by
  construction the latest named source, so they learn the approximation, not the writer).
The candidates are the resolver's agreeing entities (`salience.candidates`), the features the
run time's (`pronoun_model.features`), the model a conditional logit (`speaker_model.fit`).
`--margin`: the model overrides the rules' pick only when its probability is higher by more
than this (``auto``: chosen by CV on the training documents' real he / she sources; with
``--groups desc`` on their person descriptions). ``--groups desc``: the model decides person
descriptions only ("the senator", `salience.resolve_description`), pronouns stay with the rules.
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
from newsspider.extract.mentions.candidates import REACH, SALIENT, compatible
from newsspider.extract.mentions.lexicon import ROLE_NOUNS
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike, resolve_typed
from newsspider.extract.mentions.salience import candidates, description_candidates, resolve_pronoun
from newsspider.extract.mentions.text import Doc
from newsspider.extract.quotes.finding import _find_spans

Example = tuple[list[dict[str, float]], list[int]]
_DESCRIPTION = re.compile(r"(?i:the)\s+(?:[\w\-]+\s+){0,3}?([a-z][a-z\-]+)$")
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


def _teaches(e: Entity, cands: list[Entity], stats: dict[str, int]) -> bool:
    """Whether ranking `cands` with gold `e` is a training example (else counted why not)."""
    if e not in cands:
        stats["gold_not_candidate"] += 1
        return False
    if len(cands) < 2:
        stats["single_candidate"] += 1
        return False
    return True


def _example(doc: Doc, reg: EntityRegistry, e: Entity, word: str, p: int, subject: bool,
             stats: dict[str, int]) -> tuple[Example, bool] | None:
    pool = pool_at(reg, p)
    rule = resolve_pronoun(doc, reg, word, p, pool, reg.sentences, subject=subject, learned=False)
    cands = candidates(word, pool)
    if not _teaches(e, cands, stats):
        return None
    feats = pm.features(doc, word, p, cands, reg.sentences, rule, subject)
    return (feats, [cands.index(e)]), rule is e


def _desc_example(doc: Doc, reg: EntityRegistry, e: Entity, head: str, p: int,
                  stats: dict[str, int]) -> tuple[Example, bool] | None:
    """A person description ("the senator said") as a ranking example: the candidates and the
    rules' pick of `quotes.speakers._reference` (agreeing people, `resolve_typed`)."""
    pool = compatible(head, pool_at(reg, p))
    cands = description_candidates(head, pool)
    if not _teaches(e, cands, stats):
        return None
    rule = resolve_typed(reg, "person", p, head, doc.prev_sentence_start(p), doc, pool=cands)
    feats = pm.features(doc, head, p, cands, reg.sentences, rule, True)
    return (feats, [cands.index(e)]), rule is e


def doc_examples(d: dict[str, Any], stats: dict[str, int] | None = None) -> dict[str, list[tuple[Example, bool]]]:
    """Masked-name ("masked"), real he / she source ("real") and person-description ("desc")
    examples of one document, each with whether the rule got it right."""
    stats = stats if stats is not None else {}
    for k in ("names", "masked", "gold_not_candidate", "single_candidate", "no_pronoun", "first_mention",
              "real", "real_unresolved", "desc", "desc_unresolved"):
        stats.setdefault(k, 0)
    text = d["text"]
    paras, offs = pn.split_paragraphs(text)
    if not paras:
        return {"masked": [], "real": [], "desc": []}
    doc, reg = registry_of(paras, paras[0])

    def glob(o: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(offs, o) - 1
        if i < 0 or o >= offs[i] + len(paras[i]):
            return None
        return i, doc.g(i, o - offs[i])

    out: dict[str, list[tuple[Example, bool]]] = {"masked": [], "real": [], "desc": []}
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
        desc = _DESCRIPTION.match(stext)
        if desc and ROLE_NOUNS.get(desc.group(1).lower()) == "person":
            ref = targets.get(id(r), [])[1:]
            ent = reg.lookup(re.sub(r"(?:’s|'s)$", "", ref[0]), lo) if ref else None
            if ent is None:
                stats["desc_unresolved"] += 1
                continue
            got = _desc_example(doc, reg, ent, desc.group(1).lower(), lo, stats)
            if got is not None:
                stats["desc"] += 1
                out["desc"].append(got)
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


VARIANTS = ("masked", "both", "near+real", "real", "real+desc", "desc", "real+nospeak", "real+desc+nospeak",
            "near+real+nospeak", "masked+real+nospeak")
SPEAKER_FEATURES = frozenset(("speaker_latest", "last_speaks"))
MARGINS = tuple(k / 10 for k in range(11))  # 1.0: the rules always (a probability gap never exceeds 1)


def _near(ex: Example) -> bool:
    f = ex[0][ex[1][0]]
    return any(f"{g}:dsent_{d}" in f for g in ("hs", "it", "they") for d in (0, 1, 2))


def select(doc_data: dict[str, list], variant: str = "both") -> list[Example]:
    """The training examples of one document (`variant`, "+"-joined): ``masked`` names (or
    ``near``: those whose entity was named within the last two sentences, the distances at which
    writers use pronouns), ``real`` he / she sources and ``desc`` person descriptions ("the
    senator") with their approximated referents; ``both`` = masked + real."""
    parts = set(variant.replace("both", "masked+real").split("+"))
    out: list[Example] = []
    if "masked" in parts or "near" in parts:
        out += [ex for ex, _ok in doc_data["masked"] if "near" not in parts or _near(ex)]
    for key in ("real", "desc"):
        if key in parts:
            out += [ex for ex, _ok in doc_data.get(key, [])]
    if "nospeak" in parts:
        # the approximated referent IS the latest named source before the pronoun, so "seen
        # speaking" features learn the approximation, not the writer: left out
        out = [([{k: v for k, v in f.items() if k.split(":", 1)[1] not in SPEAKER_FEATURES} for f in feats], gold)
               for feats, gold in out]
    return out


def gated(model: pm.PronounModel, feats: list[dict[str, float]], margin: float) -> int:
    """The candidate the pipeline takes (`salience._learned`): the model's best unless the
    rules' pick is within `margin` of it in probability."""
    best, probs = model.choose(feats)
    rule = next((i for i, f in enumerate(feats) if any(k.endswith(":rule") for k in f)), None)
    if rule is not None and probs[best] - probs[rule] <= margin:
        return rule
    return best


def _accuracy(model: pm.PronounModel | None, items: list[tuple[Example, bool]], margin: float = 0.0
              ) -> tuple[int, int, int]:
    """(n, rule correct, model correct)."""
    rule_ok = model_ok = 0
    for (feats, gold), rule_right in items:
        rule_ok += rule_right
        if model is not None:
            model_ok += gated(model, feats, margin) in gold
    return len(items), rule_ok, model_ok


def train_model(examples: list[Example], l2: float = 1.0) -> pm.PronounModel:
    m = fit(examples, l2=l2)
    return pm.PronounModel(m.weights, {"model": "conditional logit over pronoun referents", "examples": len(examples),
                                       "l2": l2})


def choose_margin(data: dict[str, dict[str, list]], names: list[str], variant: str, l2: float = 1.0,
                  k: int = 4, view: str = "real") -> float:
    """The override margin that maximises the held-out referent accuracy on the real he / she
    sources (`view` "desc": the person descriptions) of `names` (k-fold CV inside them; the
    largest margin on ties: the rules unless the model is surer). Only the documents given are
    read."""
    ok = dict.fromkeys(MARGINS, 0)
    for fold in pn.folds(names, k):
        held = set(fold)
        train = [ex for n in names if n not in held for ex in select(data[n], variant)]
        if not train:
            continue
        model = train_model(train, l2)
        for n in fold:
            for (feats, gold), _r in data[n].get(view, []):
                for m in MARGINS:
                    ok[m] += gated(model, feats, m) in gold
    return max(MARGINS, key=lambda m: (ok[m], m))


def cross_validate(data: dict[str, dict[str, list]], k: int = 5, l2: float = 1.0, variant: str = "both",
                   margin: float | None = 0.0, view: str = "real") -> dict[str, Any]:
    """Referent accuracy on held-out documents (k folds), rules vs learned, by view (masked /
    real / desc) and pronoun group; `margin` None: chosen on each fold's training documents."""
    res: dict[str, Any] = {"margins": []}
    names = sorted(data)
    for view in ("masked", "real", "desc"):
        res[view] = {}
    for fold in pn.folds(names, k):
        held = set(fold)
        rest = [n for n in names if n not in held]
        model = train_model([ex for n in rest for ex in select(data[n], variant)], l2)
        m = choose_margin(data, rest, variant, l2, view=view) if margin is None else margin
        res["margins"].append(m)
        for view in ("masked", "real", "desc"):
            for n in fold:
                for ex, ok in data[n].get(view, []):
                    g = "hs" if any(f.startswith("hs:") for f in ex[0][0]) else next(iter(ex[0][0]), "x:").split(":")[0]
                    slot = res[view].setdefault(g, [0, 0, 0])
                    for i, v in enumerate(_accuracy(model, [(ex, ok)], m)):
                        slot[i] += v
    return res


def _no_model():
    class _Off:
        def __enter__(self) -> None:
            pm.use_model(None)

        def __exit__(self, *exc: object) -> None:
            pm.use_model(True)

    return _Off()


def pipeline_cv(root: Path, data: dict[str, dict[str, list]], variant: str = "near+real", k: int = 5,
                l2: float = 1.0, margin: float | None = 0.0, groups: tuple[str, ...] = ("hs",)) -> dict[str, Any]:
    """The quote evaluation's k-fold CV on PolNeAR train (`speaker_model.cross_validate`) with
    the pronoun model retrained on the other folds too, so that the held-out fold's approximated
    referents (the `real` examples) are never trained on; `margin` None: chosen per fold on
    its training documents (`choose_margin`)."""
    from functools import partial

    from newsspider.evaluate import speaker_model as sm
    from newsspider.extract.quotes import extract_quotes

    docs = pn.load_polnear(root)
    with _no_model():
        sp_examples = sm.collect(docs)
    counts: dict[str, dict[str, int]] = {}
    margins = []
    try:
        for fold in pn.folds(list(docs), k):
            held = set(fold)
            keep = [n for n in sorted(data) if n not in held]
            model = None
            if variant != "rules":
                model = full_model({n: data[n] for n in keep}, variant, l2, margin, list(groups), 4)
                margins.append(model.meta["margin"])
            pm.use_model(model)
            sp = sm.train(sp_examples, [n for n in sp_examples if n not in held])
            res = pn.eval_docs({n: docs[n] for n in fold}, partial(extract_quotes, model=sp, min_confidence=0.0),
                               repeat=1)
            for view, cnt in res["counts"].items():
                counts[view] = pn.add_counts(counts.get(view, {}), cnt)
    finally:
        pm.use_model(True)
    out: dict[str, Any] = {view: pn.summarise(cnt) for view, cnt in counts.items()}
    out["margins"] = margins
    return out


def full_model(data: dict[str, dict[str, list]], variant: str, l2: float, margin: float | None,
               groups: list[str], k: int = 5) -> pm.PronounModel:
    """The model trained on every document (the margin chosen by CV on them when None; group
    "desc": person descriptions, which share the he / she features, the margin chosen on them
    when "desc" is the only group)."""
    names = sorted(data)
    model = train_model([ex for n in names for ex in select(data[n], variant)], l2)
    keep = tuple(f"{g}:" for g in groups) + (("hs:",) if "desc" in groups else ())
    model.weights = {k: v for k, v in model.weights.items() if k.startswith(keep)}
    model.meta["groups"] = groups
    view = "desc" if groups == ["desc"] else "real"
    model.meta["margin"] = choose_margin(data, names, variant, l2, k, view) if margin is None else margin
    model.meta["margin_rule"] = "auto" if margin is None else "fixed"
    model.meta["data"] = variant
    return model


def retrain_like(model: pm.PronounModel, data: dict[str, dict[str, list]]) -> pm.PronounModel:
    """A model trained as `model` was (its recorded examples, l2, groups and margin rule) on
    the documents of `data` only (the quote evaluation's CV folds)."""
    m = model.meta
    margin = None if m.get("margin_rule") == "auto" else float(m.get("margin", 0.0))
    return full_model(data, m.get("data", "real+nospeak"), float(m.get("l2", 1.0)), margin, list(m.get("groups", ["hs"])))


def main(argv: list[str] | None = None) -> int:
    ap = training_parser("newsspider.evaluate.pronoun_model", __doc__ or "", ("train", "cv", "pipeline-cv", "sets"),
                         pm.WEIGHTS)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--data", choices=VARIANTS, default="real+nospeak", help="training examples")
    ap.add_argument("--margin", default="auto",
                    help="override the rules only by this probability margin (auto: chosen by CV on train)")
    ap.add_argument("--groups", default="hs", help="pronoun groups the model decides (hs,it,they); others: rules")
    args = ap.parse_args(argv)
    if cannot_train(args.polnear_train):
        return 2
    margin = None if args.margin == "auto" else float(args.margin)
    docs = pn.load_polnear(args.polnear_train)
    stats: dict[str, int] = {}
    data = collect(docs, stats)
    print("examples:", ", ".join(f"{k} {v}" for k, v in stats.items()))
    groups = [g for g in args.groups.split(",") if g]
    if not any(select(data[n], args.data) for n in data):
        print(f"no {args.data} example in these documents", file=sys.stderr)
        return 2
    if args.command == "pipeline-cv":
        for variant in ("rules", args.data):
            r = pipeline_cv(args.polnear_train, data, variant, args.folds, args.l2, margin, tuple(groups))
            q = r["quoted"]
            print(f"pipeline {args.folds}-fold CV, pronouns by {variant}: quote F1 {q['f1']:.3f}, named-source "
                  f"speaker accuracy {q['spk_acc']:.3f} ({q['named']}), all sources {q['spk_acc_all']:.3f}"
                  f" ({q['tp']}); margins {r['margins']}")
        return 0
    if args.command == "cv":
        res = cross_validate(data, args.folds, args.l2, args.data, margin, "desc" if groups == ["desc"] else "real")
        print("margins per fold:", res.pop("margins"))
        for view, by_group in res.items():
            for g, (n, r, m) in sorted(by_group.items()):
                print(f"{view:7} {g:5} n={n:5}  rule {r / max(n, 1):.3f}  learned {m / max(n, 1):.3f}")
        return 0
    model = full_model(data, args.data, args.l2, margin, groups)
    model.meta["trained_on"] = f"PolNeAR train ({len(docs)} documents), examples: {args.data}"
    if args.command == "sets":
        # the sets the pronoun model was not trained on, with it (PolNeAR train: `pipeline-cv`)
        from newsspider.evaluate import quotes

        print(f"margin {model.meta['margin']}")
        pm.use_model(model)
        try:
            return quotes.main(["--sets", "polnear-dev,fan-news,demo,real-news,coref-ent", "--repeat", "1"])
        finally:
            pm.use_model(True)
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} weights, {model.meta['examples']} examples, "
          f"margin {model.meta['margin']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
