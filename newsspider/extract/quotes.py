"""Direct quotes with speaker attribution.

`extract_quotes(paragraphs, kinds=..., embeds=..., title=...)` finds

* **inline** quotes – words between quote marks attributed in the same sentence
  (“…,” Kim said / Kim said, “…” / “…,” said Kim / “…,” she said, “…” / According to X, “…”),
  including quotes spanning several paragraphs (the opening mark re-opens each paragraph,
  only the last one closes) and partial quotes inside reported speech (said the pattern
  was “mostly an accident.”);
* **block** quotes – a quoted paragraph (a <blockquote>, or a plain paragraph after an
  intro line ending with a colon) followed by an attribution line (“— Name”,
  “- Name, via Instagram”, “— Name to Outlet”), or introduced by “X wrote:”;
* **embed** quotes – the text of embedded posts (tweets, Instagram posts) with the account
  display name as speaker.

Attributions may sit before, after or inside the quote, with long subject phrases
(“…,” Clinton campaign spokesman Brian Fallon said / “…,” Scott Pruitt, the attorney general of
Oklahoma, said). A quote paragraph with no attribution at all takes the subject of the
paragraph before it ("Asked about X, Kim gave the longest answer." / “…”).

Speakers given as pronouns, surnames or roles (“she”, “Kwon”, “the agency”, “the governor”)
are resolved against a registry of the article's names: people vs organisations vs places
(organisation suffixes, a list of countries/states/cities, Korean name shapes, role titles,
appositives), gender (Mr./Ms., given-name lists, gendered role nouns, pronouns after a
mention) and salience: "he"/"she" prefer the most recent compatible sentence subject or
speaker (centering), roles prefer a person seen with that title ("Gov. X" for "the
governor"); "I"/"we" in the narration is the unnamed author (speaker None); "they" right
after two people joined by "and" is "A and B"; written sources and institutions ("a Homeland
Security memo", "the ruling", "the commission") keep the phrase as speaker_raw and map to a
name inside it or a named institution with that head word.

Convention: a quoted span attributed by a reporting cue (said, told, wrote, calls/called it,
described it as, as X put it, according to…) is a quote whatever its length ("said the band
is “nervous and excited.”", "called the plan “a con”"). Scare quotes are the *unattributed*
one-to-three-word spans. Titles of songs/albums/dramas in quotation marks and nicknames
(Marcia “Cia” Price, "nicknamed him “X”", "“X,” a nickname …") are never quotes.

Pure functions over text; no model, no I/O.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsspider.extract.names import (
    AGENCY_SUFFIXES,
    CAP_STOPWORDS,
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    PLURAL_ROLES,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_TITLES,
    EntityRegistry,
    EntityType,
    entity_type_of,
    first_name_gender,
    name_runs,
    strip_honorific,
)

__all__ = ["extract_quotes"]

# ---------------------------------------------------------------------------------------
# vocabulary

CUE_VERBS = (
    "said says say saying added adds adding told tells telling explained explains wrote "
    "writes writing posted posts shared shares tweeted tweets continued continues noted notes "
    "recalled recalls joked jokes laughed laughs admitted admits replied replies answered "
    "answers asked asks insisted insists stressed stresses argued argues claimed claims "
    "declared declares announced announces confirmed confirms revealed reveals remarked "
    "remarks commented comments exclaimed exclaims shouted whispered confessed confesses "
    "described describes stated states warned warns predicted predicts acknowledged "
    "acknowledges conceded concedes agreed agrees suggested suggests observed observes "
    "quipped quips boasted boasts complained complains promised promises vowed vows urged "
    "urges asking reported reports responded responds concluded concludes emphasized emphasizes emphasised "
    "reflected reflects teased teases captioned messaged began begins calling called "
    "call calls found finds pleaded mused muses gushed gushes raved sang sings chanted read reads "
    "recounted recounts summed explained opined offered offers thanked thanks "
    "cautioned cautions maintained maintains added asserted asserts reiterated reiterates "
    "testified testifies charged charges countered counters retorted added elaborated "
    "elaborates interjected recalled arguing insisting noting warning claiming describing "
    "stressing explaining suggesting declaring asserting acknowledging admitting recalling "
    "complaining predicting demanded demands wondered wonders tweeting posting sharing "
    "lamented laments pressed snapped yelled screamed cried sighed bragged alleged alleges "
    "contended contends proclaimed proclaims protested objected assured advised informed"
).split()
_CUE_SET = frozenset(CUE_VERBS)
_CUE_ALT = "|".join(sorted(_CUE_SET, key=len, reverse=True))
_ADVERBS = (
    "also later then once again only simply previously recently reportedly has have had "
    "would will was were is are had once even further quickly proudly happily smiled and "
    "laughingly jokingly excitedly candidly openly famously often always never usually "
    "frequently repeatedly finally immediately quietly bluntly flatly"
).split()
_ADV_ALT = "|".join(_ADVERBS)
_CUE_RE = re.compile(rf"\b(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b(?:\s+(?:out|up|on))?", re.IGNORECASE)

_ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS), key=len, reverse=True))
_DET = r"(?:the|a|an|one|another|several|some|his|her|their|its|our|my|your|[A-Z][\w\-]*[’']s)"
_ROLE_NP_FWD = re.compile(
    rf"(?P<np>(?:{_DET})\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{_ROLE_ALT}))\b", re.IGNORECASE
)
_NOT_PREP = r"(?!(?:of|in|on|at|for|from|with|by|to)\b)"
_ROLE_NP_BACK = re.compile(
    rf"(?P<np>\b(?:{_DET})\s+(?:(?:[A-Z]\.){{2,}}\s+|{_NOT_PREP}[\w’'\-]+\s+){{0,5}}?(?:{_ROLE_ALT}))\s*$",
    re.IGNORECASE,
)
_PAREN_END = re.compile(r"\s*\([^()]{1,30}\)$")
_BARE_PLURAL_BACK = re.compile(r"(?:^|[.;:!?,]\s+|\b(?:and|but|while|as)\s+)(?P<np>[A-Za-z]+)$")
_PRON_FWD = re.compile(r"(?P<p>he|she|they|we|I|it)\b", re.IGNORECASE)
_PRON_BACK = re.compile(r"\b(?P<p>he|she|they|we|I)\s*$", re.IGNORECASE)

MEDIA_WORDS = (
    "single singles album albums track tracks song songs mv m/v video drama dramas ost osts "
    "ep eps film films movie movies series show shows program programme tour concert concerts "
    "meeting fanmeeting fan-meeting titled title called named dubbed hit hits ballad anthem "
    "webtoon novel book sitcom episode segment hashtag slogan project version remix mixtape "
    "edition repackage soundtrack musical play variety brand app game lyrics lyric chorus "
    "verse line phrase word words performance stage showcase festival event campaign "
    "release releases debut comeback era concept teaser teasers exhibition collection "
    "podcast column newsletter channel broadcast documentary special collaboration "
    "b-side b-sides intro outro interlude record records mini full-length"
).split()
_MEDIA_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in MEDIA_WORDS) + r")\s*[,:]?\s*(?:of|for)?\s*$",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but nor with from by as is it my me your our we you "
    "i vs vs. feat. ft. x & de la le".split()
)
_OPENERS = "“„«"
_CLOSERS = "”»"
_QUOTE_CHARS = "“”„«»\""
_SENT_END = re.compile(r"[.!?…]['’”\")]*\s+(?=['‘“\"(]?[A-Z0-9])")
_ABBREV_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Rev|Jr|Sr|No|vs|Del|Atty|Adm|Maj|Amb|Hon|Fr|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Co|Inc|Corp|Ltd|Ent|U\.S|U\.K|D\.C)|\b[A-Z])\.$"
)
_ATTRIB_LINE = re.compile(r"^\s*(?:[—–―]|-{1,2}|~)\s*(?P<who>\S.{0,150})$")
_TERMINAL = ".!?…"

# ---------------------------------------------------------------------------------------
# spans


@dataclass
class Span:
    para: int
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or paragraph end)
    open_pos: int  # index of the opening mark
    close_pos: int | None  # index of the closing mark, None when unterminated


@dataclass
class Candidate:
    parts: list[Span]
    text: str
    kind: str = "inline"
    speaker_raw: str | None = None
    speaker_kind: str | None = None  # name | pron | role | account
    speaker: str | None = None
    cue: str | None = None
    strong: bool = False
    pos: int = 0  # global offset of the first opening mark
    attr_pos: int = 0  # global offset of the attribution words
    inherit: bool = False
    extra: dict = field(default_factory=dict)


def _find_spans(text: str, para: int) -> list[Span]:
    """Double-quoted spans of one paragraph (curly, straight, „…“, «…», and the mixed or
    wrong-way marks found in real pages: “…", "…”, ”…” at a paragraph start)."""
    spans: list[Span] = []
    opener: str | None = None
    open_pos = -1
    n = len(text)
    for i, c in enumerate(text):
        if c not in '“”„«»"':
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if opener is None:
            if c in "“„«":
                opener, open_pos = c, i
            elif c in '"”' and (prev.isspace() or prev in "([{—–―-/:") and not nxt.isspace():
                opener, open_pos = c, i  # straight mark, or ” used as an opening mark
            continue
        # a quote is open
        if opener == "„" and c == "“":
            spans.append(Span(para, open_pos + 1, i, open_pos, i))
            opener = None
        elif c in '”»"' or (c == "“" and not prev.isspace() and nxt in " ,.;:!?)—–"):
            if c == '"' and prev.isspace() and not nxt.isspace() and opener != '"':
                # “… "nested straight" …” – treat as nested, keep going
                continue
            spans.append(Span(para, open_pos + 1, i, open_pos, i))
            opener = None
        elif c in "“„«":
            # an opening mark while open: the previous quote was never closed
            spans.append(Span(para, open_pos + 1, i, open_pos, None))
            opener, open_pos = c, i
    if opener is not None:
        spans.append(Span(para, open_pos + 1, n, open_pos, None))
    if not spans and "‘" in text:
        spans = _find_single_spans(text, para)
    return spans


def _find_single_spans(text: str, para: int) -> list[Span]:
    """‘…’ used as the primary quote mark (no double quotes in the paragraph)."""
    spans = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–]))‘(?P<body>[^‘]+?)’(?![\w])", text):
        spans.append(Span(para, m.start() + 1, m.end() - 1, m.start(), m.end() - 1))
    return spans


def _clean_text(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = s.strip(" " + _QUOTE_CHARS)
    if s.endswith(","):
        s = s[:-1].rstrip()
    return s


def _word_count(s: str) -> int:
    return len(re.findall(r"[\w][\w’'\-]*", s))


def _title_like(s: str) -> bool:
    s = s.strip().rstrip(",")
    if _word_count(s) <= 5 and s.endswith(".") and not s.endswith(".."):
        s = s[:-1]  # “Ferry to Jeju.” – American punctuation puts the full stop inside
    if s.endswith(".") or _word_count(s) > 12:
        return False
    words = re.findall(r"[^\s]+", s)
    content = [w for w in words if w.lower().strip(",:;!?()") not in _SMALL_WORDS]
    if not content:
        return False
    for w in content:
        w = w.lstrip("(‘'#")
        if not w:
            continue
        if not (w[0].isupper() or w[0].isdigit() or not w[0].isalpha()):
            return False
    return True


def _sentence_start(text: str, pos: int, floor: int = 0) -> int:
    """Start index of the sentence containing `pos` (not before `floor`)."""
    start = floor
    # look a little past `pos` so that the boundary right before a quote (`Kim. “Then`) counts
    for m in _SENT_END.finditer(text, floor, min(len(text), pos + 3)):
        before = text[: m.start() + 1]
        if _ABBREV_END.search(before.rstrip("'’”\")")):
            continue
        if m.end() <= pos:
            start = m.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    for m in _SENT_END.finditer(text, pos):
        before = text[: m.start() + 1]
        if _ABBREV_END.search(before.rstrip("'’”\")")):
            continue
        return m.start() + 1
    return len(text)


# ---------------------------------------------------------------------------------------
# subject parsing


@dataclass
class Subject:
    raw: str
    kind: str  # name | pron | role
    start: int
    end: int
    name: str | None = None  # for kind == name: the name (role words stripped)


def _subject_forward(text: str, pos: int) -> Subject | None:
    """Subject phrase starting at `pos` (after skipping spaces)."""
    m = _WS.match(text, pos)
    p = m.end() if m else pos
    rest = text[p:]
    m = _PRON_FWD.match(rest)
    if m and (len(rest) == m.end() or not rest[m.end()].isalnum()):
        return Subject(m.group("p"), "pron", p, p + m.end())
    m = _ROLE_NP_FWD.match(rest)
    if m:
        np = m.group("np")
        # "the group’s leader Kim Na-yeon": prefer a following name
        after = rest[m.end() :]
        runs = name_runs(after[:60])
        if runs and runs[0].start <= 1 and not runs[0].possessive:
            r = runs[0]
            return Subject(r.text, "name", p + m.end() + r.start, p + m.end() + r.end, name=r.text)
        return Subject(np, "role", p, p + m.end())
    if not rest:
        return None
    if not (rest[0].isupper() or rest[0] == "(") and not re.match(r"(?:the|[a-z0-9/\-]+\s+[a-z]+\s+)", rest):
        return None
    runs = name_runs(rest[:90])
    if runs and runs[0].start != 0:
        lead = rest[: runs[0].start].split()
        # "the Rev. Peter Wherry", "9/11 widow Terry Strada", "retired Air Force general X"
        if not (
            lead
            and len(lead) <= 3
            and (lead[0].lower() == "the" or lead[-1].lower() in ROLE_TITLES)
            and all(not w[0].isupper() for w in lead)
            and not any(c in rest[: runs[0].start] for c in ",.;:“”\"")
        ):
            return None
    if not runs:
        return None
    # walk over "VELVETEEN leader Oh Da-bin" / "BLACKPINK's Jennie": later runs joined by
    # lowercase role words or a possessive
    chosen = runs[0]
    for nxt in runs[1:]:
        gap = rest[chosen.end : nxt.start]
        words = gap.strip(" ’'s").split()
        if chosen.possessive or (words and all(w.lower() in ROLE_TITLES for w in words)):
            chosen = nxt
        else:
            break
    if chosen.possessive:
        return None
    return Subject(chosen.text, "name", p + chosen.start, p + chosen.end, name=chosen.text)


def _subject_backward(text: str, end: int, floor: int = 0, depth: int = 0) -> Subject | None:
    """Subject phrase ending at `end` (the text right before a speech verb)."""
    seg = text[floor:end]
    stripped = seg.rstrip()
    m = _PAREN_END.search(stripped)
    if m and m.start() > 0:
        stripped = stripped[: m.start()]  # "Jason Chaffetz (R-Utah) said"
    if not stripped:
        return None
    base = max(0, len(stripped) - 12)
    m = _PRON_BACK.search(stripped, base)
    if m:
        return Subject(m.group("p"), "pron", floor + m.start("p"), floor + m.end("p"))
    if stripped[-1].isalnum() or stripped[-1] in ".’')":
        cut = max(0, len(stripped) - 80)
        cut = stripped.find(" ", cut) + 1 if cut else 0
        runs = name_runs(stripped[cut:], cut)
        if runs and runs[-1].end == len(stripped) and not runs[-1].possessive:
            r = runs[-1]
            # "Gov. Earl Ray Tomblin of West Virginia", "Mr. Morgan of the Sierra Club"
            if len(runs) >= 2 and not runs[-2].possessive and re.fullmatch(
                r"\s+(?:of|from|at)\s+(?:the\s+)?", stripped[runs[-2].end : r.start]
            ):
                r = runs[-2]
            return Subject(r.text, "name", floor + r.start, floor + r.end, name=r.text)
    m = _ROLE_NP_BACK.search(stripped, max(0, len(stripped) - 70))
    if m:
        return Subject(m.group("np"), "role", floor + m.start("np"), floor + m.end("np"))
    m = _BARE_PLURAL_BACK.search(stripped)
    if m and m.group("np").lower() in PLURAL_ROLES:
        # "Police say …", "Prosecutors argued …": a bare plural opening the clause
        return Subject(m.group("np"), "role", floor + m.start("np"), floor + m.end("np"))
    if stripped.endswith(",") and depth < 2:
        inner_end = len(stripped) - 1
        prev_comma = stripped.rfind(",", 0, inner_end)
        seg_start = prev_comma + 1 if prev_comma >= 0 else 0
        inner = stripped[seg_start:inner_end]
        inner_runs = name_runs(inner)
        if (
            prev_comma >= 0
            and inner_runs
            and inner_runs[0].start == len(inner) - len(inner.lstrip())
            and inner_runs[-1].end == len(inner.rstrip())
            and len(inner_runs) == 1
        ):
            r = inner_runs[0]
            return Subject(r.text, "name", floor + seg_start + r.start, floor + seg_start + r.end, name=r.text)
        if prev_comma >= 0 and _word_count(inner) <= 14:
            return _subject_backward(text, floor + prev_comma, floor, depth + 1)
    return None


def _attribution_after(text: str, pos: int) -> tuple[Subject, str, int] | None:
    """`” Kwon said` / `,” said Park` / `,” the singer told` right after a closing mark."""
    m = _AFTER_LEAD.match(text, pos)
    p = m.end() if m else pos
    if m and m.group("dash"):
        # “…” ― Name  /  “…” — Name, a fan in Seoul
        subj = _subject_forward(text, p)
        if subj is not None and subj.kind == "name" and re.match(r"\s*(?:[,.;(]|$)", text[subj.end :]):
            return subj, "—", subj.start
    # “…,” as a Homeland Security memo put it
    m = _AS_PUT_IT.match(text, p)
    if m:
        subj = _subject_forward(text, m.end())
        if subj is not None:
            mm = _PUT_IT_AT.match(text, subj.end)
            if mm:
                return subj, mm.group("cue"), subj.start
    # inverted: said Name
    m = _CUE_AT.match(text, p)
    if m and m.group("cue").lower() not in ("call", "called", "calling", "read", "reads"):
        subj = _subject_forward(text, m.end())
        if subj is not None:
            return subj, m.group("cue"), m.start()
    subj = _subject_forward(text, p)
    if subj is None:
        return _attribution_after_long(text, p)
    q = subj.end
    m = _PAREN.match(text, q)  # "Rep. Gwen Moore (D-Wis.)"
    if m:
        q = m.end()
    m = _PP_AFTER_NAME.match(text, q)  # "Mr. Morgan of the Sierra Club"
    if m:
        q = m.end()
    elif subj.kind == "role":
        m = _PP_AFTER_ROLE.match(text, q)  # "a narrator in the Clinton ad asks"
        if m and _WS_CUE_AT.match(text, m.end()):
            q = m.end()
    m = _APPOSITIVE.match(text, q)
    if m:
        q = m.end()
    m = _WS_CUE_AT.match(text, q)
    if m and m.group("cue").lower() not in ("call", "called", "calling"):
        return subj, m.group("cue"), subj.start
    return _attribution_after_long(text, p)


_FINITE_CUES = frozenset(
    w
    for w in CUE_VERBS
    if (w.endswith("ed") and w != "called") or w in ("said", "says", "told", "tells", "wrote", "writes", "sang")
)
_NOT_SUBJECT_WORDS = frozenset(
    "is are was were be been being has have had will would can could should may might must "
    "to that which who whom whose when where while because if as than and but or not it this "
    "these those there here".split()
)
_NICKNAME = re.compile(r"\s[\"“][A-Z][\w.]*(?:\s[A-Z][\w.]*)?[\"”](?=\s)")


def _attribution_after_long(text: str, p: int) -> tuple[Subject, str, int] | None:
    """`,” Clinton campaign spokesman Brian Fallon said` / `,” Scott Pruitt, the attorney
    general of Oklahoma, one of the states suing, said` / `!” Scott's niece, state Del.
    Marcia “Cia” Price (D-Va.), shouted`: a longer subject phrase between the closing mark
    and a finite speech verb in the same sentence; the speaker is the name that heads it."""
    window = _NICKNAME.sub(lambda m: " " * len(m.group()), text[p : p + 260])
    limit = p + len(window)
    for st in re.finditer(r"[“”\"]|[.!?;:](?=\s+[A-Z“\"])", window):
        if st.group() == "." and _ABBREV_END.search(window[: st.start() + 1]):
            continue
        limit = p + st.start()
        break
    for m in _WORD.finditer(text, p, limit):
        if m.group().lower() not in _FINITE_CUES:
            continue
        phrase = text[p : m.start()]
        if _word_count(phrase) > 30 or not phrase.strip():
            return None
        clean = _NICKNAME.sub(lambda mm: " " * len(mm.group()), phrase)
        clean = re.sub(r"\s*\([^()]{1,30}\)", lambda mm: " " * len(mm.group()), clean)
        segments = [(mm.start(), mm.group()) for mm in re.finditer(r"[^,]+", clean)]
        if not segments:
            return None
        head_off, head = segments[0]
        head_words = re.findall(r"[\w’'\-.]+", head)
        if not head_words or len(head_words) > 8 or any(w.lower() in _NOT_SUBJECT_WORDS for w in head_words):
            return None
        if not (head_words[0][0].isupper() or head_words[0].lower() in ROLE_TITLES or head_words[0].islower()):
            return None
        for off, seg in segments[:2]:
            runs = [r for r in name_runs(re.sub(r"\s+", " ", seg) if False else seg) if not r.possessive]
            if runs and runs[-1].end >= len(seg.rstrip()) - 1:
                r = runs[-1]
                return Subject(r.text, "name", p + off + r.start, p + off + r.end, name=r.text), m.group(), p + off + r.start
            if off == head_off and not re.search(r"[’']s\s+\w+\s*$", seg):
                break  # the head is not a name and not "X's niece": no speaker here
        return None
    return None


_PAREN = re.compile(r"\s*\([^()]{1,30}\)")
_AS_PUT_IT = re.compile(r"as\s+(?=\S)")
_PUT_IT_AT = re.compile(rf"\s+(?:(?:{_ADV_ALT})\s+)*(?P<cue>put it|{_CUE_ALT})\b", re.IGNORECASE)
_PP_AFTER_NAME = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w.&’'\-]*\s?){1,5}(?=\s)")
_PP_AFTER_ROLE = re.compile(r"\s+(?:in|of|from|at|on|for|with)\s+(?:[\w’'\-]+\s+){0,3}[\w’'\-]+(?=\s)")
_BEFORE_RE = re.compile(
    rf"(?P<cue>{_CUE_ALT})\b(?P<tail>[^“”\"]{{0,70}}?)[,:]\s*$", re.IGNORECASE
)
_WS = re.compile(r"\s*")
_AFTER_LEAD = re.compile(r"[\s,]*(?P<dash>[—–―]\s*)?")
_CUE_AT = re.compile(rf"(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b", re.IGNORECASE)
_WS_CUE_AT = re.compile(rf"\s+(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b", re.IGNORECASE)
_TAIL_CUE = re.compile(rf"\s+(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b[^,;]*$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",[^,“”\"!?]{1,100},")
_WORD = re.compile(r"[A-Za-z]+")
_ADV_SET = frozenset(_ADVERBS)


_MID_SENTENCE = re.compile(r"[\w,;]\s+$")
_NOUN_POSITION = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|of|these|those|some|many|\d+)|[’']s)\s+(?:[A-Z][a-z]+\s+)?$"
)


def _cue_hits(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, word) of speech verbs in text[start:end]. A capitalised word inside a
    sentence ("the United States") and an -s form right after a determiner, a number or an
    adjective-like capitalised word ("of Republican claims", "the remarks") are nouns."""
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        if w.lower() not in _CUE_SET:
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if w[0].isupper() and _MID_SENTENCE.search(before):
            continue
        if w.endswith("s") and _NOUN_POSITION.search(before):
            continue
        out.append((m.start(), w))
    return out


