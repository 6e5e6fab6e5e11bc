"""Social platforms are where words are posted, not who posts them (issue #10, stream
`types`): "<owner>'s Facebook said" is the owner's, "on Instagram: “…”" names nobody, and a
pronoun does not refer to a platform the article never makes speak. Invented passages."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [(q["speaker"], q["speaker_raw"]) for q in extract_quotes(paragraphs, min_confidence=0.0)]


def test_the_owner_of_the_page_speaks():
    post = "A Monday post shared on the Harbor Falls School District's Facebook said that the district was "
    got = speakers(["Classes resumed on Monday.", post + "“seeing more students and staff out sick” this month."])
    assert got[0][0] == "Harbor Falls School District"


def test_a_platform_after_on_is_not_the_speaker():
    got = speakers(["Minister Ana Lind thanked the rescue teams.", "On Instagram: “Every night without them costs lives.”"])
    assert got[0][0] != "Instagram"


def test_a_pronoun_does_not_refer_to_a_silent_platform():
    photo = "A nurse is fighting back after a photo she posted to Facebook drew an online backlash."
    got = speakers([photo, "On one Facebook page an anonymous poster shared her photo and wrote they found it “rude and tacky.”"])
    assert got[0][0] != "Facebook"


def test_a_platform_that_speaks_as_a_company_still_speaks():
    got = speakers(["Twitter suspended the account on Monday.", "“The account broke our rules,” Twitter said in a statement."])
    assert got[0][0] == "Twitter"
