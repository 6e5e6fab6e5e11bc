"""Which words around an inline quote name its speaker: a learned choice among candidates.

The attribution patterns (`cues`) propose one subject for a quote, or none. Patterns written
for one corpus miss shapes of another (“…,” said former Obama adviser David Axelrod; a source
in the sentence before). So every quote gets a set of candidates, each described by a few
general features, and a conditional logit model (`model`, weights learned on PolNeAR train)
picks one:

* every **mention** outside quote marks in the quote's sentence (before the quote, between
  the parts of a split quote, after it), the sentence before (the last sentence of the
  previous paragraph when the quote opens its paragraph) and the sentence after: names
  (`name_runs`), pronouns, and role descriptions ("the agency", "a spokesman");
* the subject the patterns proposed, when it is not one of those mentions;
* **INHERIT** (the previous quote's speaker: a quote continued after its attribution, or a
  new paragraph of the same speech) and **NONE** (no speaker in reach).

Features: where the mention is (region, token distance to the quote mark, other mentions in
between), what it is (name, he/she, they, it, I/we, role, indefinite or plural role), how it
stands to a speech verb (right before it, right after it in an inverted attribution, in the
same clause, "according to", an intro ending with a colon), and signs that it is not a
subject (a possessive, a preposition before it, a modifier of a following name). Work per
quote is bounded by the window (a few hundred characters), so a long paragraph costs linear
time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from newsspider.extract.mentions.index import mask_ranges
from newsspider.extract.mentions.lexicon import (
    ADVERBS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    PLURAL_ROLES,
    ROLE_NOUNS,
)
from newsspider.extract.mentions.registry import Entity, EntityRegistry
from newsspider.extract.mentions.resolve import is_personlike
from newsspider.extract.mentions.runs import paragraph_runs
from newsspider.extract.mentions.text import Doc, is_abbreviation_end, sentence_end, sentence_start
from newsspider.extract.quotes.complement import complement_spans
from newsspider.extract.quotes.descriptions import described_speakers
from newsspider.extract.quotes.finding import Candidate, Span

_CUES = frozenset(CUE_VERBS)
_ADVS = frozenset(ADVERBS)
_PREPS = frozenset(
    "of to with for at by about from on in against into over than like toward towards between among "
    "behind under without after before".split()
)
_OBJECT_CUES = frozenset("told tells telling asked asks asking thanked thanks urged urges informed assured advised".split())
_INDEFINITE = frozenset("a an one another several some two three".split())
# (?=[...]): the first letters up front, so that the engine skips other positions in C
_PRONOUN = re.compile(r"(?=[HhSsTtWwIi])\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Ii]t|I)\b")
_DETERMINERS = frozenset("the a an one another his her their its several some two three".split())
_TOKEN = re.compile(r"[\w’'\-]+")
_MATCH_START, _MATCH_END = re.Match.start, re.Match.end  # (m.start() / m.end() without a frame each)
_STOP_CHARS = frozenset(".;:!?“”\"")
_WINDOW = 400  # characters of context on each side, at most

REGIONS = ("head", "split", "tail", "prev", "prevpara", "next")


@dataclass
class Mention:
    """A candidate for the words naming a quote's speaker (paragraph-local offsets)."""

    para: int
    start: int
    end: int
    kind: str  # name | pron | role | inherit | none
    text: str = ""
    region: str = ""
    feats: dict[str, float] = field(default_factory=dict)
    pattern: bool = False
    possessive: bool = False