def _strip_trailing_adverbs(pre: str) -> str:
    while True:
        stripped = pre.rstrip()
        k = stripped.rfind(" ") + 1
        last = stripped[k:]
        if last and last.lower() in _ADV_SET and k > 0:
            pre = stripped[:k]
        else:
            return pre
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,“”\"]{2,80}?),?\s*$")


def _attribution_before(text: str, head_start: int, open_pos: int) -> tuple[Subject, str, int] | None:
    """`Kim said, “` / `He said: “` / `According to X, “` right before an opening mark."""
    head = text[head_start:open_pos]
    m = _ACCORDING_RE.search(head, max(0, len(head) - 100))
    if m:
        who_start = head_start + m.start("who")
        return _according_subject(text, who_start, m.group("who")), "according to", who_start
    for hit_pos, _w in reversed(_cue_hits(text, head_start, open_pos)):
        m = _BEFORE_RE.match(head, hit_pos - head_start)
        if m is None:
            continue
        cue = m.group("cue")
        if cue.lower() in ("call", "called", "calling", "read", "reads") and m.group("tail").strip():
            continue
        cue_start = head_start + m.start("cue")
        # skip auxiliaries/adverbs right before the verb
        pre = text[head_start:cue_start]
        pre = _strip_trailing_adverbs(pre)
        if cue.lower().endswith("ing") and pre.rstrip().endswith(","):
            # "…, tweeting, “…”": a participle takes the subject of the main clause
            # ("footage of Clinton asking, “…”" keeps the name right before it)
            subj = _sentence_subject(text, head_start, cue_start)
            if subj is not None:
                return subj, cue, subj.start
        subj = _subject_backward(text, head_start + len(pre), head_start)
        if subj is None:
            # "Trump said Friday, adding, “…”" / "…, saying, “…”": the clause's subject
            subj = _sentence_subject(text, head_start, cue_start)
        if subj is not None:
            return subj, cue, subj.start
        break
    # "X shared/wrote the following:" handled above; bare "X:" (interview style)
    return None


