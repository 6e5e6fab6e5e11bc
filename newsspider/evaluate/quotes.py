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
    quote's "she said," are not covered). Three gold views are reported:

    * ``quoted`` (**the target row**, the issue's definition): every direct attribution is a
      gold quote; its span is the part of its content inside quote marks (what a direct-quote
      extractor returns: the quoted words);
    * ``content``: the same gold quotes with the whole annotated content span (which may
      include reported speech around a partial quote: ``that voting fraud is “a big, big
      problem”``); informative only;
    * ``quoted>3w``: as ``quoted`` without the gold quotes of one to three words
      ("disgusting", "a con", "nasty guy") and without the predictions lying on them. The
      issue says 1-3-word scare quotes are not quotes, but PolNeAR's 1-3-word quotes are
      annotated attributions (source + cue), not unattributed scare quotes, so this row
      over-excludes; it is informative only, never the target.

    ``spk-acc`` is the share of matched quotes whose speaker is correct.

    PolNeAR labels a quote resumed after its attribution (“A,” X said. “B.”) as one
    attribution with two content spans; consecutive predicted quotes that lie (each at least
    half) inside the same gold attribution are merged into one prediction before matching.
    A prediction matches a gold quote when their character overlap is at least half of the
    longer of the two (one-to-one, greedy by overlap). Speaker (the issue's rule): correct
    when the predicted speaker shares a word (case-insensitive, ignoring honorifics and
    function words) with the gold source span, or with the name the source refers to when
    it names no one. PolNeAR has no coreference annotation, so that name is approximated
    (`gold_speaker_targets`): a relative pronoun ("who") -> the name right before it; a
    speech verb annotated as the source (an annotation slip) -> the name right after it;
    other pronouns and descriptions ("he", "the president", "the agency") -> the nearest
    preceding gold source that names someone (head word a proper name), skipping for
    "he"/"she" sources that are not person-like or have the other gender's honorific.
    A hand check of 30 random matched quotes with such sources found the referent wrong in 7:
    2 annotation slips (now handled by the cue rule) and 5 others ("they" after two
    senators, descriptions resolved to an unrelated named source), 1 of which penalised a
    correct speaker; 3 wrong speakers were credited through a shared word ("Keith Scott"
    for "Rakeyia Scott", "Clinton" for "Clinton communication director Jennifer Palmieri").
    Read the speaker figures as +-3 points.

Fan news (``fan-news`` and the demo fixtures ``labels.jsonl``)
    Paragraphs come from ``newsspider.extract.body.extract_body`` on the saved HTML (kinds and
    embeds included); the figure on the labelled ``body_paragraphs`` (no kinds, no embeds) is
    printed as well. The HTML is decoded with the page's own charset (`Page.from_bytes`).
    A prediction matches a gold quote when the matching characters of the two normalised
    texts cover at least half of the longer one; speaker accuracy is over matched quotes,
    exact match after whitespace/case normalisation.

Timing: median over documents of ``extract_quotes`` time per 1,000 words (each document timed
three times, fastest run kept).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import statistics
import time
from functools import partial
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


def timed(fn: Any, repeat: int = 3) -> tuple[Any, float]:
    """Result of `fn()` and its fastest wall time in seconds over `repeat` runs (the minimum
    filters out pauses caused by other processes on a shared machine)."""
    best = float("inf")
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return out, best


# ---------------------------------------------------------------------------------------
# PolNeAR

_STOP = frozenset(
    "the a an of and mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. president "
    "to in for on at s".split()
)
_PRONOUNS = frozenset("he she they it i we you him her them his its their my our".split())
_RELATIVE = frozenset(("who", "which", "that", "whom", "whose"))
_CUE_WORDS = frozenset("said says told tells added wrote asked explained".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our my your one another some".split())

# The views reported for PolNeAR. "quoted" is the definition and the target row.
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


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"[\w’'\-]+", s.lower().replace("’s", "").replace("'s", "")) if t not in _STOP}


def _lower_vocab(doc: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z\-]+\b", doc))


def _named(src: str, lower_vocab: frozenset[str] = frozenset()) -> bool:
    """The source names someone: the head of its first phrase (before a comma, a
    parenthesis or an "of/at/from/who" clause) is a capitalised word that is not a pronoun,
    a determiner or a word the document also uses in lower case ("Officials", "Few")."""
    head = re.split(r",|\(|\s(?:of|at|from|for|who|which|that|in|on)\s", src, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w’'\-.]*", head)
    if not words:
        return False
    last = re.sub(r"(?:’s|'s|’|')$", "", words[-1]).rstrip(".")
    if not last or not last[0].isupper():
        return False
    low = last.lower()
    return low not in _PRONOUNS and low not in _DETERMINERS and low not in lower_vocab


def _antecedent_of_relative(doc: str, pos: int) -> str | None:
    """`Kerry, who said ...` / `the agency, which ...`: the name right before a relative
    pronoun source (skipping a comma and a parenthesis)."""
    before = doc[max(0, pos - 120) : pos]
    before = re.sub(r"\s*\([^()]*\)\s*$", "", before.rstrip(" ,")).rstrip(" ,")
    m = re.search(r"((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-.]*)$", before)
    return m.group(1) if m else None


def _head_word(src: str) -> str:
    head = re.split(r",|\(|\s(?:of|at|from|for|who|which|that|in|on)\s", src, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w’'\-.]*", head)
    return re.sub(r"(?:’s|'s|’|')$", "", words[-1]).rstrip(".") if words else ""


_CAP_FUNCTION = r"(?:The|A|An|In|On|At|Of|For|And|But|Or|By|To|With|From|As|If|When|While|After|Before)\b"


def _person_like(src: str, doc: str) -> bool:
    """A named source that can be "he"/"she": a multi-word name, or a single word the
    document also writes after a capitalised first name or an honorific ("Donald Trump",
    "Mr. Trump") and never after "the" ("the European Council", "the Post")."""
    head = re.split(r",|\(|\s(?:of|at|from|for|who|which|that|in|on)\s", src, maxsplit=1)[0]
    caps = re.findall(r"\b[A-Z][\w’'\-]+", head)
    if len(caps) >= 2:
        return True
    word = _head_word(src)
    if not word:
        return False
    w = re.escape(word)
    if re.search(rf"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.? {w}\b|\b(?!{_CAP_FUNCTION})[A-Z][a-z]+ (?:[A-Z]\. )?{w}\b", doc):
        return True
    return not re.search(rf"\b[Tt]he {w}\b", doc)


def gold_speaker_targets(attributions: list[dict], doc: str) -> dict[int, list[str]]:
    """For each attribution (by id), the strings a predicted speaker may share a token with:
    the gold source span and, when the source does not name anyone (a pronoun, a relative
    pronoun, a description such as "the president"), the name it refers to. PolNeAR has no
    coreference annotation, so the referent is approximated:

    * relative pronouns ("who", "which", "that") -> the name right before them in the text;
    * a speech verb annotated as the source (an annotation slip: "said") -> the name right
      after it ("…,” said David Plouffe");
    * other pronouns and descriptions -> the nearest preceding gold source (in text order)
      that names someone (`_named`); for "he"/"she" the source must look like a person's
      name (`_person_like`) and is skipped when the document gives it the other gender
      ("Ms. X" for "he", "Mr. X" for "she").
    """
    vocab = _lower_vocab(doc)
    female = set(re.findall(r"\b(?:Ms|Mrs|Miss)\.? ([A-Z][\w’'\-]+)", doc))
    male = set(re.findall(r"\bMr\.? ([A-Z][\w’'\-]+)", doc))

    def srcpos(r: dict) -> int:
        spans = (r.get("source") or {}).get("spans") or []
        return spans[0][0] if spans else 1 << 30

    out: dict[int, list[str]] = {}
    named: list[tuple[int, str]] = []
    for r in sorted(attributions, key=srcpos):
        src = ((r.get("source") or {}).get("text") or "").strip()
        targets = [src] if src else []
        pos = srcpos(r)
        if src and _named(src, vocab):
            named.append((pos, src))
        elif src:
            low = src.lower()
            ref: str | None = None
            if low in _RELATIVE and pos < len(doc):
                ref = _antecedent_of_relative(doc, pos)
            elif low in _CUE_WORDS and pos < len(doc):
                # an annotation slip: the cue marked as source ("…,” said David Plouffe)
                m = re.match(r"\s*\w+\s+((?:[A-Z][\w’'\-.]*\s?){1,4})", doc[pos : pos + 80])
                ref = m.group(1).strip().rstrip(".,") if m else None
            if ref is None:
                for _p, cand in reversed(named):
                    surname = _head_word(cand)
                    if low in ("he", "she") and not _person_like(cand, doc):
                        continue
                    if low == "he" and surname in female and surname not in male:
                        continue
                    if low == "she" and surname in male and surname not in female:
                        continue
                    ref = cand
                    break
            if ref:
                targets.append(ref)
        out[id(r)] = targets
    return out


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


def eval_polnear(root: Path) -> dict[str, Any]:
    docs = load_polnear(root)
    counts = {v: {"tp": 0, "tp_spk": 0, "pred": 0, "gold": 0} for v in VIEWS}
    times: list[float] = []
    errors: list[str] = []
    details: dict[str, list[str]] = {"speaker": [], "missed": [], "extra": []}
    for name, d in sorted(docs.items()):
        text = d["text"]
        paras, offs = split_paragraphs(text)
        preds, dt = timed(partial(extract_quotes, paras, title=paras[0] if paras else None))
        words = max(1, len(text.split()))
        times.append(dt * 1000 / words * 1000)
        pred_sets = []
        for q in preds:
            p = q.get("paragraph")
            start = offs[p] if isinstance(p, int) and p < len(offs) else 0
            pred_sets.append(align(q["text"], text, start))
        targets_by_id = gold_speaker_targets(d["attributions"], text)
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
            for pi, gi in matches:
                spk = unit_speakers[pi] or ""
                r = gold[gi]
                targets = targets_by_id.get(id(r), [])
                if spk and any(_tokens(spk) & _tokens(t) for t in targets):
                    c["tp_spk"] += 1
                elif view == "quoted":
                    q = preds[keep[members[pi][0]]]
                    msg = (
                        f"{name[:40]}: speaker {spk!r} (raw {q.get('speaker_raw')!r}) != {targets!r}"
                        f" | {_snippet(text, gold_sets[gi], 60)}"
                    )
                    errors.append(msg)
                    details["speaker"].append(msg)
            if view == "quoted":
                mg = {gi for _, gi in matches}
                mp = {pi for pi, _ in matches}
                for gi, r in enumerate(gold):
                    if gi not in mg:
                        src = (r.get("source") or {}).get("text") or ""
                        details["missed"].append(f"{name[:40]}: [{src[:30]}] {_snippet(text, gold_sets[gi])}")
                for pi in range(len(units)):
                    if pi not in mp:
                        details["extra"].append(
                            f"{name[:40]}: [{unit_speakers[pi]}] {_snippet(text, units[pi])}"
                        )
    out: dict[str, Any] = {
        "docs": len(docs),
        "ms_per_1k_words": statistics.median(times) if times else 0.0,
        "errors": errors,
        "details": details,
    }
    for view, cnt in counts.items():
        p, r, f = prf(cnt["tp"], cnt["pred"], cnt["gold"])
        sp, sr, sf = prf(cnt["tp_spk"], cnt["pred"], cnt["gold"])
        acc = cnt["tp_spk"] / cnt["tp"] if cnt["tp"] else 0.0
        out[view] = {**cnt, "p": p, "r": r, "f1": f, "spk_p": sp, "spk_r": sr, "spk_f1": sf, "spk_acc": acc}
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
        errors += [f"extra: {pred[k]['text'][:70]} ({pred[k].get('speaker')})" for k in range(len(pred)) if k not in mp]
    prec, rec, f1 = prf(tp, n_pred, n_gold)
    return {
        "pred": n_pred,
        "gold": n_gold,
        "tp": tp,
        "p": prec,
        "r": rec,
        "f1": f1,
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

    def run(body: bytes, url: str) -> dict:
        page = Page.from_bytes(body, url)  # the page's own charset (meta/BOM/detection)
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
        pred, dt = timed(partial(extract_quotes, paras, title=row.get("title")))
        times.append(dt * 1000 / max(1, sum(len(p.split()) for p in paras)) * 1000)
        lab_pages.append((gold, pred))
        if body is not None and html_error is None:
            f = root / row["file"]
            if not f.exists():
                candidates = list(root.glob(f"**/{row['file']}"))
                f = candidates[0] if candidates else f
            try:
                b = body(f.read_bytes(), row.get("url") or "https://example.invalid/")
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
        print(f"PolNeAR dev ({res['docs']} docs, direct attributions)")
        print(f"  {'gold view':<18} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk-F1':>7} {'spk-acc':>8}")
        for view in VIEWS:
            r = res[view]
            print(
                f"  {VIEW_LABELS[view]:<18} {r['gold']:>5} {r['pred']:>5} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f}"
                f" {r['spk_f1']:7.3f} {r['spk_acc']:8.3f}"
            )
        print("  target row: 'quoted' (all direct attributions; span = their characters inside quote marks)")
        print(f"  median extraction time: {res['ms_per_1k_words']:.2f} ms per 1,000 words")
        if args.verbose:
            for kind in ("speaker", "missed", "extra"):
                print(f"  -- {kind} ({len(res['details'][kind])})")
                for e in res["details"][kind]:
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
