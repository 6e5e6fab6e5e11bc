"""Near-duplicate detection quality and sketch cost (`newsspider.dedup`), for comparing sketch
schemes before/after a change.

    .venv/bin/python benchmarks/dedup_quality.py

1. Labelled duplicate groups: the demo site (`newsspider/demo/labels.jsonl`, `dup_group`) and
   ``../shared/dev/fan-news`` (skipped with a message when absent). Every page is extracted as
   `newsspider extract` does; over all pairs of pages, a pair is predicted a duplicate when the
   body hashes are equal or the LSH index returns the other page (band candidate and estimated
   similarity >= NEAR_DUP_THRESHOLD); truth: same `dup_group`. Pairwise precision / recall.
2. Edited copies of real article texts (``../shared/dev/news-pages`` + ``real-news`` labelled
   bodies, seeded random word insertions/deletions/replacements): the share detected by the
   LSH index by true word-5-shingle Jaccard bucket, and false matches among all pairs of the
   distinct real texts.
3. Sketch cost: CPU µs per text for `signature` over the same real texts (median of 5 passes).
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "dev"

from newsspider import dedup  # noqa: E402


def _extract(html: bytes, url: str) -> dict:
    from newsspider.extract import Page, extract_article

    return extract_article(Page.from_bytes(html, url, fetched_at=datetime.now(UTC)))


def labelled_sets() -> dict[str, list[tuple[str, str | None, str, str]]]:
    """{set: [(page, dup_group, body, content_hash)]}."""
    sets = {}
    demo = REPO / "newsspider" / "demo"
    rows = []
    for lab in map(json.loads, (demo / "labels.jsonl").read_text(encoding="utf-8").splitlines()):
        rec = _extract((demo / "site" / lab["file"]).read_bytes(), lab["url"])
        rows.append((lab["file"], lab.get("dup_group"), rec.get("body") or "", rec["content_hash"]))
    sets["demo"] = rows
    fan = SHARED / "fan-news"
    if (fan / "labels.jsonl").exists():
        rows = []
        for lab in map(json.loads, (fan / "labels.jsonl").read_text(encoding="utf-8").splitlines()):
            path = fan / lab["file"]
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            rec = _extract(data, lab.get("url") or path.resolve().as_uri())
            rows.append((lab["file"], lab.get("dup_group"), rec.get("body") or "", rec["content_hash"]))
        sets["fan-news"] = rows
    else:
        print(f"(fan-news skipped: {fan} not found)")
    return sets


def pairwise(rows: list[tuple[str, str | None, str, str]]) -> dict[str, float]:
    sigs = [dedup.signature(body) for _, _, body, _ in rows]
    index = dedup.LshIndex()
    for i, sig in enumerate(sigs):
        index.add(str(i), sig)
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        truth = rows[i][1] is not None and rows[i][1] == rows[j][1]
        near = str(j) in index.candidates(dedup.band_keys(sigs[i])) and \
            dedup.similarity(sigs[i], sigs[j]) >= dedup.NEAR_DUP_THRESHOLD
        pred = rows[i][3] == rows[j][3] or near
        tp += truth and pred
        fp += pred and not truth
        fn += truth and not pred
    return {"pages": len(rows), "dup pairs": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}


def real_texts() -> list[str]:
    texts = []
    for name in ("news-pages", "real-news"):
        path = SHARED / name / "labels.jsonl"
        if path.exists():
            texts += ["\n".join(lab["body_paragraphs"]) for lab in map(json.loads, path.read_text(encoding="utf-8").splitlines())]
    return [t for t in texts if len(t.split()) >= 50]


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 5]) for i in range(max(1, len(words) - 4))}


def edited_copies(texts: list[str], seed: int = 7) -> dict[str, list[int]]:
    """{Jaccard bucket: [detected, total]} for seeded random edits of each text."""
    rng = random.Random(seed)
    buckets: dict[str, list[int]] = {}
    for text in texts:
        words = dedup.normalize_text(text).split()
        for frac in (0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2):
            copy = list(words)
            for _ in range(max(1, int(len(words) * frac))):
                i, op = rng.randrange(len(copy)), rng.random()
                if op < 0.4:
                    copy[i] = f"w{rng.randrange(10**6)}"
                elif op < 0.7 and len(copy) > 10:
                    del copy[i]
                else:
                    copy.insert(i, f"w{rng.randrange(10**6)}")
            a, b = shingles(words), shingles(copy)
            j = len(a & b) / len(a | b)
            key = "<0.6" if j < 0.6 else "0.6-0.7" if j < 0.7 else "0.7-0.8" if j < 0.8 else "0.8-0.9" if j < 0.9 else ">=0.9"
            index = dedup.LshIndex()
            index.add("orig", dedup.signature(text))
            hit = index.query(dedup.signature(" ".join(copy))) == "orig"
            cell = buckets.setdefault(key, [0, 0])
            cell[0] += hit
            cell[1] += 1
    return buckets


def false_matches(texts: list[str]) -> tuple[int, int]:
    index = dedup.LshIndex()
    found = 0
    for i, text in enumerate(texts):
        sig = dedup.signature(text)
        found += index.query(sig) is not None
        index.add(str(i), sig)
    return found, len(texts)


def cost(texts: list[str]) -> float:
    runs = []
    for _ in range(5):
        t = time.process_time()
        for text in texts:
            dedup.signature(text)
        runs.append((time.process_time() - t) / len(texts))
    return statistics.median(runs) * 1e6


def main() -> int:
    print(f"scheme {dedup.SIGNATURE_SCHEME}, signature {len(dedup.signature('a b c'))} bytes, "
          f"{dedup.BANDS} bands x {dedup.ROWS} bins")
    print("\n| set | pages | duplicate pairs | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, rows in labelled_sets().items():
        r = pairwise(rows)
        print(f"| {name} | {r['pages']} | {r['dup pairs']} | {r['tp']} | {r['fp']} | {r['fn']} | "
              f"{r['precision']:.3f} | {r['recall']:.3f} |")
    texts = real_texts()
    if not texts:
        print(f"(real texts skipped: {SHARED} not found)")
        return 0
    print(f"\nEdited copies of {len(texts)} real texts: detected / copies by true Jaccard")
    print("\n| Jaccard | detected | copies | share |\n|---|---:|---:|---:|")
    buckets = edited_copies(texts)
    for key in ("<0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", ">=0.9"):
        hit, total = buckets.get(key, [0, 0])
        print(f"| {key} | {hit} | {total} | {hit / total if total else 0:.3f} |")
    found, n = false_matches(texts)
    print(f"\nfalse matches among {n} distinct real texts (each looked up among the earlier ones): {found}")
    print(f"signature cost: {cost(texts):.0f} µs CPU per text (median of 5 passes, "
          f"{statistics.mean(len(t.split()) for t in texts):.0f} words on average)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
