"""Score metadata and main-text extraction on a labelled page set, next to trafilatura.

Usage::

    python -m newsspider.evaluate.pages [DIR ...] [--no-trafilatura] [--limit N] [--worst N]

Without DIR: every labelled page set found in ``../shared/dev`` (news-pages, real-news,
fan-news). Each DIR holds ``labels.jsonl`` (one object a line: ``file``, ``url``, ``title``, ``published``,
``authors``, ``body_paragraphs``, optionally ``not_in_body``) and the pages it names (plain
``.html`` or gzipped ``.html.gz``). Per-field scores, mean over pages:

- title: exact match after whitespace + HTML-entity normalisation
- published: same calendar day in the page's own timezone (the label's UTC offset)
- published_shown: the calendar day as the record writes it equals the label's (the label is
  the publisher's local time; a UTC value one side of midnight counts as wrong here)
- authors: set F1, case-insensitive
- body: precision / recall / F1 over word tokens (bag of words with counts) against the
  labelled paragraphs joined
- leaks (when labels carry ``not_in_body``): boilerplate strings found in the extracted body
- median and p95 milliseconds of extraction per page (decode + parse + metadata + body)

trafilatura (``extract(html, url=..., with_metadata=True, output_format="json")``, default
settings) and htmldate (``find_date(html, url=..., original_date=True)``, publication date
only) run on the same bytes in the same process for comparison columns.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsspider.extract.body import extract_body
from newsspider.extract.metadata import extract_metadata, parse_date
from newsspider.extract.page import Page, decode_html
from newsspider.extract.text import clean_text, fold, word_tokens

FIELDS = ("title", "published", "published_shown", "authors", "body_p", "body_r", "body_f1")


@dataclass
class Prediction:
    title: str | None
    published: str | None
    authors: list[str] | None
    body: str | None
    ms: float


@dataclass
class Scores:
    values: dict[str, list[float]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    per_page: list[dict[str, Any]] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)
    leaks: int = 0
    leak_total: int = 0

    def mean(self, name: str) -> float | None:
        vals = self.values[name]
        return sum(vals) / len(vals) if vals else None


# ----------------------------------------------------------------------------------- metrics


def title_score(pred: str | None, gold: str | None) -> float:
    return float(bool(pred) and clean_text(pred) == clean_text(gold))


def published_score(pred: str | None, gold: str | None) -> float:
    """1.0 when both dates fall on the same calendar day in the gold date's timezone."""
    g = parse_date(gold) if gold else None
    p = parse_date(pred) if pred else None
    if g is None or p is None:
        return 0.0
    if g.tzinfo is not None and p.tzinfo is not None:
        p = p.astimezone(g.tzinfo)
    return float(p.date() == g.date())


def published_shown_score(pred: str | None, gold: str | None) -> float:
    """1.0 when the date the record writes (its first 10 characters) is the label's."""
    return float(bool(pred and gold) and str(pred)[:10] == str(gold)[:10])


def authors_f1(pred: list[str], gold: list[str]) -> float:
    ps = {fold(x) for x in pred if fold(x)}
    gs = {fold(x) for x in gold if fold(x)}
    if not ps and not gs:
        return 1.0
    if not ps or not gs:
        return 0.0
    tp = len(ps & gs)
    if tp == 0:
        return 0.0
    prec, rec = tp / len(ps), tp / len(gs)
    return 2 * prec * rec / (prec + rec)


def body_prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(word_tokens(pred)), Counter(word_tokens(gold))
    np_, ng = sum(p.values()), sum(g.values())
    if np_ == 0 and ng == 0:
        return 1.0, 1.0, 1.0
    if np_ == 0 or ng == 0:
        return 0.0, 0.0, 0.0
    tp = sum((p & g).values())
    prec, rec = tp / np_, tp / ng
    f1 = 2 * prec * rec / (prec + rec) if tp else 0.0
    return prec, rec, f1


# ------------------------------------------------------------------------------- extractors


