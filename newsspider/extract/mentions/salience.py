"""Salience of the entities at a point of the text (Lappin & Leass 1994, simplified).

Each mention of an entity scores by its role in its sentence, with the published weights:
sentence recency 100, subject 80, head noun 80 (not a possessive modifier: "Kim's manager"),
non-adverbial 50 (not inside a prepositional phrase). An entity's salience at a position is the
sum over its mentions in the last few sentences, halved for every sentence boundary in
between. A pronoun refers to the most salient agreeing entity: the person a passage keeps
talking about (by name, "she", "her") outweighs someone named once in the sentence before, and
a recent subject outweighs an older one. The weights are the paper's, not fitted to any data
set here.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

from newsspider.extract.mentions.registry import Entity
from newsspider.extract.mentions.text import Doc, sentence_bounds
from newsspider.extract.mentions.topic import Topic, prefer_topic, previous_speaker

RECENCY, SUBJECT, HEAD, NON_ADVERBIAL = 100.0, 80.0, 80.0, 50.0
HORIZON = 4  # sentences looked back
CAPTION_WORDS = 20  # a caption or heading is short


# a paragraph that ends a sentence: final punctuation, then closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]»]*\s*$")
# a line ending in a colon that introduces what follows: a speech verb in it ("He told them:")
_INTRO = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|announced|declared|explained|stated|recalled|posted|replied)\b")


def not_narration(para: str) -> bool:
    """A paragraph that is no sentence of the narration: a caption, a heading or a fact-box
    line ("WATCH | <caption>:", "1997: <event>", "<Name> by numbers"): a short line with no
    final full stop, question or exclamation mark, or a colon without a speech verb before it."""
    p = para.rstrip()
    if not p or _SENTENCE_END.search(p) or len(p.split()) > CAPTION_WORDS:
        return False  # a long line without its full stop is narration cut short
    return not (p.endswith(":") and _INTRO.search(p))


def mention_weight(subject: bool, possessive: bool, adverbial: bool) -> float:
    return RECENCY + (SUBJECT if subject else 0.0) + (0.0 if possessive else HEAD) + (0.0 if adverbial else NON_ADVERBIAL)


class Sentences:
    """Global sentence numbering of a document (built once), counted on the narration: the
    text of a quotation (blanked in `masked`) is no sentence of its own, so a long quote does
    not push the people around it out of reach; nor is a caption, heading or fact-box line
    (`not_narration`), whose names give no salience and whose lines add no distance."""

    def __init__(self, doc: Doc, masked: dict[int, str] | None = None) -> None:
        starts: list[int] = []
        caption: list[bool] = []
        for i, p in enumerate(doc.paras):
            base = doc.offsets[i]
            starts.append(base)
            text = (masked or {}).get(i, p)
            starts += [base + s for s in sentence_bounds(text)[1]]
            caption += [not_narration(p)] * (len(starts) - len(caption))
        self.starts = starts
        # a caption, heading or fact-box line is no sentence of the narration: its names give
        # no salience and it is not "the sentence before" (`rank`: narration sentences before)
        self.caption = caption
        self.rank = list(itertools.accumulate((not c for c in caption), initial=0))
        self.topic = Topic(doc)  # who the passage is about (`topic`)
        self.pronoun_text: Any = None  # `pronoun_model._Text` of the document (its cached text tests)

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def salience(e: Entity, pos: int, sentences: Sentences, horizon: int = HORIZON) -> float:
    """Salience of `e` just before `pos`."""
    rank = sentences.rank
    here = rank[sentences.index(pos)]
    k = bisect.bisect_left(e.positions, pos)
    total = 0.0
    while k > 0:
        k -= 1
        p = e.positions[k]
        at = sentences.index(p)
        d = here - rank[at]
        if d > horizon:
            break
        if not sentences.caption[at]:
            total += e.weights.get(p, RECENCY + HEAD) * 0.5**d
    return total


def most_salient(cands: list[Entity], pos: int, sentences: Sentences) -> Entity | None:
    best, best_s = None, 0.0
    for e in cands:
        s = salience(e, pos, sentences)
        if s > best_s:
            best, best_s = e, s
    return best


def candidates(word: str, pool: list[Entity]) -> list[Entity]:
    """The agreeing candidates of a pronoun (`candidates.compatible`); for he / she the people
    the article shows to be people first, then any multi-word name, then anyone."""
    from newsspider.extract.mentions.candidates import compatible
    from newsspider.extract.mentions.resolve import is_personlike

    cands = compatible(word, pool)
    if word in ("he", "she"):
        cands = [e for e in cands if is_personlike(e)] or [e for e in cands if is_personlike(e, True)] or cands
    return cands


def resolve_pronoun(
    doc: Doc, reg, word: str, pos: int, pool: list[Entity], sentences: Sentences, *, subject: bool = True,
    learned: bool = True,
) -> Entity | None:
    """The most salient agreeing entity for he / she / it / they; for "they" two people just
    joined by "and" ("Senators A and B … They …") compete as one candidate ("A and B").
    With `learned` and a weights file of `pronoun_model` (none is committed), the rule's pick is one
    feature of a learned ranking of the agreeing candidates (`subject`: the pronoun opens its
    sentence)."""
    from newsspider.extract.mentions.resolve import coordinated_pair_at

    cands = candidates(word, pool)
    best = most_salient(cands, pos, sentences)
    if best is None and cands and word in ("he", "she"):
        # nobody within the last sentences: the rules (most recent subject / mention)
        from newsspider.extract.mentions.resolve import resolve_typed

        best = resolve_typed(reg, "person", pos, word, -1, doc, pool=cands)
    if word in ("he", "she"):
        best = prefer_topic(doc, word, cands, best, pos, sentences)
        if subject:  # a sentence-opening he / she after a sentence whose subject spoke
            best = previous_speaker(doc, word, pool, best, pos, sentences) or best
    if learned and subject and len(cands) > 1:
        best = _learned(doc, reg, word, pos, cands, sentences, best, subject)
    if word == "they":
        pair = coordinated_pair_at(doc, reg, pos, pool)
        if pair is not None:
            both = min(salience(pair[2], pos, sentences), salience(pair[3], pos, sentences))
            if best is None or both > salience(best, pos, sentences):
                ent = Entity(name=pair[1], type="pair", positions=[pair[0]])
                return ent
    return best


def resolve_description(
    doc: Doc, reg, word: str, pos: int, pool: list[Entity], sentences: Sentences | None, prev_start: int = -1
) -> Entity | None:
    """A person description ("the senator", "the actress") among the agreeing entities `pool`:
    the rules of `resolve_typed`; with a weights file of `pronoun_model` whose groups hold
    "desc", the rules' pick is one feature of the learned ranking of the people in `pool`
    (the pronouns' features, the model trained on PolNeAR descriptions and he / she sources)."""
    from newsspider.extract.mentions import pronoun_model as pm
    from newsspider.extract.mentions.resolve import resolve_typed

    rule = resolve_typed(reg, "person", pos, word, prev_start, doc, pool=pool)
    model = pm.default_model()
    if model is None or "desc" not in model.meta.get("groups", ()):
        return rule
    people = description_candidates(word, pool)
    if len(people) < 2:
        return rule
    return _learned(doc, reg, word, pos, people, sentences or Sentences(doc), rule, True, "desc")


def description_candidates(word: str, pool: list[Entity]) -> list[Entity]:
    """The people a description may name, as `resolve_typed` narrows them: those the article
    shows to be people (else weakly), and of them the ones written with the title ("senator
    X", "X, the senator,") when there are any."""
    from newsspider.extract.mentions.resolve import is_personlike

    people = [e for e in pool if is_personlike(e)] or [e for e in pool if is_personlike(e, True)] or pool
    return [e for e in people if word in e.titles] or people


def _learned(doc: Doc, reg, word: str, pos: int, cands: list[Entity], sentences: Sentences,
             rule: Entity | None, subject: bool, group: str | None = None) -> Entity | None:
    from newsspider.extract.mentions import pronoun_model as pm

    model = pm.default_model()
    if model is None or (group or pm.GROUPS.get(word)) not in model.meta.get("groups", ()):
        return rule
    cache = sentences.pronoun_text
    if cache is None or cache.doc is not doc:
        cache = sentences.pronoun_text = pm._Text(doc)
    feats = pm.features(doc, word, pos, cands, sentences, rule, subject, cache)
    best, probs = model.choose(feats)
    if rule is not None and rule in cands and probs[best] - probs[cands.index(rule)] <= model.meta.get("margin", 0.0):
        return rule  # the rules' pick unless the model prefers another candidate by the margin
    return cands[best]
