"""The last step: deduplication against the seen-store and the crash-safe JSON Lines export
(`DedupExportPipeline`), or the in-memory collector of one-off fetches (`CollectPipeline`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newsspider.dedup import content_hash, signature
from newsspider.exporters import Entry, GroupExport, JsonlWriter, OutputError
from newsspider.extensions import BLOCKED_ATTR
from newsspider.items import Article, to_record
from newsspider.ledger import ledger_of
from newsspider.pipelines.base import WORK_ATTR, Step, work_of
from newsspider.store import is_postgresql, open_store
from newsspider.store.thread import OwnThread

logger = logging.getLogger("newsspider.pipelines")  # one logger name for the package, as before the split


def dedup_keys(body: str, result: dict[str, Any]) -> tuple[str, bytes]:
    """The body's content hash and near-duplicate signature. Both come with the body from
    extraction (a worker process): the hash is taken as it is when the body is still that text,
    the signature when a pipeline in between changed the text but not its hash; else computed."""
    ready = result.get("content_hash")
    extracted = result.get("body")
    if ready and isinstance(extracted, dict) and (extracted.get("body") or "") == body:
        hashed = ready  # computed from this very text
    else:
        hashed = content_hash(body)
    sig = result.get("signature") if ready == hashed else None
    return hashed, sig if isinstance(sig, bytes) else signature(body)


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
        self._writer: OwnThread | None = None
        self.n_failed = 0
        crawler.signals.connect(self.open, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)

    def open(self) -> None:
        if getattr(self.crawler, BLOCKED_ATTR, False):  # another run of this site holds the lock
            return
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
        # a daemon thread: a process stopped abruptly (a signal during start-up) must not hang
        # on it at exit; dying mid-group is a crash like kill -9, which loses nothing
        self._writer = OwnThread("newsspider-export")

    def stop_pool(self) -> None:
        """Stop the writer thread once, whichever of close_spider and reactor shutdown comes first."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.stop()

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
        item.content_hash, sig = dedup_keys(item.body or "", work.result if work is not None else {})
        if self.export is None:
            self.count_failed(item, "the output could not be opened")
            raise DropItem(self.FAILED)
        d: Deferred = Deferred()
        entry = Entry(to_record(item), sig)
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
        export, writer = self.export, self._writer
        if writer is None:  # the writer thread is stopped (reactor shutdown): write here
            self.done(batch, export.export([e for e, _, _ in batch]))
            return
        d = writer.run(export.export, [e for e, _, _ in batch])
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
