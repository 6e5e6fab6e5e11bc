"""Descriptions that speak, resolved by what the article writes with them (issue #10, stream
`desc`): the name in apposition after an inverted description ("“…,” said the former editor of
the Gazette, <name>."), not the person named before it. Invented passages."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes

BRIDGE = "Mayor Tom Briggs opened the new bridge on Monday."


def speakers(paragraphs):
    return [(q["speaker"], q["speaker_raw"]) for q in extract_quotes(paragraphs, min_confidence=0.0)]


def test_the_name_apposed_to_an_inverted_description_speaks():
    said = "“It is a fine day for the town,” said "
    assert speakers([BRIDGE, said + "the former editor of the Gazette, Ruth Calloway."])[0][0] == "Ruth Calloway"
    assert speakers([BRIDGE, said + "the company's chief executive, Ruth Calloway."])[0][0] == "Ruth Calloway"
    assert speakers([BRIDGE, said + "a former spokesman for the Transport Ministry, Oleg Varnov."])[0][0] == "Oleg Varnov"


def test_a_name_apposed_to_the_complement_or_a_place_does_not_speak():
    assert speakers([BRIDGE, "“It is a fine day,” said the mayor of Springfield, Illinois."])[0][0] != "Illinois"
    got = speakers(["Mira Solano skipped the gala.", "“She is resting,” said a spokesperson for the singer, Mira Solano."])
    assert got[0][1] == "a spokesperson"
