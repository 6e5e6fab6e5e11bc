"""The person after a title and its portfolio ("<State> Secretary of State <name>", "<Org>
Chief of Staff <name>", "Supervisor of Elections <name>", "Director of Government Affairs
<name>", "<Org> of <Org> President <name>", "senior director of marketing and … <name>")
(invented lines). Shape counted before the change: 12 runs in PolNeAR train/dev, real-news and
the news pages, 9 of them outside the real-news page that motivated it."""

from __future__ import annotations

import pytest

from newsspider.extract.mentions.runs import name_runs
from newsspider.extract.quotes import extract_quotes


def _speakers(paras: list[str]) -> list[str | None]:
    return [q["speaker"] for q in extract_quotes(paras)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Harbor County Supervisor of Elections Ana Pruitt said", ["Ana Pruitt"]),
        ("FWU Director of Public Affairs Tom Reddick told reporters", ["Tom Reddick"]),
        ("Ohio Secretary of State Jon Halvers said", ["Jon Halvers"]),
        # no name after the portfolio: the runs stay as they were
        ("the Ministry of Foreign Affairs said", ["Ministry", "Foreign Affairs"]),
        ("the head of State Street Corp. said", ["State Street Corp."]),
    ],
)
def test_a_title_and_portfolio_before_a_name(text, names):
    assert [r.text for r in name_runs(text)] == names


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        (["Harbor County Supervisor of Elections Ana Pruitt said “the lines were long but orderly.”"], "Ana Pruitt"),
        (
            [
                "United Federation of Dock Workers President Karl M. Ostrander Jr., who also represents port"
                " staff, warned against “a return to the old ways of the port.”"
            ],
            "Karl M. Ostrander Jr.",
        ),
        (
            [
                "“We are pleased with the deal,” said Acme’s Ghana senior director of marketing and customer"
                " care Lina Oduya."
            ],
            "Lina Oduya",
        ),
    ],
)
def test_the_speaker_is_the_person_after_the_title(paras, speaker):
    assert _speakers(paras) == [speaker]


def test_an_organisation_after_a_portfolio_is_no_speaker_name():
    paras = [
        "Dana Whitcombe leads the school.",
        "“We saw that there was a gap to fill,” says the director of academic management at SUM, who asked"
        " not to be named.",
    ]
    assert _speakers(paras) != ["SUM"]
