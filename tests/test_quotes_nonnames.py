"""A capitalised word that is no name is never a quote's speaker (`quotes.nonnames`, issue #10,
stream doc7): a nationality adjective gives the noun phrase it qualifies ("the Ostrian army"),
an opening participle nobody. Invented passages; the first fails on main 0592ade (the
speaker was "Ostrian"); the others are guards (an opening participle already left out when
the article writes it once; a name before its verb)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_a_nationality_adjective_gives_its_noun_phrase():
    paras = ["The Ostrian army in a statement said its troops were “holding every position.”"]
    assert [s.lower() if s else s for s in speakers(paras)] == ["the ostrian army"]


def test_an_opening_participle_names_nobody():
    paras = [
        "Appearing before the tribunal on Monday, lawyers for the port argued that the ban "
        "was “a breach of every treaty we signed.”",
    ]
    assert speakers(paras) != ["Appearing"]


def test_a_name_before_its_verb_stays():
    paras = ["Lorian Hale said the plan was “ready to go.”"]
    assert speakers(paras) == ["Lorian Hale"]
