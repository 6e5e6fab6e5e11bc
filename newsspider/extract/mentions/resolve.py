"""Resolve a short reference (pronoun, role noun, surname, institution word) to an entity of
the registry, by type, gender, title and salience."""

from __future__ import annotations

import bisect
import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import (
    AGENCY_SUFFIXES,
    INSTITUTION_NOUNS,
    ROLE_TITLES,
    EntityType,
)
from newsspider.extract.mentions.registry import (
    Entity,
    EntityRegistry,
)
from newsspider.extract.mentions.runs import (
    first_name_gender,
    name_runs,
)
from newsspider.extract.mentions.text import (
    Doc,
)


def is_personlike(ent, weak: bool = False) -> bool:
    """Positive evidence of a person (a speaker, a role title, an appositive, Mr./Ms., a
    Korean-name shape); with `weak`, also any multi-word name never used like a place."""
    if ent.type == "person":
        return True
    if ent.type in ("org", "group", "place"):
        return False
    if ent.speaker or (ent.person_cues > 0 and (2 * ent.person_cues > ent.other_cues or first_name_gender(ent.name))):
        return True
    return weak and len(ent.name.split()) >= 2 and ent.other_cues == 0


_MALE_NOUNS = frozenset("businessman spokesman chairman congressman actor husband father son brother king".split())
_FEMALE_NOUNS = frozenset(
    "businesswoman spokeswoman chairwoman congresswoman actress wife mother daughter sister queen widow".split()
)
TITLE_ABBREV = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
                 "pres.": "president", "lt.": "lieutenant", "capt.": "captain", "sgt.": "sergeant"}


def gender_ok(ent, pronoun: str, strict: bool = False) -> bool:
    """Compatible with he/she; `strict` (a gendered noun such as "businessman") needs
    positive evidence for the gender when there is any evidence at all."""
    if pronoun == "he":
        return ent.male > ent.female if strict else ent.male >= ent.female
    if pronoun == "she":
        return ent.female > ent.male if strict else ent.female >= ent.male
    return True



def agency_short_form(reg: EntityRegistry, name: str):
    """"Bluefin said" in an article that names "Bluefin Entertainment": the company's name
    without its suffix (one word, not a person's name shape)."""
    if " " in name or len(name) < 4 or first_name_gender(name) is not None:
        return None
    hits = [
        e for e in reg.entities
        if e.type == "org" and e.name.split()[0] == name and e.name.split()[-1] in AGENCY_SUFFIXES
    ]
    return hits[0] if len(hits) == 1 else None


_COORD = lazy(r"(?:,[^,.;“”\"]{1,60},)?,?\s+and\s+(?:[a-z]+\s+){0,2}")


def _drop_titles(name: str) -> str:
    words = name.split()
    while len(words) > 2 and (words[0].lower() in ROLE_TITLES or words[0].lower().rstrip("s") in ROLE_TITLES):
        words = words[1:]
    return " ".join(words)


def coordinated_pair(doc: Doc, reg: EntityRegistry, pos: int) -> str | None:
    """"they" after two people joined by "and" ("Senators A, Republican of Iowa, and B, …")
    in the sentence or two before: "A and B"."""
    got = coordinated_pair_at(doc, reg, pos)
    return got[1] if got else None


def coordinated_pair_at(
    doc: Doc, reg: EntityRegistry, pos: int, pool: list | None = None
) -> tuple[int, str, Entity, Entity] | None:
    """`coordinated_pair` with the offset of the second name and the two entities (`pool`
    restricts the people considered)."""
    lo = max(0, pos - 400)
    people = []
    for e in reg.entities if pool is None else pool:
        if not is_personlike(e, True):
            continue
        k = bisect.bisect_left(e.positions, lo)
        while k < len(e.positions) and e.positions[k] < pos:
            people.append((e.positions[k], e))
            k += 1
    people.sort(key=lambda t: t[0])
    best: tuple[int, str, Entity, Entity] | None = None
    for (p1, e1), (p2, e2) in zip(people, people[1:], strict=False):
        if e1 is e2:
            continue
        t1 = doc.text_at(p1, p2)
        if t1 is None:
            continue
        name_end = t1.find(e1.name.split()[-1])
        if name_end < 0:
            continue
        gap = t1[name_end + len(e1.name.split()[-1]) :]
        if _COORD.fullmatch(gap):
            best = (p2, f"{_drop_titles(e1.name)} and {_drop_titles(e2.name)}", e1, e2)
    return best


