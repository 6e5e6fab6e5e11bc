"""Block quotes (a quoted paragraph with an attribution line or an intro line) and embedded
posts."""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions.text import (
    Doc,
    sentence_start,
)
from newsspider.extract.quotes.cues import (
    _CUE_ALT,
    _attribution_after,
    _attribution_embedded,
)
from newsspider.extract.quotes.finding import (
    _ATTRIB_LINE,
    Candidate,
    Span,
    _title_like,
    _word_count,
    _words_upto,
)
from newsspider.extract.quotes.subjects import (
    _ROLE_NP_FWD,
    Subject,
    _subject_forward,
)

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


_INTRO_CUE = lazy(
    rf"(?:\b(?:{_CUE_ALT}|message|statement|letter|note|post|caption|tweet|posting|thank|"
    r"following|reads?|as follows)\b)[^:]*:\s*$",
    re.IGNORECASE,
)


def _block_candidates(doc: Doc, spans_by_para: dict[int, list[Span]]) -> tuple[list[Candidate], set[int], set[int]]:
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
            if _words_upto(c.text, 4) >= 4 and (c.strong or kind_i == "blockquote"):
                cands.append(c)
                used.update(members)
            i = members[-1] + 1
            continue
        i += 1
    return cands, used, attrib_lines


def _plain_prose(text: str, spans: list[Span]) -> bool:
    if _words_upto(text, 4) < 4 or _title_like(text):
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
    start = sentence_start(intro, len(intro) - 1)
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


def _embed_candidates(doc: Doc, embeds: list[dict]) -> list[Candidate]:
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
