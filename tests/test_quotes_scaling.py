"""The quote extractor is linear in the length of a paragraph.

One tagless page can put a whole article (or a live blog with hundreds of quotes) in a single
paragraph. The cost of 1x, 10x and 100x the same paragraph is compared (fastest of three runs
each, CPU time of this process): linear work grows about 10x per step, quadratic work 100x.
The margin is wide (35x) so that a loaded machine does not fail the test; no absolute time is
checked.
"""

from __future__ import annotations

import time

import pytest

from newsspider.extract.quotes import extract_quotes

SURNAMES = "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song".split()
GIVEN = "Na-ri Ji-ho Min-seo Tae-yang Ha-eun Do-yun Seo-yeon Jun-ho Ye-jin Si-woo Eun-bi Hyun-woo".split()


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


def _cost(paragraph: str) -> float:
    """CPU time of this process (other processes on a busy machine do not count), fastest of
    three runs."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract_quotes([paragraph])
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("make", [_prose, _short_quotes, _many_speakers, _no_quotes])
def test_cost_is_linear_in_paragraph_length(make):
    base = 10  # about 1 KB: the candidate windows (3,000 characters) are soon full
    costs = [_cost(make(base))]
    for factor in (10, 100):
        costs.append(_cost(make(base * factor)))
        ratio = costs[-1] / max(costs[-2], 1e-4)
        assert ratio < 35, f"{make.__name__}: x10 longer paragraph cost x{ratio:.0f} ({costs})"
