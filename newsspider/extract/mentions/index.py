"""Build the entity registry of an article: every name mention, its type, gender evidence,
role titles and whether it is the subject of its sentence."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.boundaries import recut
from newsspider.extract.mentions.chains import add_chains
from newsspider.extract.mentions.dialogue import qa_label_range
from newsspider.extract.mentions.lexicon import (
    ADVERBS,
    CAP_STOPWORDS,
    CUE_VERBS,
    ROLE_TITLES,
)
from newsspider.extract.mentions.lexicon import (
    SMALL_WORDS as _SMALL_WORDS,
)
from newsspider.extract.mentions.registry import (
    EntityRegistry,
)
from newsspider.extract.mentions.resolve import (
    TITLE_ABBREV,
)
from newsspider.extract.mentions.runs import (
    NameRun,
    entity_type_of,
    first_name_gender,
    paragraph_runs,
)
from newsspider.extract.mentions.salience import mention_weight
from newsspider.extract.mentions.text import (
    Doc,
    sentence_starts,
)

_ADV_ALT = "|".join(ADVERBS)
_CUE_WORDS = frozenset(CUE_VERBS)  # all single lower-case words (as quotes.cues._CUE_SET)


def mask_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with the quoted ranges blanked out (offsets kept)."""
    out: list[str] = []
    last = 0
    for lo, hi in sorted(ranges):
        lo = max(lo, last)
        if hi <= lo:
            continue
        out += [text[last:lo], " " * (hi - lo)]
        last = hi
    out.append(text[last:])
    return "".join(out)


_PREPOSITIONS = (
    "of|to|with|for|at|by|about|from|on|in|against|into|over|like|toward|towards|between|among|"
    "behind|under|without|after|before|during|including"
)
# a preposition (and "the") right before a name: `_PP_BEFORE_REVERSED.match(left[::-1])` is
# `re.search(r"\b(?:of|to|…)\s+(?:the\s+)?$", left, re.I)` read from the end (\b is the same
# boundary both ways): one anchored match instead of a search trying every position (~10x less)
_PP_BEFORE_REVERSED = re.compile(
    r"\s+(?:eht\s+)?(?:" + "|".join(w[::-1] for w in _PREPOSITIONS.split("|")) + r")\b", re.IGNORECASE
)
# an example inside a noun phrase ("alumni such as <name>", "stars including <name>"): neither
# the head of its noun phrase nor outside a prepositional phrase, in Lappin & Leass's terms
_EXAMPLE_BEFORE_REVERSED = re.compile(r"\s+(?:sa\s+hcus|gnidulcni|ekil)\b", re.IGNORECASE)
_LEFT_WORDS = re.compile(r"[\w\-.]+")
# `_LEFT_WORDS.findall(left)[-1]` and `[-2]` (None when there is one word), each reversed, matched
# at the start of `left[::-1]`: one anchored match instead of every word of the window
_LAST_LEFT_WORDS_REVERSED = re.compile(r"[^\w\-.]*+([\w\-.]++)(?:[^\w\-.]++([\w\-.]++))?")
_APPOS_PERSON = re.compile(r",\s+(?:a|an|the|who|whose|\d+)\b")
# "<name>, <Org>’s manager of …," / "<name>, <Name>’s longtime chief of staff,": an appositive
# owned by a name whose first words after the possessive hold a role title (group 1)
_APPOS_OWNED = re.compile(r",\s+(?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*[’']s\s+((?:[a-z][\w\-]*[\s,]+){0,2}[a-z][\w\-]*)")
_PLACE_PREPS = frozenset(
    "in at from to into across throughout near outside inside around the of against toward "
    "towards visit visiting visited between on for over under with".split()
)
_MALE_ROLE_WORDS = frozenset(
    "boy band|boy group|actor|husband|father|son|brother|businessman|spokesman|chairman|king|prince".split("|")
)
_FEMALE_ROLE_WORDS = frozenset(
    "girl group|actress|wife|mother|daughter|sister|businesswoman|spokeswoman|chairwoman|queen|princess|widow".split("|")
)
# `\b(?:[Hh]e|[Hh]is|him|himself|[Ss]he|[Hh]er|hers|herself)\b|\bM(?:r|rs|s)\.?(?= [A-Z])` with
# its first letter matched first, as a character set, so that the regex engine skips the other
# positions in a C loop (a lookahead or \b in front defeats that test); the \b before it is
# the lookbehind after it (no word character before the letter), the rest picks its
# alternatives by that letter (~2.5x faster than a lookahead in front)
_GENDERED = re.compile(
    r"[HhSsM](?<!\w[HhSsM])(?:(?<=[Hh])(?:e|is|er)\b|(?<=h)(?:im|imself|ers|erself)\b|(?<=[Ss])he\b"
    r"|(?<=M)(?:r|rs|s)\.?(?= [A-Z]))"
)
_MALE_WORDS = frozenset(("he", "He", "his", "His", "him", "himself", "Mr.", "Mr"))