def ours(raw: bytes, url: str, fetched_at: datetime) -> Prediction:
    t0 = time.perf_counter()
    page = Page.from_bytes(raw, url, fetched_at=fetched_at)
    meta = extract_metadata(page)
    body = extract_body(page, meta)
    ms = (time.perf_counter() - t0) * 1000
    return Prediction(meta["title"], meta["published"], meta["authors"], body["body"], ms)


def trafilatura_extractor() -> Callable[[bytes, str, datetime], Prediction] | None:
    try:
        import trafilatura
    except ImportError as exc:
        print(f"trafilatura column skipped: {exc.msg.splitlines()[0]} (pip install -e '.[bench]')", file=sys.stderr)
        return None

    def run(raw: bytes, url: str, fetched_at: datetime) -> Prediction:
        t0 = time.perf_counter()
        out = trafilatura.extract(raw, url=url, with_metadata=True, output_format="json")
        ms = (time.perf_counter() - t0) * 1000
        data = json.loads(out) if out else {}
        authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
        return Prediction(data.get("title"), data.get("date"), authors, data.get("text") or "",
                          ms)

    return run


def htmldate_extractor() -> Callable[[bytes, str, datetime], Prediction] | None:
    try:
        from htmldate import find_date
    except ImportError as exc:
        print(f"htmldate column skipped: {exc.msg.splitlines()[0]} (pip install -e '.[bench]')",
              file=sys.stderr)
        return None

    def run(raw: bytes, url: str, fetched_at: datetime) -> Prediction:
        t0 = time.perf_counter()
        text, _ = decode_html(raw)
        date = find_date(text, url=url, original_date=True)
        ms = (time.perf_counter() - t0) * 1000
        return Prediction(None, date, None, None, ms)

    return run


# ----------------------------------------------------------------------------------- running


