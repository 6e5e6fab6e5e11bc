"""Speakers of the quotes: the attribution mention resolved to an entity."""

from __future__ import annotations

import bisect
import re

from newsspider.extract.mentions.candidates import Index, compatible
from newsspider.extract.mentions.dialogue import answerer, asker_before, narrator_asked, qa_label
from newsspider.extract.mentions.epithets import (
    apposed,
    org_named,
    person_noun,
    resolve_epithet,
    unheld,
)
from newsspider.extract.mentions.lexicon import (
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    EntityType,
)
from newsspider.extract.mentions.registry import (
    Entity,
    EntityRegistry,
)
from newsspider.extract.mentions.resolve import (
    agency_short_form,
    describe_source,
    is_personlike,
    latest_before,
    latest_subject_before,
    resolve_typed,
    shared_surname,
)
from newsspider.extract.mentions.roles import described
from newsspider.extract.mentions.runs import (
    entity_type_of,
    strip_honorific,
)
from newsspider.extract.mentions.salience import Sentences, resolve_description, resolve_pronoun
from newsspider.extract.mentions.text import Doc, LowerWords
from newsspider.extract.mentions.topic import previous_speaker
from newsspider.extract.mentions.unnamed import speaker_description
from newsspider.extract.quotes.attribution import (
    Mention,
    Para,
    Window,
    describe,
    masked_paragraph,
    special_candidates,
)
from newsspider.extract.quotes.excluded import (
    ENTOURAGE,
    lower_words,
    medium_object,
    not_a_speaker,
    platform_owner,
    platform_posted,
    silent_platform,
    trailing_speaker,
    verb_object,
    with_speaker,
)
from newsspider.extract.quotes.finding import (
    Candidate,
    Span,
)
from newsspider.extract.quotes.model import Model
from newsspider.extract.quotes.owned import OWNER, POSSESSIVE, noun, owned, theirs
from newsspider.extract.quotes.passive import declined_subject, passive_addressee, relayed_by
from newsspider.extract.quotes.relative import relative_speaker

_CUE_NEAR = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|explained|noted|continued)\b", re.IGNORECASE)


def choose_attributions(
    doc: Doc,
    cands: list[Candidate],
    spans_by_para: dict[int, list[Span]],
    model: Model | None,
    trace: list[dict] | None = None,
    registry: EntityRegistry | None = None,
    lower: LowerWords | None = None,
) -> None:
    """For every inline quote, the model picks the words naming its speaker among the
    mentions of its window, INHERIT and NONE (`attribution`); the pattern's subject is one
    candidate (a feature marks it). Sets speaker_raw/speaker_kind/attr_pos/inherit and the
    choice's probability in ``extra["p_attr"]``. Without a model the patterns decide.
    `lower`: the document's lower-case vocabulary, when the caller asks it too (its answers
    are cached)."""
    class _Paras(dict):
        def __missing__(self, i: int) -> Para:
            v = Para(i, masked_paragraph(doc.paras[i], spans_by_para.get(i, [])))
            self[i] = v
            return v

    if model is None and trace is None:
        return
    mk = _Paras()
    prev: Candidate | None = None
    for c in cands:
        if c.kind != "inline" or not c.parts:
            continue
        win = Window(doc, mk, c)
        ms = win.mentions()
        if c.speaker_raw and c.speaker_kind in ("name", "pron", "role"):
            para, off = doc.locate(c.attr_pos)
            hit = [m for m in ms if m.para == para and m.start <= off < max(m.end, m.start + 1)]
            if hit:
                for m in hit:
                    m.pattern = True
            else:
                region = next((r for r, p, lo, hi in win.regions if p == para and lo <= off < hi), "head")
                end = off + len(c.speaker_raw)
                ms.append(Mention(para, off, end, c.speaker_kind, c.speaker_raw, region, pattern=True))
                ms.sort(key=lambda m: (m.para, m.start))
        describe(win, ms, c, doc, registry)
        ms += special_candidates(win, c, prev)
        entry = None
        if trace is not None:
            pattern = "inherit" if c.inherit else "subject_from" if "subject_from" in c.extra else c.speaker_kind
            entry = {
                "paragraph": c.parts[0].para,
                "text": c.text,
                "pattern": pattern,
                "cands": [(m.para, m.start, m.end, m.kind, dict(m.feats)) for m in ms],
            }
            trace.append(entry)
        if model is not None:
            # a common word opening the sentence cannot name the speaker: the model chooses
            # among the other candidates (trained on all of them: the training is unchanged)
            if lower is None:
                lower = lower_words(doc)
            ms = [m for m in ms if not not_a_speaker(doc, m, lower, registry)]
            best, probs = model.choose([m.feats for m in ms])
            owner = platform_owner(mk[ms[best].para], ms[best], ms)  # "<X>'s Facebook said": X posted it
            best = ms.index(owner) if owner is not None else best
            for an_object in (
                medium_object, verb_object, passive_addressee, declined_subject, platform_posted, relayed_by
            ):
                if an_object(mk[ms[best].para], ms[best], ms):
                    # nor the object of a verb: a medium of the speaker's ("they said in a
                    # notice"), a description after another verb ("<name> picks up the
                    # story:"); the choice among the others, only when such was chosen
                    ms = [m for m in ms if not an_object(mk[m.para], m, ms)]
                    best, probs = model.choose([m.feats for m in ms])
            absolute = with_speaker(doc, ms, c)
            if absolute is None or ms[absolute].kind != "name":
                absolute = relative_speaker(doc, ms, c)  # "<X> met <Y>, who told her “…”": Y
            if absolute is not None and ms[absolute].kind in ("name", "role"):
                # "…, with X calling it “…”": X speaks, not the subject of the main clause
                best, probs = absolute, [0.9 if k == absolute else 0.0 for k in range(len(ms))]
            trail = trailing_speaker(doc, ms, c, best) if absolute is None else None
            if trail is not None:
                # "<name> would have to “…,” <other> said": the other speaks
                best, probs = trail, [0.9 if k == trail else 0.0 for k in range(len(ms))]
            _apply(doc, c, ms[best], prev, mk)
            c.extra["p_attr"] = probs[best]
            if entry is not None:
                entry["chosen"] = (ms[best].kind, ms[best].region, ms[best].pattern, round(probs[best], 3))
        prev = c


