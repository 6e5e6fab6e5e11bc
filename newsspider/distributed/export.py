"""Per-worker output: each worker of a run appends to its own crash-safe part file.

``NEWSSPIDER_OUTPUT=data/articles.jsonl`` becomes, for worker W, ``data/articles.jsonl.parts/W.jsonl``
(`part_path`, set by the add-on); `merge` turns the parts into one file. Every part is written by
the project's export pipeline unchanged (group commit: judge -> one write + fsync -> record, in one
store write transaction, which serialises the workers sharing a store: SQLite ``BEGIN IMMEDIATE``,
PostgreSQL advisory locks on the articles' keys), so an article is exported once across workers.

A worker killed between the fsync of a group and the store commit leaves unregistered lines at the
end of its part. The pipeline's own catch-up (when the part is opened again) registers such lines
without judging them, which is right for one process but not for a run that went on without the
dead worker: another worker may meanwhile have exported the same article (redelivered) or a near
copy. So the survivor that reaps the dead worker first runs `reconcile_part` on its part, under the
part's lock and in one store transaction: lines still new are registered, lines exported meanwhile
are cut from the part.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from newsspider.dedup import signature
from newsspider.exporters import JsonlWriter, dumps, iter_records
from newsspider.urls import normalize_url

logger = logging.getLogger(__name__)

PARTS_SUFFIX = ".parts"


def parts_dir(output: str | Path) -> Path:
    return Path(str(output) + PARTS_SUFFIX)


def part_path(output: str | Path, worker: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in worker)
    return parts_dir(output) / f"{safe}.jsonl"


def reconcile_part(store: Any, path: Path, on_change: str = "version") -> tuple[int, int]:
    """Judge the lines of `path` after its checkpoint; returns (registered, cut)."""
    if not path.exists():
        return 0, 0
    writer = JsonlWriter(path)
    writer.open()  # cuts a torn last line
    try:
        with writer.locked(), store.transaction():
            return _reconcile(store, path, on_change)
    finally:
        writer.close()


def _reconcile(store: Any, path: Path, on_change: str) -> tuple[int, int]:
    size = path.stat().st_size
    start = store.output_offset(path)
    if start > size:  # truncated or replaced by hand: leave it to the pipeline's own catch-up
        return 0, 0
    tail = [rec for rec, _ in iter_records(path, start, size) if rec and rec.get("canonical_url")]
    kept = cut = 0
    with path.open("rb+") as fh:
        fh.truncate(start)
        fh.seek(start)
        offset = start
        for record in tail:
            sig = signature(record.get("body") or "")
            key = record.get("url_key") or normalize_url(record["canonical_url"])
            verdict = store.judge(key, record.get("content_hash") or "", sig, on_change)
            fresh = verdict.action == "new" or (
                verdict.action == "update" and int(record.get("version") or 1) == verdict.version)
            if not fresh:
                cut += 1
                continue
            data = dumps(record)
            fh.write(data)
            offset += len(data)
            store.add(record, sig)
            kept += 1
        fh.flush()
        os.fsync(fh.fileno())
    store.set_output_offset(path, offset)
    if kept or cut:
        logger.warning("%s: %d unregistered records after the last checkpoint registered, %d cut as "
                       "exported meanwhile by another worker", path, kept, cut)
    return kept, cut
