"""The entities of one article (people, groups, organisations, places), with the positions
of their mentions in a global character space over the paragraphs, and name lookup
("Kwon" -> "Kwon Tae-ho")."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from newsspider.extract.mentions.lexicon import (
    EntityType,
)
from newsspider.extract.mentions.runs import (
    strip_honorific,
)


@dataclass(eq=False)  # identity: two entities are never the same because their fields match
class Entity:
    name: str
    type: EntityType
    positions: list[int] = field(default_factory=list)  # global offsets of mentions
    speaker: bool = False  # seen as the subject of a speech verb
    person_cues: int = 0  # role words/appositives suggesting a person
    other_cues: int = 0  # "in X", "the X": a place or thing rather than a person
    titles: set[str] = field(default_factory=set)  # role words seen with it ("mayor")
    male: int = 0
    female: int = 0
    subjects: list[int] = field(default_factory=list)  # offsets where it is a sentence subject
    weights: dict[int, float] = field(default_factory=dict)  # salience weight of each mention (by role)
    # (offset, narration text, start, end) of each mention in narration, in document order: tested
    # only when asked (`topic.spoke_before`)
    narrated: list[tuple[int, str, int, int]] = field(default_factory=list, repr=False)
    # (male, female, person_cues, other_cues) each narrated mention added (offset -> deltas)
    evidence: dict[int, tuple[int, int, int, int]] = field(default_factory=dict, repr=False)


class EntityRegistry:
    """Entities of one article, with mention positions in a global character space."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.resolved: dict[int, Entity] = {}  # offset of a pronoun / description -> its entity (chains)
        self.sentences: Any = None  # `salience.Sentences` of the article (set by the chains)
        self.narration: dict[int, str] = {}  # paragraph -> its text with quotations blanked
        self._by_name: dict[str, Entity] = {}
        self._by_word: dict[str, list[Entity]] = {}  # word -> entities whose name has it

    def add(self, name: str, pos: int, etype: EntityType = "unknown") -> Entity:
        name = strip_honorific(name)
        ent = self._by_name.get(name)
        if ent is None:
            ent = self._partial(name, pos)
        if ent is not None and ent.name != name and (etype in ("org", "place")) != (ent.type in ("org", "place")):
            ent = None  # "Trump Foundation" is not Trump; "Kim" (a person) is not "Kim Entertainment"
        if ent is None:
            ent = Entity(name=name, type=etype)
            self.entities.append(ent)
            self._by_name[name] = ent
            by_word = self._by_word
            for w in set(name.split()):
                bucket = by_word.get(w)
                if bucket is None:
                    by_word[w] = [ent]
                else:
                    bucket.append(ent)
        # an entity keeps the form it was first written in: a longer form seen later ("Kwon",
        # then "Kwon Tae-ho") is found through `_partial` and does not rename it (renaming to
        # the longest form was measured on 2026-12-05: real-news 0.856 -> 0.822, PolNeAR train
        # CV 0.959 -> 0.956, the audit 0.708 -> 0.683: headline words and outlets glued to a
        # name are longer forms too)
        if ent.type == "unknown" and etype != "unknown":
            ent.type = etype
        positions = ent.positions
        if not positions or positions[-1] < pos:
            positions.append(pos)  # mentions are mostly added in document order
        else:
            bisect.insort(positions, pos)
        return ent

    def alias(self, name: str, ent: Entity) -> None:
        """File `name` (a glued form of the entity's name, "Brave Dana Whit") as another name
        of `ent`: an exact lookup finds it; no entity is made of it."""
        name = strip_honorific(name)
        if name not in self._by_name:
            self._by_name[name] = ent

    def lookup(self, name: str, pos: int | None = None, *, allow_partial: bool = True) -> Entity | None:
        """The entity `name` refers to: exact, else a full name containing it as its first
        or last word (the most recent one before `pos`, else the first after)."""
        name = strip_honorific(name)
        ent = self._by_name.get(name)
        if ent is not None or not allow_partial:
            return ent
        return self._partial(name, pos)

    def _partial(self, name: str, pos: int | None) -> Entity | None:
        """`lookup` of a name (honorifics stripped) that is no entity's name."""
        words = name.split()
        if len(words) == 1:
            # one word (the stripped name itself): only a longer name can hold it
            pool: list[Entity] | tuple[()] = self._by_word.get(name, ())
            if not pool:
                return None
            cands = [e for e in pool if _compatible(name, e.name)]
        else:
            found: dict[int, Entity] = {}
            for w in set(words):
                for e in self._by_word.get(w, ()):
                    found[id(e)] = e
            cands = [e for e in found.values() if _compatible(name, e.name) or _compatible(e.name, name)]
        if not cands:
            return None
        return _most_recent(cands, pos)

    def most_recent(self, types: tuple[EntityType, ...], pos: int, *, prefer_speakers: bool = False) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            if ent.type not in types:
                continue
            if prefer_speakers and not ent.speaker:
                continue
            k = bisect.bisect_left(ent.positions, pos)
            if k and (best is None or ent.positions[k - 1] > best[0]):
                best = (ent.positions[k - 1], ent)
        return best[1] if best else None


def _compatible(short: str, full: str) -> bool:
    """`short` is a shorter reference to `full` ("Kwon" -> "Kwon Tae-ho", "Ortega" ->
    "Melissa Ortega", "Seo-rin" -> "Han Seo-rin")."""
    s = short.split()
    f = full.split()
    if len(s) >= len(f):
        return False
    if len(s) == 1:
        return s[0] == f[0] or s[0] == f[-1] or (len(f) > 2 and s[0] in f)
    return f[: len(s)] == s or f[-len(s) :] == s


def _most_recent(cands: list[Entity], pos: int | None) -> Entity:
    if pos is None:
        return cands[0]
    before = []
    for e in cands:
        k = bisect.bisect_left(e.positions, pos)
        before.append((e.positions[k - 1] if k else -1, e))
    best = max(before, key=lambda t: t[0])
    if best[0] >= 0:
        return best[1]
    return min(cands, key=lambda e: e.positions[0] if e.positions else 1 << 60)
