"""Subprocess of tests/test_store_reads.py (one Twisted reactor per process).

    python reactor_probe.py STATE seen|conditional

Builds newsspider's SeenFilterMiddleware or ConditionalRequestMiddleware on a real crawler with
NEWSSPIDER_STATE=STATE (a PostgreSQL store prepared by the test), then, from another database
session, takes an ACCESS EXCLUSIVE lock on the table the middleware reads (urls / validators), so
the middleware's store read has to wait for it. The lock is released by whichever comes first:
- the reactor: a LoopingCall that sees the middleware's session waiting on the lock releases it.
  It can only run if the reactor is free while the read waits;
- a watchdog thread after WATCHDOG seconds (the reactor was blocked by the read).
Prints one JSON line: who released the lock, what the middleware returned, and the thread the
store was read on.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import sys
import threading
from typing import Any

from scrapy.utils.reactor import install_reactor

install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from scrapy import Request, signals  # noqa: E402
from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402
from twisted.internet import reactor, task  # noqa: E402
from twisted.internet.defer import Deferred  # noqa: E402

from newsspider.middlewares import ConditionalRequestMiddleware, SeenFilterMiddleware  # noqa: E402
from newsspider.store.postgresql import split_url  # noqa: E402

WATCHDOG = 10.0
KNOWN = "https://fan.example/news/known-story"
NEW = "https://fan.example/news/new-story"
FEED = "https://fan.example/feed.xml"


def main() -> None:
    state, which = sys.argv[1], sys.argv[2]
    dsn, schema = split_url(state)
    assert schema, "the probe needs a schema of its own"
    crawler = get_crawler(settings_dict={"NEWSSPIDER_STATE": state})
    mw: Any = (SeenFilterMiddleware if which == "seen" else ConditionalRequestMiddleware).from_crawler(crawler)
    table = "urls" if which == "seen" else "validators"

    holder = psycopg.connect(dsn)  # a transaction of its own (autocommit off)
    holder.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
    holder.execute(sql.SQL("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE").format(sql.Identifier(table)))
    release_lock = threading.Lock()
    out: dict[str, Any] = {"released_by": None, "read_threads": []}

    def release(by: str) -> None:
        with release_lock:
            if out["released_by"] is None:
                out["released_by"] = by
                holder.rollback()

    watchdog = threading.Timer(WATCHDOG, release, ("watchdog",))
    watchdog.daemon = True
    watchdog.start()

    # the thread the store is read on: wrap the store's query method
    reads = getattr(mw, "reads", None)  # the middlewares before the reads moved had `store`
    store = reads.store if reads is not None else mw.store
    inner = store._x

    def traced(*args: Any, **kwargs: Any) -> Any:
        out["read_threads"].append(threading.current_thread().name)
        return inner(*args, **kwargs)

    store._x = traced
    out["reactor_thread"] = threading.current_thread().name

    # a separate session that watches for a waiting lock request on the table
    watcher = psycopg.connect(dsn, autocommit=True)

    def release_if_waiting() -> None:
        row = watcher.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT l.granted AND c.relname = %s AND n.nspname = %s", (table, schema)).fetchone()
        if row and row[0]:
            release("reactor")

    looping = task.LoopingCall(release_if_waiting)
    looping.start(0.02)

    async def run() -> None:
        if which == "seen":
            response = HtmlResponse("https://fan.example/news/", body=b"<html></html>", encoding="utf-8")

            async def output() -> Any:
                for url in (KNOWN, NEW):
                    yield Request(url, meta={"article": True})

            process = getattr(mw, "process_spider_output_async", mw.process_spider_output)
            kept = [r.url async for r in process(response, output())]
            out["kept"] = kept
        else:
            request = Request(FEED, meta={"conditional": True})
            done = mw.process_request(request)
            if inspect.isawaitable(done):
                await done
            out["if_none_match"] = (request.headers.get(b"If-None-Match") or b"").decode()

    def finished(result: Any) -> None:
        looping.stop()
        crawler.signals.send_catch_log(signal=signals.spider_closed, spider=None, reason="finished")
        out["closed"] = (reads.store if reads is not None else mw.store) is None
        reactor.stop()  # type: ignore[attr-defined]

    def failed(failure: Any) -> None:
        out["error"] = repr(failure.value)
        finished(None)

    d = Deferred.fromFuture(asyncio.ensure_future(run()))
    d.addCallbacks(finished, failed)
    reactor.run()  # type: ignore[attr-defined]
    watchdog.cancel()
    release("end")
    holder.close()
    watcher.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
