"""The subject of a passive speech verb is who was spoken to, not the speaker: "<X> was asked,
“…?”", "<X> was told that “…”", "she was warned that “…”" (issue #10; the shape is in PolNeAR
train three times, "<senator> was asked, “…”", "his salespeople were told, “…”", and on two
news-pages pages five times). The quote goes to another candidate or to nobody. Invented
passages; the first two tests fail on main 5b2a856 (the addressee was the speaker)."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_the_one_who_was_asked_is_not_the_speaker():
    paras = [
        "At the question session with the organisers, Harlan Vosk was asked, “Do you feel any guilt "
        "about the vote?” He did not answer."
    ]
    assert speakers(paras) != ["Harlan Vosk"]


def test_the_one_who_was_warned_is_not_the_speaker():
    paras = [
        "Mara Ellison was advised by the policy unit to wait until the plan was ready.",
        "In one briefing note she was warned that “the new exam is one that nobody will ever fail”.",
    ]
    assert speakers(paras) != ["Mara Ellison"]


def test_the_active_voice_still_names_the_speaker():
    # guards: the active verbs, and "told" with an object
    paras = [
        "Harlan Vosk asked, “Do you feel any guilt about the vote?”",
        "Mara Ellison told reporters that “the new exam is one that nobody will ever fail”.",
    ]
    assert speakers(paras) == ["Harlan Vosk", "Mara Ellison"]
