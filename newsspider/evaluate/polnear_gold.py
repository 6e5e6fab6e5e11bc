"""Who a PolNeAR source names, for scoring speakers (see `newsspider.evaluate.polnear`).

A source span "names someone" (`_named`) when its head is a proper name; a pronoun or a
description ("he", "the agency") does not, and `gold_speaker_targets` approximates the name it
refers to (the nearest preceding named source that looks like a person, or the antecedent of a
relative pronoun) so that ``spk-acc-all`` can score those quotes too.
"""

from __future__ import annotations

import re

_STOP = frozenset(
    "the a an of and mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. president "
    "to in for on at s".split()
)
_PRONOUNS = frozenset("he she they it i we you him her them his its their my our".split())
_RELATIVE = frozenset(("who", "which", "that", "whom", "whose"))
_CUE_WORDS = frozenset("said says told tells added wrote asked explained".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our my your one another some".split())


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"[\w’'\-]+", s.lower().replace("’s", "").replace("'s", "")) if t not in _STOP}


def _lower_vocab(doc: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z\-]+\b", doc))


def _named(src: str, lower_vocab: frozenset[str] = frozenset()) -> bool:
    """The source names someone: the head of its first phrase (before a comma, a
    parenthesis or an "of/at/from/who" clause) is a capitalised word that is not a pronoun,
    a determiner or a word the document also uses in lower case ("Officials", "Few")."""
    head = re.split(r",|\(|\s(?:of|at|from|for|who|which|that|in|on)\s", src, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w’'\-.]*", head)
    if not words:
        return False
    last = re.sub(r"(?:’s|'s|’|')$", "", words[-1]).rstrip(".")
    if not last or not last[0].isupper():
        return False
    low = last.lower()
    return low not in _PRONOUNS and low not in _DETERMINERS and low not in lower_vocab


def _antecedent_of_relative(doc: str, pos: int) -> str | None:
    """`Kerry, who said ...` / `the agency, which ...`: the name right before a relative
    pronoun source (skipping a comma and a parenthesis)."""
    before = doc[max(0, pos - 120) : pos]
    before = re.sub(r"\s*\([^()]*\)\s*$", "", before.rstrip(" ,")).rstrip(" ,")
    m = re.search(r"((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-.]*)$", before)
    return m.group(1) if m else None


def _head_word(src: str) -> str:
    head = re.split(r",|\(|\s(?:of|at|from|for|who|which|that|in|on)\s", src, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w’'\-.]*", head)
    return re.sub(r"(?:’s|'s|’|')$", "", words[-1]).rstrip(".") if words else ""


_CAP_FUNCTION = r"(?:The|A|An|In|On|At|Of|For|And|But|Or|By|To|With|From|As|If|When|While|After|Before)\b"


def _person_like(src: str, doc: str) -> bool:
    """A named source that can be "he"/"she": a multi-word name, or a single word the
    document also writes after a capitalised first name or an honorific ("Donald Trump",
    "Mr. Trump") and never after "the" ("the European Council", "the Post")."""
    head = re.split(r",|\(|\s(?:of|at|from|for|who|which|that|in|on)\s", src, maxsplit=1)[0]
    caps = re.findall(r"\b[A-Z][\w’'\-]+", head)
    if len(caps) >= 2:
        return True
    word = _head_word(src)
    if not word:
        return False
    w = re.escape(word)
    if re.search(rf"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.? {w}\b|\b(?!{_CAP_FUNCTION})[A-Z][a-z]+ (?:[A-Z]\. )?{w}\b", doc):
        return True
    return not re.search(rf"\b[Tt]he {w}\b", doc)


def gold_speaker_targets(attributions: list[dict], doc: str) -> dict[int, list[str]]:
    """For each attribution (by id), the strings a predicted speaker may share a token with:
    the gold source span and, when the source does not name anyone (a pronoun, a relative
    pronoun, a description such as "the president"), the name it refers to. PolNeAR has no
    coreference annotation, so the referent is approximated:

    * relative pronouns ("who", "which", "that") -> the name right before them in the text;
    * a speech verb annotated as the source (an annotation slip: "said") -> the name right
      after it ("…,” said David Plouffe");
    * other pronouns and descriptions -> the nearest preceding gold source (in text order)
      that names someone (`_named`); for "he"/"she" the source must look like a person's
      name (`_person_like`) and is skipped when the document gives it the other gender
      ("Ms. X" for "he", "Mr. X" for "she").
    """
    vocab = _lower_vocab(doc)
    female = set(re.findall(r"\b(?:Ms|Mrs|Miss)\.? ([A-Z][\w’'\-]+)", doc))
    male = set(re.findall(r"\bMr\.? ([A-Z][\w’'\-]+)", doc))

    def srcpos(r: dict) -> int:
        spans = (r.get("source") or {}).get("spans") or []
        return spans[0][0] if spans else 1 << 30

    out: dict[int, list[str]] = {}
    named: list[tuple[int, str]] = []
    for r in sorted(attributions, key=srcpos):
        src = ((r.get("source") or {}).get("text") or "").strip()
        targets = [src] if src else []
        pos = srcpos(r)
        if src and _named(src, vocab):
            named.append((pos, src))
        elif src:
            low = src.lower()
            ref: str | None = None
            if low in _RELATIVE and pos < len(doc):
                ref = _antecedent_of_relative(doc, pos)
            elif low in _CUE_WORDS and pos < len(doc):
                # an annotation slip: the cue marked as source ("…,” said David Plouffe)
                m = re.match(r"\s*\w+\s+((?:[A-Z][\w’'\-.]*\s?){1,4})", doc[pos : pos + 80])
                ref = m.group(1).strip().rstrip(".,") if m else None
            if ref is None:
                for _p, cand in reversed(named):
                    surname = _head_word(cand)
                    if low in ("he", "she") and not _person_like(cand, doc):
                        continue
                    if low == "he" and surname in female and surname not in male:
                        continue
                    if low == "she" and surname in male and surname not in female:
                        continue
                    ref = cand
                    break
            if ref:
                targets.append(ref)
        out[id(r)] = targets
    return out