def _according_subject(text: str, who_start: int, who: str) -> Subject:
    """The X of "according to X": a subject phrase, else a name closing the phrase
    ("conservative talk radio host Rush Limbaugh"), else the phrase as written."""
    subj = _subject_forward(text, who_start)
    if subj is not None:
        return subj
    who = who.rstrip()
    runs = [r for r in name_runs(who) if not r.possessive]
    if runs and runs[-1].end == len(who):
        r = runs[-1]
        return Subject(r.text, "name", who_start + r.start, who_start + r.end, name=r.text)
    return Subject(who.strip(), "role", who_start, who_start + len(who))


def _sentence_subject(text: str, start: int, end: int) -> Subject | None:
    """The first subject-like phrase of a sentence (skipping a leading adverbial clause)
    that is followed by a lower-case word (its verb)."""
    starts = [start] + [start + m.end() for m in re.finditer(r",\s+|[,!?]?[”\"]\s+", text[start:end])]
    for s0 in starts:
        subj = _subject_forward(text, s0)
        if subj is not None and subj.end <= end and re.match(
            r"(?:\s*\([^()]{1,30}\))?(?:,[^,]{1,80},)?\s+[a-z]", text[subj.end : end + 1]
        ):
            return subj
    return None


def _attribution_tail(text: str, close_pos: int) -> tuple[Subject, str, int] | None:
    """`A cashier who “steals a handful” is held accountable, Warren said.`"""
    send = _sentence_end(text, close_pos)
    tail = text[close_pos + 1 : send]
    if any(q in tail for q in "“”\""):
        return None
    for m in reversed(list(re.finditer(r",\s+", tail))):
        p = close_pos + 1 + m.end()
        subj = _subject_forward(text, p)
        if subj is None:
            continue
        mm = _TAIL_CUE.match(text[: close_pos + 1 + len(tail.rstrip(" .!?"))], subj.end)
        if mm and mm.group("cue").lower() not in ("call", "called", "calling", "read", "reads"):
            return subj, mm.group("cue"), subj.start
        break
    return None


