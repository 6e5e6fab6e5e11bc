"""Who a description names when no role lexicon knows its head: "the 29-year-old", "the
hitmaker", "the mother-of-two", "the group’s leader".

* **An age** ("the 29-year-old", "the 29-year-old singer") names the person the article writes
  with that age ("Mira Solano, 29,", "29-year-old Mira Solano", "Mira Solano (29)", "Solano, the
  29-year-old …,"), else the person the passage is about, as a role nobody holds does.
* **A noun no lexicon holds** as the subject of a speech verb still describes someone: a
  person (the passage's person, by the rules of a role nobody holds), or an organisation when
  the noun is a company's ("the airline", "the retailer"). A noun the article introduced
  before as someone it does not name ("a woman in the crowd … the woman said") stays that
  unnamed person, as written.
* **A role owned by an organisation or group** ("the group’s leader", "the label’s chief
  executive") is the person the article writes with that title, else the description with the
  owner's name ("<group>’s leader"), never the owner nor whoever was named last.

Offsets are global (`Doc.g`); bounded work (the last mentions of each candidate, a short window
of text around each).
"""

from __future__ import annotations

import bisect
import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import CUE_VERBS
from newsspider.extract.mentions.registry import Entity
from newsspider.extract.mentions.text import Doc

AGE = lazy(r"\b(\d{1,3})-year-old\b")
# company nouns: a description with such a head names an organisation
ORG_HEADS = frozenset(
    """airline carrier retailer publisher streamer platform brand chain site service giant maker
    automaker carmaker manufacturer insurer lender bank startup conglomerate broadcaster
    distributor operator provider developer studio""".split()
)
# nouns that describe anyone: in news "the man said" is someone the article does not name
# ("a man in the crowd", "another worshipper who did not want to be named"), never resolved
GENERIC_HEADS = frozenset(
    """man woman person people boy girl guy lady individual child kid source insider someone
    anyone everyone one""".split()
)
FEMALE_HEADS = frozenset("woman girl lady mother-of-one mother-of-two mother-of-three mum songstress".split())
MALE_HEADS = frozenset("man boy guy father-of-one father-of-two father-of-three dad".split())
_LAST = 12  # mentions of a candidate looked at
_REACH = 3000  # characters before a description where its introduction is looked for
_NAME_AT = lazy(r"[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,3}")


def age_of(description: str) -> str | None:
    m = AGE.search(description)
    return m.group(1) if m else None


def _age_after(age: str) -> re.Pattern[str]:
    # "Solano, 29,", "Solano (29)", "Solano, also 29,", "Solano, the 29-year-old singer,"
    return re.compile(
        r"\s*(?:,\s*(?:also\s+|now\s+|aged\s+)?|\(\s*)" + age + r"\b(?!-)|,\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){0,3}?"
        + age + r"-year-old\b"
    )


def aged(doc: Doc, people: list[Entity], age: str, pos: int, resolved: dict[int, Entity] | None = None) -> list[Entity]:
    """The people of `people` the article writes with `age` next to a mention before `pos`,
    or whose reference chain holds a description with it ("The 29-year-old dancer was
    …" resolved to her: `resolved`, offset -> entity)."""
    before = re.compile(r"\b" + age + r"-year-old\s+(?:[a-z][\w’'\-]*\s+){0,3}$")
    out = written_with(doc, people, pos, _age_after(age), before)
    rx = re.compile(r"[Tt]he\s+(?:[\w’'\-]+,?\s+){0,2}?" + age + r"-year-old\b")
    for at, e in (resolved or {}).items():
        if at < pos and e in people and e not in out:
            para, off = doc.locate(at)
            if rx.match(doc.paras[para], off):
                out.append(e)
    return out


def titled_people(doc: Doc, people: list[Entity], head: str, pos: int) -> list[Entity]:
    """The people of `people` the article writes with the noun `head` as a title ("hitmaker
    Mira Solano", "organiser <name>") or in an apposition ("Mira Solano, the hitmaker behind
    …,")."""
    h = re.escape(head)
    after = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){0,3}?" + h + r"\b")
    before = re.compile(r"(?<![\w’'\-])" + h + r"\s+$", re.IGNORECASE)
    named = [e for e in people if len(e.name.split()) > 1 and e.name.split()[0].lower() == head]
    return named or written_with(doc, people, pos, after, before, re.compile(h + r"\s+(?=[A-Z])", re.IGNORECASE))


