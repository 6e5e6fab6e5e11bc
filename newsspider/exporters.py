"""Crash-safe JSON Lines output, written in groups, exactly once with the seen-store.

Scrapy's file feed storage appends without flush/fsync, so a SIGKILL can leave a torn last line
that the next append glues onto (see the project README). Here:

- `JsonlWriter` appends a group of complete lines with one ``write()`` and one ``fsync``; a write
  that fails (disk full, file size limit, I/O error) is cut back to the last good offset, so the
  output never keeps a partial line; a torn tail left by a crashed process is truncated
  (reported). The output must be a regular file (a device such as /dev/full is refused).
- `GroupExport` exports a group of records in one critical section: an exclusive ``flock`` on
  the output (several crawls, e.g. two sites, may append to one file) and one write transaction
  of the seen-store (judge every record, write the new ones, fsync, record them and the output's
  checkpoint, commit). A record counts as exported only after its group is on disk and
  committed. Records found after the store's checkpoint (a process killed between fsync and
  commit) are registered again before anything else is written, so nothing is written twice.
"""

from __future__ import annotations

import fcntl
import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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


class OutputError(Exception):
    """The output cannot be used (one line for the user)."""


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


def iter_records(path: Path, start: int = 0, end: int | None = None
                 ) -> Iterator[tuple[dict[str, Any] | None, int]]:
    """(record, offset just past its line) for every complete line from byte `start` up to
    `end`; a line that is not a JSON object gives (None, offset) (counted by the caller)."""
    with path.open("rb") as fh:
        fh.seek(start)
        offset = start
        for line in fh:
            if not line.endswith(b"\n") or (end is not None and offset + len(line) > end):
                break
            offset += len(line)
            if line.strip():
                try:
                    rec = orjson.loads(line)
                except orjson.JSONDecodeError:
                    rec = None
                yield (rec if isinstance(rec, dict) else None), offset


