"""Per-domain politeness shared by the whole fleet: N workers never hit a site N times harder.

A downloader middleware placed last before the download handler (order 950) takes, for every
request, a *token* and a *slot* for the request's host from Redis (one Lua call, Redis clock):
- tokens: a token bucket per host refilled at ``NEWSSPIDER_FLEET_RATE`` requests per second
  (default ``1 / DOWNLOAD_DELAY`` when a delay is set, else no rate limit), burst 1;
- slots: at most ``NEWSSPIDER_FLEET_CONCURRENCY`` requests per host in flight fleet-wide
  (default ``CONCURRENT_REQUESTS_PER_DOMAIN``); a slot is released when the response or the
  download error comes back, and expires after ``DOWNLOAD_TIMEOUT`` + 30 s if its worker died.
When neither is free the request waits (an asyncio sleep for the time Redis says, never a busy
loop) and asks again. Each worker's own Scrapy limits (and AutoThrottle) still apply on top.
Enabled for every crawl that has a Redis server (``NEWSSPIDER_REDIS_URL`` or ``NEWSSPIDER_RUN``).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response

from newsspider.distributed.context import RunContext

logger = logging.getLogger(__name__)

# KEYS: bucket hash, slots zset. ARGV: rate (tokens/s, 0 = none), max slots (0 = none), member,
# slot ttl ms. Returns 0 when granted, else how many ms to wait before asking again.
ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local maxslots = tonumber(ARGV[2])
if maxslots > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= maxslots then return 20 end
end
if rate > 0 then
  local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
  local tokens = tonumber(b[1]) or 1
  local ts = tonumber(b[2]) or now
  tokens = math.min(1, tokens + (now - ts) * rate / 1000)
  if tokens < 1 then
    redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
    return math.max(1, math.ceil((1 - tokens) * 1000 / rate))
  end
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'ts', now)
  redis.call('PEXPIRE', KEYS[1], 3600000)
end
if maxslots > 0 then
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[2], 3600000)
end
return 0
"""
SLOT_META = "_newsspider_fleet_slot"


class FleetPoliteness:
    def __init__(self, crawler: Crawler):
        s = crawler.settings
        self.ctx = RunContext.of(crawler)
        self.stats = crawler.stats
        rate = s.getfloat("NEWSSPIDER_FLEET_RATE", 0.0)
        delay = s.getfloat("DOWNLOAD_DELAY", 0.0)
        self.rate = rate if rate > 0 else (1.0 / delay if delay > 0 else 0.0)
        self.max_slots = s.getint("NEWSSPIDER_FLEET_CONCURRENCY", 0) or s.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 8)
        self.slot_ttl_ms = int((s.getfloat("DOWNLOAD_TIMEOUT", 180) + 30) * 1000)
        self._acquire = self.ctx.redis.register_script(ACQUIRE)
        self._ids = itertools.count()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FleetPoliteness:
        return cls(crawler)

    def _keys(self, request: Request) -> tuple[str, list[str]]:
        host = (urlsplit(request.url).hostname or "").lower()
        return host, [f"{self.ctx.prefix}:fleet:rate:{host}", f"{self.ctx.prefix}:fleet:slots:{host}"]

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host, keys = self._keys(request)
        member = f"{self.ctx.worker}:{next(self._ids)}"
        waited = 0.0
        while True:
            wait_ms = int(self._acquire(keys=keys, args=[self.rate, self.max_slots, member, self.slot_ttl_ms]))
            if wait_ms <= 0:
                break
            waited += wait_ms / 1000
            await asyncio.sleep(wait_ms / 1000)
        request.meta[SLOT_META] = (keys[1], member)
        if waited:
            self.stats.inc_value("newsspider/fleet/waited_ms", int(waited * 1000))
        return None

    def _release(self, request: Request) -> None:
        slot = request.meta.pop(SLOT_META, None)
        if slot is not None and self.max_slots > 0:
            self.ctx.redis.zrem(slot[0], slot[1])

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: BaseException, spider: Spider | None = None) -> None:
        self._release(request)
        return None
