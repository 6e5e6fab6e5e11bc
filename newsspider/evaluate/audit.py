"""A speaker audit of real pages, kept in the repository without their text.

``benchmarks/speaker-audit/labels.jsonl`` holds hand labels of who said each quote that the
pipeline found on the English pages of ``../shared/dev/news-pages`` (real pages from ~120
publishers). Nothing of those pages is copied: a quote is a character span of the set's own
labelled body (``body_paragraphs`` joined by one space) and its speaker is a set of salted
hashes, so the scorer can tell whether a predicted speaker names the labelled one
(`newsspider.evaluate.scoring.same_speaker`: equal after normalisation, or a shorter form of a
proper name) without the name itself being stored. Each page belongs to a part: ``a`` and ``b``
are dev (their errors may be read and shaped on), ``c`` is held out (figures only).

    python -m newsspider.evaluate.audit build RAW.jsonl... --group a=A.txt --group b=B.txt --group c=C.txt \\
        -o benchmarks/speaker-audit/labels.jsonl

turns raw labels (``file``, ``text``, ``speaker``, ``mention_kind``, ``not_a_quote``) into that
file, each page in the part its ``--group PART=PAGES.txt`` listing gives.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from newsspider.evaluate.scoring import _name_tokens, greedy_match, norm, text_overlap

SALT = "newsspider-speaker-audit/1:"
HELD_OUT_PARTS = frozenset({"c"})


def _h(s: str) -> str:
    return hashlib.sha256((SALT + s).encode("utf-8")).hexdigest()[:16]


def hash_speaker(speaker: str | None) -> dict[str, Any] | None:
    """What `hashed_same_speaker` needs of a gold speaker, with no name in it."""
    if not speaker:
        return None
    words = re.findall(r"[^\s]+", speaker)
    proper = all(w[0].isupper() or not w[0].isalpha() for w in words) and "'s" not in norm(speaker)
    return {"h": _h(norm(speaker)), "proper": proper, "t": sorted({_h(t) for t in _name_tokens(speaker)})}


def hashed_same_speaker(pred: str | None, gold: dict[str, Any] | None) -> bool:
    """`scoring.same_speaker` against a hashed gold speaker."""
    if not pred or not gold:
        return not pred and not gold
    if _h(norm(pred)) == gold["h"]:
        return True
    if not gold["proper"]:
        return False
    toks = {_h(t) for t in _name_tokens(pred)}
    return bool(toks) and toks <= set(gold["t"])


def _joined(paras: list[str]) -> str:
    return " ".join(paras)


def _rows(shared_pages: Path) -> dict[str, dict[str, Any]]:
    """The shared set's label rows by file."""
    with (shared_pages / "labels.jsonl").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in map(json.loads, fh)}


def _locate(body: str, text: str) -> tuple[int, int] | None:
    at = body.find(text)
    if at >= 0:
        return at, at + len(text)
    # whitespace differences: match on a collapsed copy and map back
    squeezed = re.sub(r"\s+", " ", text).strip()
    rx = re.compile(r"\s+".join(re.escape(w) for w in squeezed.split(" ")))
    m = rx.search(body)
    if m:
        return m.start(), m.end()
    # a quote over several paragraphs, or with an ellipsis or a mark the body writes otherwise:
    # from its first words to its last, when the span is about as long as the quote
    head, tail = squeezed[:40], squeezed[-40:]
    a = body.find(head)
    b = body.find(tail, a + 1) if a >= 0 else -1
    if a >= 0 and b >= 0 and 0.8 * len(squeezed) <= b + len(tail) - a <= 1.25 * len(squeezed):
        return a, b + len(tail)
    return None


def _letter(f: Path) -> str:
    m = re.search(r"labels-(?:heldout-)?([a-z])", f.name)
    return m.group(1) if m else "a"


def build(raw_files: list[Path], groups: dict[str, str], shared_pages: Path) -> tuple[list[dict[str, Any]], int]:
    """Text-free label rows from raw label files (``labels-<x>.jsonl``, ``labels-heldout-<x>.jsonl``:
    labeller x); `groups` gives each page its part (a page outside it is left out). A page
    labelled twice keeps the labels of the labeller it was given to. Also returns the number of
    quotes not found in the labelled body (left out)."""
    bodies = {f: _joined(row.get("body_paragraphs") or []) for f, row in _rows(shared_pages).items()}
    by: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for f in raw_files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                by.setdefault(g["file"], {}).setdefault(_letter(f), []).append(g)
    out: list[dict[str, Any]] = []
    lost = 0
    for page, part in sorted(groups.items()):
        sets = by.get(page)
        if not sets:
            continue
        labels = sets.get(part) or sets[sorted(sets)[0]]
        for g in labels:
            if g.get("not_a_quote"):
                continue
            span = _locate(bodies.get(page, ""), g["text"])
            if span is None:
                lost += 1
                continue
            out.append({"file": page, "part": part, "span": list(span), "kind": g.get("mention_kind") or "none",
                        "speaker": hash_speaker(g.get("speaker"))})
    out.sort(key=lambda r: (r["file"], r["span"]))
    return out, lost


