"""The shared request queue of a run: small subclasses of scrapy-redis 0.9.1's scheduler, queue and
dupefilter that fix what breaks a multi-worker crawl as shipped:

- fingerprints come from the crawler's request fingerprinter (the project's
  `TrackingStrippedFingerprinter`), so ``utm_*`` variants are fetched once fleet-wide;
- no stats calls with a ``spider`` argument (two ScrapyDeprecationWarnings per request as shipped);
- keys are per run and removed by the run when it is complete, never when one worker stops
  (``SCHEDULER_PERSIST=False`` deleted the shared queue when any worker closed);
- a popped request moves atomically into this worker's in-flight hash and leaves it only when the
  engine is done with it (its items through the pipelines, its new requests queued, or its retry
  queued); a worker whose heartbeat stops is reaped by a survivor, which queues its in-flight
  requests again (`reaper`);
- idle handling: a worker stays open while any worker of the run still has work (queued,
  in flight, or a start() not yet exhausted), then until every other registered worker is done
  too or reaped (so the last one out deletes the run's keys), and polls every
  ``NEWSSPIDER_IDLE_POLL`` seconds (0.2) instead of Scrapy's 5 s heartbeat.

The queue is pickled (as scrapy-redis does): the Redis server must be private to the fleet.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.request import request_from_dict
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from newsspider.distributed import engine_hooks
from newsspider.distributed.context import RUN_KEY_TTL, RunContext, describe

logger = logging.getLogger(__name__)

# KEYS: seen, queue. ARGV: fingerprint, score, data, dont_filter("1"/"0"). Dupefilter + push in one
# step, so a worker killed between them cannot leave a request marked seen but never queued.
PUSH = """
if ARGV[4] == '0' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# KEYS: queue, inflight, seq. Pops the best request into the worker's in-flight hash.
POP = """
local items = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #items == 0 then return false end
redis.call('ZREM', KEYS[1], items[1])
local id = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], id, items[2] .. ':' .. items[1])
return {id, items[1]}
"""
# KEYS: inflight, queue. Moves every in-flight entry back to the queue; returns how many.
REQUEUE = """
local vals = redis.call('HVALS', KEYS[1])
for _, v in ipairs(vals) do
  local i = string.find(v, ':', 1, true)
  redis.call('ZADD', KEYS[2], string.sub(v, 1, i - 1), string.sub(v, i + 1))
end
redis.call('DEL', KEYS[1])
return #vals
"""
# KEYS: queue, workers, seeding. ARGV: in-flight key prefix. 1 when nothing is left anywhere.
RUN_DONE = """
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
if redis.call('SCARD', KEYS[3]) > 0 then return 0 end
for _, w in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  if redis.call('HLEN', ARGV[1] .. w) > 0 then return 0 end
end
return 1
"""


class RunDupeFilter(RFPDupeFilter):
    """scrapy-redis' Redis-set dupefilter with the crawler's request fingerprinter."""

    def __init__(self, server: Any, key: str, fingerprinter: Any, debug: bool = False):
        super().__init__(server, key, debug)
        self.fingerprinter = fingerprinter

    def request_fingerprint(self, request: Request) -> str:
        return str(self.fingerprinter.fingerprint(request).hex())

    def close(self, reason: str = "") -> None:  # the run's cleanup deletes the key, not one worker
        pass


class RunQueue(PriorityQueue):
    """scrapy-redis' priority queue; pop moves the request into the in-flight hash (Lua)."""

    def __init__(self, ctx: RunContext, spider: Spider):
        super().__init__(ctx.redis, spider, ctx.key("queue"), serializer=picklecompat)
        self.ctx = ctx
        self._push = ctx.redis.register_script(PUSH)
        self._pop = ctx.redis.register_script(POP)

    def encode(self, request: Request) -> bytes:
        return picklecompat.dumps(request.to_dict(spider=self.spider))

    def decode(self, data: bytes) -> Request:
        return request_from_dict(picklecompat.loads(data), spider=self.spider)

    def push_unique(self, request: Request, fingerprint: str, seen_key: str) -> bool:
        return bool(self._push(keys=[seen_key, self.key],
                               args=[fingerprint, -request.priority, self.encode(request),
                                     "1" if request.dont_filter else "0"]))

    def pop_inflight(self) -> tuple[bytes, Request] | None:
        got = self._pop(keys=[self.key, self.ctx.inflight_key(), self.ctx.key("seq")])
        if not got:
            return None
        return got[0], self.decode(got[1])


