"""Compiled regular expressions kept between runs of a command (start-up time, issue #13).

Python compiles a pattern in pure Python (``re._parser``, ``re._compiler``): the ~180 patterns
one ``newsspider extract FILE`` compiles took ~230 M of its ~645 M instructions (callgrind, a
254 KB news page), at every start. The result of that work is a list of integers (the matching
engine's program) that the C function ``_sre.compile`` turns into the ``re.Pattern`` object in
microseconds. This module keeps those programs in a file, the way Python keeps bytecode in
``__pycache__``:

- ``warm(command)`` reads the file of a command and puts each pattern into ``re``'s own
  compile cache, so the ``re.compile`` / ``re.search`` / ``lazy()`` calls of the run find it
  there instead of compiling;
- patterns made with ``lazy()`` (``newsspider.extract.lazyre``; many serve rare shapes of text)
  are not built at the start: ``compile()`` builds one from its kept program when the pattern
  is first used (a big case-insensitive alternation's program is ~27 KB; building all ~450
  patterns a batch of pages compiles took ~30 M instructions at every start);
- ``save(command)``, at the end of the run, adds the patterns compiled in the run that the file
  did not have. Each new program is checked before it is kept: the pattern ``_sre.compile``
  builds from it must equal (same program, flags and groups) the one ``re`` compiled in the run.

The file is tied to the exact interpreter (``sys.version``, the engine's ``MAGIC`` and code size);
another interpreter's, an unreadable or a damaged file is ignored, as is any error here: the
patterns are then compiled as usual. Nothing is written when Python writes no bytecode
(``-B``, ``PYTHONDONTWRITEBYTECODE``) or the folder is not writable; ``PYTHONPYCACHEPREFIX``
moves the file with the bytecode. Each command has its own file (a crawl compiles other
patterns than an extract).
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from typing import Any

try:
    import _sre
except ImportError:  # another implementation than CPython: no cache
    _sre = None

MAX_ENTRIES = 2000  # over this, the file keeps only the patterns of the last run
_STAMP = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None), 2)
if _sre is not None and array("I").itemsize != _sre.CODESIZE:  # the programs are kept as array("I") bytes
    _sre = None
Key = tuple[str, int]
# the file read by warm(), per command: {(pattern, flags): (flags, code bytes, groups, groupindex,
# indexgroup, lazy)}
_loaded: dict[str, dict[Key, tuple[Any, ...]]] = {}
_lazy_programs: dict[Key, tuple[Any, ...]] = {}  # kept programs of lazy() patterns, built on demand
_asked_lazily: set[Key] = set()  # the patterns compile() was asked for


def _build(pattern: str, kept: tuple[Any, ...]) -> re.Pattern[str]:
    all_flags, code, groups, groupindex, indexgroup = kept[:5]
    return _sre.compile(pattern, all_flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name
    """``re.compile(pattern, flags)``, built from the kept program when there is one (lazy())."""
    key = (pattern, int(flags))
    _asked_lazily.add(key)
    kept = _lazy_programs.get(key)
    if kept is not None:
        try:
            return _build(pattern, kept)
        except Exception:  # noqa: BLE001 - compile as usual
            pass
    return re.compile(pattern, flags)


def cache_path(command: str) -> str:
    """Where `command`'s patterns are kept: beside this package's bytecode."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
    prefix = sys.pycache_prefix
    if prefix:  # as importlib places bytecode under PYTHONPYCACHEPREFIX
        folder = os.path.join(prefix, os.path.dirname(os.path.abspath(__file__)).lstrip(os.sep))
    name = "".join(c for c in command if c.isalnum()) or "other"
    return os.path.join(folder, f"regex-{name}.{sys.implementation.cache_tag}.marshal")


def _re_cache() -> dict[Any, Any] | None:
    cache = getattr(re, "_cache", None)
    return cache if _sre is not None and type(cache) is dict else None


def warm(command: str) -> int:
    """Put `command`'s kept patterns into ``re``'s compile cache; how many."""
    cache = _re_cache()
    if cache is None:
        return 0
    entries: dict[Key, tuple[Any, ...]] = {}
    _loaded[command] = entries
    try:
        with open(cache_path(command), "rb") as fh:
            stamp, kept = marshal.loads(fh.read())
        if stamp != _STAMP or type(kept) is not dict:
            return 0
        for key, program in kept.items():
            if program[5]:
                _lazy_programs[key] = program
            else:
                cache[str, key[0], key[1]] = _build(key[0], program)
            entries[key] = program
    except Exception:  # noqa: BLE001 - no file, another format, a damaged file: compile as usual
        pass
    return len(entries)


def _program(pattern: str, flags: int, compiled: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What builds `compiled` again (checked), or None: the arguments of ``_sre.compile``, the
    program as bytes, and whether to build it on demand (a lazy() pattern)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # (opcodes are int subclasses)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    kept = (flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup), (pattern, flags) in _asked_lazily)
    again = _build(pattern, kept)
    if again != compiled or again.groups != compiled.groups or dict(again.groupindex) != dict(compiled.groupindex):
        return None
    return kept


def save(command: str) -> int:
    """Add the patterns compiled in this run that `command`'s file lacks; how many were added."""
    cache = _re_cache()
    if cache is None or sys.dont_write_bytecode or command not in _loaded:
        return 0
    kept = _loaded[command]
    try:
        new = {}
        for key, compiled in list(cache.items()):
            kind, pattern, flags = key
            if kind is not str or (pattern, flags) in kept or flags & re.DEBUG:
                continue
            args = _program(pattern, flags, compiled)
            if args is not None:
                new[pattern, flags] = args
        if not new:
            return 0
        if len(kept) + len(new) > MAX_ENTRIES:  # stale patterns pile up: keep this run's
            used = {(p, f) for kind, p, f in cache if kind is str} | _asked_lazily
            kept = {k: v for k, v in kept.items() if k in used}
        kept = {**kept, **new}
        path = cache_path(command)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(marshal.dumps((_STAMP, kept)))
            os.replace(tmp, path)  # readers see the old file or the new one, never half of one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _loaded[command] = kept
    except Exception:  # noqa: BLE001 - a read-only folder, a full disk: the next run compiles
        return 0
    return len(new)
