"""A quote's he / she right after a narration sentence whose subject speaks goes to that
speaker (`mentions.topic.previous_speaker`, issue #10 fifteenth pass): "X said … Y …. “…,” he
said" is X's, although Y, named in the clause and before it, has more accumulated salience.
Invented passages; the first two fail on main 9672707 (the quote went to Y)."""

from __future__ import annotations

from newsspider.extract.mentions.topic import speech_verb
from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs, title=None):
    return [q["speaker"] for q in extract_quotes(paragraphs, title=title)]


PRODUCER = [
    "Singer Mira Solano spent two years on her third album. Solano wrote every song, and Solano played most of the guitars.",
    "Dana Whitfield, who runs the label, said the record would change how people saw Solano, who had always sold well in Europe.",
    "“Nobody in this office expected a record like this,” she said.",
]


def test_she_said_after_a_sentence_whose_subject_spoke_is_that_speaker():
    assert speakers(PRODUCER, title="Mira Solano's third album")[-1] == "Dana Whitfield"


def test_inverted_attribution_in_the_sentence_before():
    paras = [
        "Drummer Park Jun-ho left the band in March. Park had played on all four albums, and Park wrote two of the singles.",
        "The split was friendly, said Kim Tae-yang, the band's manager, who has worked with Park since 2015.",
        "“We still have dinner every month,” he said.",
    ]
    assert speakers(paras, title="Park Jun-ho leaves the band")[-1] == "Kim Tae-yang"


def test_a_subject_who_did_not_speak_keeps_the_rules_pick():
    # guard: the sentence before has a subject, but no speech verb: salience decides as before
    paras = [
        "Singer Mira Solano spent two years on her third album. Solano wrote every song, and Solano played most of the guitars.",
        "Dana Whitfield, who runs the label, booked a tour for Solano, who had always sold well in Europe.",
        "“I wanted to play these songs in small rooms first,” she said.",
    ]
    assert speakers(paras, title="Mira Solano's third album")[-1] == "Mira Solano"


def test_strict_speech_verbs():
    # the object of a clause before a participle does not speak; nor a name after "When"
    text = "The singer went after Kim, calling him a copycat."
    i = text.index("Kim")
    assert speech_verb(text, i, i + 3) == "calling"
    assert speech_verb(text, i, i + 3, strict=True) is None
    text = "When Kim said the tour was over, Lee laughed."
    i = text.index("Kim")
    assert speech_verb(text, i, i + 3, strict=True) is None
    text = "The tour is over, said Kim."
    i = text.index("Kim")
    assert speech_verb(text, i, i + 3, strict=True) == "said"
    text = "The tour is over, said fans who met Kim at the airport."
    i = text.index("Kim")
    assert speech_verb(text, i, i + 3, strict=True) is None


def test_a_narration_she_after_a_speaker_carries_that_speaker():
    # "She added that …" opens its sentence after Whitfield spoke: it is Whitfield (the
    # reference chain), so the next "she said" is hers too; fails on main aa5e876
    paras = PRODUCER[:2] + [
        "She added that the label would send the singer on a long tour in the autumn.",
        "“Nobody in this office expected a record like this,” she said.",
    ]
    assert speakers(paras, title="Mira Solano's third album")[-1] == "Dana Whitfield"


def test_a_name_inside_a_that_clause_does_not_speak_for_the_sentence():
    text = "The label pointed out that the paper's Kim Tae-yang had reported it first."
    i = text.index("Kim")
    assert speech_verb(text, i, i + len("Kim Tae-yang"), strict=True) is None
    assert speech_verb(text, i, i + len("Kim Tae-yang")) == "reported"
