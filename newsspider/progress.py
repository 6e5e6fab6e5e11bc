"""Crawl progress while it runs.

On a terminal (stderr is a TTY) a status line updates in place (rich's Live display): pages
fetched, articles written / duplicates / known skipped, errors, rate, elapsed time, and an
estimate of the time left once the queue of planned requests is known. Elsewhere (cron, scrapyd,
a pipe) one plain log line every NEWSSPIDER_PROGRESS_INTERVAL seconds (60).

rich rather than tqdm: the line shows several counters at once and no single total, which is what
rich's Live renders; tqdm is built around one bar towards a known total. rich also lets the log
lines print above the live line instead of breaking it.

NEWSSPIDER_PROGRESS: "auto" (default: live on a terminal, else log lines), "live", "log" or "off".
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

logger = logging.getLogger(__name__)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, crawler: Crawler):
        s = crawler.settings
        mode = (s.get("NEWSSPIDER_PROGRESS") or "auto").lower()
        if mode not in ("auto", "live", "log", "off"):
            raise ValueError(f"NEWSSPIDER_PROGRESS must be auto, live, log or off, not {mode!r}")
        if mode == "off":
            raise NotConfigured
        self.crawler = crawler
        self.live_mode = mode == "live" or (mode == "auto" and sys.stderr.isatty())
        self.interval = 0.25 if self.live_mode else s.getfloat("NEWSSPIDER_PROGRESS_INTERVAL", 60.0)
        # the plain line shows at the crawl's log level (newsspider crawl logs WARNING and up),
        # up to WARNING: --log-level ERROR asks for quiet
        level = logging.getLevelName(str(s.get("LOG_LEVEL") or "INFO").upper())
        self.log_level = min(max(level if isinstance(level, int) else logging.INFO, logging.INFO), logging.WARNING)
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.live: Any = None
        self._streams: list[tuple[logging.StreamHandler[Any], Any]] = []
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        return cls(crawler)

    # -- figures ---------------------------------------------------------------------------
    def figures(self) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        pages = int(stats.get("response_received_count", 0))
        elapsed = max(time.monotonic() - self.started, 1e-6)
        queued = None
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None) or getattr(engine, "slot", None)
        scheduler = getattr(slot, "scheduler", None)
        if scheduler is not None and hasattr(scheduler, "__len__"):
            try:
                queued = len(scheduler) + len(getattr(engine.downloader, "active", ()))  # type: ignore[union-attr]
            except TypeError:
                queued = None
        rate = pages / elapsed
        return {
            "pages": pages,
            "written": int(stats.get("newsspider/articles/new", 0)) + int(stats.get("newsspider/articles/updated", 0)),
            "duplicates": int(stats.get("newsspider/articles/duplicate", 0)),
            "known": int(stats.get("newsspider/skipped_known_article", 0)),
            "errors": sum(int(v) for k, v in stats.items() if k.startswith("newsspider/errors/")),
            "rate": rate,
            "elapsed": elapsed,
            "queued": queued,
            "left": queued / rate if queued and rate > 0 and pages >= 5 else None,
        }

    def line(self) -> str:
        f = self.figures()
        eta = f" · ~{_clock(f['left'])} left ({f['queued']} queued)" if f["left"] is not None else ""
        return (f"{f['pages']} pages fetched · {f['written']} articles written · {f['duplicates']} duplicates · "
                f"{f['known']} known skipped · {f['errors']} errors · {f['rate'] * 60:.0f} pages/min · "
                f"elapsed {_clock(f['elapsed'])}{eta}")

    # -- display ---------------------------------------------------------------------------
    def spider_opened(self) -> None:
        self.started = time.monotonic()
        if self.live_mode:
            self._start_live()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.interval, now=False)

    def _start_live(self) -> None:
        from rich.console import Console
        from rich.live import Live
        from rich.text import Text

        console = Console(stderr=True)
        self.live = Live(Text(self.line()), console=console, refresh_per_second=4, transient=False,
                         redirect_stderr=True, redirect_stdout=False)
        self.live.start()
        # log lines print above the live line instead of breaking it
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.__stderr__:
                self._streams.append((handler, handler.stream))
                handler.setStream(sys.stderr)

    def tick(self) -> None:
        if self.live is not None:
            from rich.text import Text

            self.live.update(Text(self.line()))
        else:
            logger.log(self.log_level, "progress: %s", self.line())

    def spider_closed(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.live is not None:
            self.tick()
            self.live.stop()
            self.live = None
            for handler, stream in self._streams:
                handler.setStream(stream)
            self._streams.clear()
