"""What a report shows, computed from JSON Lines output files and run logs (no HTML here)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COVERAGE_FIELDS = ("title", "authors", "published", "description", "section", "language", "images",
                   "quotes", "releases", "tags")


class ReportError(Exception):
    """One-line reason a report cannot be made."""


@dataclass
class Inputs:
    records: list[dict[str, Any]] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _lines(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or not line.endswith(b"\n"):
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                raise ReportError(f"{path}:{n}: not a JSON line") from None
            if isinstance(obj, dict):
                out.append(obj)
    return out


def load(paths: list[Path]) -> Inputs:
    """Article records and run-log lines from the given files (each file may be either)."""
    inputs = Inputs()
    for path in paths:
        if not path.is_file():
            raise ReportError(f"no such file: {path}")
        for obj in _lines(path):
            if "finish_reason" in obj and "url" not in obj:
                inputs.runs.append(obj)
            elif "url" in obj and "title" in obj:
                inputs.records.append(obj)
        inputs.files.append(str(path))
    return inputs


def only_run(inputs: Inputs, run_id: str) -> Inputs:
    """The records written by one run and that run's log line (a report per run)."""
    records = [r for r in inputs.records if r.get("run_id") == run_id]
    runs = [r for r in inputs.runs if r.get("run_id") == run_id]
    if not records and not runs:
        known = sorted({str(r.get("run_id")) for r in inputs.runs + inputs.records if r.get("run_id")})
        raise ReportError(f"no run {run_id!r} in {', '.join(inputs.files)}"
                          f"{'; runs there: ' + ', '.join(known[-5:]) if known else ''}")
    return Inputs(records, runs, [*inputs.files, f"run {run_id}"])


def day_of(rec: dict[str, Any]) -> str | None:
    for key in ("published", "fetched_at"):
        value = rec.get(key)
        if isinstance(value, str) and len(value) >= 10:
            return value[:10]
    return None


def per_site_and_day(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter((rec.get("site") or "?", day_of(rec)) for rec in records if day_of(rec))
    return [{"site": site, "day": day, "articles": n} for (site, day), n in sorted(counts.items(), key=str)]


def coverage(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    total = len(records) or 1
    return [{"field": name, "share": round(sum(1 for r in records if r.get(name)) / total, 4),
             "records": sum(1 for r in records if r.get(name))} for name in COVERAGE_FIELDS]


def errors_by_kind(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str]] = Counter()
    for run in runs:
        for kind, n in (run.get("errors") or {}).items():
            counts[("error", kind)] += int(n)
        for kind, n in (run.get("dropped") or {}).items():
            counts[("dropped", kind)] += int(n)
        if run.get("robots_forbidden"):
            counts[("refused", "robots_forbidden")] += int(run["robots_forbidden"])
    return [{"group": g, "kind": k, "count": n} for (g, k), n in counts.most_common()]


def slowest(runs: list[dict[str, Any]], n: int = 10) -> list[dict[str, Any]]:
    best: dict[str, float] = {}
    for run in runs:
        for item in run.get("slowest") or []:
            url, sec = item.get("url"), item.get("seconds")
            if isinstance(url, str) and isinstance(sec, (int, float)):
                best[url] = max(sec, best.get(url, 0.0))
    return [{"url": u, "seconds": s} for u, s in sorted(best.items(), key=lambda x: -x[1])[:n]]


def totals(inputs: Inputs) -> dict[str, Any]:
    runs = inputs.runs
    by_site: dict[str, int] = defaultdict(int)
    for rec in inputs.records:
        by_site[rec.get("site") or "?"] += 1
    return {
        "articles": len(inputs.records),
        "sites": dict(sorted(by_site.items())),
        "quotes": sum(len(r.get("quotes") or []) for r in inputs.records),
        "releases": sum(len(r.get("releases") or []) for r in inputs.records),
        "runs": len(runs),
        "pages_fetched": sum(int(r.get("pages_fetched") or 0) for r in runs),
        "duplicates": sum(int(r.get("articles_duplicate") or 0) for r in runs),
        "known_skipped": sum(int(r.get("known_skipped") or 0) for r in runs),
        "errors": sum(sum((r.get("errors") or {}).values()) for r in runs),
    }
