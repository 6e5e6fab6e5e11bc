"""One page in, the extracted fields out: the job the crawl's extraction workers run.

`extract_page(job)` is a pure function over plain data (the page's bytes, its URL, the site
profile as a dict, a CPU budget) returning a plain dict, so it runs the same in the crawl process
(``NEWSSPIDER_EXTRACT_WORKERS = 0``) and in a worker process of `newsspider.pool` (the job and the
result are pickled). No Scrapy imports here.

The page goes through the extraction stages in order (`STAGES`): metadata, body, quotes,
releases. `extract_stages(job)` yields what each stage adds as soon as it is done, so a worker
stopped in the middle of a page (the hard time limit of `newsspider.pool`) still hands back the
stages it finished. Each stage catches its own errors (listed under ``errors``: the record keeps
the other fields). Metadata and body are always run (no record without them); before each later
stage the page's CPU time is checked, and once it is past the budget the remaining stages are
skipped (listed under ``skipped`` as ``"budget"``): the article is exported with what was done.

The result::

    {"metadata": {...}, "body": {...}, "quotes": [...], "releases": [...],
     "notes": [...],              # input repaired or capped on the way in (charset, size, depth)
     "errors": {stage: "TypeName: message"},
     "skipped": {stage: "budget"},
     "signature": bytes, "content_hash": str,   # of the body, for deduplication
     "cpu": seconds}
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

STAGES = ("metadata", "body", "quotes", "releases")
REQUIRED = ("metadata", "body")  # a page without them is no record: never skipped
NEEDS = {"body": "meta", "quotes": "body", "releases": "body"}  # what a stage reads
DEFAULT_BUDGET = 2.0  # seconds of CPU per page before the optional stages are skipped


def job_for(body: bytes, url: str, *, content_type: str | None = None, fetched_at: str | None = None,
            profile: dict[str, Any] | None = None, budget: float = DEFAULT_BUDGET) -> dict[str, Any]:
    """The job of one page (plain, picklable data: the page's bytes, never a Response)."""
    return {"body": body, "url": url, "content_type": content_type, "fetched_at": fetched_at,
            "profile": profile, "budget": budget}


def _error(exc: BaseException) -> dict[str, str]:
    return {"type": type(exc).__name__, "message": str(exc)[:500],
            "traceback": "".join(traceback.format_exception(exc))[-4000:]}


def _fetched(value: str | None) -> datetime:
    try:
        return datetime.fromisoformat(value) if value else datetime.now(UTC)
    except ValueError:
        return datetime.now(UTC)


def extract_stages(job: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """What each stage adds to the result, one dict per stage, in `STAGES` order (see
    `merge`). The last one carries the CPU time spent on the page."""
    from newsspider import extract

    start = time.thread_time()
    budget = float(job.get("budget") or 0)
    fetched_at = job.get("fetched_at") or datetime.now(UTC).isoformat(timespec="seconds")
    state: dict[str, Any] = {}
    page: Any = None

    def metadata() -> Any:
        nonlocal page
        page = extract.Page.from_bytes(job["body"], job["url"], content_type=job.get("content_type"),
                                       fetched_at=_fetched(fetched_at), profile=job.get("profile"))
        state["meta"] = extract.metadata_fields(page)
        return state["meta"]

    def body() -> Any:
        extract.page_kind_read_tree(page, state["meta"])  # before the body step takes the tree
        fields, state["body"] = extract.body_fields(page, state["meta"])
        fields["page_kind"] = extract.page_kind(page, state["meta"], fields)  # generic crawls
        return fields

    def quotes() -> Any:
        return extract.quote_fields(state["body"], state["meta"].get("title"))["quotes"]

    def releases() -> Any:
        meta = state["meta"]
        return extract.release_fields(state["body"], meta.get("published"), meta.get("title"),
                                      fetched_at)["releases"]

    run = {"metadata": metadata, "body": body, "quotes": quotes, "releases": releases}
    faults = _test_faults(job["url"])
    for stage in STAGES:
        out: dict[str, Any] = {}
        if stage not in REQUIRED and budget and time.thread_time() - start > budget:
            out["skipped"] = {stage: "budget"}
        elif stage in NEEDS and NEEDS[stage] not in state:
            out["skipped"] = {stage: "no_input"}  # an earlier stage failed: the page is refused
        else:
            try:
                if stage in faults:
                    _inject(stage, faults[stage])
                out[stage] = run[stage]()
            except Exception as exc:  # noqa: BLE001 - a stage's error loses that stage only
                out["errors"] = {stage: _error(exc)}
            if stage == "body" and stage in out:
                out.update(_dedup_keys(out[stage].get("body") or ""))
        if page is not None:
            out["notes"] = sorted(page.notes)
        if stage == STAGES[-1]:
            out["cpu"] = time.thread_time() - start
        yield out


# -- test hook -------------------------------------------------------------------------------
# NEWSSPIDER_TEST_FAULT makes chosen pages misbehave inside extraction, so that the crawl tests
# (tests/test_pool.py) can check what the crawl does with a page that never finishes, raises or
# kills its worker without depending on how fast the extractors are. For tests only; unset in
# every real run. Rules separated by ";", each STAGE:ACTION:URL-SUBSTRING, ACTION one of
# sleep=SECONDS, spin=CPU-SECONDS, raise, exit (the worker process dies; never in-process).
TEST_FAULT_ENV = "NEWSSPIDER_TEST_FAULT"
IN_WORKER = False  # set by newsspider.pool in a worker process


class InjectedFault(RuntimeError):
    pass


def _test_faults(url: str) -> dict[str, str]:
    spec = os.environ.get(TEST_FAULT_ENV)
    if not spec:
        return {}
    out = {}
    for rule in spec.split(";"):
        stage, _, rest = rule.partition(":")
        action, _, pattern = rest.partition(":")
        if stage in STAGES and pattern and pattern in url:
            out[stage] = action
    return out


def _inject(stage: str, action: str) -> None:
    name, _, arg = action.partition("=")
    if name == "sleep":
        time.sleep(float(arg))
    elif name == "spin":
        end = time.thread_time() + float(arg)
        while time.thread_time() < end:
            pass
    elif name == "raise":
        raise InjectedFault(f"test fault in {stage}")
    elif name == "exit" and IN_WORKER:
        os._exit(70)


def _dedup_keys(body: str) -> dict[str, Any]:
    """The body's content hash and near-duplicate signature, computed with the body (off the
    crawl's reactor thread when extraction runs in a worker)."""
    from newsspider.dedup import content_hash, signature

    return {"content_hash": content_hash(body), "signature": signature(body)}


def merge(result: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Add one stage's update (from `extract_stages`) to a result."""
    for key, value in update.items():
        if key in ("errors", "skipped"):
            result.setdefault(key, {}).update(value)
        else:
            result[key] = value
    return result


def empty_result() -> dict[str, Any]:
    return {"errors": {}, "skipped": {}, "notes": []}


def unfinished(result: dict[str, Any]) -> list[str]:
    """The stages a result lacks, as "stage: reason" (the record's ``extraction_errors``): the
    error's type, "budget", "timeout" or "worker_lost" (the worker was stopped or died first)."""
    status = (result.get("pool") or {}).get("status", "done")
    out = []
    for stage in STAGES:
        if stage in result:
            continue
        if stage in result.get("errors", {}):
            reason = result["errors"][stage].get("type", "Error")
        elif stage in result.get("skipped", {}):
            reason = result["skipped"][stage]
        else:
            reason = {"timeout": "timeout", "lost": "worker_lost"}.get(status, "not_run")
        out.append(f"{stage}: {reason}")
    return out


def extract_page(job: dict[str, Any]) -> dict[str, Any]:
    """Every stage of one page (see the module's docstring for the result)."""
    result = empty_result()
    for update in extract_stages(job):
        merge(result, update)
    return result
