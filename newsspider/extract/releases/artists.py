"""Who released it: the article's artists (headline subject, explicit mentions, short references to known names) and the owner of a title ("LUMINA's single")."""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy
from newsspider.extract.mentions import Mentions, Referent
from newsspider.extract.releases.vocab import (
    _DESCRIPTOR_WORDS,
    _NAME_RUN,
    _ORG_WORDS,
    _Q_OPEN,
    _ROLE_AFTER,
    _STOP_CAPS,
    _WEEKDAY_MONTH,
    _since_title,
    _Title,
)

_NOT_ARTIST = ("agency", "broadcaster", "organisation", "place")


class _Artists:
    """Known artists of the article and the current one (for "the group", "he", "their")."""

    def __init__(self, title: str | None, body: str, paragraphs: list[str] | None = None,
                 mentions: Mentions | None = None) -> None:
        self.known: list[str] = []
        self.current: str | None = None
        self.paragraphs = paragraphs if paragraphs is not None else body.split("\n")
        # an index of other paragraphs would place and type the names wrongly: not reused
        same = mentions is not None and mentions.doc.paras == [p or "" for p in self.paragraphs]
        self._mentions: Mentions | None = mentions if same else None
        self.main: str | None = _artist_from_title(title, body) if title else None
        if self.main:
            self.add(self.main)
            self.current = self.main

    @property
    def mentions(self) -> Mentions:
        """The article's entities (shared mention resolution): the quote extractor's index of the
        same paragraphs when it built one, else built here on first use."""
        if self._mentions is None:
            self._mentions = Mentions(self.paragraphs)
        return self._mentions

    def who(self, name: str) -> Referent | None:
        return self.mentions.who(name)

    def is_org(self, name: str) -> bool:
        """An agency, broadcaster, organisation or place: never the artist of a release."""
        r = self.who(name)
        return r is not None and r.type in _NOT_ARTIST and r.confidence >= 0.8

    def is_agency(self, name: str) -> bool:
        r = self.who(name)
        return r is not None and r.type == "agency" and r.confidence >= 0.8

    def resolve(self, name: str) -> str:
        """The fullest name the article gives for `name` ("Bennett" -> "Taylor Bennett")."""
        r = self.who(name)
        if (r is not None and r.confidence >= 0.8 and r.name != name and r.type in ("person", "group")
                and _word_in(name, r.name)):
            return r.name
        return name

    def add(self, name: str) -> None:
        if name not in self.known:
            self.known.append(name)

    def set_current(self, name: str) -> str:
        name = self.canonical(name)
        if name not in self.known:
            name = self.resolve(name)
        self.add(name)
        self.current = name
        return name

    def canonical(self, name: str) -> str:
        """A known artist's full name for a short reference ("Baek" -> "Baek Seo-yeon",
        "Daybreak" -> "Daybreak Radio"); the name itself when none fits."""
        if name in self.known:
            return name
        words = name.split()
        fits = [
            k
            for k in self.known
            if len(k.split()) > len(words)
            and (k.split()[: len(words)] == words or k.split()[-len(words) :] == words)
        ]
        if not fits:
            return name
        for pref in (self.current, self.main):
            if pref in fits:
                return pref
        return fits[0]


def _strip_descriptors(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _DESCRIPTOR_WORDS:
        words.pop(0)
    return " ".join(words)


def _valid_artist(name: str) -> bool:
    if not name or len(name) > 40:
        return False
    if _ORG_WORDS.search(name):
        return False
    first = name.split()[0].rstrip("’'")
    if first in _STOP_CAPS and len(name.split()) == 1:
        return False
    return not re.fullmatch(r"[\d\W]+|\d+-[a-z]+", name)


_HEADLINE_OPENER = lazy(
    r"^\s*(?:Why|How|What|When|Where|Who|Whose|Inside|Watch|Listen(?:\s+to)?|Meet|"
    r"Here(?:[’']s|\s+[Ii]s|\s+[Aa]re))\s+"
)
_LIST_HEADLINE = lazy(
    r"^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"top\s+\d+|the\s+\d+)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]*[a-z]s\b",
    re.I,
)


