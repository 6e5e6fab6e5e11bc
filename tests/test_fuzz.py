"""Fuzzing the extractors with a fixed seed: a few thousand mutated pages (tests/fuzzing.py),
none may raise and none may take more than the per-page budget of CPU time.
`python benchmarks/fuzz_extract.py` runs the same on many more pages with a new seed."""

from __future__ import annotations

import time

from fuzzing import mutated_pages

from newsspider.extract import Page, extract_article

SEED = 20261202
PAGES = 2000
BUDGET_S = 2.0  # CPU seconds per page (issue #12: "for example 2 s of CPU")


def test_mutated_pages_never_raise_and_stay_within_the_budget():
    failures, slow = [], []
    for k, body, ctype in mutated_pages(SEED, PAGES):
        start = time.process_time()
        try:
            page = Page.from_bytes(body, f"https://fuzz.example/{k}", content_type=ctype)
            record = extract_article(page)
            assert isinstance(record.get("quotes"), list) and isinstance(record.get("releases"), list)
        except Exception as exc:  # noqa: BLE001 - collected, reported below
            failures.append((k, f"{type(exc).__name__}: {exc}"[:300]))
        took = time.process_time() - start
        if took > BUDGET_S:
            slow.append((k, round(took, 2), len(body)))
    assert not failures, f"{len(failures)} of {PAGES} pages raised (seed {SEED}): {failures[:5]}"
    assert not slow, f"{len(slow)} pages over {BUDGET_S} s of CPU (seed {SEED}): {slow[:5]}"
