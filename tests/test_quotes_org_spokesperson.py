"""Issue #10 (stream adesc): "a company spokesperson", "a bureau spokesman" name the
organisation by the noun of its kind; the speaker is written as the labels write it, "a
<organisation> spokesperson", with the organisation that was the subject just before
(`mentions.unnamed._org_modifier`). Invented examples."""

from newsspider.extract.quotes import extract_quotes


def _speakers(paras):
    return [q["speaker"] for q in extract_quotes(paras, min_confidence=0.0)]


def test_a_company_spokesperson_names_the_company():
    # fails on main ba11e81: 'a company spokesperson'
    paras = [
        "Orbix, which lost two plants in the floods, has said it will stay cautious.",
        "“Orbix is watching the river levels closely,” a company spokesperson said.",
    ]
    assert _speakers(paras) == ["an Orbix spokesperson"]


def test_a_bureau_spokesperson_after_an_acronym_subject():
    # fails on main ba11e81: 'a bureau spokesperson' (the acronym makes no name run)
    paras = [
        "The lawmakers wrote to the agency in March.",
        "The FBI told reporters that it received the letter. “We take every report seriously,” a "
        "bureau spokesperson said.",
    ]
    assert _speakers(paras) == ["an FBI spokesperson"]


def test_a_person_subject_is_no_company():
    paras = [
        "Maria Olsen said she would stay cautious.",
        "“We are watching the river levels closely,” a company spokesperson said.",
    ]
    assert _speakers(paras) == ["a company spokesperson"]
