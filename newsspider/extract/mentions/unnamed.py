"""People the article never names: "a rep for X", "X's father", "a source close to the group".

Such a person is a referent of the text like a named one: an indefinite or possessive
description introduces them, a definite description with the same noun refers back to them
("A rep for Ahn told reporters … “…,” the rep said"). They are described as the labelled sets
describe them (real-news, coref-ent): a spokesperson, representative or publicist *for* someone,
and a relative *of* someone, by the owner's full name and the noun ("Ahn So-hee’s
representative", "Ember Records’ spokesperson", "Seo Tae-yang’s father"; "the label" resolved to
the company the passage names); anyone else by the introducing phrase as written, with what
follows the noun ("a person familiar with the group’s plans", "a crew member who worked on the
drama"). A description with a name beside it ("a spokesman for X, Kim Jae-won,", "Kim Jae-won,
a spokesman for X,") introduces a named person: that name.

Offsets are global (`Doc.g`); the text read is the narration (quotations blanked, same offsets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import CUE_VERBS, ROLE_NOUNS
from newsspider.extract.mentions.registry import EntityRegistry
from newsspider.extract.mentions.resolve import (
    agency_short_form,
    is_personlike,
    latest_before,
    resolve_typed,
)
from newsspider.extract.mentions.runs import name_runs
from newsspider.extract.mentions.text import Doc

# who speaks for someone: described as "<owner>’s <noun>"; the value is the noun written
# in the description and the class a later "the <noun>" refers back with
AGENTS = {
    "rep": "representative", "reps": "representatives", "representative": "representative",
    "representatives": "representatives", "spokesperson": "spokesperson", "spokespeople": "spokespeople",
    "spokesman": "spokesman", "spokesmen": "spokesmen", "spokeswoman": "spokeswoman",
    "spokeswomen": "spokeswomen", "publicist": "publicist", "publicists": "publicists",
}
KIN = frozenset(
    "father mother dad mom parents brother sister son daughter husband wife grandmother grandfather uncle aunt "
    "cousin".split()
)
# people who are described, not named, by nature ("a source close to …", "a person familiar
# with …", "an insider"): one class for the back reference ("the insider" after "a person
# familiar with …")
ANONYMOUS = frozenset("source insider person".split())
_CLASS = {
    "rep": "rep", "reps": "rep", "representative": "rep", "representatives": "rep",
    "spokesperson": "spokes", "spokesman": "spokes", "spokeswoman": "spokes", "spokespeople": "spokes",
    "spokesmen": "spokes", "spokeswomen": "spokes", "publicist": "publicist", "publicists": "publicist",
    "source": "anon", "insider": "anon", "person": "anon", "dad": "father", "mom": "mother",
}
_REF_WORDS = frozenset(_CLASS) | KIN
_REACH = 3000  # chars before the reference where its introduction is looked for

_DETS = frozenset("a an one another the".split())
_OWN_PRONOUNS = frozenset("his her their its".split())
_POSS = re.compile(r"(?:’s|'s|’|')$")
_TOKENS = lazy(r"[\w’'\-.]+|[^\w\s]")
_PREDICATIVE = frozenset("is was are were be been being as became become becomes remains remained like".split())
_OWNER_PREP = lazy(r"\s+(?P<prep>for|of|at|with|to)\s+")
_OWNER_ROLE = lazy(r"(?P<det>the|his|her|their|its)\s+(?P<w1>[a-z][\w\-]*)(?:\s+(?P<w2>[a-z][\w\-]*))?")
_POSTMODIFIER = lazy(
    r"\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|who|whom|for|of|at|from|inside|within"
    r"|involved\s+in|briefed\s+on)\b"
)
_NEXT_WORD = lazy(r"\s+([a-z][\w\-]*)")
# words that can follow a noun phrase (so a name before them is a whole owner, not a modifier)
_AFTER_NP = frozenset(CUE_VERBS) | frozenset(
    """and or but in on at to of for from with by about after before during since as when while who
    which that than because if last this next earlier later who whose also has have had is was are
    were will would could did does do said says told tells""".split()
)
# a postmodifier ends before these (a verb of the clause the description is the subject of)
_PHRASE_STOPS = frozenset(
    """that which where and but because when while if did does do is was are were has have had will would
    could can should may might must""".split()
)
_STOP = frozenset(",.;:!?“”\"()[]")
_CUES = frozenset(CUE_VERBS) | frozenset(("according",))
_WORDS = lazy(r"[\w’'\-]+|[^\w\s’'\-]")
_NAME_BEFORE = lazy(r"(?P<name>(?:[A-Z][\w\-.’']*\s+){0,3}[A-Z][\w\-.’']*),\s+$")
_OWNER_BEFORE = lazy(
    r"(?<![\w’'\-])(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[a-z][\w\-]*\s+){0,2}(?P<head>[a-z]+)\s+(?:for|of|at|with)\s+"
    r"(?:[\w\-]+\s+){0,3}$"
)


@dataclass(frozen=True)
class Unnamed:
    """A description of a person at [start, end): `description` when never named, `name` when a
    name stands beside it."""

    start: int
    end: int
    description: str | None = None
    name: str | None = None


def _narration(doc: Doc, reg: EntityRegistry, para: int) -> str:
    return reg.narration.get(para, doc.paras[para])


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def _owner_name(doc: Doc, reg: EntityRegistry, text: str, at: int, para: int) -> tuple[str, int] | None:
    """The owner written at `text[at:]` ("Ahn", "the label", "Ember Records") by its full
    name, with the end of its words; None when it names nobody the article knows."""
    g = doc.g(para, at)
    runs = name_runs(text[at : at + 80])
    lead = text[at : at + 4]
    if runs and (runs[0].start == 0 or (runs[0].start == 4 and lead.lower() == "the ")):
        run = runs[0]
        nxt = _NEXT_WORD.match(text, at + run.end)
        if nxt is not None and nxt.group(1) not in _AFTER_NP and not run.possessive:
            return None  # a modifier, not the owner: "for the Bush super PAC"
        ent = reg.lookup(run.text, g)
        if ent is None or (ent.type == "unknown" and not ent.titles and not (ent.male or ent.female)):
            ent = agency_short_form(reg, run.text) or ent  # "a rep for Moonlight": Moonlight Entertainment
        if ent is not None and not set(run.text.split()) <= set(ent.name.split()) and ent.name.split()[0] != run.text:
            ent = None  # another committee of the same words
        return (ent.name if ent is not None else run.text), at + run.end - (2 if run.possessive else 0)
    m = _OWNER_ROLE.match(text, at)
    if m is not None and m.group("det") == "the":
        # "the label", "the K-pop label": the head is the first word the role lexicon knows
        w2 = m.group("w2")
        key = "w1" if m.group("w1") in ROLE_NOUNS and (w2 is None or w2 not in ROLE_NOUNS) else "w2"
        noun = m.group(key) or ""
        etype = ROLE_NOUNS.get(noun)
        if etype in ("org", "group", "person"):
            ent = resolve_typed(reg, etype, g, noun, doc.prev_sentence_start(g), doc)
            if ent is not None and (etype != "person" or is_personlike(ent, True)):
                return ent.name, m.end(key)
    return None


def _possessor(doc: Doc, reg: EntityRegistry, text: str, last: int, para: int) -> tuple[str, int]:
    """The owner whose possessive word starts at `last` ("Tae-yang's" of "Seo Tae-yang's", "agency’s"
    of "the agency’s") by its full name, and where its words start."""
    if text[max(0, last - 4) : last].lower() == "the ":
        got = _owner_name(doc, reg, text, last - 4, para)
        if got is not None:
            return got[0], last - 4
    runs = name_runs(text[max(0, last - 60) : text.find(" ", last) if " " in text[last:] else len(text)])
    lo = max(0, last - 60)
    if runs and runs[-1].possessive and lo + runs[-1].end >= last:
        ent = reg.lookup(runs[-1].text, doc.g(para, lo + runs[-1].start))
        return (ent.name if ent is not None else runs[-1].text), lo + runs[-1].start
    word = text[last:].split()[0] if text[last:].split() else ""
    return _POSS.sub("", word), last


def _left(text: str, hs: int) -> tuple[int, str, int | None] | None:
    """What stands before the noun at `hs`: (start of the description, its determiner or "",
    the start of a possessive owner or None), over at most two lower-case modifiers; None when
    neither a determiner nor a possessive does ("Halcyon Records spokesman")."""
    toks = list(_TOKENS.finditer(text, max(0, hs - 90), hs))
    k = len(toks) - 1
    for _ in range(3):
        if k < 0:
            return None
        w = toks[k].group()
        low = w.lower()
        if low in _DETS:
            return toks[k].start(), low, None
        if low in _OWN_PRONOUNS:
            return toks[k].start(), "", toks[k].start()
        if _POSS.search(w) and len(w) > 2 and (w[:1].isupper() or (k > 0 and toks[k - 1].group().lower() == "the")):
            # the owner's last word: "Seo Tae-yang's", "Ember Records’", "the agency’s"
            return toks[k].start(), "", toks[k].start()
        if not (w.isalpha() or "-" in w) or not w[:1].islower():
            return None
        k -= 1
    return None


def _phrase_end(text: str, at: int) -> int | None:
    """End of a noun phrase's postmodifier starting at `at` ("close to the group", "who worked on
    the drama"): up to punctuation or a speech verb, at most 12 words; None when none starts
    or it runs on (longer, or over a blanked quotation)."""
    if _POSTMODIFIER.match(text, at) is None:
        return None
    end = at
    stop = min(len(text), at + 160)
    for k, m in enumerate(_WORDS.finditer(text, at, stop)):
        w = m.group()
        if w in _STOP or w.lower() in _CUES or (k > 1 and w.lower() in _PHRASE_STOPS):
            break
        if k >= 12:
            return None
        end = m.end()
    else:
        if stop < len(text):
            return None
    return end if end > at and "  " not in text[at:end] else None


def introduction(doc: Doc, reg: EntityRegistry, para: int, hs: int, he: int) -> Unnamed | None:
    """The description whose noun is at [hs, he) of paragraph `para`, when it introduces a
    person: indefinite or possessive, or with "the" and an owner ("the spokesman for X")."""
    text = _narration(doc, reg, para)
    head = text[hs:he].lower()
    left = _left(text, hs)
    if left is None:
        return None
    start, det, own = left
    before = text[max(0, start - 40) : start]
    pw = re.findall(r"[\w’'\-]+", before)
    if pw and pw[-1].lower() in _PREDICATIVE:
        return None  # "he is a spokesman for …": says what someone is
    gs = doc.g(para, start)
    noun = AGENTS.get(head, head)
    relational = head in AGENTS or head in KIN
    owner: str | None = None
    end = he
    if own is not None:
        if not relational:
            return None
        word = text[own : own + 6].split()[0].lower()
        if word in _OWN_PRONOUNS:
            ent = reg.resolved.get(doc.g(para, own))
            if ent is None or ent.type == "pair":
                return None
            owner = ent.name
        else:
            owner, own_start = _possessor(doc, reg, text, own, para)
            start, gs = own_start, doc.g(para, own_start)
    else:
        prep = _OWNER_PREP.match(text, he)
        if prep is not None and relational and (prep.group("prep") == "of" or head in AGENTS):
            got = _owner_name(doc, reg, text, prep.end(), para)
            if got is not None:
                owner, end = got
        if owner is None:
            tail = _phrase_end(text, he) if det != "the" else None
            if tail is not None:
                end = tail
            elif det == "the":
                return None
    named = _NAME_BEFORE.search(before)
    if named is not None and text[end : end + 1] in (",", ".", ";", "") and _a_name(reg, named, gs):
        # "Kim Jae-won, a spokesman for X, said" (not "X, a top aide said, …")
        return Unnamed(gs, doc.g(para, end), name=_full(reg, named.group("name"), gs))
    after = text[end : end + 60]
    runs = name_runs(after)
    if runs and after[: runs[0].start] in (", ", " ") and not runs[0].possessive:
        ge = doc.g(para, end + runs[0].start)
        if is_personlike_name(reg, runs[0].text, ge):
            # "a spokesman for X, Kim Jae-won, said", "her father Seo Man-ho"
            return Unnamed(gs, doc.g(para, end), name=_full(reg, runs[0].text, ge))
    if owner is not None:
        return Unnamed(gs, doc.g(para, end), description=f"{possessive(owner)} {noun}")
    return Unnamed(gs, doc.g(para, end), description=text[start:end])


def _a_name(reg: EntityRegistry, m: re.Match, pos: int) -> bool:
    """The name before a description's comma is a person's, and not a capitalised word opening
    its sentence ("Likewise, a paper …")."""
    name = m.group("name")
    if " " not in name and not m.string[: m.start()].strip().endswith(("the", "said", "says")):
        if m.start() == 0 or m.string[: m.start()].rstrip()[-1:] in (".", "!", "?", "”", "\"", ""):
            return False
    return is_personlike_name(reg, name, pos)


def is_personlike_name(reg: EntityRegistry, name: str, pos: int) -> bool:
    ent = reg.lookup(name, pos)
    return ent is not None and is_personlike(ent)


def _full(reg: EntityRegistry, name: str, pos: int) -> str:
    ent = reg.lookup(name, pos)
    return ent.name if ent is not None else name


def speaker_description(doc: Doc, reg: EntityRegistry, words: str, at: int | None, kind: str) -> Unnamed | None:
    """The never-named (or appositively named) person the speaker words at global offset `at`
    stand for: words inside a description that introduces someone ("a spokesperson" of "a
    spokesperson for the label", "Park" or "the actress" of "a rep for Park"), or "the <noun>"
    referring back to one. None: the words are resolved as before."""
    if at is None or not words:
        return None
    para, off = doc.locate(at)
    text = _narration(doc, reg, para)
    if text[off : off + len(words)] != words:
        return None
    before = _OWNER_BEFORE.search(text, max(0, off - 90), off)
    if before is not None and before.group("head").lower() in AGENTS:
        # the words are the owner: "a rep for [Park] told", "A representative for [the actress]"
        return introduction(doc, reg, para, before.start("head"), before.end("head"))
    if kind != "role":
        return None
    m = re.search(r"(?<![\w’'\-])([a-z][\w\-]*)$", words)
    if m is None:
        return None
    hs, he = off + m.start(1), off + m.end(1)
    head = m.group(1).lower()
    if ROLE_NOUNS.get(head, "person") != "person" and head not in AGENTS and head not in ANONYMOUS:
        return None  # a document, an institution, a group, a plural: `describe_source` and the rest
    first = words.split()[0].lower()
    if first in _OWN_PRONOUNS or _POSS.search(first):
        return None  # "her publicist", "Kim's rep": the owned roles of `quotes.speakers`
    if first != "the":
        got = introduction(doc, reg, para, hs, he)
        # the words alone ("a source", "one user"): as before
        return None if got is not None and got.description == words else got
    got = introduction(doc, reg, para, hs, he)  # "the spokesman for X said"
    if got is not None or head not in _REF_WORDS:
        return got
    return referred(doc, reg, head, doc.g(para, hs))


def referred(doc: Doc, reg: EntityRegistry, head: str, pos: int) -> Unnamed | None:
    """"the rep", "the father", "the insider" at `pos`: the latest description before it that
    introduces someone of that kind, unless a person the article names holds that title since."""
    cls = _CLASS.get(head, head)
    words = sorted({head, cls if cls in KIN else head} | {w for w, c in _CLASS.items() if c == cls})
    pat = re.compile(r"(?<![\w’'\-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w’'\-])", re.IGNORECASE)
    para, _off = doc.locate(pos)
    lo = pos - _REACH
    for p in range(para, -1, -1):
        if doc.offsets[p] + len(doc.paras[p]) < lo:
            break
        text = _narration(doc, reg, p)
        hits = [m for m in pat.finditer(text) if lo <= doc.g(p, m.start()) < pos]
        for m in reversed(hits):
            got = introduction(doc, reg, p, m.start(), m.end())
            if got is None:
                continue
            if got.description is not None and _titled_since(reg, words, got.start, pos):
                return None
            return got
    return None


def _titled_since(reg: EntityRegistry, words: list[str], since: int, pos: int) -> bool:
    """Someone the article names with one of these titles, mentioned between an introduction
    and a reference to it ("… spokesman Kim Jae-won said. … the spokesman added")."""
    for e in reg.entities:
        if e.titles & set(words) and is_personlike(e, True) and latest_before(e, pos) >= since:
            return True
    return False
