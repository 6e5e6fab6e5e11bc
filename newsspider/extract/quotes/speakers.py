"""Speakers of the quotes: the attribution mention resolved to an entity."""

from __future__ import annotations

import re

from newsspider.extract.mentions.lexicon import (
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
)
from newsspider.extract.mentions.registry import (
    EntityRegistry,
)
from newsspider.extract.mentions.resolve import (
    agency_short_form,
    coordinated_pair,
    describe_source,
    is_personlike,
    latest_subject_before,
    resolve_typed,
)
from newsspider.extract.mentions.runs import (
    entity_type_of,
    strip_honorific,
)
from newsspider.extract.mentions.text import (
    Doc,
)
from newsspider.extract.quotes.finding import (
    Candidate,
)


def _resolve(doc: Doc, cands: list[Candidate], reg: EntityRegistry) -> None:
    # pass 1: named speakers mark entities as speakers (persons unless org/group)
    for c in cands:
        if c.speaker_kind == "name" and c.speaker_raw:
            ent = reg.lookup(c.speaker_raw, c.attr_pos)
            if ent is None:
                ent = reg.add(c.speaker_raw, c.attr_pos, entity_type_of(c.speaker_raw))
            ent.speaker = True
            ent.subjects.append(c.attr_pos)
    for ent in reg.entities:
        ent.subjects.sort()
    # pass 2: resolve in order
    for c in cands:
        if c.speaker is not None and c.speaker_kind == "account":
            continue
        if c.inherit:
            src = c.extra.get("from")
            if src is not None:
                c.speaker, c.speaker_raw, c.cue, c.speaker_kind = src.speaker, src.speaker_raw, src.cue, src.speaker_kind
            continue
        if not c.speaker_raw:
            if "subject_from" in c.extra:
                lo = c.extra["subject_from"]
                best = None
                for ent in reg.entities:
                    sp = latest_subject_before(ent, c.pos)
                    if sp >= lo and is_personlike(ent, True) and (best is None or sp > best[0]):
                        best = (sp, ent)
                if best is not None:
                    c.speaker = c.speaker_raw = best[1].name
                    c.speaker_kind = "name"
            continue
        pos = min(c.attr_pos or c.pos, c.pos)
        if c.speaker_kind == "name":
            ent = reg.lookup(c.speaker_raw, c.attr_pos or c.pos)
            if ent is None or (ent.type == "unknown" and not ent.titles and not (ent.male or ent.female)):
                ent = agency_short_form(reg, strip_honorific(c.speaker_raw)) or ent
            c.speaker = ent.name if ent else strip_honorific(c.speaker_raw)
        elif c.speaker_kind == "pron":
            p = c.speaker_raw.lower()
            if p in ("i", "we"):
                # the narrator (first-person op-ed, "we asked"): the byline is not known here
                c.speaker = None
                continue
            if p == "they":
                pair = coordinated_pair(doc, reg, pos)
                if pair is not None:
                    c.speaker = pair
                    continue
            etype = PRONOUNS.get(p, "person")
            ent = resolve_typed(reg, etype, pos, p, doc.prev_sentence_start(pos), doc)
            c.speaker = ent.name if ent else None
            if ent is not None:
                ent.subjects.append(c.attr_pos or pos)  # "he said" continues the chain
        elif c.speaker_kind == "role":
            raw = c.speaker_raw
            words = re.findall(r"[\w\-]+", raw.lower())
            head = words[-1] if words else ""
            etype = ROLE_NOUNS.get(head, "unknown")
            # "the group’s official account" -> the group
            if head in ("account", "statement"):
                etype = "group" if re.search(r"group|band|members", raw, re.IGNORECASE) else "org"
            # an indefinite description ("a fan", "one source") introduces someone new
            indefinite = bool(re.match(r"(?:a|an|one|another|several|some|my|your)\b", raw, re.IGNORECASE))
            if head in DOCUMENT_NOUNS or head in INSTITUTION_NOUNS:
                c.speaker = describe_source(reg, raw, head, pos)
                continue
            ent = resolve_typed(reg, etype, pos, head) if etype != "unknown" and not indefinite else None
            c.speaker = ent.name if ent else raw


