"""Organisations a description names by the noun of their kind: "a company spokesperson", "a
bureau spokesman". The labelled sets write such a speaker with the organisation the article
means in place of the noun ("a <Company> spokesperson", as the article itself writes "a <Brand>
spokesperson"): the organisation that was the subject of one of the two sentences before, when
that is no person or place ("<Company> has said it will stay cautious. “…,” a company
spokesperson said."; "The FBI told …. “…,” a bureau spokesperson said.").

Offsets are global (`Doc.g`).
"""

from __future__ import annotations

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import ROLE_NOUNS
from newsspider.extract.mentions.registry import EntityRegistry
from newsspider.extract.mentions.resolve import latest_subject_before
from newsspider.extract.mentions.runs import first_name_gender
from newsspider.extract.mentions.text import Doc

# kinds of organisation a speaker's description can name by their noun alone ("a company
# spokesperson", "a bureau spokesman"): the organisation of that kind the article means
_ORG_MODIFIERS = frozenset("company firm bureau agency ministry department embassy".split())
_ORG_MODIFIED = lazy(r"(?:an?|An?)\s+(?P<noun>[a-z]+)\s+")


def org_of_kind(doc: Doc, reg: EntityRegistry, text: str, start: int, hs: int, para: int) -> str | None:
    """The organisation named by the noun of its kind between an indefinite article and a
    speaker's noun at text[start:hs] ("a company spokesperson" after "<Company> has said …"), as
    the article names it: the latest subject of the two sentences before; None for any other
    description, or when that subject is a person, a place or nobody."""
    m = _ORG_MODIFIED.fullmatch(text, start, hs)
    if m is None or m.group("noun") not in _ORG_MODIFIERS:
        return None
    g = doc.g(para, start)
    # the latest subject of the two sentences before, when it is no person or place
    lo = doc.prev_sentence_start(doc.prev_sentence_start(g))
    best, at = None, -1
    for e in reg.entities:
        s = latest_subject_before(e, g)
        if s >= lo and s > at:
            best, at = e, s
    acronym = _acronym_subject(doc, reg, lo, g)
    if acronym is not None and acronym[0] > at:
        return acronym[1]  # "The FBI told …. “…,” a bureau spokesperson said" (no name run)
    if best is None or best.type in ("place", "person", "pair") or best.male or best.female or best.titles:
        return None  # a person ("<name> said …. “…,” a company spokesperson said"): not the firm
    if best.type != "org" and first_name_gender(best.name) is not None:
        return None
    return best.name


# an institution written as "The <ACRONYM>" opening a sentence ("The FBI said", "The NHS has"):
# such acronyms make no name run (`lexicon.NOT_NAME_ACRONYMS`)
_ACRONYM_SUBJECT = lazy(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))The\s+(?P<a>[A-Z]{3,5})\s+(?=[a-z])")


def _acronym_subject(doc: Doc, reg: EntityRegistry, lo: int, g: int) -> tuple[int, str] | None:
    """(offset, acronym) of the latest sentence in [lo, g) whose subject is "The <ACRONYM>"."""
    first, _ = doc.locate(lo)
    last, _ = doc.locate(g)
    got = None
    for p in range(first, min(last, len(doc.paras) - 1) + 1):
        for m in _ACRONYM_SUBJECT.finditer(reg.narration.get(p, doc.paras[p])):
            at = doc.g(p, m.start("a"))
            if lo <= at < g and m.group("a").lower() not in ROLE_NOUNS:
                got = (at, m.group("a"))
    return got


def article(name: str) -> str:
    """"an" before a vowel sound: a word opening with a vowel, an acronym of up to three
    letters opening with a letter whose name does ("an FBI", "an EU"; "a NATO" is read as a word)."""
    first = name.split()[0] if name.split() else name
    acronym = 1 < len(first) <= 3 and first.isupper()
    return "an" if name[:1] in ("AEFHILMNORSX" if acronym else "AEIOUaeiou") else "a"

