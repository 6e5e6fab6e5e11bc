"""Compiled patterns kept between runs of a one-off command (newsspider.regexcache, issue #13)."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsspider import regexcache

re_compiler = pytest.importorskip("re._compiler")

PATTERNS = [
    (r"(?P<day>\d{1,2})\.\s*(?P<month>\d{1,2})\.\s*(?P<year>\d{4})", 0),
    (r"\b(?:share|tweet|e-?mail|print|advertisement|subscribe|newsletter)s?\b", re.I),
    (r"(?i)(?<![\w-])(?:album|single|EP|mini[- ]album)(?![\w-])", 0),
    (r"""
        (?P<q>[“"]) (?P<text>[^”"]{3,}) [”"]   # a quotation
        \s*,?\s* (?P<who>[A-Z]\w+) \s+ said
     """, re.X),
    (r"^[\s\u00a0]*(?:[A-ZÄÖÜ][\wäöüß]+\s){1,3}(?:\||–|-)\s*$", re.M),
    (r"(\w+)\s+\1", re.I | re.S),
    (r"[가-힣]+(?:은|는|이|가)", 0),
]
TEXTS = [
    "On 3. 12. 2026 the single was out", "Share this story | Tweet | E-mail", "their mini-album",
    '"It is great," Kim said', "Weiter Lesen –\nNews - \n", "the the end", "방탄소년단은 말했다",
    "", "x" * 50,
]


@pytest.fixture
def fresh_re(monkeypatch, tmp_path):
    """An empty ``re`` compile cache, the kept file under tmp_path, bytecode writing on."""
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(regexcache, "cache_path", lambda command: str(tmp_path / f"regex-{command}.marshal"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(regexcache, "_loaded", {})
    monkeypatch.setattr(regexcache, "_lazy_programs", {})
    monkeypatch.setattr(regexcache, "_asked_lazily", set())
    return tmp_path


def test_a_kept_pattern_is_the_pattern_re_compiles(fresh_re):
    assert regexcache.warm("t") == 0  # no file yet
    first = [re.compile(p, f) for p, f in PATTERNS]
    assert regexcache.save("t") == len(PATTERNS)
    assert regexcache.save("t") == 0  # nothing new
    re._cache.clear()  # type: ignore[attr-defined]
    assert regexcache.warm("t") == len(PATTERNS)
    for (pattern, flags), before in zip(PATTERNS, first, strict=True):
        kept = re._cache[str, pattern, flags]  # type: ignore[attr-defined]
        assert re.compile(pattern, flags) is kept  # found, not compiled
        fresh = re_compiler.compile(pattern, flags)  # what re compiles, bypassing every cache
        assert kept == fresh == before  # the same program, flags and pattern
        assert (kept.groups, kept.groupindex, kept.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
        for text in TEXTS:
            assert [m.span() for m in kept.finditer(text)] == [m.span() for m in fresh.finditer(text)]
            assert [m.groupdict() for m in kept.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]


def test_a_lazy_pattern_is_built_from_its_kept_program_when_first_used(fresh_re):
    regexcache.warm("t")
    lazy, eager = PATTERNS[:4], PATTERNS[4:]
    for pattern, flags in lazy:
        regexcache.compile(pattern, flags)  # as lazyre does at the first use
    for pattern, flags in eager:
        re.compile(pattern, flags)
    assert regexcache.save("t") == len(PATTERNS)
    re._cache.clear()  # type: ignore[attr-defined]
    assert regexcache.warm("t") == len(PATTERNS)
    # the module-level ones are built at the start, the lazy ones only when asked for
    assert {(p, f) for _, p, f in re._cache} == set(eager)  # type: ignore[attr-defined]
    for pattern, flags in lazy:
        built = regexcache.compile(pattern, flags)
        fresh = re_compiler.compile(pattern, flags)
        assert built == fresh
        assert (built.groups, built.groupindex, built.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
    assert re._cache == {} or {(p, f) for _, p, f in re._cache} == set(eager)  # type: ignore[attr-defined]


def test_a_damaged_or_another_interpreters_file_is_ignored(fresh_re):
    path = Path(regexcache.cache_path("t"))
    path.write_bytes(b"\x00not marshal")
    assert regexcache.warm("t") == 0
    assert re.compile(*PATTERNS[0]).search("1. 2. 2026")
    assert regexcache.save("t") == 1  # and the file is written again
    stamp, kept = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((("3.99.0", *stamp[1:]), kept)))
    re._cache.clear()  # type: ignore[attr-defined]
    assert regexcache.warm("t") == 0
    assert re._cache == {}  # type: ignore[attr-defined]


def test_nothing_is_written_when_python_writes_no_bytecode(fresh_re, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    regexcache.warm("t")
    re.compile(*PATTERNS[1])
    assert regexcache.save("t") == 0
    assert list(fresh_re.iterdir()) == []


def test_a_second_extract_compiles_no_pattern_and_writes_the_same_record(tmp_path):
    page = tmp_path / "page.html"
    paras = ["“We are back,” the group’s leader said of the new album, out on May 5. “It was hard "
             "work,” she added.", "Kim Min-ji, a spokeswoman for the agency, told reporters: “The "
             "members are thankful.”", "The singer later explained that the record had taken two years, "
             "according to a statement."]
    page.write_text("<html><head><title>A Story</title></head><body><article><h1>A Story</h1>"
                    + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pyc")  # the kept patterns go there, with the bytecode
    cmd = [sys.executable, "-m", "newsspider.cli", "extract", str(page)]

    def run(seed: str) -> dict:
        # another hash seed each run: a pattern joined from a set in set order would be another
        # string each time, never found in the file
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**env, "PYTHONHASHSEED": seed},
                              timeout=120, check=True)
        record = json.loads(proc.stdout)
        for k in ("fetched_at", "run_id"):
            record.pop(k)
        return record

    first = run("1")
    (path,) = (tmp_path / "pyc").rglob("regex-extract.*.marshal")
    _, kept = marshal.loads(path.read_bytes())
    assert len(kept) > 50
    before = path.stat()
    assert run("2") == first
    after = path.stat()
    # every pattern of the second run was in the file: nothing compiled, nothing added
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
