"""End to end: a real crawl of the bundled demo site served on 127.0.0.1, checked against its labels."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest
from crawl_helpers import REPO, crawl, demo_labels, expected_demo_count, last_run, records

from newsspider.demo.server import SITE_DIR, DemoServer
from newsspider.schema import SCHEMA_PATH
from newsspider.urls import normalize_url


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    with DemoServer() as srv:
        first = crawl("news", tmp, srv.mirrors, "-a", "site=demo")
        first_records = records(tmp / "articles.jsonl")
        first_run = last_run(tmp)
        second = crawl("news", tmp, srv.mirrors, "-a", "site=demo")
        hits = srv.hits
    assert first.returncode == 0, first.stderr[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]
    return {"records": first_records, "run": first_run, "second_run": last_run(tmp),
            "second_records": records(tmp / "articles.jsonl"), "hits": hits,
            "logs": [first.stderr, second.stderr]}


@pytest.fixture(scope="module")
def by_canonical(crawled):
    return {r["url_key"]: r for r in crawled["records"]}


@pytest.fixture(scope="module")
def labels():
    return {normalize_url(lab["url"]): lab for lab in demo_labels()}


def test_record_count_and_unique_keys(crawled):
    recs = crawled["records"]
    assert len(recs) == expected_demo_count() >= 25
    assert len({r["canonical_url"] for r in recs}) == len(recs)
    assert len({r["content_hash"] for r in recs}) == len(recs)
    assert crawled["run"]["finish_reason"] == "finished"
    assert crawled["run"]["errors"] == {}


def test_records_validate_against_the_schema(crawled):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for rec in crawled["records"]:
        jsonschema.validate(rec, schema)


def test_duplicates_are_written_once(crawled, labels):
    groups: dict[str, list[str]] = {}
    for key, lab in labels.items():
        if lab.get("dup_group"):
            groups.setdefault(lab["dup_group"], []).append(key)
    assert groups, "the demo site must have duplicate groups"
    written = {r["url_key"] for r in crawled["records"]}
    for members in groups.values():
        assert len(written & set(members)) == 1, members


def test_exact_titles(by_canonical, labels):
    for key, rec in by_canonical.items():
        assert key in labels, f"unexpected record {key}"
        assert rec["title"] == labels[key]["title"]


def test_body_is_the_article_text_without_chrome(by_canonical, labels):
    for key, rec in by_canonical.items():
        lab = labels[key]
        body = rec["body"]
        for boiler in lab.get("not_in_body", []):
            assert boiler not in body, f"{key}: chrome in body: {boiler!r}"
        missing = [p for p in lab["body_paragraphs"] if norm(p) not in norm(body)]
        assert not missing, f"{key}: paragraphs missing from body: {missing[:2]}"


def test_second_run_fetches_no_known_article_and_writes_nothing(crawled):
    second = crawled["second_run"]
    assert second["articles_new"] == 0 and second["articles_updated"] == 0
    assert len(crawled["second_records"]) == len(crawled["records"])
    # feed and sitemaps answer 304; the listing walk stops after NEWSSPIDER_STOP_AFTER_SEEN known articles
    assert second["not_modified"] >= 2
    assert second["known_skipped"] >= 10
    assert second["pages_fetched"] <= 6  # robots.txt, feed, sitemap index, listing pages
    article_paths = {re.sub(r"^https?://[^/]+", "", r["url"]).split("?")[0] for r in crawled["records"]}
    # every article page was fetched exactly once over both runs
    assert all(crawled["hits"].get(p) == 1 for p in article_paths), {
        p: crawled["hits"].get(p) for p in article_paths if crawled["hits"].get(p) != 1}


def test_crawl_log_has_no_critical_or_traceback(crawled):
    """A clean run ends cleanly: no CRITICAL line, no traceback (the export writer thread was
    once stopped twice, by close_spider and by a reactor shutdown trigger: AlreadyQuit)."""
    for log in crawled["logs"]:
        assert "Spider closed (finished)" in log, log[-2000:]
        bad = [line for line in log.splitlines()
               if " CRITICAL: " in line or "Traceback" in line or "AlreadyQuit" in line]
        assert not bad, bad


def test_demo_command_from_any_directory(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "demo"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = tmp_path / "data" / "articles.jsonl"
    assert len(records(out)) == expected_demo_count()
    assert re.search(rf"articles written\s+{expected_demo_count()}\b", proc.stdout)
    assert str(out) in proc.stdout
    again = subprocess.run([sys.executable, "-m", "newsspider.cli", "demo"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0
    assert re.search(r"articles written\s+0\b", again.stdout)
    assert len(records(out)) == expected_demo_count()


def test_extract_saved_demo_pages(tmp_path, labels):
    lab = next(iter(labels.values()))
    page = SITE_DIR / lab["file"]
    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "extract", str(page), "--url", lab["url"]],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    jsonschema.validate(rec, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert rec["title"] == lab["title"] and rec["source_file"] == str(page)


def _quote_key(text: str) -> str:
    return norm(text)


def test_quotes_match_the_labels(by_canonical, labels):
    gold = pred = matched = speaker_ok = 0
    for key, rec in by_canonical.items():
        g = {_quote_key(q["text"]): q for q in labels[key]["quotes"]}
        p = {_quote_key(q["text"]): q for q in rec["quotes"]}
        gold, pred = gold + len(g), pred + len(p)
        for k, q in g.items():
            if k in p:
                matched += 1
                speaker_ok += p[k]["speaker"] == q["speaker"]
    precision, recall = matched / pred, matched / gold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95, (precision, recall)
    assert speaker_ok / matched >= 0.95


@pytest.mark.parametrize("path, kinds", [
    ("/2026/01/08/", {"block"}),  # block quote closed by "— Name"
    ("/2026/01/22/", {"block", "inline"}),  # "- Name, via Instagram", role speaker "the director"
    ("/2026/08/21/", {"inline", "embed"}),  # split quote "…," she wrote, "…"; embedded tweet
    ("/2026/04/28/", {"inline"}),  # "…," the singer told Outlet; X wrote, "…"
])
def test_quotes_of_chosen_pages_exactly(by_canonical, labels, path, kinds):
    (key,) = [k for k in by_canonical if path in k]
    got = sorted((norm(q["text"]), q["speaker"], q["kind"]) for q in by_canonical[key]["quotes"])
    want = sorted((norm(q["text"]), q["speaker"], q["kind"]) for q in labels[key]["quotes"])
    assert got == want
    assert kinds <= {k for _, _, k in want}


RELEASE_FIELDS = ("title", "date", "artist", "kind", "status")


def _release_rows(events: list[dict]) -> list[tuple]:
    return sorted((tuple(ev.get(f) for f in RELEASE_FIELDS) for ev in events), key=repr)


def _fields(row: tuple) -> dict:
    return dict(zip(RELEASE_FIELDS, row, strict=True))


def _release_diff(key: str, got: list[tuple], want: list[tuple]) -> list[str]:
    """Readable lines for one page: events missing from the crawl (-), extra in it (+), and
    events of the same title whose other fields differ."""
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    lines: list[str] = []
    for w in missing:
        twin = next((g for g in extra if norm(g[0]) == norm(w[0])), None)
        if twin is not None:
            extra.remove(twin)
            want_f, got_f = _fields(w), _fields(twin)
            fields = ", ".join(
                f"{f}: want {want_f[f]!r} got {got_f[f]!r}"
                for f in RELEASE_FIELDS
                if want_f[f] != got_f[f]
            )
            lines.append(f"  ~ {w[0]!r}: {fields}")
        else:
            lines.append(f"  - missing {_fields(w)}")
    lines += [f"  + extra   {_fields(g)}" for g in extra]
    return [key, *lines] if lines else []


def test_releases_match_the_labels_exactly(by_canonical, labels):
    """Every labelled release event of every demo page comes out of the crawl with the same
    title, date, artist, kind and status, and nothing else does."""
    report: list[str] = []
    gold = 0
    for key, rec in sorted(by_canonical.items()):
        want = _release_rows(labels[key]["releases"])
        got = _release_rows(rec["releases"])
        gold += len(want)
        report += _release_diff(key, got, want)
    assert gold >= 50, gold  # the demo pages do label their releases
    assert not report, "release events differ from the demo labels:\n" + "\n".join(report)


@pytest.mark.parametrize("path", [
    "/2026/05/11/",  # "is set to be released on June 12", "released on May 9"
    "/2026/07/20/",  # "Aug. 7 at 6 p.m. KST"
    "/2026/05/25/",  # "in late July" (month precision)
])
def test_releases_of_chosen_pages_exactly(by_canonical, labels, path):
    (wanted,) = [k for k in labels if path in k]
    # of a duplicate group only the copy that arrived first is written (the crawl order varies)
    group = labels[wanted].get("dup_group")
    (key,) = [k for k in by_canonical if k == wanted or group and labels[k].get("dup_group") == group]
    fields = ("artist", "title", "kind", "date", "status")
    got = sorted(tuple(r[f] for f in fields) for r in by_canonical[key]["releases"])
    want = sorted(tuple(r[f] for f in fields) for r in labels[key]["releases"])
    assert got == want


def test_provenance_and_record_fields_of_crawled_records(crawled):
    from newsspider import __version__
    from newsspider.items import SCHEMA_VERSION

    run_id = crawled["run"]["run_id"]
    assert run_id and crawled["second_run"]["run_id"] not in (None, run_id)
    for rec in crawled["records"]:
        assert (rec["schema_version"], rec["extractor_version"]) == (SCHEMA_VERSION, __version__)
        assert rec["run_id"] == run_id and rec["http_status"] == 200 and rec["domain"] == "kpopdemo.example"
        assert rec["url_key"] == normalize_url(rec["canonical_url"])
        assert rec["word_count"] == len(rec["body"].split())
        assert rec["language"] == "en"
        # JSON-LD image references ({"@id": ".../#primaryimage"}) are resolved to the image itself
        assert not any(im["url"].endswith("#primaryimage") for im in rec["images"]), rec["url"]
    assert sum(bool(r["description"]) for r in crawled["records"]) >= len(crawled["records"]) // 2
