"""Short lines around the text that are not the text: boilerplate lines ("Advertisement",
"Share"), template markers, contact lines, dates and reading times, photo credits, bylines,
calls to action ("More on this topic", "Watch ... below!")."""

from __future__ import annotations

import re

from newsspider.extract.lazyre import lazy

_BOILER_LINE = lazy(
    r"^(?:advertisement|anzeige|werbung|publicité|publicidad|pubblicità|annonse|annons|reklame|"
    r"sponsored|ad|ads|share|share this|share this article|share on \w+|teilen|tweet|"
    r"read more|weiterlesen|mehr lesen|mehr zum thema|see also|related|related articles?|"
    r"scroll to top|back to top|nach oben|zum seitenanfang|continue reading|"
    r"subscribe|sign up|newsletter|print|drucken|copy link|link kopieren|e-?mail|"
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|"
    r"loading\.*|bitte warten|click here|hier klicken|leave a reply|comments?|kommentare?|"
    r"photo|foto|bild|image|video|audio|listen|anhören|vorlesen|"
    r"[\d\s:./-]+|\W+)$",
    re.IGNORECASE,
)

# unexpanded template markers ("$$ARTICLEAD$$", "{{ad_slot}}", "%%AD%%")
_PLACEHOLDER = lazy(r"^(?:\$\$[\w-]+\$\$|\{\{[^{}]*\}\}|%%[\w-]+%%|\[\[[\w-]+\]\])$")
_EMAIL = lazy(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)

_MONTHS = (
    r"jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|rero|braio|ruari)?|märz|mar(?:ch|s|zo|ço)?|"
    r"maart|apr(?:il|ile)?|avril|abril|ma[iy]|mayo|maggio|maio|mei|jun(?:e|i|io|ho)?|juin|"
    r"giugno|jul(?:y|i|io|ho)?|juillet|luglio|aug(?:ust|ustus)?|août|agosto|"
    r"sep(?:t|tember|tiembre)?|sept?embre|setembro|oct(?:ober|obre)?|okt(?:ober)?|ottobre|"
    r"outubro|nov(?:ember|embre|embro)?|de[cz](?:ember)?|d[ée]cembre|diciembre|dicembre|"
    r"dezembro|enero|gennaio|febrero|janeiro|fevereiro|ocak|şubat|mart|nisan|mayıs|haziran|"
    r"temmuz|ağustos|eylül|ekim|kasım|aralık|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"mo|di|mi|do|fr|sa|so|heute|gestern|today|yesterday|hoy|ayer|aujourd'hui|hier|oggi|ieri"
)
# words of "Published: ... | Updated ... | 3 min read" lines (besides dates and times)
_DATE_WORDS = (
    r"stand|publiziert|veröffentlicht|aktualisiert|erschienen|geschrieben|am|um|uhr|lesezeit|"
    r"lesedauer|min|mins|minuten|minutes?|read|reading|time|updated?|published|posted|last|on|"
    r"at|et|cet|cest|mez|mesz|gmt|utc|bst|edt|est|pdt|pst|ist|jst|kst|pm|a\.m|p\.m|"
    r"hours?|days?|stunden?|tagen?|ago|vor|seit|online|zuletzt|geändert|le|à|mis|jour|publié|"
    r"modifié|il|y|a|heures?|actualizado|publicado|atualizado|el|las|ore|aggiornato|"
    r"pubblicato|alle|and|und|publicerad|uppdaterad|publisert|oppdatert|udgivet|opdateret|kl|"
    r"gepubliceerd|bijgewerkt|publikacja|aktualizacja|giriş|güncelleme|"
    r"minuti|di|lettura|lectura|leitura|lecture"
)
_DATE_TOKEN = lazy(
    rf"\b(?:{_MONTHS})\b\.?|\b(?:{_DATE_WORDS})\b\.?|\d+(?:[.:/h]\d*)*|[|/,·•:\-–—()]|"
    r"[年月日時分]|更新|입력|수정",
    re.IGNORECASE,
)
_TIME_OR_META = lazy(
    r"\d{1,2}[:.h時]\s?\d{2}|\b(?:uhr|min|mins|minuten|minutes?|lesezeit|lesedauer|read|stand|"
    r"publiziert|veröffentlicht|aktualisiert|erschienen|geschrieben|updated?|published|posted|"
    r"publié|actualizado|publicado|aggiornato|pubblicato|publicerad|uppdaterad|publisert|"
    r"oppdatert|publikacja|aktualizacja|giriş|güncelleme|ago)\b|更新|입력",
    re.IGNORECASE,
)
_DIGIT_EDGE = lazy(r"(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)")
# a credit line: its anchored half is matched at the start; the rest needs a ':' or a '|'
# (`_credit_line`; `_CREDIT_LINE`, the two in one pattern, says what it answers)
_CREDIT_HEAD = (r"^(?:bildrechte|bildquelle|fotos?|photos?|bild|image|credit|quelle|source|"
                r"copyright|fotocredit|picture)\s*[:©]|^(?:©|\(c\)\s|copyright\s+©)")
