"""Issue #10 (stream apron): a caption, heading or fact-box line between a quote's he / she
and the narration before it is no sentence of the narration: its names give no salience and
it is not "the sentence before" whose speaker the pronoun continues
(`mentions.salience.not_narration`). Invented examples."""

from newsspider.extract.mentions.salience import not_narration
from newsspider.extract.quotes import extract_quotes


def _speakers(paras):
    return [q["speaker"] for q in extract_quotes(paras, min_confidence=0.0)]


def test_the_speaker_before_a_caption_keeps_the_he_after_it():
    # fails on main ba11e81: 'Marcus Hale' (the one the caption names, whom the words are about)
    paras = [
        "Marcus Hale, the new captain of the Harbour City rowing club, grew up on the river.",
        "Hale won two national titles before he turned twenty. He trained at dawn for a decade.",
        "Hale is seen as a perfectionist, said Owen Pratt, a coach who worked with him for years.",
        "Pratt said that because of those mornings, Hale \"knows the water.\"",
        "WATCH | Fans cheer as Hale lifts the trophy:",
        "\"He never missed a session, not once in ten years,\" he said.",
    ]
    assert _speakers(paras)[-1] == "Owen Pratt"


def test_names_of_a_fact_box_do_not_take_the_she_after_it():
    # fails on main ba11e81: 'Ruth Gale', named in the fact box (the lines push the narration
    # about the speaker out of the pronoun's reach)
    paras = [
        "Helen Marsh led the city council for twelve years.",
        "She is still sharp about local politics.",
        "The council by numbers",
        "1998: The new town hall opens",
        "2004: Bus fares are frozen",
        "12: Years of the longest council term since 1950",
        "3rd: Most popular council leader, behind Ruth Gale (City Poll)",
        "“The one thing I know is that the council must fix the roads,” she says.",
    ]
    assert _speakers(paras)[-1] == "Helen Marsh"


def test_what_is_a_caption():
    assert not_narration("WATCH | Fans cheer as Hale lifts the trophy:")
    assert not_narration("1998: Marsh wins her first council seat")
    assert not not_narration("She told the crowd:")  # introduces what follows
    assert not not_narration("He trained at dawn for a decade.")
    assert not not_narration("“We will be back,” she said.”")
    assert not not_narration(" ".join(["word"] * 30))  # narration cut short, not a caption
