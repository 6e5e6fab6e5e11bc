"""The publication date as the page shows it (invented pages, one error shape each)."""

from __future__ import annotations

from datetime import UTC, datetime

from newsspider.extract.metadata import extract_metadata
from newsspider.extract.page import Page

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def published(body: str, head: str = "", lang: str = "en") -> str | None:
    html = (f'<html lang="{lang}"><head><title>Harbor Lights sign a new deal</title>{head}</head>'
            f"<body>{body}</body></html>")
    page = Page.from_text(html, "https://news.example/story/1", fetched_at=FETCHED)
    return extract_metadata(page)["published"]


H1 = "<h1>Harbor Lights sign a new deal</h1>"
TEXT = "<p>" + "The band signed with a new label on a three-record deal this week. " * 4 + "</p>"


def meta(body: str, head: str = "", lang: str = "en") -> dict:
    html = (f'<html lang="{lang}"><head><title>Harbor Lights sign a new deal</title>{head}</head>'
            f"<body>{body}</body></html>")
    return extract_metadata(Page.from_text(html, "https://news.example/story/1", fetched_at=FETCHED))


def test_two_time_texts_in_one_published_element_are_not_glued() -> None:
    body = (f'<article>{H1}<div itemprop="datePublished"><time>2022-02-11</time>'
            f"<time>2023-06-08</time></div>{TEXT}</article>")
    assert published(body) == "2022-02-11"
    # the same in a date-classed element: the raw value is one date, not "2022-02-112023-06-08"
    for wrap in ('<span class="date">{}</span>', '<p class="post-date">{}</p>'):
        times = wrap.format("<time>2022-02-11</time><time>2023-06-08</time>")
        m = meta(f"<article>{H1}{times}{TEXT}</article>")
        assert (m["published"], m["published_raw"]) == ("2022-02-11", "2022-02-11")


def test_a_visible_reviewed_date_is_the_only_date() -> None:
    body = f'<article>{H1}<p class="meta">Reviewed: June 7, 2019</p>{TEXT}</article>'
    assert published(body) == "2019-06-07"


def test_a_visible_numeric_us_date_is_the_only_date() -> None:
    body = f'<article>{H1}<span class="byline">By Dana Cole</span> <span>11/28/2016</span>{TEXT}</article>'
    assert published(body) == "2016-11-28"


def test_embedded_instagram_post_time_is_not_the_article_time() -> None:
    body = (f'<article>{H1}{TEXT}<blockquote class="instagram-media"><p>New song out!</p>'
            '<time datetime="2023-03-02T10:00:00+00:00">Mar 2, 2023</time></blockquote>'
            f'<p>Posted on <time datetime="2023-03-05T09:00:00+00:00">March 5, 2023</time></p>'
            "</article>")
    assert published(body)[:10] == "2023-03-05"


def test_the_date_of_an_older_related_story_is_not_taken() -> None:
    head = '<meta itemprop="datePublished" content="2024-05-20T08:00:00Z">'
    body = (f"<article>{H1}<div>May 27, 2024</div>{TEXT}</article>"
            '<div class="related"><meta itemprop="datePublished" content="2023-01-04T10:00:00Z">'
            '<a href="/old">Older story</a> <span>January 4, 2023</span></div>')
    assert published(body) == "2024-05-27"
    # microdata of another story inside the page is not the page's metadata
    body2 = (f"<article>{H1}{TEXT}</article><ul><li>"
             '<meta itemprop="datePublished" content="2023-01-04T10:00:00Z">old</li></ul>')
    assert published(body2, head) == "2024-05-20T08:00:00+00:00"


def test_metadata_update_time_gives_way_to_the_earlier_shown_original_time() -> None:
    head = '<meta property="article:published_time" content="2024-05-28T12:43:00Z">'
    body = (f'<article>{H1}<div><time datetime="2024-05-28T12:43:00Z">May 27, 2024, 10:00 PM UTC'
            f"</time> / Updated May 28, 2024</div>{TEXT}</article>")
    assert published(body, head) == "2024-05-27T22:00:00+00:00"


def test_evening_story_keeps_the_publishers_calendar_day() -> None:
    # metadata in UTC is already the next day; the page shows the local wall clock
    head = '<meta property="article:published_time" content="2015-01-15T00:09:34Z">'
    body = f"<article>{H1}<div>Wednesday, January 14, 2015, 7:09 PM</div>{TEXT}</article>"
    assert published(body, head) == "2015-01-14T19:09:34-05:00"
    # a zone the page names: ET in January is UTC-5
    body = f"<article>{H1}<span>Jan 14, 2015, 7:09 PM ET</span>{TEXT}</article>"
    assert published(body) == "2015-01-14T19:09:00-05:00"
    # the date alone, with metadata in UTC on the next day: the day shown
    body = f"<article>{H1}<span>1.14.15</span>{TEXT}</article>"
    assert published(body, head) == "2015-01-14"


def test_a_later_unlabelled_date_by_the_headline_does_not_replace_the_original() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"Harbor Lights sign a new deal", "datePublished": "2023-10-07T09:53:36+02:00"}</script>')
    body = f'<article>{H1}<time datetime="2024-07-18T09:08:27Z">18.07.2024</time>{TEXT}</article>'
    assert published(body, head, lang="de") == "2023-10-07T09:53:36+02:00"


def test_day_first_numeric_dates_outside_english_pages() -> None:
    body = f"<article>{H1}<span>05/04/2021</span>{TEXT}</article>"
    assert published(body, lang="de") == "2021-04-05"
    assert published(body, lang="en-GB") == "2021-04-05"
    assert published(body, lang="en") == "2021-05-04"


def test_dotted_numeric_dateline_is_day_first() -> None:
    body = f"<article>{H1}<span>By Dana Cole</span> <span>22.04.2024</span>{TEXT}</article>"
    assert published(body, lang="en") == "2024-04-22"


def test_a_date_inside_a_caption_sentence_is_not_the_dateline() -> None:
    head = '<meta property="article:published_time" content="2024-04-15T09:56:00+02:00">'
    body = (f"<article>{H1}<div>The writer, seen here in 2010. On 13.04.2024 he died in Lima at "
            f"the age of 89, his family said.</div><span>15.04.24 09:56</span>{TEXT}</article>")
    assert published(body, head, lang="de") == "2024-04-15T09:56:00+02:00"
