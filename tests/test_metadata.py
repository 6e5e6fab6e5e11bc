"""extract_metadata on small invented pages, one robustness case each."""

from __future__ import annotations

from datetime import UTC, datetime

from newsspider.extract.metadata import extract_metadata, parse_date, split_authors
from newsspider.extract.page import Page

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
URL = "https://news.example/2024/05/27/lumen-comeback/"


def page(html: str | bytes, url: str = URL, **kw: object) -> Page:
    if isinstance(html, bytes):
        return Page.from_bytes(html, url, fetched_at=FETCHED, **kw)  # type: ignore[arg-type]
    return Page.from_text(html, url, fetched_at=FETCHED, **kw)


GRAPH_PAGE = f"""<!doctype html><html lang="en-GB"><head>
<title>Lumen announce a June comeback | Example News</title>
<meta property="og:title" content="Lumen announce a June comeback">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="/2024/05/27/lumen-comeback/">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Another story",
  "url": "https://news.example/2024/05/20/other/", "datePublished": "2024-05-20T08:00:00+09:00",
  "author": {{"@type": "Person", "name": "Wrong Person"}}}}
</script>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "Example News", "url": "https://news.example/"}},
  {{"@type": "NewsArticle", "headline": "Lumen announce a June comeback",
    "mainEntityOfPage": {{"@id": "{URL}"}},
    "datePublished": "2024-05-27T21:20:00+09:00", "dateModified": "2024-05-28T09:00:00+09:00",
    "author": [{{"@type": "Person", "name": "By Mara Jensen"}},
               {{"@type": "Organization", "name": "Example News"}}],
    "keywords": ["Lumen", "comeback"],
    "image": {{"@type": "ImageObject", "url": "/img/lumen.jpg", "caption": "Lumen on stage",
               "creditText": "Star Agency"}}}}
]}}
</script></head><body><h1>Lumen announce a June comeback</h1><p>Text.</p></body></html>"""


def test_jsonld_graph_picks_the_object_describing_this_page() -> None:
    meta = extract_metadata(page(GRAPH_PAGE))
    assert meta["title"] == "Lumen announce a June comeback"
    assert meta["authors"] == ["Mara Jensen"]
    assert meta["published"] == "2024-05-27T21:20:00+09:00"  # the page's own offset is kept
    assert meta["published_raw"] == "2024-05-27T21:20:00+09:00"
    assert meta["modified"] == "2024-05-28T09:00:00+09:00"
    assert meta["language"] == "en"
    assert meta["tags"] == ["Lumen", "comeback"]
    assert meta["canonical_url"] == URL
    assert meta["site_name"] == "Example News"
    assert meta["image"] == {
        "url": "https://news.example/img/lumen.jpg",
        "caption": "Lumen on stage",
        "credit": "Star Agency",
    }


def test_invalid_jsonld_with_entities_is_repaired() -> None:
    html = """<html><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Caf&eacute; &amp; Bar opens", "datePublished":
     "2024-03-01T10:00:00Z", "author": {"@type": "Person", "name": "Ana L&oacute;pez"},}
    </script></head><body><p>x</p></body></html>"""
    meta = extract_metadata(page(html))
    assert meta["title"] == "Café & Bar opens"
    assert meta["authors"] == ["Ana López"]
    assert meta["published"] == "2024-03-01T10:00:00+00:00"


def test_meta_tags_only_and_title_suffix() -> None:
    html = """<html><head><title>Seoul gig sells out - The Daily Idol</title>
    <meta name="author" content="By Kim Min-ji and Lee Joon, The Daily Idol">
    <meta property="article:published_time" content="2024-04-02T10:30:00-07:00">
    <meta property="article:tag" content="concert"><meta property="article:tag" content="Seoul">
    <meta property="og:site_name" content="The Daily Idol">
    </head><body><p>x</p></body></html>"""
    meta = extract_metadata(page(html, "https://dailyidol.example/a"))
    assert meta["title"] == "Seoul gig sells out"
    assert meta["authors"] == ["Kim Min-ji", "Lee Joon"]  # the publisher is dropped
    assert meta["published"] == "2024-04-02T10:30:00-07:00"
    assert meta["tags"] == ["concert", "Seoul"]


def test_time_element_in_article_not_in_related_block() -> None:
    html = """<html><body><article><h1>Main story</h1>
    <time datetime="2024-05-10T09:00:00+02:00">10 May</time><p>Body text.</p>
    <div class="related"><time datetime="2023-01-01T00:00:00+00:00">old</time></div>
    </article></body></html>"""
    meta = extract_metadata(page(html))
    assert meta["published"] == "2024-05-10T09:00:00+02:00"
    assert meta["title"] == "Main story"


