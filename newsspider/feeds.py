"""Scrapy feed exports (``-O out.csv``, FEEDS) of newsspider records.

Scrapy's CSV exporter writes a list of records as their Python ``repr`` joined by commas (and
dataclasses as ``Image(url=…)``), which no CSV reader can use. `CsvItemExporter` here writes
lists and objects as JSON text instead, the same as ``newsspider export --to csv``. JSON, JSON
Lines and XML feeds already keep nested fields as nested data.
"""

from __future__ import annotations

import json
from typing import Any

from itemadapter import is_item
from scrapy.exporters import CsvItemExporter as ScrapyCsvItemExporter

from newsspider.items import to_record


def _plain(value: Any) -> Any:
    """Dataclass records, dicts and lists as plain JSON-ready data."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return to_record(value) if is_item(value) else value


class CsvItemExporter(ScrapyCsvItemExporter):
    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if isinstance(value, (list, tuple, dict)) or is_item(value):
            return json.dumps(_plain(value), ensure_ascii=False)
        if value is None:
            return ""
        return super().serialize_field(field, name, value)
