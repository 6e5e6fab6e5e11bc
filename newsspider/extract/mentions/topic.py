"""Who the passage is about, against who was just named (issue #10, ninth pass).

Salience (`salience`) ranks the most recently named person high: a manager, mother or coach
named in the sentence before a "she said" outweighs the star the passage is about, whose
earlier references (the title, the lede, "her", "the 31-year-old star") have decayed. The
topic score of a person at a point of the text counts those references instead of weighing
them by distance: the mentions and resolved references before the point (names, chain
pronouns and descriptions), plus the title and the lede (the first paragraph of the
narration after the title). A he / she goes to the passage's topic instead of the most
salient person when the topic leads by `MARGIN`, is not of the other gender, and the salient
person is a companion introduced through the topic ("Her manager, Choi Min-jung,", "Lim's
mother, Kang Eun-sook,") who has given no sign of speaking before the pronoun (never the
subject of a speech verb: "Cho added", "Her publicist, Megan Cho, said in an email") and is not
named in the pronoun's own sentence. A source introduced with a role of their own ("Clinton
campaign manager Robby Mook") keeps the pronoun: in news such a person is usually the next
speaker (PolNeAR train: the ungated score fixed 18 pronouns and broke 33 that way).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from newsspider.extract.mentions.lexicon import CUE_VERBS
from newsspider.extract.mentions.registry import Entity
from newsspider.extract.mentions.text import Doc

if TYPE_CHECKING:
    from newsspider.extract.mentions.salience import Sentences

TITLE, LEDE, MARGIN = 2.0, 1.0, 3.0

# the speech verbs (`lexicon.CUE_VERBS`) and a few acts of speech they lack
_MORE_VERBS = (
    "condemned criticized criticised disagreed remembered attacked blasted slammed praised defended accused "
    "denied mocked dismissed rejected questioned"
).split()
_VERBS = frozenset(CUE_VERBS) | frozenset(_MORE_VERBS)
# the word after a name, after an optional parenthesis, comma and adverb ("Kim (D) said", "Kim, said",
# "Cho also added"): a speech verb when the word is one of `_VERBS`
_VERB_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?,?\s+(?:[a-z]+ly\s+|has\s+|had\s+|also\s+)?([a-z]+)\b")
# an appositive's closing comma ("Kim, 24, said", "X, who studies …, said"); no full stop or quotation between
_APPOSITIVE = re.compile(r",[^.;“”\",]{1,140}(?=,)")
# a name after a speech verb: "…, noted NBC’s Dante Chinni", "“…,” said 9/11 widow Terry Strada"
# (the quotation blanked: two spaces or more before the verb); the verb is group 1
_VERB_BEFORE = re.compile(r"(?:[,!?][”\"’']?\s+|\s\s)([a-z]+)\s+(?:\S+\s+){0,4}$")


# a conjunction opening the name's clause, titles and initials allowed between ("When Sen. Kim said")
_SUBORDINATE = re.compile(
    r"\b(?:[Ww]hen|[Aa]s|[Aa]fter|[Bb]efore|[Ii]f|[Ww]hile|[Ss]ince|[Bb]ecause|[Aa]lthough|[Tt]hough|[Uu]ntil|[Oo]nce|"
    r"[Ww]hether|that|where)\s+(?:(?:the|a|an|his|her|their|its|[a-z]+[’']s)\s+){0,2}(?:[A-Z][\w.’'\-]*\s+){0,3}$"
)
_ENDS = re.compile(r"\s*(?:[,.;:!?]|$)")


def speaks(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is the subject of a speech verb: one follows it, possibly
    after an appositive ("Her publicist, Megan Cho, said in an email", "Cho added that"), or
    precedes it in an inverted attribution ("…, said 9/11 widow Terry Strada")."""
    return speech_verb(text, start, end) is not None


def speech_verb(text: str, start: int, end: int, strict: bool = False) -> str | None:
    """The speech verb whose subject the name at text[start:end] is (`speaks`), or None.
    `strict`: the subject of the clause itself, not of a participle after a comma ("… went
    after Kim, calling him …") nor of a clause opened by a conjunction ("When Kim said …, Lee
    …"), and an inverted attribution only when the name ends it ("…, said fans who met Kim at
    the airport" is no attribution of Kim's)."""
    if strict and _SUBORDINATE.search(text, max(0, start - 40), start):
        return None
    m = _VERB_AFTER.match(text, end, end + 160)
    if m is not None and m.group(1) in _VERBS:
        return None if strict and m.group(1).endswith("ing") else m.group(1)
    at = end
    for _ in range(3):  # an appositive of up to three comma-separated parts
        if not text.startswith(",", at):
            break
        a = _APPOSITIVE.match(text, at, end + 160)
        if a is None:
            break
        at = a.end()  # the next comma: an appositive closes there, or a longer one goes on
        m = _VERB_AFTER.match(text, at, end + 160)
        if m is not None and m.group(1) in _VERBS:
            return None if strict and m.group(1).endswith("ing") else m.group(1)
    lead = text[max(0, start - 60) : start]
    if not any(w in _VERBS for w in lead.split()[-6:]):
        return None
    if strict and not _ENDS.match(text, end):
        return None
    for b in _VERB_BEFORE.finditer(lead):
        if b.group(1) in _VERBS:
            return b.group(1)
    return None


