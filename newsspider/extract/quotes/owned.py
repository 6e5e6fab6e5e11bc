"""Descriptions owned by someone: "Kim's manager said" (`owned`), "her publicist said"
(`theirs`): never the owner; the person the article names with that title, else the description
with the owner's name. `noun` writes a role noun as the labels do ("rep" -> "representative")."""

from __future__ import annotations

import re

from newsspider.extract.mentions.candidates import Index
from newsspider.extract.mentions.registry import EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike, latest_before
from newsspider.extract.mentions.runs import name_runs
from newsspider.extract.mentions.salience import Sentences, resolve_pronoun
from newsspider.extract.mentions.text import Doc
from newsspider.extract.mentions.unnamed import AGENTS

OWNER = re.compile(r"(?P<owner>[A-Z][^’']*?)(?P<poss>’s|'s)\s+(?P<rest>.+)")


def owned(reg: EntityRegistry, owner: re.Match, head: str, pos: int, index: Index) -> str:
    """"Kim's manager said": the manager, never Kim. Someone the article names with that
    title ("manager Park Ji-ho"), else the description with the owner's full name."""
    o = reg.lookup(owner.group("owner"), pos)
    titled = [e for e in index.candidates(pos) if head in e.titles and e is not o]
    if titled:
        return max(titled, key=lambda e: latest_before(e, pos)).name
    return f"{o.name if o is not None else owner.group('owner')}{owner.group('poss')} {noun(owner.group('rest'))}"




POSSESSIVE = re.compile(r"(?P<pron>his|her)\s+(?P<rest>\S.*)", re.IGNORECASE)


def theirs(
    doc: Doc, reg: EntityRegistry, mine: re.Match, head: str, pos: int, index: Index, at: int | None
) -> str | None:
    """A person role owned by a pronoun ("his longtime physician told …", "her producer said"):
    never the owner the pronoun stands for. The name written right after it ("her manager,
    Park Ji-ho, said"), else someone the article names with that title other than the owner,
    else the description with the owner's name ("Kim Ji-ho’s producer"), else the words as
    written."""
    if at is not None:
        para, off = doc.locate(at)
        text = doc.paras[para]
        end = off + len(mine.group(0))
        if text[off:end] == mine.group(0):
            runs = name_runs(text[end : end + 60])
            if runs and runs[0].start <= 2 and text[end : end + runs[0].start] in (" ", ", ") and not runs[0].possessive:
                ent = reg.lookup(runs[0].text, doc.g(para, end + runs[0].start))
                if ent is not None and is_personlike(ent, True):
                    return ent.name
    pron = "he" if mine.group("pron").lower() == "his" else "she"
    pool = index.candidates(pos)
    owner = reg.resolved.get(at) if at is not None else None  # the possessive's chain
    if owner is None:
        owner = resolve_pronoun(doc, reg, pron, pos, pool, reg.sentences or Sentences(doc))
    titled = [e for e in pool if head in e.titles and e is not owner and is_personlike(e, True)]
    if titled:
        return max(titled, key=lambda e: latest_before(e, pos)).name
    rest = noun(mine.group("rest"))
    return f"{owner.name}’s {rest}" if owner is not None else mine.group(0)


def noun(rest: str) -> str:
    """The role words of a description as the labels write them: "rep" -> "representative"."""
    words = rest.split()
    if words and words[-1].lower() in AGENTS:
        words[-1] = AGENTS[words[-1].lower()]
    return " ".join(words)
