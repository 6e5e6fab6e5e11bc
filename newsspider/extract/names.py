"""Rule-based spotting of names and entity references in news text.

Small, dependency-free helpers used by the quote extractor:

* `tokens(text)` – word tokens with character offsets;
* `name_runs(text)` – maximal runs of capitalised words that look like a name
  ("Han Seo-rin", "Mr. Obama", "BLACKPINK's Jennie" -> "Jennie", "(G)I-DLE");
* `EntityRegistry` – the people, groups and organisations an article mentions, in
  order, so that a later short reference ("Kwon", "the agency", "she") can be resolved
  to the most recent compatible full name.

Everything here is heuristic and English-oriented (fan-news style: stage names,
Korean names in either order, all-caps group names). No model, no data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["person", "group", "org", "place", "unknown"]

APOS = "'’"
# A word token: optional "(G)" prefix, then word characters with inner hyphens,
# apostrophes, periods and ampersands ("Seo-rin", "O'Neill", "U.S.", "Mr.", "R&B").
_TOKEN_RE = re.compile(r"(?:\([A-Z]\))?[\w][\w\-'’.&*]*")

# Capitalised words that start sentences or clauses and are never (part of) names.
CAP_STOPWORDS = frozenset(
    """
    A An The This That These Those There Here It Its It's It’s I I'm I’m We Our Us You Your
    He His Him She Her They Their Them My Me Mine
    And But Or Nor So Yet For If When While After Before As Since Because Although Though
    Until Unless Once Whether Then Now Still Also Even Just Only Meanwhile However Instead
    In On At By Of To From With Without Into Onto Over Under About Above Below Between Among
    Through During Despite Against Toward Towards Upon Within Across Behind Beyond Near
    According Asked Speaking Speaking Talking Writing Looking Last Next Earlier Later Today
    Tonight Yesterday Tomorrow What Who Whom Whose Which Why How Where Yes No Not Please
    Some Many Most Much More Few Every Each Both All Any Another Other Such One Two Three
    Four Five Six Seven Eight Nine Ten First Second Third Fans Fan Members Member Sources
    Source Officials Official Critics Critic Several Like Unlike Well Ah Thank Thanks
    Let Let's Let’s Do Does Did Is Are Was Were Be Been Has Have Had Will Would Can Could
    Should Shall May Might Must Dear Hello Hi Okay OK Sure Indeed Perhaps Maybe Again
    Judging Despite Elsewhere Overall Together Read Watch See Check Stay Follow Click
    Following Including Regarding Amid Given Per Via Whatever Whenever
    """.split()
)

MONTHS_DAYS = frozenset(
    """
    January February March April May June July August September October November December
    Jan. Feb Feb. Mar. Apr Apr. Jun. Jul. Aug Aug. Sep. Sept Sept. Oct Oct.
    Nov Nov. Dec Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()
)

# Non-name all-caps abbreviations common in (fan) news.
NOT_NAME_ACRONYMS = frozenset(
    """
    KST EST PST GMT UTC AM PM TV MV EP OST CD DVD LP USB SNS DM PR CEO CFO COO CTO VP
    US U.S. UK U.K. EU UN NATO FBI CIA GOP NYPD LA NYC DC D.C. OK ID AI PC HD VR
    ER DJ MC R&B K-POP K-pop J-pop NBA NFL KBS MBC SBS JTBC Mnet
    """.split()
)