_SPEAKS_AFTER = re.compile(
    rf"(?:\s*\([^()]{{1,30}}\))?(?:,[^,]{{1,60}},)?\s+(?:(?:{_ADV_ALT})\s+)*"
    r"(?:said|says|told|tells|added|adds|explained|recalled|argued|insisted|tweeted|wrote|"
    r"laughed|joked|admitted|replied|answered|asked|noted)\b"
)
# "“…,” said <name>." / "…, added <name>, who …": a speech verb whose subject follows it (the
# verbs that take no object: "told <name>" / "asked <name>" name the one spoken to), after a
# quotation (blank in the narration), a comma or a sentence's opening, and the name closing its
# clause: the speaker of an inverted attribution, as much a person as "<name> said"
_INVERTED_VERBS = frozenset(
    "said says added adds explained explains noted notes recalled recalls argued argues insisted "
    "insists wrote writes tweeted replied replies answered joked jokes laughed admitted admits "
    "stressed stresses warned warns continued continues declared acknowledged conceded concedes "
    "observed quipped complained remarked responded concluded cautioned maintained asserted "
    "reiterated countered retorted elaborated".split()
)
_CLAUSE_END = frozenset(".,;(")  # (an empty string is in no frozenset: the text's end is not one)
_INVERTED_BEFORE = re.compile(r"(?:^|[,”\"’]|\s\s)\s*(?:[a-z]+ly\s+)?[a-z]+\s+$")


_LINE_WORDS = re.compile(r"[A-Za-z][\w’'\-]*")
_OBJECT_AFTER_PLACE = re.compile(r"\b[a-z]+\s+[A-Z][\w.]*,\s+[A-Z][\w.]*,\s*$")


# 26 words of _LINE_WORDS from the start (possessive: no backtracking): a paragraph that
# has them is no title line, and its words are not all listed
_OVER_25_WORDS = re.compile(r"(?:[^A-Za-z]*+[A-Za-z][\w’'\-]*+){26}")


def _titlecase_line(p: str) -> bool:
    if _OVER_25_WORDS.match(p):
        return False
    words = _LINE_WORDS.findall(p)
    if len(words) < 4 or len(words) > 25:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS)
    if caps == len(words):
        return True
    # a sentence ending with a full stop that has lower-case content words is prose
    return caps / len(words) > 0.8 and not p.rstrip().endswith(".")


