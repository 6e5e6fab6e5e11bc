"""Tests for newsspider.extract.mentions: "who is this mention?" (small invented articles)."""

from __future__ import annotations

from newsspider.extract.mentions import Mentions, type_of

ARTICLE = [
    "Singer Kwon Tae-ho returned with his fourth album on Friday, released by Bluefin Entertainment.",
    "NORTHSTAR member Lee Ha-na sang her verse on stage, and the boy group Velvet Tide opened the show.",
    "Kwon said the record took two years. The agency said a tour would follow.",
    "Asked about the tour, she smiled.",
]


def test_short_forms_resolve_to_the_full_name_and_type():
    m = Mentions(ARTICLE)
    r = m.who("Kwon", paragraph=2)
    assert (r.name, r.type) == ("Kwon Tae-ho", "person")
    assert r.confidence >= 0.8
    r = m.who("Bluefin", paragraph=2)
    assert (r.name, r.type) == ("Bluefin Entertainment", "agency")


def test_role_nouns_and_pronouns_resolve_before_the_position():
    m = Mentions(ARTICLE)
    agency = m.who("the agency", paragraph=2, offset=40)
    assert (agency.name, agency.type) == ("Bluefin Entertainment", "agency")
    she = m.who("she", paragraph=3)
    assert she is not None and she.name == "Lee Ha-na" and she.type == "person"
    assert m.who("she", paragraph=0, offset=0) is None  # nobody named before the first word


def test_groups_broadcasters_and_unknown_names():
    m = Mentions(ARTICLE)
    assert m.who("NORTHSTAR").type == "group"
    assert m.who("Velvet Tide").type == "group"  # introduced as "the boy group Velvet Tide"
    assert type_of("KBS") == "broadcaster" and type_of("Seoul Broadcasting") == "broadcaster"
    assert type_of("Hanbit Records") == "agency"
    assert m.who("Park Ji-min").name == "Park Ji-min"  # not in the article: typed from its shape
    names = [e.name for e in m.entities()]
    assert names.index("Kwon Tae-ho") < names.index("Lee Ha-na")


def test_quoted_words_are_not_mentions():
    paras = ["“Tell Jang Mi-rae I said hello,” Choi Yun-seo said."]
    m = Mentions(paras, quoted={0: [(0, paras[0].index("”") + 1)]})
    assert [e.name for e in m.entities()] == ["Choi Yun-seo"]


def test_cached_name_types_still_follow_the_left_context():
    """`entity_type_of` caches what the name alone says; the words before it still count on
    every call, in either order, and the cached honorific / given-name lookups are per name."""
    from newsspider.extract.mentions.runs import entity_type_of, first_name_gender, strip_honorific

    for _ in range(2):
        assert entity_type_of("Orchid Lane", "the girl group ") == "group"
        assert entity_type_of("Orchid Lane", "a visit to ") == "unknown"
        assert entity_type_of("Orchid Lane") == "unknown"
        assert entity_type_of("Pine Hill Entertainment", "the girl group ") == "org"  # the suffix first
        assert entity_type_of("Mr. Orchid", "the boy group ") == "group"
        assert entity_type_of("Mr. Orchid") == "person"
    assert strip_honorific("Mr. Orchid") == "Orchid"
    assert strip_honorific("Orchid") == "Orchid"
    assert first_name_gender("Mr. Orchid") is None