# verbs that take someone's words as their object without reporting them as speech:
# "Trump attacked “the hateful ideology …”", "Christie dismissed it as a “disgrace”"
STANCE_VERBS = frozenset(
    "attacked dismissed denounced slammed blasted lauded praised accused criticized criticised "
    "labeled labelled branded touted pledged mocked decried condemned hailed defended "
    "rejected blamed characterized characterised deemed likened derided lambasted assailed "
    "ridiculed welcomed questioned disputed scoffed vowed promised rated".split()
)
_STANCE_RE = re.compile(r"\b(?:" + "|".join(sorted(STANCE_VERBS)) + r")\b")
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)$")
_LY_ADVERB = re.compile(r"(?:\s+(?:[a-z]+ly|has|have|had|also|again|once|repeatedly))+\s*$")


def _attribution_stance(
    text: str, head_start: int, open_pos: int, short: bool
) -> tuple[Subject, str, int] | None:
    """No reporting verb: the subject of a stance verb whose object holds the quote. A short
    (1-3 word) quote needs the subject right before the verb ("Christie slammed it as a
    “disgrace”"), not a sentence subject further away ("a change fans praised as “…”")."""
    hits = list(_STANCE_RE.finditer(text, head_start, open_pos))
    if not hits:
        return None
    hit = hits[-1]
    for stop in re.finditer(r"[.;:!?]", text[hit.end() : open_pos]):
        at = hit.end() + stop.end()
        if stop.group() != "." or not _ABBREV_END.search(text[:at]):
            return None
    pre = text[head_start : hit.start()]
    m = _LY_ADVERB.search(pre)
    end = head_start + (m.start() if m else len(pre.rstrip()))
    if _PASSIVE_AUX.search(text, head_start, end):
        return None  # passive: "was widely ridiculed for …"
    subj = _subject_backward(text, end, head_start)
    if subj is None and not short:
        subj = _sentence_subject(text, head_start, hit.start())
    if subj is None:
        return None
    return subj, hit.group(), subj.start


_SUBORDINATE = re.compile(
    r"\b(?:after|before|because|when|while|since|although|though|until|once)\s+"
    r"(?P<who>he|she|they|(?:[A-Z][\w’'\-.]*\s+){0,2}[A-Z][\w’'\-]*)\s+(?:also\s+|had\s+|has\s+)?"
    r"(?P<verb>[a-z]+(?:ed|s))\b"
)
_ACCORDING_LEAD_RE = re.compile(r"^\W*[Aa]ccording to\s+(?P<who>[^,“”\"]{2,80}?),\s")


def _attribution_embedded(text: str, head_start: int, open_pos: int) -> tuple[Subject, str, int] | None:
    """Partial quote inside reported speech: `Baek wrote that the song shows an artist who “`,
    `According to X, the move reeks of “…”`."""
    m = _ACCORDING_LEAD_RE.match(text, head_start, open_pos)
    if m:
        return _according_subject(text, m.start("who"), m.group("who")), "according to", m.start("who")
    # the verb nearest the quote governs it ("When a fan asked, Seo said it was “…”")
    for cue_start, cue in reversed(_cue_hits(text, head_start, open_pos)):
        low = cue.lower()
        if low in ("read", "reads"):
            continue
        sub = next(reversed(list(_SUBORDINATE.finditer(text, cue_start + len(cue), open_pos))), None)
        if sub is not None:
            # "X described her as a “disgrace” after she attacked … and blamed … on “…”":
            # the quote sits in a later clause with its own subject
            subj = _subject_forward(text, sub.start("who"))
            if subj is not None:
                return subj, sub.group("verb"), subj.start
            return None
        raw_pre = text[head_start:cue_start]
        if re.search(r"[a-z]\s+(?:[A-Z][\w.’'\-]*\s+){1,3}and\s+$", raw_pre):
            # "X bemoaned the unrest in Charlotte and said": the second verb belongs to the
            # sentence subject, not to the name before "and"
            subj = _sentence_subject(text, head_start, cue_start)
            if subj is not None:
                return subj, cue, subj.start
        pre = _strip_trailing_adverbs(raw_pre)
        if low in ("call", "calls"):
            # finite "call(s)" needs its own subject right before it ("Ko calls “…”",
            # "which the members call their “…”"); an infinitive/imperative does not count
            subj = _subject_backward(text, head_start + len(pre), head_start)
            if subj is not None and not re.search(r"\bto\s*$", pre):
                return subj, cue, subj.start
            continue
        cue_start = head_start + len(pre)
        if low == "called" or low.endswith("ing"):
            # "she called X “…”" is finite; otherwise a participle ("…, adding that …",
            # "arguing that …"): the subject is the subject of the main clause
            if low == "called":
                subj = _subject_backward(text, cue_start, head_start)
                if subj is not None and subj.kind == "pron":
                    return subj, cue, subj.start
            subj = _sentence_subject(text, head_start, cue_start)
            if subj is not None:
                return subj, cue, subj.start
            continue
        subj = _subject_backward(text, cue_start, head_start)
        if subj is None:
            pre = text[head_start:cue_start]
            # "X only smiled and said": allow up to three words between subject and verb
            mm = re.search(r"((?:\s+[a-z]+){1,3})\s*$", pre)
            if mm:
                subj = _subject_backward(text, head_start + mm.start(), head_start)
        if subj is not None:
            return subj, cue, subj.start
    return None


# ---------------------------------------------------------------------------------------
# main


class _Doc:
    def __init__(self, paragraphs: Sequence[str], kinds: Sequence[str] | None, title: str | None) -> None:
        self.paras = [p or "" for p in paragraphs]
        self.kinds = list(kinds) if kinds is not None and len(kinds) == len(self.paras) else ["p"] * len(self.paras)
        self.title = title
        self.offsets: list[int] = []
        self._starts: dict[int, list[int]] = {}
        off = 0
        for p in self.paras:
            self.offsets.append(off)
            off += len(p) + 2

    def g(self, para: int, pos: int) -> int:
        return self.offsets[para] + pos

    def prev_sentence_start(self, pos: int) -> int:
        """Global start of the sentence before the one containing global offset `pos`."""
        i = max(0, bisect.bisect_right(self.offsets, pos) - 1)
        starts = self._starts.get(i)
        if starts is None:
            starts = self._starts[i] = _sentence_starts(self.paras[i])
        k = bisect.bisect_right(starts, pos - self.offsets[i]) - 1
        if k >= 1:
            return self.offsets[i] + starts[k - 1]
        if i == 0:
            return 0
        prev = self._starts.get(i - 1)
        if prev is None:
            prev = self._starts[i - 1] = _sentence_starts(self.paras[i - 1])
        return self.offsets[i - 1] + prev[-1]

    def text_at(self, start: int, end: int) -> str | None:
        """Text between two global offsets when both are in the same paragraph."""
        i = bisect.bisect_right(self.offsets, start) - 1
        if i < 0 or end > self.offsets[i] + len(self.paras[i]):
            return None
        return self.paras[i][start - self.offsets[i] : end - self.offsets[i]]


