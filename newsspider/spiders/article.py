"""`article`: one-off extraction of exactly the given URLs, on any domain."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.http import Response
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from newsspider.netguard import registrable_domain
from newsspider.profiles import profile_for_url
from newsspider.spiders.base import ArticleFetching, argument_error
from newsspider.urls import BadURL, check_url


def read_url_args(url: str | None = None, urls: str | None = None, file: str | None = None) -> list[str]:
    """URLs from ``url=``, a comma/space separated ``urls=``, and a file of URLs (one a line)."""
    out: list[str] = []
    if url:
        out.append(url)
    if urls:
        out.extend(u for u in urls.replace(",", " ").split() if u)
    if file:
        path = Path(file)
        if not path.is_file():
            raise FileNotFoundError(f"no such file of URLs: {file}")
        out.extend(
            line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        )
    return out


def one_off_settings(settings: BaseSettings, *, parse_only: bool = False) -> None:
    """A one-off run leaves the shared seen-store and run log alone unless they were asked for
    (``-s NEWSSPIDER_STATE=…`` / ``-s NEWSSPIDER_RUNS=…``): deduplication then happens within the
    run and against the output file. ``scrapy parse`` writes nothing at all."""
    project = SETTINGS_PRIORITIES["project"]
    for key in ("NEWSSPIDER_STATE", "NEWSSPIDER_RUNS"):
        if (settings.getpriority(key) or 0) <= project:
            settings.set(key, "", priority="spider")
    if parse_only:
        pipelines = settings.getdict("ITEM_PIPELINES")
        pipelines["newsspider.pipelines.DedupExportPipeline"] = None
        settings.set("ITEM_PIPELINES", pipelines, priority="spider")
        extensions = settings.getdict("EXTENSIONS")
        extensions.update({"newsspider.extensions.RunGuard": None})
        settings.set("EXTENSIONS", extensions, priority="spider")


class ArticleSpider(ArticleFetching):
    """Arguments: ``url`` (one URL), ``urls`` (several, comma separated), ``file`` (one URL a line)."""

    name = "article"
    custom_settings = {"NEWSSPIDER_SKIP_SEEN": False}

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        one_off_settings(settings, parse_only=cls._planned_by_scrapy())

    @classmethod
    def _planned_by_scrapy(cls) -> bool:
        """True under ``scrapy parse``, which replaces `start` to request its own URL."""
        return cls.start is not cls._own_start

    def __init__(self, url: str | None = None, urls: str | None = None, file: str | None = None,
                 **kwargs: Any):
        super().__init__(**kwargs)
        try:
            self.urls = read_url_args(url, urls, file)
        except (OSError, UnicodeDecodeError) as exc:
            argument_error(self.name, str(exc))
        if not self.urls and not self._planned_by_scrapy():
            argument_error(self.name, "give -a url=URL, -a urls=URL1,URL2 or -a file=FILE")
        # redirects may not leave the registrable domains of the given URLs (netguard)
        self.site_domains = {registrable_domain(u) for u in self.urls if "//" in u} - {""}

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            try:
                yield self.article_request(check_url(url))
            except BadURL as exc:
                self.count_error("bad_url", str(exc))

    _own_start = start

    def site_for(self, response: Response) -> str:
        return profile_for_url(response.url).name