def test_related_time_alone_is_ignored() -> None:
    html = """<html><body><article><h1>Story</h1><p>Body</p></article>
    <aside><time datetime="2024-01-05T10:00:00Z">5 Jan</time></aside></body></html>"""
    assert extract_metadata(page(html))["published"] is None


def test_future_and_ancient_dates_are_rejected() -> None:
    html = """<html><head>
    <meta property="article:published_time" content="2031-01-01T00:00:00Z">
    <meta name="date" content="1970-01-01">
    <meta name="dc.date" content="2024-05-01">
    </head><body></body></html>"""
    meta = extract_metadata(page(html))
    assert meta["published"] == "2024-05-01"
    assert meta["published_raw"] == "2024-05-01"


def test_naive_date_borrows_offset_of_matching_aware_one() -> None:
    html = """<html><head><script type="application/ld+json">
    {"@type": "Article", "headline": "H", "datePublished": "2024-05-02 14:05:00"}</script>
    <meta property="article:published_time" content="2024-05-02T14:05:00+09:00">
    </head><body></body></html>"""
    assert extract_metadata(page(html))["published"] == "2024-05-02T14:05:00+09:00"


def test_page_without_metadata() -> None:
    meta = extract_metadata(page("<html><body><div>just text</div></body></html>"))
    assert meta["title"] is None
    assert meta["authors"] == []
    assert meta["published"] is None and meta["published_raw"] is None
    assert meta["tags"] == []
    assert meta["image"] is None
    assert meta["canonical_url"] is None


def test_broken_html_still_gives_title_and_author() -> None:
    html = "<html><head><title>Broken &amp; fine</title><body><div><h1>Broken &amp; fine<p>text"
    html += '<span class="byline">By Jo Park</span></div></div></div>'
    meta = extract_metadata(page(html))
    assert meta["title"] == "Broken & fine"
    assert meta["authors"] == ["Jo Park"]


def test_non_utf8_page_with_declared_charset() -> None:
    html = ('<html><head><meta charset="windows-1252"><title>Crème brûlée wins</title>'
            '<meta name="author" content="Zoë Müller"></head><body><p>x</p></body></html>')
    meta = extract_metadata(page(html.encode("cp1252")))
    assert meta["title"] == "Crème brûlée wins"
    assert meta["authors"] == ["Zoë Müller"]


def test_non_utf8_page_charset_only_in_http_header() -> None:
    html = "<html><head><title>東京で公演</title></head><body><h1>東京で公演</h1></body></html>"
    p = page(html.encode("shift_jis"), content_type="text/html; charset=Shift_JIS")
    assert extract_metadata(p)["title"] == "東京で公演"


def test_profile_selectors_win() -> None:
    html = """<html><head><meta property="og:title" content="SEO title"></head><body>
    <h2 class="hl">Real title</h2><span class="who">Pat Lee</span>
    <span class="when" data-x="1">2024-02-03T04:05:00+09:00</span></body></html>"""
    prof = {"selectors": {"title": ".hl", "authors": ".who", "published": ".when"}}
    meta = extract_metadata(page(html, profile=prof))
    assert meta["title"] == "Real title"
    assert meta["authors"] == ["Pat Lee"]
    assert meta["published"] == "2024-02-03T04:05:00+09:00"


def test_split_authors_and_parse_date() -> None:
    assert split_authors("By Jane Doe & John Roe") == ["Jane Doe", "John Roe"]
    assert split_authors("https://facebook.com/someone") == []
    assert split_authors("Von Anna Beck und Carl Dorn") == ["Anna Beck", "Carl Dorn"]
    dt = parse_date("Mon, 27 May 2024 12:20:00 GMT")
    assert dt is not None and dt.isoformat() == "2024-05-27T12:20:00+00:00"
    assert parse_date("not a date") is None


# ------------------------------------------------------------------------------------ titles


def _title_page(og: str, headline: str | None = None, h1: str | None = None,
                tag: str = "", site: str = "Example News") -> str:
    ld = (f'<script type="application/ld+json">{{"@type": "NewsArticle", '
          f'"headline": "{headline}"}}</script>' if headline else "")
    h = f"<h1>{h1}</h1>" if h1 else ""
    return (f'<html><head><title>{tag}</title><meta property="og:title" content="{og}">'
            f'<meta property="og:site_name" content="{site}">{ld}</head><body>{h}</body></html>')


def test_title_prefers_the_jsonld_headline_over_a_social_variant() -> None:
    html = _title_page("You won't believe this comeback", "Lumen announce a June comeback",
                       "Lumen announce a June comeback")
    assert extract_metadata(page(html))["title"] == "Lumen announce a June comeback"


