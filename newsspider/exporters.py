"""Crash-safe JSON Lines output.

Scrapy's file feed storage appends without flush/fsync, so a SIGKILL can leave a torn last line
that the next append glues onto (see the project README). `JsonlWriter` instead appends each
record as one ``write()`` of a complete line followed by ``fsync``, and on open truncates a torn
tail left by an earlier crash (reported, never silently kept).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

logger = logging.getLogger(__name__)


@dataclass
class Repair:
    path: Path
    dropped_bytes: int = 0

    def __bool__(self) -> bool:
        return self.dropped_bytes > 0


def dumps(record: dict[str, Any]) -> bytes:
    return orjson.dumps(record) + b"\n"


def repair_tail(path: Path) -> Repair:
    """Truncate a partial last line (no trailing newline) left by a crash."""
    rep = Repair(path)
    if not path.exists():
        return rep
    size = path.stat().st_size
    if size == 0:
        return rep
    with path.open("rb+") as fh:
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return rep
        # walk back to the last newline
        pos, block = size, 64 * 1024
        keep = 0
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                keep = start + idx + 1
                break
            pos = start
        fh.truncate(keep)
        fh.flush()
        os.fsync(fh.fileno())
        rep.dropped_bytes = size - keep
    return rep


def iter_records(path: Path, start: int = 0) -> Iterator[tuple[dict[str, Any], int]]:
    """(record, offset just past its line) for every complete line from byte `start`."""
    with path.open("rb") as fh:
        fh.seek(start)
        offset = start
        for line in fh:
            if not line.endswith(b"\n"):
                break
            offset += len(line)
            if line.strip():
                yield orjson.loads(line), offset


class JsonlWriter:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd: int | None = None
        self.offset = 0
        self.repair = Repair(self.path)

    def open(self) -> Repair:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.repair = repair_tail(self.path)
        if self.repair:
            logger.warning(
                "repaired %s: dropped a partial last line of %d bytes left by an interrupted run",
                self.path, self.repair.dropped_bytes,
            )
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.offset = os.fstat(self._fd).st_size
        return self.repair

    def write(self, record: dict[str, Any]) -> int:
        """Append one record durably; returns the file offset after it."""
        assert self._fd is not None, "open() first"
        data = dumps(record)
        view = memoryview(data)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        os.fsync(self._fd)
        self.offset += len(data)
        return self.offset

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
