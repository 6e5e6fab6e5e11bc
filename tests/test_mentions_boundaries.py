"""Where a person's name starts inside a capitalised run (invented lines).

Shapes counted before the change outside the page that motivated each:
* a word glued before a name the article also writes alone ("Neither <name> nor", "Crooked
  <name>", "Rival <name>", "Republican <name>", "Certainly <name>"): ~30 runs in PolNeAR
  train/dev, and "Brave <name>" on a news page;
* an outlet glued before a person's surname ("… the Washington Post <surname> said", "& Co.
  <surname> adviser"): PolNeAR dev and train, and "the Daily Mail <surname>" on a news page;
* an occupation before the name ("Billionaire", "Moderator", "Congressman", "Senators",
  "Novelist"): 9 runs in PolNeAR train and the news pages.
Titles with a portfolio before the name: test_mentions_title_of."""

from __future__ import annotations

import pytest

from newsspider.extract.mentions import Mentions
from newsspider.extract.quotes import extract_quotes


def _speakers(paras: list[str]) -> list[str | None]:
    return [q["speaker"] for q in extract_quotes(paras)]


def test_a_sentence_initial_word_glued_to_a_name_is_cut_off():
    paras = [
        "Brave Dana Whitcombe has described her ordeal in detail.",
        "Dana Whitcombe, who lives in Leeds, said the trial had changed her.",
        "Whitcombe added: “I want to be heard by everyone.”",
    ]
    assert _speakers(paras) == ["Dana Whitcombe"]
    names = [e.name for e in Mentions(paras).registry.entities]
    assert "Dana Whitcombe" in names and "Brave Dana Whitcombe" not in names


def test_an_outlet_glued_to_a_surname_is_cut_off():
    paras = [
        "Dana Whitcombe, who lives in Leeds, said the trial had changed her.",
        "Whitcombe moved there in 2019.",
        "Speaking to the Daily Mail Whitcombe claimed: “It was the worst year of my life.”",
        "She added: “I want to be heard by everyone.”",
    ]
    assert _speakers(paras) == ["Dana Whitcombe", "Dana Whitcombe"]


@pytest.mark.parametrize(
    "paras",
    [
        # a surname of several words, its first word a particle
        ["Karim Abu Salem opened the meeting on Monday.", "Abu Salem said: “We will stay here.”"],
        # a given name the lexicon knows
        ["Robert Van Housen opened the meeting on Monday.", "Van Housen said: “We will stay here.”"],
    ],
)
def test_a_name_of_three_words_stays_whole(paras):
    assert [e.name for e in Mentions(paras).registry.entities][0] == paras[0].split(" opened")[0]


def test_an_occupation_before_the_name_is_no_part_of_it():
    paras = ["Novelist Mara Keddie, from Durban, admitted that it was “not my thing” at first."]
    assert _speakers(paras) == ["Mara Keddie"]
