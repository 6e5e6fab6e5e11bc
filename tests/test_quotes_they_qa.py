"""Issue #10, thirteenth pass: "they said" for a label or band while people are named in passing.

1. A written medium that is the object of the speaker's verb ("they said in a notice posted to
   …", "she released a statement saying …") is not the speaker's words
   (`quotes.excluded.medium_object`); the medium speaks only as a subject ("the statement
   said").
2. A description inside a sentence that surely names an organisation or a group ("… before the
   label had confirmed anything") is a mention of it in the reference chains
   (`mentions.chains`), so a later "they" weighs the label against the pair of people named
   around it.
3. Interview hosts (qa-host): "comedian" is a role title, so "Comedian X hosts …" names X
   (`mentions.lexicon.ROLE_TITLES`).

Invented passages. The first two tests failed on main 3f3a5ad ("statement" and "notice" as the
speaker words), the third on ebd7ed8 (the pair "Pyo Jin-seok and Ha Dong-min" as speaker), the
comedian's on main 27a9681 ("Comedian Baek Ji-woo").
"""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def quotes(paragraphs, title=None):
    return extract_quotes(paragraphs, title=title)


def test_a_statement_released_by_her_is_not_the_speaker():
    paras = [
        "Singer Yoon Ha-ri has left her agency after six years.",
        "Late on Friday, she released a statement saying, “I am grateful for everything, and I am ready for a new start.”",
    ]
    q = quotes(paras)[-1]
    assert q["speaker_raw"] == "she"
    assert q["speaker"] == "Yoon Ha-ri"


def test_a_notice_after_said_in_is_not_the_speaker():
    paras = [
        "Rookie group PALETTE will release a new single in May, Brightway Entertainment confirmed on Tuesday.",
        "Fans had spotted the members filming in Busan last week.",
        "“We are excited to show a brighter side of the group,” they said in a notice posted to the group's official fan cafe.",
    ]
    assert quotes(paras)[-1]["speaker_raw"] == "they"


def test_they_after_a_pair_goes_to_the_label_described_beside_them():
    paras = [
        "Girl group LUMEN will hold a fan meeting in Daejeon in June, Northwind Music said on Wednesday.",
        "Radio host Pyo Jin-seok and actor Ha Dong-min teased the news on a live show before the label had confirmed anything.",
        "“We wanted to tell fans ourselves, and we apologise for the confusion,” they said in a statement.",
    ]
    q = quotes(paras)[-1]
    assert q["speaker_raw"] == "they"
    assert q["speaker"] == "Northwind Music"


def test_the_statement_as_subject_still_speaks():
    paras = [
        "Northwind Music answered the rumours on Thursday.",
        "“No member is leaving the group,” the statement said.",
    ]
    assert quotes(paras)[-1]["speaker_raw"] == "the statement"


def test_a_pair_that_speaks_keeps_they():
    paras = [
        "Girl group LUMEN will hold a fan meeting in Daejeon in June, Northwind Music said on Wednesday.",
        "Radio host Pyo Jin-seok and actor Ha Dong-min will host the event together.",
        "“We have both been fans since their debut,” they said in a statement.",
    ]
    assert quotes(paras)[-1]["speaker"] == "Pyo Jin-seok and Ha Dong-min"


def test_a_comedian_opening_the_lede_is_named_without_the_role_word():
    # interview host questions (qa-host): "Comedian X" at a sentence start is X, as "Actor X" is
    paras = [
        "Comedian Baek Ji-woo hosts the late-night show “Open Bar,” and her guest this week was singer Oh Min-seo.",
        "“Your new song is about a breakup. Is it about anyone we know?” Baek asked.",
        "“Everyone asks me that,” Oh said, laughing.",
    ]
    assert [q["speaker"] for q in quotes(paras)] == ["Baek Ji-woo", "Oh Min-seo"]
