"""A spider middleware that tells the run when this worker's ``start()`` is exhausted.

Every worker runs the spider's own async ``start()`` (the project's feeds, sitemaps and listing
pages; scrapy-redis' ``start_requests()`` hook is not used, Scrapy no longer calls it); the shared
dupefilter queues each start request once. Until a worker's ``start()`` is exhausted it stays in
the run's ``seeding`` set, so no worker takes an empty queue for the end of the run while start
requests may still come.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy.crawler import Crawler

from newsspider.distributed.context import RunContext


class SeedingMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeedingMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in start:
            yield item_or_request
        ctx = RunContext.of(self.crawler)
        if ctx.site:
            ctx.redis.srem(ctx.key("seeding"), ctx.worker)
