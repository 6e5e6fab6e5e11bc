"""Evaluate date resolution (TimeBank) and release-event extraction (fan-news pages).

    python -m newsspider.evaluate.releases [--timebank FILE] [--fan-news DIR] [--fixtures DIR]

(a) TimeBank: every gold temporal expression whose value is one day (YYYY-MM-DD) is resolved
    from its sentence and the document date; reports the fraction resolved to the same day.
(b) Release events on labelled pages (labels.jsonl: body_paragraphs, published, title,
    releases, non_release_dates): input = the labelled paragraphs (and, when
    `newsspider.extract.body.extract_body` works, the paragraphs it extracts from the HTML).
    An event matches when its title (case/punctuation-insensitive) and date match; reports
    P/R/F1, the accuracy of artist, kind and status on matched events, distractor dates
    wrongly emitted, and the median run time per 1,000 words.
Sets that are absent are skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from newsspider.extract.dates import resolve_in_context, sentence_spans
from newsspider.extract.releases import extract_releases, title_key

REPO = Path(__file__).resolve().parents[2]
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _shared() -> Path:
    import os

    return Path(os.environ.get("NEWSSPIDER_SHARED") or REPO.parent / "shared")


# --------------------------------------------------------------------------------------------
# (a) TimeBank


def eval_timebank(path: Path, *, show_errors: int = 0) -> dict:
    ok = n = 0
    errors: list[tuple] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        base = dt.date.fromisoformat(doc["dct"][:10])
        sents = sentence_spans(text)
        for tx in doc["timexes"]:
            if not _DAY.fullmatch(tx.get("value") or ""):
                continue
            n += 1
            s, e = next(((a, z) for a, z in sents if a <= tx["start"] < z), (0, len(text)))
            got = resolve_in_context(text[s:e], tx["start"] - s, tx["end"] - s, base)
            if got is not None and got.value == tx["value"]:
                ok += 1
            elif len(errors) < show_errors:
                errors.append((tx["text"], tx["value"], doc["dct"], got.value if got else None))
    return {"n": n, "correct": ok, "accuracy": ok / n if n else 0.0, "errors": errors}


def eval_distractor_dates(path: Path, *, show_errors: int = 0) -> dict:
    """Day-precision dates labelled on real pages (`distractor_dates`: text + date): the date
    expression inside the labelled phrase, found in its paragraph and resolved against the
    page's publication date, must give the labelled day. These pages were never used to write
    the date rules, so this is a held-out check next to TimeBank."""
    from newsspider.extract.dates import find_date_matches

    ok = n = 0
    errors: list[tuple] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        pub = label.get("published") or ""
        try:
            base = dt.datetime.fromisoformat(pub.replace("Z", "+00:00"))
        except ValueError:
            continue
        paras = label.get("body_paragraphs") or []
        for nd in label.get("distractor_dates") or []:
            if not _DAY.fullmatch(nd.get("date") or ""):
                continue
            para = next((p for p in paras if nd["text"] in p), None)
            if para is None:
                continue
            n += 1
            s = para.index(nd["text"])
            e = s + len(nd["text"])
            found = [d for d in find_date_matches(para, base, use_dateparser=False)
                     if d.start < e and d.end > s]
            got = found[0].value if found else None
            if got == nd["date"]:
                ok += 1
            elif len(errors) < show_errors:
                errors.append((nd["text"], nd["date"], pub[:10], got))
    return {"n": n, "correct": ok, "accuracy": ok / n if n else 0.0, "errors": errors}


# --------------------------------------------------------------------------------------------
# (b) release events


def _norm_date(d: str) -> str:
    return d.strip()


def _match_events(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i in used:
                continue
            if title_key(g["title"]) == title_key(p["title"]) and _norm_date(
                g["date"]
            ) == _norm_date(p["date"]):
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def _words(paragraphs: Iterable[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


class _Score:
    def __init__(self) -> None:
        self.gold = self.pred = self.tp = 0
        self.artist = self.kind = self.status = 0
        self.distractors = self.distractors_emitted = 0
        self.ms_per_kw: list[float] = []
        self.pages = 0
        self.misses: list[str] = []

    def add(self, label: dict, pred: list[dict], ms: float, words: int) -> None:
        gold = label.get("releases") or []
        self.pages += 1
        self.gold += len(gold)
        self.pred += len(pred)
        pairs = _match_events(gold, pred)
        self.tp += len(pairs)
        for g, p in pairs:
            self.artist += (p.get("artist") or "").casefold() == (g.get("artist") or "").casefold()
            self.kind += p["kind"] == g["kind"]
            self.status += p["status"] == g["status"]
            for key in ("artist", "kind", "status"):
                if (p.get(key) or "").casefold() != (g.get(key) or "").casefold():
                    self.misses.append(
                        f"{label.get('file')}: {key} {g['title']!r} gold={g.get(key)} got={p.get(key)}"
                    )
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g in gold:
            if id(g) not in matched_g:
                self.misses.append(f"{label.get('file')}: missed {g['title']!r} {g['date']}")
        for p in pred:
            if id(p) not in matched_p:
                self.misses.append(
                    f"{label.get('file')}: extra {p['title']!r} {p['date']} ({p['artist']})"
                )
        release_dates = {g["date"] for g in gold}
        pred_dates = {p["date"] for p in pred}
        for nd in label.get("non_release_dates") or label.get("distractor_dates") or []:
            date = nd.get("date", "")
            if date in release_dates:
                continue  # same date as a true release: cannot tell them apart by date
            self.distractors += 1
            if date in pred_dates:
                self.distractors_emitted += 1
                self.misses.append(f"{label.get('file')}: distractor emitted {nd['text']!r} {date}")
        if words:
            self.ms_per_kw.append(ms * 1000.0 / words)

    def row(self, name: str) -> dict:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        m = self.tp or 1
        return {
            "set": name,
            "pages": self.pages,
            "gold": self.gold,
            "pred": self.pred,
            "tp": self.tp,
            "P": p,
            "R": r,
            "F1": f,
            "artist": self.artist / m,
            "kind": self.kind / m,
            "status": self.status / m,
            "distractors": f"{self.distractors_emitted}/{self.distractors}",
            "ms/1kw": statistics.median(self.ms_per_kw) if self.ms_per_kw else 0.0,
        }


def _timed(fn: Callable[[], list[dict]], repeat: int = 3) -> tuple[list[dict], float]:
    best = float("inf")
    out: list[dict] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, (time.perf_counter() - t0) * 1000.0)
    return out, best


def _extract_body_fn() -> Callable | None:
    try:
        from newsspider.extract.body import extract_body
        from newsspider.extract.page import Page
    except Exception:  # noqa: BLE001 - the body extractor is developed elsewhere
        return None

    def run(html_path: Path, url: str) -> list[str] | None:
        raw = html_path.read_bytes()
        if html_path.suffix == ".gz":
            raw = gzip.decompress(raw)
        try:
            page = Page.from_bytes(raw, url)  # the page declares (or implies) its charset
            return list(extract_body(page).get("paragraphs") or [])
        except Exception:  # noqa: BLE001
            return None

    return run


def eval_release_set(labels_path: Path, *, use_extracted: bool) -> tuple[_Score, _Score | None]:
    labelled = _Score()
    extracted = _Score() if use_extracted else None
    body_fn = _extract_body_fn() if use_extracted else None
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        paras = label.get("body_paragraphs") or []
        pub = label.get("published")
        title = label.get("title")
        pred, ms = _timed(partial(extract_releases, paras, pub, title=title))
        labelled.add(label, pred, ms, _words(paras))
        if extracted is not None and body_fn is not None and label.get("file"):
            html = labels_path.parent / label["file"]
            if not html.exists():
                cands = list(labels_path.parent.rglob(label["file"]))
                html = cands[0] if cands else html
            if html.exists():
                got = body_fn(html, label.get("url") or "")
                if got:
                    pred2, ms2 = _timed(partial(extract_releases, got, pub, title=title), repeat=1)
                    extracted.add(label, pred2, ms2, _words(got))
    if extracted is not None and extracted.pages == 0:
        extracted = None
    return labelled, extracted


def eval_speed_general(labels_path: Path) -> dict:
    """Releases pass over general (non-K-pop) news articles of >= 200 words: median ms per
    1,000 words and the number of (presumably false) release events emitted."""
    ms: list[float] = []
    events = 0
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        paras = label.get("body_paragraphs") or []
        words = _words(paras)
        if words < 200:
            continue
        pred, t = _timed(
            partial(extract_releases, paras, label.get("published"), title=label.get("title"))
        )
        ms.append(t * 1000.0 / words)
        events += len(pred)
    return {"docs": len(ms), "ms/1kw": statistics.median(ms) if ms else 0.0, "events": events}


# --------------------------------------------------------------------------------------------


def _fmt_table(rows: list[dict]) -> str:
    cols = [
        "set",
        "pages",
        "gold",
        "pred",
        "tp",
        "P",
        "R",
        "F1",
        "artist",
        "kind",
        "status",
        "distractors",
        "ms/1kw",
    ]
    cells = [[c for c in cols]]
    for r in rows:
        cells.append([f"{r[c]:.3f}" if isinstance(r[c], float) else str(r[c]) for c in cols])
    widths = [max(len(row[i]) for row in cells) for i in range(len(cols))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    shared = _shared()
    ap = argparse.ArgumentParser(
        prog="newsspider evaluate releases", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--timebank", type=Path, default=shared / "dev/timex-timebank/timex.jsonl")
    ap.add_argument("--fan-news", type=Path, default=shared / "dev/fan-news")
    ap.add_argument("--fixtures", type=Path, default=REPO / "newsspider/demo")
    ap.add_argument("--real-news", type=Path, default=shared / "dev/real-news")
    ap.add_argument(
        "--news-pages",
        type=Path,
        default=shared / "dev/news-pages",
        help="general news pages: speed and false events of the releases pass",
    )
    ap.add_argument("--no-extracted", action="store_true", help="skip the extract_body input")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses")
    args = ap.parse_args(argv)

    print("(a) date resolution, TimeBank 1.2 single-day expressions")
    if args.timebank.is_file():
        r = eval_timebank(args.timebank, show_errors=40 if args.verbose else 0)
        print(
            f"  expressions {r['n']}  resolved to the gold day {r['correct']}  accuracy {r['accuracy']:.3f}"
        )
        for e in r["errors"]:
            print("   ", e)
    else:
        print(f"  skipped: {args.timebank} not found")
    rn = args.real_news / "labels.jsonl"
    if rn.is_file():
        h = eval_distractor_dates(rn, show_errors=40 if args.verbose else 0)
        print(
            f"  held out: real-news dated phrases (distractor_dates, day precision) {h['n']}  "
            f"resolved to the gold day {h['correct']}  accuracy {h['accuracy']:.3f}"
        )
        for e in h["errors"]:
            print("   ", e)
    print()
    print("(b) release events (match = title + date)")
    rows: list[dict] = []
    misses: list[str] = []
    for name, d in (("real-news", args.real_news), ("fan-news", args.fan_news),
                    ("fixtures", args.fixtures)):
        labels = d / "labels.jsonl"
        if not labels.is_file():
            print(f"  {name}: skipped, {labels} not found")
            continue
        lab, ext = eval_release_set(labels, use_extracted=not args.no_extracted)
        rows.append(lab.row(f"{name}/labelled"))
        misses += lab.misses
        if ext is not None:
            rows.append(ext.row(f"{name}/extracted"))
        else:
            print(
                f"  {name}: extracted-paragraph input unavailable (extract_body missing or failing)"
            )
    if rows:
        print(_fmt_table(rows))
    gen = args.news_pages / "labels.jsonl"
    print()
    if gen.is_file():
        g = eval_speed_general(gen)
        print(
            f"(c) general news ({g['docs']} articles >= 200 words): releases pass median "
            f"{g['ms/1kw']:.2f} ms per 1,000 words, {g['events']} release events emitted"
        )
    else:
        print(f"(c) general news: skipped, {gen} not found")
    if args.verbose and misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
