"""Item pipelines: PageItem -> Article, one extraction step each, then validation and export.

Order (settings.ITEM_PIPELINES): metadata, body, quotes, releases, validation, dedup/export.
The first step extracts the whole page at once (`newsspider.extraction`: every stage), in an
extraction worker process (`newsspider.pool`, ``NEWSSPIDER_EXTRACT_WORKERS``) or in-process; each
step then takes its fields from that result. A stage that failed on a page is counted in the
stats (``newsspider/errors/<step>``) and logged once per step and error type; a failed
quotes/releases stage leaves those lists empty, a failed metadata/body stage drops the page with
its reason counted.

Modules: `base` (what the steps share: the extraction result `Work`, the `Step` base class),
`steps` (metadata, body, quotes, releases, validation) and `export` (dedup/export, and the
in-memory collector of one-off fetches). Settings name the classes ``newsspider.pipelines.X``.
"""

from newsspider.pipelines.base import (
    WORK_ATTR,
    ExtractionError,
    Step,
    Work,
    coerce,
    extract_workers,
    profile_dict,
    work_of,
)
from newsspider.pipelines.export import CollectPipeline, DedupExportPipeline
from newsspider.pipelines.steps import (
    BodyPipeline,
    ListStep,
    MetadataPipeline,
    QuotesPipeline,
    ReleasesPipeline,
    ValidationPipeline,
)

__all__ = ["WORK_ATTR", "BodyPipeline", "CollectPipeline", "DedupExportPipeline", "ExtractionError",
           "ListStep", "MetadataPipeline", "QuotesPipeline", "ReleasesPipeline", "Step",
           "ValidationPipeline", "Work", "coerce", "extract_workers", "profile_dict", "work_of"]
