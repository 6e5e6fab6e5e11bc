"""What one run planned and what failed, so that nothing is marked done that was not done.

The news spider notes which article (and child sitemap) URLs each feed or sitemap listed, and
which listings were cut short (``--max``, ``--since``); the spider's errback and the export
pipeline note the URLs that failed transiently. At the end of a run that went idle (every planned request answered; the export pipeline
applies this before the run log is written):
- a feed's or sitemap's validators (ETag / Last-Modified) are saved only if everything it listed
  was exported or definitively refused (`Ledger.complete`), so a later 304 never hides an
  article that was not exported;
- the failed article URLs go to the seen-store's retry list (retried by the next runs, with
  backoff and a give-up count; see `store.base.SqlStore.record_failures`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsspider.urls import normalize_url

ATTR = "newsspider_ledger"

# Failures that are an answer: the article is not coming back by asking again.
DEFINITIVE = {"http_404", "http_410", "IgnoreRequest", "not_html", "bad_url",
              # refused by netguard / over the size caps: asking again gets the same answer
              "private_address", "offsite", "offsite_redirect", "redirect_loop", "too_many_redirects",
              "too_large", "robots_forbidden"}


def is_transient(kind: str) -> bool:
    return kind not in DEFINITIVE


@dataclass
class Ledger:
    listed: dict[str, set[str]] = field(default_factory=dict)  # source -> normalised URLs it listed
    incomplete: set[str] = field(default_factory=set)  # sources with links cut by --max / --since
    failed: dict[str, str] = field(default_factory=dict)  # URL -> error kind (transient, or export)
    failed_articles: dict[str, str] = field(default_factory=dict)  # the article URLs among them
    retried: dict[str, int] = field(default_factory=dict)  # URL -> earlier attempts (from the retry list)
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # new, unsaved
    drained: bool = False  # the run went idle: every planned request was answered

    def validators_to_save(self) -> tuple[dict[str, tuple[str | None, str | None]], int]:
        """(validators of the complete feeds/sitemaps, how many are held back)."""
        if not self.drained:
            return {}, len(self.validators)
        keep = {u: v for u, v in self.validators.items() if self.complete(u)}
        return keep, len(self.validators) - len(keep)

    def list(self, source: str, url: str) -> None:
        self.listed.setdefault(source, set()).add(normalize_url(url))

    def cut(self, source: str) -> None:
        self.incomplete.add(source)

    def fail(self, url: str, kind: str, article: bool = True) -> None:
        if url and is_transient(kind):
            self.failed[url] = kind
            if article:
                self.failed_articles[url] = kind

    def complete(self, source: str, _seen: frozenset[str] = frozenset()) -> bool:
        """Everything `source` listed is done (recursively for sitemap indexes)."""
        if source in self.incomplete or normalize_url(source) in self._failed_keys():
            return False
        seen = _seen | {source}
        by_key = {normalize_url(s): s for s in self.listed}
        failed = self._failed_keys()
        for key in self.listed.get(source, ()):
            if key in failed:
                return False
            child = by_key.get(key)
            if child is not None and child not in seen and not self.complete(child, seen):
                return False
        return True

    def _failed_keys(self) -> set[str]:
        return {normalize_url(u) for u in self.failed}


def ledger_of(crawler: Any) -> Ledger:
    ledger = getattr(crawler, ATTR, None)
    if ledger is None:
        ledger = Ledger()
        setattr(crawler, ATTR, ledger)
    return ledger