def extract_quotes(
    paragraphs: Sequence[str],
    *,
    kinds: Sequence[str] | None = None,
    embeds: Iterable[dict] = (),
    title: str | None = None,
) -> list[dict]:
    """Direct quotes of an article body, in document order.

    Each quote is ``{text, speaker, speaker_raw, cue, kind, paragraph}``: the quoted words
    without quote marks (a quote spanning paragraphs joined with single spaces), the
    resolved speaker name (full name, organisation or account display name; None when
    unknown), the words naming the speaker in the text, the reporting verb ("—" for an
    attribution line), kind "block" | "inline" | "embed", and the index of the paragraph
    where the quote starts (None for an embed not placed among the paragraphs).
    """
    doc = _Doc(paragraphs, kinds, title)
    embeds = list(embeds or ())
    spans_by_para: dict[int, list[Span]] = {}
    skip_inline: set[int] = set()
    for i, (p, k) in enumerate(zip(doc.paras, doc.kinds, strict=True)):
        if k in ("pre", "embed"):
            skip_inline.add(i)
            continue
        spans_by_para[i] = _find_spans(p, i)

    block_cands, block_paras, attrib_lines = _block_candidates(doc, spans_by_para)
    skip_inline |= block_paras | attrib_lines
    embed_cands = _embed_candidates(doc, embeds)
    inline_cands = _inline_candidates(doc, spans_by_para, skip_inline)

    cands = sorted(block_cands + embed_cands + inline_cands, key=lambda c: c.pos)
    if not cands:
        return []
    registry = _build_registry(doc, spans_by_para, block_paras | {c.parts[0].para for c in embed_cands if c.parts})
    _resolve(doc, cands, registry)

    out: list[dict] = []
    seen: set[str] = set()
    for c in cands:
        key = re.sub(r"\W+", " ", c.text).strip().lower()
        if not key:
            continue
        # a pull quote or an embed repeating a quote already extracted is dropped; the same
        # words quoted twice inline (a live blog repeating a tweet) are kept
        if c.kind != "inline" and (key in seen or any(key in s for s in seen)):
            continue
        seen.add(key)
        out.append(
            {
                "text": c.text,
                "speaker": c.speaker,
                "speaker_raw": c.speaker_raw,
                "cue": c.cue,
                "kind": c.kind,
                "paragraph": c.parts[0].para if c.parts else c.extra.get("paragraph"),
            }
        )
    return out


# ---------------------------------------------------------------------------------------
# block quotes


def _parse_attrib_line(line: str) -> tuple[str, str | None] | None:
    """'— Kim Na-yeon' / '- Han Seo-rin, via Instagram' / '— Marcus Bell, co-host of …'."""
    m = _ATTRIB_LINE.match(line.strip())
    if not m or _word_count(line) > 20 or any(q in line for q in "“”\""):
        return None
    who = m.group("who").strip()
    subj = _subject_forward(who, 0)
    if subj is not None and subj.kind == "name":
        return who, subj.name
    m2 = _ROLE_NP_FWD.match(who)
    if m2:
        return m2.group("np"), None
    return None


_INTRO_CUE = re.compile(
    rf"(?:\b(?:{_CUE_ALT}|message|statement|letter|note|post|caption|tweet|posting|thank|"
    r"following|reads?|as follows)\b)[^:]*:\s*$",
    re.IGNORECASE,
)


def _block_candidates(doc: _Doc, spans_by_para: dict[int, list[Span]]) -> tuple[list[Candidate], set[int], set[int]]:
    cands: list[Candidate] = []
    used: set[int] = set()
    attrib_lines: set[int] = set()
    n = len(doc.paras)
    i = 0
    while i < n:
        para = doc.paras[i].strip()
        kind = doc.kinds[i]
        parsed = _parse_attrib_line(para) if kind in ("p", "blockquote", "li") else None
        if parsed is not None and i > 0:
            # collect the quoted paragraphs before the attribution line
            members: list[int] = []
            j = i - 1
            if doc.kinds[j] == "blockquote":
                while j >= 0 and doc.kinds[j] == "blockquote" and j not in used and len(members) < 8:
                    members.insert(0, j)
                    j -= 1
            elif doc.kinds[j] == "p":
                k = j
                intro = None
                while k >= 0 and k > j - 4 and doc.kinds[k] == "p":
                    if k < j and doc.paras[k].rstrip().endswith(":"):
                        intro = k
                        break
                    k -= 1
                members = list(range(intro + 1, j + 1)) if intro is not None else [j]
            members = [m for m in members if m not in used and doc.paras[m].strip()]
            if members:
                who_raw, name = parsed
                text = " ".join(_strip_outer_quotes(doc.paras[m]) for m in members)
                c = Candidate(
                    parts=[Span(m, 0, len(doc.paras[m]), 0, None) for m in members],
                    text=_clean_block(text),
                    kind="block",
                    cue="—",
                    strong=True,
                    pos=doc.g(members[0], 0),
                    attr_pos=doc.g(i, 0),
                )
                if name:
                    c.speaker_raw, c.speaker_kind = name, "name"
                else:
                    c.speaker_raw, c.speaker_kind = who_raw, "role"
                cands.append(c)
                used.update(members)
                attrib_lines.add(i)
        i += 1
    # blockquotes without an attribution line, and plain paragraphs after "X wrote:"
    i = 0
    while i < n:
        if i in used or i in attrib_lines:
            i += 1
            continue
        kind_i = doc.kinds[i]
        prev = doc.paras[i - 1].rstrip() if i > 0 else ""
        intro_ok = i > 0 and prev.endswith(":") and bool(_INTRO_CUE.search(prev)) and doc.kinds[i - 1] != "h"
        text = doc.paras[i].strip()
        if kind_i == "blockquote" or (kind_i in ("p", "li") and intro_ok and _plain_prose(text, spans_by_para.get(i, []))):
            members = [i]
            j = i + 1
            while j < n and doc.kinds[j] == kind_i == "blockquote" and j not in used:
                members.append(j)
                j += 1
            if kind_i == "blockquote" and _inline_attributed(doc.paras[i], spans_by_para.get(i, [])):
                i += 1
                continue
            body = " ".join(_strip_outer_quotes(doc.paras[m]) for m in members)
            c = Candidate(
                parts=[Span(m, 0, len(doc.paras[m]), 0, None) for m in members],
                text=_clean_block(body),
                kind="block",
                pos=doc.g(i, 0),
            )
            # trailing "— Name" inside the block
            mm = re.search(r"\s[—–―]\s*([^—–―]{2,80})$", c.text)
            if mm and _parse_attrib_line("— " + mm.group(1)):
                who, name = _parse_attrib_line("— " + mm.group(1)) or ("", None)
                c.text = c.text[: mm.start()].strip()
                c.speaker_raw, c.speaker_kind, c.cue, c.strong = (name or who), ("name" if name else "role"), "—", True
                c.attr_pos = doc.g(i, len(doc.paras[i]))
            elif intro_ok or (i > 0 and prev.endswith(":")):
                found = _intro_subject(prev)
                if found is not None:
                    subj, cue = found
                    c.speaker_raw, c.speaker_kind, c.cue = subj.raw, subj.kind, cue
                    c.attr_pos = doc.g(i - 1, subj.start)
                    c.strong = True
            if _word_count(c.text) >= 4 and (c.strong or kind_i == "blockquote"):
                cands.append(c)
                used.update(members)
            i = members[-1] + 1
            continue
        i += 1
    return cands, used, attrib_lines


def _plain_prose(text: str, spans: list[Span]) -> bool:
    if _word_count(text) < 4 or _title_like(text):
        return False
    # a paragraph that itself contains attributed inline quotes is handled inline
    return not spans or (spans[0].open_pos == 0 and len(spans) == 1)


def _inline_attributed(text: str, spans: list[Span]) -> bool:
    for s in spans:
        if s.close_pos is not None and _attribution_after(text, s.close_pos + 1):
            return True
    return False


def _strip_outer_quotes(p: str) -> str:
    p = p.strip()
    if len(p) > 2 and p[0] in "“\"„«" and p[-1] in "”\"»“" and not any(c in p[1:-1] for c in "“”"):
        return p[1:-1].strip()
    if len(p) > 2 and p[0] in "“\"" and not any(c in p[1:] for c in "“”\""):
        return p[1:].strip()
    return p


