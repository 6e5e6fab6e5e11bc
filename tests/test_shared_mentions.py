"""One mention index per article: the release extractor reuses the one the quotes built.

Counted, not timed: building the index (`mentions.Mentions`) is most of the cost of resolving
names, and an article used to build it twice (quotes, then release artists). Invented text."""

from __future__ import annotations

from typing import Any

import pytest

from newsspider.extract import mentions, quote_fields, release_fields
from newsspider.extract.quotes import extract_quotes
from newsspider.extract.releases import extract_releases
from newsspider.extraction import extract_page, job_for

PUB = "2024-05-27T12:20:00+00:00"
TITLE = "Kim Ha-neul to return with ‘Glass Harbor’"
ARTICLE = [
    "Singer Kim Ha-neul will release her first mini album, “Glass Harbor,” on June 14, her agency "
    "Bluefin Entertainment said on Monday.",
    "“I wanted every song to feel like a letter,” Kim said in a statement. “It took two winters.”",
    "Bluefin Entertainment’s new boy group ORBIT drops its debut single “Paper Moon” on June 20.",
]
# more shapes where the artist goes through the index: a short form, an agency possessive,
# a pronoun, a block quote with an attribution line, a group and its member
ARTICLES = [
    (TITLE, ARTICLE),
    (
        "Taylor Bennett shares new single",
        [
            "Taylor Bennett has a new single. Bennett’s “Winter Lights” is out on May 31, "
            "Northgate Records said.",
            "“This one is for the fans who waited,” Bennett told reporters.",
        ],
    ),
    (
        "LUMEN announce comeback",
        [
            "LUMEN will return with their second mini album “Tideline” on June 3.",
            "We are nervous and excited.",
            "— LUMEN leader Park Jae-won",
            "The group’s agency, Starfield Music, said the title track “Low Tide” drops the same day.",
        ],
    ),
    (
        "Watch: HALO share ‘Neon Rain’ performance video",
        [
            "HALO member Seo Yu-jin said on Friday: “We practised for months.”",
            "Seo Yu-jin’s group released the single “Neon Rain” on May 24.",
        ],
    ),
]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of mention indexes built (`Mentions.__init__` calls)."""
    count = [0]
    orig = mentions.Mentions.__init__

    def counting(self: Any, *args: Any, **kw: Any) -> None:
        count[0] += 1
        orig(self, *args, **kw)

    monkeypatch.setattr(mentions.Mentions, "__init__", counting)
    return count


def test_one_index_per_article(builds: list[int]) -> None:
    body: dict[str, Any] = {"paragraphs": list(ARTICLE)}
    quotes = quote_fields(body, TITLE)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Kim Ha-neul", "Kim Ha-neul"]
    assert builds[0] == 1
    releases = release_fields(body, PUB, TITLE, None)["releases"]
    assert [(r["artist"], r["title"]) for r in releases] == [
        ("Kim Ha-neul", "Glass Harbor"), ("ORBIT", "Paper Moon")]
    assert builds[0] == 1  # was 2: the release artists built their own


def test_one_index_per_page_in_the_crawl_stages(builds: list[int]) -> None:
    html = (f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>")
    result = extract_page(job_for(html.encode(), "https://news.example/kim-ha-neul"))
    assert not result["errors"]
    assert {r["title"] for r in result["releases"]} == {"Glass Harbor", "Paper Moon"}
    assert builds[0] == 1


@pytest.mark.parametrize(("title", "paragraphs"), ARTICLES)
def test_releases_same_with_the_quotes_index(title: str, paragraphs: list[str]) -> None:
    alone = extract_releases(paragraphs, PUB, title=title)
    index: list[mentions.Mentions] = []
    extract_quotes(paragraphs, title=title, mentions_out=index)
    assert len(index) == 1
    shared = extract_releases(paragraphs, PUB, title=title, mentions=index[0])
    assert alone  # the fixture has releases
    assert shared == alone


def test_index_of_other_paragraphs_not_reused(builds: list[int]) -> None:
    index: list[mentions.Mentions] = []
    extract_quotes(ARTICLES[1][1], title=ARTICLES[1][0], mentions_out=index)
    assert builds[0] == 1
    got = extract_releases(ARTICLE, PUB, title=TITLE, mentions=index[0])
    assert builds[0] == 2  # built for these paragraphs
    assert got == extract_releases(ARTICLE, PUB, title=TITLE)


def test_no_quote_candidates_no_index() -> None:
    index: list[mentions.Mentions] = []
    assert extract_quotes(["LUMEN will return with “Tideline” on June 3."], mentions_out=index) == []
    assert index == []
