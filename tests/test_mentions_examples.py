"""Salience of a name given as an example ("alumni such as <name>", "stars including <name>"):
in Lappin & Leass's terms it is neither the head of its noun phrase nor outside a
prepositional phrase, so a she / he a sentence later stays with the person the passage is
about; and a name written with a lower-case "the" before it ("the <Name>, the famous troupe")
is a thing, not a person, whatever its apposition (issue #10; "such as <name>" lists are
common in PolNeAR train, "the <Name>" for bands, troupes and papers everywhere). Invented
passage; the test fails on main a780c23 ("she says" went to the example)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes

PARAS = [
    "“I was the shy one,” said Mara Solano, who grew up in a small town.",
    "Improv was something Solano had never heard of. But when she went to a show at the Lanterns, "
    "the famous improv troupe with alumni such as Lisa Brandt, Owen Pike and Will Fenn, something "
    "clicked. Making things up on stage was, she says, less scary than saying lines: “You can't "
    "mess it up and you can't forget your lines.”",
]


def test_she_after_a_list_of_examples_is_the_person_the_passage_is_about():
    quotes = extract_quotes(PARAS, title="Mara Solano: the accidental actor")
    assert [q["speaker"] for q in quotes] == ["Mara Solano", "Mara Solano"]