def _clean_block(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _intro_subject(intro: str) -> tuple[Subject, str] | None:
    """Subject and verb of an intro line like 'Jung described one letter that stayed with him:'."""
    start = _sentence_start(intro, len(intro) - 1)
    got = _attribution_embedded(intro, start, len(intro))
    if got is not None:
        subj, cue, _ = got
        return subj, cue
    # "The group’s official account also shared a message" / "Shortly after the release,
    # the singer took to X": the first subject followed by a lower-case word (the verb)
    starts = [start] + [m.end() for m in re.finditer(r",\s+", intro[start:])]
    for s0 in starts:
        s0 = s0 if s0 == start else start + s0
        first = _subject_forward(intro, s0)
        if first is not None and re.match(r"\s+[a-z]", intro[first.end :]):
            return first, "—"
    return None


# ---------------------------------------------------------------------------------------
# embeds


def _clean_account(author: str | None) -> str | None:
    if not author:
        return None
    a = re.sub(r"\(?@[\w.]+\)?", "", author)
    a = re.sub(r"^\s*[—–-]\s*", "", a)
    a = re.sub(r"\s+", " ", a).strip(" ,·|")
    return a or None


def _embed_candidates(doc: _Doc, embeds: list[dict]) -> list[Candidate]:
    cands: list[Candidate] = []
    by_para: dict[int, dict] = {}
    loose: list[dict] = []
    for e in embeds:
        if not isinstance(e, dict):
            continue
        if e.get("kind") not in (None, "tweet", "instagram", "tiktok", "other"):
            continue
        p = e.get("paragraph")
        if isinstance(p, int) and 0 <= p < len(doc.paras):
            by_para[p] = e
        elif e.get("text"):
            loose.append(e)
    for i, k in enumerate(doc.kinds):
        if k != "embed" and i not in by_para:
            continue
        e = by_para.get(i, {})
        text = (e.get("text") or doc.paras[i] or "").strip()
        if not text:
            continue
        c = Candidate(
            parts=[Span(i, 0, len(doc.paras[i]), 0, None)],
            text=re.sub(r"\s+", " ", text),
            kind="embed",
            pos=doc.g(i, 0),
            cue=None,
        )
        acct = _clean_account(e.get("author"))
        if acct:
            c.speaker, c.speaker_raw, c.speaker_kind = acct, acct, "account"
        elif i > 0 and doc.paras[i - 1].rstrip().endswith(":"):
            found = _intro_subject(doc.paras[i - 1])
            if found:
                c.speaker_raw, c.speaker_kind = found[0].raw, found[0].kind
                c.attr_pos = doc.g(i - 1, found[0].start)
        cands.append(c)
    for e in loose:
        acct = _clean_account(e.get("author"))
        c = Candidate(parts=[], text=re.sub(r"\s+", " ", e["text"]).strip(), kind="embed", pos=1 << 60)
        c.speaker, c.speaker_raw, c.speaker_kind = acct, acct, "account" if acct else None
        c.extra["paragraph"] = None
        cands.append(c)
    return cands


# ---------------------------------------------------------------------------------------
# inline quotes


def _chains(doc: _Doc, spans_by_para: dict[int, list[Span]], skip: set[int]) -> list[list[Span]]:
    """Group spans into quotes: a span left open at a paragraph end continues with the next
    paragraph when that paragraph starts with an opening mark."""
    chains: list[list[Span]] = []
    carry: list[Span] | None = None
    for i in range(len(doc.paras)):
        if i in skip:
            if carry:
                chains.append(carry)
                carry = None
            continue
        spans = spans_by_para.get(i, [])
        for j, s in enumerate(spans):
            if carry is not None:
                same_style = (doc.paras[carry[-1].para][carry[-1].open_pos] == '"') == (doc.paras[i][s.open_pos] == '"')
                if j == 0 and same_style and s.open_pos == len(doc.paras[i]) - len(doc.paras[i].lstrip()):
                    carry.append(s)
                    if s.close_pos is None and j == len(spans) - 1:
                        continue  # keeps going
                    chains.append(carry)
                    carry = None
                    continue
                chains.append(carry)
                carry = None
            if s.close_pos is None and j == len(spans) - 1 and s.end == len(doc.paras[i]):
                carry = [s]
            else:
                chains.append([s])
        if carry is not None and (not spans or spans[-1] is not carry[-1]):
            chains.append(carry)
            carry = None
    if carry:
        chains.append(carry)
    return chains


# “A,” Trump said, adding later, “B.” / "A," Sanders said, suggesting questions, including, "B"
# introduce a second statement, not the rest of a split quote
_SECOND_CLAUSE = re.compile(r"\b(?!(?:laughing|smiling|grinning|beaming|sighing)\b)[a-z]{3,}ing\b")


def _chain_text(doc: _Doc, chain: list[Span]) -> str:
    parts = [doc.paras[s.para][s.start : s.end] for s in chain]
    text = " ".join(re.sub(r"\s+", " ", p).strip().strip(_QUOTE_CHARS + " ") for p in parts if p.strip())
    return _clean_text(text)


_NEXT_SENTENCE = re.compile(r"\s+[A-Z]")


def _partial_sentence_end(quote: str, text: str, close_pos: int) -> bool:
    """A partial quote (starting in lower case) whose closing mark ends the sentence:
    `Japan branded it an “outlaw nation.” Russia insisted …` – what follows is a new
    sentence, not this quote's attribution."""
    q = quote.strip()
    return bool(q) and q[0].islower() and q[-1] in ".!?" and _NEXT_SENTENCE.match(text, close_pos + 1) is not None


def _inline_candidates(doc: _Doc, spans_by_para: dict[int, list[Span]], skip: set[int]) -> list[Candidate]:
    chains = _chains(doc, spans_by_para, skip)
    # merge quotes split by their attribution: “A,” she said, “B.”
    merged: list[list[Span]] = []
    for ch in chains:
        if merged:
            prev = merged[-1]
            last = prev[-1]
            first = ch[0]
            if last.para == first.para and last.close_pos is not None:
                text = doc.paras[last.para]
                between = text[last.close_pos + 1 : first.open_pos]
                inner = text[last.start : last.end].rstrip()
                if (
                    between.rstrip().endswith(",")
                    and not re.search(r"[.!?;]", between)
                    and _CUE_RE.search(between)
                    and _attribution_after(text, last.close_pos + 1)
                    and not inner.endswith((".", "!", "?"))
                    and _word_count(between) <= 12
                    and not _SECOND_CLAUSE.search(between)
                ):
                    prev.extend(ch)
                    continue
        merged.append(list(ch))

    cands: list[Candidate] = []
    prev_cand: Candidate | None = None
    for ch in merged:
        first, last = ch[0], ch[-1]
        ftext = doc.paras[first.para]
        ltext = doc.paras[last.para]
        text = _chain_text(doc, ch)
        if not text:
            continue
        c = Candidate(parts=ch, text=text, pos=doc.g(first.para, first.open_pos))
        # split quote: attribution between the parts
        attrib: tuple[Subject, str, int, int] | None = None
        for a, b in zip(ch, ch[1:], strict=False):
            if a.para == b.para and a.close_pos is not None:
                split = _attribution_after(doc.paras[a.para], a.close_pos + 1)
                if split:
                    attrib = (*split, a.para)
                    break
        if attrib is None and last.close_pos is not None and not _partial_sentence_end(text, ltext, last.close_pos):
            got = _attribution_after(ltext, last.close_pos + 1)
            if got:
                attrib = (*got, last.para)
        # text before the opening mark in its sentence
        floor = 0
        for s in spans_by_para.get(first.para, []):
            if s.close_pos is not None and s.close_pos < first.open_pos:
                floor = s.close_pos + 1
        head_start = _sentence_start(ftext, first.open_pos, 0)
        head_start = max(head_start, floor) if floor <= first.open_pos else head_start
        if attrib is None:
            got = _attribution_before(ftext, head_start, first.open_pos)
            if got:
                attrib = (*got, first.para)
        strong = attrib is not None
        if attrib is None:
            got = _attribution_embedded(ftext, _sentence_start(ftext, first.open_pos, 0), first.open_pos)
            if got:
                attrib = (*got, first.para)
        if attrib is None and last.close_pos is not None:
            got = _attribution_tail(ltext, last.close_pos)
            if got:
                attrib = (*got, last.para)
        if attrib is None:
            got = _attribution_stance(ftext, head_start, first.open_pos, _word_count(text) <= 3)
            if got:
                attrib = (*got, first.para)
        if attrib is None and first.open_pos == len(ftext) - len(ftext.lstrip()) and first.para > 0:
            # paragraph opens with the quote: "Trump said:" at the end of the previous one
            prev_para = doc.paras[first.para - 1].rstrip()
            if prev_para.endswith(":") and doc.kinds[first.para - 1] not in ("h",):
                found = _intro_subject(prev_para)
                if found:
                    attrib = (found[0], found[1], found[0].start, first.para - 1)
                    strong = True
        head = ftext[head_start : first.open_pos]
        attributed = attrib is not None or _continues(prev_cand, first, ftext)
        if not _accept(text, head, strong, attributed, ch, doc):
            continue
        if attrib is not None:
            subj, cue, _apos, apara = attrib
            c.speaker_raw = subj.name if subj.kind == "name" and subj.name else subj.raw
            c.speaker_kind = subj.kind
            c.cue = cue.lower() if cue != "according to" else "according to"
            c.attr_pos = doc.g(apara, subj.start)
            c.strong = strong
        else:
            # continuation of the previous quote in the same paragraph or the one before
            if prev_cand is not None and prev_cand.parts and (first.para - prev_cand.parts[-1].para) <= 1:
                c.inherit = True
                c.extra["from"] = prev_cand
            elif (
                first.para > 0
                and first.open_pos == len(ftext) - len(ftext.lstrip())
                and doc.kinds[first.para - 1] not in ("h", "embed", "pre")
                and not spans_by_para.get(first.para - 1)
            ):
                # “…” opening a paragraph with no attribution anywhere: the subject of the
                # paragraph before ("Asked about X, Kim gave the longest answer.")
                c.extra["subject_from"] = doc.g(first.para - 1, 0)
            elif head_start > 0 and not ftext[head_start : first.open_pos].strip() and not any(
                s.para == first.para and s.close_pos is not None and s.close_pos < first.open_pos
                for s in spans_by_para.get(first.para, [])
            ):
                # “…” opening a later sentence of a paragraph without quotes before it: the
                # subject of the sentence before ("Cummings called him a master. “He …”")
                c.extra["subject_from"] = doc.prev_sentence_start(c.pos)
        cands.append(c)
        prev_cand = c
    return cands


_NICKNAME_BEFORE = re.compile(r"\b(?:nick-?names?|nick-?named|monikers?|dubbed)\b[^.!?;]{0,60}$", re.IGNORECASE)
_NICKNAME_AFTER = re.compile(
    r"[,.]?\s*(?:[—–-]\s*)?(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:nick-?names?|monikers?)\b", re.IGNORECASE
)


def _continues(prev: Candidate | None, first: Span, text: str) -> bool:
    """`“A,” she said. “B.”`: the quote right after an attributed quote and its attribution
    sentence in the same paragraph continues it."""
    if prev is None or not prev.speaker_raw or not prev.parts:
        return False
    last = prev.parts[-1]
    if last.para != first.para or last.close_pos is None:
        return False
    between = text[last.close_pos + 1 : first.open_pos]
    if re.fullmatch(r"\s*,?\s*(?:and|or|as well as)\s+(?:a|an|the|as)?\s*", between):
        return True  # “false” or “pants on fire”: one coordinated object
    return len(between) <= 80 and not any(q in between for q in _QUOTE_CHARS) and bool(_CUE_RE.search(between))


def _accept(text: str, head: str, strong: bool, attributed: bool, chain: list[Span], doc: _Doc) -> bool:
    words = _word_count(text)
    if words == 0:
        return False
    head_s = head.rstrip()
    last = chain[-1]
    if words <= 2 and len(chain) == 1 and last.close_pos is not None:
        # a nickname inside a name: Marcia “Cia” Price
        after = doc.paras[last.para][last.close_pos + 1 : last.close_pos + 3]
        if re.search(r"\b[A-Z][\w.’'\-]*\s$", head) and re.match(r"\s[A-Z]", after):
            return False
    if words <= 5 and last.close_pos is not None:
        # a name given to someone or something: "nicknamed him “X”", "the nickname for
        # their manager: “X”", "calling him “X,” a nickname he …"
        after = doc.paras[last.para][last.close_pos + 1 : last.close_pos + 40]
        if _NICKNAME_BEFORE.search(head_s) or _NICKNAME_AFTER.match(after):
            return False
    media = _MEDIA_BEFORE.search(head_s, max(0, len(head_s) - 40)) is not None
    if media and words <= 12 and not text.rstrip().endswith((".", "!", "?")):
        return False
    if media and _title_like(text):
        return False
    if _title_like(text) and not strong:
        return False
    if words <= 3:
        # convention: a short span attributed by a reporting cue is a quote ("called the
        # plan “a con”"); only unattributed 1-3-word spans are scare quotes
        return attributed
    return True


# ---------------------------------------------------------------------------------------
# registry and resolution


def _mask(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for s in spans:
        lo = s.open_pos
        hi = s.close_pos + 1 if s.close_pos is not None else len(text)
        for k in range(lo, hi):
            chars[k] = " "
    return "".join(chars)


_LEFT_WORDS = re.compile(r"[\w\-.]+")
_APPOS_PERSON = re.compile(r",\s+(?:a|an|the|who|whose|\d+)\b")
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
_GENDERED = re.compile(r"\b(?:[Hh]e|[Hh]is|him|himself|[Ss]he|[Hh]er|hers|herself)\b|\bM(?:r|rs|s)\.")
_MALE_WORDS = frozenset(("he", "He", "his", "His", "him", "himself", "Mr."))

_SPEAKS_AFTER = re.compile(
    rf"(?:\s*\([^()]{{1,30}}\))?(?:,[^,]{{1,60}},)?\s+(?:(?:{_ADV_ALT})\s+)*"
    r"(?:said|says|told|tells|added|adds|explained|recalled|argued|insisted|tweeted|wrote|"
    r"laughed|joked|admitted|replied|answered|asked|noted)\b"
)


def _titlecase_line(p: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'\-]*", p)
    if len(words) < 4 or len(words) > 25:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS)
    if caps == len(words):
        return True
    # a sentence ending with a full stop that has lower-case content words is prose
    return caps / len(words) > 0.8 and not p.rstrip().endswith(".")


def _build_registry(doc: _Doc, spans_by_para: dict[int, list[Span]], quoted_paras: set[int]) -> EntityRegistry:
    reg = EntityRegistry()
    for i, p in enumerate(doc.paras):
        if i in quoted_paras or doc.kinds[i] in ("embed", "pre") or _titlecase_line(p):
            continue
        masked = _mask(p, spans_by_para.get(i, []))
        runs = name_runs(masked)
        starts = _sentence_starts(masked)
        for n, r in enumerate(runs):
            left = masked[max(0, r.start - 30) : r.start]
            etype = entity_type_of(r.text, left)
            ent = reg.add(r.text, doc.g(i, r.start), etype)
            if _is_subject(masked, r, runs[n - 1] if n else None, starts):
                ent.subjects.append(doc.g(i, r.start))
            gender = first_name_gender(r.text)
            if gender is not None:
                ent.person_cues += 1  # "Donald Trump": a known given name
                if gender == "m":
                    ent.male += 3
                else:
                    ent.female += 3
            lw = _LEFT_WORDS.findall(left)
            last_w = lw[-1].lower() if lw and left[-1:].isspace() else ""
            last2 = f"{lw[-2].lower()} {last_w}" if len(lw) >= 2 and last_w else ""
            raw_words = [w.lower() for w in r.raw.split()[: -len(r.text.split()) or None]]
            titles = {w for w in raw_words if w in ROLE_TITLES}
            if last_w in ROLE_TITLES:
                titles.add(last_w)
            if titles:
                ent.person_cues += 1
                ent.titles |= {_TITLE_ABBREV.get(t, t) for t in titles}
            if r.owner and entity_type_of(r.owner) in ("group", "org"):
                ent.person_cues += 1  # "NORTHSTAR’s Kyu-bin": a member
            after = masked[r.end : r.end + 90]
            if _APPOS_PERSON.match(after) or _SPEAKS_AFTER.match(after):
                ent.person_cues += 1
            if last_w in _PLACE_PREPS and not titles:
                ent.other_cues += 1
            if last_w in _MALE_ROLE_WORDS or last2 in _MALE_ROLE_WORDS:
                ent.male += 2
            elif last_w in _FEMALE_ROLE_WORDS or last2 in _FEMALE_ROLE_WORDS:
                ent.female += 2
            # gender: pronouns after the mention, up to the next name in the same or next sentence
            nxt = runs[n + 1].start if n + 1 < len(runs) else len(masked)
            first_raw = r.raw.split()[0]
            if first_raw == "Mr.":
                ent.male += 2
            elif first_raw in ("Mrs.", "Ms."):
                ent.female += 2
            m_ = f_ = 0
            for g in _GENDERED.findall(masked, r.end, min(nxt, r.end + 160)):
                if g in _MALE_WORDS:
                    m_ += 1
                else:
                    f_ += 1
            if m_ and not f_:
                ent.male += 1
            elif f_ and not m_:
                ent.female += 1
    return reg


def _sentence_starts(text: str) -> list[int]:
    out = [0]
    for m in _SENT_END.finditer(text):
        if not _ABBREV_END.search(text[: m.start() + 1].rstrip("'’”\")")):
            out.append(m.end())
    return out


_SUBJ_FOLLOW = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:,\s[^,;]{1,120},|,)?\s+(?:[a-z]+ly\s+)?[a-z]"
)
_LEAD_ADVERBIAL = re.compile(r"^[\s“”\"‘(]*(?:[^,;]{1,60},\s+)?[\s“”\"‘(]*$")


