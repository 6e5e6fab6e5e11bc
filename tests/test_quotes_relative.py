"""A relative clause that reports speech names its speaker: "<X> met <Y>, who told her that
“…”" is Y's, not X's (issue #10; PolNeAR train writes the shape with "who" as the source six
times, real-news twice). Invented passages; the first test fails on main 33baaba (the
main clause's subject was the speaker)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_the_antecedent_of_who_speaks_the_quote_of_its_clause():
    paras = [
        "Dana Whitfield says she learned a lot from her old friend Tom Vell, who revealed “the joker, "
        "the man who was at times unsure.”",
        "Dana Whitfield met Tom Vell, who apparently told her he “had been wanting to do a dance film”.",
    ]
    assert speakers(paras) == ["Tom Vell", "Tom Vell"]


def test_a_relative_clause_that_does_not_report_speech_changes_nothing():
    # guards: "who then went on to become" is no speech; "said X, who said" stays X's
    paras = [
        "Dana Whitfield met Tom Vell, who then went on to become “the best host on television.”",
        "“It is a disaster,” said Dana Whitfield, who said there were “too many things to list.”",
    ]
    assert speakers(paras) == ["Dana Whitfield", "Dana Whitfield", "Dana Whitfield"]
