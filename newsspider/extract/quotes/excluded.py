"""Words that cannot name a quote's speaker, whatever the attribution model scores them: a
common word capitalised because it opens its sentence, a place written after a town. The
model was trained on every candidate;
these are left out of its choice only."""

from __future__ import annotations

import re

from newsspider.extract.mentions.lexicon import (
    ADVERBS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FEMALE_FIRST,
    MALE_FIRST,
    PLATFORMS,
)
from newsspider.extract.mentions.registry import EntityRegistry
from newsspider.extract.mentions.runs import is_place
from newsspider.extract.mentions.text import Doc, LowerWords, sentence_start
from newsspider.extract.quotes.attribution import Mention, Para
from newsspider.extract.quotes.finding import Candidate

# the people around a performer ("her publicist said", "his bandmate told"): nouns the role
# lexicon leaves out of the attribution candidates, known to the speaker resolution only
ENTOURAGE = frozenset(
    "publicist rep agent stylist bandmate co-star costar assistant boyfriend girlfriend fiancé fiancée fiance "
    "fiancee".split()
)


def not_a_speaker(doc: Doc, m: Mention, lower: LowerWords, registry: EntityRegistry | None) -> bool:
    return _lexical_opener(doc, m, lower, registry) or _locative(doc, m)


# a platform's name written as where the words were posted: after "on", "via" ("she wrote on
# Instagram"; German, Swedish, French, Italian and Dutch pages alike: "auf X", "på X")
_POSTED_ON = re.compile(
    r"\b(?:on|onto|via|to|through|across|auf|bei|på|sur|su|op)(?:\s+(?:the|dem|der))?\s+$", re.IGNORECASE
)
# "<owner>'s <platform> (page) said": the owner speaks
_OWNER_GAP = re.compile(r"[’']s?\s+")
_OWNER_SAYS = re.compile(
    r"(?:\s+(?:page|account|post|feed|profile|channel))?\s+(?:said|says|wrote|writes|posted|posts|read|reads|"
    r"stated|states|announced|announces|shared|shares)\b"
)
# the platform as a company that speaks: "<platform> said", "said <platform>", "according to <platform>"
_SPEAKS_AFTER = re.compile(
    r"\s+(?:(?:has|had|also|later|then|previously)\s+)?(?:said|says|told|tells|announced|announces|stated|"
    r"states|confirmed|confirms|explained|explains|added|adds|declined|declines|responded|responds|noted|notes|"
    r"argued|argues|claimed|claims|warned|warns|acknowledged|acknowledges|insisted|insists|wrote|writes)\b"
)
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says|according\s+to|told\s+by)\s+$", re.IGNORECASE)
_NOT_THE_COMPANY = re.compile(r"(?:[’']s|\b(?:his|her|their|its|my|our|your|on|onto|via|to|from|in|at))\s+$", re.IGNORECASE)