def describe_source(reg: EntityRegistry, raw: str, head: str, pos: int) -> str:
    """A written source or an institution: the name inside the phrase ("a Homeland Security
    memo", "Ivana Trump's brief"), else the most recent organisation named with that head
    word ("the commission" -> "Commission on Presidential Debates"), else the phrase."""
    runs = [r for r in name_runs(raw) if r.text.lower() != head]
    if runs:
        named = reg.lookup(runs[0].text, pos)
        return named.name if named is not None else runs[0].text
    if head in INSTITUTION_NOUNS:
        best: tuple[int, str] | None = None
        for e in reg.entities:
            if e.type in ("org", "unknown") and head in e.name.lower().split():
                before = latest_before(e, pos)
                if before >= 0 and (best is None or before > best[0]):
                    best = (before, e.name)
        if best is not None:
            return best[1]
    return re.sub(r"^(?:the|a|an)\s+", "", raw, flags=re.IGNORECASE)


def _standalone_mention(doc: Doc, pos: int) -> bool:
    """A mention that refers to the person, not a modifier ("the Clinton campaign",
    "pro-Clinton")."""
    before = doc.text_at(max(0, pos - 5), pos)
    if before is None:
        return True
    return not re.search(r"(?:\bthe\s|-)$", before, re.IGNORECASE)


_SUBJECT_REACH = 600  # chars: how far back a subject beats a more recent non-subject mention


def latest_subject_before(ent, pos: int) -> int:
    """The last offset before `pos` where the entity is a sentence subject (-1: none)."""
    k = bisect.bisect_left(ent.subjects, pos)
    return ent.subjects[k - 1] if k else -1


def latest_before(ent, pos: int) -> int:
    """The offset of the entity's last mention before `pos` (-1: none)."""
    k = bisect.bisect_left(ent.positions, pos)
    return ent.positions[k - 1] if k else -1


def resolve_typed(
    reg: EntityRegistry,
    etype: EntityType,
    pos: int,
    word: str,
    prev_start: int = -1,
    doc: Doc | None = None,
    pool: list | None = None,
):
    """The entity a pronoun or role word refers to, by rules (type, gender, title, centering).
    `pool` restricts the candidates (default: every entity of the registry)."""
    entities = reg.entities if pool is None else pool
    if etype == "person":
        strong = [e for e in entities if is_personlike(e) and latest_before(e, pos) >= 0]
        weak = [e for e in entities if is_personlike(e, True) and latest_before(e, pos) >= 0]
        cands = strong or weak
        gender = "he" if word in _MALE_NOUNS else "she" if word in _FEMALE_NOUNS else word
        if gender in ("he", "she"):
            # a pronoun of the wrong gender rules a candidate out; only when no mention of
            # either evidence level fits does the gender give way
            strict = word not in ("he", "she")
            cands = (
                [e for e in strong if gender_ok(e, gender, strict)]
                or [e for e in weak if gender_ok(e, gender, strict)]
                or cands
            )
        centre = word in ("he", "she")
        if word not in ("he", "she", "i"):
            titled = [e for e in cands if word in e.titles]
            # "the singer" is the one the article calls "singer X" / "X, a singer,"; an
            # office nobody in the article holds by name ("the Indiana governor"): the
            # person the text is about, as for a pronoun
            centre = not titled
            cands = titled or cands
        if not cands:
            return None
        recent = max(cands, key=lambda e: latest_before(e, pos))
        if centre:
            # centering: prefer the most recent sentence subject (or speaker) nearby
            subj = max(cands, key=lambda e: latest_subject_before(e, pos))
            sp = latest_subject_before(subj, pos)
            last = latest_before(recent, pos)
            # a compatible person named in the previous sentence beats an older subject
            # when that sentence's subject is someone else ("It's an issue, with Clinton
            # lambasting the plan. “…,” she said.")
            newer = prev_start >= 0 and last >= prev_start > sp and (
                doc is None or _standalone_mention(doc, last)
            )
            if sp >= 0 and sp >= last - _SUBJECT_REACH and not newer:
                return subj
        return recent
    if etype == "org":
        ent = None
        if word in ("agency", "label", "company", "management"):
            best = None
            for e in entities:
                if e.type == "org" and e.name.split()[-1] in AGENCY_SUFFIXES:
                    last = latest_before(e, pos)
                    if last >= 0 and (best is None or last > best[0]):
                        best = (last, e)
            ent = best[1] if best else None
        return ent or _most_recent_of(entities, ("org",), pos)
    if etype == "group":
        return _most_recent_of(entities, ("group",), pos) or _most_recent_of(entities, ("org",), pos)
    return None


def _most_recent_of(entities: list, types: tuple[str, ...], pos: int):
    best = None
    for e in entities:
        if e.type in types:
            last = latest_before(e, pos)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, e)
    return best[1] if best else None