_CREDIT_TAIL = r"(?:bildrechte|foto|photo|credit)\s*:\s*[^.!?:]{2,60}$|\|\s*getty images$"
_CREDIT_LINE = lazy(f"{_CREDIT_HEAD}|{_CREDIT_TAIL}", re.IGNORECASE)
_CREDIT_START = lazy(_CREDIT_HEAD, re.IGNORECASE)
_CREDIT_END = lazy(_CREDIT_TAIL, re.IGNORECASE)
_BYLINE_LINE = lazy(
    r"^(?:von|by|par|por|di|door|av|af|autor|autorin|author)\s*:?\s+"
    r"[A-ZÄÖÜÉ][\w'.-]+(?:[\s,]+(?:und|and|et|y|e|og|och|von|van|de|der|den|la|le|di|da|"
    r"[A-ZÄÖÜÉ][\w'.-]*))*\s*[,.]?\s*$"
)
_CTA_LINE = lazy(
    r"^(?:mehr zum thema|mehr zu[mr]?\b|lesen sie (?:auch|mehr)|weitere informationen|"
    r"dieses thema im programm|fehler gefunden|got a story|for more stories|follow [\w.]+ on|"
    r"sign up (?:to|for)|subscribe to|related:|read more:|read also|see also|also read|"
    r"mit agenturmaterial|mit informationen (?:von|der|des)|with files from|with reporting by|"
    r"auch interessant|das könnte sie auch interessieren|passend zum artikel|"
    r"schlagwörter|tags?:|themen:|zitiervorschlag|links:|"
    r"click here|klicken sie hier|hier klicken|jetzt abonnieren|abonnieren sie|"
    r"you might also like|recommended|don't miss|"
    r"lire aussi|à lire aussi|leggi anche|lee también|te puede interesar|les også|läs också|"
    r"our website is|we apologi[sz]e, but|wird geladen|czytaj (?:więcej|też|także)|"
    r"pozostało jeszcze|il vous reste|la suite est réservée|para saber más|noticia relacionada|"
    r"más información|sommaire|häufig gelesen|meistgelesen|ein klick für den datenschutz|"
    r"quellen:|sources:|kommentar abgeben|yazı boyutu|reklam:?$|реклама:?$|advertisement:?$|"
    r"\[pr\]$|【関連記事】|関連記事|関連キーワード|おすすめ情報|この記事は会員限定|"
    r"cek berita|stay informed with|hat ihnen dieser artikel gefallen|"
    r"get real-time updates|liveblog$)",
    re.IGNORECASE,
)

# "Watch <show> on <service> below!", "This article first appeared on ... and is republished
# with permission"
_CTA_HEAD = (
    r"^(?:watch|listen to|stream|check out|schauen sie|sehen sie|hören sie)\b.{0,120}"
    r"\b(?:below|here|above|unten|hier)\s*[.!:]?$|"
    r"^this (?:article|story|piece|post) (?:was |is |has been )?(?:first |originally )?"
    r"(?:published|appeared|posted)\b"
)
_CTA_REPUBLISHED = (r"\b(?:republished|reproduced|reprinted) (?:here )?with (?:the )?(?:kind )?"
                    r"permission\b")
_CTA_ANY = lazy(f"{_CTA_HEAD}|{_CTA_REPUBLISHED}", re.IGNORECASE)  # what `_cta_any` answers
_CTA_START = lazy(_CTA_HEAD, re.IGNORECASE)
_CTA_PERMISSION = lazy(_CTA_REPUBLISHED, re.IGNORECASE)


def _credit_line(text: str) -> bool:
    """``_CREDIT_LINE.search(text)``: the alternatives anchored at the start by one match, the
    others (each needs a ':' or a '|', characters no case folding reaches) only searched in a
    text that holds one. The plain search tried every position of every paragraph."""
    return _CREDIT_START.match(text) is not None or (
        (":" in text or "|" in text) and _CREDIT_END.search(text) is not None)


def _cta_any(text: str) -> bool:
    """``_CTA_ANY.search(text)``, the same way: the unanchored alternative needs "perm" in the
    lower-cased text (p, e, r, m: no other character folds to them)."""
    return _CTA_START.match(text) is not None or (
        "perm" in text.lower() and _CTA_PERMISSION.search(text) is not None)


def _date_line(text: str) -> bool:
    """Nothing but date/time words ("Published 3 March 2026, 10:05 | 3 min read")."""
    return len(text) <= 80 and any(map(str.isdigit, text)) and not _DATE_TOKEN.sub(
        " ", _DIGIT_EDGE.sub(" ", text)).split()


def _chrome_line(text: str, lead: bool) -> bool:
    n = len(text)
    if _date_line(text):
        # nothing but date/time words: keep bare dates deeper in the text (live-blog days)
        if lead or _TIME_OR_META.search(text):
            return True
    if n <= 250 and (_credit_line(text) or _CTA_LINE.match(text) or _cta_any(text)):
        return True
    return lead and n <= 90 and _BYLINE_LINE.match(text) is not None


def _chrome_head(text: str) -> bool:
    """A line that opens a box of other things than the text ("Related", "Read more")."""
    return bool(_BOILER_LINE.match(text) or _CTA_LINE.match(text))


def _story_head(text: str) -> bool:
    """A date or byline line: the header of a story (another one, after ours)."""
    return _date_line(text) or (len(text) <= 90 and _BYLINE_LINE.match(text) is not None)