_LEAD_TOKENS = re.compile(r"[^\s“”\"‘(]+")
_LEAD_WORDS = frozenset("the a an former retired then state party campaign press group band team".split())


_INVERTED_CUE = re.compile(rf"[,!?][”\"’']?\s+(?:{_CUE_ALT})\s+(?:[A-Z][\w.&\-]*[’']s\s+|[a-z]+\s+){{0,3}}$")
_ACCORDING_LEAD = re.compile(r"^[\s“”\"‘(]*[Aa]ccording to\s+$")
_INVERTED_END = re.compile(r"(?:,[^.;“”\"]{1,100})?[.;]")


def _is_subject(text: str, run, prev_run, starts: list[int]) -> bool:
    """The run is the grammatical subject of its sentence: it opens the sentence, possibly
    after an adverbial ending with a comma ("On Wednesday,", "In an interview with X,") and
    role words ("Main vocalist", "Conservative economist", "NORTHSTAR’s"), and is followed
    by a lower-case word (the verb), possibly after an appositive ("Kim, 24, said")."""
    if run.possessive:
        return False
    s0 = 0
    for st in starts:
        if st <= run.start:
            s0 = st
        else:
            break
    lead = text[s0 : run.start]
    if _ACCORDING_LEAD.search(lead):
        return True  # "According to Ham, the administration …": the source of the sentence
    if _INVERTED_CUE.search(lead) and _INVERTED_END.match(text, run.end):
        return True  # "…, noted NBC’s Dante Chinni." – the speaker of an inverted attribution
    cut = lead.rfind(", ") + 2 if ", " in lead else 0
    if cut > 122 or ";" in lead[:cut]:
        return False
    if re.search(r"\b[a-z]+\s+[A-Z][\w.]*,\s+[A-Z][\w.]*,\s*$", lead[:cut]):
        return False  # "… criticized Tulsa, Okla., police officer X": an object after a place
    words = _LEAD_TOKENS.findall(lead, cut)
    if len(words) > 5 or not all(
        w.lower() in ROLE_TITLES
        or w.lower() in _LEAD_WORDS
        or (w[0].isupper() and w not in CAP_STOPWORDS)
        or w.endswith(("’s", "'s"))
        for w in words
    ):
        return False
    return _SUBJ_FOLLOW.match(text, run.end) is not None