class RunScheduler(Scheduler):
    """The scheduler of a worker of run ``NEWSSPIDER_RUN`` (see the module docstring)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.ctx = RunContext.of(crawler)
        super().__init__(self.ctx.redis, persist=True, idle_before_close=0)
        self.stats = crawler.stats
        self.poll = crawler.settings.getfloat("NEWSSPIDER_IDLE_POLL", 0.2)
        self.held: dict[int, bytes] = {}  # id(request) -> in-flight id
        # the queue was found empty: don't ask Redis again before the next tick or a local push
        # (the engine asks the scheduler after every response; most of those asks found nothing)
        self._empty = False
        self._loop: task.LoopingCall | None = None
        self._requeue = self.ctx.redis.register_script(REQUEUE)
        self._run_done = self.ctx.redis.register_script(RUN_DONE)
        self.reaper: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunScheduler:
        return cls(crawler)

    # -- life cycle ---------------------------------------------------------------------
    def open(self, spider: Spider) -> None:
        from newsspider.distributed.reaper import Reaper

        self.spider = spider
        self.ctx.bind_site(str(getattr(spider, "site_name", None) or spider.name))
        self.queue = RunQueue(self.ctx, spider)
        self.df = RunDupeFilter(self.ctx.redis, self.ctx.key("seen"), self.crawler.request_fingerprinter,
                                debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        r = self.ctx.redis
        pipe = r.pipeline()
        pipe.zadd(self.ctx.key("workers"), {self.ctx.worker: self.ctx.now_ms()})
        pipe.sadd(self.ctx.key("seeding"), self.ctx.worker)
        pipe.srem(self.ctx.key("done"), self.ctx.worker)
        pipe.execute()
        self.reaper = Reaper(self.crawler, self.ctx, self._requeue)
        self.ctx.on_beat(self.reaper.beat)
        engine_hooks.on_request_done(self.crawler, self.request_done)
        self.crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        self._loop = task.LoopingCall(self._tick)
        self._loop.start(self.poll, now=False)
        queued = len(self.queue)
        logger.info("worker %s of run %s (site %s): %d requests queued, Redis %s", self.ctx.worker,
                    self.ctx.run, self.ctx.site, queued, self.ctx.url)

    def close(self, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self.ctx.stop_beats(self.reaper.beat if self.reaper else None)
        r = self.ctx.redis
        back = self._requeue(keys=[self.ctx.inflight_key(), self.queue.key])
        if back:
            logger.warning("%d requests still in flight at close went back to the queue", back)
        pipe = r.pipeline()
        pipe.zrem(self.ctx.key("workers"), self.ctx.worker)
        pipe.srem(self.ctx.key("seeding"), self.ctx.worker)
        pipe.execute()
        if self.run_done():
            if not r.zcard(self.ctx.key("workers")):
                keys = self.ctx.run_keys()
                if keys:
                    r.delete(*keys)
                logger.info("run %s complete: its %d Redis keys deleted", self.ctx.run, len(keys))
        else:
            for key in self.ctx.run_keys():
                r.expire(key, RUN_KEY_TTL)
            logger.info("run %s not complete (%d queued): its keys are kept for a resume", self.ctx.run,
                        len(self.queue))

    # -- queue ----------------------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        fp = self.df.request_fingerprint(request)
        if not self.queue.push_unique(request, fp, self.df.key):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self._empty = False
        return True

    def next_request(self) -> Request | None:
        if self._empty:
            return None
        got = self.queue.pop_inflight()
        if got is None:
            self._empty = True
            return None
        inflight_id, request = got
        self.held[id(request)] = inflight_id
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def request_done(self, request: Request) -> None:
        """The engine is done with a request popped here: drop it from the in-flight hash."""
        inflight_id = self.held.pop(id(request), None)
        if inflight_id is not None:
            self.ctx.redis.hdel(self.ctx.inflight_key(), inflight_id)

    def has_pending_requests(self) -> bool:
        return not self._empty and len(self.queue) > 0

    # -- idle -------------------------------------------------------------------------------
    def run_done(self) -> bool:
        return bool(self._run_done(keys=[self.queue.key, self.ctx.key("workers"), self.ctx.key("seeding")],
                                   args=[self.ctx.key("inflight:")]))

    def spider_idle(self, spider: Spider) -> None:
        """Idle here, but another worker may still add requests: stay open until the run is done,
        and until every other registered worker is done too or reaped. A worker killed at the end
        of the run holding nothing in flight does not keep the run from being done, but only a
        survivor still open when its heartbeat times out reaps it; closing earlier left it
        registered, and the run's keys (the last worker out deletes them) were never deleted."""
        r = self.ctx.redis
        if not self.run_done():
            r.srem(self.ctx.key("done"), self.ctx.worker)
            raise DontCloseSpider
        r.sadd(self.ctx.key("done"), self.ctx.worker)
        others = {describe(w) for w in r.zrange(self.ctx.key("workers"), 0, -1)} - {self.ctx.worker}
        if others - {describe(w) for w in r.smembers(self.ctx.key("done"))}:
            raise DontCloseSpider  # the tick reaps the silent ones after NEWSSPIDER_WORKER_TIMEOUT

    def _tick(self) -> None:
        self.reaper.reap_dead()
        self._empty = False
        engine_hooks.wake(self.crawler)