def platform_posted(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """A social platform's name (`lexicon.PLATFORMS`) after "on / via / to" is where the words
    were posted, not who posted them ("she wrote on Instagram: “…”")."""
    if m.kind != "name" or m.text not in PLATFORMS or m.para != info.para:
        return False
    return _POSTED_ON.search(info.text, max(0, m.start - 20), m.start) is not None


def platform_owner(info: Para, m: Mention, ms: list[Mention]) -> Mention | None:
    """The name whose platform speaks ("<owner>'s Facebook said", "<owner>'s Instagram post
    reads"): the owner, who posted the words."""
    if m.kind != "name" or m.text not in PLATFORMS or m.para != info.para or not _OWNER_SAYS.match(info.text, m.end):
        return None
    for o in ms:
        if o.para == m.para and o.kind == "name" and o.end <= m.start and _OWNER_GAP.fullmatch(info.text, o.end, m.start):
            return o
    return None


def silent_platform(doc: Doc, name: str) -> bool:
    """A social platform the article never makes speak as a company ("<platform> said in a
    statement", "according to <platform>"; not "<owner>'s <platform> said", "on <platform>")."""
    if name not in PLATFORMS:
        return False
    rx = re.compile(r"(?<![\w@#/.\-])" + re.escape(name) + r"(?![\w\-])")
    for text in doc.paras:
        for hit in rx.finditer(text):
            before = text[max(0, hit.start() - 40) : hit.start()]
            if _SPEAKS_BEFORE.search(before) or (
                _SPEAKS_AFTER.match(text, hit.end()) and not _NOT_THE_COMPANY.search(before)
            ):
                return False
    return True


def lower_words(doc: Doc) -> LowerWords:
    """The words the document writes in lower case (`mentions.text.LowerWords`)."""
    return LowerWords(doc.paras)


_OPENERS = "“‘\"'(["


def _lexical_opener(doc: Doc, m: Mention, lower: LowerWords, registry: EntityRegistry | None) -> bool:
    """A capitalised word opening its sentence that is a common word, not a name: the
    article writes it in lower case elsewhere ("Hours later, Kim …"), or it has the shape of
    a participle opening a clause ("Continuing to explain …, Kim said", "Based on …") and is
    no given name. Only a word the article uses once and in no longer name: "Song said" after
    "Song Ji-ho" stays a name."""
    word = m.text
    if m.kind != "name" or " " in word or not word[1:].islower():
        return False
    low = word.lower()
    if low not in lower and not (
        len(word) >= 5 and low.endswith(("ing", "ed")) and word not in MALE_FIRST and word not in FEMALE_FIRST
    ):
        return False
    text = doc.paras[m.para]
    if " " in text[m.start : m.end] or text[sentence_start(text, m.start) : m.start].strip(_OPENERS + " "):
        return False  # "Former Security …": a run whose title was stripped is no lone word
    ent = registry.lookup(word, doc.g(m.para, m.start)) if registry is not None else None
    return ent is None or (len(ent.positions) <= 1 and " " not in ent.name)


_PLACE_AFTER = re.compile(r"[A-Z][\w.’'\-]*,\s*$")


def _locative(doc: Doc, m: Mention) -> bool:
    """A place written after a town and a comma is where something happened, not who spoke
    ("Kim, at a fan meeting in Busan, South Korea, said …", "Speaking in Salem, New
    Hampshire, Kim …")."""
    if m.kind != "name" or not is_place(m.text):
        return False
    text = doc.paras[m.para]
    return _PLACE_AFTER.search(text, max(0, m.start - 40), m.start) is not None


_WITH_BEFORE = re.compile(r"\bwith\s+(?:(?!(?:of|to|for|from|and|the|a|an)\s)[a-z][\w\-]*\s+){0,2}$")
_ING_CUE = re.compile(r"\s+(?:\([^()]{1,30}\)\s+)?([a-z]+ing)\b")
_ING_CUES = frozenset(w for w in CUE_VERBS if w.endswith("ing"))


def with_speaker(doc: Doc, ms: list[Mention], c: Candidate) -> int | None:
    """The index of the name that an absolute phrase makes the speaker of the quote it opens:
    "Republicans were quick to respond, with Senator X calling it “…”", "…, with X tweeting
    that it was a “…”", "…, with producer X saying …". The name follows "with" (and at most
    two lower-case role words), a speech verb in -ing follows it, and the quote comes after
    in the same sentence."""
    first = c.parts[0] if c.parts else None
    if first is None:
        return None
    for k, m in enumerate(ms):
        if m.kind != "name" or m.region != "head" or m.para != first.para:
            continue
        text = doc.paras[m.para]
        if not _WITH_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue
        cue = _ING_CUE.match(text, m.end)
        if cue is None or cue.group(1) not in _ING_CUES:
            continue
        if not any(ch in ".;!?" for ch in text[cue.end() : first.open_pos]):
            return k
    return None



_CUE_SET = frozenset(CUE_VERBS)
_ADV_SET = frozenset(ADVERBS)
_MEDIUM_PREPS = frozenset("in on via through".split())
# verbs that put a written medium out ("released a statement saying", "sent an email saying")
_ISSUE_VERBS = frozenset(
    "released releases issued issues sent sends posted posts published publishes put puts tweeted tweets "
    "shared shares emailed e-mailed".split()
)
_CLAUSE_STOPS = frozenset(".;:!?“”\"")


def medium_object(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """A written medium ("a statement", "a notice", "an email") that is the object of the
    speaker's verb, or of "in / on / via" right after a speech verb, is not who spoke when a
    subject stands right before that verb: "they said in a notice posted to …", "she
    released a statement saying, “…”", "Kim sent out an email saying …". The medium
    speaks only as a subject ("the statement said", "read the email")."""
    if m.kind != "role" or m.para != info.para:
        return False
    words = m.text.lower().split()
    if not words or words[-1] not in DOCUMENT_NOUNS:
        return False
    k = info.token_index(m.start) - 1  # the word before the medium's determiner
    if k < 0:
        return False
    w = info.words[k]
    if w in _MEDIUM_PREPS:
        k -= 1
        if k < 0 or info.words[k] not in _CUE_SET:
            return False
    elif w == "out" and k > 0 and info.words[k - 1] in _ISSUE_VERBS:
        k -= 1
    elif w not in _ISSUE_VERBS:
        return False
    j = k - 1
    while j >= 0 and info.words[j] in _ADV_SET:
        j -= 1
    if j < 0 or any(c in _CLAUSE_STOPS for c in info.text[info.ends[j] : m.start]):
        return False
    end = info.ends[j]
    return any(
        o is not m and o.para == m.para and o.end == end and o.kind in ("name", "pron", "role")
        and (o.kind != "role" or o.text.lower().split()[-1] not in DOCUMENT_NOUNS)
        for o in ms
    )


# words before a description that do not make it a verb's object: prepositions, conjunctions,
# relatives, auxiliaries, quantifiers
_NOT_VERBS = frozenset(
    """of to in on at with by from for about into onto over after before under since while when if that
    which who whom whose and or but nor as than like per via through without within among between against
    during toward towards upon across behind beyond despite including is was are were be been being am has
    have had do does did will would can could shall should may might must not also just only even still now
    then so too very all both each either neither according whether where how why what""".split()
)
_PARTICLES = frozenset("up out off down back".split())


def verb_object(info: Para, m: Mention, ms: list[Mention]) -> bool:
    """A description right after a verb that is not a speech verb is that verb's object, not who
    spoke, when a subject (a name, pronoun or description) stands before the verb in the same
    clause: "<name> picks up the story: “…”", "a statement by <desc> confirming the move read:",
    "an aide who relayed the exchange said …", "<name> interrupted her speech, shouting “…”".
    An inverted attribution keeps its subject ("said the spokesman", "read the statement"):
    speech verbs are left out."""
    if m.kind != "role" or m.para != info.para or not info.text[m.start : m.start + 1].islower():
        return False  # a description opening its sentence is its subject
    k = info.token_index(m.start) - 1  # the word before the description
    if k < 0 or info.text[info.ends[k] : m.start].strip():
        return False  # the object follows its verb (or particle) at once
    if k > 0 and info.words[k] in _PARTICLES and not info.text[info.ends[k - 1] : info.starts[k]].strip():
        k -= 1  # a phrasal verb: "picks up"
    w = info.words[k]
    if (
        not info.text[info.starts[k] : info.ends[k]].isalpha() or not info.text[info.starts[k]].islower()
        or w in _NOT_VERBS or w in _CUE_SET or w in _ADV_SET or w.endswith("ly")
    ):
        return False
    verb = info.starts[k]
    return any(
        o is not m and o.para == m.para and o.kind in ("name", "pron", "role") and o.end <= verb
        and not any(ch in _CLAUSE_STOPS for ch in info.text[o.end : verb])
        for o in ms
    )


# the verbs of a trailing attribution ("…,” Kim said.", "…,” said Kim, …")
_TRAIL_VERBS = frozenset(
    "said says added adds told tells asked asks wrote writes noted notes continued explained argued insisted "
    "recalled replied answered stressed warned acknowledged conceded agreed complained observed remarked "
    "declared claimed tweeted quipped joked".split()
)
_TRAIL_BEFORE = re.compile(r"\s*,?\s*(?:([a-z]+)\s+(?:[a-z]+\s+){0,3})?$")
_TRAIL_AFTER = re.compile(r"\s*(?:[a-z]+ly\s+|also\s+)?([a-z]+)\b")


def trailing_speaker(doc: Doc, ms: list[Mention], c: Candidate, best: int) -> int | None:
    """The index of the name in a trailing attribution when the choice is a mention before
    the quote that no speech verb attaches to it: "<name> would have to “…,” <other> said",
    "<name> “…,” said <other>, …" — the words are the other's, about the first. None when the
    choice stands (or a speech verb stands between it and the quote: "<name> called it “…”,
    <other> said" quotes the first)."""
    first = c.parts[0] if c.parts else None
    m = ms[best]
    if first is None or first.close_pos is None or m.kind not in ("name", "pron", "role"):
        return None
    if m.para != first.para or m.region != "head" or m.end > first.open_pos:
        return None
    text = doc.paras[first.para]
    mark = text[first.close_pos - 1 : first.close_pos]  # the quote's last character
    if mark != "," and not text.startswith(",", first.close_pos + 1) and mark not in "?!":
        return None  # "… an outlaw nation.” Russia insisted …": the next sentence's
    between = text[m.end : first.open_pos].lower()
    if any(w in _CUE_SET for w in re.findall(r"[a-z]+", between)) or any(ch in ".;!?" for ch in between):
        return None
    for k, o in enumerate(ms):
        if o.para != first.para or o.start <= first.close_pos or o.kind not in ("name", "role"):
            continue
        gap = text[first.close_pos + 1 : o.start]
        before = _TRAIL_BEFORE.fullmatch(gap)
        if before is None:
            return None
        if before.group(1) is not None:
            return k if before.group(1) in _TRAIL_VERBS else None
        if mark != "," and not text.startswith(",", first.close_pos + 1):
            return None  # "…?” Kim said" may be a new sentence
        after = _TRAIL_AFTER.match(text, o.end)
        return k if after is not None and after.group(1) in _TRAIL_VERBS else None
    return None
