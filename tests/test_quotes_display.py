"""Issue #10, seventeenth pass (stream spk7): a person speaker is written without the titles
the article writes before the name (`quotes.display`): "Rear Admiral <name>", "Adv <surname>",
"<outlet> Editor-in-Chief <name>". Invented examples."""

from newsspider.extract.quotes import extract_quotes
from newsspider.extract.quotes.display import display_name


def _speakers(paras):
    return [q["speaker"] for q in extract_quotes(paras, min_confidence=0.0)]


def test_a_rank_before_the_name_is_no_part_of_the_speaker():
    # fails on main 4a32292: 'Rear Admiral Tomas Velde'
    paras = [
        "Navy spokesman Rear Admiral Tomas Velde said the ships would stay in port. "
        "“There is no reason to sail this week,” he said."
    ]
    assert _speakers(paras) == ["Tomas Velde"]


def test_a_short_title_before_a_surname_is_dropped():
    # failed on main 4a32292: 'Adv Marole'; since the name runs drop the rank (0592ade) the
    # surname finds the full name
    paras = [
        "Lawyer Pheko Marole has argued the case for a decade.",
        "Adv Marole said: “The court has to hear the families first.”",
    ]
    assert _speakers(paras) in (["Marole"], ["Pheko Marole"])


def test_ranks_the_name_runs_keep_are_no_part_of_the_speaker():
    # fail on main b341b7a (after its title runs): 'Major-Gen Tomas Velde', 'Courier
    # Editor-in-Chief Dana Whit', 'Sir Tomas Velde'
    assert _speakers([
        "Police spokesperson Major-Gen Tomas Velde said the suspect was known to them. "
        "“He was a person of interest,” Velde said."
    ]) == ["Tomas Velde"]
    assert _speakers(["“We condemn the attack,” said Courier Editor-in-Chief Dana Whit."]) == ["Dana Whit"]
    assert _speakers([
        "Sir Tomas Velde said the book was a guide. “It is the most useful guide I have read,” he said."
    ]) == ["Tomas Velde"]


def test_display_name_keeps_plain_names_and_royal_titles():
    assert display_name("Dana Whit") == "Dana Whit"
    assert display_name("Wing Commander Dana Whit") == "Dana Whit"
    assert display_name("Courier Editor-in-Chief Dana Whit") == "Dana Whit"
    assert display_name("Prince Harry") == "Prince Harry"
    assert display_name("John Major") == "John Major"
    assert display_name("Major-Gen Dana Whit") == "Dana Whit"  # fails on 2f2abe1
    assert display_name("Jean-Luc Whit") == "Jean-Luc Whit"