def written_with(
    doc: Doc, people: list[Entity], pos: int, after: re.Pattern[str], before: re.Pattern[str],
    lead: re.Pattern[str] | None = None,
) -> list[Entity]:
    """The people of `people` with a mention before `pos` that `after` matches right after (at
    the end of its name) or `before` right before (or `lead` at its start: a title the name's
    run holds, "Organiser Dana Whitfield")."""
    out = []
    for e in people:
        k = bisect.bisect_left(e.positions, pos)
        for p in e.positions[max(0, k - _LAST) : k]:
            para, off = doc.locate(p)
            text = doc.paras[para] if para < len(doc.paras) else ""
            if lead is not None and lead.match(text, off):
                out.append(e)
                break
            run = _NAME_AT.match(text, off)
            end = run.end() if run else off
            if after.match(text, end) or before.search(text[max(0, off - 60) : off]):
                out.append(e)
                break
    return out


def about(doc: Doc, people: list[Entity], best: Entity | None, pos: int, topic) -> Entity | None:
    """`best` (the rules' pick for a description), or the person the passage is about when
    `best` is a companion introduced through that person ("Her producer, Dana Whitfield,")
    who has not been seen speaking, and the topic leads by `topic.MARGIN` (as for he / she,
    `topic.prefer_topic`)."""
    from newsspider.extract.mentions import topic as tp

    if best is None or len(people) < 2:
        return best
    mine = topic.score(best, pos)
    top = topic_person(people, pos, topic)
    if top is None or top is best or topic.score(top, pos) < mine + tp.MARGIN:
        return best
    if not tp.introduced_through(doc, best, top) or tp.spoke_before(best, pos):
        return best
    return top


_FUNCTION = r"(?:for|of|to|in|on|at|with|by|from|and|or|but|as|than|the|a|an|is|was|who|that)\b"


