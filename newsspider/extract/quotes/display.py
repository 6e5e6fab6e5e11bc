"""A person speaker written as the person's name, without the titles the article writes before
it: "Wing Commander <name>", "Rear Admiral <name>", "Adv <surname>", "<outlet> Editor-in-Chief
<name>", "Sir <name>". The registry files a name with the capitalised words of its run, titles
included, and the quote's speaker is the name (the labels write "<name>", and a later mention
"Adv <surname>" is the same person as "<given name> <surname>").

The words up to the last title word of the name go when a capitalised name word is left
after them; for a speaker not known to be a person, only when a given name follows ("General
Motors" stays). Royal and peerage titles stay ("Prince Harry", "Lord Alli": the
title is how the person is called)."""

from __future__ import annotations

from newsspider.extract.mentions.lexicon import HONORIFICS, RANKS, ROLE_TITLES
from newsspider.extract.mentions.runs import first_name_gender

# role titles that are no genre, kind of act or place word ("pop", "band", "office", "house")
_NOT_TITLES = frozenset(
    """pop music k-pop dance vocal longtime longtime-fan shop office university podcast main lead sub
    former current rookie veteran ballad indie drama radio press white house boy girl band group
    soloist duo trio artist musician fan student star idol trainee member mother father sister
    brother wife husband son daughter aunt uncle widow speaker""".split()
)
# ranks and forms of address written before a name, beyond the role lexicon and its ranks
_RANKS = RANKS | frozenset(
    """wing rear vice major corporal cpl sir dame editor-in-chief premier chancellor envoy inspector
    superintendent constable""".split()
)
_ALL = (ROLE_TITLES - _NOT_TITLES) | HONORIFICS | _RANKS
TITLES = _ALL | frozenset(t.rstrip(".") for t in _ALL)  # "Gen" as "Gen."


def display_name(name: str, person: bool = True) -> str:
    """`name` without the title words that open it ("Rear Admiral Dana Whit" -> "Dana Whit",
    "Reuters Editor-in-Chief Dana Whit" -> "Dana Whit", "Adv Whit" -> "Whit")."""
    words = name.split()
    last = -1
    for i, w in enumerate(words[:-1]):
        if w.lower() in TITLES or all(t.rstrip(".") in TITLES for t in w.lower().split("-")):
            last = i  # "Major-Gen", "Lt-Col" too
    if last < 0:
        return name
    rest = words[last + 1 :]
    if not rest[0][:1].isupper() or (not person and first_name_gender(" ".join(rest)) is None):
        return name
    return " ".join(rest)
