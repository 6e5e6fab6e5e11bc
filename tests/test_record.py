"""The record for people who build datasets on it (issue #15, part 3): canonical URL as declared
and a separate dedup key, JSON-LD references resolved, language detection, description/section/
word_count, schema descriptions, run-time schema validation."""

from __future__ import annotations

import json

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newsspider import __version__, extract_article
from newsspider.items import SCHEMA_VERSION, Article, Release
from newsspider.pipelines import ValidationPipeline
from newsspider.schema import SCHEMA_PATH, build_schema

BODY = ("<p>NORTHSTAR will return on March 3 with their fourth mini album, the agency announced on "
        "Monday, adding that the members had written most of the songs themselves.</p>"
        "<p>The group last released a single in November and spent the winter on a world tour that "
        "took them through twelve cities in Asia and Europe.</p>")


def page(head: str = "", body: str = BODY, lang: str | None = None) -> str:
    html_lang = f' lang="{lang}"' if lang else ""
    return (f"<html{html_lang}><head><title>NORTHSTAR announce a comeback | Fan Site</title>{head}</head>"
            f"<body><article><h1>NORTHSTAR announce a comeback</h1>{body}</article></body></html>")


def test_canonical_url_as_declared_and_a_separate_dedup_key():
    html = page('<link rel="canonical" href="http://www.Fans.example/news/northstar/?utm_source=tw&b=2&a=1">')
    rec = extract_article(html, "https://fans.example/news/northstar/?fbclid=x")
    assert rec["canonical_url"] == "http://www.Fans.example/news/northstar/?utm_source=tw&b=2&a=1"
    assert rec["url_key"] == "https://fans.example/news/northstar?a=1&b=2"
    relative = extract_article(page('<link rel="canonical" href="/news/northstar/">'), "https://fans.example/x")
    assert relative["canonical_url"] == "https://fans.example/news/northstar/"
    none = extract_article(page(), "https://fans.example/news/northstar/")
    assert none["canonical_url"] == "https://fans.example/news/northstar/"


GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "NewsArticle", "@id": "https://fans.example/n/#article",
         "headline": "NORTHSTAR announce a comeback",
         "image": {"@id": "https://fans.example/n/#primaryimage"},
         "author": [{"@id": "https://fans.example/#/schema/person/42"}],
         "publisher": {"@id": "https://fans.example/#organization"},
         "mainEntityOfPage": {"@id": "https://fans.example/n/"}},
        {"@type": "WebPage", "@id": "https://fans.example/n/", "url": "https://fans.example/n/"},
        {"@type": "ImageObject", "@id": "https://fans.example/n/#primaryimage",
         "url": "https://cdn.fans.example/northstar-2026.jpg", "caption": "NORTHSTAR in Seoul"},
        {"@type": "Person", "@id": "https://fans.example/#/schema/person/42", "name": "Lee Ha-eun"},
        {"@type": "Organization", "@id": "https://fans.example/#organization", "name": "Fan Site"},
    ],
}


def test_jsonld_id_references_are_resolved():
    html = page(f'<script type="application/ld+json">{json.dumps(GRAPH)}</script>')
    rec = extract_article(html, "https://fans.example/n/")
    assert rec["images"][0]["url"] == "https://cdn.fans.example/northstar-2026.jpg"
    assert rec["images"][0]["caption"] == "NORTHSTAR in Seoul"
    assert rec["authors"] == ["Lee Ha-eun"]


def test_html_entities_left_in_a_jsonld_image_url_are_decoded():
    graph = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "NORTHSTAR announce a comeback",
             "image": {"@type": "ImageObject", "url": "https://cdn.fans.example/n.jpg?quality=65&#038;strip=all"}}
    rec = extract_article(page(f'<script type="application/ld+json">{json.dumps(graph)}</script>'),
                          "https://fans.example/n/")
    assert rec["images"][0]["url"] == "https://cdn.fans.example/n.jpg?quality=65&strip=all"


@pytest.mark.parametrize("lang, body, expected", [
    (None, BODY, "en"),  # nothing in the markup: detected
    ("de", BODY, "de"),  # the markup wins
    (None, "<p>노스타가 3월 3일 네 번째 미니앨범으로 돌아온다고 소속사가 월요일 밝혔다. 멤버들은 대부분의 곡을 직접 썼다.</p>"
           "<p>그룹은 지난 11월 싱글을 발표했고 겨울 동안 아시아와 유럽 열두 개 도시에서 월드투어를 했다.</p>", "ko"),
    (None, "<p>Short.</p>", None),  # too little text to tell
    ("utf-8", BODY, "en"),  # not a language code: detected
    ("und", BODY, "en"),  # "undetermined" says nothing
])
def test_language_from_markup_else_detected(lang, body, expected):
    rec = extract_article(page(body=body, lang=lang), "https://fans.example/n/")
    assert rec["language"] == expected


def test_description_section_word_count_and_provenance():
    head = ('<meta name="description" content="The group returns in March.">'
            '<meta property="og:description" content="NORTHSTAR return with a mini album on March 3.">'
            '<meta property="article:section" content="Comebacks">')
    rec = extract_article(page(head), "https://www.fans.example/n/")
    assert rec["description"] == "NORTHSTAR return with a mini album on March 3."
    assert rec["section"] == "Comebacks"
    assert rec["word_count"] == len(rec["body"].split()) > 30
    assert rec["domain"] == "fans.example"
    assert rec["schema_version"] == SCHEMA_VERSION and rec["extractor_version"] == __version__
    assert rec["http_status"] is None and rec["run_id"] is None  # a saved page, outside any run


def test_every_schema_property_has_a_description():
    schema = build_schema()
    missing = [name for name, prop in schema["properties"].items() if not prop.get("description")]
    for def_name, definition in schema["$defs"].items():
        missing += [f"{def_name}.{name}" for name, prop in definition["properties"].items()
                    if not prop.get("description")]
    assert not missing, f"add descriptions in newsspider/schema.py DESCRIPTIONS: {missing}"
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == schema


def _article(**kw) -> Article:
    base = dict(url="https://fans.example/n/", canonical_url="https://fans.example/n/", site="generic",
                url_key="https://fans.example/n", title="A title", body="Some body text.")
    return Article(**{**base, **kw})


def test_invalid_records_are_counted_and_dropped_with_the_reason(caplog):
    crawler = get_crawler(settings_dict={})
    crawler.stats.open_spider()
    step = ValidationPipeline(crawler)
    good = _article()
    assert step.process_item(good) is good
    bad_kind = _article(releases=[Release(artist="NORTHSTAR", title="Compass", kind="mixtape",  # type: ignore[arg-type]
                                          date="2026-03-03", date_precision="day", status="upcoming",
                                          evidence="...")])
    with pytest.raises(DropItem, match=r"invalid record: releases/0/kind: 'mixtape' is not one of"):
        step.process_item(bad_kind)
    with pytest.raises(DropItem, match=r"invalid record: word_count: 'many' is not of type 'integer'"):
        step.process_item(_article(word_count="many"))  # type: ignore[arg-type]
    assert crawler.stats.get_value("newsspider/dropped/invalid_record") == 2
    assert "invalid record: releases/0/kind" in caplog.text
