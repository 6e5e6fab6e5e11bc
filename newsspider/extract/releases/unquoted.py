"""Release titles written without quote marks.

Many outlets print titles in plain or italic text that the page's markup loses: "his second solo
album, Quiet Room Loud Heart, is slated for May 24", "an EP called Night Swim", "his first solo
album -- also titled Harbor Lights -- next week". Such a title is only trusted where the
sentence itself says it is one: a title-case run set off as an appositive right after a release
noun (album, single, EP, ...), or introduced by "titled / called / named / dubbed" right after
one. Every other capitalised run is a name, a place or a sentence start, not a title.
"""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.releases.vocab import _Title
from newsspider.extract.text import may_hold

_KIND_NOUN = (
    r"(?i:(?:(?:mini|studio|full-length|solo|debut|new|first|second|third|fourth|fifth|sixth|"
    r"seventh|upcoming|latest|next|digital|special|repackage(?:d)?|english|japanese|korean)\s+)*"
    r"(?P<noun>mini[-\s]?album|album|single|EP|OST|soundtrack|record|LP|mixtape))"
)
_SMALL = r"(?:of|the|a|an|in|on|to|and|for|with|my|your|me|you|is|at|by|from|or|no|not|&)"
_WORD = r"(?:[A-Z0-9][\w’'&!?.-]*)"
_RUN = rf"(?P<t>{_WORD}(?:\s+(?:{_WORD}|{_SMALL}))*?(?:\s+{_WORD})?)"
_APPOSITIVE = lazy(
    rf"\b{_KIND_NOUN}\s*(?P<open>,|--|—|–)\s*(?:also\s+)?(?i:(?:titled|called|named|dubbed)\s+)?"
    rf"{_RUN}\s*(?P<close>,|--|—|–)",
)
_INTRODUCED = lazy(
    rf"\b{_KIND_NOUN}\s*,?\s+(?i:(?:which\s+is\s+|that\s+is\s+)?(?:titled|called|named|dubbed))\s+"
    rf"{_RUN}(?=\s*(?:[,.;:!?]|--|—|–|\s+(?:is|was|will|on|out|drops|arrives|comes|came|"
    rf"hits|lands|dropped|arrived|released|and|in|next|this|later)\b|$))",
)
_NOT_TITLE = lazy(
    r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|The|This|That|These|Those|It|Its|Their|His|Her|Which|"
    r"Who|And|But|Or|According|Although|While|Meanwhile|However|Next|Last|Later|Earlier|"
    r"Now|Then|Also|Today|Tomorrow|Yesterday)\b"
)
_CAP = lazy(r"^[A-Z0-9]")
# every match of _APPOSITIVE / _INTRODUCED holds a release noun (their `noun` group, under the
# same case rules): a sentence without one is answered without running them - or compiling them
# (~2 ms), as on a page whose title and text name no album, single or EP
_ANY_NOUN = lazy(r"(?i:album|single|EP|OST|soundtrack|record|LP|mixtape)")
_NOUN_WORDS = ("album", "single", "ep", "ost", "soundtrack", "record", "lp", "mixtape")


def find_unquoted_titles(sent: str) -> list[_Title]:
    """Titles without quote marks that the sentence marks as the name of a release."""
    out: list[_Title] = []
    if not may_hold(sent, _NOUN_WORDS) or _ANY_NOUN.search(sent) is None:
        return out
    for rx in (_APPOSITIVE, _INTRODUCED):
        for m in rx.finditer(sent):
            text = m.group("t").strip().rstrip(".,;:")
            if not _plausible(text):
                continue
            start = m.start("t")
            if any(t.start <= start < t.end for t in out):
                continue
            noun = m.group("noun").lower()
            kind = _noun_kind(noun)
            out.append(_Title(start, start + len(text), text, kind, kind is not None))
    out.sort(key=lambda t: t.start)
    return out


def _plausible(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 8 or _NOT_TITLE.match(text):
        return False
    caps = [w for w in words if _CAP.match(w)]
    # every content word capitalised (title case), and not a bare year or number
    small = re.compile(rf"^{_SMALL}$", re.IGNORECASE)
    if any(not _CAP.match(w) and not small.match(w) for w in words):
        return False
    return bool(caps) and not re.fullmatch(r"[\d\s.,-]+", text)


def _noun_kind(noun: str) -> str | None:
    noun = re.sub(r"[-\s]+", " ", noun)
    if noun in ("mini album",):
        return "mini_album"
    if noun == "ep":
        return "ep"
    if noun in ("ost", "soundtrack"):
        return "ost"
    if noun in ("single",):
        return "single"
    if noun in ("album", "record", "lp", "mixtape"):
        return "album"
    return None
