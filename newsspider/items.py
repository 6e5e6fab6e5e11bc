"""The records newsspider produces.

`Article` is the one exported record (one JSON Lines line per article). It is a plain
dataclass, used through itemadapter in the pipelines; the JSON Schema committed in
``newsspider/schema/article.schema.json`` is generated from these definitions
(``python -m newsspider.schema``) and a test fails when the two drift.

`PageItem` is what spiders yield: the fetched page, before any extraction. It never
reaches the output; the first pipeline turns it into an `Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

# The version of the record layout, re-exported: defined (with its history) in newsspider/__init__.py
# beside __version__, so the provenance fields of every record do not build these dataclasses.
from newsspider import SCHEMA_VERSION  # noqa: F401


@dataclass
class Image:
    url: str
    caption: str | None = None
    credit: str | None = None


@dataclass
class Embed:
    url: str
    kind: Literal["tweet", "instagram", "youtube", "tiktok", "video", "other"]
    author: str | None = None
    text: str | None = None


@dataclass
class Quote:
    text: str
    speaker: str | None
    speaker_raw: str | None
    cue: str | None
    kind: Literal["block", "inline", "embed"]
    paragraph: int | None = None
    # how sure the attribution is (0-1; 0 when speaker is null) and what kind of speaker it is
    speaker_confidence: float = 0.0
    speaker_type: Literal["person", "organisation", "unknown"] = "unknown"


@dataclass
class Release:
    artist: str | None
    title: str
    kind: Literal[
        "album", "mini_album", "single", "digital_single", "ep", "ost", "mv", "repackage"
    ]
    date: str
    date_precision: Literal["day", "month"]
    status: Literal["released", "upcoming"]
    evidence: str
    time: str | None = None
    paragraph: int | None = None  # index of the body paragraph the evidence is in (0-based)


@dataclass
class Titles:
    """Every title the page gives, by source (`title` is the one shown as the headline)."""

    h1: str | None = None  # the article's visible <h1>
    og: str | None = None  # og:title (the social-media title)
    jsonld: str | None = None  # the JSON-LD headline
    twitter: str | None = None  # twitter:title
    html: str | None = None  # the <title> element, site name included


@dataclass
class Article:
    url: str
    canonical_url: str
    site: str
    url_key: str = ""
    title: str | None = None
    subtitle: str | None = None
    titles: Titles | None = None
    description: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_raw: str | None = None
    modified: str | None = None
    modified_raw: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    body: str | None = None
    body_html: str | None = None
    word_count: int = 0
    images: list[Image] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    # what extraction could not do on this page, "stage: reason" ("quotes: budget",
    # "releases: timeout", "quotes: ValueError"); the other fields are kept
    extraction_errors: list[str] = field(default_factory=list)
    fetched_at: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None
    version: int = 1
    source_file: str | None = None  # set by `newsspider extract` (saved pages), null when crawled
    domain: str | None = None
    http_status: int | None = None
    run_id: str | None = None
    schema_version: str = SCHEMA_VERSION
    extractor_version: str | None = None


@dataclass
class PageItem:
    """A fetched page on its way to extraction (spiders yield these)."""

    url: str
    body: bytes
    site: str
    fetched_at: str
    encoding: str | None = None
    headers: dict[str, Any] = field(default_factory=dict)
    status: int = 200


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once per class


def to_record(obj: Any) -> Any:
    """An item as plain JSON-ready data, field order kept.

    Like ``dataclasses.asdict`` (which ItemAdapter.asdict uses) without its deep copies: the
    record is serialised right away, so the copies only cost time (~1 ms per article).
    """
    cls = type(obj)
    if cls in _PLAIN:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if is_dataclass(obj) and not isinstance(obj, type):
            names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(obj))
        elif isinstance(obj, list):
            return [to_record(x) for x in obj]
        elif isinstance(obj, dict):
            return {k: to_record(v) for k, v in obj.items()}
        else:
            return obj
    return {name: to_record(getattr(obj, name)) for name in names}
