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


def test_a_rep_for_the_agency_is_the_agency_representative():
    # not the agency itself (the labelled sets' convention, twelfth pass): a person of it,
    # named by the agency's full name ("a rep for Moonlight" -> Moonlight Entertainment)
    paras = [
        "Singer Yoo Na-rae will take a break from all activities, Moonlight Entertainment announced on Monday.",
        "“She thanks her fans for waiting and will be back soon,” a rep for Moonlight told Star Daily.",
    ]
    assert speakers(paras)[-1][1:] == ("Moonlight Entertainment’s representative", "person")


def test_she_is_not_an_event_the_article_mostly_puts_after_in_or_at():
    # an event mentioned with "at the …", "in the …" again and again is no person, even
    # when one mention looks like a subject: "she" is the athlete (the old evidence test
    # counted one person cue and ignored six place/thing cues)
    paras = [
        "Mara Quell, a sprinter from Leeds, won gold at the Coastal Games on Tuesday.",
        "Quell, 27, finished the 200m in 22.69 seconds at the Coastal Games, a record for the Coastal Games.",
        "It was her third title in the Coastal Games and her first since injury at the Coastal Games in 2021.",
        "The Coastal Games, which draw athletes from 11 nations, end on Sunday.",
        "“I doubted myself for a long time,” she said.",
    ]
    assert speakers(paras, title="Quell wins 200m gold")[-1][1] == "Mara Quell"


def test_a_speaker_below_the_confidence_threshold_is_withheld():
    paras = [
        "Kim Na-ri and Lee Ha-eun met the press in Seoul, with Park Jun-ho and Choi Min-seo.",
        "“We will be back next year,” one of them said after the show.",
        "“It was the best night of the tour,” Kim said.",
    ]
    every = extract_quotes(paras, min_confidence=0.0)
    assert every[1]["speaker"] == "Kim Na-ri" and every[1]["speaker_confidence"] > 0.5
    low = min(q["speaker_confidence"] for q in every if q["speaker"])
    # a threshold just above a quote's confidence withholds that speaker and only that one
    cut = extract_quotes(paras, min_confidence=low + 1e-6)
    for a, b in zip(every, cut, strict=True):
        if a["speaker"] and a["speaker_confidence"] < low + 1e-6:
            assert (b["speaker"], b["speaker_type"], b["speaker_confidence"]) == (None, "unknown", 0.0)
            assert b["speaker_raw"] == a["speaker_raw"]  # the words stay
        else:
            assert b["speaker"] == a["speaker"]
    # the default is the threshold stored with the committed model
    from newsspider.extract.quotes.model import default_model

    model = default_model()
    assert model is not None and 0.0 < model.meta["min_confidence"] < 1.0
    default = extract_quotes(paras)
    t = model.meta["min_confidence"]
    assert [q["speaker"] for q in default] == [q["speaker"] if q["speaker_confidence"] >= t else None for q in every]


def test_british_honorifics_without_a_full_stop_give_gender_and_person():
    # "Mr Brent" (no full stop, as British papers write it) is a man: "she" is not him
    paras = [
        "Education secretary Margaret Hale met her advisers on Monday to discuss the exams.",
        "Mr Brent, a private secretary, warned that the new grades would confuse employers.",
        "“It will not work and we will have to start again,” she said.",
    ]
    got = extract_quotes(paras)
    assert (got[-1]["speaker"], got[-1]["speaker_type"]) == ("Margaret Hale", "person")


def test_a_description_the_lexicon_does_not_know_before_a_speech_verb_is_the_speaker():
    # "X's publicist retorted": the head noun is not a known role word; before, the model
    # chose the outlet named in the paragraph before ("according to Pop Daily")
    paras = [
        "“Han Yu-jin will headline the festival,” promoter Oh Dae-sung said, according to Pop Daily.",
        "“Wrong. She has never signed anything,” Han Yu-jin’s publicist retorted.",
    ]
    assert speakers(paras)[-1][1] == "Han Yu-jin’s publicist"


def test_the_manager_of_a_star_does_not_speak_for_the_star():
    # "Kim's manager said" is the manager: the manager named in the article, else the
    # description with the star's full name, never the star herself
    paras = [
        "Singer Lee Ha-na skipped the awards show on Sunday.",
        "“She has a bad cold and needs rest,” Lee’s manager said.",
    ]
    assert speakers(paras)[-1][1] == "Lee Ha-na’s manager"
    paras.insert(1, "Her manager Park Ji-ho drove her home.")
    assert speakers(paras)[-1][1] == "Park Ji-ho"


def test_she_is_not_the_firm_that_carries_her_surname():
    # company names ending in a business word ("… Research", "… Capital", "… Solutions")
    # are organisations: "she" never goes to them, nor does her bare surname
    paras = [
        "Analyst Mira Stone of Stone Research expects the shares to rise.",
        "Stone also said the new chief had picked a good team.",
        "“They will not fail,” she said.",
    ]
    (_t, speaker, stype), = speakers(paras)
    assert speaker in ("Mira Stone", "Stone") and stype == "person"
    from newsspider.extract.mentions import type_of

    assert type_of("Stone Research") == type_of("Avenue Capital") == "organisation"


def test_a_party_whip_is_a_title_not_a_name():
    # "Majority Whip X" is X (before, the whole run "Senate Majority Whip X" was the name, and a
    # lone "Whip" was an entity "he" could go to)
    paras = [
        "Minister Daniel Marsh wants tougher exams.",
        "The Chief Whip told colleagues to support the plan, and Majority Whip Tom Reyes agreed.",
        "Marsh spoke on Tuesday.",
        "“Standards have slipped for years,” he said.",
    ]
    assert speakers(paras)[-1][1] == "Daniel Marsh"
    from newsspider.extract.mentions.runs import name_runs

    assert [r.text for r in name_runs("Senate Majority Whip Tom Reyes said so.")] == ["Tom Reyes"]