def load_labels(directory: Path, limit: int | None = None) -> list[dict[str, Any]]:
    labels = []
    with open(directory / "labels.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                labels.append(json.loads(line))
    return labels[:limit] if limit else labels


def read_page(directory: Path, name: str) -> bytes:
    path = directory / name
    data = path.read_bytes()
    return gzip.decompress(data) if name.endswith(".gz") or data[:2] == b"\x1f\x8b" else data


def score_one(scores: Scores, label: dict[str, Any], pred: Prediction) -> dict[str, float]:
    row: dict[str, float] = {}
    body_only = pred.authors is None  # a date-only tool (htmldate) is scored on the date alone
    if label.get("title") and not body_only:
        row["title"] = title_score(pred.title, label["title"])
    if label.get("published"):
        row["published"] = published_score(pred.published, label["published"])
        row["published_shown"] = published_shown_score(pred.published, label["published"])
    if label.get("authors") is not None and pred.authors is not None:
        row["authors"] = authors_f1(pred.authors, label.get("authors") or [])
    gold_body = "\n\n".join(label.get("body_paragraphs") or [])
    if gold_body and pred.body is not None:
        row["body_p"], row["body_r"], row["body_f1"] = body_prf(pred.body, gold_body)
    for k, v in row.items():
        scores.values[k].append(v)
    scores.ms.append(pred.ms)
    if label.get("not_in_body") and pred.body is not None:
        body = fold(pred.body)
        for s in label["not_in_body"]:
            scores.leak_total += 1
            if fold(s) and fold(s) in body:
                scores.leaks += 1
    scores.per_page.append({"file": label["file"], **row, "pred": pred})
    return row


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    vals = sorted(values)
    idx = min(len(vals) - 1, max(0, round(q * (len(vals) - 1))))
    return vals[idx]


def _fmt(v: float | None, digits: int = 3) -> str:
    return "-" if v is None else f"{v:.{digits}f}"


def format_table(ours_s: Scores, others: dict[str, Scores], n: int) -> str:
    names = list(others)
    header = f"{'field':<16} {'ours':>9}" + "".join(f" {k:>12}" for k in names)
    lines = [f"pages: {n}", header, "-" * len(header)]

    def line(name: str, a: float | None, bs: list[float | None], digits: int) -> str:
        return f"{name:<16} {_fmt(a, digits):>9}" + "".join(f" {_fmt(b, digits):>12}" for b in bs)

    for f in FIELDS:
        lines.append(line(f, ours_s.mean(f), [o.mean(f) for o in others.values()], 3))
    lines.append(line("ms median", statistics.median(ours_s.ms) if ours_s.ms else None,
                      [statistics.median(o.ms) if o.ms else None for o in others.values()], 1))
    lines.append(line("ms p95", _pct(ours_s.ms, 0.95),
                      [_pct(o.ms, 0.95) if o.ms else None for o in others.values()], 1))
    if ours_s.leak_total:
        cells = [f"{o.leaks}/{o.leak_total}" if o.leak_total else "-" for o in others.values()]
        lines.append(f"{'leaks':<16} {f'{ours_s.leaks}/{ours_s.leak_total}':>9}"
                     + "".join(f" {c:>12}" for c in cells))
    return "\n".join(lines)


def format_worst(scores: Scores, k: int) -> str:
    lines = []
    for f in ("title", "published", "authors", "body_f1"):
        rows = [r for r in scores.per_page if f in r]
        rows.sort(key=lambda r: r[f])
        bad = [r for r in rows[:k] if r[f] < 1]
        if not bad:
            continue
        lines.append(f"\nworst {f}:")
        for r in bad:
            pred: Prediction = r["pred"]
            shown = {"title": pred.title, "published": pred.published,
                     "authors": pred.authors}.get(f, f"P={r['body_p']:.2f} R={r['body_r']:.2f}")
            lines.append(f"  {r[f]:.2f} {r['file']}: {shown!r}")
    return "\n".join(lines)


def evaluate(directory: Path, *, limit: int | None = None, with_trafilatura: bool = True,
             with_htmldate: bool | None = None) -> tuple[Scores, dict[str, Scores], int]:
    """Our scores and each comparison tool's on the pages of `directory` (same bytes, same run)."""
    labels = load_labels(directory, limit)
    fetched_at = datetime.now(UTC)
    mine = Scores()
    tools: dict[str, Callable[[bytes, str, datetime], Prediction]] = {}
    if with_htmldate is None:
        with_htmldate = with_trafilatura
    for name, wanted, make in (("trafilatura", with_trafilatura, trafilatura_extractor),
                               ("htmldate", with_htmldate, htmldate_extractor)):
        fn = make() if wanted else None
        if fn is not None:
            tools[name] = fn
    others = {name: Scores() for name in tools}
    for label in labels:
        raw = read_page(directory, label["file"])
        score_one(mine, label, ours(raw, label["url"], fetched_at))
        for name, fn in tools.items():
            score_one(others[name], label, fn(raw, label["url"], fetched_at))
    return mine, others, len(labels)


def default_sets() -> list[Path]:
    import os

    shared = Path(os.environ.get("NEWSSPIDER_SHARED") or Path(__file__).resolve().parents[2].parent
                  / "shared")
    return [shared / "dev" / name for name in ("news-pages", "real-news", "fan-news")
            if (shared / "dev" / name / "labels.jsonl").is_file()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="newsspider evaluate pages",
        description="Score title/published/authors/body extraction on labelled page sets.",
    )
    ap.add_argument("directory", type=Path, nargs="*",
                    help="folders with labels.jsonl and the pages (default: the ../shared/dev sets)")
    ap.add_argument("--no-trafilatura", action="store_true",
                    help="skip the comparison columns (trafilatura, htmldate)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N labelled pages")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages per field")
    args = ap.parse_args(argv)
    dirs = args.directory or default_sets()
    if not dirs:
        print("no page sets given and none found in ../shared/dev", file=sys.stderr)
        return 2
    for d in dirs:
        if not (d / "labels.jsonl").is_file():
            print(f"no labels.jsonl in {d}", file=sys.stderr)
            return 2
    for i, d in enumerate(dirs):
        mine, others, n = evaluate(d, limit=args.limit, with_trafilatura=not args.no_trafilatura)
        if len(dirs) > 1:
            print(("\n" if i else "") + f"== {d.name}")
        print(format_table(mine, others, n))
        if args.worst:
            print(format_worst(mine, args.worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