def _artist_from_title(title: str, body: str) -> str | None:
    t = re.sub(r"^[^:]{0,30}:\s+", "", title) if ":" in title[:32] else title
    # a leading work title ("‘Drama Name’ Star Kim Ji-ho Sings ..."): the name follows it
    t = re.sub(r"^\s*[“‘\"'][^“”‘’\"]{1,60}[”’\"']\s+(?=\S)", "", t)
    # question and list headlines: "Why Kim Do-yun Chose ...", "Five Drama OSTs To Add ..."
    t = _HEADLINE_OPENER.sub("", t)
    if _LIST_HEADLINE.match(t):
        return None
    # possessive: "VELVETEEN’s Yuna lends", "Jungkook’s ‘Golden’", "NewJeans’ “How Sweet”"
    m = re.match(r"\s*(?P<a>[^’'“‘\"]{1,40}?)(?:[’']s|(?<=s)[’'])\s+(?P<rest>.*)", t)
    if m:
        owner = _strip_descriptors(m.group("a").strip())
        tail = re.search(r"(?:^|\s)((?:[A-Z0-9(][\w’'.()&-]*\s*)+)$", owner)
        if tail and tail.start(1) > 0:
            owner = tail.group(1).strip()  # "A complete list of Jae Min" -> "Jae Min"
        rest = m.group("rest")
        if rest[:1] not in _Q_OPEN and (rest[:1].isupper() or rest[:1].isdigit()):
            person = _longest_in_body(rest, body) or _leading_name(rest.split())
            if person and person not in _STOP_CAPS:
                return person
        if owner and _valid_artist(owner):
            if not body or _word_in(owner, body):
                return owner
            # "HYPERBLOOM Top Japan’s Chart": the owner is not a name the body uses
            found = _longest_in_body(owner, body)
            if found:
                return found
    words = t.split()
    # drop leading descriptors ("Rookie Girl Group CRESCENT ...", "Ballad singer Kang ...")
    while words and words[0].lower() in _DESCRIPTOR_WORDS:
        words.pop(0)
    found = _longest_in_body(" ".join(words), body)
    if found:
        return found
    # not named in the body: a sentence-case headline's leading capitalised run
    # ("STARGAZE drop ‘Lanterns’", "Kim Yu-na to release ...")
    return _leading_name(words)


def _take_while(words: list[str], pred) -> list[str]:  # noqa: ANN001
    out = []
    for w in words:
        if not pred(w):
            break
        out.append(w)
    return out


def _leading_name(words: list[str]) -> str | None:
    lead = _take_while(words[:4], lambda w: w[:1].isupper() or w[:1].isdigit() or w[:1] == "(")
    # Title Case headline: an all-caps run is the group ("LUNAR Makes Dreamy Debut")
    caps = _take_while(lead, lambda w: w.rstrip("’'s").isupper() and len(w) > 1)
    if caps and len(caps) < len(lead):
        lead = caps
    if lead and len(lead) < len(words) and len(lead) <= 3:
        name = re.sub(r"[’']s?$", "", " ".join(lead).rstrip(",:"))
        if _valid_artist(name) and name not in _STOP_CAPS:
            return name
    return None