def _apply(doc: Doc, c: Candidate, m: Mention, prev: Candidate | None, mk: dict[int, Para]) -> None:
    if m.kind == "none":
        # no speaker in the window: the context rules decide (the previous quote's speaker
        # for a quote continued in the next paragraph, else the previous paragraph's subject)
        if not (c.inherit or "subject_from" in c.extra):
            c.speaker_raw = c.speaker_kind = c.cue = None
        return
    c.extra.pop("subject_from", None)
    if m.kind == "inherit":
        c.inherit, c.speaker_raw, c.speaker_kind = True, None, None
        c.extra["from"] = prev
        return
    c.inherit = False
    c.extra.pop("from", None)
    if m.pattern and c.speaker_raw:
        return  # the pattern's own subject, cue and name
    # a description is written as the page writes it ("the “<song>” hitmaker": the title
    # is blank in the masked text)
    c.speaker_raw = doc.paras[m.para][m.start : m.end] if m.kind == "role" else m.text
    c.speaker_kind = m.kind
    c.attr_pos = doc.g(m.para, m.start)
    text = mk[m.para].text
    near = _CUE_NEAR.search(text, max(0, m.start - 40), min(len(text), m.end + 60))
    c.cue = near.group().lower() if near else None


def _resolve(doc: Doc, cands: list[Candidate], reg: EntityRegistry) -> None:
    # pass 1: named speakers mark entities as speakers (persons unless org/group)
    for c in cands:
        if c.speaker_kind == "name" and c.speaker_raw:
            ent = reg.lookup(c.speaker_raw, c.attr_pos)
            if ent is None:
                ent = reg.add(c.speaker_raw, c.attr_pos, entity_type_of(c.speaker_raw))
            ent.speaker = True
            bisect.insort(ent.subjects, c.attr_pos)
    for ent in reg.entities:
        ent.subjects.sort()
    index = Index(reg, doc.title)
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
                else:
                    # the answer to the narrator's reported question ("I ask if …")
                    asked = narrator_asked(doc, reg, lo, c.pos, index.top_person)
                    if asked is not None:
                        c.speaker = c.speaker_raw = asked.name
                        c.speaker_kind = "name"
            continue
        pos = min(c.attr_pos or c.pos, c.pos)
        if c.speaker_kind == "role":
            named = apposed(doc, reg, c.attr_pos, c.speaker_raw, _personal(c.speaker_raw))
            if named is not None:
                c.speaker = named.name  # "said the former editor of the Gazette, <name>."
                continue
        if c.speaker_kind in ("name", "role"):
            # a person the article describes instead of naming ("a rep for X", "the father")
            u = speaker_description(doc, reg, c.speaker_raw, c.attr_pos, c.speaker_kind)
            if u is not None:
                c.speaker = u.name or u.description
                c.extra["unnamed"] = u.name is None
                continue
        if c.speaker_kind == "name":
            para, off = doc.locate(c.attr_pos or c.pos)
            who = answerer(doc, reg, para, index.top_person) if off < 6 and qa_label(doc.paras[para]) == c.speaker_raw else None
            if who is not None:
                # the label of a transcript line ("OW: … “…”", "A: …"): the person it stands for
                c.speaker = who.name if isinstance(who, Entity) else None
                continue
            ent = shared_surname(doc, reg, c.speaker_raw, reg.lookup(c.speaker_raw, c.attr_pos or c.pos), c.attr_pos or c.pos)
            if ent is None or (ent.type == "unknown" and not ent.titles and not (ent.male or ent.female)):
                ent = agency_short_form(reg, strip_honorific(c.speaker_raw)) or ent
            c.speaker = ent.name if ent else strip_honorific(c.speaker_raw)
        elif c.speaker_kind == "pron":
            p = c.speaker_raw.lower()
            if p in ("i", "we"):
                # "I" inside an interview's answer is the one who answers ("A: … I told her
                # “…”"); elsewhere the narrator (first-person op-ed, "we asked"), whose
                # byline is not known here
                who = answerer(doc, reg, doc.locate(pos)[0], index.top_person) if p == "i" else None
                if who is None and c.attr_pos is not None and c.attr_pos < c.pos:
                    asked = narrator_asked(doc, reg, c.attr_pos, c.pos, index.top_person)
                    c.speaker = asked.name if asked is not None else None
                    continue
                c.speaker = who.name if isinstance(who, Entity) else None
                continue
            ent = _reference(doc, reg, p, PRONOUNS.get(p, "person"), pos, index)
            ent = None if ent is not None and silent_platform(doc, ent.name) else ent  # where it was posted
            c.speaker = ent.name if ent else None
            if ent is not None:
                bisect.insort(ent.subjects, c.attr_pos or pos)  # "he said" continues the chain
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
            owner = OWNER.match(raw)
            if owner is not None and not indefinite:
                c.speaker = owned(reg, owner, head, pos, index)
                continue
            mine = POSSESSIVE.match(raw)
            if mine is not None and (etype == "person" or head in ENTOURAGE):
                # "his physician", "her publicist": someone other than the one they belong to
                c.speaker = theirs(doc, reg, mine, head, pos, index, c.attr_pos)
                continue
            if not indefinite and head not in ENTOURAGE:
                # an age, a noun no lexicon holds, a role of an organisation (`mentions.epithets`)
                done, described_as = resolve_epithet(doc, reg, raw, head, etype, pos, index, _reference, noun)
                if done:
                    c.speaker = described_as
                    continue
            ent = None if etype == "unknown" or indefinite else _reference(doc, reg, head, etype, pos, index)
            if ent is not None and etype == "person":
                # "the Florida senator": the one written with "Florida", not the latest senator
                written = doc.text_at(c.attr_pos, c.attr_pos + len(raw)) if c.attr_pos is not None else None
                people = [e for e in compatible(head, index.candidates(pos)) if is_personlike(e)]
                fits = described(doc, written or raw, people, pos, reg)
                if fits and ent not in fits:
                    ent = max(fits, key=lambda e: latest_before(e, pos))
                elif not fits and not any(head in e.titles for e in people):
                    # a title nobody holds: someone the article introduced without a name
                    # ("a police officer … the officer said"), else not a companion introduced
                    # through the person the passage is about ("the K-pop star")
                    ent = unheld(doc, reg, raw, head, people, ent, pos)
            c.speaker = ent.name if ent else getattr(org_named(doc, reg, raw, head, pos, index.candidates(pos)), "name", raw)


