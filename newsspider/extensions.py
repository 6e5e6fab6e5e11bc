"""Run-level guards for scheduled crawls: one run per site at a time, and a run log.

`RunGuard` takes an exclusive ``flock`` on ``<state dir>/locks/<site>.lock`` when the spider
opens (the kernel drops it when the process dies, even on SIGKILL, so a crashed run never
leaves a stale lock). A second run of the same site closes at once with finish reason
``already_running`` and a one-line error naming the holder's pid.

`FailedRunCheck` closes a crawl in which every request failed (DNS errors, refused connections,
timeouts, HTTP errors; robots.txt not counted) with finish reason ``all_requests_failed`` instead
of ``finished``, so a crawl of an unreachable site is not mistaken for an empty one.

At close, one JSON line is appended to NEWSSPIDER_RUNS (``data/runs.jsonl``): start, end,
site, pages fetched, articles new / updated / duplicate, known articles skipped, listing walks
stopped at known articles, requests forbidden by robots.txt, bytes of a torn output tail dropped
at start, errors by type, finish reason, the run id and the ten slowest downloads.
"""

from __future__ import annotations

import fcntl
import heapq
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

import orjson
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from newsspider.provenance import new_run_id

logger = logging.getLogger(__name__)

BLOCKED_ATTR = "newsspider_blocked"


class SiteLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh: TextIO | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self._fh = fh
        return True

    def describe(self) -> str:
        return f"pid {self.holder()} holds {self.path}"

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "?"
        except OSError:
            return "?"

    def release(self) -> None:
        if self._fh is not None:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None


RUN_ID_ATTR = "newsspider_run_id"
SLOWEST_KEPT = 10


def run_id_of(crawler: Crawler) -> str:
    """The id of this crawl, in every record it writes and in its run-log line: the
    NEWSSPIDER_RUN_ID setting if set (e.g. a scheduler's job id), else a new one."""
    rid = getattr(crawler, RUN_ID_ATTR, None)
    if not rid:
        rid = crawler.settings.get("NEWSSPIDER_RUN_ID") or new_run_id()
        setattr(crawler, RUN_ID_ATTR, rid)
    return str(rid)


def run_record(stats: dict[str, Any], site: str, reason: str, run_id: str | None = None) -> dict[str, Any]:
    def ts(key: str) -> str | None:
        v = stats.get(key)
        return v.astimezone(UTC).isoformat(timespec="seconds") if isinstance(v, datetime) else None

    errors = {k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("newsspider/errors/")}
    return {
        "run_id": run_id,
        "start": ts("start_time"),
        "end": datetime.now(UTC).isoformat(timespec="seconds"),
        "site": site,
        "pages_fetched": stats.get("response_received_count", 0),
        "articles_new": stats.get("newsspider/articles/new", 0),
        "articles_updated": stats.get("newsspider/articles/updated", 0),
        "articles_duplicate": stats.get("newsspider/articles/duplicate", 0),
        "known_skipped": stats.get("newsspider/skipped_known_article", 0),
        "refetched_modified": stats.get("newsspider/refetch_modified", 0),
        "not_modified": stats.get("newsspider/not_modified", 0),
        "listing_stopped_at_known": stats.get("newsspider/listing_stopped_at_known", 0),
        "robots_forbidden": stats.get("robotstxt/forbidden", 0),
        "output_repaired_bytes": stats.get("newsspider/output_repaired_bytes", 0),
        "export_failed": stats.get("newsspider/errors/export_failed", 0),
        "retry_planned": stats.get("newsspider/retry/planned", 0),
        "retry_failed": stats.get("newsspider/retry/failed", 0),
        "retry_gave_up": stats.get("newsspider/retry/gave_up", 0),
        "validators_held": stats.get("newsspider/validators_held", 0),
        "dropped": {k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("newsspider/dropped/")},
        "errors": errors,
        "finish_reason": reason,
    }


