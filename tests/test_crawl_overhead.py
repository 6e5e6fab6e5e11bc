"""Per-page costs of the crawl process outside extraction."""

from __future__ import annotations

from scrapy.settings import Settings

from newsspider import settings as project_settings


def test_one_callbacks_outputs_are_not_given_a_hundred_tasks():
    # Scrapy starts CONCURRENT_ITEMS asyncio tasks for every response's outputs (its default 100:
    # ~2 ms of the crawl process's CPU a page on the benchmark site, where a page gives one item)
    s = Settings()
    s.setmodule(project_settings, priority="project")
    assert 4 <= s.getint("CONCURRENT_ITEMS") <= 16  # fails before: Scrapy's default 100
