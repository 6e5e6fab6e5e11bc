"""Every extractor grows linearly (or n·log n) with its input: no page can stall a crawl.

Each extractor runs on inputs 1×, 10× and 100× a base size (more paragraphs, a longer
paragraph, a longer text); the CPU time (best of three) from 10× to 100× must grow by less
than 10^1.45 ≈ 28× (linear is 10×, n·log n about 12×, quadratic 100×), and from 1× to 100× by
less than 100^1.45. Ratios measured in the same run, so a loaded machine slows both ends alike.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from collections.abc import Callable

import pytest

from newsspider.extract import Page
from newsspider.extract.body import extract_body
from newsspider.extract.dates import find_dates
from newsspider.extract.metadata import extract_metadata
from newsspider.extract.quotes import extract_quotes
from newsspider.extract.releases import extract_releases

MAX_EXPONENT = 1.45
WORDS = ("agency concert tour album single stage fans tickets city night song video chart record "
         "member leader drama episode rating cast studio label producer showcase").split()
NAMES = ["Kim Minji", "Lee Jieun", "Park Jimin", "the agency", "a spokesperson", "the producer"]
VERBS = ["said", "told reporters", "added", "explained", "noted", "wrote"]


def para(i: int) -> str:
    rnd = random.Random(i)
    return " ".join(rnd.choice(WORDS) for _ in range(30)).capitalize() + "."


def quote_sentence(i: int) -> str:
    rnd = random.Random(i)
    return rnd.choice([
        f'"We worked hard on song {i}," {rnd.choice(NAMES)} {rnd.choice(VERBS)}.',
        f'{rnd.choice(NAMES)} {rnd.choice(VERBS)} that tour {i} would "change everything" for fans.',
        f"According to {rnd.choice(NAMES)}, album {i} sold well in Seoul and Busan.",
        f"“It is {i} times better,” {rnd.choice(NAMES)} said, “and we hope you like it.”",
    ])


def release_sentence(i: int) -> str:
    return (f"The group released its album Blue Hour {i} on March {i % 28 + 1}, 2025, and the single "
            f"Sky Line {i} drops on May {i % 28 + 1}.")


def page(n: int) -> Page:
    body = "".join(f"<p>{para(i)}</p>" for i in range(n))
    head = "".join(f"<meta name='keywords-{i}' content='tag {i}'>" for i in range(n))
    links = "".join(f"<a href='/tag/{i}'>tag {i}</a> " for i in range(n))
    html = (f"<html><head><title>Group Title Here</title>{head}</head><body><nav>{links}</nav>"
            f"<article><h1>Group Title Here</h1>{body}</article></body></html>")
    return Page.from_text(html, "https://news.example/a/1")


PUBLISHED = "2025-01-01T00:00:00+00:00"
# name -> (base size, make(n) -> the call to time)
CASES: dict[str, tuple[int, Callable[[int], Callable[[], object]]]] = {
    "metadata": (20, lambda n: (lambda p: lambda: extract_metadata(p))(page(n))),
    "body": (10, lambda n: (lambda p: lambda: extract_body(p, {"title": "Group Title Here"}))(page(n))),
    "quotes_many_paragraphs": (5, lambda n: (lambda ps: lambda: extract_quotes(ps))(
        [quote_sentence(i) + " " + para(i) for i in range(n)])),
    "quotes_one_long_paragraph": (4, lambda n: (lambda ps: lambda: extract_quotes(ps))(
        [" ".join(quote_sentence(i) for i in range(n))])),
    "releases_many_paragraphs": (5, lambda n: (lambda ps: lambda: extract_releases(ps, PUBLISHED))(
        [release_sentence(i) for i in range(n)])),
    "releases_one_long_paragraph": (4, lambda n: (lambda ps: lambda: extract_releases(ps, PUBLISHED))(
        [" ".join(release_sentence(i) for i in range(n))])),
    "dates": (5, lambda n: (lambda s: lambda: find_dates(s, dt.date(2025, 1, 1)))(
        " ".join(release_sentence(i) + " " + para(i) for i in range(n)))),
}


def cpu(call: Callable[[], object], repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


@pytest.mark.parametrize("name", list(CASES))
def test_extractor_grows_linearly(name):
    base, make = CASES[name]
    upper, overall = exponents(make, base)  # growth exponents 10x->100x and 1x->100x
    assert upper < MAX_EXPONENT and overall < MAX_EXPONENT, (name, upper, overall)


def exponents(make: Callable[[int], Callable[[], object]], base: int) -> tuple[float, float]:
    times = [cpu(make(base * k)) for k in (1, 10, 100)]
    return math.log10(times[2] / times[1]), math.log10(times[2] / times[0]) / 2


def test_the_check_catches_quadratic_growth():
    """The same measurement on a pairwise comparison (quadratic) fails the bound."""
    def pairwise(n: int) -> Callable[[], object]:
        xs = list(range(n))
        return lambda: sum(1 for a in xs for b in xs if a < b)

    upper, overall = exponents(pairwise, 30)
    assert upper > MAX_EXPONENT and overall > MAX_EXPONENT, (upper, overall)
