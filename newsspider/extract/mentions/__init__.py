"""Who is this mention? The people, groups and organisations of one article.

Shared by the extractors that need to know who a name, a pronoun or a description refers to:
the quote extractor (speakers) and the release extractor (artists). Pure functions over the
article's paragraphs; no model download, no I/O.

    from newsspider.extract.mentions import Mentions, type_of

    m = Mentions(paragraphs)                      # index the article's name mentions once
    r = m.who("the agency", paragraph=4, offset=0)  # what the words at that place refer to
    r.name        # "Bluefin Entertainment": the fullest name the article gives
    r.type        # person | group | agency | broadcaster | organisation | place | unknown
    r.confidence  # 0-1: how sure the resolution is (an exact name ~1, a guess for "she" less)
    m.who("Kwon", 7)          # a short form -> "Kwon Tae-ho" (person)
    m.who("she", 7, 120)      # a pronoun -> the salient compatible person before that place
    m.who("NORTHSTAR")        # no position: resolved against the whole article -> group
    m.entities()              # every entity (Referent), in order of first mention
    type_of("KBS")            # a bare name typed without context -> "broadcaster"

`who()` returns None when nothing in the article fits (a pronoun before any person, an
unknown role noun). Positions are a paragraph index and a character offset inside it (the
place of the mention, or of the sentence that uses it: resolution looks only before it).
Paragraph texts already inside quote marks can be masked with `quoted` so that names said
inside a quotation do not count as mentions.

How it works: `runs` finds capitalised name runs ("VELVETEEN leader Oh Da-bin" -> "Oh Da-bin",
"BLACKPINK's Jennie"); `index` turns them into a registry of entities (`registry`) with their
type (organisation suffixes, group words, Korean name shapes, places), gender evidence, role
titles and sentence-subject positions; `resolve` maps pronouns and role nouns to an entity by
type, gender, title and salience. Word lists are in `lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from newsspider.extract.mentions.index import build_registry
from newsspider.extract.mentions.lexicon import (
    AGENCY_SUFFIXES,
    BROADCASTER_SUFFIXES,
    BROADCASTERS,
    PRONOUNS,
    ROLE_NOUNS,
)
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import agency_short_form, is_personlike, resolve_typed
from newsspider.extract.mentions.runs import entity_type_of, strip_honorific
from newsspider.extract.mentions.text import Doc

__all__ = ["Mentions", "Referent", "MentionType", "type_of"]

MentionType = Literal["person", "group", "agency", "broadcaster", "organisation", "place", "unknown"]


@dataclass(frozen=True)
class Referent:
    """What a mention refers to."""

    name: str
    type: MentionType
    confidence: float
    mentions: int = 0  # how often the article names it
    first: int | None = None  # global offset of its first mention (None: not named in the text)


def type_of(name: str, left_context: str = "") -> MentionType:
    """The type of a bare name, from its shape and the words just before it ("boy group X")."""
    return _fine_type(name, entity_type_of(name, left_context))


def _fine_type(name: str, coarse: str, personlike: bool = False) -> MentionType:
    words = name.split()
    if name in BROADCASTERS or (words and words[-1] in BROADCASTER_SUFFIXES):
        return "broadcaster"
    if coarse == "org":
        return "agency" if words and words[-1] in AGENCY_SUFFIXES else "organisation"
    if coarse in ("person", "group", "place"):
        return coarse  # type: ignore[return-value]
    return "person" if personlike else "unknown"


class Mentions:
    """The entities of one article and the resolution of mentions to them."""

    def __init__(
        self,
        paragraphs: Sequence[str],
        *,
        kinds: Sequence[str] | None = None,
        quoted: dict[int, list[tuple[int, int]]] | None = None,
        skip: Iterable[int] = (),
        title: str | None = None,
    ) -> None:
        self.doc = Doc(paragraphs, kinds, title)
        self.registry: EntityRegistry = build_registry(self.doc, quoted or {}, set(skip))

    def _pos(self, paragraph: int | None, offset: int) -> int:
        if paragraph is None or not self.doc.paras:
            return 1 << 60
        paragraph = max(0, min(paragraph, len(self.doc.paras) - 1))
        return self.doc.g(paragraph, max(0, offset))

    def referent(self, ent: Entity, confidence: float) -> Referent:
        return Referent(
            name=ent.name,
            type=_fine_type(ent.name, ent.type, is_personlike(ent)),
            confidence=round(confidence, 3),
            mentions=len(ent.positions),
            first=min(ent.positions) if ent.positions else None,
        )

    def entities(self) -> list[Referent]:
        ents = sorted(self.registry.entities, key=lambda e: min(e.positions or [1 << 60]))
        return [self.referent(e, 1.0) for e in ents]

    def who(self, mention: str, paragraph: int | None = None, offset: int = 0) -> Referent | None:
        """The entity `mention` refers to at that place (see the module docstring)."""
        text = re.sub(r"\s+", " ", mention).strip().strip(",.;:")
        if not text:
            return None
        pos = self._pos(paragraph, offset)
        low = text.lower()
        if low in PRONOUNS:
            if low in ("i", "we", "you"):
                return None  # the narrator or the reader: not an entity of the text
            prev = self.doc.prev_sentence_start(pos) if pos < (1 << 60) else -1
            ent = resolve_typed(self.registry, PRONOUNS[low], pos, low, prev, self.doc)
            return self.referent(ent, 0.6) if ent is not None else None
        words = re.findall(r"[\w\-’']+", text)
        head = words[-1].lower() if words else ""
        if words and words[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
            etype = ROLE_NOUNS.get(head)
            if etype is None or etype == "unknown":
                return None
            ent = resolve_typed(self.registry, etype, pos, head)
            return self.referent(ent, 0.6) if ent is not None else None
        name = re.sub(r"(?:’s|'s|’|')$", "", text)
        ent = self.registry.lookup(name, pos)
        if ent is None:
            ent = agency_short_form(self.registry, strip_honorific(name))
        if ent is not None:
            exact = ent.name == strip_honorific(name)
            return self.referent(ent, 0.95 if exact else 0.85)
        return Referent(name=strip_honorific(name), type=type_of(name), confidence=0.5)
