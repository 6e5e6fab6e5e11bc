"""Evaluate `extract_quotes` on PolNeAR (direct attributions) and labelled fan-news pages.

    python -m newsspider.evaluate.quotes [--polnear DIR] [--fan-news DIR] [--fixtures DIR]

Defaults point at ``../shared/dev/...`` beside the repository (or ``$NEWSSPIDER_SHARED``) and at
the project's demo fixtures; absent sets are skipped.

PolNeAR (``quotes-polnear``)
    Gold = attributions with ``is_direct`` (the content contains quote marks). Documents that
    several annotators labelled are scored against one annotator (the first listed in the
    file for that document). Each text is split into paragraphs at newlines and passed to
    ``extract_quotes``; each predicted quote is mapped back to character offsets (its words are
    aligned, in order, to the document from the start of its paragraph; gaps such as a split
    quote's "she said," are not covered). Two gold views are reported:

    * ``content``: the gold span is the whole annotated content (which may include reported
      speech around a partial quote: ``that voting fraud is “a big, big problem”``);
    * ``quoted``: the gold span is only the characters between quote marks inside the content
      (what a direct-quote extractor returns); this is the headline figure;
    * ``quoted>3w``: as ``quoted``, without gold quotes of one to three words (scare quotes,
      which the extractor must not return by design); predictions on them are not counted.

    ``spk-acc`` is the share of matched quotes whose speaker is correct.

    PolNeAR labels a quote resumed after its attribution (“A,” X said. “B.”) as one
    attribution with two content spans; consecutive predicted quotes that lie (each at least
    half) inside the same gold attribution are merged into one prediction before matching.
    A prediction matches a gold quote when their character overlap is at least half of the
    longer of the two (one-to-one, greedy by overlap). Speaker: correct when the predicted
    speaker shares a word (case-insensitive, ignoring honorifics and function words) with the
    gold source span or, when the gold source is a pronoun or a lower-case description ("he",
    "the president"), with the nearest preceding named source of the same document.

Fan news (``fan-news`` and the demo fixtures ``labels.jsonl``)
    Paragraphs come from ``newsspider.extract.body.extract_body`` on the saved HTML (kinds and
    embeds included); the figure on the labelled ``body_paragraphs`` (no kinds, no embeds) is
    printed as well. A prediction matches a gold quote when the matching characters of the two
    normalised texts cover at least half of the longer one; speaker accuracy is over matched
    quotes, exact match after whitespace/case normalisation.

Timing: median ``extract_quotes`` time per 1,000 words over all documents.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import statistics
import time
from pathlib import Path
from typing import Any

from newsspider.extract.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[2]


def _shared() -> Path:
    env = os.environ.get("NEWSSPIDER_SHARED")
    return Path(env) if env else REPO.parent / "shared"


# ---------------------------------------------------------------------------------------
# generic scoring


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def greedy_match(overlaps: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching from (score, pred, gold) triples, best score first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, pi, gi in sorted(overlaps, reverse=True):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


# ---------------------------------------------------------------------------------------
# PolNeAR

_STOP = frozenset(
    "the a an of and mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. president "
    "to in for on at s".split()
)
_PRONOUNS = frozenset("he she they it i we him her them his its their".split())


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
        idx = doc.find(w_core, cursor, cursor + 400 + len(w_core))
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


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"[\w’'\-]+", s.lower().replace("’s", "").replace("'s", "")) if t not in _STOP}


def _named(src: str) -> bool:
    toks = re.findall(r"[A-Za-z][\w’'\-]*", src)
    return any(t[0].isupper() and t.lower() not in _PRONOUNS and t.lower() not in _STOP for t in toks)


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
    units: list[set[int]] = []
    spk: list[str | None] = []
    owner_prev: int | None = None
    for ps, sp in zip(pred_sets, speakers, strict=True):
        owner = None
        for gi, gs in enumerate(gold_sets):
            if ps and len(ps & gs) >= 0.5 * len(ps):
                owner = gi
                break
        if owner is not None and owner == owner_prev and units:
            units[-1] = units[-1] | ps
        else:
            units.append(set(ps))
            spk.append(sp)
        owner_prev = owner
    return units, spk


def eval_polnear(root: Path) -> dict[str, Any]:
    docs = load_polnear(root)
    views = ("quoted", "quoted>3w", "content")
    counts = {v: {"tp": 0, "tp_spk": 0, "pred": 0, "gold": 0} for v in views}
    times: list[float] = []
    errors: list[str] = []
    for name, d in sorted(docs.items()):
        text = d["text"]
        paras, offs = split_paragraphs(text)
        t0 = time.perf_counter()
        preds = extract_quotes(paras, title=paras[0] if paras else None)
        dt = time.perf_counter() - t0
        words = max(1, len(text.split()))
        times.append(dt * 1000 / words * 1000)
        pred_sets = []
        for q in preds:
            p = q.get("paragraph")
            start = offs[p] if isinstance(p, int) and p < len(offs) else 0
            pred_sets.append(align(q["text"], text, start))
        attrs = sorted(d["attributions"], key=lambda r: (r["source"]["spans"][0][0] if r.get("source") and r["source"]["spans"] else 1 << 30))
        # pronoun/description sources -> nearest preceding named source
        resolved: dict[int, str] = {}
        last_named: str | None = None
        for r in attrs:
            src = (r.get("source") or {}).get("text") or ""
            if _named(src):
                last_named = src
            elif last_named:
                resolved[id(r)] = last_named
        all_gold = [r for r in d["attributions"] if r["is_direct"]]
        qchars = _quoted_chars(text)
        for view in views:
            gold, gold_sets, dropped = [], [], []
            for r in all_gold:
                chars: set[int] = set()
                for a, b in r["content"]["spans"]:
                    chars.update(range(a, b))
                if view.startswith("quoted"):
                    inner = chars & qchars
                    chars = inner or chars
                if view == "quoted>3w" and len(re.findall(r"\w+", "".join(text[i] for i in sorted(chars)))) <= 3:
                    dropped.append(chars)  # a 1-3 word scare quote: out of scope by the spec
                    continue
                gold.append(r)
                gold_sets.append(chars)
            kept = [
                (ps, q.get("speaker"))
                for ps, q in zip(pred_sets, preds, strict=True)
                if not any(ps and len(ps & g) >= 0.5 * len(ps) for g in dropped)
            ]
            units, unit_speakers = merge_units([k[0] for k in kept], [k[1] for k in kept], gold_sets)
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
            for pi, gi in matches:
                spk = unit_speakers[pi] or ""
                r = gold[gi]
                src = (r.get("source") or {}).get("text") or ""
                targets = [src] + ([resolved[id(r)]] if id(r) in resolved else [])
                if spk and any(_tokens(spk) & _tokens(t) for t in targets):
                    c["tp_spk"] += 1
                elif view == "quoted":
                    errors.append(f"{name[:40]}: speaker {spk!r} != {targets!r}")
    out: dict[str, Any] = {
        "docs": len(docs),
        "ms_per_1k_words": statistics.median(times) if times else 0.0,
        "errors": errors,
    }
    for view, c in counts.items():
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        ps, rs, fs = prf(c["tp_spk"], c["pred"], c["gold"])
        acc = c["tp_spk"] / c["tp"] if c["tp"] else 0.0
        out[view] = {**c, "p": p, "r": r, "f1": f, "spk_p": ps, "spk_r": rs, "spk_f1": fs, "spk_acc": acc}
    return out


# ---------------------------------------------------------------------------------------
# fan news


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def text_overlap(a: str, b: str) -> float:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in sm.get_matching_blocks())
    return same / max(len(a), len(b))


def score_pages(pages: list[tuple[list[dict], list[dict]]]) -> dict[str, Any]:
    """pages: (gold quotes, predicted quotes) per page."""
    tp = n_pred = n_gold = spk_ok = kind_ok = 0
    errors: list[str] = []
    for gold, pred in pages:
        n_pred += len(pred)
        n_gold += len(gold)
        trip = []
        for pi, p in enumerate(pred):
            for gi, g in enumerate(gold):
                ov = text_overlap(p["text"], g["text"])
                if ov >= 0.5:
                    trip.append((ov, pi, gi))
        matches = greedy_match(trip)
        tp += len(matches)
        mp = {pi for pi, _ in matches}
        mg = {gi for _, gi in matches}
        for pi, gi in matches:
            ok = _norm(pred[pi].get("speaker") or "") == _norm(gold[gi].get("speaker") or "")
            spk_ok += ok
            kind_ok += pred[pi].get("kind") == gold[gi].get("kind")
            if not ok:
                errors.append(f"speaker {pred[pi].get('speaker')!r} != {gold[gi].get('speaker')!r}: {gold[gi]['text'][:60]}")
        errors += [f"missed: {gold[g]['text'][:70]}" for g in range(len(gold)) if g not in mg]
        errors += [f"extra: {pred[p]['text'][:70]} ({pred[p].get('speaker')})" for p in range(len(pred)) if p not in mp]
    p, r, f = prf(tp, n_pred, n_gold)
    return {
        "pred": n_pred,
        "gold": n_gold,
        "tp": tp,
        "p": p,
        "r": r,
        "f1": f,
        "speaker_acc": spk_ok / tp if tp else 0.0,
        "kind_acc": kind_ok / tp if tp else 0.0,
        "errors": errors,
    }


def _body_extractor():
    try:
        from newsspider.extract.body import extract_body
        from newsspider.extract.page import Page
    except Exception:  # noqa: BLE001 - body extraction not available yet
        return None

    def run(html: str, url: str) -> dict:
        page = Page.from_text(html, url)
        try:
            from newsspider.extract.metadata import extract_metadata

            meta = extract_metadata(page)
        except Exception:  # noqa: BLE001
            meta = None
        return extract_body(page, meta)

    return run


def eval_labelled(root: Path) -> dict[str, Any]:
    labels_path = root / "labels.jsonl"
    with labels_path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    body = _body_extractor()
    lab_pages, html_pages = [], []
    times: list[float] = []
    html_error = None
    for row in rows:
        gold = row.get("quotes") or []
        paras = row.get("body_paragraphs") or []
        t0 = time.perf_counter()
        pred = extract_quotes(paras, title=row.get("title"))
        dt = time.perf_counter() - t0
        times.append(dt * 1000 / max(1, sum(len(p.split()) for p in paras)) * 1000)
        lab_pages.append((gold, pred))
        if body is not None and html_error is None:
            f = root / row["file"]
            if not f.exists():
                candidates = list(root.glob(f"**/{row['file']}"))
                f = candidates[0] if candidates else f
            try:
                html = f.read_bytes().decode("utf-8", "replace")
                b = body(html, row.get("url") or "https://example.invalid/")
                pred_h = extract_quotes(
                    b.get("paragraphs") or [],
                    kinds=b.get("kinds"),
                    embeds=b.get("embeds") or (),
                    title=row.get("title"),
                )
                html_pages.append((gold, pred_h))
            except Exception as exc:  # noqa: BLE001 - report, keep going
                html_error = f"{type(exc).__name__}: {exc}"
    return {
        "pages": len(rows),
        "labelled": score_pages(lab_pages),
        "html": score_pages(html_pages) if html_pages and html_error is None else None,
        "html_error": html_error if body is not None else "extract_body not available",
        "ms_per_1k_words": statistics.median(times) if times else 0.0,
    }


# ---------------------------------------------------------------------------------------
# CLI


def main(argv: list[str] | None = None) -> int:
    shared = _shared()
    ap = argparse.ArgumentParser(prog="newsspider evaluate quotes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=Path, default=shared / "dev" / "quotes-polnear")
    ap.add_argument("--fan-news", type=Path, default=shared / "dev" / "fan-news")
    ap.add_argument("--fixtures", type=Path, default=REPO / "newsspider" / "demo")
    ap.add_argument("-v", "--verbose", action="store_true", help="list fan-news errors")
    args = ap.parse_args(argv)

    ran = False
    if (args.polnear / "attributions.jsonl").exists():
        ran = True
        res = eval_polnear(args.polnear)
        print(f"PolNeAR dev ({res['docs']} docs, direct quotes)")
        print(f"  {'gold view':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk-F1':>7} {'spk-acc':>8}")
        for view in ("quoted", "quoted>3w", "content"):
            r = res[view]
            print(
                f"  {view:<10} {r['gold']:>5} {r['pred']:>5} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f}"
                f" {r['spk_f1']:7.3f} {r['spk_acc']:8.3f}"
            )
        print(f"  median extraction time: {res['ms_per_1k_words']:.2f} ms per 1,000 words")
        if args.verbose:
            for e in res["errors"]:
                print(f"    {e}")
    else:
        print(f"PolNeAR: skipped ({args.polnear} absent)")
    for label, root in (("fan-news dev", args.fan_news), ("demo fixtures", args.fixtures)):
        if not (root / "labels.jsonl").exists():
            print(f"{label}: skipped ({root / 'labels.jsonl'} absent)")
            continue
        ran = True
        res = eval_labelled(root)
        print(f"{label} ({res['pages']} pages)")
        print(f"  {'input':<22} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk-acc':>8} {'kind-acc':>8}")
        rows = [("labelled paragraphs", res["labelled"])]
        if res["html"] is not None:
            rows.insert(0, ("html via extract_body", res["html"]))
        for name, r in rows:
            print(f"  {name:<22} {r['gold']:>5} {r['pred']:>5} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['speaker_acc']:8.3f} {r['kind_acc']:8.3f}")
        if res["html"] is None:
            print(f"  html via extract_body: n/a ({res['html_error']})")
        print(f"  median extraction time: {res['ms_per_1k_words']:.2f} ms per 1,000 words")
        if args.verbose:
            for name, r in rows:
                for e in r["errors"]:
                    print(f"    [{name}] {e}")
    return 0 if ran else 1


if __name__ == "__main__":
    raise SystemExit(main())
