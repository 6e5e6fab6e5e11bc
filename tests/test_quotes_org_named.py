"""Issue #10, seventeenth pass (stream spk7): "the company", "the bank", "the newspaper" name
the organisation the article writes with that noun or that was the subject of the sentence
before (`mentions.epithets.org_named`), never a person who spoke in between. Invented
examples."""

from newsspider.extract.quotes import extract_quotes


def _speakers(paras):
    return [q["speaker"] for q in extract_quotes(paras, min_confidence=0.0)]


def test_the_company_after_the_brand_spoke_is_the_brand():
    # fails on main 4a32292: 'The company'
    paras = [
        "Trailo on Monday announced new features at its yearly event in Oslo.",
        "Leaderboards are one of the core features of Trailo, and users of Trailo often complain about cheats.",
        "Trailo says it will check every uploaded activity. The company says “odd” activities will be "
        "hidden from the rankings.",
    ]
    assert _speakers(paras) == ["Trailo"]


def test_the_newspaper_is_the_one_written_with_that_noun():
    # fails on main 4a32292: 'the newspaper'
    paras = [
        "The minister was asked about the reports by newspaper Morgonbladet on Monday.",
        "Dozens of staff had been flagged as “security risks”, the newspaper reported.",
    ]
    assert _speakers(paras) == ["Morgonbladet"]


def test_the_bank_is_the_one_written_after_a_noun_of_its_kind():
    # fails on main 4a32292: 'the bank'
    paras = [
        "Analysts at investment banking giant Velmont Harcourt expect a rise.",
        "Velmont Harcourt estimates that rates will fall. “It is only starting,” the bank said.",
    ]
    assert _speakers(paras) == ["Velmont Harcourt"]


def test_a_person_who_spoke_before_is_not_the_bank():
    for paras in (
        ["Velmont rose two percent on Monday.",
         "Trader Jens Marrow said the shares would keep rising. “It is only starting,” the bank said."],
        ["Velmont said on Monday its profit rose.",
         "Marrow called the shares cheap. “It is only starting,” the bank said."],
    ):
        assert _speakers(paras) == ["the bank"]