def introduced(doc: Doc, narration: dict[int, str], head: str, pos: int) -> bool:
    """An indefinite description with this head before `pos` ("a woman in the crowd", "an
    onlooker"): the article's own unnamed person."""
    rx = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?!" + _FUNCTION + r")[\w’'\-]+\s+){0,3}?" + re.escape(head) + r"\b")
    para, off = doc.locate(pos)
    lo = pos - _REACH
    for i in range(para, -1, -1):
        if doc.offsets[i] + len(doc.paras[i]) < lo:
            break
        text = narration.get(i, doc.paras[i])
        stop = off if i == para else len(text)
        if rx.search(text, max(0, lo - doc.offsets[i]), stop):
            return True
    return False


def untitled(head: str, people: list[Entity], titles: frozenset[str]) -> list[Entity]:
    """The people a description with an unheld title may name: those the article gives no
    other person title ("producer Dana Whitfield" is not "the pop star"), when any remain."""
    free = [e for e in people if not (e.titles & titles) or head in e.titles]
    return free or people


_OWNED = lazy(r"(?:[Tt]he\s+)?(?:[a-z][\w\-]*\s+){0,2}?(?P<own>[a-z][\w\-]*)(?:’s|'s)\s+(?P<rest>\S.*)")


def owned_by_role(raw: str) -> tuple[str, str] | None:
    """("group", "leader") of "the group’s leader": a role owned by a described owner."""
    m = _OWNED.fullmatch(raw)
    return (m.group("own").lower(), m.group("rest")) if m else None


def people_of(pool: list[Entity], head: str) -> list[Entity]:
    """The people of `pool` a person description may name (strong evidence first), of its
    gender when its head has one ("the woman")."""
    from newsspider.extract.mentions.resolve import gender_ok, is_personlike

    people = [e for e in pool if is_personlike(e)] or [e for e in pool if is_personlike(e, True)]
    g = "she" if head in FEMALE_HEADS else "he" if head in MALE_HEADS else None
    if g is not None:
        people = [e for e in people if gender_ok(e, g)] or people
    return people


def topic_person(people: list[Entity], pos: int, topic) -> Entity | None:
    """The person the passage is about among `people` (`topic.Topic.score`), the latest named
    on a tie."""
    best, key = None, None
    for e in people:
        k = bisect.bisect_left(e.positions, pos)
        if not k:
            continue
        s = (topic.score(e, pos), e.positions[k - 1])
        if key is None or s > key:
            best, key = e, s
    return best


def plural(head: str) -> bool:
    """"the heavyweights", "the chairmen": a plural names no single person."""
    return (head.endswith("s") and not head.endswith(("ss", "us", "is"))) or head.endswith("men")


# person nouns by their shape: agent suffixes ("hitmaker", "crooner", "songstress",
# "contestant"), a few epithets without one; things with such an ending are left out
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ess", "ant", "ee", "man", "woman", "star", "ster", "eur")
_THINGS = frozenset(
    """paper letter poster trailer flyer banner order number matter computer chapter cover sticker
    caption corner border center water weather power answer career player character manner
    quarter register counter filter theater theatre monitor sector factor error mirror door floor
    color colour harbor anchor mayor plant restaurant grant giant servant address process""".split()
)
_EPITHETS = frozenset("tycoon mogul diva icon legend heartthrob beauty superstar megastar starlet".split())


def person_noun(head: str) -> bool:
    """A noun of a person by its shape: "hitmaker", "the mother-of-two", "the songstress"."""
    from newsspider.extract.mentions.lexicon import ROLE_NOUNS, ROLE_TITLES

    if "-" in head and any(ROLE_NOUNS.get(w) == "person" or w in ROLE_TITLES for w in head.split("-")):
        return True
    return head in _EPITHETS or (head.endswith(_PERSON_ENDINGS) and head not in _THINGS and len(head) > 4)


def resolve_epithet(doc, reg, raw: str, head: str, etype: str, pos: int, index, reference, noun) -> tuple[bool, str | None]:
    """(decided, speaker) of a definite description this module decides: "the group’s
    leader", "the 29-year-old", "the hitmaker", "the airline"; (False, None) for the others
    (left to the role rules). `index`: the article's `candidates.Index`; `reference(doc, reg,
    word, etype, pos, index)` resolves a role word; `noun` writes a role noun as the labels do."""
    from newsspider.extract.mentions.candidates import compatible
    from newsspider.extract.mentions.lexicon import DOCUMENT_NOUNS, PLURAL_ROLES, ROLE_NOUNS
    from newsspider.extract.mentions.resolve import is_personlike, latest_before, resolve_typed
    from newsspider.extract.mentions.salience import Sentences
    from newsspider.extract.mentions.unnamed import AGENTS, possessive

    def latest(es: list[Entity]) -> str:
        return max(es, key=lambda e: latest_before(e, pos)).name

    owned = owned_by_role(raw)
    if owned is not None and ROLE_NOUNS.get(owned[0]) in ("org", "group") and owned[0] not in DOCUMENT_NOUNS:
        o = reference(doc, reg, owned[0], ROLE_NOUNS[owned[0]], pos, index)
        holders = [e for e in index.candidates(pos) if head in e.titles and e is not o and is_personlike(e, True)]
        if holders:
            return True, latest(holders)
        return True, f"{possessive(o.name)} {noun(owned[1])}" if o is not None else raw
    age = age_of(raw)
    if etype == "unknown" and head in ORG_HEADS:
        ent = resolve_typed(reg, "org", pos, head, doc.prev_sentence_start(pos), doc,
                            pool=compatible("agency", index.candidates(pos)))
        ent = ent or org_named(doc, reg, raw, head, pos, index.candidates(pos))
        return True, ent.name if ent is not None else raw
    if age is None and (
        etype != "unknown" or not raw.lower().startswith("the ") or head in PLURAL_ROLES
        or head in AGENTS or head in GENERIC_HEADS or plural(head)
    ):
        return False, None
    pool = compatible(head, index.candidates(pos))
    people = people_of(pool, head)
    anyone = [e for e in pool if is_personlike(e, True)]  # written with the title or age: weak evidence will do
    if age is not None:
        hits = aged(doc, anyone, age, pos, reg.resolved)
        if hits:
            return True, latest(hits)
        if etype != "unknown":
            return False, None  # "the 29-year-old singer" nobody is written with: as "the singer"
    else:
        hits = titled_people(doc, anyone, head, pos)
        if hits:
            return True, latest(hits)  # "organiser <name>", "<name>, the hitmaker behind …,"
        if not person_noun(head):
            return False, None  # "the spot says", "its headline": a thing, as written
        if introduced(doc, reg.narration, head, pos):
            return True, raw  # "a woman in the crowd … the woman said": unnamed
    if not people:
        return True, raw
    topic = (reg.sentences or Sentences(doc)).topic
    ent = about(doc, people, resolve_typed(reg, "person", pos, head, doc.prev_sentence_start(pos), doc, pool=people), pos, topic)
    return True, ent.name if ent is not None else raw


def unheld(doc, reg, raw: str, head: str, people: list[Entity], ent: Entity | None, pos: int) -> Entity | None:
    """A person role nobody in the article holds ("the officer", "the K-pop star") after the
    rules picked `ent`: None when the article introduced such a person without a name ("a
    police officer … the officer said"), else `ent` unless it is a companion introduced
    through the person the passage is about (`about`)."""
    from newsspider.extract.mentions.salience import Sentences

    if raw.lower().startswith("the ") and introduced(doc, reg.narration, head, pos):
        return None
    return about(doc, people_of(people, head), ent, pos, (reg.sentences or Sentences(doc)).topic)


# nouns of an organisation a definite description refers back to ("the company said", "the
# bank said in a note", "the newspaper reported"); governments, ministries and offices are
# written with their own words (`resolve.describe_source`), and a document is no one
ORG_REFERENCES = ORG_HEADS | frozenset(
    "company firm bank newspaper paper tabloid magazine outlet broadcaster network agency label alliance organisation "
    "organization".split()
)


def org_named(doc: Doc, reg, raw: str, head: str, pos: int, pool: list[Entity]) -> Entity | None:
    """The organisation a definite description such as "the company" or "the bank" names when
    no entity typed as an organisation fits: among the entities of `pool` the registry could
    not type (a brand, a newspaper, a bank written without a company suffix) and that show no
    person (no gender, no person title), the one the article writes with the head noun
    ("newspaper <name>", "investment banking giant <name>", "<name>, the bank,"), else a
    one-word name written more like a thing than a person that was the latest subject of a
    sentence in the two sentences before ("<brand> says …. The company says …"), when no
    other entity was a subject after it."""
    from newsspider.extract.mentions.resolve import latest_subject_before
    from newsspider.extract.mentions.runs import first_name_gender

    if head not in ORG_REFERENCES or not raw.lower().startswith("the ") or plural(head):
        return None
    cands = [
        e for e in pool
        if e.type in ("org", "unknown") and not (e.male or e.female) and not e.titles
        and first_name_gender(e.name) is None and bisect.bisect_left(e.positions, pos) > 0
    ]
    if not cands:
        return None
    h = re.escape(head)
    before = re.compile(r"(?<![\w’'\-])(?i:" + h + r")\w{0,3}\s+(?:[a-z][\w’'\-]*\s+){0,2}$")
    after = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){0,3}?" + h + r"\b")
    hits = written_with(doc, cands, pos, after, before)
    if hits:
        return max(hits, key=lambda e: e.positions[bisect.bisect_left(e.positions, pos) - 1])
    # the latest subject of any kind: a person in between ("<person> said …") breaks the chain
    lo = doc.prev_sentence_start(doc.prev_sentence_start(pos))
    best, at = None, -1
    for e in pool:
        s = latest_subject_before(e, pos)
        if s >= lo and s > at:
            best, at = e, s
    if best not in cands or best is None:
        return None
    # a name written more like a thing than a person (the registry's cues: "in <X>", "the <Name
    # Name> said", which counts twice)
    return best if best.type == "org" or best.other_cues > best.person_cues else None