def build_registry(doc: Doc, quoted: dict[int, list[tuple[int, int]]], quoted_paras: set[int]) -> EntityRegistry:
    reg = EntityRegistry()
    add = reg.add
    narration: dict[int, str] = {}
    scanned: list[tuple[int, str, tuple[NameRun, ...]]] = []
    for i, p in enumerate(doc.paras):
        if i in quoted_paras or doc.kinds[i] in ("embed", "pre") or _titlecase_line(p):
            continue
        masked = mask_ranges(p, quoted.get(i, []) + qa_label_range(p))
        narration[i] = masked
        scanned.append((i, masked, paragraph_runs(masked)))
    cuts = recut(scanned)  # "Brave Dana Whit" -> "Dana Whit" (the article writes it alone)
    for i, masked, runs in scanned:
        if not runs:
            continue
        starts = sentence_starts(masked)
        base = doc.offsets[i]
        for n, r in enumerate(runs):
            rs, re_, rtext = r.start, r.end, r.text
            left = masked[rs - 30 if rs > 30 else 0 : rs]
            gpos = base + rs
            cut = cuts.get((i, rs)) if cuts else None
            if cut is not None:
                ent = add(cut, gpos, entity_type_of(cut))
                reg.alias(rtext, ent)
                rtext = cut
            else:
                ent = add(rtext, gpos, entity_type_of(rtext, left))
            was = (ent.male, ent.female, ent.person_cues, ent.other_cues)
            subject = _is_subject(masked, r, starts)
            if subject:
                bisect.insort(ent.subjects, gpos)
            if left[-1:].isspace():  # else neither a preposition nor a word just before it
                rleft = left[::-1]
                example = _EXAMPLE_BEFORE_REVERSED.match(rleft) is not None
                adverbial = example or _PP_BEFORE_REVERSED.match(rleft) is not None
                # the last two _LEFT_WORDS of `left`, read from its end
                lw2 = _LAST_LEFT_WORDS_REVERSED.match(rleft)
                if lw2 is not None:
                    last_w = lw2.group(1)[::-1].lower()
                    w2 = lw2.group(2)
                    last2 = f"{w2[::-1].lower()} {last_w}" if w2 is not None else ""
                else:
                    last_w, last2 = "", ""
            else:
                adverbial, example, last_w, last2 = False, False, "", ""
            ent.weights[gpos] = mention_weight(subject, r.possessive or example, adverbial)
            # a one-word name has no given name (the run's words are joined by single spaces)
            if " " in rtext:
                gender = first_name_gender(rtext)
                if gender is not None:
                    ent.person_cues += 1  # "Donald Trump": a known given name
                    if gender == "m":
                        ent.male += 3
                    else:
                        ent.female += 3
            raw_split = r.raw.split()
            n_text = len(rtext.split())
            # role words before the name ("VELVETEEN leader"), or the word before the run
            titles: set[str] = set()
            if len(raw_split) > n_text:
                titles = {w for w in (w.lower() for w in raw_split[:-n_text]) if w in ROLE_TITLES}
            if last_w in ROLE_TITLES:  # (no word list holds "": last_w empty is in none)
                titles.add(last_w)
            if titles:
                ent.person_cues += 1
                ent.titles |= {TITLE_ABBREV.get(t, t) for t in titles}
            if r.owner and entity_type_of(r.owner) in ("group", "org"):
                ent.person_cues += 1  # "NORTHSTAR’s Kyu-bin": a member
            appos = _APPOS_PERSON.match(masked, re_, re_ + 90)
            if appos is None and masked[re_ : re_ + 1] == ",":
                owned = _APPOS_OWNED.match(masked, re_, re_ + 90)
                if owned is not None and any(w in ROLE_TITLES for w in owned.group(1).replace(",", " ").split()):
                    appos = owned
            if appos is not None and _sentence_adverb(masked, r, appos, starts):
                appos = None
            if appos is not None or _SPEAKS_AFTER.match(masked, re_, re_ + 90):
                ent.person_cues += 1
            elif last_w in _INVERTED_VERBS and masked[re_ : re_ + 1] in _CLAUSE_END and _INVERTED_BEFORE.search(left):
                ent.person_cues += 1  # "“…,” said <name>."
            ent.narrated.append((gpos, masked, rs, re_))
            if last_w:
                if last_w in _PLACE_PREPS and not titles:
                    # "the <Name>" (a band, a troupe, a paper): people are not written so
                    ent.other_cues += 2 if last_w == "the" else 1
                if last_w in _MALE_ROLE_WORDS or last2 in _MALE_ROLE_WORDS:
                    ent.male += 2
                elif last_w in _FEMALE_ROLE_WORDS or last2 in _FEMALE_ROLE_WORDS:
                    ent.female += 2
            first_raw = raw_split[0]
            if first_raw[0] == "M":
                if first_raw in ("Mr.", "Mr"):  # British usage writes no full stop
                    ent.male += 2
                elif first_raw in ("Mrs.", "Ms.", "Mrs", "Ms"):
                    ent.female += 2
            # gender: pronouns after the mention, up to the next name in the same or next sentence
            nxt = runs[n + 1].start if n + 1 < len(runs) else len(masked)
            gendered = _GENDERED.findall(masked, re_, min(nxt, re_ + 160))
            if gendered:
                m_ = f_ = 0
                for g in gendered:
                    if g in _MALE_WORDS:
                        m_ += 1
                    else:
                        f_ += 1
                if m_ and not f_:
                    ent.male += 1
                elif f_ and not m_:
                    ent.female += 1
            # what this mention told of the entity, for a mention that changes entity later
            # (`resolve.rehome_shared_surnames`)
            ent.evidence[gpos] = (ent.male - was[0], ent.female - was[1], ent.person_cues - was[2], ent.other_cues - was[3])
    reg.narration = narration
    add_chains(doc, reg, narration)
    return reg




_SUBJ_FOLLOW = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:,\s[^,;]{1,120},|,)?\s+(?:[a-z]+ly\s+)?[a-z]"
)
_LEAD_ADVERBIAL = lazy(r"^[\s“”\"‘(]*(?:[^,;]{1,60},\s+)?[\s“”\"‘(]*$")


_LEAD_TOKENS = re.compile(r"[^\s“”\"‘(]+")
# six _LEAD_TOKENS from the start (possessive: no backtracking)
_SIX_LEAD_TOKENS = re.compile(r"(?:[\s“”\"‘(]*+[^\s“”\"‘(]++){6}")
_LEAD_WORDS = frozenset("the a an former retired then state party campaign press group band team".split())