def test_title_section_and_kicker_parts_are_cut_when_another_source_lacks_them() -> None:
    html = _title_page("Music | Lumen announce a June comeback", None,
                       "Lumen announce a June comeback")
    assert extract_metadata(page(html))["title"] == "Lumen announce a June comeback"
    html = _title_page("Lumen announce a June comeback - Music | Example News")
    assert extract_metadata(page(html))["title"] == "Lumen announce a June comeback"


def test_title_truncated_headline_gives_way_to_the_full_one() -> None:
    html = _title_page("Lumen announce a June comeback with a new album and a tour",
                       "Lumen announce a June comeback with a...")
    meta = extract_metadata(page(html))
    assert meta["title"] == "Lumen announce a June comeback with a new album and a tour"


def test_title_quote_marks_follow_the_majority() -> None:
    html = _title_page("Lumen call the album their 'best work'",
                       "Lumen call the album their ‘best work’",
                       "Lumen call the album their ‘best work’")
    assert extract_metadata(page(html))["title"] == "Lumen call the album their ‘best work’"


# ----------------------------------------------------------------------------------- authors


def _ld_authors(authors: str, body: str = "") -> str:
    return (f'<html><head><script type="application/ld+json">{{"@type": "NewsArticle", '
            f'"headline": "H", "author": {authors}}}</script></head><body>{body}</body></html>')


def test_authors_jsonld_person_with_credited_agency() -> None:
    html = _ld_authors('[{"@type": "Person", "name": "Mara Jensen"}, '
                       '{"@type": "Organization", "name": "Star Wire"}]')
    assert extract_metadata(page(html))["authors"] == ["Mara Jensen", "Star Wire"]


def test_authors_jsonld_organisation_beats_a_newsroom_code_byline() -> None:
    html = _ld_authors('{"@type": "Organization", "name": "Idol Desk"}',
                       '<span class="author">amw</span>')
    assert extract_metadata(page(html))["authors"] == ["Idol Desk"]
    html = _ld_authors('{"@type": "Organization", "name": "Idol Desk"}',
                       '<span class="author">Mara Jensen</span>')
    assert extract_metadata(page(html))["authors"] == ["Mara Jensen"]


def test_authors_descriptions_dates_and_camel_case_byline_classes() -> None:
    html = _ld_authors('{"@type": "Person", "name": "Mara Jensen, professor of media studies '
                       'at the university of Seoul"}')
    assert extract_metadata(page(html))["authors"] == ["Mara Jensen"]
    assert split_authors("idol weekly von Mara Jensen 05. November 2024 15:36 Uhr 3 Min") == [
        "Mara Jensen"]
    html = """<html><body><ul class="metaInfoAuthorList"><li><a href="/a/mj">Mara Jensen</a>
    </li></ul><p>Text</p></body></html>"""
    assert extract_metadata(page(html))["authors"] == ["Mara Jensen"]


def test_dateline_with_label_dotted_date_and_zone_abbreviation() -> None:
    from newsspider.extract.metadata import parse_date

    assert parse_date("Published: 2026.09.03 09:00 KST").isoformat() == "2026-09-03T09:00:00+09:00"
    assert parse_date("Veröffentlicht am 03.09.2026, 14:10").isoformat() == "2026-09-03T14:10:00"
    assert parse_date("Veröffentlicht am 13. Mai 2026 um 15:44").isoformat() == "2026-05-13T15:44:00"
    assert parse_date("Publié le 3 août 2025 à 10:15").isoformat() == "2025-08-03T10:15:00"
    page = Page.from_text(
        "<html><head><title>A</title></head><body><div class='art_head'><h1>A story</h1>"
        "<span class='date'>Published: 2026.02.17 09:30 KST</span></div>"
        "<div class='art_txt'><p>Text of the story that is long enough to be a paragraph.</p></div>"
        "</body></html>", "https://cms.example/stories/1.html")
    meta = extract_metadata(page)
    assert meta["published"] == "2026-02-17T09:30:00+09:00"


def test_an_empty_byline_gives_no_author() -> None:
    """A theme's byline whose name slot is empty ('By <span class="author"></span>') names nobody:
    the label left alone is not an author."""
    for label in ("By", "by:", "Written by", "Posted by -", "Von", "Author:"):
        assert split_authors(label) == [], label
    html = ('<html><head><title>Empty byline</title></head><body><article><h1>Empty byline</h1>'
            '<div class="byline">By <span class="author"></span></div><p>Some text here.</p>'
            '</article></body></html>')
    assert extract_metadata(page(html))["authors"] == []
