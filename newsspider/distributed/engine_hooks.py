"""The two places where a worker needs more of Scrapy's engine than its public API gives.

Both use the engine's private slot (``crawler.engine._slot``, Scrapy 2.13-2.19); they are kept here,
in one module, and `tests/test_distributed_units.py` fails when Scrapy changes them.

- `on_request_done`: the engine calls ``_slot.remove_request(request)`` once it is completely done
  with a request it got from the scheduler: the response went through the spider callback and
  every item it produced through the item pipelines, or its retry/redirect was scheduled. That is
  the moment a worker may forget the request (drop it from its in-flight set).
- `wake`: ask the engine to look at the scheduler now (it otherwise re-polls an empty scheduler
  only on its 5 s heartbeat).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler


def _slot(crawler: Crawler) -> Any:
    engine = crawler.engine
    slot = getattr(engine, "_slot", None) if engine is not None else None
    if slot is None or not hasattr(slot, "remove_request") or not hasattr(slot, "nextcall"):
        raise RuntimeError("this Scrapy version's engine has no _slot.remove_request/nextcall; "
                           "newsspider.distributed.engine_hooks needs updating")
    return slot


def on_request_done(crawler: Crawler, callback: Callable[[Request], None]) -> None:
    slot = _slot(crawler)
    original = slot.remove_request

    def remove_request(request: Request) -> None:
        try:
            callback(request)
        finally:
            original(request)

    slot.remove_request = remove_request


def wake(crawler: Crawler) -> None:
    engine = crawler.engine
    slot = getattr(engine, "_slot", None) if engine is not None else None
    if slot is not None and slot.closing is None:
        slot.nextcall.schedule()
