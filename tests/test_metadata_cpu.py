"""Metadata CPU: work the metadata step no longer does, with the same answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from newsspider.extract.metadata import dateline, extract_metadata, published, title
from newsspider.extract.page import Page

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
URL = "https://news.example/2024/05/27/lumen-comeback/"


def page(html: str) -> Page:
    return Page.from_text(html, URL, fetched_at=FETCHED)


RELATED = "".join(f"<li><a href='/r{i}'>Related story {i}</a> <span>May {i % 28 + 1}, 2024</span></li>"
                  for i in range(40))
DATELINE_PAGE = f"""<html><head><title>Lumen comeback</title></head><body>
<nav><ul>{RELATED}</ul></nav>
<article><h1>Lumen announce a June comeback</h1>
<div class="related-box"><ul>{RELATED}</ul>
  <div><article><p>May 3, 2024</p></article></div></div>
<p class="byline">By Mara Jensen | May 27, 2024, 9:20 PM</p>
<p>Lumen will return in June, the agency said.</p></article></body></html>"""


def _reference_texts_around(tree: Any, h1: Any) -> tuple[list[Any], list[Any]]:
    """The walk over the whole page that `_texts_around` replaced (every node judged)."""
    before: list[tuple[str, Any]] = []
    after: list[tuple[str, Any]] = []
    seen_h1 = False
    n_after = n_elements = 0
    inside_h1 = set(h1.iter())
    skip = dateline._Skipper()
    for el in tree.iter():
        if el is h1:
            seen_h1 = True
            continue
        if not isinstance(el.tag, str) or el in inside_h1:
            continue
        if not seen_h1:
            if el.tag not in dateline._SKIP_TAGS and el.text:
                before.append((el.text, el))
            continue
        if skip(el):
            continue
        if el.text and el.text.strip():
            t = dateline.normalize_ws(el.text)
            after.append((t, el))
            n_after += len(t)
        iso = dateline._iso_attribute(el)
        if iso:
            after.append(("\x00" + iso, el))
        if el.tail and el.tail.strip():
            t = dateline.normalize_ws(el.tail)
            after.append((t, el))
            n_after += len(t)
        n_elements += 1
        if n_after > dateline.AFTER_CHARS or n_elements > dateline.AFTER_ELEMENTS:
            break
    near: list[tuple[str, Any]] = []
    total = 0
    for raw, el in reversed(before):
        if not raw.strip() or skip(el):
            continue
        t = dateline.normalize_ws(raw)
        near.append((t, el))
        total += len(t)
        if total > dateline.BEFORE_CHARS:
            break
    return near, after


def _count_judged(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The elements the dateline's skip test judges from now on, in order."""
    judged: list[Any] = []
    call = dateline._Skipper.__call__

    def counting(self: Any, el: Any) -> bool:
        judged.append(el)
        return call(self, el)

    monkeypatch.setattr(dateline._Skipper, "__call__", counting)
    return judged


def test_texts_around_passes_over_a_skipped_box_and_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    p = page(DATELINE_PAGE)
    h1 = p.tree.find(".//h1")
    expected = _reference_texts_around(p.tree, h1)
    judged = _count_judged(monkeypatch)
    got = dateline._texts_around(p.tree, h1)
    assert got == expected
    # the related box's 40 items are passed over, its nested <article> is still judged
    box = p.tree.find(".//div[@class='related-box']")
    assert not any(el.tag in ("li", "a", "span") for el in judged if box in el.iterancestors())
    assert box.find(".//article") in judged
    assert extract_metadata(p)["published"] == "2024-05-27T21:20:00"


@pytest.mark.parametrize("where", ["html", "body", "nav", "p", "span", "article"])
def test_texts_around_any_start_element_matches_the_full_walk(where: str) -> None:
    p = page(DATELINE_PAGE)
    for el in p.tree.iter(where):
        assert dateline._texts_around(p.tree, el) == _reference_texts_around(p.tree, el)


def test_an_offset_carrying_first_date_leaves_the_dom_candidates_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    html = """<html><head><meta property="article:published_time" content="2024-05-27T21:20:00+09:00">
    </head><body><h1>Lumen announce a June comeback</h1><p>Lumen return in June.</p>
    <footer><div class="date">May 20, 2024</div><time datetime="2024-05-20">May 20</time></footer>
    </body></html>"""

    def boom(p: Page) -> list[str]:
        raise AssertionError("DOM date candidates read")

    monkeypatch.setattr(published, "_dom_date_texts", boom)
    monkeypatch.setattr(published, "_article_time_elements", boom)
    assert extract_metadata(page(html))["published"] == "2024-05-27T21:20:00+09:00"


def test_a_naive_first_date_still_borrows_a_later_candidates_offset() -> None:
    html = """<html><head><meta property="article:published_time" content="2024-05-27 21:20">
    </head><body><h1>Lumen announce a June comeback</h1>
    <time datetime="2024-05-27T21:20:30+09:00">27 May</time></body></html>"""
    meta = extract_metadata(page(html))
    assert meta["published"] == "2024-05-27T21:20:00+09:00"


def test_an_unreadable_only_date_is_still_noted() -> None:
    p = page("""<html><head><meta property="article:published_time" content="2024-02-30">
    </head><body><h1>Lumen</h1></body></html>""")
    assert extract_metadata(p)["published"] is None
    assert "unreadable_date" in p.notes


