"""A Scrapy stats collector that also writes the crawl's final stats as JSON, for the benchmarks.

``-s STATS_CLASS=bench_stats.DumpStats`` (with ``benchmarks/`` on PYTHONPATH) and the file named
by the ``BENCH_STATS_FILE`` environment variable: the same stats for every crawler measured
(bare Scrapy, Scrapy + trafilatura, newsspider), whatever their log level.
"""

from __future__ import annotations

import json
import os
from typing import Any

from scrapy.statscollectors import MemoryStatsCollector


class DumpStats(MemoryStatsCollector):
    def _persist_stats(self, stats: dict[str, Any]) -> None:
        super()._persist_stats(stats)
        path = os.environ.get("BENCH_STATS_FILE")
        if path:
            with open(path, "w", encoding="utf-8") as f:
                json.dump(stats, f, default=str)
