"""An outlet after "according to" only relayed the words when the sentence names a speaker of
its own: "“…,” <X> said on the radio, according to the <paper>" is X's, not the paper's
(issue #10; PolNeAR train: "<X> said, according to CNN", "<X> said at a press conference,
according to the <paper>", "the pope told reporters, according to Reuters", six such). Invented
passages; the first test fails on main c6d1dea (the outlet was the speaker)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_the_speaker_of_the_sentence_not_the_outlet_that_relayed_it():
    paras = [
        "“This will be the first tour of its kind in the country,” investment banker Tom Rusk said on "
        "the radio, according to the Daily Courier.",
        "“It is a great day,” the bishop told reporters, according to Reuters.",
    ]
    assert speakers(paras) == ["Tom Rusk", "the bishop"]


def test_according_to_alone_still_names_the_source():
    # guard: with no speaker of its own, the words are the outlet's report
    assert speakers(["“The deal is off,” according to the Daily Courier."]) == ["Daily Courier"]
