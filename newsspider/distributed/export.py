"""Per-worker output: each worker of a run appends to its own crash-safe part file.

``NEWSSPIDER_OUTPUT=data/articles.jsonl`` becomes, for worker W, ``data/articles.jsonl.parts/W.jsonl``
(`part_path`); `merge` turns the parts into one file. Every part is a `JsonlWriter` file whose
registered length is kept in the seen-store (``outputs`` table), as for a single output.

Exactly once across workers: judging a record and recording it (after its line is fsynced) is one
exclusive step for all the workers sharing a seen-store (a ``flock`` beside an SQLite store).
A worker killed between the fsync of a line and the store commit leaves one unregistered line at
the end of its part; `reconcile_part` (run by the survivor that reaps the worker, before its
in-flight requests are queued again, and by the worker itself when it reopens the part) judges
such lines again: a line still new is registered, one that meanwhile became a duplicate (another
worker exported the article or a near-copy) is cut from the part.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler

from newsspider.dedup import sketch
from newsspider.exporters import dumps, iter_records, repair_tail
from newsspider.pipelines import DedupExportPipeline
from newsspider.store import SeenStore
from newsspider.urls import normalize_url

logger = logging.getLogger(__name__)

PARTS_SUFFIX = ".parts"


def parts_dir(output: str | Path) -> Path:
    return Path(str(output) + PARTS_SUFFIX)


def part_path(output: str | Path, worker: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in worker)
    return parts_dir(output) / f"{safe}.jsonl"


@contextmanager
def export_lock(state: str | Path) -> Iterator[None]:
    """Cross-process mutual exclusion of judge -> write -> record on one machine's SQLite store."""
    path = Path(str(state) + ".export.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def reconcile_part(store: SeenStore, path: Path, on_change: str = "version") -> tuple[int, int]:
    """Judge the lines of `path` after its registered length; returns (registered, cut)."""
    if not path.exists():
        return 0, 0
    repair_tail(path)
    size = path.stat().st_size
    start = store.output_offset(path)
    if start > size:  # truncated or replaced by hand: register what it holds (idempotent adds)
        for record, end in iter_records(path, 0):
            store.add(record, sketch(record.get("body") or ""), output=path, offset=end)
        store.set_output_offset(path, size)
        return 0, 0
    tail = [rec for rec, _ in iter_records(path, start)]
    if not tail:
        store.set_output_offset(path, size)
        return 0, 0
    kept = cut = 0
    with path.open("rb+") as fh:
        fh.truncate(start)
        fh.seek(start)
        offset = start
        for record in tail:
            sk = sketch(record.get("body") or "")
            key = record.get("url_key") or normalize_url(record["canonical_url"])
            verdict = store.judge(key, record.get("content_hash") or "", sk, on_change)
            fresh = verdict.action == "new" or (
                verdict.action == "update" and int(record.get("version") or 1) == verdict.version)
            if not fresh:
                cut += 1
                continue
            data = dumps(record)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            offset += len(data)
            store.add(record, sk, output=path, offset=offset)
            kept += 1
    if kept or cut:
        logger.warning("%s: %d unregistered records after the last checkpoint registered, %d cut as "
                       "exported meanwhile by another worker", path, kept, cut)
    return kept, cut


class WorkerExportPipeline(DedupExportPipeline):
    """`DedupExportPipeline` for a worker of a run: its own part file, exclusive judge+record."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        # a worker without a state file (in-memory store) still serialises its own exports
        assert self.output is not None, "a worker always has a part file (see addon)"
        self.part: Path = self.output
        self.lock_path: Path = self.state_path or self.part

    def reconcile(self) -> None:
        assert self.store is not None
        with export_lock(self.lock_path):
            reconcile_part(self.store, self.part, self.on_change)
        if self.writer is not None:
            self.writer.offset = self.part.stat().st_size if self.part.exists() else 0

    def process_item(self, item: Any, spider: Any = None) -> Any:
        with export_lock(self.lock_path):
            t0 = time.perf_counter()
            try:
                return super().process_item(item, spider)
            finally:  # how long the fleet's one serial step took (benchmarks/scale_bench.py)
                self.stats.inc_value("newsspider/export_lock_us", int((time.perf_counter() - t0) * 1e6))
