"""A sentence adverb is no name with an appositive (issue #10 tenth pass): "Meanwhile, the
drummer said …" made "Meanwhile" a person (the ", the …" after it read as an appositive), and
the description or pronoun after it resolved to that word. Invented passages; the first two
tests failed on main before the change (4d36218: "Afterwards" was returned as the speaker)."""

from __future__ import annotations

from newsspider.extract.mentions import Mentions
from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs, title=None):
    return [q["speaker"] for q in extract_quotes(paragraphs, title=title)]


def test_a_description_after_a_sentence_adverb_is_the_person_of_the_passage():
    paras = [
        "Ryu Ha-neul won best new male artist at the Blue Lantern Awards in Daegu on Sunday.",
        "The singer, 21, thanked his parents and his trainers from the stage.",
        "Afterwards, the rookie said he would spend the prize money on a new guitar. “Not a car, a guitar,” the 21-year-old said.",
    ]
    assert speakers(paras, title="Ryu Ha-neul wins rookie award")[-1] == "Ryu Ha-neul"


def test_a_sentence_adverb_gets_no_person_cue():
    paras = [
        "Ryu Ha-neul won best new male artist on Sunday.",
        "Afterwards, the rookie said he would rest.",
    ]
    ents = {e.name: e for e in Mentions(paras).registry.entities}
    assert "Afterwards" not in ents or ents["Afterwards"].person_cues == 0


def test_a_name_with_a_closed_appositive_keeps_its_person_cue():
    paras = ["Ryu Ha-neul won on Sunday.", "Kwon, the rookie's manager, said he would rest."]
    ents = {e.name: e for e in Mentions(paras).registry.entities}
    assert ents["Kwon"].person_cues >= 1
