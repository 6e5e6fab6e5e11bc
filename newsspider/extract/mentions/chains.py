"""Reference chains: the pronouns and definite descriptions of the narration are resolved in
document order and added to their entity as mentions.

Resolved: a pronoun or "the <role>" opening a sentence ("She told reporters …", "The agency
said …", also right after a quotation: "“…,” she said"), the possessives her / his / their
/ its anywhere, and inside a sentence "the <organisation or group word>" when it surely names
its entity ("… before the label had said a word": an agency; "the band": a group; "the
committee": a name holding the word), so that a label described beside two people it is not
outweighs them for a later "they". A pronoun goes to the most salient agreeing entity (`salience`: Lappin & Leass
weights); a description to its entity by `resolve.resolve_typed` (titles, types). Each
resolution becomes a mention with its salience weight, so an entity the text keeps referring
to ("she", "her", "the singer") stays salient for the next "she said", while someone named
once in passing (a manager, a mother) does not, and "it said" after "The agency said …" finds
the agency. A he / she resolved to a person adds to that person's gender evidence (unless the
person has evidence of the other gender), so that a later pronoun of the other gender does not
go to someone the article has been calling "he". Candidates come from a window of characters
before the mention (linear work).
"""

from __future__ import annotations

import bisect
import re

from newsspider.extract.mentions.candidates import compatible
from newsspider.extract.mentions.lexicon import (
    ADVERBS,
    AGENCY_SUFFIXES,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FEMALE_FIRST,
    MALE_FIRST,
    ROLE_NOUNS,
    SMALL_WORDS,
    EntityType,
)
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike, rehome_shared_surnames, resolve_typed
from newsspider.extract.mentions.salience import (
    Sentences,
    mention_weight,
    resolve_description,
    resolve_pronoun,
)
from newsspider.extract.mentions.text import Doc, sentence_bounds

REACH = 3000
# (the word runs of the optional lead are possessive: a word never ends in a space or a comma,
# so giving characters back never lets the comma match; the engine does not try)
_OPENING = re.compile(
    r"[\s“”\"‘(,]*(?:(?:[A-Z][\w’'\-]*+(?:\s++[\w’'\-]++){0,6}+),\s+)?"
    r"(?:(?P<pron>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)|(?P<role>[Tt]he\s+(?:[a-z0-9][\w\-]*\s+){0,2}?(?P<head>[a-z][\w\-]*)))"
    r"(?=\s+(?:[a-z]|,))"
)
# `\b(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts)\b` with its first letter matched first, as a character
# set, so that the regex engine skips the other positions in a C loop (a lookahead or \b in
# front defeats that test); the \b before it is the lookbehind after it
_POSSESSIVE = re.compile(r"[HhTtIi](?<!\w[HhTtIi])(?:(?<=[Hh])(?:er|is)|(?<=[Tt])heir|(?<=[Ii])ts)\b")
_COMMA_NAME = re.compile(r",\s+[A-Z]")
# "the label", "the agency", "the band" inside a sentence ("… before the label had said a word")
_MID_ROLE = re.compile(r"[Tt](?<!\w[Tt])he\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<head>[a-z][\w\-]*)\b(?![’'\-])")
_ORG_HEADS = frozenset(w for w, t in ROLE_NOUNS.items() if t in ("org", "group") and w not in DOCUMENT_NOUNS)
_TYPES: dict[str, EntityType] = {"he": "person", "she": "person", "it": "org", "they": "group"}
_POSS_WORD = {"her": "she", "his": "he", "their": "they", "its": "it"}


_PHRASE_WORDS = re.compile(r"\s+([a-z0-9][\w\-]*)(?=[\s,])")


_NOT_MODIFIERS = frozenset(CUE_VERBS) | frozenset(ADVERBS) | SMALL_WORDS


def _head(text: str, m: re.Match) -> str:
    """The head of a sentence-opening description: the last role noun of its first words ("The
    29-year-old dancer was …", "The former child actress said"), else the word the
    pattern stopped at."""
    head = m.group("head")
    at = m.start("role") + 3
    for _ in range(4):
        w = _PHRASE_WORDS.match(text, at)
        if w is None:
            break
        word = w.group(1)
        if word in ROLE_NOUNS:
            head = word
        elif word in _NOT_MODIFIERS or word.endswith(("ed", "s")):
            break  # a verb of the sentence ("The bill hurts members"), not a modifier
        at = w.end()
        if text.startswith(",", at):
            break
    return head


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
            out.append((m.start("role"), _head(text, m), True))
    seen = {p for p, _w, _s in out}
    for m in _MID_ROLE.finditer(text):
        head = m.group("head")
        if head in _ORG_HEADS and m.start() not in seen and not _COMMA_NAME.match(text, m.end()):
            out.append((m.start(), head, False))
            seen.add(m.start())
    for m in _POSSESSIVE.finditer(text):
        if m.start() not in seen:
            out.append((m.start(), _POSS_WORD[m.group().lower()], False))
    out.sort()
    return out


_AGENCY_WORDS = frozenset("agency label company management".split())


def _names(ent: Entity, head: str) -> bool:
    """The description surely names the entity: "the label" an agency ("… Music", "…
    Entertainment"), "the band" a group, "the committee" a name holding the word."""
    words = ent.name.split()
    if head in _AGENCY_WORDS:
        return ent.type == "org" and words[-1] in AGENCY_SUFFIXES
    if ROLE_NOUNS.get(head) == "group":
        return ent.type == "group"
    return head in ent.name.lower().split()


def add_chains(doc: Doc, reg: EntityRegistry, masked: dict[int, str]) -> int:
    """Resolve the references of the masked paragraphs (index -> text) in order and add them
    to their entities (`reg.resolved` maps each offset to its entity); returns how many.
    The bare surnames two people share are given to the right one first
    (`resolve.rehome_shared_surnames`)."""
    rehome_shared_surnames(doc, reg)
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
            if ent is None or (not subject and word not in _TYPES and not _names(ent, word)):
                continue  # inside a sentence, a description counts only for an entity it surely names
            bisect.insort(ent.positions, pos)
            if subject:
                bisect.insort(ent.subjects, pos)
            if word in ("he", "she") and is_personlike(ent):
                # the pronoun is evidence of the person's gender, as one written after the name
                # is (`index`): a later pronoun of the other gender looks elsewhere; not against
                # the person's given name (a one-word "<female given name>" is no "he")
                given = ent.name.split()[0]
                if word == "he" and not ent.female and given not in FEMALE_FIRST:
                    ent.male += 1
                elif word == "she" and not ent.male and given not in MALE_FIRST:
                    ent.female += 1
            ent.weights[pos] = mention_weight(subject, not subject and word in _TYPES, False)
            reg.resolved[pos] = ent
            k = bisect.bisect_left(pos_list, pos)
            pos_list.insert(k, pos)
            ent_list.insert(k, ent)
            added += 1
    return added
