"""A Scrapy add-on: another Scrapy project enables newsspider's pipelines with one line.

    # settings.py of your project
    ADDONS = {"newsspider.addon.Addon": 500}

and in a spider callback ``yield page_item(response)`` (``from newsspider.addon import
page_item``) for each article page. The add-on adds the extraction, validation and
deduplicating-export pipelines, newsspider's defaults for its own settings (output
``data/articles.jsonl``, seen-store ``data/state/seen.sqlite``; override them in your settings),
the tracking-parameter-blind request fingerprints and the run guard (one run per site, a run log).
Your project's own pipelines, middlewares and Scrapy settings are kept.
"""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

from newsspider import settings as ns
from newsspider.spiders.base import page_item

__all__ = ["Addon", "page_item"]


class Addon:
    def update_settings(self, settings: BaseSettings) -> None:
        for key in dir(ns):
            if key.startswith("NEWSSPIDER_"):
                settings.setdefault(key, getattr(ns, key), priority="addon")
        for name in ("ITEM_PIPELINES", "EXTENSIONS"):
            settings[name].update({k: v for k, v in getattr(ns, name).items()
                                   if k not in settings[name]})
        mws = settings["SPIDER_MIDDLEWARES"]
        for k, v in ns.SPIDER_MIDDLEWARES.items():
            mws.setdefault(k, v)
        dmws = settings["DOWNLOADER_MIDDLEWARES"]
        for k, prio in ns.DOWNLOADER_MIDDLEWARES.items():  # None: a Scrapy one replaced (netguard)
            dmws.setdefault(k, prio)
        exporters = settings["FEED_EXPORTERS"]
        for fmt, exporter in ns.FEED_EXPORTERS.items():
            exporters.setdefault(fmt, exporter)
        if settings.getpriority("REQUEST_FINGERPRINTER_CLASS") == 0:  # still Scrapy's default
            settings.set("REQUEST_FINGERPRINTER_CLASS", ns.REQUEST_FINGERPRINTER_CLASS, priority="addon")

    @classmethod
    def from_crawler(cls, crawler: Any) -> Addon:
        return cls()