def _word_in(name: str, text: str) -> bool:
    """`name` occurs in `text` as a whole word (cheap substring test first)."""
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
            return True
        i = text.find(name, i + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def _longest_in_body(text: str, body: str) -> str | None:
    words = text.split()
    for k in range(min(4, len(words)), 0, -1):
        cand = " ".join(words[:k]).rstrip(",:’'")
        cand = re.sub(r"[’']s?$", "", cand)
        if not cand or cand in _STOP_CAPS or not _valid_artist(cand):
            continue
        if _word_in(cand, body):
            return cand
    return None


def _names_in(span: str, artists: _Artists) -> list[tuple[int, int, str]]:
    """Candidate artist names (start, end, name) in `span`."""
    out: list[tuple[int, int, str]] = []
    for m in _NAME_RUN.finditer(span):
        raw = m.group(0)
        # trailing possessive
        name = re.sub(r"[’']s$", "", raw)
        name = _strip_descriptors(name)
        words = name.split()
        while (
            words
            and words[0] in _STOP_CAPS
            and not (
                words[0] in _WEEKDAY_MONTH
                and len(words) > 1
                and words[1] not in _STOP_CAPS
                and words[1][:1].isalpha()
            )
        ):
            words.pop(0)
        name = " ".join(words)
        if not name or not _valid_artist(name):
            continue
        if _ROLE_AFTER.match(span[m.end() :]) and not re.match(r"[’']s", span[m.end() :]):
            continue
        start = m.start() + raw.find(words[0]) if words else m.start()
        out.append((start, start + len(name), name))
    for known in artists.known:
        if known[:1].islower() and known in span:
            for m in re.finditer(r"(?<![\w-])" + re.escape(known) + r"(?![\w-])", span):
                out.append((m.start(), m.end(), known))
    out.sort()
    return out


_POSSESSIVE = lazy(
    r"(?P<n>(?:\([A-Z]\))?[\w][\w&\-]*(?:\.[A-Z][\w&\-]*)?(?:\s+[\w][\w&\-]*){0,3})(?:[’']s|(?<=[sS])[’'])\s"
)


_GAP_VERB = lazy(
    r"\b(?:will|would|is|are|was|were|has|have|had|to|release[sd]?|drops?|dropped|returns?|"
    r"debuts|debuted|came|comes|said|says|and|with)\b",
    re.I,
)


def _possessive_artist(sent: str, pos: int, artists: _Artists) -> str | None:
    """ "LUMINA’s Japanese digital single “X”" / "Seo Ha-eun’s “X”": the owner right before
    the title, with only modifiers in between (not "ARIA’s Sena will drop her single “X”")."""
    if pos <= 0:
        return None
    window = sent[max(0, pos - 70) : pos]
    cut = max(window.rfind("”"), window.rfind(";"), window.rfind('"'))
    window = window[cut + 1 :]
    if "’" not in window and "'" not in window:
        return None
    best = None
    for m in _POSSESSIVE.finditer(window):
        gap = window[m.end() :]
        if _GAP_VERB.search(gap) or re.search(r"(?<![\w-])(?!(?:EP|OST|MV|LP)\b)[A-Z][a-z]", gap):
            continue
        owner = m.group("n")
        # keep the longest capitalised tail ("Singer-songwriter Seo Ha-eun")
        names = _names_in(owner + " ", artists)
        if names:
            best = names[-1][2]
            tail = owner[names[-1][0] :]
            if tail and not tail.startswith(best):
                best = _strip_descriptors(tail)
    if best and not re.search(r"[’']s\s+(?:\w+\s+)?(?:agency|label|company)", window):
        return best
    return None


def _artist_for(sent: str, ts: int, t: _Title, voice: str, artists: _Artists) -> str | None:
    # 1. possessive owner before the title ("LUMINA’s ... single “X”", "IVE’s second mini album")
    owner = _possessive_artist(sent, t.start, artists)
    if owner and not artists.is_agency(owner):
        return artists.set_current(owner)
    # "the group’s summer single “X”": the article's group
    if t.start > 0 and _GROUP_POSSESSIVE.search(_since_title(sent[max(0, t.start - 70) : t.start])):
        return artists.main or artists.current
    # 2. the subject before an active trigger ("Boy band POLARIS will release")
    if voice == "active" or t.start > ts:
        clause = _mask_quotes(sent[:ts])
        subords = list(re.finditer(r"\b(?:that|who)\s", clause))
        if subords:
            clause = clause[subords[-1].end() :]
        # drop appositives ", the leader of boy band BTS,"
        clause = re.sub(r",\s+(?:the|a|an)\s[^,]{0,60},", " ", clause)
        # a leading phrase before the subject ("On March 11 at 6 p.m. KST, ", "Formed through
        # Mnet’s survival show, ", "According to the agency, ")
        lead = _LEADING_PHRASE.match(clause)
        if lead:
            clause = clause[lead.end():]
        names = [n for n in _names_in(clause, artists) if not artists.is_org(n[2])]
        if names:
            return artists.set_current(names[-1][2])
    elif artists.current is None:
        # "Kang Seo-ri sings “X” ...; the track was released on ...": the sentence's subject
        end = t.start if t.start >= 0 else ts
        names = _names_in(_mask_quotes(sent[:end]), artists)
        if names and names[0][0] == len(sent[: names[0][0]]) - len(sent[: names[0][0]].lstrip()):
            r = artists.who(names[0][2])
            if r is not None and r.type in ("person", "group") and r.confidence >= 0.8:
                return artists.set_current(names[0][2])
    return artists.current


_LEADING_PHRASE = lazy(
    r"^\s*(?:(?:On|In|At|By|After|Before|Since|Following|Formed|Founded|According|Speaking|"
    r"Earlier|Later|Last|This|Next|Meanwhile|However|Also|Then)\b[^,;]{0,80},\s+)+"
    r"(?=(?:the|The|he|He|she|She|they|They|it|It|[A-Z]))"
)


_GROUP_POSSESSIVE = lazy(
    r"\b(?:the|The)\s+(?:(?:boy|girl|rookie|co-ed|[\w-]+-member)\s+)*(?:group|band|duo|trio|quartet|unit)"
    r"[’']s\s+(?:[\w-]+,?\s+){0,5}$"
)


_QUOTED = lazy(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’")


def _mask_quotes(text: str) -> str:
    """Quoted spans blanked out (same length), so words of a title are not taken for names."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
