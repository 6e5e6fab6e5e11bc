"""Tense of the clause around a date (past, future, present schedule) and sentence boundaries."""

from __future__ import annotations

import re

from newsspider.extract.dates.vocab import Tense
from newsspider.extract.lazyre import lazy

_ABBREV_BEFORE_DOT = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|"
    r"Fri|Sat|Sun|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Nos|Vol|vs|etc|Inc|Co|Corp|Ltd|Gov|Sen|Rep|Gen|Lt|"
    r"Col|Capt|U\.S|U\.K|a\.m|p\.m|A\.M|P\.M|e\.g|i\.e)|\b[A-Z])$"
)


_SENT_END = re.compile(r"([.!?][\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: split after . ! ? followed by a capital, except after an
    abbreviation ("Aug. 7", "6 p.m. KST", "Mr. Kim")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        head = text[start : m.start()]
        # the pattern ends at $ and its words are at most 5 characters: it can only match in
        # the last 7 (the 6th and 7th from the end give its \b and a $ before a final "\n")
        if text[m.start()] == "." and _ABBREV_BEFORE_DOT.search(head[-7:]):
            # "p.m. KST" / "Aug. 7": no boundary; but "... at 6 p.m. The group" is one
            nxt = text[m.end() : m.end() + 12]
            if not re.match(
                r"(?:The|A|An|It|He|She|They|We|In|On|After|Before|This|Fans|[A-Z][a-z]+\s+(?:said|says|described|added|told|wrote))\b",
                nxt,
            ):
                continue
        spans.append((start, m.end(1)))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_WORD = lazy(r"[A-Za-z][A-Za-z’']*")


_PAST_IRREGULAR = frozenset(
    """was were had did said came went began begun made won held told wrote sold hit got gave took
    saw met left led ran sang spent brought bought found became felt kept lost put read set shot
    stood thought threw understood broke chose drove fell flew forgot grew knew rose shook spoke
    stole swore tore wore ago previously earlier already last""".split()
)


_PRESENT_WORDS = frozenset(
    """is are am arrives arrive returns return drops drop releases begins begin starts start opens
    open kicks kick closes close lands land hits comes come premieres debuts debut launches airs
    unveils unveil""".split()
)


_REPORTING = frozenset("says say tells tell reports report writes write".split())


_NOT_PAST_ED = frozenset(
    """need needs red bed seed speed feed weed breed hundred shed wed indeed creed greed proceed
    exceed succeed embed united based limited""".split()
)


_DETERMINERS = frozenset(
    "a an the its their his her our my your this that these those with of".split()
)


_CLAUSE_BREAK = lazy(r";|:\s|\s[–—-]\s|,\s(?:and|but|while|whereas)\s|\sand\s(?:on|in)\s")


_STRONG_PAST = frozenset(
    """released dropped debuted unveiled announced confirmed revealed returned premiered launched
    opened marked celebrated started ended posted shared added performed topped arrived happened
    occurred died killed reported signed joined finished completed attended visited
    appeared introduced teased hosted received recorded closed raised voted rejected approved
    agreed decided declined dropped fell rose jumped climbed""".split()
)


_PREPOSITIONS = frozenset("at on in of for by from to into after before since until".split())


_AUX_BE = frozenset("be been being is are am was were 's ’s".split())


# Present forms of intention or expectation before "to": the infinitive's event lies ahead, even
# when a past reporting verb opens the sentence ("said it expects to close the sale by year-end",
# "said they were less likely to vote for him in November"). Past forms ("hoped to", "had
# expected to") are left alone: an intention seen from the past.
_INTENTION = frozenset(
    """expects expect expecting intends intend intending aims aim aiming hopes hope hoping
    wants want wanting seeks seek seeking likely unlikely""".split()
)


def _classify_word(words: list[str], i: int) -> tuple[Tense, bool] | None:
    """(tense, strong) of words[i] as a verb marker, or None."""
    if words[i] in ("AM", "PM"):
        return None  # "8 AM": a time of day, not the verb
    w = words[i].lower().replace("’", "'")
    prev = words[i - 1].lower().replace("’", "'") if i > 0 else ""
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if w in ("will", "'ll", "shall", "won't", "wo", "would") or w.endswith("'ll"):
        return "future", True
    if (
        w in ("set", "scheduled", "slated", "due", "expected", "planned", "poised")
        and prev in _AUX_BE
    ):
        return "future", True
    if w in ("plans", "plan", "planning", "gearing", "preparing") and nxt in ("to", "for", "up"):
        return "future", True
    if w in ("upcoming", "effective", "starting", "beginning", "until", "till"):
        return "future", True
    if w == "going" and nxt == "to":
        return "future", True
    if w in _INTENTION and nxt == "to" and (not w.endswith("ing") or prev in _AUX_BE):
        return "future", True  # "expects to", "is hoping to"; not the participle "seeking to"
    if w in ("has", "have", "had") and (
        nxt.endswith("ed")
        or nxt in _PAST_IRREGULAR
        or nxt
        in ("come", "been", "gone", "begun", "done", "seen", "shown", "taken", "given", "won")
    ):
        return "past", True
    if prev in _AUX_BE and (w.endswith("ed") or w in _PAST_IRREGULAR):
        return None  # participle: the auxiliary decides
    if w in ("was", "were", "did", "ago"):
        return "past", True
    if w in _PAST_IRREGULAR:
        return "past", w not in (
            "set",
            "put",
            "hit",
            "read",
            "last",
            "earlier",
            "previously",
            "already",
        )
    if w in _REPORTING:
        return None if prev == "to" else ("past", True)  # "to report": an infinitive
    if w in _STRONG_PAST:
        return "past", prev not in _DETERMINERS
    if w in _PRESENT_WORDS and prev not in _DETERMINERS and prev not in _PREPOSITIONS:
        return "present", w in ("is", "are", "am")
    if (
        w == "out"
        and i == len(words) - 1
        and not (prev.endswith("ed") or prev in _PAST_IRREGULAR or prev in _AUX_BE)
    ):
        return "present", False  # "..., out Friday": a release schedule
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED and prev not in _DETERMINERS:
        return "past", False
    return None


def _scan(words: list[str], order: range) -> Tense | None:
    weak: Tense | None = None
    for i in order:
        if (
            words[i].lower() == "to"
            and i + 1 < len(words)
            and words[i + 1].lower()
            in (
                "be",
                "release",
                "drop",
                "return",
                "debut",
                "launch",
                "unveil",
                "hold",
                "perform",
                "make",
                "come",
                "arrive",
            )
        ):
            return "future"
        r = _classify_word(words, i)
        if r:
            t, strong = r
            if strong and weak and words[i].lower() in _INTENTION:
                return weak  # a nearer verb governs the date: "... hoping to win states that voted Tuesday"
            if strong:
                return t
            weak = weak or t
    return weak


# Present-tense verbs of a scheduled event ("“X” comes out January 8", "drops June 3", "hits
# shelves", "is out on", "releases on"): as the verb nearest to the date they announce a
# schedule, which reads forwards (year inference, weekdays, status), unless the clause is
# habitual ("usually drops on Fridays") or plainly about the past ("back in 2019 ...").
_SCHEDULE_VERBS = frozenset(
    """arrives arrive returns return drops drop releases release begins begin starts start opens
    open kicks kick closes close lands land hits hit comes come premieres premiere debuts debut
    launches launch airs unveils unveil holds hold meets meet faces face plays play votes vote
    visits visit travels travel""".split()
)  # the last row: scheduled events of general news ("holds its primary on Tuesday", "meet Monday")


_SCHEDULE_BASE_VERBS = frozenset("arrive begin come kick land unveil".split())  # rarely nouns


_SHELVES = frozenset("shelves stores streaming theaters theatres".split())  # "hits shelves"


_SCHEDULE_STATES = frozenset("out available released".split())  # "is out on", "are available from"


_NOT_FINITE_BEFORE = frozenset(
    """to not never did does do have has had having will would can could may might must should
    shall 'll let new latest upcoming next first another full""".split()
)


_HABITUAL_OR_PAST = lazy(
    r"\b(?:usually|always|often|typically|traditionally|normally|generally|regularly|annually|"
    r"customarily|habitually|whenever|every|each\s+(?:year|month|week|season|time)|"
    r"once\s+a\s+(?:year|month|week)|ago|last\s+year|back\s+(?:in|then)|at\s+the\s+time|"
    r"in\s+those\s+days|previously)\b",
    re.I,
)


def _schedule_verb(words: list[str], i: int) -> bool:
    """words[i] is a finite present-tense verb of a scheduled event ("comes", "drops", "is out")."""
    w = words[i].lower().replace("’", "'")
    prev = words[i - 1].lower().replace("’", "'") if i > 0 else ""
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if w in ("is", "are"):
        return nxt in _SCHEDULE_STATES
    if w not in _SCHEDULE_VERBS:
        return False
    if i > 0 and words[i][:1].isupper():
        return False  # inside the clause a capital marks a name: "told Face the Voters on Sunday"
    if w in ("hits", "hit") and nxt not in _SHELVES:
        return False
    if prev in _DETERMINERS or prev in _PREPOSITIONS or prev in _NOT_FINITE_BEFORE:
        return False  # a noun ("the release"), an infinitive or a form after an auxiliary
    if prev.endswith("n't") or prev in _AUX_BE:
        return False
    if w.endswith("s") or w in _SCHEDULE_BASE_VERBS:
        return True
    # a base form that is also a noun ("the full release", "another launch") needs a subject
    # right before it: a pronoun, a name or a quoted title ("“A” and “B” drop June 3")
    if i == 0:
        return False
    return prev in ("they", "we", "you", "i") or words[i - 1][:1].isupper() or set(prev) == {"x"}


def _nearest_is_schedule(words: list[str], order: range) -> bool:
    """The first tense marker met in `order` is a present-tense schedule verb."""
    for i in order:
        if _schedule_verb(words, i):
            return True
        if words[i].lower() in ("out", "off", "back") and i > 0 and _schedule_verb(words, i - 1):
            return True  # "comes out", "kicks off", "comes back"
        if words[i].lower() == "to" or _classify_word(words, i):
            return False
    return False


def is_habitual_or_past(text: str) -> bool:
    """The clause speaks of a habit or of the past ("usually drops on Fridays", "years ago")."""
    return _HABITUAL_OR_PAST.search(text) is not None


_SHORT_QUOTE = lazy(r"“[^“”]{1,60}”|‘[^‘’]{1,60}’(?!\w)|\"[^\"]{1,60}\"")


def _mask_titles(text: str) -> str:
    if "“" not in text and "‘" not in text and '"' not in text:
        return text
    return _SHORT_QUOTE.sub(lambda m: "“" + "x" * (len(m.group(0)) - 2) + "”", text)


def tense_at(
    text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None
) -> Tense | None:
    """Tense of the clause governing the expression at text[start:end].

    Scans backwards from the expression to the nearest tense marker within its clause (a
    governing verb usually precedes the date: "will release ... on 6/14", "was released on
    May 9", "said Wednesday"); if none is found, scans forwards ("On Feb. 14, she released")."""
    before, e0 = _clause_before(text, start, sentence)
    after = _mask_titles(text[end:e0])
    brk = _CLAUSE_BREAK.search(after)
    if brk:
        after = after[: brk.start()]
    words = _WORD.findall(before)
    back = range(len(words) - 1, -1, -1)
    if _nearest_is_schedule(words, back) and not is_habitual_or_past(before + " " + after):
        return "future"  # "“X” comes out January 8": a schedule
    t = _scan(words, back)
    if t:
        return t
    words = _WORD.findall(after)
    if _nearest_is_schedule(words, range(len(words))) and not is_habitual_or_past(after):
        return "future"  # "On January 8, the band releases ..."
    t = _scan(words, range(len(words)))
    # a present-tense verb after the expression says little ("Friday's sale is ...")
    return None if t == "present" else t


# Words that stop the search for the verb governing a date: the date then belongs to something
# else (an end point "extended to Nov. 20", a deadline "respond by", a modal or subordinate
# clause "what might happen on", a comparison).
_NOT_GOVERNED = frozenset(
    """to by until till through from since after before than as that which who whom whose when
    where while if because whether might may could should can must cannot""".split()
)
_ADJUNCT = frozenset("on in at".split())  # the time of the event: "released on", "came out in"
_GOVERN_SPAN = 8  # words between the verb and the date (its object, "with “X”", ...)


def _clause_before(text: str, start: int, sentence: tuple[int, int] | None) -> tuple[str, int]:
    """(the words of the current clause before text[start], the sentence's end). A quoted title
    is a name, not a clause: its words ("Was It Love", "Porch Light: After") neither mark tense
    nor end the clause."""
    if sentence is None:
        sentence = next(((s, e) for s, e in sentence_spans(text) if s <= start < e), (0, len(text)))
    s0, e0 = sentence
    before = _mask_titles(text[s0:start])
    cut = 0
    for m in _CLAUSE_BREAK.finditer(before):
        cut = m.end()
    return before[cut:], e0


def _governing(words: list[str], order: list[int], bare: bool, forward: bool = False) -> Tense | None:
    for n, i in enumerate(order):
        if n >= _GOVERN_SPAN:
            return None
        w = words[i].lower()
        if w == "to" and i + 1 < len(words) and words[i + 1].lower() in _TO_FUTURE:
            return "future"  # "is set to release “X” on"
        r = _classify_word(words, i)
        if r is not None:
            t, strong = r
            if strong:  # "would": a future seen from the past, not from the base date
                return t if t in ("past", "future") and w != "would" else None
            if bare or forward or t != "present":
                return None  # the nearest verb is unclear ("indicated he would", "set Nov. 10")
            continue  # a base form ("drop" after "will"): the auxiliary decides
        if w in _NOT_GOVERNED or (len(w) > 4 and w.endswith("ing")):
            return None  # a gerund or participle clause: "decided against performing on"
        if bare and not (w.endswith("ed") and i > 0 and words[i - 1].lower() in _AUX_BE):
            return None  # "payable Dec. 7", "of record Nov. 22": the date modifies a word
    return None


_TO_FUTURE = frozenset(
    "be release drop return debut launch unveil hold perform make come arrive".split()
)


def governing_tense(text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None
                    ) -> Tense | None:
    """Past or future when a finite verb marks the date at text[start:end] as the time of its
    event: the date follows the verb, bare ("ended Dec. 18") or after on/in/at ("released “X” on
    Jan. 21", "was released in May", "will release its album on"), or opens the sentence before
    it ("On Jan. 21, the group released"); None when an infinitive, a gerund, a modal, an end
    point ("to", "by", "until") or a subordinate clause comes between, or the verb is unclear.

    A year-less date so governed takes the year that agrees with the verb however far it is
    from the base date (`resolve._infer_year_day`); other dates keep the nearer reading."""
    before, e0 = _clause_before(text, start, sentence)
    opening = _WORD.findall(before)
    words = _WORD.findall(before[before.rfind(",") + 1:])
    if not (len(opening) <= 1 and all(w.lower() in _ADJUNCT for w in opening)):
        if not words:
            return None  # "the deadline, just weeks away, Sept. 14, ...": an apposition
        bare = words[-1].lower() not in _ADJUNCT
        order = list(range(len(words) - 1 - (not bare), -1, -1))
        return _governing(words, order, bare) if order else None
    # "On Jan. 21, the group released ...": the verb after the date that opens the clause
    after = _mask_titles(text[end:e0])
    if not after.lstrip().startswith(","):
        return None
    brk = _CLAUSE_BREAK.search(after)
    words = _WORD.findall(after[: brk.start()] if brk else after)
    return _governing(words, list(range(len(words))), False, forward=True)
