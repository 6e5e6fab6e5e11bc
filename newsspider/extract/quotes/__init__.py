"""Direct quotes with speaker attribution.

`extract_quotes(paragraphs, kinds=..., embeds=..., title=...)` finds

* **inline** quotes – words between quote marks attributed in the same sentence
  (“…,” Kim said / Kim said, “…” / “…,” said Kim / “…,” she said, “…” / According to X, “…”),
  including quotes spanning several paragraphs (the opening mark re-opens each paragraph,
  only the last one closes) and partial quotes inside reported speech (said the pattern
  was “mostly an accident.”);
* **block** quotes – a quoted paragraph (a <blockquote>, or a plain paragraph after an
  intro line ending with a colon) followed by an attribution line (“— Name”,
  “- Name, via Instagram”, “— Name to Outlet”), or introduced by “X wrote:”;
* **embed** quotes – the text of embedded posts (tweets, Instagram posts) with the account
  display name as speaker.

Attributions may sit before, after or inside the quote, with long subject phrases
(“…,” Clinton campaign spokesman Brian Fallon said / “…,” Scott Pruitt, the attorney general of
Oklahoma, said). A quote paragraph with no attribution at all takes the subject of the
paragraph before it ("Asked about X, Kim gave the longest answer." / “…”).

Speakers given as pronouns, surnames or roles (“she”, “Kwon”, “the agency”, “the governor”)
are resolved against a registry of the article's names: people vs organisations vs places
(organisation suffixes, a list of countries/states/cities, Korean name shapes, role titles,
appositives), gender (Mr./Ms., given-name lists, gendered role nouns, pronouns after a
mention) and salience: "he"/"she" prefer the most recent compatible sentence subject or
speaker (centering), roles prefer a person seen with that title ("Gov. X" for "the
governor"); "I"/"we" in the narration is the unnamed author (speaker None); "they" right
after two people joined by "and" is "A and B"; written sources and institutions ("a Homeland
Security memo", "the ruling", "the commission") keep the phrase as speaker_raw and map to a
name inside it or a named institution with that head word.

Convention: a quoted span attributed by a reporting cue (said, told, wrote, calls/called it,
described it as, as X put it, according to…) is a quote whatever its length ("said the band
is “nervous and excited.”", "called the plan “a con”"). Scare quotes are the *unattributed*
one-to-three-word spans. Titles of songs/albums/dramas in quotation marks and nicknames
(Marcia “Cia” Price, "nicknamed him “X”", "“X,” a nickname …") are never quotes.

Pure functions over text; no model, no I/O.

Modules: `finding` (quote marks, spans, chains of paragraphs, what is a quotation), `subjects`
(subject phrases: names, pronouns, role descriptions), `cues` (attribution shapes around a
speech verb), `inline` and `blocks` (inline quotes; block quotes, attribution lines and
embedded posts), `speakers` (the attribution mention resolved to an entity, with
`newsspider.extract.mentions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsspider.extract.mentions import Mentions
from newsspider.extract.mentions.text import (
    Doc,
)
from newsspider.extract.quotes.blocks import (
    _block_candidates,
    _embed_candidates,
)
from newsspider.extract.quotes.display import display_name
from newsspider.extract.quotes.documents import document_issuers
from newsspider.extract.quotes.excluded import lower_words
from newsspider.extract.quotes.finding import (
    Span,
    _find_spans,
)
from newsspider.extract.quotes.inline import (
    _inline_candidates,
)
from newsspider.extract.quotes.model import Model, default_model
from newsspider.extract.quotes.nonnames import modifier_speakers
from newsspider.extract.quotes.speakers import (
    _resolve,
    choose_attributions,
    speaker_info,
)

__all__ = ["extract_quotes"]

_NON_WORDS = re.compile(r"\W+")
_WORD_CHAR = re.compile(r"\w")


def extract_quotes(
    paragraphs: Sequence[str],
    *,
    kinds: Sequence[str] | None = None,
    embeds: Iterable[dict] = (),
    title: str | None = None,
    model: Model | None | bool = True,
    trace: list[dict] | None = None,
    min_confidence: float | None = None,
    mentions_out: list[Mentions] | None = None,
) -> list[dict]:
    """Direct quotes of an article body, in document order.

    Each quote is ``{text, speaker, speaker_raw, cue, kind, paragraph, speaker_confidence,
    speaker_type}``: the quoted words without quote marks (a quote spanning paragraphs joined
    with single spaces), the resolved speaker name (full name, organisation or account display
    name; None when no speaker is defensible), the words naming the speaker in the text, the
    reporting verb ("—" for an attribution line), kind "block" | "inline" | "embed", the index
    of the paragraph where the quote starts (None for an embed not placed among the
    paragraphs), how sure the attribution is (0-1, the models' probabilities; 0 for a null
    speaker) and "person" | "organisation" | "unknown".

    `model`: the attribution model (True: the committed weights; None/False: the attribution
    patterns alone; or a `Model`). `trace`: a list that receives, per inline quote, its
    candidates and their features (used to train the model). `min_confidence`: a speaker
    whose confidence is below it is withheld (``speaker`` None, type "unknown", confidence 0;
    ``speaker_raw`` keeps the words): a null is better than a wrong name. None: the threshold
    stored with the model (chosen by cross-validation on PolNeAR train, see
    `newsspider.evaluate.speaker_model`), 0 without a model. `mentions_out`: a list that
    receives the article's mention index when one is built (an article with no quote
    candidate builds none), as the quotes left it, so that the release extractor reuses it.
    """
    if model is True:
        model = default_model()
    elif model is False:
        model = None
    if min_confidence is None:
        min_confidence = float(model.meta.get("min_confidence", 0.0)) if model is not None else 0.0
    doc = Doc(paragraphs, kinds, title)
    embeds = list(embeds or ())
    spans_by_para: dict[int, list[Span]] = {}
    skip_inline: set[int] = set()
    for i, (p, k) in enumerate(zip(doc.paras, doc.kinds, strict=True)):
        if k in ("pre", "embed"):
            skip_inline.add(i)
            continue
        spans_by_para[i] = _find_spans(p, i)

    block_cands, block_paras, attrib_lines = _block_candidates(doc, spans_by_para)
    skip_inline |= block_paras | attrib_lines
    embed_cands = _embed_candidates(doc, embeds)
    inline_cands = _inline_candidates(doc, spans_by_para, skip_inline)

    cands = sorted(block_cands + embed_cands + inline_cands, key=lambda c: c.pos)
    if not cands:
        return []
    quoted = {
        i: [(s.open_pos, s.close_pos + 1 if s.close_pos is not None else len(doc.paras[i])) for s in spans]
        for i, spans in spans_by_para.items()
    }
    skip = block_paras | {c.parts[0].para for c in embed_cands if c.parts}
    mentions = Mentions(doc.paras, kinds=doc.kinds, quoted=quoted, skip=skip, title=doc.title)
    if mentions_out is not None:
        mentions_out.append(mentions)
    registry = mentions.registry
    lower = lower_words(doc)  # asked word by word and cached: one for both passes
    choose_attributions(doc, inline_cands, spans_by_para, model, trace, registry, lower)
    document_issuers(doc, cands)  # "the statement said": its issuer speaks
    _resolve(doc, cands, registry)
    modifier_speakers(doc, cands, lower)  # "Swedish" of "the Swedish government"

    out: list[dict] = []
    seen: set[str] = set()
    # the keys serve only a block or embed quote's test: without one, a quote is dropped only
    # when its key would be empty (its text holds no word character)
    keyed = any(c.kind != "inline" for c in cands)
    for c in cands:
        if keyed:
            key = _NON_WORDS.sub(" ", c.text).strip().lower()
            if not key:
                continue
            # a pull quote or an embed repeating a quote already extracted is dropped; the same
            # words quoted twice inline (a live blog repeating a tweet) are kept
            if c.kind != "inline" and (key in seen or any(key in s for s in seen)):
                continue
            seen.add(key)
        elif _WORD_CHAR.search(c.text) is None:
            continue
        stype, conf = speaker_info(c, registry)
        speaker = c.speaker
        if speaker and conf < min_confidence:
            speaker, stype, conf = None, "unknown", 0.0
        elif speaker and stype != "organisation":
            speaker = display_name(speaker, stype == "person")  # "Rear Admiral <name>" -> "<name>"
        out.append(
            {
                "text": c.text,
                "speaker": speaker,
                "speaker_raw": c.speaker_raw,
                "cue": c.cue,
                "kind": c.kind,
                "paragraph": c.parts[0].para if c.parts else c.extra.get("paragraph"),
                "speaker_confidence": conf,
                "speaker_type": stype,
            }
        )
    return out


# ---------------------------------------------------------------------------------------
