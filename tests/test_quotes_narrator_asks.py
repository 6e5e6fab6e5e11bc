"""A first-person interview: after the narrator's reported question ("I ask if …", "I ask
<name> if he thinks …"), the quote in the next sentence or paragraph is the answer, the one
asked's (issue #10; the shape is in PolNeAR train, "when I asked <senator> if he would …", "I
asked him how …", on two news-pages pages and one real-news page). The quote in the asking
sentence itself stays the narrator's question (no speaker: the byline is not known here).
Invented passages; the first test fails on main 7fa74b3 (both answers had no speaker)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes

PARAS = [
    "Harlan Vosk, the former premier, has written a book about leadership. He is relaxed when we "
    "meet at his office in the old town.",
    "Over coffee, I ask if the new premier is good enough to last two terms.",
    "“Well, I’m fully behind him, I want him to succeed.”",
    "Later I ask Vosk whether he thinks the region will ever be calm.",
    "“The main challenge is the battle between the old parties and the new movements.”",
]


def test_the_answer_after_the_narrators_question_is_the_interviewees():
    quotes = extract_quotes(PARAS, title="Harlan Vosk: a life in power")
    assert quotes[0]["speaker"] == "Harlan Vosk"
    # the second: the model takes the narrator's "I" as the attribution words, with a
    # probability under the default threshold (the speaker is then withheld); below it, the
    # one asked answers
    quotes = extract_quotes(PARAS, title="Harlan Vosk: a life in power", min_confidence=0)
    assert [q["speaker"] for q in quotes] == ["Harlan Vosk", "Harlan Vosk"]


def test_the_question_itself_is_not_given_to_the_one_asked():
    paras = PARAS[:1] + ["I asked him, “Do you still read the papers every morning?”"]
    quotes = extract_quotes(paras, title="Harlan Vosk: a life in power")
    assert [q["speaker"] for q in quotes] == [None]