def load(path: Path, shared_pages: Path) -> dict[str, list[dict[str, Any]]]:
    """Label rows by page, each with its quote ``text`` recovered from the shared set's body."""
    bodies = {f: _joined(row.get("body_paragraphs") or []) for f, row in _rows(shared_pages).items()}
    pages: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            s, e = r["span"]
            pages.setdefault(r["file"], []).append({**r, "text": bodies[r["file"]][s:e]})
    return pages


def score(pages: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> dict[str, Any]:
    """Speaker accuracy over the labelled quotes a prediction matches (text overlap >= 0.5,
    one-to-one), overall and by the kind of the gold mention; the share of labelled quotes
    matched; errors (for the dev parts' listing)."""
    ok = tp = n_gold = 0
    by_kind: dict[str, list[int]] = {}
    errors: list[str] = []
    for gold, pred in pages:
        n_gold += len(gold)
        trip = [(ov, pi, gi) for pi, p in enumerate(pred) for gi, g in enumerate(gold)
                if (ov := text_overlap(p["text"], g["text"])) >= 0.5]
        for pi, gi in greedy_match(trip):
            good = hashed_same_speaker(pred[pi].get("speaker"), gold[gi]["speaker"])
            tp += 1
            ok += good
            k = by_kind.setdefault(gold[gi]["kind"], [0, 0])
            k[0] += good
            k[1] += 1
            if not good:
                errors.append(f"{gold[gi]['file']} [{gold[gi]['kind']}] speaker {pred[pi].get('speaker')!r} "
                              f"(raw {pred[pi].get('speaker_raw')!r}): {gold[gi]['text'][:70]}")
    return {"tp": tp, "gold": n_gold, "recall": tp / n_gold if n_gold else 0.0, "speaker_acc": ok / tp if tp else 0.0,
            "by_kind": {k: (v[0] / v[1], v[1]) for k, v in sorted(by_kind.items())}, "errors": errors}


def evaluate(path: Path, shared_pages: Path, extract: Any) -> dict[str, dict[str, Any]]:
    """Score `extract` (the quote extractor) on the audit: the pipeline's body extractor on each
    saved page, then quotes; one result per part group ("dev" = a+b, and each held-out part)."""
    from newsspider.evaluate.quotes import _body_extractor, _page_bytes

    labelled = load(path, shared_pages)
    rows = _rows(shared_pages)
    body = _body_extractor()
    groups: dict[str, list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]] = {}
    for f, gold in sorted(labelled.items()):
        data = _page_bytes(shared_pages, f)
        if data is None:
            continue
        b = body(data, rows[f].get("url") or "https://example.invalid/")
        pred = extract(b.get("paragraphs") or [], kinds=b.get("kinds"), embeds=b.get("embeds") or (), title=rows[f].get("title"))
        for part in sorted({g["part"] for g in gold}):
            key = part if part in HELD_OUT_PARTS else "dev"
            groups.setdefault(key, []).append(([g for g in gold if g["part"] == part], pred))
    return {k: score(v) for k, v in sorted(groups.items())}


def report(path: Path, shared_pages: Path, extract: Any) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Lines for `evaluate quotes` (one a part group: spk-acc, matched share, by gold mention
    kind) and the errors of each group, labelled so that the held-out part's are not listed."""
    lines: list[str] = []
    errors: list[tuple[str, list[str]]] = []
    for key, r in sorted(evaluate(path, shared_pages, extract).items(), key=lambda kv: kv[0] != "dev"):
        tag = "a+b (dev)" if key == "dev" else f"{key} (held out)"
        kinds = ", ".join(f"{k} {acc:.3f} ({n})" for k, (acc, n) in r["by_kind"].items())
        lines.append(f"speaker audit {tag}: spk-acc {r['speaker_acc']:.3f} over {r['tp']} matched of {r['gold']} "
                     f"labelled quotes; by gold mention: {kinds}")
        errors.append((f"speaker audit {tag}", r["errors"]))
    return lines, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsspider.evaluate.audit")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="raw label files -> text-free labels")
    b.add_argument("raw", nargs="+", type=Path)
    b.add_argument("--group", action="append", default=[], metavar="PART=PAGES.txt",
                   help="pages of a part, one file name a line (repeatable; part c is held out)")
    b.add_argument("-o", "--out", type=Path, required=True)
    b.add_argument("--pages", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "dev" / "news-pages")
    args = ap.parse_args(argv)
    groups = {}
    for spec in args.group:
        part, _, listing = spec.partition("=")
        groups.update({line.strip(): part for line in Path(listing).read_text().splitlines() if line.strip()})
    rows, lost = build(args.raw, groups, args.pages)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} labelled quotes written to {args.out}; {lost} not found in the labelled body (left out)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