class Para:
    """One masked paragraph (other quotes blanked), scanned once: word tokens, speech verbs,
    and the name, pronoun and role mentions outside quote marks."""

    def __init__(self, para: int, text: str) -> None:
        self.para = para
        self.text = text
        self._cue_after: dict[int, bool] = {}
        toks = list(_TOKEN.finditer(text))
        self.starts = list(map(_MATCH_START, toks))
        self.ends = list(map(_MATCH_END, toks))
        self.words = [m.group().lower() for m in toks]
        self.cue_at = [i for i, w in enumerate(self.words) if w in _CUES]
        # (start, end, kind, text, possessive): `Window.mentions` makes the Mention objects
        found: list[tuple[int, int, str, str, bool]] = [
            (r.start, r.end, "name", r.text, r.possessive) for r in paragraph_runs(text)
        ]
        names = [m[0] for m in found]  # in order
        found += [(m.start(), m.end(), "pron", m.group(), False) for m in _PRONOUN.finditer(text)]
        words = self.words
        n_words = len(words)
        for i in [i for i, w in enumerate(words) if w in ROLE_NOUNS]:
            if i + 1 < n_words and words[i + 1] in ROLE_NOUNS:
                continue  # "the agency spokesman": the head is the last role word
            for k in range(i - 1, max(-1, i - 5), -1):
                if words[k] in _DETERMINERS or words[k].endswith(("’s", "'s")):
                    a, b = self.starts[k], self.ends[i]
                    inside = bisect.bisect_left(names, a) < bisect.bisect_left(names, b)
                    if not inside and not any(c in ",.;:!?“”\"" for c in text[a:b]):
                        found.append((a, b, "role", text[a:b], False))
                    break
        found += described_speakers(self, names, {m[1] for m in found if m[2] == "role"})
        found.sort(key=_first)  # stable: names, pronouns, roles, descriptions at one start
        self.mentions = found
        self.mention_starts = [m[0] for m in found]

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def tokens_between(self, a: int, b: int) -> int:
        return max(0, bisect.bisect_left(self.starts, b) - bisect.bisect_left(self.starts, a)) if b > a else 0

    def has_cue(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self.cue_at, self.token_index(lo))
        return i < len(self.cue_at) and self.starts[self.cue_at[i]] < hi

    def cue_after(self, pos: int) -> bool:
        """A speech verb right after `pos`: "X said", "X (D-Wis.) said", "X, a professor at Y,
        said", "X also told". Cached per position (asked twice per mention, and again by
        adjacent quotes)."""
        got = self._cue_after.get(pos)
        if got is None:
            got = self._cue_after[pos] = self._cue_after_at(pos)
        return got

    def _cue_after_at(self, pos: int) -> bool:
        text = self.text
        p = pos
        while p < len(text) and text[p] == " ":
            p += 1
        if p < len(text) and text[p] == "(":
            close = text.find(")", p, p + 45)
            p = close + 1 if close > 0 else p
        elif p < len(text) and text[p] == ",":
            close = text.find(",", p + 1, p + 110)
            if close > 0 and not _stops(text, p + 1, close):
                p = close + 1
        i = self.token_index(p)
        while i < len(self.words) and self.words[i] in _ADVS:
            i += 1
        return i < len(self.words) and self.words[i] in _CUES and not _stops(text, pos, self.starts[i])

    def cue_before(self, pos: int) -> tuple[str, int] | None:
        """The speech verb at most five words before `pos` in the same clause ("said X",
        "said former Obama adviser X", "told the Times"), with the number of words between."""
        i = self.token_index(pos)
        for k in range(i - 1, max(-1, i - 7), -1):
            if self.words[k] in _CUES:
                gap = self.text[self.ends[k] : pos]
                return None if any(c in _STOP_CHARS for c in gap) else (self.words[k], i - 1 - k)
        return None

    def word_before(self, pos: int, back: int = 1) -> str:
        i = self.token_index(pos) - back
        return self.words[i] if i >= 0 else ""


def _stops(text: str, a: int, b: int) -> bool:
    """A clause stop in ``text[a:b]``: a quote mark or sentence punctuation, but not the full
    stop of an abbreviation ("the U.K. think-tank", "a D.C. lobbyist", "George W. Bush")."""
    for i in range(a, b):
        c = text[i]
        if c in _STOP_CHARS and (c != "." or not is_abbreviation_end(text, i + 1)):
            return True
    return False


def _first(m: tuple[int, int, str, str, bool]) -> int:
    return m[0]


def _kind_group(m: Mention) -> str:
    if m.kind == "pron":
        low = m.text.lower()
        return "he_she" if low in ("he", "she") else "they" if low == "they" else "it" if low == "it" else "i_we"
    if m.kind == "role":
        words = m.text.lower().split()
        if words and words[-1] in PLURAL_ROLES:
            return "role_plural"
        if words and words[0] in _INDEFINITE:
            return "role_indef"
        return "role"
    return m.kind


