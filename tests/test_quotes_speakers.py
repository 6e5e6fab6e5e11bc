"""Speaker attribution: the error shapes of issue #10, each a small invented article.

Each was wrong before the learned attribution model, the reference chains and the
organisation handling (checked against main at 8574902)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs, title=None):
    return [(q["text"][:24], q["speaker"], q["speaker_type"]) for q in extract_quotes(paragraphs, title=title)]


def test_she_said_is_the_person_the_passage_is_about_not_the_last_named():
    paras = [
        "Singer Han Yu-jin has spent the past year writing her first solo album.",
        "She wrote most of the songs at night and recorded them in a small studio in Mapo.",
        "Her manager, Park Min-ji, booked the studio for six months.",
        "“I needed a room where nobody could hear me fail,” she said.",
    ]
    assert speakers(paras, title="Han Yu-jin on her first solo album")[-1][1:] == ("Han Yu-jin", "person")


def test_lines_of_a_celebrity_are_not_given_to_her_mother_or_her_publicist():
    paras = [
        "Actress Seo Ji-an opened up about her childhood in a new interview with Star Weekly.",
        "Her mother, Kim Soon-ja, raised three children alone in Busan.",
        "“I want to make her proud every time I walk on a set,” she said.",
        "Seo’s publicist, Lee Da-eun, confirmed the new film deal on Monday.",
        "“It is a story I have wanted to tell for years,” she said.",
    ]
    got = speakers(paras, title="Seo Ji-an on growing up in Busan")
    assert [s for _t, s, _k in got] == ["Seo Ji-an", "Seo Ji-an"]


def test_they_said_is_the_label_not_two_people_named_in_passing():
    paras = [
        "Lawmakers Kim Tae-su and Choi Ho-jin were among the guests at the premiere on Friday.",
        "Starlight Records said the band would donate the proceeds to a children’s hospital.",
        "“We are proud of what the members have built together,” they said in a statement.",
    ]
    assert speakers(paras)[-1][1:] == ("Starlight Records", "organisation")


def test_the_label_said_in_a_statement_is_the_organisation():
    paras = [
        "Singer Yoo Na-rae will take a break from all activities, Moonlight Entertainment announced on Monday.",
        "Her bandmate Ryu Ha-neul visited her at home over the weekend.",
        "“Yoo needs time to recover her health and we ask for your understanding,” the label said in a statement.",
    ]
    assert speakers(paras)[-1][1:] == ("Moonlight Entertainment", "organisation")


def test_a_rep_for_the_agency_speaks_for_the_agency():
    paras = [
        "Singer Yoo Na-rae will take a break from all activities, Moonlight Entertainment announced on Monday.",
        "“She thanks her fans for waiting and will be back soon,” a rep for Moonlight told Star Daily.",
    ]
    assert speakers(paras)[-1][1:] == ("Moonlight Entertainment", "organisation")
