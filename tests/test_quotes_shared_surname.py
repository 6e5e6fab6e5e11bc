"""Issue #10, seventeenth pass (stream spk7): a bare surname two people of the article share
names the one the article has been calling by it, not the relative named last
(`mentions.resolve.shared_surname`). Invented examples."""

from newsspider.extract.quotes import extract_quotes

_STORY = [
    "Tanner Wilde, 24, is running for president of the local union.",
    "Wilde said the managers came outside to watch the rally. “They were standing in the crowd,” Wilde said.",
    "Wilde’s mother, Adrianne Wilde, drives a van for the same company. Her son encouraged her to take the job.",
    "Wilde joined the reform caucus in 2018.",
]


def _speakers(paras):
    return [q["speaker"] for q in extract_quotes(paras, min_confidence=0.0)]


def test_the_bare_surname_stays_with_the_one_the_article_calls_so():
    # fails on main 4a32292: 'Adrianne Wilde'
    paras = _STORY + ["During his campaign, Wilde got married. “It is stressful to plan a wedding and a campaign at once,” said Wilde."]
    assert _speakers(paras)[-1] == "Tanner Wilde"


def test_the_surname_right_after_the_full_name_is_that_person():
    paras = _STORY + ["Adrianne Wilde spoke at the rally on Monday. “We will not back down,” Wilde said."]
    assert _speakers(paras)[-1] == "Adrianne Wilde"


def test_a_rank_before_the_bare_surname_does_not_hide_it():
    # fails on main b341b7a: the mother's name (the bare surname after the parents are named)
    paras = [
        "Born in Roma, Advocate Pheko Marole has turned his losses into a career in law.",
        "The 32-year-old Adv Marole was born to Thabo and Lineo Marole, and was raised by his grandmother.",
        "Despite the hardships, Adv Marole earned his law degree in 2016.",
        "“Education was a passion driven by my father,” Adv Marole says.",
    ]
    assert _speakers(paras)[-1] == "Pheko Marole"


def test_he_after_the_bare_surname_follows_it_to_the_one_the_article_calls_so():
    # stream pron: the registry filed every later bare surname, with the "he" after it, under the
    # parent named last; the chains then gave the parent the quotes' "he says" (fails on main e143b4e)
    paras = [
        "Advocate Pheko Marole has turned his losses into a career in law.",
        "The 32-year-old Marole was born in Roma to Thabo and Lineo Marole. He was raised by his grandmother.",
        "Marole later studied law in Maseru, where he took on his first cases.",
        "“I see myself as an apprentice,” he says.",
        "Marole argues that the reforms are rushed. “The process has become a parody,” he says.",
    ]
    assert _speakers(paras) == ["Pheko Marole", "Pheko Marole"]