def _is_personlike(ent, weak: bool = False) -> bool:
    """Positive evidence of a person (a speaker, a role title, an appositive, Mr./Ms., a
    Korean-name shape); with `weak`, also any multi-word name never used like a place."""
    if ent.type == "person":
        return True
    if ent.type in ("org", "group", "place"):
        return False
    if ent.speaker or ent.person_cues > 0:
        return True
    return weak and len(ent.name.split()) >= 2 and ent.other_cues == 0


_MALE_NOUNS = frozenset("businessman spokesman chairman congressman actor husband father son brother king".split())
_FEMALE_NOUNS = frozenset(
    "businesswoman spokeswoman chairwoman congresswoman actress wife mother daughter sister queen widow".split()
)
_TITLE_ABBREV = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
                 "pres.": "president", "lt.": "lieutenant", "capt.": "captain", "sgt.": "sergeant"}


def _gender_ok(ent, pronoun: str, strict: bool = False) -> bool:
    """Compatible with he/she; `strict` (a gendered noun such as "businessman") needs
    positive evidence for the gender when there is any evidence at all."""
    if pronoun == "he":
        return ent.male > ent.female if strict else ent.male >= ent.female
    if pronoun == "she":
        return ent.female > ent.male if strict else ent.female >= ent.male
    return True


def _resolve(doc: _Doc, cands: list[Candidate], reg: EntityRegistry) -> None:
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
                    sp = _latest_subject_before(ent, c.pos)
                    if sp >= lo and _is_personlike(ent, True) and (best is None or sp > best[0]):
                        best = (sp, ent)
                if best is not None:
                    c.speaker = c.speaker_raw = best[1].name
                    c.speaker_kind = "name"
            continue
        pos = min(c.attr_pos or c.pos, c.pos)
        if c.speaker_kind == "name":
            ent = reg.lookup(c.speaker_raw, c.attr_pos or c.pos)
            if ent is None or (ent.type == "unknown" and not ent.titles and not (ent.male or ent.female)):
                ent = _agency_short_form(reg, strip_honorific(c.speaker_raw)) or ent
            c.speaker = ent.name if ent else strip_honorific(c.speaker_raw)
        elif c.speaker_kind == "pron":
            p = c.speaker_raw.lower()
            if p in ("i", "we"):
                # the narrator (first-person op-ed, "we asked"): the byline is not known here
                c.speaker = None
                continue
            if p == "they":
                pair = _coordinated_pair(doc, reg, pos)
                if pair is not None:
                    c.speaker = pair
                    continue
            etype = PRONOUNS.get(p, "person")
            ent = _resolve_typed(reg, etype, pos, p, doc.prev_sentence_start(pos), doc)
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
                c.speaker = _describe_source(reg, raw, head, pos)
                continue
            ent = _resolve_typed(reg, etype, pos, head) if etype != "unknown" and not indefinite else None
            c.speaker = ent.name if ent else raw


def _agency_short_form(reg: EntityRegistry, name: str):
    """"Bluefin said" in an article that names "Bluefin Entertainment": the company's name
    without its suffix (one word, not a person's name shape)."""
    if " " in name or len(name) < 4 or first_name_gender(name) is not None:
        return None
    hits = [
        e for e in reg.entities
        if e.type == "org" and e.name.split()[0] == name and e.name.split()[-1] in AGENCY_SUFFIXES
    ]
    return hits[0] if len(hits) == 1 else None


_COORD = re.compile(r"(?:,[^,.;“”\"]{1,60},)?,?\s+and\s+(?:[a-z]+\s+){0,2}")


def _drop_titles(name: str) -> str:
    words = name.split()
    while len(words) > 2 and (words[0].lower() in ROLE_TITLES or words[0].lower().rstrip("s") in ROLE_TITLES):
        words = words[1:]
    return " ".join(words)


def _coordinated_pair(doc: _Doc, reg: EntityRegistry, pos: int) -> str | None:
    """"they" after two people joined by "and" ("Senators A, Republican of Iowa, and B, …")
    in the sentence or two before: "A and B"."""
    lo = max(0, pos - 400)
    people = []
    for e in reg.entities:
        if not _is_personlike(e, True):
            continue
        for p in e.positions:
            if lo <= p < pos:
                people.append((p, e))
    people.sort(key=lambda t: t[0])
    best: tuple[int, str] | None = None
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
            best = (p2, f"{_drop_titles(e1.name)} and {_drop_titles(e2.name)}")
    return best[1] if best else None


def _describe_source(reg: EntityRegistry, raw: str, head: str, pos: int) -> str:
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
                before = _latest_before(e, pos)
                if before >= 0 and (best is None or before > best[0]):
                    best = (before, e.name)
        if best is not None:
            return best[1]
    return re.sub(r"^(?:the|a|an)\s+", "", raw, flags=re.IGNORECASE)


def _standalone_mention(doc: _Doc, pos: int) -> bool:
    """A mention that refers to the person, not a modifier ("the Clinton campaign",
    "pro-Clinton")."""
    before = doc.text_at(max(0, pos - 5), pos)
    if before is None:
        return True
    return not re.search(r"(?:\bthe\s|-)$", before, re.IGNORECASE)


_SUBJECT_REACH = 600  # chars: how far back a subject beats a more recent non-subject mention


def _latest_subject_before(ent, pos: int) -> int:
    return max((p for p in ent.subjects if p < pos), default=-1)


def _latest_before(ent, pos: int) -> int:
    return max((p for p in ent.positions if p < pos), default=-1)


def _resolve_typed(
    reg: EntityRegistry, etype: EntityType, pos: int, word: str, prev_start: int = -1, doc: _Doc | None = None
):
    if etype == "person":
        strong = [e for e in reg.entities if _is_personlike(e) and _latest_before(e, pos) >= 0]
        weak = [e for e in reg.entities if _is_personlike(e, True) and _latest_before(e, pos) >= 0]
        cands = strong or weak
        gender = "he" if word in _MALE_NOUNS else "she" if word in _FEMALE_NOUNS else word
        if gender in ("he", "she"):
            # a pronoun of the wrong gender rules a candidate out; only when no mention of
            # either evidence level fits does the gender give way
            strict = word not in ("he", "she")
            cands = (
                [e for e in strong if _gender_ok(e, gender, strict)]
                or [e for e in weak if _gender_ok(e, gender, strict)]
                or cands
            )
        centre = word in ("he", "she")
        if word not in ("he", "she", "i", "singer", "star", "artist", "member", "idol", "fan"):
            titled = [e for e in cands if word in e.titles]
            # an office nobody in the article holds by name ("the Indiana governor"): the
            # person the text is about, as for a pronoun
            centre = not titled
            cands = titled or cands
        if not cands:
            return None
        recent = max(cands, key=lambda e: _latest_before(e, pos))
        if centre:
            # centering: prefer the most recent sentence subject (or speaker) nearby
            subj = max(cands, key=lambda e: _latest_subject_before(e, pos))
            sp = _latest_subject_before(subj, pos)
            last = _latest_before(recent, pos)
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
            for e in reg.entities:
                if e.type == "org" and e.name.split()[-1] in AGENCY_SUFFIXES:
                    before = [p for p in e.positions if p < pos]
                    if before and (best is None or max(before) > best[0]):
                        best = (max(before), e)
            ent = best[1] if best else None
        return ent or reg.most_recent(("org",), pos)
    if etype == "group":
        return reg.most_recent(("group",), pos) or reg.most_recent(("org",), pos)
    return None
