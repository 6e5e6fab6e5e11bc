"""A trailing attribution names the speaker of a quote whose sentence opens with someone
else (`quotes.excluded.trailing_speaker`, issue #10 fifteenth pass): "<name> would have to
“…,” said <other>" is the other's. Invented passages; the first two fail on main 8303f99
(the quote went to the name before it); the others are guards."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_inverted_trailing_attribution_after_a_subject():
    paras = [
        "The band NORTHSTAR returns in June after two years away.",
        "Lee Ha-na “has a lot of songs left in her, and we have only heard half of them,” said producer Oh Min-seok,"
        " who worked on both albums.",
    ]
    assert speakers(paras) == ["Oh Min-seok"]


def test_trailing_attribution_with_an_apposition():
    paras = [
        "Singer Kim Da-eun will release a new EP in May.",
        "Kim would have to “go back to the studio,” said Park Ji-ho, her manager.",
    ]
    assert speakers(paras) == ["Park Ji-ho"]


def test_name_then_speech_verb_after_the_quote():
    paras = [
        "Singer Kim Da-eun will release a new EP in May.",
        "Kim, though, would have to “tour the smaller cities first,” her manager Park Ji-ho said.",
    ]
    assert speakers(paras) == ["Park Ji-ho"]


def test_a_quote_ending_its_sentence_is_not_the_next_sentence_s():
    # guard: the full stop inside the quote ends the sentence; the next one is no attribution
    paras = [
        "The drama ended on Sunday.",
        "Kim called the final episode “a gift to the fans.” Park said the cast had cried at the table read.",
    ]
    assert speakers(paras) == ["Kim"]
