"""A description that is the object of a verb other than a speech verb is not who spoke
(`quotes.excluded.verb_object`): "<name> picks up the story: “…”", "a statement by <desc>
confirming the split read: “…”". Invented examples."""

from newsspider.extract.quotes import extract_quotes


def _speakers(paras):
    return [(q["speaker_raw"], q["speaker"]) for q in extract_quotes(paras)]


def test_the_object_of_a_phrasal_verb_before_a_colon_does_not_speak():
    # fails on main 269bcbf: ('the story', 'story')
    paras = [
        "Next door neighbour Mara Quinlan told a local paper: “I kept calling the city about it.”",
        "But neighbour Quinlan picks up the story: “All of a sudden the door opens and he walks out. "
        "I asked him what was burning.”",
    ]
    assert _speakers(paras)[1] == ("Quinlan", "Mara Quinlan")


def test_the_object_of_a_participle_does_not_speak():
    # fails on main 269bcbf: ('the split', 'the split')
    paras = [
        "A statement by a label spokesperson confirming the split read: “The members will follow "
        "their own paths from today.”"
    ]
    raw, _ = _speakers(paras)[0]
    assert raw != "the split"


def test_an_inverted_attribution_keeps_its_description():
    paras = [
        "A spokesperson for the label said on Monday that the tour would go ahead.",
        "“Every date stays on the calendar,” said the spokesperson.",
    ]
    assert _speakers(paras)[0][0] == "the spokesperson"
