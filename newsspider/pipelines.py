"""Item pipelines: PageItem -> Article, one extraction step each, then validation and export.

Order (settings.ITEM_PIPELINES): metadata, body, quotes, releases, validation, dedup/export.
Each step calls the pure functions of `newsspider.extract`; a step that fails on a page is
counted in the stats (``newsspider/errors/<step>``) and logged once per step and error type;
a failed quotes/releases step leaves those lists empty, a failed metadata/body step drops the
page with its reason counted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newsspider import extract
from newsspider.dedup import content_hash, sketch
from newsspider.exporters import JsonlWriter, iter_records
from newsspider.extensions import BLOCKED_ATTR, run_id_of
from newsspider.items import Article, Embed, Image, PageItem, Quote, Release, to_record
from newsspider.profiles import UnknownSite, get_profile, profile_for_url
from newsspider.provenance import provenance
from newsspider.store import SeenStore

logger = logging.getLogger(__name__)
T = TypeVar("T")


def coerce(cls: type[T], data: dict[str, Any]) -> T:
    """Build a nested record dataclass from an extractor's dict, ignoring unknown keys."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Work:
    """What the extraction steps share while an article moves through the pipelines."""

    page: extract.Page
    meta: dict[str, Any]
    body: dict[str, Any] = field(default_factory=dict)


WORK_ATTR = "_newsspider_work"  # set on the Article instance; not a field, so never exported


def work_of(item: Any) -> Work | None:
    return getattr(item, WORK_ATTR, None)


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
        kind = f"{self.step}_{type(exc).__name__}"
        self.stats.inc_value(f"newsspider/errors/{self.step}")
        if kind not in self._logged:
            self._logged.add(kind)
            url = getattr(item, "url", "?")
            logger.error("%s step failed on %s: %r (further %s errors are only counted)",
                         self.step, url, exc, kind, exc_info=exc)

    def drop(self, reason: str, item: Any) -> DropItem:
        self.stats.inc_value(f"newsspider/dropped/{reason}")
        if reason not in self._logged:
            self._logged.add(reason)
            logger.warning("dropped %s: %s (further drops for this reason are only counted)",
                           getattr(item, "url", "?"), reason)
        return DropItem(reason)


def profile_dict(site: str, url: str) -> dict[str, Any] | None:
    try:
        profile = get_profile(site)
    except UnknownSite:
        profile = profile_for_url(url)
    return profile.as_dict() if profile.name != "generic" else None


class MetadataPipeline(Step):
    step = "metadata"

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, PageItem):
            return item
        try:
            fetched = datetime.fromisoformat(item.fetched_at)
        except ValueError:
            fetched = datetime.now(UTC)
        page = extract.Page.from_bytes(
            item.body, item.url, content_type=item.headers.get("Content-Type"),
            fetched_at=fetched, profile=profile_dict(item.site, item.url),
        )
        try:
            meta = extract.metadata_fields(page)
        except Exception as exc:  # noqa: BLE001 - counted, logged once, page dropped
            self.failed(item, exc)
            raise self.drop("metadata_error", item) from exc
        article = Article(
            url=item.url, site=item.site, fetched_at=item.fetched_at,
            canonical_url=meta["canonical_url"], url_key=meta["url_key"],
            images=[coerce(Image, im) for im in meta.get("images", [])],
            **{k: meta[k] for k in extract.META_KEYS},
            **provenance(item.url, item.status, run_id_of(self.crawler)),
        )
        setattr(article, WORK_ATTR, Work(page, meta))
        self.stats.inc_value("newsspider/pages_extracted")
        return article


class BodyPipeline(Step):
    step = "body"

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        work = work_of(item)
        if work is None:
            return item
        try:
            out, work.body = extract.body_fields(work.page, work.meta)
        except Exception as exc:  # noqa: BLE001
            self.failed(item, exc)
            raise self.drop("body_error", item) from exc
        item.body = out["body"]
        item.body_html = out["body_html"]
        item.word_count = out["word_count"]
        item.language = out["language"]
        item.images = [coerce(Image, im) for im in out["images"]]
        item.embeds = [coerce(Embed, e) for e in out["embeds"]]
        return item


class ListStep(Step):
    """A step that fills one list field; when it fails the list stays empty (counted, logged once)."""

    target = ""
    record_cls: type = dict

    def compute(self, item: Article, work: Work) -> list[dict[str, Any]]:
        raise NotImplementedError

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        work = work_of(item)
        if work is None:
            return item
        try:
            values = self.compute(item, work)
        except Exception as exc:  # noqa: BLE001
            self.failed(item, exc)
            values = []
        setattr(item, self.target, [coerce(self.record_cls, v) for v in values])
        return item


class QuotesPipeline(ListStep):
    step = target = "quotes"
    record_cls = Quote

    def compute(self, item: Article, work: Work) -> list[dict[str, Any]]:
        return extract.quote_fields(work.body, item.title)["quotes"]


