"""Quote spans: quote marks in a paragraph, chains of paragraphs, and whether a quoted span
is a quotation (not a title, a nickname or a scare quote)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from newsspider.extract.mentions.lexicon import SMALL_WORDS as _SMALL_WORDS
from newsspider.extract.mentions.text import (
    Doc,
)

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
_OPENERS = "“„«"
_CLOSERS = "”»"
_QUOTE_CHARS = "“”„«»\""

_ATTRIB_LINE = re.compile(r"^\s*(?:[—–―]|-{1,2}|~)\s*(?P<who>\S.{0,150})$")
_TERMINAL = ".!?…"



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


_MARKS = re.compile('[“”„«»"]')


def _find_spans(text: str, para: int) -> list[Span]:
    """Double-quoted spans of one paragraph (curly, straight, „…“, «…», and the mixed or
    wrong-way marks found in real pages: “…", "…”, ”…” at a paragraph start)."""
    spans: list[Span] = []
    opener: str | None = None
    open_pos = -1
    n = len(text)
    for m in _MARKS.finditer(text):  # the quote marks only, in order
        i = m.start()
        c = text[i]
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
    s = " ".join(s.split())  # (= re.sub(r"\s+", " ", s).strip(): \s and str.split both use str.isspace)
    s = s.strip(" " + _QUOTE_CHARS)
    if s.endswith(","):
        s = s[:-1].rstrip()
    return s


_WORD = re.compile(r"[\w][\w’'\-]*")


def _word_count(s: str) -> int:
    return len(_WORD.findall(s))


def _words_upto(s: str, cap: int) -> int:
    """``min(_word_count(s), cap)``: the words are read only up to `cap` (a long quote tested
    against a few words is not read to its end)."""
    return len(list(islice(_WORD.finditer(s), cap)))


def _title_like(s: str) -> bool:
    s = s.strip().rstrip(",")
    if s.endswith(".") and not s.endswith("..") and _words_upto(s, 6) <= 5:
        s = s[:-1]  # “Ferry to Jeju.” – American punctuation puts the full stop inside
    if s.endswith(".") or _words_upto(s, 13) > 12:
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


# inline quotes


def _chains(doc: Doc, spans_by_para: dict[int, list[Span]], skip: set[int]) -> list[list[Span]]:
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


def _chain_text(doc: Doc, chain: list[Span]) -> str:
    parts = [doc.paras[s.para][s.start : s.end] for s in chain]
    text = " ".join(" ".join(p.split()).strip(_QUOTE_CHARS + " ") for p in parts if p.strip())
    return _clean_text(text)


_NEXT_SENTENCE = re.compile(r"\s+[A-Z]")


def _partial_sentence_end(quote: str, text: str, close_pos: int) -> bool:
    """A partial quote (starting in lower case) whose closing mark ends the sentence:
    `Japan branded it an “outlaw nation.” Russia insisted …` – what follows is a new
    sentence, not this quote's attribution."""
    q = quote.strip()
    return bool(q) and q[0].islower() and q[-1] in ".!?" and _NEXT_SENTENCE.match(text, close_pos + 1) is not None



_NICKNAME_BEFORE = re.compile(r"\b(?:nick-?names?|nick-?named|monikers?|dubbed)\b[^.!?;]{0,60}$", re.IGNORECASE)
_NICKNAME_AFTER = re.compile(
    r"[,.]?\s*(?:[—–-]\s*)?(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:nick-?names?|monikers?)\b", re.IGNORECASE
)


def _accept(text: str, head: str, strong: bool, attributed: bool, chain: list[Span], doc: Doc) -> bool:
    words = _words_upto(text, 13)  # (every test below is against 12 words or fewer)
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


