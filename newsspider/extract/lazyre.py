"""Regular expressions compiled on first use (start-up time of one-off commands, issue #13).

Python compiles a pattern in pure Python (``re._parser``, ``re._compiler``): a 2,000-character
word-list alternation takes ~2.5 ms, and the extractors' module-level patterns took ~100 ms of
CPU at every start of ``newsspider extract`` / ``fetch``. Many of them serve rare shapes of
text: over the news-pages, real-news and fan-news pages, 99 of 217 were used on fewer than half
of the pages. ``lazy()`` compiles on the first use instead of at import.

The object it returns compiles on the first attribute access, then stores each attribute it was
asked for (the compiled pattern's bound methods) on itself, so every later ``P.search(...)`` is a
plain instance-attribute lookup plus the compiled pattern's own method: no Python-level call in
between. ``P.pattern`` is the source string without compiling (patterns are built from others).
It is typed as ``re.Pattern[str]``; it is not one for ``isinstance`` or for ``re.sub(P, ...)``
(use ``P.sub(...)``).

A one-off command keeps the compiled patterns between runs (``newsspider.regexcache``): then a
lazy pattern is built from the program kept in the file, when it is first used.
"""

from __future__ import annotations

import re
from typing import Any, cast


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # only called for names not on the instance yet
        if name.startswith("__"):  # copy / pickle probes: not a pattern attribute
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            # (built from the program an earlier run kept, if it kept one)
            from newsspider.regexcache import compile as compile_

            compiled = self._compiled = compile_(self.pattern, self._flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done at the first use."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
