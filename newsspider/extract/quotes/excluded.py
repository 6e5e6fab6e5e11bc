"""Words that cannot name a quote's speaker, whatever the attribution model scores them: a
common word capitalised because it opens its sentence, a place written after a town. The
model was trained on every candidate;
these are left out of its choice only."""

from __future__ import annotations

import re

from newsspider.extract.mentions.lexicon import FEMALE_FIRST, MALE_FIRST
from newsspider.extract.mentions.registry import EntityRegistry
from newsspider.extract.mentions.runs import is_place
from newsspider.extract.mentions.text import Doc, sentence_start
from newsspider.extract.quotes.attribution import Mention

# the people around a performer ("her publicist said", "his bandmate told"): nouns the role
# lexicon leaves out of the attribution candidates, known to the speaker resolution only
ENTOURAGE = frozenset(
    "publicist rep agent stylist bandmate co-star costar assistant boyfriend girlfriend fiancé fiancée fiance "
    "fiancee".split()
)


def not_a_speaker(doc: Doc, m: Mention, lower: frozenset[str], registry: EntityRegistry | None) -> bool:
    return _lexical_opener(doc, m, lower, registry) or _locative(doc, m)


def lower_words(doc: Doc) -> frozenset[str]:
    """The words the document writes in lower case (a common word's vocabulary)."""
    # one scan of the whole text; the words found are lower case already (a paragraph
    # boundary reads as the string's start to the lookbehind, and no word runs over it)
    return frozenset(_LOWER_WORD.findall("\n".join(doc.paras)))


_LOWER_WORD = re.compile(r"(?<![\w’'\-])[a-z][a-z’'\-]*")
_OPENERS = "“‘\"'(["


def _lexical_opener(doc: Doc, m: Mention, lower: frozenset[str], registry: EntityRegistry | None) -> bool:
    """A capitalised word opening its sentence that is a common word, not a name: the
    article writes it in lower case elsewhere ("Hours later, Kim …"), or it has the shape of
    a participle opening a clause ("Continuing to explain …, Kim said", "Based on …") and is
    no given name. Only a word the article uses once and in no longer name: "Song said" after
    "Song Ji-ho" stays a name."""
    word = m.text
    if m.kind != "name" or " " in word or not word[1:].islower():
        return False
    low = word.lower()
    if low not in lower and not (
        len(word) >= 5 and low.endswith(("ing", "ed")) and word not in MALE_FIRST and word not in FEMALE_FIRST
    ):
        return False
    text = doc.paras[m.para]
    if " " in text[m.start : m.end] or text[sentence_start(text, m.start) : m.start].strip(_OPENERS + " "):
        return False  # "Former Security …": a run whose title was stripped is no lone word
    ent = registry.lookup(word, doc.g(m.para, m.start)) if registry is not None else None
    return ent is None or (len(ent.positions) <= 1 and " " not in ent.name)


_PLACE_AFTER = re.compile(r"[A-Z][\w.’'\-]*,\s*$")


def _locative(doc: Doc, m: Mention) -> bool:
    """A place written after a town and a comma is where something happened, not who spoke
    ("Kim, at a fan meeting in Busan, South Korea, said …", "Speaking in Salem, New
    Hampshire, Kim …")."""
    if m.kind != "name" or not is_place(m.text):
        return False
    text = doc.paras[m.para]
    return _PLACE_AFTER.search(text, max(0, m.start - 40), m.start) is not None
