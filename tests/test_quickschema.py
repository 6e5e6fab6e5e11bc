"""The record schema's quick check (newsspider.quickschema): it accepts valid records without
jsonschema, and never accepts one jsonschema rejects."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from newsspider import extract_article
from newsspider.items import Article, Embed, Image, Quote, Release, to_record
from newsspider.quickschema import compile_schema
from newsspider.schema import invalid_reason, quick_check, validator

PAGE = """<html lang="en"><head><title>Comeback news | Fans</title>
<meta property="og:image" content="/a.jpg"><meta name="keywords" content="kpop, comeback">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Comeback news",
"datePublished": "2026-02-01T09:00:00+09:00", "author": {"@type": "Person", "name": "Mina Park"}}</script>
</head><body><article><h1>Comeback news</h1>
<p>The group Lumina will release their second mini album "Daybreak" on March 3, the agency announced.</p>
<p>"We worked on every song together," leader Han Jisoo said at the showcase in Seoul on Monday.</p>
<p>"It is our most personal record," she added, thanking the fans who waited through the long winter.</p>
<blockquote>We can't wait to meet you again.</blockquote>
<figure><img src="/b.jpg"><figcaption>Lumina on stage</figcaption></figure>
</article></body></html>"""


def _records() -> list[dict[str, Any]]:
    rec = {**extract_article(PAGE, "https://fans.example/news/lumina-comeback/"), "source_file": None}
    art = Article(url="https://fans.example/n/", canonical_url="https://fans.example/n/", site="generic",
                  url_key="https://fans.example/n", title="A title", body="Some body.", word_count=2,
                  images=[Image(url="https://fans.example/i.jpg", caption="c")],
                  embeds=[Embed(url="https://youtube.com/watch?v=x", kind="youtube")],
                  quotes=[Quote(text="Hello", speaker="Han Jisoo", speaker_raw="she", cue="said", kind="inline",
                                paragraph=1, speaker_confidence=0.9, speaker_type="person")],
                  releases=[Release(artist="Lumina", title="Daybreak", kind="album", date="2026-03-03",
                                    date_precision="day", status="upcoming", evidence="...")],
                  extraction_errors=["quotes: budget"], http_status=200, version=2)
    return [rec, to_record(art), to_record(Article(url="u", canonical_url="u", site="s", url_key="k"))]


def test_valid_records_are_accepted_without_jsonschema(monkeypatch):
    records = _records()
    assert records[0]["quotes"] and records[0]["releases"]
    calls = []
    monkeypatch.setattr(Draft202012Validator, "iter_errors", lambda self, inst: calls.append(inst) or iter(()))
    for rec in records:
        assert invalid_reason(rec) is None
    assert calls == []  # fails before: every record went through jsonschema


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


ODD = [None, 0, 1, -3, 1.0, 2.5, True, False, "", "x", "mixtape", "album", "day", "person", "2026-03-03",
       [], ["a"], [1], [None], {}, {"text": "x"}, {"url": "u"}, 10**20, float("nan"), ("a",), b"x"]


def _mutate(rec: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    rec = copy.deepcopy(rec)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_paths(rec)[1:])
        parent = rec
        for p in path[:-1]:
            parent = parent[p]
        key = path[-1]
        action = rng.random()
        if action < 0.15 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.25 and isinstance(parent, dict):
            parent[rng.choice(["extra", "x", "Title", key + "_"])] = rng.choice(ODD)
        elif action < 0.35 and isinstance(parent, list):
            parent.append(copy.deepcopy(rng.choice(parent + ODD)))
        else:
            parent[key] = copy.deepcopy(rng.choice(ODD))
    return rec


def test_never_accepts_what_jsonschema_rejects():
    quick = quick_check()
    assert quick is not None
    full = validator()
    rng = random.Random(13)
    rejected = accepted = 0
    for base in _records():
        for _ in range(3000):
            rec = _mutate(base, rng)
            valid = next(iter(full.iter_errors(rec)), None) is None
            if quick(rec):
                assert valid, rec
                accepted += 1
            elif not valid:
                rejected += 1
    assert rejected > 1000 and accepted > 100  # both sides were exercised


@pytest.mark.parametrize("schema", [
    {"type": "object", "properties": {"a": {"type": "string", "pattern": "^x"}}},
    {"type": "object", "additionalProperties": {"type": "string"}},
    {"$ref": "https://elsewhere.example/s.json"},
    {"enum": [1, 2]},
    {"type": "array", "items": [{"type": "string"}]},
])
def test_a_schema_with_other_keywords_is_left_to_jsonschema(schema):
    assert compile_schema(schema) is None


def test_the_invalid_reason_is_still_jsonschemas():
    rec = _records()[1]
    rec["releases"][0]["kind"] = "mixtape"
    assert invalid_reason(rec).startswith("releases/0/kind: 'mixtape' is not one of")
    rec = _records()[1]
    rec["word_count"] = 1.0  # valid for jsonschema (an integral number), not for the quick check
    assert quick_check()(rec) is False and invalid_reason(rec) is None


def test_valid_records_do_not_import_jsonschema():
    import subprocess
    import sys

    code = ("import sys\n"
            "from newsspider.items import Article, to_record\n"
            "from newsspider.schema import invalid_reason\n"
            "assert invalid_reason(to_record(Article(url='u', canonical_url='u', site='s', url_key='k'))) is None\n"
            "print('jsonschema' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"  # fails before: the quick check was built from jsonschema's validator
