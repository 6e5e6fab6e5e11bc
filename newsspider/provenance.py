"""Where a record comes from: run ids and the provenance fields of every record (no Scrapy)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any


def new_run_id() -> str:
    """Sortable and unique: ``20261202T143000Z-3f9a1c2b``. (The 8 hex digits are 4 random bytes,
    as the first 8 of ``uuid.uuid4().hex`` were: the uuid module imports platform, ~11 M
    instructions of every one-off command's start.)"""
    return f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-{os.urandom(4).hex()}"


def provenance(url: str, http_status: int | None = None, run_id: str | None = None) -> dict[str, Any]:
    """The site's domain, the HTTP status, the run that wrote the record, and the versions of the
    record schema and of the extractor (the package version)."""
    from newsspider import SCHEMA_VERSION, __version__
    from newsspider.urls import host_of

    return {"domain": host_of(url) or None, "http_status": http_status, "run_id": run_id,
            "schema_version": SCHEMA_VERSION, "extractor_version": __version__}
