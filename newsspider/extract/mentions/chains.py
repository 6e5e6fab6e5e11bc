"""Reference chains: the pronouns and definite descriptions of the narration are resolved in
document order and added to their entity as mentions.

Resolved: a pronoun or "the <role>" opening a sentence ("She told reporters …", "The agency
said …", also right after a quotation: "“…,” she said"), and the possessives her / his / their
/ its anywhere. A pronoun goes to the most salient agreeing entity (`salience`: Lappin & Leass
weights); a description to its entity by `resolve.resolve_typed` (titles, types). Each
resolution becomes a mention with its salience weight, so an entity the text keeps referring
to ("she", "her", "the singer") stays salient for the next "she said", while someone named
once in passing (a manager, a mother) does not, and "it said" after "The agency said …" finds
the agency. Candidates come from a window of characters before the mention (linear work).
"""

from __future__ import annotations

import bisect
import re

from newsspider.extract.mentions.candidates import compatible
from newsspider.extract.mentions.lexicon import ROLE_NOUNS, EntityType
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import resolve_typed
from newsspider.extract.mentions.salience import (
    Sentences,
    mention_weight,
    resolve_description,
    resolve_pronoun,
)
from newsspider.extract.mentions.text import Doc, sentence_bounds

REACH = 3000
_OPENING = re.compile(
    r"[\s“”\"‘(,]*(?:(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,6}),\s+)?"
    r"(?:(?P<pron>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)|(?P<role>[Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<head>[a-z][\w\-]*)))"
    r"(?=\s+(?:[a-z]|,))"
)
# (?=[HhTtIi]): the first letters up front, so that the engine skips other positions in C
_POSSESSIVE = re.compile(r"(?=[HhTtIi])\b(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts)\b")
_COMMA_NAME = re.compile(r",\s+[A-Z]")
_TYPES: dict[str, EntityType] = {"he": "person", "she": "person", "it": "org", "they": "group"}
_POSS_WORD = {"her": "she", "his": "he", "their": "they", "its": "it"}


def _references(text: str) -> list[tuple[int, str, bool]]:
    """(offset, word, subject) of the resolvable references of a masked paragraph."""
    out: list[tuple[int, str, bool]] = []
    for s0 in (0, *sentence_bounds(text)[1]):
        m = _OPENING.match(text, s0)
        if m is None:
            continue
        if m.group("pron"):
            out.append((m.start("pron"), m.group("pron").lower(), True))
        elif not _COMMA_NAME.match(text, m.end()):  # not "The director, Ahn So-ra,"
            out.append((m.start("role"), m.group("head"), True))
    seen = {p for p, _w, _s in out}
    for m in _POSSESSIVE.finditer(text):
        if m.start() not in seen:
            out.append((m.start(), _POSS_WORD[m.group().lower()], False))
    out.sort()
    return out


def add_chains(doc: Doc, reg: EntityRegistry, masked: dict[int, str]) -> int:
    """Resolve the references of the masked paragraphs (index -> text) in order and add them
    to their entities (`reg.resolved` maps each offset to its entity); returns how many."""
    index = sorted((p, k) for k, e in enumerate(reg.entities) for p in e.positions)
    pos_list = [p for p, _k in index]
    ent_list: list[Entity] = [reg.entities[k] for _p, k in index]
    sentences = reg.sentences = Sentences(doc, masked)
    added = 0
    for i in sorted(masked):
        for off, word, subject in _references(masked[i]):
            pos = doc.g(i, off)
            lo = bisect.bisect_left(pos_list, pos - REACH)
            hi = bisect.bisect_left(pos_list, pos)
            pool = list({id(e): e for e in ent_list[lo:hi]}.values())
            if not pool:
                continue
            if word in _TYPES:
                ent = resolve_pronoun(doc, reg, word, pos, pool, sentences, subject=subject)
                if ent is not None and ent.type == "pair":
                    reg.resolved[pos] = ent  # "A and B": not an entity of the registry
                    continue
            else:
                etype = ROLE_NOUNS.get(word, "unknown")
                if etype not in ("person", "org", "group"):
                    continue
                cands = compatible(word, pool) or pool
                if etype == "person":
                    ent = resolve_description(doc, reg, word, pos, cands, sentences)
                else:
                    ent = resolve_typed(reg, etype, pos, word, -1, doc, pool=cands)
            if ent is None:
                continue
            bisect.insort(ent.positions, pos)
            if subject:
                bisect.insort(ent.subjects, pos)
            ent.weights[pos] = mention_weight(subject, not subject, False)
            reg.resolved[pos] = ent
            k = bisect.bisect_left(pos_list, pos)
            pos_list.insert(k, pos)
            ent_list.insert(k, ent)
            added += 1
    return added
