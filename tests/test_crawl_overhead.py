"""Per-page costs of the crawl process outside extraction."""

from __future__ import annotations

from scrapy.settings import Settings

from newsspider import settings as project_settings


def test_one_callbacks_outputs_are_not_given_a_hundred_tasks():
    # Scrapy starts CONCURRENT_ITEMS asyncio tasks for every response's outputs (its default 100:
    # ~2 ms of the crawl process's CPU a page on the benchmark site, where a page gives one item)
    s = Settings()
    s.setmodule(project_settings, priority="project")
    assert 4 <= s.getint("CONCURRENT_ITEMS") <= 16  # fails before: Scrapy's default 100


def test_a_records_fields_are_looked_up_once_per_class(monkeypatch):
    from dataclasses import asdict, fields

    from newsspider import items
    from newsspider.items import Article, Image, Quote, to_record

    looked: list[type] = []
    monkeypatch.setattr(items, "fields", lambda obj: looked.append(type(obj)) or fields(obj))
    monkeypatch.setattr(items, "_FIELD_NAMES", {})
    arts = [Article(url=f"u{i}", canonical_url="u", site="s", url_key="k", body="b", tags=["t"],
                    images=[Image(url="i")], quotes=[Quote(text="q", speaker=None, speaker_raw=None, cue="said", kind="inline"),
                            Quote(text="r", speaker="X", speaker_raw="X", cue="said", kind="block")])
            for i in range(3)]
    for art in arts:
        assert to_record(art) == asdict(art)
    # fails before: dataclasses.fields() for every dataclass in every record (12 here)
    assert sorted(c.__name__ for c in looked) == ["Article", "Image", "Quote"]