# Title/role words that may precede a name inside a capitalised run ("Leader Jung ...",
# "Music columnist Baek ..."): stripped from the start of a run.
ROLE_TITLES = frozenset(
    """
    leader member maknae singer rapper vocalist dancer composer producer songwriter
    singer-songwriter lyricist director critic columnist analyst reviewer reporter journalist
    editor writer author host co-host presenter anchor actor actress star idol trainee
    fan student manager instructor teacher translator coach choreographer designer stylist
    photographer spokesperson spokesman spokeswoman representative rep. official officer
    president vice chairman chairwoman chair ceo executive chief head founder co-founder
    professor dr. mr. mrs. ms. miss mx. sen. senator rep. representative gov. governor
    mayor secretary minister judge justice attorney lawyer general gen. lt. col. capt. sgt.
    sergeant captain admiral commissioner speaker candidate nominee agent detective
    pop music k-pop dance vocal longtime longtime-fan shop office university podcast
    main lead sub former current rookie veteran ballad indie drama radio press white house
    boy girl band group soloist duo trio artist musician guitarist drummer bassist pianist
    mother father sister brother wife husband son daughter aunt uncle
    economist strategist adviser advisor aide consultant expert scientist researcher
    historian pollster lawmaker legislator activist organizer ambassador diplomat
    commentator correspondent anchorwoman anchorman surgeon doctor nurse pastor reverend
    police sheriff deputy prosecutor widow veteran developer businessman businesswoman
    """.split()
)

_INNER_TITLES = frozenset(
    "gov. governor sen. senator rep. representative leader secretary chairman chairwoman "
    "president director minister mayor speaker chief spokesman spokeswoman spokesperson "
    "judge justice general gen. attorney commissioner ambassador ceo host critic "
    "columnist analyst producer composer member vocalist rapper singer maknae widow".split()
)
HONORIFICS = frozenset(
    "mr. mrs. ms. miss mx. dr. prof. sen. rep. gov. gen. lt. col. capt. sgt. st. rev.".split()
)

# Last words that mark an organisation (agency/label/company, or a media outlet).
ORG_SUFFIXES = frozenset(
    """
    Entertainment Ent. Music Records Recordings Label Labels Agency Corporation Corp. Corp
    Company Co. Inc. Inc Ltd. Ltd LLC Group Media Studios Studio Pictures Network Networks
    Broadcasting Association Foundation Institute University College Committee Council
    Ministry Department Agency Commission Office Campaign Party Times Post News Magazine
    Journal Herald Tribune Daily Weekly Press Radio TV Television Channel Billboard
    """.split()
)
# More last words of organisation names (institutions, bodies, companies, outlets).
ORG_SUFFIXES = ORG_SUFFIXES | frozenset(
    """
    Council Court Congress Senate Assembly Parliament Center Centre Bank Fund Society Union
    Nations Energy Service Services Bureau Board Administration Army Navy Force Forces Review
    Caller Coalition Alliance Organization Organisation Federation Authority Commission
    Police Project Trust Holdings Airlines Motors Systems Technologies Labs Partners Reuters
    """.split()
)

# Countries, regions, US states and large cities: names that are places, never speakers
# referred to as "he"/"she" (a short, general list; unknown places fall back to context cues).
PLACES = frozenset(
    """
    America Africa Asia Europe Australia Antarctica Canada Mexico Brazil Argentina Chile Peru
    Colombia Venezuela Cuba Britain England Scotland Wales Ireland France Germany Italy Spain
    Portugal Netherlands Belgium Switzerland Austria Poland Ukraine Russia Sweden Norway
    Denmark Finland Greece Turkey Israel Iran Iraq Syria Lebanon Jordan Egypt Libya Saudi
    Arabia Qatar Yemen Afghanistan Pakistan India China Japan Korea Taiwan Vietnam Thailand
    Indonesia Philippines Malaysia Singapore Myanmar Burma Nigeria Kenya Ethiopia Hungary
    Romania Serbia Crimea Gaza Palestine Mongolia Cambodia Laos Nepal Bangladesh Sri Lanka
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Ohio
    Oklahoma Oregon Pennsylvania Rhode Carolina Dakota Tennessee Texas Utah Vermont Virginia
    Washington Wisconsin Wyoming York Chicago Boston Philadelphia Detroit Cleveland Houston
    Dallas Atlanta Miami Charlotte Seattle Denver Phoenix Baltimore Pittsburgh Tulsa Orlando
    Brooklyn Manhattan Queens Los Angeles Francisco Diego Vegas Orleans London Paris Berlin
    Madrid Rome Moscow Beijing Shanghai Tokyo Osaka Seoul Busan Incheon Pyongyang Hong Kong
    Bangkok Manila Jakarta Sydney Melbourne Toronto Vancouver Brussels Vienna Geneva Dubai
    Tehran Baghdad Kabul Damascus Cairo Jerusalem Delhi Mumbai Istanbul Athens Dublin
    Edinburgh Amsterdam Stockholm Oslo Warsaw Kyiv Kiev Havana Ottawa Lagos Nairobi Aleppo
    Mosul Benghazi Tripoli Bethesda Brussels Silicon Valley Midwest Gangnam Hongdae Jeju
    """.split()
)

