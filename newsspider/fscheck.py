"""Checks on the files a crawl writes, before it starts: one line saying what to do, no traceback.

- the output must be a regular file (or not exist yet): ``-o /dev/full`` or a FIFO would be read
  back for crash recovery (``/dev/full`` reads zeros forever: the process grew until the OOM
  killer ended it) and cannot hold records anyway;
- the output's and the seen-store's folders must be writable (a read-only ``data/``);
- an existing seen-store must be a readable SQLite database (a corrupt ``seen.sqlite``).

`StateCheck` (an extension, built before Scrapy opens any middleware or pipeline) runs them for
``scrapy crawl`` / scrapyd: on a problem it logs one error line and stops the process with exit
status 2, as a bad spider argument does. The CLI runs them itself and prints ``newsspider: error:``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `extract -o FILE` checks its output here: no Scrapy import for that
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def _writable_dir(folder: Path) -> str | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def output_problem(path: str | Path) -> str | None:
    """Why the JSON Lines output at `path` cannot be used, or None."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"cannot use output {p}: {exc.strerror}"
    if st is not None and not stat.S_ISREG(st.st_mode):
        return f"output {p} is not a regular file; give a file path (-o FILE)"
    why = _writable_dir(p.parent)
    if why:
        return f"cannot write to {p.parent}/ ({why}); give another output with -o, or fix its permissions"
    if st is not None:
        try:
            with p.open("ab"):
                pass
        except OSError as exc:
            return f"cannot append to output {p} ({exc.strerror}); give another output with -o"
    return None


def state_problem(path: str | Path) -> str | None:
    """Why the seen-store at `path` cannot be used, or None."""
    p = Path(path)
    why = _writable_dir(p.parent)
    if why:
        return (f"cannot write the seen-store folder {p.parent}/ ({why}); give another with --state "
                "(NEWSSPIDER_STATE), or fix its permissions")
    if not p.exists():
        return None
    if not p.is_file():
        return f"seen-store {p} is not a regular file; give a file path with --state (NEWSSPIDER_STATE)"
    try:
        db = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            db.execute("PRAGMA quick_check(1)").fetchone()
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return (f"seen-store {p} is unreadable ({exc}); move it aside (the crawl then starts a new "
                "one and re-reads the output), or start over with --reset-state")
    if not os.access(p, os.W_OK):
        return f"seen-store {p} is read-only; give another with --state, or fix its permissions"
    return None


def crawl_problems(output: str | Path | None, state: str | Path | None) -> list[str]:
    out = []
    if output:
        out.append(output_problem(output))
    if state and not str(state).startswith(("postgresql:", "postgres:")):  # a PostgreSQL store: no file
        out.append(state_problem(state))
    return [x for x in out if x]


class StateCheck:
    """Extension: refuse to start a crawl whose output or seen-store is unusable (see above)."""

    def __init__(self, crawler: Crawler):
        s = crawler.settings
        uses_export = "newsspider.pipelines.DedupExportPipeline" in (s.getdict("ITEM_PIPELINES") or {}) \
            and s.getdict("ITEM_PIPELINES").get("newsspider.pipelines.DedupExportPipeline") is not None
        problems = crawl_problems(s.get("NEWSSPIDER_OUTPUT") if uses_export else None,
                                  s.get("NEWSSPIDER_STATE") or None)
        if problems:
            for message in problems:
                logger.error("%s", message)
            raise SystemExit(2)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StateCheck:
        return cls(crawler)
