"""Running crawls in-process (used by the CLI and the tests)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings


def project_settings(**overrides: Any) -> Settings:
    settings = get_project_settings()
    if not settings.get("BOT_NAME") == "newsspider":  # run from outside the project folder
        settings.setmodule("newsspider.settings", priority="project")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_spider(spider: str, settings: Settings, **spider_args: Any) -> tuple[dict[str, Any], Any]:
    """Run one spider to completion; returns (stats, crawler)."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **spider_args)
    process.start()
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    return stats, crawler


def summary(stats: dict[str, Any]) -> dict[str, Any]:
    """The figures a person wants after a crawl."""
    errors = {k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("newsspider/errors/")}
    dropped = {k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("newsspider/dropped/")}
    return {
        "pages_fetched": stats.get("response_received_count", 0),
        "articles_new": stats.get("newsspider/articles/new", 0),
        "articles_updated": stats.get("newsspider/articles/updated", 0),
        "duplicates_dropped": stats.get("newsspider/articles/duplicate", 0),
        "known_skipped": stats.get("newsspider/skipped_known_article", 0),
        "quotes": stats.get("newsspider/quotes", 0),
        "releases": stats.get("newsspider/releases", 0),
        "invalid_dropped": dropped,
        "output_repaired_bytes": stats.get("newsspider/output_repaired_bytes", 0),
        "errors": errors,
        "finish_reason": stats.get("finish_reason"),
    }