class RunGuard:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        s = crawler.settings
        # "" (one-off runs: scrapy crawl article) means no state: no site lock, no run log
        state = s.get("NEWSSPIDER_STATE")
        from newsspider.store import local_dir

        self.lock_dir = local_dir(state) / "locks" if state else None
        self.runs_path = Path(s["NEWSSPIDER_RUNS"]) if s.get("NEWSSPIDER_RUNS") else None
        self.lock: Any = None  # SiteLock, or a distributed.lease.RedisLease when Redis is configured
        self.slowest: list[tuple[float, str]] = []  # a min-heap of the SLOWEST_KEPT slowest downloads
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.response_received, signal=signals.response_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunGuard:
        return cls(crawler)

    def site(self, spider: Spider) -> str:
        return str(getattr(spider, "site_name", None) or spider.name)

    def site_lock(self, site: str) -> Any:
        """A lease shared by every machine using the same Redis, else by every machine using the same
        PostgreSQL store, else this machine's flock."""
        from newsspider.distributed.context import redis_url

        if redis_url(self.crawler.settings):
            from newsspider.distributed.context import RunContext
            from newsspider.distributed.lease import RedisLease

            ttl = self.crawler.settings.getfloat("NEWSSPIDER_LEASE_TTL", 10.0)
            return RedisLease(RunContext.of(self.crawler), site, ttl=ttl)
        from newsspider.store import is_postgresql

        state = str(self.crawler.settings.get("NEWSSPIDER_STATE") or "")
        if is_postgresql(state):  # a PostgreSQL store shared by the fleet: its advisory lock
            from newsspider.distributed.context import default_worker_name
            from newsspider.distributed.lease import PgLease

            return PgLease(state, site, self.crawler.settings.get("NEWSSPIDER_WORKER") or default_worker_name())
        assert self.lock_dir is not None
        return SiteLock(self.lock_dir / f"{site}.lock")

    def spider_opened(self, spider: Spider) -> None:
        if self.lock_dir is None:
            return
        lock = self.site_lock(self.site(spider))
        if not lock.acquire():
            setattr(self.crawler, BLOCKED_ATTR, True)
            logger.error(
                "another crawl of site %r is running (%s); this run exits now",
                self.site(spider), lock.describe(),
            )
            raise CloseSpider("already_running")
        self.lock = lock
        if hasattr(lock, "on_lost"):  # a Redis lease taken over by another run: stop, do not overlap
            lock.on_lost = self.lease_lost

    def lease_lost(self) -> None:
        from scrapy.utils.defer import deferred_from_coro

        if self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="lease_lost"))

    def response_received(self, response: Response, request: Request) -> None:
        """Keep the slowest downloads (for the run log and `newsspider report`)."""
        latency = request.meta.get("download_latency")
        if not isinstance(latency, (int, float)) or urlsplit(request.url).path == "/robots.txt":
            return
        if len(self.slowest) < SLOWEST_KEPT:
            heapq.heappush(self.slowest, (float(latency), response.url))
        elif latency > self.slowest[0][0]:
            heapq.heapreplace(self.slowest, (float(latency), response.url))

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        record = run_record(stats, self.site(spider), reason, run_id_of(self.crawler))
        record["slowest"] = [{"url": url, "seconds": round(sec, 3)}
                             for sec, url in sorted(self.slowest, reverse=True)]
        if self.crawler.settings.get("NEWSSPIDER_RUN"):  # a worker of a multi-process run
            record["worker"] = self.crawler.settings.get("NEWSSPIDER_WORKER")
        if self.runs_path is None:
            logger.info("run: %s", orjson.dumps(record).decode())
            self.release()
            return
        try:
            self.runs_path.parent.mkdir(parents=True, exist_ok=True)
            with self.runs_path.open("ab") as fh:
                fh.write(orjson.dumps(record) + b"\n")
        except OSError as exc:
            logger.error("could not append to %s: %s", self.runs_path, exc)
        logger.info("run: %s", orjson.dumps(record).decode())
        self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


class FailedRunCheck:
    ALL_FAILED = "all_requests_failed"

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.attempted = 0  # downloads tried (retries included), robots.txt excluded
        self.answered = 0  # responses with a status below 400, robots.txt excluded
        crawler.signals.connect(self.request_reached, signal=signals.request_reached_downloader)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailedRunCheck:
        return cls(crawler)

    @staticmethod
    def _robots(request: Request) -> bool:
        return urlsplit(request.url).path == "/robots.txt"

    def request_reached(self, request: Request) -> None:
        if not self._robots(request):
            self.attempted += 1

    def response_received(self, response: Response, request: Request) -> None:
        if not self._robots(request) and response.status < 400:
            self.answered += 1

    def spider_idle(self, spider: Spider) -> None:
        if self.attempted and not self.answered:
            stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
            errors = ", ".join(f"{k.split('/', 2)[2]}={v}" for k, v in sorted(stats.items())
                               if k.startswith("newsspider/errors/")) or "no answer"
            logger.error("every request failed (%d download attempts: %s); is the site reachable "
                         "(or its NEWSSPIDER_MIRRORS server running)?", self.attempted, errors)
            raise CloseSpider(self.ALL_FAILED)
