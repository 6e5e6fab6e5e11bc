"""Where a name run really starts, told by the rest of the article. A capitalised run can glue
a word that is no part of the name onto it: a sentence-initial adjective or verb ("Brave Dana
Whit has described …", "Neither Dana Whit nor …"), a noun written in lower case elsewhere
("Billionaire Dana Whit"), or an outlet written right before the person ("Speaking to the
Daily Mail Whit claimed"). The run alone cannot tell "Brave Dana Whit" from "Mario Vargas
Llosa"; the article can: it writes the person's name again on its own ("Dana Whit", "Whit").

`recut(paragraph_runs)` returns the name each such run stands for, keyed by (paragraph, start
of the run); the registry files the mention under that name and keeps the glued form as an
alias of the same entity (an attribution that names the glued form finds the person)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsspider.extract.mentions.lexicon import (
    _AMBIGUOUS_FIRST,
    BROADCASTERS,
    FEMALE_FIRST,
    MALE_FIRST,
    ORG_SUFFIXES,
    PLACES,
    ROLE_TITLES,
)
from newsspider.extract.mentions.runs import NameRun, entity_type_of, is_place
from newsspider.extract.mentions.text import LowerWords

_GIVEN = FEMALE_FIRST | MALE_FIRST | _AMBIGUOUS_FIRST
# the first word of a surname of several words ("De Niro", "Abu Amer", "Van Dyke"): a name whose
# tail starts so is one name ("Robert De Niro")
_PARTICLES = frozenset(
    "de da di du del della der den van von la le les el al abu bin ben ibn dos das do ter ten st. st san santa mac".split()
)
# outlets and companies whose names end otherwise than the organisation suffixes ("the Daily Mail")
_OUTLET_ENDS = ORG_SUFFIXES | frozenset(("Mail",))
# party words after an outlet or a body ("CNN Republican debate", "Senate Democrats"): no person
_PARTY_WORDS = frozenset(
    "Republican Republicans Democrat Democrats Democratic Conservative Conservatives Labour Liberal Liberals "
    "Tory Tories GOP".split()
)
_OPENING = re.compile(r"(?:^|[.!?:;…]['’”\")]*\s+)[\s“‘\"'(\[]*$")

Runs = Sequence[tuple[int, str, Sequence[NameRun]]]  # (paragraph, its text, its runs)


def recut(paras: Runs) -> dict[tuple[int, int], str]:
    """The name each glued run stands for (see the module docstring), by (paragraph, run start)."""
    texts: dict[str, int] = {}
    long_runs = False
    for _, _, runs in paras:
        for r in runs:
            texts[r.text] = texts.get(r.text, 0) + 1
            if " " in r.text:
                long_runs = True
    if not long_runs:
        return {}
    out: dict[tuple[int, int], str] = {}
    lower = LowerWords(p for _, p, _ in paras)  # the narration's lower-case words
    surnames: dict[str, list[str]] | None = None
    for i, p, runs in paras:
        for r in runs:
            words = r.text.split()
            if len(words) < 2:
                continue
            if len(words) >= 3:
                name = _lead_word_off(words, texts, lower, p, r)
                if name is not None:
                    out[(i, r.start)] = name
                    continue
            if any(w in _OUTLET_ENDS for w in words[:-1]):
                if surnames is None:
                    surnames = _surnames(texts)
                name = _outlet_off(words, texts, surnames, lower)
                if name is not None:
                    out[(i, r.start)] = name
    return out


def _lead_word_off(words: list[str], texts: dict[str, int], lower: LowerWords, p: str, r: NameRun) -> str | None:
    """"Brave Dana Whit" -> "Dana Whit": the rest of the run is written as a name of its own
    in the article, it looks like a person's name, and the first word is no given name and
    opens its sentence or is written in lower case elsewhere."""
    head, tail = words[0], words[1:]
    rest = " ".join(tail)
    if not texts.get(rest) or head in _GIVEN or tail[0].lower() in _PARTICLES:
        return None
    if not _person_name(rest) or tail[-1].lower() in ROLE_TITLES:
        return None  # "Inspector General" is no name
    if tail[0] not in _GIVEN and any(w.lower() in lower for w in tail):
        return None  # "Boston Red Sox", "World War II": common words, no person
    if head.lower() in lower or _OPENING.search(p, 0, r.start) is not None:
        return rest
    return None


def _surnames(texts: dict[str, int]) -> dict[str, list[str]]:
    """Last word -> the names of two words or more that end with it."""
    out: dict[str, list[str]] = {}
    for t in texts:
        ws = t.split()
        if len(ws) >= 2:
            out.setdefault(ws[-1], []).append(t)
    return out


def _outlet_off(words: list[str], texts: dict[str, int], surnames: dict[str, list[str]], lower: LowerWords) -> str | None:
    """"Daily Mail Whit" -> "Whit": an organisation's name (its last word an organisation
    suffix, or a broadcaster) glued onto a person the article names elsewhere: a surname
    written alone and after a given name, or a full name written alone."""
    for k in range(len(words) - 1, 0, -1):  # the longest organisation first ("Daily Mail")
        head = words[:k]
        if head[-1] not in _OUTLET_ENDS and " ".join(head) not in BROADCASTERS:
            continue
        tail = words[k:]
        rest = " ".join(tail)
        if any(w in _PARTY_WORDS or w in ORG_SUFFIXES or w in PLACES for w in tail):
            return None
        if entity_type_of(rest) in ("org", "place"):
            return None
        last = tail[-1]
        if last.isupper() or any(w.lower() in lower for w in tail):
            return None  # "Solutions PAC", "University Graduate School": no surname
        if len(tail) >= 2:
            return rest if texts.get(rest) and _person_name(rest) else None
        known = [t for t in surnames.get(last, ()) if t != " ".join(words) and not t.startswith(head[0] + " ")]
        if texts.get(last) and any(_person_name(t) for t in known):
            return rest
        return None
    return None


def _person_name(name: str) -> bool:
    """A name of two words or more that reads as a person's: no organisation or place."""
    ws = name.split()
    return entity_type_of(name) not in ("org", "place") and not is_place(ws[0]) and not any(w in _PARTY_WORDS for w in ws)
