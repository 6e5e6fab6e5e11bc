"""Candidate referents of a pronoun or role word: the entities mentioned shortly before it,
plus the article's most-mentioned entities, filtered by agreement.

`Index` puts every mention of a registry in one sorted list, so that the candidates of a
mention are found by bisection in a window of characters before it (bounded work per mention:
a long text costs linear time); `compatible` drops the candidates a pronoun cannot refer to
("she" is not a company or a man the article calls "he", "it" is not a person, "they" is not
one known person) and one-off capitalised words with no sign of being a person or a company.
"""

from __future__ import annotations

import bisect

from newsspider.extract.mentions.lexicon import ROLE_NOUNS
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike

REACH = 3000  # characters before the mention whose entities are candidates
SALIENT = 3  # most-mentioned entities always considered
_MALE_NOUNS = frozenset("he him his businessman spokesman chairman congressman actor husband father son brother king".split())
_FEMALE_NOUNS = frozenset(
    "she her businesswoman spokeswoman chairwoman congresswoman actress wife mother daughter sister queen widow".split()
)


def mention_group(word: str) -> str:
    """The class of a referring word: he_she | they | it | role_person | role_org | role_group."""
    w = word.lower()
    if w in ("he", "she"):
        return "he_she"
    if w in ("they", "we"):
        return "they"
    if w == "it":
        return "it"
    t = ROLE_NOUNS.get(w, "unknown")
    return {"person": "role_person", "org": "role_org", "group": "role_group"}.get(t, "role_other")


class Index:
    """Mention positions of a registry in one sorted list (built once per article)."""

    def __init__(self, reg: EntityRegistry, title: str | None = None) -> None:
        pairs = sorted((p, k) for k, e in enumerate(reg.entities) for p in e.positions)
        self.pos = [p for p, _k in pairs]
        self.ent = [reg.entities[k] for _p, k in pairs]
        counts = sorted(reg.entities, key=lambda e: -len(e.positions))
        self.salient = [e for e in counts if e.type != "place"][:SALIENT]
        words = set((title or "").replace("’s", " ").replace("'s", " ").split())
        self.in_title = {id(e) for e in reg.entities if e.name.split()[-1] in words}
        self.top_person = next((e for e in counts if is_personlike(e, True)), None)

    def candidates(self, pos: int) -> list[Entity]:
        lo = bisect.bisect_left(self.pos, pos - REACH)
        hi = bisect.bisect_left(self.pos, pos)
        seen: dict[int, Entity] = {}
        for k in range(hi - 1, lo - 1, -1):
            e = self.ent[k]
            if id(e) not in seen and e.type != "place":
                seen[id(e)] = e
        for e in self.salient:
            if id(e) not in seen and e.positions and e.positions[0] < pos:
                seen[id(e)] = e
        return list(seen.values())


def compatible(word: str, cands: list[Entity]) -> list[Entity]:
    """Agreement as a filter: "he"/"she" and person roles never refer to an organisation, a
    group or a place, nor to someone of the other gender when the article says which;
    "it" and organisation roles never to a person; "they" not to one known person."""
    g = mention_group(word)
    w = word.lower()
    out = []
    for e in cands:
        if e.type == "unknown" and len(e.positions) == 1 and len(e.name.split()) == 1 and not is_personlike(e, True):
            continue  # one capitalised word seen once, with no sign of a person or a company
        if g in ("he_she", "role_person"):
            if e.type in ("org", "group", "place", "pair"):
                continue
            if (w in _MALE_NOUNS and e.female > e.male) or (w in _FEMALE_NOUNS and e.male > e.female):
                continue
        elif g in ("it", "role_org", "role_group"):
            if is_personlike(e) or e.type in ("place", "pair"):
                continue
        elif g == "they" and (is_personlike(e, True) or e.type == "place"):
            continue
        out.append(e)
    return out


def _last(e: Entity, pos: int) -> int:
    k = bisect.bisect_left(e.positions, pos)
    return e.positions[k - 1] if k else -1


def _last_subject(e: Entity, pos: int) -> int:
    k = bisect.bisect_left(e.subjects, pos)
    return e.subjects[k - 1] if k else -1


