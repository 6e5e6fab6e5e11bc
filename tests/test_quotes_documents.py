"""A document named as a quote's speaker ("the statement said", "the letter reads") is never
the speaker: its issuer is (`quotes.documents`, issue #10, stream doc7), else nobody.
Invented passages; the first three fail on main 0592ade (the speaker was "statement",
"letter" or "post"); the last two are guards (an issuer after 'by', a name inside the document phrase)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_the_statement_of_a_subject_that_said_in_a_statement():
    paras = [
        "The Harbour Trust, chaired by Mayor Elin Vask, said in a statement that the pier would close.",
        "“The pier is no longer safe for visitors,” the statement said.",
    ]
    assert speakers(paras) == ["Harbour Trust"]


def test_a_named_envoy_said_in_a_statement():
    paras = [
        "Talks broke down on Sunday.",
        "UN envoy Mara Tellin said in a statement that both delegations had left the city.",
        "“Both sides must return to the table,” the statement read.",
    ]
    assert speakers(paras) == ["Mara Tellin"]


def test_a_statement_by_someone():
    paras = [
        "Residents were told on Friday.",
        "A statement by the Norvale Water Board read: “Supplies will resume on Monday.”",
    ]
    assert speakers(paras) == ["Norvale Water Board"]


def test_a_document_without_issuer_has_no_speaker():
    paras = [
        "Parents gathered at the school gates on Tuesday.",
        "“Classes will move online for a week,” the letter reads.",
    ]
    assert speakers(paras) == [None]


def test_a_named_document_stays_with_its_name():
    paras = ["“Most of the damage came from the river,” the Coastal Agency report said."]
    assert speakers(paras) == ["Coastal Agency"]
