"""The seen-store reads of a crawl, off Scrapy's reactor thread.

A store query is a disk read (SQLite) or a network round trip (PostgreSQL), and a PostgreSQL
read can wait on another session's lock (a bulk load, a schema change, a long transaction of
another machine); made on the reactor thread it stops every download, callback and timer of the
process meanwhile. `StoreThread` owns one store connection and uses it only from one dedicated
thread: ``await reads.call(fn, *args)`` runs ``fn(store, *args)`` there and resumes the caller
on the reactor with the result. One per crawler (`StoreThread.of`), shared by the middlewares
that read the store; the export pipeline has its own connection and writer thread.

One thread per connection: a SQLite connection is opened with ``check_same_thread=False`` and
used by one thread at a time, a psycopg connection is never used by two threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from newsspider.store import SqlStore, open_store

T = TypeVar("T")
ATTR = "_newsspider_store_thread"


def _daemon_thread(*args: Any, **kwargs: Any) -> threading.Thread:
    # a process stopped abruptly must not hang at exit on a read that waits for a lock
    return threading.Thread(*args, daemon=True, **kwargs)


class OwnThread:
    """A Twisted thread pool of one daemon thread, for work that must leave the reactor thread
    but stay on one thread (a store connection, an output file). Stopped once: by `stop` or at
    reactor shutdown (a run stopped before its close, Ctrl-C twice), whichever comes first;
    stopping a ThreadPool twice raises AlreadyQuit."""

    def __init__(self, name: str):
        from twisted.internet import reactor
        from twisted.python.threadpool import ThreadPool

        pool: Any = ThreadPool(1, 1, name=name)
        pool.threadFactory = _daemon_thread
        pool.start()
        self.pool: Any = pool
        core: Any = reactor  # IReactorCore's stubs declare `self` as a parameter
        self._trigger: Any = core.addSystemEventTrigger("during", "shutdown", self.stop)

    def run(self, fn: Callable[..., T], *args: Any) -> Any:
        """A Deferred of ``fn(*args)`` run on the thread, fired on the reactor."""
        from twisted.internet import reactor
        from twisted.internet.threads import deferToThreadPool

        return deferToThreadPool(reactor, self.pool, fn, *args)  # type: ignore[arg-type]

    def stop(self) -> None:
        """Stop the thread (after the work in progress) and forget the shutdown trigger."""
        pool, self.pool = self.pool, None
        if self._trigger is not None:
            from twisted.internet import reactor

            core: Any = reactor
            try:
                core.removeSystemEventTrigger(self._trigger)
            except (KeyError, ValueError):  # already running (called by the trigger itself)
                pass
            self._trigger = None
        if pool is not None:
            pool.stop()


class StoreThread:
    """One store connection used from one thread of its own (see the module docstring)."""

    def __init__(self, spec: str):
        # opened here, at the crawl's start, so that a store that cannot be opened fails the
        # run before it fetches anything (as before the reads moved to the thread)
        self.store: SqlStore | None = open_store(spec)
        self._thread: OwnThread | None = None

    @classmethod
    def of(cls, crawler: Any) -> StoreThread | None:
        """The crawler's shared instance (None without NEWSSPIDER_STATE); closed at spider_closed."""
        spec = crawler.settings.get("NEWSSPIDER_STATE")
        if not spec:
            return None
        reads: StoreThread | None = getattr(crawler, ATTR, None)
        if reads is None:
            from scrapy import signals

            reads = cls(str(spec))
            setattr(crawler, ATTR, reads)
            crawler.signals.connect(reads.close, signal=signals.spider_closed)
        return reads

    def _start(self) -> Any:
        self._thread = OwnThread("newsspider-store-reads")
        return self._thread
    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(store, *args)`` in the store's thread; the caller resumes on the reactor."""
        from scrapy.utils.defer import maybe_deferred_to_future

        if self.store is None:
            raise RuntimeError("the seen-store is closed")
        thread = self._thread or self._start()
        return await maybe_deferred_to_future(thread.run(fn, self.store, *args))

    def _stop_pool(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.stop()  # waits for a read in progress: the connection is closed after it

    def close(self) -> None:
        self._stop_pool()
        if self.store is not None:
            self.store.close()
            self.store = None