# Given names that mark a person's gender (common English-language names); used only as a
# prior for "he"/"she" resolution, never to decide that something is a person.
FEMALE_FIRST = frozenset(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
    Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela
    Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria
    Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn
    Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Anne Teresa Kathryn
    Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly
    Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla
    Hillary Melania Ivanka Michelle Chelsea Nancy Elizabeth Kellyanne Huma Hope Condoleezza
    Sarah Nikki Loretta Dianne Kamala Tammy Kirsten Amy Claire Jeanne Debbie Maxine Marcia
    Oprah Beyonce Taylor Ariana Selena Rihanna Adele Madonna Angelina Jennifer Meryl Suzy
    Melanie Leslie Ivana Marla Aung Theresa Angela Christine Marine Federica Jo Lily Ruby
    """.split()
)
MALE_FIRST = frozenset(
    """
    James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy
    Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse
    Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy
    Vincent Ralph Eugene Russell Bobby Mason Philip Louis Barack Bill Bernie Mike Mitch Ted
    Marco Jeb Chris Newt Rudy Reince Rush Tim Joe Harry Chuck Paul Rand Lindsey Ben Jim Tom
    Bob Dick Ed Al Rick Ron Rob Dan Don Steve Jon Ken Jeff Greg Matt Nick Tony Sam Pat Andy
    Vladimir Xi Kim Recep Benjamin Francois Emmanuel Boris Justin Shinzo Moon Ban Kofi Hassan
    Bashar Ali Muhammad Mohammed Ahmed Omar Kareem Jay Lloyd Lamont Colin Josh
    """.split()
)
# names common for both genders or that double as surnames are not used as evidence
_AMBIGUOUS_FIRST = frozenset(
    "Kelly Taylor Jordan Leslie Kim Moon Lindsey Jo Kerry Hope Grace Rose Terry Pat Sam Chris Jesse Robin".split()
)
FEMALE_FIRST = FEMALE_FIRST - _AMBIGUOUS_FIRST
MALE_FIRST = MALE_FIRST - _AMBIGUOUS_FIRST


def first_name_gender(name: str) -> str | None:
    """'f' / 'm' from the first word of a multi-word person name, else None."""
    words = [w for w in name.split() if w.lower().rstrip(".") + "." not in HONORIFICS]
    if len(words) < 2:
        return None
    first = words[0]
    if first in FEMALE_FIRST:
        return "f"
    if first in MALE_FIRST:
        return "m"
    return None


def is_place(name: str) -> bool:
    """A known country/state/city name ("North Korea", "New York", "Charlotte")."""
    words = name.split()
    if not words or len(words) > 3:
        return False
    if words[0] in ("North", "South", "East", "West", "New", "Northern", "Southern", "United") and len(words) >= 2:
        words = words[1:]
    return all(w in PLACES for w in words) or (len(words) == 1 and words[0] in PLACES)


AGENCY_SUFFIXES = frozenset(
    "Entertainment Ent. Music Records Recordings Label Labels Agency Corporation Corp. "
    "Company Co. Inc. Ltd. Studios Media".split()
)
GROUP_INTRO = re.compile(
    r"\b(?:group|band|boy\s+band|girl\s+group|boy\s+group|duo|trio|quartet|unit|septet|"
    r"quintet|sextet|octet|act)\s*$",
    re.IGNORECASE,
)

PRONOUNS: dict[str, EntityType] = {
    "he": "person",
    "she": "person",
    "i": "person",
    "they": "group",
    "we": "group",
    "it": "org",
}

# Role nouns that a definite description can end with, mapped to the entity type
# they refer to ("the agency" -> org, "the singer" -> person, "the group" -> group).
ROLE_NOUNS: dict[str, EntityType] = {
    **{
        w: "org"
        for w in """agency label company management firm studio broadcaster network
        channel ministry department campaign committee organisation organization office
        administration government team company's agency's label's statement union
        newspaper paper outlet magazine website report study poll""".split()
    },
    **{
        w: "group"
        for w in """group band members duo trio quartet quintet sextet septet octet
        unit boyband girlgroup act account""".split()
    },
    **{
        w: "person"
        for w in """singer rapper vocalist idol star artist member leader maknae soloist
        musician actor actress director producer composer songwriter singer-songwriter
        lyricist choreographer dancer critic columnist host co-host fan spokesperson
        spokesman spokeswoman representative official president senator governor mayor
        candidate nominee businessman businesswoman chairman ceo executive writer author
        performer trainee youngest oldest newcomer rookie veteran""".split()
    },
}

# Written sources and institutions a quote can be attributed to ("a Homeland Security memo
# put it", "the ruling said", "the commission says on its website"). They are kept as the
# raw noun phrase, or mapped to a name inside the phrase / a named institution with that
# head word; they never pick up an unrelated recent organisation.
DOCUMENT_NOUNS = frozenset(
    """memo memorandum letter report study ruling brief complaint article piece clip ad advert
    advertisement commercial filing lawsuit suit order opinion bylaws document documents survey
    analysis editorial story release website email e-mail tweet post transcript indictment
    motion petition resolution decision verdict judgment guidance proposal platform speech
    headline caption narrator announcer book memoir essay op-ed column statement poll
    notice warning summary draft application""".split()
)
INSTITUTION_NOUNS = frozenset(
    """commission court panel board council committee coalition association foundation
    institute center centre bureau party campaign union""".split()
)
_EXTRA_PERSON_ROLES = """lawyer attorney lawmaker legislator aide adviser advisor strategist analyst
expert economist professor researcher scientist doctor physician source friend judge justice
prosecutor officer sheriff chief secretary minister ambassador diplomat activist pastor
chancellor premier congressman congresswoman delegate commissioner superintendent""".split()
_EXTRA_PERSON_ROLES += """mother father sister brother wife husband son daughter aunt uncle grandmother
grandfather mom dad parent teacher coach manager neighbor neighbour colleague witness resident
voter""".split()
# plural descriptions ("their attorneys", "several environmental groups") name no single
# earlier entity: they stay as written
PLURAL_ROLES = frozenset(
    """family relatives parents attorneys lawyers officials sources experts critics residents
    voters groups lawmakers analysts activists protesters observers organizers organisers
    researchers scientists economists advocates supporters opponents insiders police
    prosecutors investigators doctors witnesses authorities""".split()
)
for _w in PLURAL_ROLES:
    ROLE_NOUNS.setdefault(_w, "unknown")
for _w in DOCUMENT_NOUNS | INSTITUTION_NOUNS:
    ROLE_NOUNS.setdefault(_w, "org")
for _w in _EXTRA_PERSON_ROLES:
    ROLE_NOUNS.setdefault(_w, "person")

SPEECH_ORG_WORDS = ("statement", "account")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text` (punctuation other than inner - ' ’ . & is dropped)."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        end = m.end()
        if word[-1] != ".":
            out.append(Token(word, m.start() + offset, end + offset))
            continue
        # a trailing period belongs to the word only for abbreviations/initials
        while word.endswith(".") and not _is_abbrev(word):
            word = word[:-1]
            end -= 1
        if word:
            out.append(Token(word, m.start() + offset, end + offset))
    return out


_ABBREV = frozenset(
    "mr. mrs. ms. dr. prof. sen. rep. gov. gen. lt. col. capt. sgt. st. rev. jr. sr. "
    "co. inc. corp. ltd. ent. no. vs. etc. u.s. u.k. d.c. jan. feb. mar. apr. jun. jul. "
    "aug. sep. sept. oct. nov. dec. a.m. p.m.".split()
)


def _is_abbrev(word: str) -> bool:
    low = word.lower()
    if low in _ABBREV:
        return True
    # initials: "J." or "U.S." style
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+", word))


def strip_possessive(word: str) -> tuple[str, bool]:
    if not word.endswith(("s", "’", "'")):
        return word, False
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            base = word[: -len(suffix)]
            if suffix in ("’", "'") and not base.endswith("s"):
                continue
            return base, True
    return word, False


def is_name_word(word: str) -> bool:
    """A word that can be part of a proper name."""
    if not word:
        return False
    if word.startswith("(") and len(word) > 3:
        return word[1].isupper()
    first = word[0]
    if first.isdigit():
        # group names like "2NE1", "2PM" – need a capital letter inside
        return any(c.isupper() for c in word) and not word[:-1].isdigit()
    if not first.isupper():
        return False
    if word in NOT_NAME_ACRONYMS:
        return False
    return True


@dataclass
class NameRun:
    """A capitalised run that looks like a name; offsets relative to the scanned text."""

    text: str  # the name (role words and possessive owner stripped)
    start: int
    end: int
    raw: str  # the full run as written, e.g. "VELVETEEN leader Oh Da-bin"
    possessive: bool = False  # the run ends with 's ("LUMINA's")
    owner: str | None = None  # "BLACKPINK" in "BLACKPINK's Jennie"


# capital letters include accented Latin ones ("Élodie", "Özil", "Łukasz")
_CAP_TOKEN_RE = re.compile(r"(?<![\w’'\-])(?:\([A-Z]\))?[A-Z0-9À-ÖØ-ÞĀ-Ž][\w\-'’.&*]*")
_CONNECTORS = frozenset(("de", "van", "von", "bin", "da", "del", "der", "le", "al"))


def _cap_tokens(text: str) -> list[Token]:
    out = []
    for m in _CAP_TOKEN_RE.finditer(text):
        word = m.group()
        end = m.end()
        while word.endswith(".") and not _is_abbrev(word):
            word = word[:-1]
            end -= 1
        if len(word) == 2 and word[1] == "." and not re.match(r" [A-Z]", text[end : end + 2]):
            word, end = word[0], end - 1  # "said V." ends a sentence; "J. Smith" is an initial
        if word:
            out.append(Token(word, m.start(), end))
    return out


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return b.start == a.end + 1 and text[a.end] in " \u00a0"


def name_runs(text: str, offset: int = 0) -> list[NameRun]:
    """All name-like capitalised runs in `text` (offsets shifted by `offset`)."""
    toks = _cap_tokens(text)
    runs: list[NameRun] = []
    i = 0
    n = len(toks)
    while i < n:
        word, poss = strip_possessive(toks[i].text)
        if not is_name_word(word) or _is_stop(word, toks, i, text):
            i += 1
            continue
        j = i
        parts = [word]
        end = toks[i].end
        ended_poss = poss
        while not ended_poss and j + 1 < n:
            nxt = toks[j + 1]
            if not _adjacent(text, toks[j], nxt):
                gap = text[toks[j].end : nxt.start]
                if not (gap.strip() in _CONNECTORS and gap.startswith(" ") and gap.endswith(" ") and is_name_word(nxt.text)):
                    break
                parts.append(gap.strip())
            w2, p2 = strip_possessive(nxt.text)
            if not is_name_word(w2) or w2 in CAP_STOPWORDS:
                break
            parts.append(w2)
            j += 1
            end = nxt.end
            ended_poss = p2
        start = toks[i].start
        raw = text[start:end]
        # drop leading role titles ("Leader", "Pop", "Music") when a name follows
        k = 0
        while k < len(parts) - 1 and parts[k].lower() in ROLE_TITLES and parts[k].lower() not in HONORIFICS:
            k += 1
        # "Pennsylvania Gov. Ed Rendell", "Senate Majority Leader Mitch McConnell": the name
        # follows the last title word
        for t in range(len(parts) - 2, k - 1, -1):
            if parts[t].lower() in _INNER_TITLES:
                k = t + 1
                break
        name_parts = parts[k:]
        if name_parts[-1].endswith(_ADJ_SUFFIXES):
            i = j + 1  # "South Florida-based", "Seoul-born": an adjective, not a name
            continue
        if all(p in MONTHS_DAYS for p in name_parts) or (
            len(name_parts) == 1 and name_parts[0].lower() in ROLE_TITLES
        ):
            i = j + 1
            continue
        runs.append(
            NameRun(
                text=" ".join(name_parts),
                start=start + offset,
                end=end + offset - (len(toks[j].text) - len(strip_possessive(toks[j].text)[0])),
                raw=raw,
                possessive=ended_poss,
            )
        )
        i = j + 1
    # "BLACKPINK's Jennie": attach owner to the following run
    for a, b in zip(runs, runs[1:], strict=False):
        if a.possessive and text[a.end - offset : b.start - offset].strip(APOS + "s ") == "":
            b.owner = a.text
    return runs


_ADJ_SUFFIXES = ("-based", "-born", "-led", "-owned", "-backed", "-style", "-era")

_PREP_BEFORE = re.compile(
    r"\b(?:on|in|since|until|till|by|from|last|next|this|every|early|late|mid|of|through|"
    r"before|after)\s+$",
    re.IGNORECASE,
)
_I_CONTRACTION = re.compile(r"I['’](?:m|ve|ll|d)")


_NUMBER_WORDS = frozenset("One Two Three Four Five Six Seven Eight Nine Ten".split())


def _is_stop(word: str, toks: list[Token], i: int, text: str) -> bool:
    if word in _NUMBER_WORDS and _starts_org_name(toks, i, text):
        return False  # "Nine Stones Entertainment"
    if word in CAP_STOPWORDS or _I_CONTRACTION.fullmatch(word):
        return True
    end = toks[i].end
    nxt = toks[i + 1] if i + 1 < len(toks) and _adjacent(text, toks[i], toks[i + 1]) else None
    if word in ("Oh", "Ah") and text[end : end + 1] in (",", "!"):
        return True  # interjection
    if word in MONTHS_DAYS:
        # "Sunday Parade" (a band) vs "on Sunday", "June 3", "Monday Seo said"
        if nxt is None or not is_name_word(nxt.text) or nxt.text in MONTHS_DAYS or nxt.text in CAP_STOPWORDS:
            return True
        return bool(_PREP_BEFORE.search(text[max(0, toks[i].start - 12) : toks[i].start])) or toks[i].start == 0
    if word.endswith("ly") and len(word) > 4 and (nxt is None or not is_name_word(nxt.text)):
        # sentence-initial adverb ("Shortly after ...", "Finally,")
        return True
    return False


def _starts_org_name(toks: list[Token], i: int, text: str) -> bool:
    """The capitalised run starting at toks[i] ends with an organisation suffix."""
    j = i
    while j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]) and toks[j + 1].text[0].isupper():
        j += 1
    return j > i and strip_possessive(toks[j].text)[0] in ORG_SUFFIXES


def strip_honorific(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[0].lower() in HONORIFICS | ROLE_TITLES:
        parts = parts[1:]
    return " ".join(parts)


_KOREAN_NAME = re.compile(r"[A-Z][a-z]{1,4} [A-Z][a-z]+-[a-z]+|[A-Z][a-z]+-[a-z]+ [A-Z][a-z]{1,4}")


def is_korean_name_shape(name: str) -> bool:
    """'Han Seo-rin', 'Seo-rin Han', 'Kim Na-yeon', 'Ryu Jun' style names."""
    return bool(_KOREAN_NAME.fullmatch(name))


def entity_type_of(name: str, left_context: str = "") -> EntityType:
    words = name.split()
    if not words:
        return "unknown"
    if words[-1] in ORG_SUFFIXES:
        return "org"
    if is_place(name):
        return "place"
    if GROUP_INTRO.search(left_context):
        return "group"
    if is_korean_name_shape(name):
        return "person"
    if len(words) == 1 and len(name) >= 3 and name.replace("-", "").isupper():
        return "group"
    if words[0].lower() in HONORIFICS:
        return "person"
    return "unknown"


@dataclass
class Entity:
    name: str
    type: EntityType
    positions: list[int] = field(default_factory=list)  # global offsets of mentions
    speaker: bool = False  # seen as the subject of a speech verb
    person_cues: int = 0  # role words/appositives suggesting a person
    other_cues: int = 0  # "in X", "the X": a place or thing rather than a person
    titles: set[str] = field(default_factory=set)  # role words seen with it ("mayor")
    male: int = 0
    female: int = 0
    subjects: list[int] = field(default_factory=list)  # offsets where it is a sentence subject


class EntityRegistry:
    """Entities of one article, with mention positions in a global character space."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_name: dict[str, Entity] = {}
        self._by_word: dict[str, list[Entity]] = {}  # word -> entities whose name has it

    def _index(self, ent: Entity) -> None:
        for w in set(ent.name.split()):
            bucket = self._by_word.setdefault(w, [])
            if ent not in bucket:
                bucket.append(ent)

    def add(self, name: str, pos: int, etype: EntityType = "unknown") -> Entity:
        name = strip_honorific(name)
        ent = self.lookup(name, pos, allow_partial=True)
        if ent is not None and ent.name != name and (etype in ("org", "place")) != (ent.type in ("org", "place")):
            ent = None  # "Trump Foundation" is not Trump; "Kim" (a person) is not "Kim Entertainment"
        if ent is None:
            ent = Entity(name=name, type=etype)
            self.entities.append(ent)
            self._by_name[name] = ent
            self._index(ent)
        else:
            # a longer form upgrades the stored name ("Kwon" seen first, then "Kwon Tae-ho")
            if len(name.split()) > len(ent.name.split()) and _compatible(name, ent.name):
                del self._by_name[ent.name]
                ent.name = name
                self._by_name[name] = ent
                self._index(ent)
        if ent.type == "unknown" and etype != "unknown":
            ent.type = etype
        ent.positions.append(pos)
        return ent

    def lookup(self, name: str, pos: int | None = None, *, allow_partial: bool = True) -> Entity | None:
        """The entity `name` refers to: exact, else a full name containing it as its first
        or last word (the most recent one before `pos`, else the first after)."""
        name = strip_honorific(name)
        if name in self._by_name:
            return self._by_name[name]
        if not allow_partial:
            return None
        pool: list[Entity] = []
        for w in set(name.split()):
            for e in self._by_word.get(w, ()):
                if e not in pool:
                    pool.append(e)
        cands = [e for e in pool if _compatible(name, e.name) or _compatible(e.name, name)]
        if not cands:
            return None
        return _most_recent(cands, pos)

    def most_recent(self, types: tuple[EntityType, ...], pos: int, *, prefer_speakers: bool = False) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            if ent.type not in types:
                continue
            if prefer_speakers and not ent.speaker:
                continue
            before = [p for p in ent.positions if p < pos]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), ent)
        return best[1] if best else None


def _compatible(short: str, full: str) -> bool:
    """`short` is a shorter reference to `full` ("Kwon" -> "Kwon Tae-ho", "Ortega" ->
    "Melissa Ortega", "Seo-rin" -> "Han Seo-rin")."""
    s = short.split()
    f = full.split()
    if len(s) >= len(f):
        return False
    if len(s) == 1:
        return s[0] == f[0] or s[0] == f[-1] or (len(f) > 2 and s[0] in f)
    return f[: len(s)] == s or f[-len(s) :] == s


def _most_recent(cands: list[Entity], pos: int | None) -> Entity:
    if pos is None:
        return cands[0]
    before = [(max((p for p in e.positions if p < pos), default=-1), e) for e in cands]
    best = max(before, key=lambda t: t[0])
    if best[0] >= 0:
        return best[1]
    return min(cands, key=lambda e: min(e.positions or [1 << 60]))
