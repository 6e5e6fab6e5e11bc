"""Scale-out pieces without a crawl: part reconciliation against a real seen-store, the merge, the
engine internals the workers rely on, the add-on's settings."""

from __future__ import annotations

import inspect

import orjson
import pytest
from store_helpers import BACKENDS, make_store

from newsspider.dedup import content_hash, signature
from newsspider.distributed.export import part_path, reconcile_part
from newsspider.distributed.launch import combine
from newsspider.distributed.merge import find_parts, merge

BODY = ("The agency confirmed the group will hold a showcase next month, with a new title track "
        "and two b-sides written by the members during their break in the countryside.")


def rec(url: str, body: str, fetched: str = "2026-12-01T10:00:00+00:00", version: int = 1) -> dict:
    return {"url": url, "canonical_url": url, "body": body, "content_hash": content_hash(body),
            "fetched_at": fetched, "version": version}


@pytest.mark.parametrize("backend", BACKENDS)
def test_reconcile_registers_a_still_new_tail_and_cuts_one_exported_meanwhile(tmp_path, request, backend):
    store, _ = make_store(backend, tmp_path, request)
    part = part_path(tmp_path / "articles.jsonl", "w1")
    part.parent.mkdir(parents=True)
    a = rec("https://x.example/a", BODY)
    b = rec("https://x.example/b", "Syndicated: " + BODY)  # near copy of c, which w2 exported after b
    c = rec("https://x.example/c", BODY + " Photos: the agency.")
    d = rec("https://x.example/d", "A different story about a drama's final episode ratings and the cast.")
    lines = [orjson.dumps(r) + b"\n" for r in (a, b, d)]
    part.write_bytes(b"".join(lines) + b'{"torn')
    store.add(a, signature(a["body"]), output=part, offset=len(lines[0]))  # a was registered, b and d not
    store.add(c, signature(c["body"]))  # exported by another worker meanwhile
    kept, cut = reconcile_part(store, part)
    assert (kept, cut) == (1, 1)
    assert part.read_bytes() == lines[0] + lines[2]
    assert store.output_offset(part) == part.stat().st_size
    assert store.judge(d["canonical_url"], d["content_hash"], signature(d["body"])).action == "duplicate"
    assert reconcile_part(store, part) == (0, 0)  # idempotent


def test_merge_orders_by_fetch_time_drops_repeats_and_partial_lines(tmp_path):
    parts = tmp_path / "articles.jsonl.parts"
    parts.mkdir()
    r1 = rec("https://x.example/1", "one", "2026-12-01T10:00:03+00:00")
    r2 = rec("https://x.example/2", "two", "2026-12-01T10:00:01+00:00")
    r3 = rec("https://x.example/3", "three", "2026-12-01T10:00:02+00:00")
    r2v2 = rec("https://x.example/2", "two, updated", "2026-12-01T10:00:04+00:00", version=2)
    (parts / "w1.jsonl").write_bytes(orjson.dumps(r1) + b"\n" + orjson.dumps(r2v2) + b"\n")
    (parts / "w2.jsonl").write_bytes(orjson.dumps(r2) + b"\n" + orjson.dumps(r3) + b"\n"
                                     + orjson.dumps(r1) + b"\n" + b'{"url": "torn')
    found = find_parts([tmp_path / "articles.jsonl"])
    assert [p.name for p in found] == ["w1.jsonl", "w2.jsonl"]
    result = merge(found, tmp_path / "articles.jsonl")
    assert (result.records, result.duplicates, result.partial_lines) == (4, 1, 1)
    got = [orjson.loads(x) for x in (tmp_path / "articles.jsonl").read_bytes().splitlines()]
    assert [(r["url"][-1], r["version"]) for r in got] == [("2", 1), ("3", 1), ("1", 1), ("2", 2)]


def test_worker_summaries_combine_into_one():
    s = combine([{"articles_new": 3, "errors": {"timeout": 1}, "finish_reason": "finished"},
                 {"articles_new": 4, "errors": {"timeout": 2, "dns": 1}, "finish_reason": "finished"}])
    assert (s["articles_new"], s["errors"], s["finish_reason"], s["workers"]) == (
        7, {"timeout": 3, "dns": 1}, "finished", 2)
    assert combine([{"finish_reason": "finished"}, {"finish_reason": "shutdown"}])["finish_reason"] == "shutdown"


def test_the_engine_internals_the_workers_hook_are_still_there():
    """`engine_hooks` relies on the engine slot's remove_request (called once the engine is done
    with a scheduled request) and nextcall; fail loudly if a Scrapy upgrade changes them."""
    from scrapy.core.engine import ExecutionEngine, _Slot

    assert {"remove_request", "add_request", "nextcall"} <= set(dir(_Slot)) | set(
        inspect.signature(_Slot.__init__).parameters)
    src = inspect.getsource(ExecutionEngine._start_scheduled_request)
    assert "_remove_request" in src and "_handle_downloader_output" in src
    assert "self._slot.remove_request(request)" in inspect.getsource(ExecutionEngine._remove_request)


def test_addon_switches_a_worker_on_from_the_run_setting():
    pytest.importorskip("scrapy_redis")
    from scrapy.settings import Settings

    from newsspider.distributed.addon import DistributedRun

    s = Settings()
    s.setmodule("newsspider.settings", priority="project")
    s.set("NEWSSPIDER_RUN", "r1", priority="cmdline")
    s.set("NEWSSPIDER_WORKER", "w7", priority="cmdline")
    s.set("NEWSSPIDER_OUTPUT", "/data/a.jsonl", priority="cmdline")
    DistributedRun().update_settings(s)
    assert s["SCHEDULER"] == "newsspider.distributed.scheduler.RunScheduler"
    assert s["NEWSSPIDER_OUTPUT"] == "/data/a.jsonl.parts/w7.jsonl"
    assert s["NEWSSPIDER_MERGED_OUTPUT"] == "/data/a.jsonl"
    assert s["NEWSSPIDER_RUN_ID"] == "r1"
    assert s.getdict("SPIDER_MIDDLEWARES")["newsspider.distributed.seeding.SeedingMiddleware"] == 50
    plain = Settings()
    plain.setmodule("newsspider.settings", priority="project")
    DistributedRun().update_settings(plain)
    assert plain["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
