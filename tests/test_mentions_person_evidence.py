"""Person evidence of the registry (issue #10, stream evidence): a name written only as the
subject of an inverted attribution ("“…,” said <name>.") is as much a person as one written
"<name> said", and so is a name with an appositive owned by another name and holding a role
("<name>, <Org>’s head of research,"); without the cue such a person was no he / she candidate
when another person of the article had a title. A he / she the reference chains resolve is
evidence of the person's gender too. Invented passages; the first two tests and the
owned-appositive and the gender test failed on main before the change (5b2a856: no person cue)."""

from __future__ import annotations

from newsspider.extract.mentions import Mentions
from newsspider.extract.mentions.resolve import is_personlike


def _ents(paras, quoted=None):
    return {e.name: e for e in Mentions(paras, quoted=quoted or {}).registry.entities}


def test_the_subject_of_an_inverted_attribution_is_a_person():
    paras = ["“We will appeal the ruling,” said Tomas Brondel. The hearing resumes in March."]
    quoted = {0: [(0, len("“We will appeal the ruling,”"))]}
    ent = _ents(paras, quoted)["Tomas Brondel"]
    assert ent.person_cues == 1
    assert is_personlike(ent)


def test_an_inverted_attribution_after_a_comma_counts_too():
    paras = ["The ruling was a mistake, added Brondel. The union agreed."]
    assert _ents(paras)["Brondel"].person_cues == 1


def test_the_one_spoken_to_gets_no_speaker_cue():
    paras = ["The ruling was a mistake, the lawyer told Brondel. The hearing resumes in March."]
    ents = _ents(paras)
    assert "Brondel" not in ents or ents["Brondel"].person_cues == 0


def test_a_speech_verb_before_a_clause_subject_is_no_inversion():
    paras = ["The minister said Brondel would appeal the ruling in March."]
    ents = _ents(paras)
    assert "Brondel" not in ents or ents["Brondel"].person_cues == 0


def test_an_appositive_owned_by_an_organisation_with_a_role_is_a_person_cue():
    paras = ["Lena Vorhees, Brightwater’s head of research, urged the board to wait."]
    ent = _ents(paras)["Lena Vorhees"]
    assert ent.person_cues == 1
    assert is_personlike(ent)


def test_an_owned_appositive_without_a_role_is_no_person_cue():
    paras = ["The vote came in Harlow County, Brightwater’s home base, on Monday."]
    ents = _ents(paras)
    assert "Harlow County" not in ents or ents["Harlow County"].person_cues == 0


def test_a_sentence_adverb_before_an_owned_role_is_no_person():
    paras = ["Ryu Ha-neul won on Sunday.", "Afterwards, Ryu’s manager said he would rest."]
    ents = _ents(paras)
    assert "Afterwards" not in ents or ents["Afterwards"].person_cues == 0


def test_a_resolved_pronoun_tells_the_persons_gender():
    from newsspider.extract.quotes import extract_quotes

    # the coach has no gender evidence of his own; the chain's "He" gives him one, so the
    # "she" after the captain is not his (before the change: the coach, the more salient)
    paras = [
        "Brede Halvorsen, the club's new coach, spoke to reporters on Monday.",
        "He said the squad would train twice a day. He wants a faster start to the season.",
        "Reporters also spoke to captain Tamsin Okafor.",
        "“We are ready for the first match,” she said.",
    ]
    assert [q["speaker"] for q in extract_quotes(paras)] == ["Tamsin Okafor"]
