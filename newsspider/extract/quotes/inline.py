"""Inline quotes: quoted spans inside paragraphs and their attribution."""

from __future__ import annotations

import re

from newsspider.extract.mentions.text import (
    Doc,
    sentence_start,
)
from newsspider.extract.quotes.blocks import (
    _intro_subject,
)
from newsspider.extract.quotes.cues import (
    _CUE_RE,
    _attribution_after,
    _attribution_before,
    _attribution_embedded,
    _attribution_stance,
    _attribution_tail,
)
from newsspider.extract.quotes.finding import (
    _QUOTE_CHARS,
    _SECOND_CLAUSE,
    Candidate,
    Span,
    _accept,
    _chain_text,
    _chains,
    _partial_sentence_end,
    _word_count,
    _words_upto,
)
from newsspider.extract.quotes.subjects import (
    Subject,
)


def _inline_candidates(doc: Doc, spans_by_para: dict[int, list[Span]], skip: set[int]) -> list[Candidate]:
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
        head_start = sentence_start(ftext, first.open_pos, 0)
        head_start = max(head_start, floor) if floor <= first.open_pos else head_start
        if attrib is None:
            got = _attribution_before(ftext, head_start, first.open_pos)
            if got:
                attrib = (*got, first.para)
        strong = attrib is not None
        if attrib is None:
            got = _attribution_embedded(ftext, sentence_start(ftext, first.open_pos, 0), first.open_pos)
            if got:
                attrib = (*got, first.para)
        if attrib is None and last.close_pos is not None:
            got = _attribution_tail(ltext, last.close_pos)
            if got:
                attrib = (*got, last.para)
        if attrib is None:
            got = _attribution_stance(ftext, head_start, first.open_pos, _words_upto(text, 4) <= 3)
            if got:
                attrib = (*got, first.para)
        if (
            attrib is None
            and _words_upto(text, 4) <= 3
            and ftext[head_start : first.open_pos].rstrip().endswith(":")
        ):
            # a clause introducing a short quote with a colon, "Solano shook her head:
            # “Never.”": its subject (PolNeAR train: 6 of the 7 one-to-three-word spans after
            # a colon are quotes, "had one message: “Dump Trump.”"); longer quotes are
            # accepted anyway and the model picks their speaker
            found = _intro_subject(ftext[: first.open_pos].rstrip())
            if found and found[0].start >= head_start:
                attrib = (found[0], found[1], found[0].start, first.para)
                strong = text.rstrip().endswith((".", "!", "?"))  # a sentence said, not a title
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
