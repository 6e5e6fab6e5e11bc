"""Descriptions as speakers (issue #10, fifteenth pass): a noun phrase that is the subject of a
speech verb describes someone even when no role lexicon holds its head ("the hitmaker", "the
29-year-old", "the mother-of-two"), when it holds a qualifier ("the ‘<song>’ singer", "the
<award> winner") or a modifier ("the former contestant"), and when it follows the verb ("“…,”
said the 29-year-old."). An age names the person written with it; an unknown noun the person
the passage is about, not a companion introduced through that person; "the group’s leader"
is the group's leader, not whoever was named last. Invented passages."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes

TITLE = "Mira Solano opens up about her third album"
LEDE = "Singer Mira Solano is back with her third album, out on Friday."
PRODUCER = "Her producer, Dana Whitfield, spent two years on the record with her."


def one(paragraphs, title=TITLE):
    qs = extract_quotes(paragraphs, title=title, min_confidence=0.0)
    assert len(qs) == 1
    return qs[0]


def test_an_age_description_before_told_is_the_speaker_not_the_outlet():
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the 29-year-old told Pop Weekly."])
    assert q["speaker_raw"] == "the 29-year-old"
    assert q["speaker"] == "Mira Solano"


def test_an_age_names_the_person_written_with_it():
    q = one([
        "Mira Solano, 29, is back with her third album, out on Friday.",
        "Her producer, Dana Whitfield, 41, spent two years on the record with her.",
        "“We threw away forty songs,” the 41-year-old told Pop Weekly.",
    ])
    assert q["speaker"] == "Dana Whitfield"


def test_an_inverted_age_description_is_the_speaker():
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” said the 29-year-old."])
    assert q["speaker_raw"] == "the 29-year-old"
    assert q["speaker"] == "Mira Solano"


def test_a_noun_no_lexicon_holds_is_the_person_the_passage_is_about():
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the hitmaker wrote on Instagram."])
    assert q["speaker_raw"] == "the hitmaker"
    assert q["speaker"] == "Mira Solano"
    assert q["speaker_type"] == "person"


def test_a_song_title_inside_the_description_is_written_as_the_page_writes_it():
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the “Glass Heart” hitmaker wrote on Instagram."])
    assert q["speaker_raw"] == "the “Glass Heart” hitmaker"
    assert q["speaker"] == "Mira Solano"


def test_a_capitalised_qualifier_does_not_make_the_speaker_a_name():
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the Grammy winner said."])
    assert q["speaker_raw"] == "the Grammy winner"
    assert q["speaker"] == "Mira Solano"
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the ‘Glass Heart’ singer said."])
    assert q["speaker_raw"] == "the ‘Glass Heart’ singer"
    assert q["speaker"] == "Mira Solano"


def test_a_hyphenated_head_and_a_modifier_before_it():
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the mother-of-two told fans."])
    assert q["speaker"] == "Mira Solano"
    q = one([LEDE, PRODUCER, "“I wrote every song at night,” the former contestant said."])
    assert q["speaker_raw"] == "the former contestant"
    assert q["speaker"] == "Mira Solano"


def test_a_title_written_before_a_name_names_that_person():
    q = one([
        "Singer Mira Solano will host a charity concert on Saturday.",
        "Organiser Dana Whitfield booked the hall in March.",
        "“We sold out in an hour,” the organiser said.",
    ], title="Mira Solano to host charity concert")
    assert "Dana Whitfield" in q["speaker"]


def test_the_leader_of_a_group_is_not_the_producer_named_last():
    q = one([
        "Boy group Nova Crest released their album in May.",
        "Producer Dana Whitfield helped them.",
        "“We practised every night,” the group’s leader added.",
    ], title="Nova Crest return")
    assert q["speaker"] != "Dana Whitfield"
    assert "leader" in q["speaker"]
    q = one([
        "Boy group Nova Crest, led by leader Jin Woo, released their album in May.",
        "Producer Dana Whitfield helped them.",
        "“We practised every night,” the group’s leader added.",
    ], title="Nova Crest return")
    assert q["speaker"] == "Jin Woo"


def test_someone_the_article_introduces_without_a_name_stays_unnamed():
    # guard: "a woman in the front row" … "the woman" is not the singer
    q = one([LEDE, "A woman in the front row held up a sign.", "“We love you, Mira,” the woman shouted."])
    assert q["speaker"] != "Mira Solano"


def test_a_companion_who_has_spoken_keeps_the_description():
    # guard: the producer spoke before, so "the hitmaker" is not moved to the singer by topic;
    # the rules decide (the most recent subject)
    q = one([
        LEDE,
        "Her producer, Dana Whitfield, said the record took two years.",
        "Whitfield has produced four number ones. “I knew it was a hit,” the hitmaker said.",
    ])
    assert q["speaker"] == "Dana Whitfield"


def test_a_role_the_article_introduced_without_a_name_stays_unnamed():
    # "a police officer … the officer said": the officer the article does not name, not the star
    q = one([
        "Singer Mira Solano played a secret show in Seoul on Friday.",
        "A police officer guarding the venue said the queue began at dawn.",
        "“I have never seen anything like it,” the officer said.",
    ], title="Mira Solano plays secret show")
    assert q["speaker"] == "the officer"
