"""A speaker's name without the rank, honorific or portfolio written before it (invented lines).

Shapes counted in PolNeAR train before the change: "Secretary of State <name>" 42, "Chief of
Staff <name>" 8, a rank after a qualifier of its own ("Rear Admiral", "Army Col.", "Director
Adm.") 4; in the news-pages speaker audit (dev parts) "Rear Admiral", "Wing Commander", "Datuk
Seri" and "Adv" on four pages."""

from __future__ import annotations

import pytest

from newsspider.extract.mentions.runs import name_runs
from newsspider.extract.quotes import extract_quotes


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rear Admiral Tomas Varga said", "Tomas Varga"),
        ("Wing Commander Lina Oduro said", "Lina Oduro"),
        ("Army Col. Dale Pruitt said", "Dale Pruitt"),
        ("Director Adm. Ruth Keane said", "Ruth Keane"),
        ("Air Chief Marshal Ivo Brandt said", "Ivo Brandt"),
        ("Datuk Seri Hamid Rosli said", "Hamid Rosli"),
        ("Adv Neo Mabote said", "Neo Mabote"),
        ("Secretary of State Ana Ruiz said", "Ana Ruiz"),
        ("the Secretary of Homeland Security Omar Feld said", "Omar Feld"),
        ("Minister of Foreign Affairs Chen Bo said", "Chen Bo"),
        ("White House Chief of Staff Dana Whitlow said", "Dana Whitlow"),
    ],
)
def test_the_name_follows_the_title(text, name):
    assert [r.text for r in name_runs(text)][-1] == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a portfolio with no name after it stays what it was
        ("the Ministry of Foreign Affairs said", ["Ministry", "Foreign Affairs"]),
        ("the State Department said", ["State Department"]),
        # a surname that is a rank word, and a name that starts with one
        ("Prime Minister Edwin Major said", ["Edwin Major"]),
        ("Major League Baseball said", ["Major League Baseball"]),
    ],
)
def test_what_is_no_title_stays(text, names):
    assert [r.text for r in name_runs(text)] == names


def test_the_speaker_is_named_without_rank_or_portfolio():
    paras = [
        "Rear Admiral Tomas Varga briefed reporters on Tuesday. “We will hold the line as long as it takes,” Varga said.",
        "Secretary of State Ana Ruiz said the talks were “moving in the right direction at last.”",
    ]
    got = [(q["speaker"], q["text"][:12]) for q in extract_quotes(paras)]
    assert got == [("Tomas Varga", "We will hold"), ("Ana Ruiz", "moving in th")]
