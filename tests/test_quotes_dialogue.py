"""Issue #10, speaker attribution in dialogue: role nouns through the role the article gives a
name, the asker of a question against the one who answers, short answers after a colon.
Invented examples (no text from the dev sets)."""

from newsspider.extract.quotes import extract_quotes


def _speakers(paras: list[str]) -> dict[str, str | None]:
    return {q["text"]: q["speaker"] for q in extract_quotes(paras, min_confidence=0)}


INTERVIEW = [
    "On Tuesday's episode, host Dana Whitfield pressed singer Mira Solano about the breakup.",
    "“Did you cry when you heard the news?”",
    "“Every single night,” Solano said, laughing.",
    "“And would you work with him again?” Whitfield pushed. Solano shook her head: “Never.”",
    "When Whitfield asked whether a new album was coming, she said: “Maybe next spring.”",
    "“Are you dating anyone?” the host asked. “That’s a secret,” the singer replied.",
]


def test_a_talk_show_hosts_questions_are_the_hosts_and_the_answers_the_guests():
    got = _speakers(INTERVIEW)
    assert got["Did you cry when you heard the news?"] == "Dana Whitfield"
    assert got["Every single night"] == "Mira Solano"
    assert got["And would you work with him again?"] == "Dana Whitfield"
    assert got["Are you dating anyone?"] == "Dana Whitfield"


def test_the_singer_is_the_one_the_article_introduced_as_singer():
    # "the singer" after the host spoke last: not the nearest person, the one called "singer X"
    assert _speakers(INTERVIEW)["That’s a secret"] == "Mira Solano"
    got = _speakers(
        [
            "Singer Lena Park joined presenter Tom Reyes on the morning show.",
            "“Tell us about the tour,” Reyes said. “It starts in May,” the singer said.",
        ]
    )
    assert got["It starts in May"] == "Lena Park"


def test_the_asker_of_a_when_clause_is_not_the_pronoun_that_answers():
    assert _speakers(INTERVIEW)["Maybe next spring."] == "Mira Solano"
    got = _speakers(
        [
            "Interviewer Sarah Kent sat down with actress Julia Moss after the premiere.",
            "Asked by Kent whether she would return for a sequel, she said: “Only if the script is right.”",
        ]
    )
    assert got["Only if the script is right."] == "Julia Moss"


def test_a_short_answer_after_a_colon_is_a_quote_of_the_clause_subject():
    assert _speakers(INTERVIEW).get("Never.") == "Mira Solano"


def test_a_title_after_a_colon_is_still_no_quote():
    got = _speakers(["The band announced the name of its new single: “Moonrise.”"])
    assert "Moonrise." not in got


def test_i_inside_an_interview_answer_is_the_one_who_answers():
    got = _speakers(
        [
            "Singer Mira Solano talked to us about her new record and her old band.",
            "Q: What did your old bandmates say about the album?",
            "A: Honestly, I told them “Stay tuned, it is not what you expect.” They laughed.",
        ]
    )
    assert got["Stay tuned, it is not what you expect."] == "Mira Solano"


def test_i_after_a_transcript_label_is_the_person_with_those_initials():
    got = _speakers(
        [
            "Actress Julia Moss and writer Omar Wells sat down with the magazine.",
            "OW: I told her “Only if you star in it.”",
        ]
    )
    assert got["Only if you star in it."] == "Omar Wells"



def test_a_qualified_role_noun_is_the_one_written_with_that_qualifier():
    # "the Florida senator" is Rubio, not the senator named last
    got = _speakers(
        [
            "Florida Sen. Marco Rubio and Iowa Sen. Joni Ernst spoke at the rally on Monday.",
            "Ernst talked about farm subsidies for ten minutes.",
            "“We will win this state,” the Florida senator said.",
        ]
    )
    assert got["We will win this state"] == "Marco Rubio"
    got = _speakers(
        [
            "Singer Mira Solano, the “Midnight Bloom” star, and singer Lena Park shared the stage.",
            "Park closed the show with a ballad.",
            "“I was nervous all night,” the “Midnight Bloom” star said.",
        ]
    )
    assert got["I was nervous all night"] == "Mira Solano"


def test_an_asker_with_nobody_else_to_answer_keeps_the_pronoun():
    got = _speakers(
        [
            "Senator Tom Reyes spoke to a crowd of farmers in Ames on Friday.",
            "When Reyes asked the crowd whether prices had fallen, he said: “We will fix this.”",
        ]
    )
    assert got["We will fix this."] == "Tom Reyes"
