""""The paper said" names the newspaper the article wrote as a subject just before ("the
<Name Name> said in a commentary. … The paper said …"), also when its name has two words: a
name written with "the" before it is a thing, not a person (issue #10; the shape "the
<two-word paper> reported … The newspaper reported / the paper noted" is in PolNeAR train three
times and in the real-news set). Invented passages; the first test fails on main f85b70e (the
description stayed "The paper")."""

from __future__ import annotations

from newsspider.extract.quotes import extract_quotes


def speakers(paragraphs):
    return [q["speaker"] for q in extract_quotes(paragraphs, title="x")]


def test_the_paper_is_the_two_word_newspaper_named_just_before():
    paras = [
        "The northern state's official daily attacked the plan on Monday.",
        "“The exercise is a plain provocation that cannot be tolerated,” the Morning Banner said in "
        "a commentary.",
        "The paper said the drill was “a rehearsal for an invasion of our land.”",
    ]
    assert speakers(paras) == ["Morning Banner", "Morning Banner"]


def test_the_paper_is_not_a_person_named_just_before():
    # guard: a person subject in between keeps "the paper" from reaching past them
    paras = [
        "“The exercise is a plain provocation,” the Morning Banner said in a commentary.",
        "Defence minister Tomas Vell dismissed the complaint on Tuesday.",
        "The paper said the drill was “a rehearsal for an invasion of our land.”",
    ]
    assert speakers(paras)[1] != "Tomas Vell"
