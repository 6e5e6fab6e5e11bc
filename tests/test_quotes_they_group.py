""""they" after two people joined by "and" is the pair unless a group or an organisation is
seen speaking after them (issue #10 eleventh pass): then "they" is the most salient agreeing
group or organisation. Invented passages; the first test failed on main before the change
(16ca27a: the pair "Kim Da-eun and Lee Jun" was returned)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs, title=None):
    return [q["speaker"] for q in extract_quotes(paragraphs, title=title)]


def test_they_after_the_label_is_seen_speaking_is_the_label():
    paras = [
        "Boy group NOVA will visit ten cities next spring, Moonrise Music confirmed on Monday.",
        "Radio host Kim Da-eun and actor Lee Jun joked about the dates on air before the label had said a word.",
        "“We wanted fans to hear it from us first,” they said.",
    ]
    assert speakers(paras, title="Label confirms NOVA tour") == ["Moonrise Music"]


def test_they_after_a_pair_with_the_organisation_only_mentioned_stays_the_pair():
    # the PolNeAR shape: an organisation named after the pair, but not speaking
    paras = [
        "Boy group NOVA will visit ten cities next spring, Moonrise Music confirmed on Monday.",
        "Radio host Kim Da-eun and actor Lee Jun joked about the dates on air and praised the label for the plan.",
        "“We will be at the first show,” they said.",
    ]
    assert speakers(paras, title="Label confirms NOVA tour") == ["Kim Da-eun and Lee Jun"]

