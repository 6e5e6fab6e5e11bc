"""Heartbeats and the reaping of dead workers.

Every worker writes its heartbeat (Redis time, ms) into the run's ``workers`` zset from its
heartbeat thread. Once a second each worker looks for workers whose heartbeat is older than
``NEWSSPIDER_WORKER_TIMEOUT`` (10 s); the first to take the ``reaping:W`` lock for a dead worker W
1. reconciles W's part file with the seen-store (`export.reconcile_part`), if it is on this
   machine, so a line W fsynced but never recorded is either registered or cut;
2. moves W's in-flight requests back to the queue, and drops W from ``workers`` and ``seeding``.
The exactly-once seen-store makes the redelivery harmless: an article W had already exported is
skipped (known URL) or judged a duplicate.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy.crawler import Crawler

from newsspider.distributed.context import RunContext, describe

logger = logging.getLogger(__name__)


class Reaper:
    def __init__(self, crawler: Crawler, ctx: RunContext, requeue_script: Any):
        self.crawler = crawler
        self.ctx = ctx
        self.requeue = requeue_script
        self.timeout_ms = int(ctx.worker_timeout * 1000)
        self._last_check = 0.0

    def beat(self) -> None:
        """Heartbeat thread: this worker is alive."""
        r = self.ctx.beat_redis
        r.zadd(self.ctx.key("workers"), {self.ctx.worker: self.ctx.now_ms()})

    def reap_dead(self) -> int:
        now = time.monotonic()
        if now - self._last_check < 1.0:
            return 0
        self._last_check = now
        r = self.ctx.redis
        deadline = self.ctx.now_ms() - self.timeout_ms
        stale = [describe(w) for w in r.zrangebyscore(self.ctx.key("workers"), "-inf", deadline)]
        n = 0
        for worker in stale:
            if worker != self.ctx.worker and self.reap(worker):
                n += 1
        return n

    def reap(self, worker: str) -> bool:
        r = self.ctx.redis
        lock = self.ctx.key(f"reaping:{worker}")
        if not r.set(lock, self.ctx.worker, nx=True, px=120_000):
            return False
        try:
            score = r.zscore(self.ctx.key("workers"), worker)
            if score is None or score > self.ctx.now_ms() - self.timeout_ms:
                return False  # reaped by someone else meanwhile, or alive again
            self.reconcile_part(worker)
            back = self.requeue(keys=[self.ctx.inflight_key(worker), self.ctx.key("queue")])
            pipe = r.pipeline()
            pipe.zrem(self.ctx.key("workers"), worker)
            pipe.srem(self.ctx.key("seeding"), worker)
            pipe.execute()
            self.crawler.stats.inc_value("newsspider/workers_reaped")
            self.crawler.stats.inc_value("newsspider/requests_requeued", back)
            logger.warning("worker %s of run %s missed its heartbeat for %.0f s: %d in-flight requests "
                           "queued again", worker, self.ctx.run, self.ctx.worker_timeout, back)
            return True
        finally:
            r.delete(lock)

    def reconcile_part(self, worker: str) -> None:
        from newsspider.distributed.export import part_path, reconcile_part
        from newsspider.store import open_store

        s = self.crawler.settings
        merged = s.get("NEWSSPIDER_MERGED_OUTPUT")
        state = s.get("NEWSSPIDER_STATE")
        if not merged or not state:
            return
        path = part_path(merged, worker)
        if not path.exists():
            return  # on another machine: its own restart (or nobody) reconciles it
        store = open_store(state)
        try:
            reconcile_part(store, path, s.get("NEWSSPIDER_ON_CHANGE", "version"))
        finally:
            store.close()