class ReleasesPipeline(ListStep):
    step = target = "releases"
    record_cls = Release

    def compute(self, item: Article, work: Work) -> list[dict[str, Any]]:
        return extract.release_fields(work.body, item.published, item.title, item.fetched_at)["releases"]


class ValidationPipeline(Step):
    """Drops records without a title or a body, and with --since those dated before it; the
    reason is counted in the crawl stats."""

    step = "validation"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.since: datetime | None = None
        crawler.signals.connect(self.open, signal=signals.spider_opened)

    def open(self, spider: Spider) -> None:
        self.since = getattr(spider, "since", None)

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
        if self.older_than_since(item):
            raise self.drop("older_than_since", item)
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


class DedupExportPipeline(Step):
    """Writes each new article once to the JSON Lines output and remembers it in the seen-store.

    Duplicates (same canonical URL and body, same body under another URL, or a near-duplicate
    body such as a syndicated copy) are dropped and counted; an exported article whose body
    changed is written again with ``version`` + 1 (or skipped, NEWSSPIDER_ON_CHANGE = "skip").
    """

    step = "export"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        s = crawler.settings
        # NEWSSPIDER_OUTPUT = "" (-s NEWSSPIDER_OUTPUT= with -O/FEEDS): no JSON Lines of our own,
        # deduplication against the seen-store unchanged
        self.output = Path(s["NEWSSPIDER_OUTPUT"]) if s.get("NEWSSPIDER_OUTPUT") else None
        # NEWSSPIDER_STATE = "" (one-off runs): an in-memory store, deduplicating within the run
        # and against the output file, nothing persisted
        self.state_path = Path(s["NEWSSPIDER_STATE"]) if s.get("NEWSSPIDER_STATE") else None
        self.on_change = s.get("NEWSSPIDER_ON_CHANGE", "version")
        self.writer = JsonlWriter(self.output) if self.output else None
        self.store: SeenStore | None = None
        crawler.signals.connect(self.open, signal=signals.spider_opened)
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    def open(self) -> None:
        if getattr(self.crawler, BLOCKED_ATTR, False):  # another run of this site holds the lock
            return
        logger.info("seen-store: %s", self.state_path.resolve() if self.state_path else "in memory (one-off run)")
        logger.info("output: %s", self.output.resolve() if self.output else "none (NEWSSPIDER_OUTPUT is empty)")
        self.store = SeenStore(self.state_path or ":memory:")
        if self.writer is None:
            return
        repair = self.writer.open()
        if repair:
            self.stats.set_value("newsspider/output_repaired_bytes", repair.dropped_bytes)
        self.reconcile()

    def reconcile(self) -> None:
        """Records appended after the store's last checkpoint (a crash between the line's
        fsync and the store commit) are added to the store now."""
        assert self.store is not None and self.writer is not None and self.output is not None
        start = self.store.output_offset(self.output)
        size = self.writer.offset
        if start > size:  # the file was truncated or replaced by hand
            start = 0
        n = 0
        for record, end in iter_records(self.output, start):
            self.store.add(record, sketch(record.get("body") or ""), output=self.output, offset=end)
            n += 1
        if n and self.state_path is not None:
            logger.warning("re-registered %d records found in %s after the last checkpoint", n, self.output)
        self.store.set_output_offset(self.output, size)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        assert self.store is not None
        if hasattr(item, WORK_ATTR):
            delattr(item, WORK_ATTR)
        item.content_hash = content_hash(item.body or "")
        record = to_record(item)
        sk = sketch(item.body or "")
        verdict = self.store.judge(item.url_key, item.content_hash, sk, self.on_change)
        if verdict.action == "duplicate":
            self.stats.inc_value("newsspider/articles/duplicate")
            self.stats.inc_value(f"newsspider/duplicates/{verdict.reason.replace(' ', '_')}")
            self.store.mark_fetched(item.url, verdict.duplicate_of or item.url_key)
            raise DropItem(f"duplicate ({verdict.reason}) of {verdict.duplicate_of}")
        if verdict.action == "update":
            item.version = record["version"] = verdict.version
            self.stats.inc_value("newsspider/articles/updated")
        else:
            self.stats.inc_value("newsspider/articles/new")
        if self.writer is not None:
            offset = self.writer.write(record)
            self.store.add(record, sk, output=self.output, offset=offset)
        else:
            self.store.add(record, sk)
        self.stats.inc_value("newsspider/quotes", len(item.quotes))
        self.stats.inc_value("newsspider/releases", len(item.releases))
        return item



class CollectPipeline(Step):
    """For one-off fetches: keeps the records in memory (``crawler.newsspider_collected``)
    instead of writing them; no seen-store involved."""

    step = "collect"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.records: list[dict[str, Any]] = []
        crawler.newsspider_collected = self.records  # type: ignore[attr-defined]

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, Article):
            if hasattr(item, WORK_ATTR):
                delattr(item, WORK_ATTR)
            item.content_hash = content_hash(item.body or "")
            self.records.append(to_record(item))
        return item
