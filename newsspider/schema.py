"""JSON Schema of the JSON Lines record, generated from `newsspider.items.Article`.

    python -m newsspider.schema          rewrite newsspider/article.schema.json
    python -m newsspider.schema --check  exit 1 if the committed file is out of date
"""

from __future__ import annotations

import json
import sys
import types
import typing
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from newsspider.items import Article

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")

FORMATS = {"published": "date-time", "modified": "date-time", "fetched_at": "date-time"}

# What each field means, for people building datasets on the records (a test checks that every
# property of the schema has one: add yours when you add a field).
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Article": {
        "url": "The URL the page was fetched from (after redirects), or the URL given for a saved page.",
        "canonical_url": "The page's own canonical URL as it declares it (<link rel=canonical>, og:url), made "
                         "absolute; the fetched URL when the page declares none.",
        "site": "The site profile that crawled the page (`newsspider sites`), the host for a generic crawl, "
                "or 'generic'.",
        "url_key": "The deduplication key: canonical_url normalised (https, no www., no tracking parameters "
                   "or fragment, sorted query, no trailing slash).",
        "title": "The headline as shown on the page, without the site name.",
        "subtitle": "The standfirst / alternative headline, when the page has one.",
        "titles": "Every title the page gives, by source (visible <h1>, og:title, JSON-LD headline, "
                  "twitter:title, <title>); `title` is the one shown as the headline.",
        "description": "The page's own summary (JSON-LD description, og:description, meta description).",
        "section": "The site's section of the article (JSON-LD articleSection, article:section).",
        "authors": "Names of the people (or, failing those, organisations) credited as authors.",
        "published": "Publication time, ISO 8601 (with offset when the page gives one or its profile knows "
                     "the site's zone); a date alone when the page gives no time.",
        "published_raw": "The publication date string as found on the page.",
        "modified": "Last modification time, ISO 8601.",
        "modified_raw": "The modification date string as found on the page.",
        "language": "ISO 639-1 language code: from the markup (<html lang>, og:locale, inLanguage), else "
                    "detected from the body text.",
        "tags": "Keywords / tags the page declares.",
        "body": "The article text: paragraphs separated by a blank line, without navigation, ads or "
                "related-story boxes.",
        "body_html": "The article body as simplified HTML (paragraphs, headings, lists, quotes, images).",
        "word_count": "Number of words of the body (whitespace-separated).",
        "images": "Images of the article, lead image first.",
        "embeds": "Embedded posts and videos (tweets, Instagram, YouTube, TikTok…).",
        "quotes": "Quotations in the text, with who said them.",
        "releases": "Album / single / video release events the text mentions, with their dates.",
        "extraction_errors": "What extraction could not do on this page, as 'stage: reason' (stage quotes or "
                             "releases; reason the error's type, 'budget' when the page's CPU budget was "
                             "spent before the stage, 'timeout' when its worker was stopped); the other "
                             "fields are complete. Empty for most pages.",
        "fetched_at": "When the page was fetched (UTC, ISO 8601).",
        "content_hash": "Hash of the normalised body text (same text under another URL = same hash).",
        "duplicate_of": "For `newsspider extract`: the canonical URL of an earlier input this one duplicates.",
        "version": "1 for the first export; +1 each time the article is written again because its body "
                   "changed.",
        "source_file": "The saved page the record was extracted from (`newsspider extract`), else null.",
        "domain": "The host of the page's URL, without www.",
        "http_status": "HTTP status of the response the record was extracted from (null for saved pages).",
        "run_id": "Id of the crawl (or extract run) that wrote the record; the same id is in data/runs.jsonl.",
        "schema_version": "Version of this record layout.",
        "extractor_version": "Version of newsspider that extracted the record.",
    },
    "Image": {
        "url": "Absolute image URL.",
        "caption": "Caption shown with the image.",
        "credit": "Photo credit / copyright holder.",
    },
    "Embed": {
        "url": "URL of the embedded post or video.",
        "kind": "What is embedded.",
        "author": "Account or channel that posted it, when shown.",
        "text": "The embedded post's text, when the page includes it.",
    },
    "Quote": {
        "text": "The quoted words, without the quotation marks.",
        "speaker": "Who said it, resolved to a full name where the text allows.",
        "speaker_raw": "The speaker as the text names them at the quote ('he', 'the agency').",
        "cue": "The speech verb or cue that attributes the quote ('said', 'wrote').",
        "kind": "block (a blockquote), inline (in a paragraph) or embed (an embedded post).",
        "paragraph": "Index of the body paragraph the quote is in (0-based).",
        "speaker_confidence": "How sure the attribution is, 0-1 (0 when speaker is null).",
        "speaker_type": "person, organisation (company, label, group, institution) or unknown.",
    },
    "Titles": {
        "h1": "The article's visible <h1> headline.",
        "og": "The og:title (the title shown when the page is shared).",
        "jsonld": "The headline of the article's JSON-LD object.",
        "twitter": "The twitter:title.",
        "html": "The <title> element, site name included.",
    },
    "Release": {
        "artist": "The performing artist or group.",
        "title": "Title of the release.",
        "kind": "Kind of release.",
        "date": "Release date: YYYY-MM-DD, or YYYY-MM when only the month is known.",
        "date_precision": "day or month.",
        "status": "released or upcoming, relative to the article's publication.",
        "evidence": "The sentence the event was read from.",
        "time": "Release time of day when stated (HH:MM, with offset when given).",
        "paragraph": "Index of the body paragraph the evidence sentence is in (0-based).",
    },
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in get_args(tp)]
        non_null = [o for o in options if o != {"type": "null"}]
        if len(non_null) == 1 and len(options) == 2 and "type" in non_null[0] and "enum" not in non_null[0]:
            return {**non_null[0], "type": [non_null[0]["type"], "null"]}
        return {"anyOf": options}
    if origin is Literal:
        return {"type": "string", "enum": list(get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], defs)}
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is bool:
        return {"type": "boolean"}
    if isinstance(tp, type) and is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        prop = _type_schema(hints[f.name], defs)
        if f.name in FORMATS:
            prop["format"] = FORMATS[f.name]
        desc = DESCRIPTIONS.get(cls.__name__, {}).get(f.name)
        if desc:
            prop = {"description": desc, **prop}
        props[f.name] = prop
    return {
        "type": "object",
        "properties": props,
        # every field is always written (defaults included)
        "required": [f.name for f in fields(cls)],  # type: ignore[arg-type]
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    body = _object_schema(Article, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsspider.invalid/article.schema.json",
        "title": "newsspider article record (one JSON Lines line)",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


@cache
def committed_schema() -> dict[str, Any]:
    """The committed schema (newsspider/article.schema.json) as data."""
    from importlib import resources

    # importlib.resources, not the path: scrapyd runs the project from a zipped egg
    text = resources.files("newsspider").joinpath("article.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def validator() -> Any:
    """A validator for the committed schema (used at run time by the ValidationPipeline)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(committed_schema())


@cache
def quick_check() -> Any:
    """The committed schema compiled to plain checks (`newsspider.quickschema`): a record they
    accept is valid, the others go to jsonschema (None: the schema uses more than they know).
    A crawl whose records all pass them never imports jsonschema."""
    from newsspider.quickschema import compile_schema

    return compile_schema(committed_schema())


def invalid_reason(record: dict[str, Any]) -> str | None:
    """None for a valid record, else one line naming the first problem and where it is."""
    quick = quick_check()
    if quick is not None and quick(record):
        return None
    error = next(iter(validator().iter_errors(record)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(record)"
    message = error.message if len(error.message) < 200 else error.message[:197] + "..."
    return f"{where}: {message}"


def render() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        if not SCHEMA_PATH.exists() or SCHEMA_PATH.read_text(encoding="utf-8") != text:
            print(f"{SCHEMA_PATH} is out of date: run python -m newsspider.schema", file=sys.stderr)
            return 1
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0




if __name__ == "__main__":
    raise SystemExit(main())