class Window:
    """The regions around one inline quote: (label, paragraph, start, end)."""

    def __init__(self, doc: Doc, paras: dict[int, Para], cand: Candidate) -> None:
        self.paras = paras
        self.regions: list[tuple[str, int, int, int]] = []
        first, last = cand.parts[0], cand.parts[-1]
        fp, lp = first.para, last.para
        ftext = doc.paras[fp]
        qs = sentence_start(ftext, first.open_pos)
        self.starts_para = not ftext[max(0, qs) : first.open_pos].strip() and qs == 0
        self.regions.append(("head", fp, max(qs, first.open_pos - _WINDOW), first.open_pos))
        intro = ftext[max(0, first.open_pos - 8) : first.open_pos].rstrip()
        if qs > 0:
            ps = sentence_start(ftext, qs - 1)
            self.regions.append(("prev", fp, max(ps, qs - _WINDOW), qs))
        elif fp > 0 and doc.kinds[fp - 1] not in ("h", "embed", "pre") and doc.paras[fp - 1].strip():
            ptext = doc.paras[fp - 1]
            end = len(ptext.rstrip())
            ps = sentence_start(ptext, max(0, end - 1))
            self.regions.append(("prevpara", fp - 1, max(ps, end - _WINDOW), end))
            if self.starts_para:
                intro = ptext[max(0, end - 3) : end]
        self.intro_colon = intro.endswith(":")
        for a, b in zip(cand.parts, cand.parts[1:], strict=False):
            if a.para == b.para and a.close_pos is not None:
                self.regions.append(("split", a.para, a.close_pos + 1, b.open_pos))
        if last.close_pos is not None:
            ltext = doc.paras[lp]
            se = sentence_end(ltext, last.close_pos + 1)
            self.regions.append(("tail", lp, last.close_pos + 1, min(se, last.close_pos + 1 + _WINDOW)))
            if se < len(ltext):
                ne = sentence_end(ltext, se + 1)
                self.regions.append(("next", lp, se, min(ne, se + _WINDOW)))
        self.has_cue = any(paras[p].has_cue(lo, hi) for _r, p, lo, hi in self.regions)

    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        for region, para, lo, hi in self.regions:
            info = self.paras[para]
            k = bisect.bisect_left(info.mention_starts, lo)
            found = info.mentions
            while k < len(found) and found[k][0] < hi:
                start, end, kind, text, poss = found[k]
                if end <= hi:
                    out.append(Mention(para, start, end, kind, text, region, possessive=poss))
                k += 1
        return out


def _bucket(n: int) -> str:
    return "0" if n <= 1 else "1" if n <= 4 else "2" if n <= 9 else "3"


def describe(
    win: Window, mentions: list[Mention], cand: Candidate, doc: Doc, registry: EntityRegistry | None = None
) -> None:
    """Fill the features of every mention of the window (in place)."""
    by_region: dict[str, list[Mention]] = {}
    for m in mentions:
        by_region.setdefault(m.region, []).append(m)
    bounds = {(r, p): (lo, hi) for r, p, lo, hi in win.regions}
    compl = complement_spans(mentions, win.paras, _CUES)
    for m in mentions:
        info = win.paras[m.para]
        kg = _kind_group(m)
        f = m.feats
        f["bias"] = 1.0
        f[f"k:{kg}"] = 1.0
        f[f"r:{m.region}"] = 1.0
        f[f"r:{m.region}|k:{kg}"] = 1.0
        if m.possessive:
            f["poss"] = 1.0
        spans = compl.get(m.para, {})
        if m.end in spans:
            f["cue_after_compl"] = 1.0  # "a spokesman| for <org> said"
            f[f"cue_after_compl|k:{kg}"] = 1.0
        elif any(a <= m.start and m.end <= b for a, b in spans.items()):
            f["in_compl"] = 1.0  # "<org>" there: next to the verb, not its subject
        elif info.cue_after(m.end):
            f["cue_after"] = 1.0
            f[f"cue_after|k:{kg}"] = 1.0
            f[f"cue_after|r:{m.region}"] = 1.0
        before = info.cue_before(m.start)
        if before is not None:
            f["cue_before"] = 1.0
            f[f"cue_before|k:{kg}"] = 1.0
            f[f"cue_before|r:{m.region}"] = 1.0
            if before[0] in _OBJECT_CUES and before[1] <= 1:
                f["object_of_cue"] = 1.0  # "told the Times", "asked Kim": the hearer
        if m.kind == "name":
            gpos = doc.g(m.para, m.start)
            ent = registry.lookup(m.text, gpos) if registry else None
            _entity_features(f, ent, m)
            if ent is not None and _at(ent.subjects, gpos):
                f["subject"] = 1.0  # the subject of its sentence ("Asked about X, Kim gave …")
                f[f"subject|r:{m.region}"] = 1.0
        elif m.kind == "role":
            head = m.text.lower().split()[-1]
            htype = "doc" if head in DOCUMENT_NOUNS else ROLE_NOUNS.get(head, "unknown")
            f[f"role:{htype}"] = 1.0
        w1, w2 = info.word_before(m.start), info.word_before(m.start, 2)
        if (w1 == "to" and w2 == "according") or (w2 == "to" and info.word_before(m.start, 3) == "according"):
            f["according"] = 1.0
        elif w1 in _PREPS or (w1 == "the" and w2 in _PREPS):
            f["prep_before"] = 1.0
        if m.kind == "name" and w1 in ("the", "a", "an"):
            f["det_before_name"] = 1.0
        same = by_region[m.region]
        lo, hi = bounds.get((m.region, m.para), (m.start, m.end))
        if m.kind == "name":
            nxt = next((o for o in same if o.start >= m.end), None)
            if (
                nxt is not None
                and nxt.kind == "name"
                and info.tokens_between(m.end, nxt.start) <= 2
                and not any(c in ",.;:" for c in info.text[m.end : nxt.start])
            ):
                f["modifier"] = 1.0
        if m.region in ("head", "prev", "prevpara"):
            between = sum(1 for o in same if o.start >= m.end)
            dist = info.tokens_between(m.end, hi)
        else:
            between = sum(1 for o in same if o.end <= m.start)
            dist = info.tokens_between(lo, m.start)
        f[f"d:{_bucket(dist)}"] = 1.0
        if m.region in ("head", "tail", "split"):
            f[f"d:{_bucket(dist)}|k:{kg}"] = 1.0
        f["nearest" if between == 0 else "between1" if between == 1 else "between2"] = 1.0
        if win.intro_colon and m.region in ("head", "prev", "prevpara"):
            f["colon"] = 1.0
        if m.region in ("prev", "prevpara", "next"):
            if info.tokens_between(sentence_start(info.text, m.start), m.start) <= 1:
                f["sent_initial"] = 1.0
                f[f"sent_initial|r:{m.region}"] = 1.0
        if (m.pattern and "in_compl" not in f and not _in_role(m, same)) or any(
            o.pattern and o.para == m.para and (
                m.end <= o.start and o.end <= spans.get(m.end, -1)
                or (m.kind == "role" and o is not m and m.start <= o.start and o.end <= m.end)
            ) for o in same
        ):
            # the patterns' subject, or the head of a complement holding it ("a spokesman for
            # <org> said"), or the description holding it ("the <Grammy> winner said")
            f["pattern"] = 1.0
            f[f"pattern|k:{kg}"] = 1.0
        if not win.has_cue:
            f["no_cue_in_window"] = 1.0