def _personal(raw: str) -> bool:
    """A description of a person by its head noun ("the former editor", "a spokesman")."""
    words = re.findall(r"[\w\-]+", raw.lower())
    return bool(words) and (ROLE_NOUNS.get(words[-1]) == "person" or person_noun(words[-1]))


def _reference(
    doc: Doc, reg: EntityRegistry, word: str, etype: EntityType, pos: int, index: Index
) -> Entity | None:
    """The entity a pronoun or role word refers to: the rules of `resolve_typed` over the
    agreeing candidates of a bounded window (`mentions.candidates`); "they" is the most
    recent group, organisation or pair of coordinated people ("A and B")."""
    done = reg.resolved.get(pos)
    asker = asker_before(doc, reg, pos) if word in ("he", "she") else None
    if done is not None and (asker is None or done is not asker):
        if word in ("he", "she"):  # the speaker of the sentence before goes first
            return previous_speaker(doc, word, index.candidates(pos), done, pos, reg.sentences or Sentences(doc)) or done
        return done  # resolved with its reference chain (`mentions.chains`)
    pool = index.candidates(pos)
    if asker is not None:
        # "When X asked …, she said": the one who asked is not the one who answers, unless
        # nobody else is there to answer ("When X asked the crowd …, he said")
        others = [e for e in pool if e is not asker]
        if compatible(word, others):
            pool = others
        elif done is not None:
            return done
    if word in ("he", "she", "it", "they"):
        sentences = reg.sentences or Sentences(doc)
        ent = resolve_pronoun(doc, reg, word, pos, pool, sentences)
        return (previous_speaker(doc, word, pool, ent, pos, sentences) if word in ("he", "she") else None) or ent
    cands = compatible(word, pool)
    if not cands:
        return None
    if etype == "person" and word in ROLE_NOUNS:
        return resolve_description(doc, reg, word, pos, cands, reg.sentences, doc.prev_sentence_start(pos))
    return resolve_typed(reg, etype, pos, word, doc.prev_sentence_start(pos), doc, pool=cands)


