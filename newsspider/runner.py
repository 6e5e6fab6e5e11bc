"""Running crawls in-process (used by the CLI and the tests)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import BaseSettings, Settings
from scrapy.utils.project import get_project_settings


def project_settings(**overrides: Any) -> Settings:
    settings = get_project_settings()
    if not settings.get("BOT_NAME") == "newsspider":  # run from outside the project folder
        settings.setmodule("newsspider.settings", priority="project")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    return settings


# Scrapy imports every component of EXTENSIONS / DOWNLOADER_MIDDLEWARES and their _BASE to ask it
# whether it is enabled (2.19 even imports the ones set to None, to normalise the keys). These
# raise NotConfigured when their setting is off, but their modules are costly to import:
# remote_control imports aiohttp (~90 ms CPU), cookies imports tldextract and requests (~35 ms).
OFF_UNLESS_ENABLED = {
    "scrapy.extensions.remote_control.RemoteControl": ("EXTENSIONS", "REMOTE_CONTROL_ENABLED"),
    "scrapy.extensions.telnet.TelnetConsole": ("EXTENSIONS", "TELNETCONSOLE_ENABLED"),
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": ("DOWNLOADER_MIDDLEWARES", "COOKIES_ENABLED"),
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": ("DOWNLOADER_MIDDLEWARES", "HTTPCACHE_ENABLED"),
}


def drop_disabled_components(settings: BaseSettings) -> None:
    """Take the components of OFF_UNLESS_ENABLED whose setting is off out of the _BASE lists, so
    they are never imported. A component the project lists itself stays as listed."""
    for path, (group, flag) in OFF_UNLESS_ENABLED.items():
        base = settings[group + "_BASE"]
        if settings.getbool(flag) or path in settings[group] or base is None or path not in base:
            continue
        base.delete(path, priority="cmdline")


class DisabledComponentsAddon:
    """``ADDONS`` entry (settings.py): runs `drop_disabled_components` once every setting source
    (project, command line, the spider's custom_settings) is merged, for `newsspider`,
    `scrapy crawl` and scrapyd alike; -s COOKIES_ENABLED=1 still turns cookies on."""

    def update_settings(self, settings: BaseSettings) -> None:
        drop_disabled_components(settings)


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
