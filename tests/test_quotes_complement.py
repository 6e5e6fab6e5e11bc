"""A speaker description with a complement before its speech verb (issue #10, fourteenth pass):
"a spokesperson for <label> said", "a source close to <star> said", "another source speaking to
<outlet> said", "one member of <group> at <label> said". The description is the subject of the
verb; the name inside its complement (the label, the star, the outlet) only stands next to it.
Invented passages."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def one(paragraphs):
    qs = extract_quotes(paragraphs)
    assert len(qs) == 1
    return qs[0]


def norm(s):
    return s.replace("’", "'") if s else s


def test_a_spokesperson_for_a_label_said_is_the_spokesperson():
    q = one([
        "Girl group Lumina will hold a fan meeting in June.",
        "A spokesperson for Halcyon Records said, “The venue will be announced next week.”",
    ])
    assert q["speaker_raw"] == "A spokesperson"
    assert norm(q["speaker"]) == "Halcyon Records' spokesperson"


def test_a_source_close_to_the_star_is_not_the_star():
    q = one([
        "Actor Seo Jin-woo has been cast in a new drama.",
        "A source close to Seo said, “He read the script twice before saying yes.”",
    ])
    assert q["speaker_raw"] == "A source"
    assert q["speaker"] != "Seo Jin-woo"


def test_a_source_speaking_to_an_outlet_is_not_the_outlet():
    q = one([
        "Singer Kang Yu-na and her manager were seen in Jeju last week.",
        "Another source speaking to Star Daily said, “They met twice last month.”",
    ])
    assert q["speaker_raw"] == "Another source"
    assert "Daily" not in q["speaker"]


def test_one_member_of_the_staff_at_a_label_is_not_the_label():
    q = one([
        "Boy group NOVA will return in March.",
        "One member of the staff at Orbit Music said, “The songs are all recorded.”",
    ])
    assert q["speaker"] == "One member of the staff at Orbit Music"


# guards: a named head keeps its quote; a complement does not run over a blanked-out quote


def test_a_name_with_its_label_is_the_name():
    q = one([
        "Boy group NOVA will return in March.",
        "Kim Do-hyun of Orbit Music said, “The songs are all recorded.”",
    ])
    assert q["speaker"] == "Kim Do-hyun"


def test_a_complement_stops_at_a_quote():
    qs = extract_quotes([
        "Seo Jin-woo has said that the deal with the network could lead to “a second season.” "
        "Park Min-ji has said that the cast was “ready for it.”",
    ])
    assert [q["speaker"] for q in qs] == ["Seo Jin-woo", "Park Min-ji"]
