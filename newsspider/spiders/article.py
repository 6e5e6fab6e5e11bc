"""`article`: one-off extraction of exactly the given URLs, on any domain."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.http import Response

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


class ArticleSpider(ArticleFetching):
    """Arguments: ``url`` (one URL), ``urls`` (several, comma separated), ``file`` (one URL a line)."""

    name = "article"
    custom_settings = {"NEWSSPIDER_SKIP_SEEN": False}

    def __init__(self, url: str | None = None, urls: str | None = None, file: str | None = None,
                 **kwargs: Any):
        super().__init__(**kwargs)
        try:
            self.urls = read_url_args(url, urls, file)
        except (OSError, UnicodeDecodeError) as exc:
            argument_error(self.name, str(exc))
        if not self.urls:
            argument_error(self.name, "give -a url=URL, -a urls=URL1,URL2 or -a file=FILE")

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            try:
                yield self.article_request(check_url(url))
            except BadURL as exc:
                self.count_error("bad_url", str(exc))

    def site_for(self, response: Response) -> str:
        return profile_for_url(response.url).name
