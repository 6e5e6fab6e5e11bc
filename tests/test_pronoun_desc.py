"""The learned ranking applied to person descriptions ("the musician said"): a weights file whose
groups hold "desc" ranks the people a description may name (`salience.resolve_description`);
the pronouns stay with the groups they name. Paragraphs are invented."""

from __future__ import annotations

import pytest

from newsspider.extract.mentions import pronoun_model as pm
from newsspider.extract.quotes import extract_quotes

# the passage is about the singer; two colleagues are named in the sentence before the quote,
# one of them its subject (the rules' centering picks her)
MUSICIAN = [
    "Singer Laura Mendes returns with a new album",
    "Laura Mendes said the record took two years to finish. “It was the hardest thing I have done,” Mendes said.",
    "Producer Sarah Cole and engineer Emily Hart also worked on the record, which was made in Lisbon.",
    "“I trusted them with every song,” the musician said.",
]
PRONOUN = [*MUSICIAN[:3], "“I trusted them with every song,” she said."]
LAST_SPEAKER = {"hs:speaker_latest": 5.0}


def _speakers(paras: list[str], model: pm.PronounModel | None) -> list[str]:
    pm.use_model(model)
    try:
        return [q["speaker"] for q in extract_quotes(paras, title=paras[0], min_confidence=0)]
    finally:
        pm.use_model(True)


@pytest.mark.parametrize("groups", [None, ["hs"]])
def test_without_a_description_model_the_rules_decide(groups):
    model = None if groups is None else pm.PronounModel(LAST_SPEAKER, {"groups": groups})
    assert _speakers(MUSICIAN, model) == ["Laura Mendes", "Sarah Cole"]


def test_a_description_model_ranks_the_people_a_description_may_name():
    # fails before the hook: role nouns went to `resolve_typed` alone
    assert _speakers(MUSICIAN, pm.PronounModel(LAST_SPEAKER, {"groups": ["desc"]})) == ["Laura Mendes", "Laura Mendes"]


def test_a_description_model_leaves_the_pronouns_to_the_rules():
    assert _speakers(PRONOUN, pm.PronounModel(LAST_SPEAKER, {"groups": ["desc"]})) == ["Laura Mendes", "Sarah Cole"]


def test_a_title_narrows_the_candidates_as_the_rules_do():
    from newsspider.extract.mentions.registry import Entity
    from newsspider.extract.mentions.salience import description_candidates

    a = Entity(name="Ann Lee", type="person", positions=[0])
    b = Entity(name="Bob Ray", type="person", positions=[5])
    a.titles.add("senator")
    assert description_candidates("senator", [a, b]) == [a]
    assert description_candidates("mayor", [a, b]) == [a, b]
