"""Attribution shapes: the speech verb and subject attached to a quote."""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.lexicon import (
    ADVERBS as _ADVERBS,
)
from newsspider.extract.mentions.lexicon import (
    CUE_VERBS,
    ROLE_TITLES,
)
from newsspider.extract.mentions.runs import (
    name_runs,
)
from newsspider.extract.mentions.text import (
    ABBREV_END,
    is_abbreviation_end,
    sentence_end,
)
from newsspider.extract.quotes.finding import (
    _word_count,
)
from newsspider.extract.quotes.subjects import (
    Subject,
    _according_subject,
    _sentence_subject,
    _subject_backward,
    _subject_forward,
)

# ---------------------------------------------------------------------------------------
# vocabulary

_CUE_SET = frozenset(CUE_VERBS)
# longest first; ties in a fixed order, so the pattern is the same string in every process (a set's
# order changes with the hash seed) and newsspider.regexcache finds it compiled
_CUE_ALT = "|".join(sorted(_CUE_SET, key=lambda w: (-len(w), w)))
_ADV_ALT = "|".join(_ADVERBS)
_CUE_RE = lazy(rf"\b(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b(?:\s+(?:out|up|on))?", re.IGNORECASE)


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
        if st.group() == "." and ABBREV_END.search(window[: st.start() + 1]):
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
_PUT_IT_AT = lazy(rf"\s+(?:(?:{_ADV_ALT})\s+)*(?P<cue>put it|{_CUE_ALT})\b", re.IGNORECASE)
_PP_AFTER_NAME = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w.&’'\-]*\s?){1,5}(?=\s)")
_PP_AFTER_ROLE = lazy(r"\s+(?:in|of|from|at|on|for|with)\s+(?:[\w’'\-]+\s+){0,3}[\w’'\-]+(?=\s)")
_BEFORE_RE = lazy(
    rf"(?P<cue>{_CUE_ALT})\b(?P<tail>[^“”\"]{{0,70}}?)[,:]\s*$", re.IGNORECASE
)
_WS = re.compile(r"\s*")
_AFTER_LEAD = re.compile(r"[\s,]*(?P<dash>[—–―]\s*)?")
_CUE_AT = lazy(rf"(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b", re.IGNORECASE)
_WS_CUE_AT = lazy(rf"\s+(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b", re.IGNORECASE)
_TAIL_CUE = lazy(rf"\s+(?:(?:{_ADV_ALT})\s+)*(?P<cue>{_CUE_ALT})\b[^,;]*$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",[^,“”\"!?]{1,100},")
_WORD = re.compile(r"[A-Za-z]+")
_ADV_SET = frozenset(_ADVERBS)


_MID_SENTENCE = re.compile(r"[\w,;]\s+$")
_NOUN_POSITION = lazy(
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



def _attribution_tail(text: str, close_pos: int) -> tuple[Subject, str, int] | None:
    """`A cashier who “steals a handful” is held accountable, Warren said.`"""
    send = sentence_end(text, close_pos)
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
        if stop.group() != "." or not is_abbreviation_end(text, at):
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


_SUBORDINATE = lazy(
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