def check_output_path(path: Path) -> None:
    """Refuse an output that is not a regular file (a device, a FIFO, a directory)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot use output {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"output {path} is not a regular file; give a file path (-o FILE)")


class JsonlWriter:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd: int | None = None
        self.repair = Repair(self.path)

    def open(self) -> Repair:
        """Open for appending (repairing a torn tail under the lock). Raises OutputError."""
        check_output_path(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write output {self.path}: {exc.strerror or exc}") from None
        check_output_path(self.path)
        with self.locked():
            pass
        return self.repair

    @property
    def offset(self) -> int:
        assert self._fd is not None, "open() first"
        return os.fstat(self._fd).st_size

    @contextmanager
    def locked(self) -> Iterator[JsonlWriter]:
        """Exclusive lock on the output (other crawls appending to the same file wait);
        a torn tail left by a crashed writer is cut first."""
        assert self._fd is not None, "open() first"
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            rep = repair_tail(self.path)
            if rep:
                self.repair.dropped_bytes += rep.dropped_bytes
                logger.warning("repaired %s: dropped a partial last line of %d bytes left by an "
                               "interrupted run", self.path, rep.dropped_bytes)
            yield self
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def append(self, data: bytes) -> int:
        """Append complete lines with one write and one fsync (call under `locked()`); returns
        the offset after them. On failure the file is cut back to where it was and the
        OSError is raised."""
        assert self._fd is not None, "open() first"
        start = self.offset
        try:
            view = memoryview(data)
            while view:
                n = os.write(self._fd, view)
                view = view[n:]
            os.fsync(self._fd)
        except OSError:
            try:
                os.ftruncate(self._fd, start)
                os.fsync(self._fd)
            except OSError as exc:  # pragma: no cover - the file is then repaired at the next open
                logger.error("could not cut %s back to %d bytes: %s", self.path, start, exc)
            raise
        return start + len(data)

    def write(self, record: dict[str, Any]) -> int:
        """Append one record durably; returns the file offset after it."""
        with self.locked():
            return self.append(dumps(record))

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@dataclass
class Entry:
    """One record on its way out, and what became of it."""

    record: dict[str, Any]
    sig: bytes
    fetched_urls: list[str] = field(default_factory=list)
    outcome: str = ""  # new | update | duplicate | failed
    reason: str = ""
    duplicate_of: str | None = None
    error: str = ""


@dataclass
class Catchup:
    reregistered: int = 0
    corrupt_lines: int = 0


def _key(record: dict[str, Any]) -> str:
    """The dedup key of a record: its normalised canonical URL."""
    return str(record.get("url_key") or record["canonical_url"])


class GroupExport:
    """Judging, writing and recording groups of records (see the module docstring). Used from
    one thread at a time (the export pipeline's writer thread)."""

    def __init__(self, writer: JsonlWriter | None, store: Any, on_change: str = "version", *,
                 announce: bool = True):
        self.writer = writer
        self.store = store
        self.on_change = on_change
        self.announce = announce  # log re-registered records (not for a throw-away in-memory store)
        self.catchup = Catchup()

    def open(self) -> Repair:
        if self.writer is None:  # no JSON Lines output: judge and remember only
            return Repair(Path(""))
        repair = self.writer.open()
        with self.writer.locked(), self.store.transaction():
            self._catch_up()
        return repair

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if self.writer is None:
            yield
            return
        with self.writer.locked():
            yield

    def _catch_up(self) -> None:
        """Register records written after the store's checkpoint (under the lock, in the
        transaction): a process killed between fsync and commit, or another store's crawl
        appending to the same file."""
        from newsspider.dedup import signature

        if self.writer is None:
            return
        path = self.writer.path
        start = self.store.output_offset(path)
        size = self.writer.offset
        if start == size:
            return
        if start > size:  # the file was truncated or replaced by hand
            start = 0
        n = bad = 0
        for record, end in iter_records(path, start, size):
            if record is None or not record.get("canonical_url"):
                bad += 1
                continue
            self.store.add(record, signature(record.get("body") or ""), output=path, offset=end)
            n += 1
        if n and self.announce:
            logger.warning("re-registered %d records found in %s after the last checkpoint", n, path)
        if bad:
            logger.error("%s: %d unreadable lines after the last checkpoint were skipped (not "
                         "written again; their articles are exported again only if the store "
                         "does not know them)", path, bad)
        self.catchup.reregistered += n
        self.catchup.corrupt_lines += bad
        self.store.set_output_offset(path, size)

    def export(self, entries: list[Entry]) -> OSError | None:
        """Export a group; sets each entry's outcome. Returns the OSError when the group could
        not be written (then none of its records counts as exported)."""
        keys = [k for e in entries for k in self.store.lock_keys(
            _key(e.record), [e.record.get("url", ""), *e.fetched_urls],
            e.record.get("content_hash") or "", e.sig)]
        for attempt in range(5):
            try:
                return self._export(entries, keys)
            except self.store.retryable:
                if attempt == 4:
                    raise
                for e in entries:
                    e.outcome = e.reason = e.error = ""
                    e.duplicate_of = None
        return None  # pragma: no cover

    def _export(self, entries: list[Entry], keys: list[int]) -> OSError | None:
        written: list[Entry] = []
        try:
            with self._locked(), self.store.transaction(keys):
                self._catch_up()
                lines = []
                for e in entries:
                    self._judge(e)
                    if e.outcome in ("new", "update"):
                        try:
                            line = dumps(e.record)
                        except (TypeError, ValueError) as exc:  # e.g. a lone surrogate
                            e.outcome, e.error = "failed", f"cannot serialise: {exc}"
                            continue
                        lines.append(line)
                        written.append(e)
                        self.store.add(e.record, e.sig, fetched_urls=e.fetched_urls)
                if lines and self.writer is not None:
                    end = self.writer.append(b"".join(lines))
                    self.store.set_output_offset(self.writer.path, end)
        except OSError as exc:
            where = self.writer.path if self.writer is not None else "the store"
            for e in written:
                e.outcome, e.error = "failed", f"cannot write {where}: {exc.strerror or exc}"
            return exc
        return None

    def _judge(self, e: Entry) -> None:
        rec = e.record
        verdict = self.store.judge(_key(rec), rec.get("content_hash") or "", e.sig, self.on_change)
        e.reason = verdict.reason
        if verdict.action == "duplicate":
            e.outcome, e.duplicate_of = "duplicate", verdict.duplicate_of
            self.store.mark_fetched(rec.get("url", ""), verdict.duplicate_of or _key(rec))
            for u in e.fetched_urls:
                self.store.mark_fetched(u, verdict.duplicate_of or _key(rec))
            return
        if verdict.action == "update":
            rec["version"] = verdict.version
        e.outcome = verdict.action

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