class Topic:
    """The title's words and the lede's end of a document (built once per document)."""

    def __init__(self, doc: Doc) -> None:
        title = doc.title or ""
        self.title_words = set(re.findall(r"[\w\-]+", title.replace("’s", " ").replace("'s", " ")))
        lede = 0
        while lede < len(doc.paras) and (
            not doc.paras[lede].strip() or doc.paras[lede].strip() == title.strip()
        ):
            lede += 1
        self.lede_end = doc.offsets[lede] + len(doc.paras[lede]) if lede < len(doc.paras) else -1

    def score(self, e: Entity, pos: int) -> float:
        """References to `e` before `pos`, plus the title and the lede."""
        k = bisect.bisect_left(e.positions, pos)
        s = float(k)
        if k and any(w in self.title_words for w in e.name.split()):
            s += TITLE
        if k and e.positions[0] < self.lede_end:
            s += LEDE
        return s


def spoke_before(e: Entity, pos: int) -> bool:
    """`e` is the subject of a speech verb (`speaks`) somewhere before `pos`."""
    for at, text, start, end in e.narrated:
        if at >= pos:
            return False
        if speaks(text, start, end):
            return True
    return False


def prefer_topic(
    doc: Doc, word: str, cands: list[Entity], best: Entity | None, pos: int, sentences: Sentences
) -> Entity | None:
    """`best` (the most salient candidate of a he / she), or the passage's topic when it leads
    by `MARGIN`, is known to agree with `word` (more gender evidence for than against) and
    `best` has not been seen speaking."""
    if best is None or len(cands) < 2:
        return best
    k = bisect.bisect_left(best.positions, pos)
    if k and sentences.index(best.positions[k - 1]) == sentences.index(pos):
        return best  # named in the pronoun's own sentence
    topic = sentences.topic
    mine = topic.score(best, pos)
    top, top_s = best, mine
    female = word == "she"
    for e in cands:
        if e is not best and (e.female >= e.male if female else e.male >= e.female):
            s = topic.score(e, pos)
            if s > top_s:
                top, top_s = e, s
    if top is best or top_s < mine + MARGIN or not introduced_through(doc, best, top):
        return best
    # the speech test last: it reads every earlier mention of `best`
    return best if spoke_before(best, pos) else top


# the words before a companion's first name: "Her manager, ", "Lim's mother, ", "her vocal coach, Ms. "
_THROUGH = re.compile(
    r"(?:\b(?P<pron>[Hh]er|[Hh]is)|\b(?P<owner>[A-Z][\w\-]*)[’']s)\s+(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*,?\s+"
    r"(?:(?:former|late|then)\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$"
)


def introduced_through(doc: Doc, e: Entity, topic: Entity) -> bool:
    """`e` is first named as someone of `topic`'s ("Her manager, Choi Min-jung", "Lim's mother,
    Kang Eun-sook"): the possessive is a reference to `topic` (its chain, or its name)."""
    if not e.positions:
        return False
    para, off = doc.locate(e.positions[0])
    lo = max(0, off - 60)
    m = _THROUGH.search(doc.paras[para], lo, off) if off else None
    if m is None or m.end() != off:
        return False
    if m.group("owner"):
        return m.group("owner") in topic.name.split()
    at = doc.g(para, m.start("pron"))
    k = bisect.bisect_left(topic.positions, at)
    return k < len(topic.positions) and topic.positions[k] == at


# a question's asker is not the one who answers next ("X asked whether …. “…,” she said")
_ASKING = frozenset("asked asks asking questioned pressed".split())
_SKIPPED = 8  # captions and headings stepped over, at most


def previous_speaker(
    doc: Doc, word: str, pool: list[Entity], best: Entity | None, pos: int, sentences: Sentences
) -> Entity | None:
    """The speaker of the narration sentence right before a quote's he / she ("Whitfield said
    the record would change how people saw Solano. “…,” she said"; a caption or heading line
    between is stepped over, `salience.not_narration`): the one agreeing person
    of `pool` who is the subject of a speech verb there, when the rules picked someone else
    (an older or clause-internal person with more accumulated salience) who is not named in
    the pronoun's own sentence, nor the one the speaker is someone of ("<star>'s publicist,
    <name>, confirmed …": the star's lines stay hers); else None."""
    from newsspider.extract.mentions.salience import candidates

    cands = candidates(word, pool)
    here = sentences.index(pos)
    before = here - 1
    while before >= 0 and sentences.caption[before] and here - before <= _SKIPPED:
        before -= 1  # a caption or heading between is not the sentence before
    if before < 0 or sentences.caption[before]:
        return None
    lo, hi = sentences.starts[before], sentences.starts[before + 1]
    found: list[Entity] = []
    for e in cands:
        for at, text, start, end in e.narrated:
            if at >= hi:
                break
            if at >= lo:
                verb = speech_verb(text, start, end, strict=True)
                if verb is not None and verb not in _ASKING:
                    found.append(e)
                    break
    if len(found) != 1 or found[0] is best:
        return None
    if best is not None:
        k = bisect.bisect_left(best.positions, pos)
        if k and best.positions[k - 1] >= sentences.starts[here]:
            return None  # named in the pronoun's own sentence
        if introduced_through(doc, found[0], best):
            return None  # an entourage member of the pick ("her mother", "<star>'s publicist")
    return found[0]