def shared_surname(doc: Doc, reg: EntityRegistry, raw: str, ent, pos: int):
    """The person a bare surname names when two people of the article share it ("Clinton"
    after "Bill Clinton" in a story about Hillary Clinton; "<surname>" after "<surname>'s
    mother, <given name> <surname>"): the lookup gives the latest full name, but news keeps the
    bare surname for the one it introduced first and writes the other with the full or given
    name. The first introduced, unless the latest one's full name was written in this sentence
    or the one before ("Bill Clinton spoke on Monday. Clinton said …"), and only when the article
    called the first one by the bare surname before the latest was named (a headline's "<Adjective>
    <surname>" or a run with junk before the name is no one the article calls so)."""
    runs = name_runs(raw)
    raw = runs[0].text if len(runs) == 1 else raw  # "Adv <surname>": the run drops the rank
    if ent is None or " " in raw or not ent.name.endswith(" " + raw) or not is_personlike(ent, True):
        return ent
    same = [
        e for e in reg.entities
        if e is not ent and e.name.endswith(" " + raw) and is_personlike(e, True) and e.positions and e.positions[0] < pos
    ]
    if not same:
        return ent
    first = min(same, key=lambda e: e.positions[0])
    if first.positions[0] > ent.positions[0] or not _called_by(doc, first, raw, ent.positions[0]):
        return ent
    lo = doc.prev_sentence_start(pos)
    k = bisect.bisect_left(ent.positions, pos)
    for p in reversed(ent.positions[:k]):
        if p < lo:
            break
        para, off = doc.locate(p)
        if doc.paras[para].startswith(ent.name, off) or ent.name in doc.paras[para][off : off + len(ent.name) + 40].split(",")[0]:
            return ent  # the full name (a run may open with titles: "former President <name>")
    return first


def rehome_shared_surnames(doc: Doc, reg: EntityRegistry) -> int:
    """Give each bare-surname mention of the narration to the person `shared_surname` says it
    names, when two people of the article share the surname: the registry files a bare
    "<surname>" under the latest full name, so after "<given name> <surname>'s mother, <other
    given name> <surname>" every later "<surname> said" and its "he" / "she" counted for the
    mother; the article keeps calling the first one so. The mention moves with its subject
    flag, salience weight, narration entry and the gender and person evidence it gave (moved
    after every decision: `shared_surname` reads the evidence as the index left it). Run
    before the reference chains, so that their pronouns see the mentions where they belong.
    Returns the number moved."""
    by_surname: dict[str, list[Entity]] = {}
    for e in reg.entities:
        words = e.name.split()
        if len(words) >= 2 and e.type not in ("org", "group", "place"):
            by_surname.setdefault(words[-1], []).append(e)
    moves: list[tuple[int, Entity]] = []
    for surname, ents in by_surname.items():
        if len(ents) < 2:
            continue
        for e in ents:
            for at, text, start, end in e.narrated:
                runs = name_runs(text[start:end])
                if len(runs) == 1 and runs[0].text == surname:
                    moves.append((at, e))
    evidence: list[tuple[int, Entity, Entity]] = []
    for at, e in sorted(moves, key=lambda t: t[0]):
        entry = next((n for n in e.narrated if n[0] == at), None)
        if entry is None:
            continue
        to = shared_surname(doc, reg, entry[1][entry[2] : entry[3]], e, at)
        if to is None or to is e:
            continue
        e.positions.remove(at)
        bisect.insort(to.positions, at)
        if at in e.subjects:
            e.subjects.remove(at)
            bisect.insort(to.subjects, at)
        if at in e.weights:
            to.weights[at] = e.weights.pop(at)
        e.narrated.remove(entry)
        bisect.insort(to.narrated, entry, key=lambda n: n[0])
        evidence.append((at, e, to))
    for at, e, to in evidence:
        ev = e.evidence.pop(at, None)
        if ev is not None:
            e.male, e.female, e.person_cues, e.other_cues = (
                e.male - ev[0], e.female - ev[1], e.person_cues - ev[2], e.other_cues - ev[3])
            to.male, to.female, to.person_cues, to.other_cues = (
                to.male + ev[0], to.female + ev[1], to.person_cues + ev[2], to.other_cues + ev[3])
            to.evidence[at] = ev
    return len(evidence)


def _called_by(doc: Doc, ent, surname: str, until: int) -> bool:
    """`ent` has a mention before `until` written as the bare `surname`."""
    given = ent.name.split()[0]
    for p in ent.positions[1:]:
        if p >= until:
            break
        para, off = doc.locate(p)
        at = doc.paras[para].find(surname, off, off + 40)
        if at >= 0 and given not in doc.paras[para][off:at]:
            return True  # (a rank may open the mention: "Adv <surname>")
    return False
