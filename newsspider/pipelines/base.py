"""What the pipeline steps share: the page's extraction result (`Work`, carried on the
Article) and the `Step` base class (stats, once-per-kind logging, stage outputs)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newsspider.ledger import ledger_of
from newsspider.profiles import UnknownSite, get_profile, profile_for_url

logger = logging.getLogger("newsspider.pipelines")  # one logger name for the package, as before the split
T = TypeVar("T")


def coerce(cls: type[T], data: dict[str, Any]) -> T:
    """Build a nested record dataclass from an extractor's dict, ignoring unknown keys."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Work:
    """What the extraction steps share while an article moves through the pipelines: the
    result of `newsspider.extraction.extract_page` for its page (every stage, run at once in
    the first step, in an extraction worker or in-process)."""

    result: dict[str, Any]
    notes: set[str] = field(default_factory=set)

    @property
    def status(self) -> str:
        """"done", or "timeout" / "lost" when the extraction worker did not finish the page."""
        return str((self.result.get("pool") or {}).get("status", "done"))


WORK_ATTR = "_newsspider_work"  # set on the Article instance; not a field, so never exported


def work_of(item: Any) -> Work | None:
    return getattr(item, WORK_ATTR, None)


class ExtractionError(Exception):
    """An exception raised inside extraction (possibly in a worker process), as data."""

    def __init__(self, stage: str, error: dict[str, str]):
        super().__init__(f"{error.get('type', 'Error')}: {error.get('message', '')}")
        self.stage = stage
        self.kind = error.get("type", "Error")
        self.remote_traceback = error.get("traceback", "")


class Step:
    """Base: stats access and once-per-kind error logging."""

    step = "step"

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self._logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Step:
        return cls(crawler)

    def failed(self, item: Any, exc: BaseException) -> None:
        kind = f"{self.step}_{getattr(exc, 'kind', type(exc).__name__)}"
        self.stats.inc_value(f"newsspider/errors/{self.step}")
        if kind not in self._logged:
            self._logged.add(kind)
            url = getattr(item, "url", "?")
            remote = getattr(exc, "remote_traceback", "")
            logger.error("%s step failed on %s: %r (further %s errors are only counted)%s",
                         self.step, url, exc, kind, f"\n{remote}" if remote else "",
                         exc_info=None if remote else exc)

    def drop(self, reason: str, item: Any) -> DropItem:
        self.stats.inc_value(f"newsspider/dropped/{reason}")
        if reason not in self._logged:
            self._logged.add(reason)
            logger.warning("dropped %s: %s (further drops for this reason are only counted)",
                           getattr(item, "url", "?"), reason)
        return DropItem(reason)

    def stage_output(self, item: Any, work: Work, required: bool) -> Any:
        """This step's stage output from the extraction result; None when the stage failed
        (counted here), was skipped (over the page's CPU budget, counted once per page by the
        first step), or was not reached before its worker was stopped. A required stage that
        is missing drops the page: its error is counted as before; a page whose worker timed
        out or died before the stage is a transient failure, left for the next run (ledger)."""
        result = work.result
        if self.step in result:
            return result[self.step]
        error = result.get("errors", {}).get(self.step)
        if error is not None:
            self.failed(item, ExtractionError(self.step, error))
            if required:
                raise self.drop(f"{self.step}_error", item)
            return None
        if required:
            if work.status in ("timeout", "lost"):
                kind = "extract_timeout" if work.status == "timeout" else "extract_worker_lost"
                ledger_of(self.crawler).fail(getattr(item, "url", ""), kind)
                raise self.drop(kind, item)
            raise self.drop(f"{self.step}_error", item)
        return None


def profile_dict(site: str, url: str) -> dict[str, Any] | None:
    try:
        profile = get_profile(site)
    except UnknownSite:
        profile = profile_for_url(url)
    return profile.as_dict() if profile.name != "generic" else None


def extract_workers(settings: Any) -> int:
    """NEWSSPIDER_EXTRACT_WORKERS: worker processes for extraction; unset or "auto" = one per
    CPU, 0 = extract in the crawl process (on the reactor thread)."""
    value = settings.get("NEWSSPIDER_EXTRACT_WORKERS")
    if value in (None, "", "auto"):
        from newsspider.pool import default_workers

        return default_workers()
    return max(0, int(value))