_ROLE_TYPE = {"person": "person", "org": "organisation", "group": "organisation"}


def speaker_info(c: Candidate, reg: EntityRegistry) -> tuple[str, float]:
    """(speaker_type, speaker_confidence) of a resolved quote."""
    if not c.speaker:
        return "unknown", 0.0
    src = c
    seen = 0
    while src.inherit and isinstance(src.extra.get("from"), Candidate) and seen < 50:
        src = src.extra["from"]
        seen += 1
    ent = reg.lookup(c.speaker, allow_partial=False)
    if ent is not None:
        stype = "person" if is_personlike(ent) or ent.type == "pair" else (
            "organisation" if ent.type in ("org", "group") else "person" if is_personlike(ent, True) else "unknown"
        )
    elif src.extra.get("unnamed"):
        stype = "person"  # "Ember Records’ spokesperson", "a source close to the group"
    elif src.speaker_kind == "role" and src.speaker_raw:
        head = src.speaker_raw.lower().split()[-1]
        stype = _ROLE_TYPE.get(ROLE_NOUNS.get(head, "person" if head in ENTOURAGE else "unknown"), "unknown")
        if head in DOCUMENT_NOUNS or head in INSTITUTION_NOUNS:
            stype = "organisation"
    elif " and " in c.speaker:
        stype = "person"
    else:
        t = entity_type_of(c.speaker)
        stype = "organisation" if t in ("org", "group") else "person" if t == "person" else "unknown"
    conf = _confidence(c, src)
    return stype, round(conf, 3)


def _confidence(c: Candidate, src: Candidate) -> float:
    """The chance that the speaker is right: the models' probabilities when they decided,
    else a prior for the shape (measured on the dev sets: an attribution line or a named
    subject of a speech verb is nearly always right, a pronoun less so)."""
    p = src.extra.get("p_attr")
    if p is None:
        p = {"—": 0.97}.get(src.cue or "", 0.9 if src.strong else 0.75)
        if src.kind == "embed":
            p = 0.95
    if src.speaker_kind in ("pron", "role"):
        p *= src.extra.get("p_resolve", 0.8)
    if c is not src:
        p *= c.extra.get("p_attr", 0.9)
    return max(0.0, min(1.0, p))
