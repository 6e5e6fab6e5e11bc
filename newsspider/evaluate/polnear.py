"""PolNeAR scoring for the quote extractor (direct attributions).

Gold = attributions with ``is_direct`` (the content contains quote marks). Documents that
several annotators labelled are scored against one annotator (the first listed in the file
for that document). Each text is split into paragraphs at newlines and passed to the
extractor; each predicted quote is mapped back to character offsets (its words are aligned,
in order, to the document from the start of its paragraph; gaps such as a split quote's
"she said," are not covered). Three gold views are computed:

* ``quoted`` (**the target row**): every direct attribution is a gold quote; its span is the
  part of its content inside quote marks (what a direct-quote extractor returns);
* ``content``: the same gold quotes with the whole annotated content span; informative only;
* ``quoted>3w``: as ``quoted`` without the gold quotes of one to three words and without the
  predictions lying on them; informative only.

PolNeAR labels a quote resumed after its attribution (“A,” X said. “B.”) as one attribution
with two content spans; consecutive predicted quotes that lie (each at least half) inside the
same gold attribution are merged into one prediction before matching. A prediction matches a
gold quote when their character overlap is at least half of the longer of the two
(one-to-one, greedy by overlap).

Speaker. A predicted speaker is correct when it shares a word (case-insensitive, ignoring
honorifics and function words) with the gold source span, or with the name the source refers
to when it names no one; a null speaker is wrong. Two figures:

* ``spk-acc`` (**named sources**, the target figure): over matched quotes whose gold source
  names someone (`_named`: its head is a proper name). Quotes whose source is a pronoun or a
  description ("he", "the agency") are left out and counted (``left_out``): PolNeAR has no
  coreference annotation, so their referent is only approximated.
* ``spk-acc-all``: over all matched quotes, pronoun/description sources scored through an
  approximated referent (`gold_speaker_targets`; a hand check of 30 such referents found 7
  wrong): informative, read as +-3 points.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsspider.evaluate.polnear_gold import (  # noqa: F401 - re-exported for callers
    _lower_vocab,
    _named,
    _tokens,
    gold_speaker_targets,
)
from newsspider.evaluate.scoring import greedy_match, prf, timed

VIEWS = ("quoted", "content", "quoted>3w")
VIEW_LABELS = {
    "quoted": "quoted (target)",
    "content": "content span",
    "quoted>3w": "quoted, >3 words",
}


def split_paragraphs(text: str) -> tuple[list[str], list[int]]:
    paras, offs = [], []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            paras.append(m.group())
            offs.append(m.start())
    return paras, offs


def align(text: str, doc: str, start: int) -> set[int]:
    """Character positions of `doc` covered by the words of `text`, aligned in order from
    `start`. Consecutive words separated only by spaces/punctuation are joined."""
    covered: set[int] = set()
    cursor = start
    prev_end: int | None = None
    for w in re.findall(r"\S+", text):
        w_core = w.strip("“”\"‘’'.,;:!?()")
        if not w_core:
            continue
        # the first word may be anywhere in its paragraph; later words follow closely
        nl = doc.find("\n", cursor)
        reach = 400 if prev_end is not None else max(400, (nl if nl >= 0 else len(doc)) - cursor)
        idx = doc.find(w_core, cursor, cursor + reach + len(w_core))
        if idx < 0:
            continue
        end = idx + len(w_core)
        if prev_end is not None and idx - prev_end <= 4 and not re.search(r"\w", doc[prev_end:idx]):
            covered.update(range(prev_end, idx))
        covered.update(range(idx, end))
        prev_end = end
        cursor = end
    return covered


def _quoted_chars(doc: str) -> set[int]:
    """Positions strictly inside double-quote pairs of each line (independent simple scan)."""
    inside: set[int] = set()
    for m in re.finditer(r"[^\n]+", doc):
        line, base = m.group(), m.start()
        open_at = None
        for i, c in enumerate(line):
            if c == "“" or (c == '"' and open_at is None):
                open_at = i
            elif (c == "”" or c == '"') and open_at is not None:
                inside.update(range(base + open_at + 1, base + i))
                open_at = None
        if open_at is not None:
            inside.update(range(base + open_at + 1, base + len(line)))
    return inside


def load_polnear(root: Path) -> dict[str, dict[str, Any]]:
    with (root / "attributions.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    first: dict[str, str] = {}
    for r in rows:
        first.setdefault(r["doc"], r["annotator"])
    docs: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["annotator"] != first[r["doc"]]:
            continue
        d = docs.setdefault(r["doc"], {"attributions": []})
        d["attributions"].append(r)
    for name, d in docs.items():
        d["text"] = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
    return docs


def merge_units(
    pred_sets: list[set[int]], speakers: list[str | None], gold_sets: list[set[int]]
) -> tuple[list[set[int]], list[str | None]]:
    """Merge consecutive predicted quotes lying (each at least half) inside the same gold
    attribution: PolNeAR labels “A,” X said. “B.” as one attribution with two content
    spans, while the extractor returns two quotes."""
    units, spk, _ = _merge(pred_sets, speakers, gold_sets)
    return units, spk


def _merge(
    pred_sets: list[set[int]], speakers: list[str | None], gold_sets: list[set[int]]
) -> tuple[list[set[int]], list[str | None], list[list[int]]]:
    units: list[set[int]] = []
    spk: list[str | None] = []
    members: list[list[int]] = []
    owner_prev: int | None = None
    for k, (ps, sp) in enumerate(zip(pred_sets, speakers, strict=True)):
        owner = None
        for gi, gs in enumerate(gold_sets):
            if ps and len(ps & gs) >= 0.5 * len(ps):
                owner = gi
                break
        if owner is not None and owner == owner_prev and units:
            units[-1] = units[-1] | ps
            members[-1].append(k)
        else:
            units.append(set(ps))
            spk.append(sp)
            members.append([k])
        owner_prev = owner
    return units, spk, members


def _snippet(text: str, chars: set[int], width: int = 90) -> str:
    if not chars:
        return ""
    s = "".join(text[i] if i - 1 in chars or i == min(chars) else "|" + text[i] for i in sorted(chars))
    s = re.sub(r"\s+", " ", s)
    return s if len(s) <= width else s[: width - 1] + "…"


def _words(text: str, chars: set[int]) -> int:
    return len(re.findall(r"\w+", "".join(text[i] if i - 1 in chars else " " + text[i] for i in sorted(chars))))


def eval_docs(
    docs: dict[str, dict[str, Any]],
    extract: Callable[..., list[dict]],
    *,
    repeat: int = 3,
) -> dict[str, Any]:
    """Score `extract(paragraphs, title=...)` on PolNeAR documents (see the module docstring)."""
    counts = {
        v: {"tp": 0, "tp_spk": 0, "pred": 0, "gold": 0, "named": 0, "named_ok": 0, "nulls": 0}
        for v in VIEWS
    }
    times: list[float] = []
    details: dict[str, list[str]] = {"speaker": [], "missed": [], "extra": []}
    confs: list[tuple[float, bool, bool]] = []
    for name, d in sorted(docs.items()):
        text = d["text"]
        paras, offs = split_paragraphs(text)
        preds, dt = timed(lambda paras=paras: extract(paras, title=paras[0] if paras else None), repeat)
        words = max(1, len(text.split()))
        times.append(dt * 1000 / words * 1000)
        pred_sets = []
        for q in preds:
            p = q.get("paragraph")
            start = offs[p] if isinstance(p, int) and p < len(offs) else 0
            pred_sets.append(align(q["text"], text, start))
        targets_by_id = gold_speaker_targets(d["attributions"], text)
        vocab = _lower_vocab(text)
        all_gold = [r for r in d["attributions"] if r["is_direct"]]
        qchars = _quoted_chars(text)
        for view in VIEWS:
            gold, gold_sets, dropped = [], [], []
            for r in all_gold:
                chars: set[int] = set()
                for a, b in r["content"]["spans"]:
                    chars.update(range(a, b))
                if view.startswith("quoted"):
                    inner = chars & qchars
                    chars = inner or chars
                if view == "quoted>3w" and _words(text, chars) <= 3:
                    dropped.append(chars)  # informative row only: 1-3-word gold quotes left out
                    continue
                gold.append(r)
                gold_sets.append(chars)
            keep = [
                k
                for k, ps in enumerate(pred_sets)
                if not any(ps and len(ps & g) >= 0.5 * len(ps) for g in dropped)
            ]
            units, unit_speakers, members = _merge(
                [pred_sets[k] for k in keep], [preds[k].get("speaker") for k in keep], gold_sets
            )
            trip = []
            for pi, ps in enumerate(units):
                for gi, gs in enumerate(gold_sets):
                    ov = len(ps & gs)
                    if ov and ov >= 0.5 * max(len(ps), len(gs)):
                        trip.append((ov / max(len(ps), len(gs)), pi, gi))
            matches = greedy_match(trip)
            c = counts[view]
            c["pred"] += len(units)
            c["gold"] += len(gold)
            c["tp"] += len(matches)
            c["nulls"] += sum(1 for s in unit_speakers if not s)
            for pi, gi in matches:
                spk = unit_speakers[pi] or ""
                r = gold[gi]
                src = ((r.get("source") or {}).get("text") or "").strip()
                named = bool(src) and _named(src, vocab)
                targets = targets_by_id.get(id(r), [])
                ok = bool(spk) and any(_tokens(spk) & _tokens(t) for t in targets)
                c["tp_spk"] += ok
                c["named"] += named
                c["named_ok"] += named and ok
                if view == "quoted":
                    conf = preds[keep[members[pi][0]]].get("speaker_confidence", 1.0) if spk else 0.0
                    confs.append((float(conf), ok, named))
                if not ok and view == "quoted":
                    q = preds[keep[members[pi][0]]]
                    details["speaker"].append(
                        f"{name[:40]}: {'named' if named else 'pron/desc'} speaker {spk!r} "
                        f"(raw {q.get('speaker_raw')!r}) != {targets!r} | {_snippet(text, gold_sets[gi], 60)}"
                    )
            if view == "quoted":
                mg = {gi for _, gi in matches}
                mp = {pi for pi, _ in matches}
                for gi, r in enumerate(gold):
                    if gi not in mg:
                        src = (r.get("source") or {}).get("text") or ""
                        details["missed"].append(f"{name[:40]}: [{src[:30]}] {_snippet(text, gold_sets[gi])}")
                for pi in range(len(units)):
                    if pi not in mp:
                        details["extra"].append(f"{name[:40]}: [{unit_speakers[pi]}] {_snippet(text, units[pi])}")
    out: dict[str, Any] = {
        "docs": len(docs),
        "times": times,
        "ms_per_1k_words": statistics.median(times) if times else 0.0,
        "details": details,
        "counts": counts,
        "confs": confs,
    }
    for view, cnt in counts.items():
        out[view] = summarise(cnt)
    return out


def summarise(cnt: dict[str, int]) -> dict[str, Any]:
    p, r, f = prf(cnt["tp"], cnt["pred"], cnt["gold"])
    sp, sr, sf = prf(cnt["tp_spk"], cnt["pred"], cnt["gold"])
    return {
        **cnt,
        "p": p,
        "r": r,
        "f1": f,
        "spk_f1": sf,
        "spk_acc_all": cnt["tp_spk"] / cnt["tp"] if cnt["tp"] else 0.0,
        "spk_acc": cnt["named_ok"] / cnt["named"] if cnt["named"] else 0.0,
        "left_out": cnt["tp"] - cnt["named"],
        "null_share": cnt["nulls"] / cnt["pred"] if cnt["pred"] else 0.0,
    }


def add_counts(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in set(a) | set(b)}


def folds(names: list[str], k: int = 5) -> list[list[str]]:
    """`k` folds of the sorted document names, by position (deterministic, no shuffling:
    neighbouring names share a publisher and a date, so each fold mixes all of them)."""
    names = sorted(names)
    return [names[i::k] for i in range(k)]


WRONG_COST = 2.0  # a wrong speaker costs as much as two withheld ones (a null is better)


def at_threshold(confs: list[tuple[float, bool, bool]], t: float, named_only: bool = True) -> dict[str, Any]:
    """Speakers emitted at confidence >= `t` among matched quotes (`confs`: confidence, correct,
    named source): accuracy on the emitted ones and coverage (emitted / matched)."""
    rows = [(c, ok) for c, ok, named in confs if named or not named_only]
    emitted = [ok for c, ok in rows if c > 0 and c >= t]
    return {
        "threshold": t,
        "matched": len(rows),
        "emitted": len(emitted),
        "acc": sum(emitted) / len(emitted) if emitted else 0.0,
        "coverage": len(emitted) / len(rows) if rows else 0.0,
    }


def choose_threshold(confs: list[tuple[float, bool, bool]], cost: float = WRONG_COST) -> float:
    """The confidence threshold (0, 0.05, ..., 0.95) that maximises correct - cost x wrong
    speakers emitted, over matched quotes with a named gold source; the lowest one on ties."""
    rows = [(c, ok) for c, ok, named in confs if named]
    best_t, best_u = 0.0, float("-inf")
    for k in range(20):
        t = k / 20
        u = sum(1.0 if ok else -cost for c, ok in rows if c > 0 and c >= t)
        if u > best_u + 1e-9:
            best_t, best_u = t, u
    return best_t
