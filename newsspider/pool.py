"""Extraction off the reactor thread: a pool of worker processes with a time limit per page.

`ExtractionPool(n, timeout)` keeps `n` worker processes (``NEWSSPIDER_EXTRACT_WORKERS``), each
running `newsspider.extraction.extract_stages` on the jobs it is sent (a page's bytes, its URL,
its profile as a dict: plain picklable data, never a Response). `submit(job)` returns a Deferred
fired on the reactor thread with the result dict, in order of completion. Each worker process
is driven by a thread of its own in the crawl process, which sends it one job at a time and
waits for its stages:

- a page still running after ``timeout`` seconds (``NEWSSPIDER_EXTRACT_TIMEOUT``) is given up:
  its worker is killed (a stage that never returns cannot be interrupted any other way) and
  replaced; the result holds the stages finished before, with ``pool["status"] == "timeout"``;
- a worker that dies under a page (killed, segfault, out of memory) is replaced and the page is
  run again once in the fresh worker; if that one dies too, ``pool["status"] == "lost"``.

Workers are started through a fork server (``spawn`` where there is none), never forked from
the crawl process itself: a fork would copy the running reactor, its threads and its open files
(the site lock among them). They ignore SIGINT (the crawl decides how to stop) and exit when
the crawl process is gone (killed with -9 included), so none is left behind. `close()` (the
pipeline calls it when the spider closes) stops and joins them all.

No Twisted import at module level: worker processes import this module.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

# imported once by the fork server, so that a new worker (after a kill) starts in milliseconds
PRELOAD = ["newsspider.extraction", "newsspider.extract", "newsspider.extract.metadata",
           "newsspider.extract.body", "newsspider.extract.quotes", "newsspider.extract.releases",
           "newsspider.dedup"]
POLL = 0.2  # seconds between checks for close() while a worker is busy
PARENT_CHECK = 0.5  # seconds between a worker's checks that the crawl process is still there


class PoolClosed(RuntimeError):
    pass


def default_workers() -> int:
    return os.cpu_count() or 1


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


_MAIN_LOCK = threading.Lock()


@contextmanager
def _bare_main() -> Iterator[None]:
    """While a worker is started, ``__main__`` is an empty module: multiprocessing would otherwise
    have each worker import the crawl's main module again (a script without a main guard would
    run again in the worker, ``scrapyd.runner`` would load scrapyd and Scrapy into it)."""
    with _MAIN_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK)
        if os.getppid() != parent:  # the fork server (or the crawl) is gone: so is the crawl
            os._exit(3)


def worker_main(conn: Connection) -> None:
    """A worker process: run each job received, send every stage's update, then ``done``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True,
                     name="parent-watch").start()
    from newsspider import extraction
    from newsspider.extraction import extract_stages

    extraction.IN_WORKER = True

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            for update in extract_stages(job):
                conn.send(("stage", update))
        except (EOFError, OSError):  # the crawl side closed the pipe
            return
        except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled…
            conn.send(("stage", {"errors": {"worker": {"type": type(exc).__name__, "message": str(exc)[:500],
                                                       "traceback": ""}}}))
        conn.send(("done", None))


