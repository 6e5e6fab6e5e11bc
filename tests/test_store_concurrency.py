"""Exactly once across processes: two processes export the same 2,000 records (1,000 stories
and a near-copy of each under another URL) at the same moment into one seen-store, each to its
own output file. Every story must be written once in all (the story or its copy, not both)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import BACKENDS, state_spec

WORKER = Path(__file__).with_name("export_worker.py")
N = 2000


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_processes_export_the_same_records_once(backend, tmp_path, request):
    state = state_spec(backend, tmp_path, request)
    outs = [tmp_path / f"part-{i}.jsonl" for i in (1, 2)]
    procs = [subprocess.Popen([sys.executable, str(WORKER), state, str(out), str(seed), str(N)],
                              stderr=subprocess.PIPE, text=True)
             for seed, out in enumerate(outs)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-3000:]
    written = [json.loads(line) for out in outs for line in out.read_text(encoding="utf-8").splitlines()]
    stories = [r["title"] for r in written]
    assert len(stories) == len(set(stories)) == N // 2
    assert all(len(out.read_text(encoding="utf-8").splitlines()) > 0 for out in outs)  # both took part