# "…, noted NBC’s Dante Chinni": punctuation, a cue verb, at most three words before the name.
# The cue is any lower-case word here and then looked up in _CUE_WORDS (one match per start
# position, so finditer over the lookahead sees them all): the same test as the cue-verb
# alternation, without compiling its ~1,900 characters (~2.3 ms) at every start.
# (The punctuation is matched, not looked ahead at: a character set first lets the engine skip
# other positions in C, and finditer then tries every next position all the same.)
_INVERTED_TAIL = re.compile(r"[,!?](?=[”\"’']?\s+([a-z]+)\s+(?:[A-Z][\w.&\-]*[’']s\s+|[a-z]+\s+){0,3}$)")


def _sentence_adverb(text: str, run: NameRun, appos: re.Match[str], starts: list[int]) -> bool:
    """A lone capitalised word opening its sentence, then a comma and a clause that no second
    comma closes ("Backstage, the rookie said …", "Nevertheless, the incident made waves"): a
    sentence adverb before the subject, not a name with an appositive ("Kim, the singer, said",
    "Kim, 27, said" close theirs)."""
    if " " in run.raw or run.raw != run.text or appos.group().endswith(("who", "whose")):
        return False
    k = bisect.bisect_right(starts, run.start) - 1
    s0 = starts[k] if k >= 0 else 0
    if text[s0 : run.start].strip("“‘\"'([ "):
        return False
    end = starts[k + 1] if k + 1 < len(starts) else len(text)
    return "," not in text[appos.end() : end]


def _inverted_cue(lead: str) -> bool:
    if "," not in lead and "!" not in lead and "?" not in lead:
        return False  # the pattern needs one of them (tried at every position otherwise)
    return any(m.group(1) in _CUE_WORDS for m in _INVERTED_TAIL.finditer(lead))


_ACCORDING_LEAD = re.compile(r"^[\s“”\"‘(]*[Aa]ccording to\s+$")
_INVERTED_END = re.compile(r"(?:,[^.;“”\"]{1,100})?[.;]")
_INVERTED_END_FIRST = frozenset(",.;")


@lru_cache(maxsize=8192)
def _lead_word(w: str) -> bool:
    """A word that may stand between a sentence's opening (or its last comma) and its subject
    name: a role word, an article or the like, a capitalised word, a possessive; cached per
    word (the subject test asks it for the words before every name)."""
    return (
        w.lower() in ROLE_TITLES
        or w.lower() in _LEAD_WORDS
        or (w[0].isupper() and w not in CAP_STOPWORDS)
        or w.endswith(("’s", "'s"))
    )


def _is_subject(text: str, run: NameRun, starts: list[int]) -> bool:
    """The run is the grammatical subject of its sentence: it opens the sentence, possibly
    after an adverbial ending with a comma ("On Wednesday,", "In an interview with X,") and
    role words ("Main vocalist", "Conservative economist", "NORTHSTAR’s"), and is followed
    by a lower-case word (the verb), possibly after an appositive ("Kim, 24, said")."""
    if run.possessive:
        return False
    k = bisect.bisect_right(starts, run.start) - 1
    s0 = starts[k] if k >= 0 else 0
    lead = text[s0 : run.start]
    if "ccording to" in lead and _ACCORDING_LEAD.search(lead):
        return True  # "According to Ham, the administration …": the source of the sentence
    # (the end pattern opens with a comma, a full stop or a semicolon)
    inverted = text[run.end : run.end + 1] in _INVERTED_END_FIRST and _INVERTED_END.match(text, run.end)
    if inverted and _inverted_cue(lead):
        return True  # "…, noted NBC’s Dante Chinni." – the speaker of an inverted attribution
    cut = lead.rfind(", ") + 2 if ", " in lead else 0
    if cut > 122 or ";" in lead[:cut]:
        return False
    # (the place pattern holds two commas; six tokens take at least 11 characters)
    if cut and lead.count(",", 0, cut) > 1 and _OBJECT_AFTER_PLACE.search(lead[:cut]):
        return False  # "… criticized Tulsa, Okla., police officer X": an object after a place
    if len(lead) - cut > 10 and _SIX_LEAD_TOKENS.match(lead, cut):
        return False  # more than five words before the name (not listed)
    if not all(map(_lead_word, _LEAD_TOKENS.findall(lead, cut))):
        return False
    return _SUBJ_FOLLOW.match(text, run.end) is not None