def test_subtitle_reads_class_and_itemprop_of_h2_p_div_only() -> None:
    html = """<html><body><h1>Lumen announce a June comeback</h1>
    <span class="subtitle">A span is not a subtitle element here at all</span>
    <div itemprop="SubHeadline">The band returns with a film and a new record</div>
    <p class="standfirst">Later paragraph that is a standfirst too</p></body></html>"""
    assert title._subtitle(page(html), {}, "Lumen announce a June comeback") == \
        "The band returns with a film and a new record"


def test_a_dateline_after_the_headline_ends_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text before the <h1> is not judged when a date follows it; the walk after it stops at
    the date (plus the pieces a time may sit in)."""
    html = f"""<html><body><div class="menu-top"><ul>{RELATED}</ul></div><article>
    <h1>Lumen announce a June comeback</h1><p class="byline">May 27, 2024</p><span>9:20 PM</span>
    {"".join(f"<p>Paragraph {i} of the story.</p>" for i in range(30))}</article></body></html>"""
    p = page(html)
    h1 = p.tree.find(".//h1")
    judged = _count_judged(monkeypatch)
    line = dateline.visible_dateline(p, h1)
    assert line is not None and (line.when, line.has_time) == (datetime(2024, 5, 27, 21, 20), True)
    assert all(el.tag in ("p", "span") for el in judged)
    assert len(judged) <= 4


BYLINES = """<html><head><link rel="author" href="/a"><title>Lumen | News</title>
<link rel="canonical" href="/2024/05/27/lumen-comeback/"></head><body>
<h1>Lumen announce a June comeback</h1><div class="metaInfoAuthorList"><a>Mara Jensen</a></div>
<span itemprop="author">Jo Park</span><p class="Byline">By Kim Lee</p><p class="byline-x">x</p>
<a rel="author nofollow">Not exact</a><div class="coauthor box">y</div></body></html>"""


def test_byline_candidates_are_the_old_xpath_s(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsspider.extract.metadata import authors

    p = page(BYLINES)
    old = p.tree.xpath('//*[@rel="author"] | //*[@itemprop="author"] | '
                       '//*[contains(@class, "uthor") or contains(@class, "yline")]')
    assert authors._BYLINE_CANDIDATES(p.tree) == old
    assert authors._dom_authors(p) == ["Mara Jensen"]


def test_canonical_url_and_title_tag_are_found_once_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsspider.extract.metadata import common

    calls: list[str] = []
    find = common._find_canonical_url

    def counting(p: Page) -> str | None:
        calls.append("canonical")
        return find(p)

    monkeypatch.setattr(common, "_find_canonical_url", counting)
    p = page(BYLINES)
    meta = extract_metadata(p)
    assert meta["canonical_url"] == URL and meta["titles"]["html"] == "Lumen | News"
    assert calls == ["canonical"]


@pytest.mark.parametrize(("html", "lang"), [
    ("<html lang='de-AT'><head><meta http-equiv='Content-Language' content='fr'></head></html>", "de"),
    ("<html lang='x'><head><meta http-equiv='content-language' content='fr'>"
     "<meta http-equiv='Content-Language' content='it'><meta name='language' content='es'></head></html>", "it"),
    ("<html><head><meta http-equiv='Content-Language' content=''><meta property='og:locale' content='ko_KR'>"
     "</head></html>", "ko"),
    ("<html><head></head></html>", None),
])
def test_language_sources_keep_their_order(html: str, lang: str | None) -> None:
    assert extract_metadata(page(html))["language"] == lang


def test_subtitle_name_hints_never_hide_a_match() -> None:
    """Every word of the subtitle pattern holds one of the hints; names with and without them
    (any case, non-ASCII ones through the pattern) get the pattern's answer."""
    words = title._SUBTITLE_NAME.pattern.split("(?:")[1].split(")")[0].split("|")
    assert all(any(h in w for h in title._SUBTITLE_HINTS) for w in words)
    title._subtitle_name.cache_clear()
    for name in ["article-subtitle", "SubHeadline x", "standfirst", "dek", "DECK", "deckchair",
                 "kicker-sub", "subscribe", "headline", "", "entry-summary", "sub_title", "ſubtitle",
                 "Dek itemprop", " alternativeHeadline", "c-dek", "desk"]:
        assert title._subtitle_name(name) == (title._SUBTITLE_NAME.search(name) is not None), name


def test_off_article_and_embed_names_as_the_patterns_found_them() -> None:
    """`off_article_name` and dateline's `_embed_name` answer as their case-insensitive patterns
    (substrings in any case; non-ASCII names go to the patterns, which fold the long s of
    "ſlider" and the Kelvin sign of "\u212aard")."""
    from newsspider.extract.metadata import common

    names = ["", "related-posts", "RelatedPosts", "navbar", "Sidebar Widget", "yog-card Main",
             "vcard", "card-main", "teaser-card", "x", "canvas", "ſlider", "\u212aard", "Tweet",
             "instagram-media", "fb facebook-post", "Embed-Wrap", "wp-caption", "entrée", "more-",
             "readmore", "list-item", "card content", "Card", "postcard", "card2", "main-nav",
             "TikTok", "twitter-tweet"]
    for name in names:
        want = bool(common._OFF_ARTICLE.search(name)
                    or common._CARD.search(name) and not common._MAIN.search(name))
        assert common.off_article_name.__wrapped__(name) == want, name
        assert dateline._embed_name.__wrapped__(name) == (
            dateline._EMBED_CLASS.search(name) is not None), name
