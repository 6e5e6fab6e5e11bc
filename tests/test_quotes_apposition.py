"""An apposition between a name and its speech verb ("X, an analyst at Y, told …") keeps X the
subject even when it holds an abbreviation's full stops ("the U.K. think-tank", "a D.C.
lobbyist"): those are no sentence end (issue #10; shape seen 7 times in PolNeAR train and the
news pages). Invented passages; the test fails on main c4b17c5 (the continued quote went to the
organisation inside the apposition)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def test_an_abbreviation_inside_an_apposition_does_not_end_the_clause():
    for where in ("U.K.", "D.C.", "A.F.L.-C.I.O.-backed"):
        text = (
            f"“The vote moves the talks back to the start,” Mara Ellison, an analyst at the {where} "
            "think-tank Harbor House, told reporters. “The next step makes it harder.”"
        )
        quotes = extract_quotes([text])
        assert [q["speaker"] for q in quotes] == ["Mara Ellison", "Mara Ellison"], where


def test_a_real_sentence_end_inside_the_commas_still_stops_the_apposition():
    # guard: "Harbor House, told …" after a full stop is a new sentence whose subject is the
    # organisation
    text = (
        "Mara Ellison spoke first, at length. Then Harbor House, the think-tank, told reporters: "
        "“We disagree with every word.”"
    )
    quotes = extract_quotes([text])
    assert [q["speaker"] for q in quotes] == ["Harbor House"]
