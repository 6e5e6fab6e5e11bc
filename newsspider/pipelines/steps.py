"""The extraction steps (metadata, body, quotes, releases) and validation; see the package
docstring for their order."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future

from newsspider import extract
from newsspider.extensions import run_id_of
from newsspider.extraction import unfinished
from newsspider.items import Article, Embed, Image, PageItem, Quote, Release, to_record
from newsspider.pipelines.base import (
    WORK_ATTR,
    Step,
    Work,
    coerce,
    extract_workers,
    profile_dict,
    work_of,
)
from newsspider.provenance import provenance

logger = logging.getLogger("newsspider.pipelines")  # one logger name for the package, as before the split


class MetadataPipeline(Step):
    """Extracts the page (every stage: `newsspider.extraction`), in an extraction worker process
    (``NEWSSPIDER_EXTRACT_WORKERS``, a per-page time limit ``NEWSSPIDER_EXTRACT_TIMEOUT``) or
    in-process, and turns it into an `Article` with its metadata; the later steps take their
    fields from the same result."""

    step = "metadata"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        s = crawler.settings
        self.workers = extract_workers(s)
        self.timeout = s.getfloat("NEWSSPIDER_EXTRACT_TIMEOUT", 20.0)
        self.budget = s.getfloat("NEWSSPIDER_EXTRACT_BUDGET", 2.0)
        self.pool: Any = None

    def ensure_pool(self) -> Any:
        if self.pool is None:
            from twisted.internet import reactor

            from newsspider.pool import ExtractionPool

            self.pool = ExtractionPool(self.workers, self.timeout).start()
            # a run stopped without closing its spider still stops its workers
            reactor.addSystemEventTrigger("before", "shutdown", self.close_pool)  # type: ignore[attr-defined,arg-type]
            logger.info("extraction: %d worker processes, %.0f s per page at most", self.workers, self.timeout)
        return self.pool

    def close_pool(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.close()
            self.stats.set_value("newsspider/extract_workers_started", pool.started)

    def close_spider(self, spider: Spider | None = None) -> None:
        self.close_pool()

    async def extract(self, item: PageItem) -> dict[str, Any]:
        from newsspider.extraction import extract_page, job_for

        job = job_for(item.body, item.url, content_type=item.headers.get("Content-Type"),
                      fetched_at=item.fetched_at, profile=profile_dict(item.site, item.url),
                      budget=self.budget)
        if self.workers == 0:
            return extract_page(job)
        from newsspider.pool import PoolClosed

        try:
            return await maybe_deferred_to_future(self.ensure_pool().submit(job))  # type: ignore[no-any-return]
        except PoolClosed:
            return {"errors": {}, "skipped": {}, "notes": [], "pool": {"status": "lost"}}

    def count(self, item: PageItem, work: Work) -> None:
        result = work.result
        pool = result.get("pool") or {}
        # CPU of the extraction itself (in the workers when there are some), for benchmarks
        self.stats.inc_value("newsspider/extract_cpu_ms", round(1000 * float(result.get("cpu") or 0)))
        if pool.get("attempts", 1) > 1:
            self.stats.inc_value("newsspider/extract_retried")
        if work.status == "timeout":
            self.stats.inc_value("newsspider/extract_timeout")
            logger.warning("extraction of %s took more than %.0f s: worker stopped, %s", item.url,
                           self.timeout, "page refused" if "body" not in result else
                           "article kept without " + ", ".join(s for s in ("quotes", "releases")
                                                                 if s not in result))
        elif work.status == "lost":
            self.stats.inc_value("newsspider/extract_worker_lost")
        if result.get("errors"):
            self.stats.inc_value("newsspider/extraction_errors", len(result["errors"]))
        if any(v == "budget" for v in (result.get("skipped") or {}).values()):
            self.stats.inc_value("newsspider/extract_overrun")
            if "extract_overrun" not in self._logged:
                self._logged.add("extract_overrun")
                logger.warning("extraction of %s went past its CPU budget (%.1f s): skipped %s (further "
                               "overruns are only counted)", item.url, self.budget,
                               ", ".join(sorted(result["skipped"])))

    async def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, PageItem):
            return item
        result = await self.extract(item)
        work = Work(result, set(result.get("notes") or ()))
        self.count(item, work)
        meta = self.stage_output(item, work, required=True)
        article = Article(
            url=item.url, site=item.site, fetched_at=item.fetched_at,
            canonical_url=meta["canonical_url"], url_key=meta["url_key"],
            images=[coerce(Image, im) for im in meta.get("images", [])],
            **{k: meta[k] for k in extract.META_KEYS},
            **provenance(item.url, item.status, run_id_of(self.crawler)),
        )
        article.extraction_errors = unfinished(result)
        setattr(article, WORK_ATTR, work)
        self.stats.inc_value("newsspider/pages_extracted")
        return article


class BodyPipeline(Step):
    step = "body"

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        work = work_of(item)
        if work is None:
            return item
        out = self.stage_output(item, work, required=True)
        item.body = out["body"]
        item.body_html = out["body_html"]
        item.word_count = out["word_count"]
        item.language = out["language"]
        item.images = [coerce(Image, im) for im in out["images"]]
        item.embeds = [coerce(Embed, e) for e in out["embeds"]]
        return item


class ListStep(Step):
    """A step that fills one list field; when its stage failed the list stays empty (counted,
    logged once)."""

    target = ""
    record_cls: type = dict

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        work = work_of(item)
        if work is None:
            return item
        values = self.stage_output(item, work, required=False) or []
        setattr(item, self.target, [coerce(self.record_cls, v) for v in values])
        return item


class QuotesPipeline(ListStep):
    step = target = "quotes"
    record_cls = Quote


class ReleasesPipeline(ListStep):
    step = target = "releases"
    record_cls = Release


class ValidationPipeline(Step):
    """Drops records without a title or a body, with --since those dated before it, and in a
    generic crawl listing and static pages; the reason is counted in the crawl stats."""

    step = "validation"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.since: datetime | None = None
        self.generic = False
        crawler.signals.connect(self.open, signal=signals.spider_opened)

    def open(self, spider: Spider) -> None:
        self.since = getattr(spider, "since", None)
        self.generic = bool(getattr(spider, "generic", False))

    def older_than_since(self, item: Article) -> bool:
        """With --since, an article dated (published or modified) before it is dropped."""
        if self.since is None:
            return False
        dates = []
        for value in (item.published, item.modified):
            try:
                dt = datetime.fromisoformat(value) if value else None
            except ValueError:
                dt = None
            if dt is not None:
                dates.append(dt if dt.tzinfo else dt.replace(tzinfo=UTC))
        return bool(dates) and max(dates) < self.since

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        work = work_of(item)
        for note in sorted(work.notes) if work is not None else ():
            # input repaired or capped before extraction (charset, size, nesting): counted
            self.stats.inc_value(f"newsspider/input/{note}")
        if self.older_than_since(item):
            raise self.drop("older_than_since", item)
        kind = ((work.result.get("body") or {}).get("page_kind") or {}) if work is not None else {}
        if self.generic and kind.get("kind") not in (None, "article"):
            # a generic crawl exports articles only (newsspider.extract.pagekind)
            raise self.drop(f"not_article_{kind['kind']}", item)
        if not (item.title or "").strip():
            raise self.drop("no_title", item)
        if not (item.body or "").strip():
            raise self.drop("no_body", item)
        self.check_schema(item)
        return item

    def check_schema(self, item: Article) -> None:
        """The record must match the published JSON Schema (newsspider/article.schema.json); an
        invalid one is counted (newsspider/dropped/invalid_record) and dropped, its first problem
        logged once per field."""
        from newsspider.schema import invalid_reason

        reason = invalid_reason(to_record(item))  # fields only: the work attribute is not one
        if reason is None:
            return
        self.stats.inc_value("newsspider/dropped/invalid_record")
        field_name = reason.split(":", 1)[0].split("/", 1)[0]
        if f"invalid:{field_name}" not in self._logged:
            self._logged.add(f"invalid:{field_name}")
            logger.warning("dropped %s: invalid record: %s (further invalid %s are only counted)",
                           item.url, reason, field_name)
        raise DropItem(f"invalid record: {reason}")
