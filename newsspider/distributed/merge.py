"""``newsspider merge``: the part files of a multi-worker crawl -> one JSON Lines file.

Why part files and not PostgreSQL as the sink of record: a record is 10-50 KB (body, HTML, quotes),
the seen-store keeps ~1 KB of keys per article; appending a line to a local file and fsyncing it
costs a fraction of shipping it to a database, the crash-safe writer and its recovery already exist,
and the same design works with the embedded SQLite store. The seen-store stays the judge (every
article is recorded once, with the part and length it was written to); the parts are the storage.

The merge reads every complete line of every part (a torn last line left by a killed worker is
skipped), keeps the first copy of each (canonical_url, version) -- with an exactly-once store
there are none to drop, and the count is reported -- and writes them ordered by ``fetched_at``
(ties: part name, position in the part), atomically (a temporary file renamed over the output).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson

from newsspider.distributed.export import PARTS_SUFFIX, parts_dir


@dataclass
class MergeResult:
    output: Path
    parts: int
    records: int
    duplicates: int
    partial_lines: int


def find_parts(paths: Iterable[str | Path]) -> list[Path]:
    """Part files from files, ``*.parts`` folders, or an output path whose ``.parts`` folder exists."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(p.glob("*.jsonl")))
        elif p.is_file():
            found.append(p)
        elif parts_dir(p).is_dir():
            found.extend(sorted(parts_dir(p).glob("*.jsonl")))
    return found


def _lines(path: Path) -> tuple[list[bytes], int]:
    data = path.read_bytes()
    lines = data.split(b"\n")
    partial = 1 if lines and lines[-1] else 0
    return [ln for ln in lines[:-1] if ln.strip()], partial


def merge(parts: list[Path], output: str | Path) -> MergeResult:
    output = Path(output)
    rows: list[tuple[str, str, int, bytes]] = []
    seen: set[tuple[str, int]] = set()
    dups = partial = 0
    for part in parts:
        lines, torn = _lines(part)
        partial += torn
        for pos, line in enumerate(lines):
            rec = orjson.loads(line)
            key = (rec.get("url_key") or rec.get("canonical_url") or rec.get("url") or "", int(rec.get("version") or 1))
            if key in seen:
                dups += 1
                continue
            seen.add(key)
            rows.append((str(rec.get("fetched_at") or ""), part.name, pos, line))
    rows.sort(key=lambda r: r[:3])
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.merge-{os.getpid()}")
    with tmp.open("wb") as fh:
        for row in rows:
            fh.write(row[3] + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, output)
    return MergeResult(output, len(parts), len(rows), dups, partial)


def default_output(paths: list[str]) -> Path | None:
    """``X.parts`` (or a part inside it) -> ``X``."""
    for raw in paths:
        p = Path(raw)
        folder = p if p.is_dir() else p.parent
        if folder.name.endswith(PARTS_SUFFIX):
            return folder.with_name(folder.name[: -len(PARTS_SUFFIX)])
        if not p.exists() and parts_dir(p).is_dir():
            return p
    return None
