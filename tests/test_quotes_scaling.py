"""The quote extractor is linear in the length of a paragraph.

One tagless page can put a whole article (or a live blog with hundreds of quotes) in a single
paragraph. The same paragraph is repeated 1x, 10x and 100x; linear work grows about 10x per
step, quadratic work 100x. Two measures, neither an absolute time:

* **work count** (deterministic): the number of Python and C function calls the extraction
  makes (``sys.setprofile``), for 1x, 10x and 100x. The same input always gives the same count,
  so the check cannot be disturbed by a loaded machine. Each 10x step must cost < 16x.
* **CPU time** (for work inside C calls: a regex re-scanning the whole prefix is one call but
  O(n) characters): this process's CPU time for 10x and 100x, inputs large enough that each
  run takes tens of milliseconds (sub-millisecond runs made the old 1x/10x/100x timing flaky
  under load), with the garbage collector paused, fastest of three runs, and the ratio
  re-measured once before failing. The 10x step must cost < 35x.

`test_the_checks_catch_quadratic_work` runs both checks on deliberately quadratic functions
(pairwise Python calls; an anchored regex re-scanning the prefix at every sentence end, the
shape of the old extractor's n^3 paragraph cost) and requires them to fail.
"""

from __future__ import annotations

import gc
import re
import sys
import time
from collections.abc import Callable

import pytest

from newsspider.extract.quotes import extract_quotes

SURNAMES = "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song".split()
GIVEN = "Na-ri Ji-ho Min-seo Tae-yang Ha-eun Do-yun Seo-yeon Jun-ho Ye-jin Si-woo Eun-bi Hyun-woo".split()
MAX_CALL_RATIO = 16.0  # per 10x step; linear work measures 10-12x
MAX_CPU_RATIO = 35.0  # per 10x step, CPU time; quadratic is ~100x


def _people(n: int) -> list[str]:
    return [f"{SURNAMES[k % len(SURNAMES)]} {GIVEN[(k // len(SURNAMES)) % len(GIVEN)]}" for k in range(n)]


def _prose(n: int) -> str:
    unit = (
        "Kim Na-ri spoke to reporters in Seoul on Friday. “We practised every night for the show,” she "
        "said. The agency confirmed the tour dates in a statement. "
    )
    return unit * n


def _short_quotes(n: int) -> str:
    return " ".join(f"“Line {k} of the chant,” a fan said, “and one more.”" for k in range(n))


def _many_speakers(n: int) -> str:
    return " ".join(
        f"{name} arrived at Gate {k}. “I waited since dawn for this,” {name.split()[0]} said."
        for k, name in enumerate(_people(n))
    )


def _no_quotes(n: int) -> str:
    return "Dr. J. Smith met Mr. Lee at the U.S. embassy at 5 p.m. and they talked. " * n


SHAPES = [_prose, _short_quotes, _many_speakers, _no_quotes]


def _extract(paragraph: str) -> object:
    return extract_quotes([paragraph])


def call_count(fn: Callable[[str], object], arg: str) -> int:
    """Function calls (Python and C) made by `fn(arg)`: deterministic for a given input."""
    fn(arg)  # warm caches (compiled patterns, the model file) outside the count
    n = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(profile)
    try:
        fn(arg)
    finally:
        sys.setprofile(None)
    return n


def cpu(fn: Callable[[str], object], arg: str, repeat: int = 3) -> float:
    """Fastest CPU time of this process over `repeat` runs, garbage collector paused."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            t0 = time.process_time()
            fn(arg)
            best = min(best, time.process_time() - t0)
    finally:
        if enabled:
            gc.enable()
    return max(best, 1e-6)


def call_ratios(fn: Callable[[str], object], make: Callable[[int], str], base: int) -> list[float]:
    counts = [call_count(fn, make(base * k)) for k in (1, 10, 100)]
    return [counts[1] / max(1, counts[0]), counts[2] / max(1, counts[1])]


def cpu_ratio(fn: Callable[[str], object], make: Callable[[int], str], base: int) -> float:
    """CPU cost of 10x over 1x of `make(base)`; measured again (and the lower ratio kept) when
    the first measurement is over the bound, so one burst of load cannot fail the check."""
    small, large = make(base), make(base * 10)
    ratio = cpu(fn, large) / cpu(fn, small)
    if ratio >= MAX_CPU_RATIO:
        ratio = min(ratio, cpu(fn, large) / cpu(fn, small))
    return ratio


@pytest.mark.parametrize("make", SHAPES)
def test_work_count_is_linear_in_paragraph_length(make):
    ratios = call_ratios(_extract, make, 10)
    assert all(r < MAX_CALL_RATIO for r in ratios), f"{make.__name__}: calls per 10x step {ratios}"


@pytest.mark.parametrize("make", SHAPES)
def test_cpu_time_is_linear_in_paragraph_length(make):
    # 100 units (~10-15 KB) against 1,000 units (~100-150 KB): tens of ms against hundreds
    ratio = cpu_ratio(_extract, make, 100)
    assert ratio < MAX_CPU_RATIO, f"{make.__name__}: x10 longer paragraph cost x{ratio:.0f}"


def _pairwise_calls(text: str) -> int:
    words = text.split()
    return sum(1 for a in words for b in words if min(a, b) == a)


_ANCHORED = re.compile(r"(?:[^.]*\.)*?[^.]*$")


def _prefix_rescan(text: str) -> int:
    """The old extractor's shape: at every sentence end, an anchored pattern over the prefix
    (one C call each, linear in the prefix)."""
    hits = 0
    for m in re.finditer(r"\. ", text):
        hits += bool(_ANCHORED.match(text, 0, m.start()))
    return hits


def test_the_checks_catch_quadratic_work():
    unit = "Kim said the tour was long. "
    ratios = call_ratios(_pairwise_calls, lambda n: unit * n, 3)
    assert ratios[1] > MAX_CALL_RATIO, ratios
    # the regex re-scan makes the same number of calls per sentence (linear in calls) ...
    assert max(call_ratios(_prefix_rescan, lambda n: unit * n, 10)) < MAX_CALL_RATIO
    # ... and only CPU time sees its quadratic cost
    assert cpu_ratio(_prefix_rescan, lambda n: unit * n, 100) > MAX_CPU_RATIO
