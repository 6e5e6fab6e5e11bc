"""Per-process view of a distributed run: settings, Redis client, key names, worker heartbeat.

Keys (prefix ``NEWSSPIDER_REDIS_PREFIX``, default ``newsspider``; SITE is the profile name, RUN the
run id shared by every worker of one crawl):

    P:lease:SITE                    the site lease (owner = run id), see `lease`
    P:SITE:RUN:queue                zset of queued requests (score = -priority)
    P:SITE:RUN:seen                 set of request fingerprints (the shared dupefilter)
    P:SITE:RUN:workers              zset worker -> last heartbeat (ms, Redis clock)
    P:SITE:RUN:seeding              set of workers whose spider start() is not exhausted yet
    P:SITE:RUN:inflight:WORKER      hash id -> "score:request" popped by that worker, not done yet
    P:SITE:RUN:seq                  counter for in-flight ids
    P:SITE:RUN:reaping:WORKER       short lock held by the survivor reaping a dead worker
    P:SITE:RUN:done                 set of workers idle in a complete run, waiting for the others

Run keys are deleted by the last worker when the run is complete; a run that stops unfinished
(every worker killed or shut down) keeps them for a week, so starting workers with the same run
id resumes it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

if TYPE_CHECKING:
    import redis

logger = logging.getLogger(__name__)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
RUN_KEY_TTL = 7 * 24 * 3600  # an abandoned run's keys vanish after a week
CONTEXT_ATTR = "_newsspider_run_context"


def redis_url(settings: BaseSettings) -> str:
    """The Redis server of the fleet: NEWSSPIDER_REDIS_URL, or the local default for a run."""
    url = settings.get("NEWSSPIDER_REDIS_URL") or ""
    if not url and settings.get("NEWSSPIDER_RUN"):
        url = DEFAULT_REDIS_URL
    return str(url)


def redis_client(url: str) -> redis.Redis:
    import redis

    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10,
                                health_check_interval=30)


def default_worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class RunContext:
    """One per crawler (``RunContext.of(crawler)``): what the scheduler, the lease, the start
    middleware and the export pipeline of a worker share."""

    def __init__(self, settings: BaseSettings):
        self.url = redis_url(settings)
        self.prefix = str(settings.get("NEWSSPIDER_REDIS_PREFIX") or "newsspider")
        self.run = str(settings.get("NEWSSPIDER_RUN") or "")
        self.worker = str(settings.get("NEWSSPIDER_WORKER") or default_worker_name())
        self.worker_timeout = settings.getfloat("NEWSSPIDER_WORKER_TIMEOUT", 10.0)
        self.site = ""
        self.redis = redis_client(self.url)
        self._beats: list[Callable[[], None]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._beat_redis: redis.Redis | None = None

    @classmethod
    def of(cls, crawler: Crawler) -> RunContext:
        ctx = getattr(crawler, CONTEXT_ATTR, None)
        if ctx is None:
            ctx = cls(crawler.settings)
            setattr(crawler, CONTEXT_ATTR, ctx)
        return ctx

    # -- keys ---------------------------------------------------------------------------
    def bind_site(self, site: str) -> None:
        self.site = site

    def key(self, name: str) -> str:
        assert self.site, "bind_site() first"
        return f"{self.prefix}:{self.site}:{self.run}:{name}"

    def inflight_key(self, worker: str | None = None) -> str:
        return self.key(f"inflight:{worker or self.worker}")

    def lease_key(self, site: str) -> str:
        return f"{self.prefix}:lease:{site}"

    def run_keys(self) -> list[str]:
        """Every key of this run (for cleanup)."""
        pattern = self.key("*")
        return [k.decode() if isinstance(k, bytes) else k for k in self.redis.scan_iter(pattern, count=500)]

    def now_ms(self) -> int:
        sec, usec = self.redis.time()
        return int(sec) * 1000 + int(usec) // 1000

    # -- heartbeat thread ------------------------------------------------------------------
    def on_beat(self, fn: Callable[[], None]) -> None:
        """Call `fn` about once a second from the heartbeat thread (its own Redis connection via
        `beat_redis`). A thread, not the reactor: a worker busy extracting a big page still beats,
        so it is not taken for dead."""
        self._beats.append(fn)
        if self._thread is None:
            self._beat_redis = redis_client(self.url)
            self._thread = threading.Thread(target=self._loop, name="newsspider-heartbeat", daemon=True)
            self._thread.start()

    @property
    def beat_redis(self) -> redis.Redis:
        return self._beat_redis or self.redis

    def beat_interval(self) -> float:
        return max(0.2, min(1.0, self.worker_timeout / 5))

    def _loop(self) -> None:
        interval = self.beat_interval()
        while not self._stop.is_set():
            for fn in list(self._beats):
                try:
                    fn()
                except Exception as exc:  # noqa: BLE001 - a Redis hiccup must not kill the thread
                    logger.warning("heartbeat: %r", exc)
            self._stop.wait(interval)

    def stop_beats(self, fn: Callable[[], None] | None = None) -> None:
        if fn is not None and fn in self._beats:
            self._beats.remove(fn)
        if (fn is None or not self._beats) and self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=5)
            self._thread = None

    def close(self) -> None:
        self.stop_beats()
        for client in (self.redis, self._beat_redis):
            if client is not None:
                client.close()


def describe(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def wall_ms() -> int:
    return int(time.time() * 1000)
