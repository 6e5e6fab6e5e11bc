"""Item pipelines: PageItem -> Article, one extraction step each, then validation and export.

Order (settings.ITEM_PIPELINES): metadata, body, quotes, releases, validation, dedup/export.
The first step extracts the whole page at once (`newsspider.extraction`: every stage), in an
extraction worker process (`newsspider.pool`, ``NEWSSPIDER_EXTRACT_WORKERS``) or in-process; each
step then takes its fields from that result. A stage that failed on a page is counted in the
stats (``newsspider/errors/<step>``) and logged once per step and error type; a failed
quotes/releases stage leaves those lists empty, a failed metadata/body stage drops the page with
its reason counted.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newsspider import extract
from newsspider.dedup import content_hash, signature
from newsspider.exporters import Entry, GroupExport, JsonlWriter, OutputError
from newsspider.extensions import BLOCKED_ATTR, run_id_of
from newsspider.extraction import unfinished
from newsspider.items import Article, Embed, Image, PageItem, Quote, Release, to_record
from newsspider.ledger import ledger_of
from newsspider.profiles import UnknownSite, get_profile, profile_for_url
from newsspider.provenance import provenance
from newsspider.store import is_postgresql, open_store

logger = logging.getLogger(__name__)
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


def _daemon_thread(*args: Any, **kwargs: Any) -> threading.Thread:
    return threading.Thread(*args, daemon=True, **kwargs)


class DedupExportPipeline(Step):
    """Writes each new article once to the JSON Lines output and remembers it in the seen-store.

    Duplicates (same canonical URL and body, same body under another URL, or a near-duplicate
    body such as a syndicated copy) are dropped and counted; an exported article whose body
    changed is written again with ``version`` + 1 (or skipped, NEWSSPIDER_ON_CHANGE = "skip").

    Group commit: records are exported in groups of up to NEWSSPIDER_COMMIT_SIZE records or
    NEWSSPIDER_COMMIT_MS milliseconds (one write, one fsync, one store transaction each; see
    `exporters.GroupExport`), on a writer thread, so neither the fsync nor the database call
    blocks the reactor. An item leaves this pipeline (and is counted) only once its group is on
    disk and committed. A record that cannot be written (disk full, read-only or missing
    output, a value that cannot be serialised) is counted in ``newsspider/errors/export_failed``,
    left for the next run, and the run ends with finish reason ``export_failed``; a failed write
    stops the crawl at once.
    """

    step = "export"
    FAILED = "export_failed"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        s = crawler.settings
        # NEWSSPIDER_OUTPUT = "" (-s NEWSSPIDER_OUTPUT= with -O/FEEDS): no JSON Lines of our own,
        # deduplication against the seen-store unchanged
        self.output = Path(s["NEWSSPIDER_OUTPUT"]) if s.get("NEWSSPIDER_OUTPUT") else None
        # NEWSSPIDER_STATE = "" (one-off runs): an in-memory store, deduplicating within the run
        # and against the output file, nothing persisted
        self.state = str(s.get("NEWSSPIDER_STATE") or "")
        self.on_change = s.get("NEWSSPIDER_ON_CHANGE", "version")
        self.group_size = max(1, s.getint("NEWSSPIDER_COMMIT_SIZE", 100))
        self.group_ms = max(0.0, s.getfloat("NEWSSPIDER_COMMIT_MS", 250))
        self.export: GroupExport | None = None
        self.queue: list[tuple[Entry, Deferred, Article]] = []
        self._timer: Any = None
        self._pool: Any = None
        self._pool_trigger: Any = None
        self.n_failed = 0
        crawler.signals.connect(self.open, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)

    def open(self) -> None:
        if getattr(self.crawler, BLOCKED_ATTR, False):  # another run of this site holds the lock
            return
        from twisted.python.threadpool import ThreadPool

        shown = (self.state if is_postgresql(self.state) else Path(self.state).resolve()) if self.state \
            else "in memory (one-off run)"
        logger.info("seen-store: %s", shown)
        logger.info("output: %s", self.output.resolve() if self.output else "none (NEWSSPIDER_OUTPUT is empty)")
        try:
            writer = JsonlWriter(self.output) if self.output else None
            export = GroupExport(writer, open_store(self.state or ":memory:"), self.on_change,
                                 announce=bool(self.state))
            repair = export.open()
        except OutputError as exc:
            self.fail_run(str(exc))
            return
        self.export = export
        if repair:
            self.stats.set_value("newsspider/output_repaired_bytes", repair.dropped_bytes)
        if export.catchup.corrupt_lines:
            self.stats.inc_value("newsspider/output_corrupt_lines", export.catchup.corrupt_lines)
        self._pool = ThreadPool(1, 1, name="newsspider-export")
        # a daemon thread: a process stopped abruptly (a signal during start-up) must not hang
        # on it at exit; dying mid-group is a crash like kill -9, which loses nothing
        self._pool.threadFactory = _daemon_thread
        self._pool.start()
        from twisted.internet import reactor

        # a run stopped before close_spider (Ctrl-C twice) still stops the writer thread; a
        # normal close removes this trigger (stopping a ThreadPool twice raises AlreadyQuit)
        core: Any = reactor  # IReactorCore's stubs declare `self` as a parameter
        self._pool_trigger = core.addSystemEventTrigger("during", "shutdown", self.stop_pool)

    def stop_pool(self) -> None:
        """Stop the writer thread once, whichever of close_spider and reactor shutdown comes first."""
        pool, self._pool = self._pool, None
        if self._pool_trigger is not None:
            from twisted.internet import reactor

            core: Any = reactor
            try:
                core.removeSystemEventTrigger(self._pool_trigger)
            except (KeyError, ValueError):  # already running (called by the trigger itself)
                pass
            self._pool_trigger = None
        if pool is not None:
            pool.stop()

    def fail_run(self, message: str) -> None:
        """Stop the crawl: nothing can be written."""
        logger.error("%s; stopping the crawl (finish reason %s)", message, self.FAILED)
        self.stats.set_value("newsspider/export_error", message)
        from scrapy.utils.defer import deferred_from_coro

        if self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=self.FAILED))

    def idle(self, spider: Spider) -> None:
        ledger_of(self.crawler).drained = True
        if self.n_failed:
            from scrapy.exceptions import CloseSpider

            raise CloseSpider(self.FAILED)

    async def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        work = work_of(item)
        if hasattr(item, WORK_ATTR):
            delattr(item, WORK_ATTR)
        item.content_hash = content_hash(item.body or "")
        if self.export is None:
            self.count_failed(item, "the output could not be opened")
            raise DropItem(self.FAILED)
        d: Deferred = Deferred()
        # the near-duplicate signature comes with the body from extraction (a worker process)
        # unless a pipeline in between changed the body's text
        sig = work.result.get("signature") if work is not None and \
            work.result.get("content_hash") == item.content_hash else None
        entry = Entry(to_record(item), sig if isinstance(sig, bytes) else signature(item.body or ""))
        self.queue.append((entry, d, item))
        if len(self.queue) >= self.group_size:
            self.flush()
        elif self._timer is None:
            from twisted.internet import reactor

            self._timer = reactor.callLater(self.group_ms / 1000, self.flush)  # type: ignore[attr-defined,arg-type]
        return await maybe_deferred_to_future(d)

    def flush(self) -> None:
        if self._timer is not None:
            if self._timer.active():
                self._timer.cancel()
            self._timer = None
        batch, self.queue = self.queue, []
        if not batch or self.export is None:
            return
        from twisted.internet import reactor
        from twisted.internet.threads import deferToThreadPool

        export = self.export
        d = deferToThreadPool(reactor, self._pool, export.export, [e for e, _, _ in batch])
        d.addCallbacks(lambda err: self.done(batch, err), lambda f: self.done(batch, f.value))

    def done(self, batch: list[tuple[Entry, Deferred, Article]], error: BaseException | None) -> None:
        if error is not None and not isinstance(error, OSError):  # a store error: nothing of the group counts
            logger.error("export of %d records failed: %r", len(batch), error)
            for e, _, _ in batch:
                e.outcome, e.error = "failed", repr(error)
        for entry, d, item in batch:
            if entry.outcome == "duplicate":
                self.stats.inc_value("newsspider/articles/duplicate")
                self.stats.inc_value(f"newsspider/duplicates/{entry.reason.replace(' ', '_')}")
                d.errback(DropItem(f"duplicate ({entry.reason}) of {entry.duplicate_of}"))
            elif entry.outcome in ("new", "update"):
                if entry.outcome == "update":
                    item.version = entry.record["version"]
                    self.stats.inc_value("newsspider/articles/updated")
                else:
                    self.stats.inc_value("newsspider/articles/new")
                self.stats.inc_value("newsspider/quotes", len(item.quotes))
                self.stats.inc_value("newsspider/releases", len(item.releases))
                d.callback(item)
            else:
                self.count_failed(item, entry.error or "not written")
                d.errback(DropItem(f"{self.FAILED}: {entry.error}"))
        if isinstance(error, OSError) and not self.stats.get_value("newsspider/export_error"):
            self.fail_run(f"cannot write {self.output}: {error.strerror or error}")

    def save_validators(self, store: Any) -> None:
        keep, held = ledger_of(self.crawler).validators_to_save()
        if held:
            self.stats.set_value("newsspider/validators_held", held)
            logger.info("not saving the validators of %d feeds/sitemaps: some of their articles were "
                        "not exported (failed, cut by --max/--since, or the run stopped)", held)
        if keep:
            try:
                store.set_validators(keep)
            except Exception as exc:  # noqa: BLE001
                logger.error("could not save feed/sitemap validators: %r", exc)

    def remember_failures(self, store: Any, site: str) -> None:
        """Articles that failed transiently go to the store's retry list (see newsspider.ledger)."""
        if not site:
            return
        s = self.crawler.settings
        ledger = ledger_of(self.crawler)
        try:
            if ledger.failed_articles:
                status = store.record_failures(
                    site, ledger.failed_articles, backoff=s.getfloat("NEWSSPIDER_RETRY_BACKOFF", 600),
                    give_up=s.getint("NEWSSPIDER_RETRY_GIVE_UP", 5))
                pending = sum(v == "pending" for v in status.values())
                gave_up = sum(v == "gave_up" for v in status.values())
                self.stats.set_value("newsspider/retry/failed", pending)
                if gave_up:
                    self.stats.set_value("newsspider/retry/gave_up", gave_up)
                    logger.warning("gave up on %d articles after %d failed runs each (kept in the "
                                   "store's retry list, marked given up)", gave_up, s.getint("NEWSSPIDER_RETRY_GIVE_UP", 5))
                for url, state in status.items():  # given up: refused for good, like a 404
                    if state != "pending":
                        ledger.failed.pop(url, None)
                        ledger.failed_articles.pop(url, None)
            if ledger.drained and ledger.retried:  # retried and answered for good (404…)
                store.forget_retries([u for u in ledger.retried if u not in ledger.failed_articles])
        except Exception as exc:  # noqa: BLE001 - never lose the close of the run over this
            logger.error("could not update the retry list: %r", exc)

    def count_failed(self, item: Any, why: str) -> None:
        self.n_failed += 1
        self.stats.inc_value(f"newsspider/errors/{self.FAILED}")
        ledger_of(self.crawler).failed[getattr(item, "url", "")] = self.FAILED
        if self.FAILED not in self._logged:
            self._logged.add(self.FAILED)
            logger.error("could not export %s: %s (left for the next run; further export "
                         "failures are only counted)", getattr(item, "url", "?"), why)

    async def close_spider(self, spider: Spider | None = None) -> None:
        """Called when the last item is done, before ``spider_closed`` (so the run log sees
        what is recorded here)."""
        spider = spider or self.crawler.spider
        if self.queue:  # normally empty: the engine waits for the items in flight
            batch, self.queue = self.queue, []
            if self.export is not None:
                self.done(batch, self.export.export([e for e, _, _ in batch]))
        self.stop_pool()
        if self.export is not None:
            self.remember_failures(self.export.store, str(getattr(spider, "site_name", "") or ""))
            self.save_validators(self.export.store)
            self.export.close()
            self.export.store.close()
            self.export = None


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
