"""A store written with another near-duplicate sketch scheme (``dedup.SIGNATURE_SCHEME``):
its signatures and LSH band keys mean nothing to the current code, so they are rebuilt.

The store keeps no article text, but it knows its output files and how far each is in the
store (``outputs``): the records there carry the body. Every record whose article is in the
store with the same body hash gets its signature and bands recomputed; articles found in no
output (files moved or deleted) keep no signature: they are still found by URL and body hash,
not as near-duplicates. Runs once, inside the transaction that opens the store, and logs one
line with the counts.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from newsspider.dedup import SIGNATURE_SCHEME, band_keys, signature
from newsspider.urls import normalize_url

log = logging.getLogger(__name__)


def rebuild_sketches(store: Any, old_scheme: str) -> tuple[int, int]:
    """Recompute every signature the outputs allow; returns (rebuilt, articles)."""
    if store.kind == "postgresql":
        store._x("UPDATE articles SET sig=NULL, bands='{}'")
        store._x("DELETE FROM saturated_bands")  # keys of the old scheme
    else:
        store._x("UPDATE articles SET sig=NULL")
        store._x("DELETE FROM bands")
    outputs = store._x("SELECT path, end_offset FROM outputs").fetchall()
    for path, end in outputs:
        for record in _records(Path(path), int(end)):
            canonical = record.get("url_key") or normalize_url(record.get("canonical_url") or "")
            body = record.get("body")
            if not canonical or not isinstance(body, str):
                continue
            row = store._by_canonical(canonical)
            if row is None or bytes(row[2]).hex() != (record.get("content_hash") or ""):
                continue  # not exported from here, or a later version replaced it
            aid = int(row[0])
            sig = signature(body)
            store._x("UPDATE articles SET sig=? WHERE id=?", (sig or None, aid))
            store._set_bands(aid, [], band_keys(sig))
    rebuilt = int(store._one("SELECT count(*) FROM articles WHERE sig IS NOT NULL")[0])
    total = store.count()
    store._x("UPDATE meta SET v=? WHERE k='signature'", (SIGNATURE_SCHEME,))
    store._x("INSERT INTO meta(k, v) VALUES ('sketches_rebuilt', ?) ON CONFLICT(k) DO UPDATE SET v=excluded.v",
             (f"{old_scheme} -> {SIGNATURE_SCHEME}: {rebuilt} of {total}",))
    log.warning("seen-store: near-duplicate sketches rebuilt (%s -> %s) for %d of %d articles from %d output "
                "file(s); the others are still found by URL and body hash, not as near-duplicates",
                old_scheme, SIGNATURE_SCHEME, rebuilt, total, len(outputs))
    return rebuilt, total


def _records(path: Path, end: int) -> Any:
    """The JSON records of an output up to byte `end` (unreadable lines and files skipped)."""
    try:
        f = path.open("rb")
    except OSError:
        return
    with f:
        pos = 0
        for line in f:
            pos += len(line)
            if pos > end:
                return
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record