def _in_role(m: Mention, same: list[Mention]) -> bool:
    """A name inside a description ("the <Grammy> winner"): a qualifier, not the subject."""
    return m.kind == "name" and any(
        o.kind == "role" and o.para == m.para and o.start < m.start and m.end < o.end for o in same
    )


def _at(sorted_positions: list[int], pos: int) -> bool:
    k = bisect.bisect_left(sorted_positions, pos)
    return k < len(sorted_positions) and sorted_positions[k] == pos


def _entity_features(f: dict[str, float], ent: Entity | None, m: Mention) -> None:
    """What the article says about the entity a name mention belongs to."""
    if ent is None:
        f["nm:unindexed"] = 1.0
        return
    if is_personlike(ent):
        f["nm:person"] = 1.0
    elif is_personlike(ent, True):
        f["nm:person_weak"] = 1.0
    else:
        f[f"nm:{ent.type}"] = 1.0
    if len(ent.name.split()) == 1:
        f["nm:single_word"] = 1.0
    if len(ent.positions) == 1:
        f["nm:once"] = 1.0
    if ent.male or ent.female:
        f["nm:gendered"] = 1.0


def special_candidates(win: Window, cand: Candidate, prev: Candidate | None) -> list[Mention]:
    """INHERIT (when there is a previous inline quote) and NONE."""
    first = cand.parts[0]
    out = []
    base = {"starts_para": float(win.starts_para), "no_cue_in_window": float(not win.has_cue),
            "colon": float(win.intro_colon)}
    if prev is not None and prev.parts:
        gap = first.para - prev.parts[-1].para
        f = {"inh:bias": 1.0, **{f"inh:{k}": v for k, v in base.items() if v}}
        f["inh:same_para" if gap == 0 else "inh:prev_para" if gap == 1 else "inh:far"] = 1.0
        if prev.speaker_raw or prev.inherit:
            f["inh:prev_attributed"] = 1.0
        out.append(Mention(first.para, -1, -1, "inherit", feats=f))
    out.append(Mention(first.para, -1, -1, "none", feats={"none:bias": 1.0, **{f"none:{k}": v for k, v in base.items() if v}}))
    return out


def masked_paragraph(text: str, spans: list[Span]) -> str:
    """`text` with the quotes blanked out (offsets kept); an unclosed quote runs to the end."""
    return mask_ranges(text, [(s.open_pos, s.close_pos + 1 if s.close_pos is not None else len(text))
                              for s in spans])