class _Slot:
    """One worker process and the thread that drives it."""

    def __init__(self, pool: ExtractionPool, index: int):
        self.pool = pool
        self.index = index
        self.proc: Any = None
        self.conn: Connection | None = None
        self.pid: int | None = None
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.run, name=f"newsspider-extract-{index}", daemon=True)

    # -- the worker process
    def ensure(self) -> None:
        if self.proc is not None:
            return
        ctx = self.pool.ctx
        mine, theirs = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=worker_main, args=(theirs,), name=f"newsspider-extract-{self.index}",
                           daemon=False)
        with _bare_main():
            proc.start()
        theirs.close()
        self.proc, self.conn, self.pid = proc, mine, proc.pid
        self.pool.started += 1

    def stop(self, kill: bool = False) -> int | None:
        """Stop the worker (ask it to exit, or kill it); its exit code."""
        with self.lock:
            proc, conn = self.proc, self.conn
            self.proc = self.conn = None
        if proc is None or conn is None:
            return None
        if not kill:
            try:
                conn.send(None)
            except OSError:
                kill = True
        if not kill:
            proc.join(2.0)
        if proc.is_alive():
            proc.kill()
        proc.join()
        code = proc.exitcode
        proc.close()
        conn.close()
        return code  # type: ignore[no-any-return]

    # -- the driving thread
    def run(self) -> None:
        pool = self.pool
        try:
            while True:
                task = pool.jobs.get()
                if task is None:
                    break
                job, d = task
                if pool.closing:
                    pool.deliver(d, None)
                    continue
                try:
                    result = self.execute(job)
                except Exception as exc:  # noqa: BLE001 - never lose the Deferred
                    logger.exception("extraction worker %d failed to run a job", self.index)
                    result = {"errors": {}, "skipped": {}, "notes": [],
                              "pool": {"status": "lost", "error": repr(exc), "attempts": 0}}
                pool.deliver(d, result)
        finally:
            self.stop()  # idle here: asked to exit (killed if it does not within 2 s)

    def execute(self, job: dict[str, Any]) -> dict[str, Any]:
        from newsspider.extraction import empty_result

        attempts = 0
        while True:
            attempts += 1
            self.ensure()
            assert self.conn is not None
            result = empty_result()
            status = self.wait(job, result)
            if status == "done":
                result["pool"] = {"status": "done", "attempts": attempts, "pid": self.pid}
                return result
            if status == "timeout" or self.pool.closing:
                self.stop(kill=True)
                result["pool"] = {"status": "timeout" if status == "timeout" else "lost",
                                  "attempts": attempts, "after": self.pool.timeout}
                return result
            # the worker died under the page: replace it, run the page once more
            pid = self.pid
            code = self.stop(kill=True)
            self.pool.died += 1
            logger.warning("extraction worker %s died (exit code %s) on %s; %s", pid, code, job.get("url"),
                           "running the page again in a new worker" if attempts == 1 else "giving up on the page")
            if attempts >= 2:
                result["pool"] = {"status": "lost", "attempts": attempts}
                return result

    def wait(self, job: dict[str, Any], result: dict[str, Any]) -> str:
        """Send the job and collect its stages: "done", "timeout" or "died"."""
        from newsspider.extraction import merge

        conn = self.conn
        assert conn is not None
        try:
            conn.send(job)
        except OSError:
            return "died"
        # time waited, counted in steps of at most 2 x POLL: while the crawl process is stopped
        # (SIGSTOP, Ctrl-Z) this thread does not run and the page's time does not run either;
        # a result already in the pipe is always read before the page can time out
        limit = self.pool.timeout if self.pool.timeout > 0 else float("inf")
        waited = 0.0
        while True:
            started = time.monotonic()
            try:
                ready = conn.poll(max(0.0, min(limit - waited, POLL)))
                if ready:
                    kind, update = conn.recv()
            except (EOFError, OSError):
                return "died"
            if ready:
                if kind == "done":
                    return "done"
                merge(result, update)
                continue
            waited += min(time.monotonic() - started, 2 * POLL)
            if waited >= limit:
                return "timeout"
            if self.pool.closing:
                return "died"


class ExtractionPool:
    """`n` extraction worker processes; see the module's docstring."""

    def __init__(self, workers: int, timeout: float = 20.0, reactor: Any = None):
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.n = workers
        self.timeout = float(timeout)
        self.ctx = _context()
        self.jobs: queue.SimpleQueue[tuple[dict[str, Any], Deferred] | None] = queue.SimpleQueue()
        self.slots = [_Slot(self, i) for i in range(workers)]
        self.closing = False
        self.started = 0  # worker processes started (replacements included)
        self.died = 0  # worker processes that died under a page
        self._reactor = reactor

    @property
    def reactor(self) -> Any:
        if self._reactor is None:
            from twisted.internet import reactor

            self._reactor = reactor
        return self._reactor

    def start(self) -> ExtractionPool:
        for slot in self.slots:
            slot.thread.start()
        return self

    def pids(self) -> list[int]:
        return [s.pid for s in self.slots if s.pid is not None and s.proc is not None]

    def submit(self, job: dict[str, Any]) -> Deferred:
        """The result of `job` (a Deferred fired on the reactor thread)."""
        from twisted.internet.defer import Deferred, fail

        if self.closing:
            return fail(PoolClosed("the extraction pool is closed"))
        d: Deferred = Deferred()
        self.jobs.put((job, d))
        return d

    def deliver(self, d: Deferred, result: dict[str, Any] | None) -> None:
        if result is None:
            self.reactor.callFromThread(d.errback, PoolClosed("the extraction pool is closed"))
        else:
            self.reactor.callFromThread(d.callback, result)

    def close(self, wait: float = 10.0) -> None:
        """Stop every worker (jobs still queued fail with `PoolClosed`) and join them."""
        if self.closing:
            return
        self.closing = True
        for _ in self.slots:
            self.jobs.put(None)
        deadline = time.monotonic() + wait
        for slot in self.slots:
            if slot.thread.is_alive():
                slot.thread.join(max(0.0, deadline - time.monotonic()))
        for slot in self.slots:  # a thread that did not stop in time: its worker goes anyway
            slot.stop(kill=True)