# after a description: its complement ("of the Gazette", "for the ministry", "at the firm";
# lower-case words of the title, "chief executive") up to a comma, then the apposed name
_APPOSED = lazy(
    r"(?:\s+(?:[a-z][\w’'\-]*\s+){0,3}?(?:of|for|at|in|with)\s+[^,.;:!?“”\"()\s][^,.;:!?“”\"()]{0,60}"
    r"|(?:\s+[a-z][\w’'\-]*){1,3})?,\s+(?=[A-Z])"
)


# a speech verb right before the description: the inverted attribution ("said the editor")
_AFTER_CUE = lazy(r"\b(?:" + "|".join(sorted(CUE_VERBS, key=len, reverse=True)) + r")\s+$")


def apposed(doc: Doc, reg, at: int | None, raw: str, person: bool) -> Entity | None:
    """The name written in apposition right after a description that speaks (“…,” said the
    former editor of the Gazette, Ruth Calloway. / said the company's chief executive, <name>.
    / said a former spokesman for the ministry, <name>,): the entity of that name, when it is
    followed by punctuation and agrees with the description (a person for a person noun, no
    place)."""
    from newsspider.extract.mentions.resolve import is_personlike
    from newsspider.extract.mentions.runs import name_runs

    if at is None:
        return None
    para, off = doc.locate(at)
    text = doc.paras[para] if para < len(doc.paras) else ""
    if not text.startswith(raw, off) or _AFTER_CUE.search(text, max(0, off - 20), off) is None:
        return None
    m = _APPOSED.match(text, off + len(raw))
    last = re.findall(r"[\w’'\-]+", m.group(0))[-1:] if m is not None else []
    if m is None or (last and last[0].islower() and (person_noun(last[0]) or last[0] in GENERIC_HEADS)):
        return None  # "said a spokesperson for the singer, <name>": the singer's name
    runs = name_runs(text[m.end() : m.end() + 80])
    if not runs or runs[0].start != 0 or runs[0].possessive:
        return None
    rest = text[m.end() + runs[0].end :].lstrip()[:1]
    if rest and rest not in ",.;:!?)”\"":
        return None
    ent = reg.lookup(runs[0].text, doc.offsets[para] + m.end())
    if ent is None or ent.type == "place" or (person and not is_personlike(ent, True)):
        return None
    return ent
