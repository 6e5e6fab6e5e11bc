"""The headline as the page shows it: the article's visible <h1> when it is plausible, with every
source kept in `titles` (invented pages)."""

from __future__ import annotations

from newsspider.extract.metadata import extract_metadata
from newsspider.extract.page import Page


def meta(html: str) -> dict:
    return extract_metadata(Page.from_text(html, url="https://news.example/a/1"))


def test_shortened_social_title_gives_way_to_the_fuller_h1() -> None:
    # og:title and <title> cut the headline down; the page shows the full one
    m = meta("""<html><head><title>Drummer of Velvet Harbor will leave band - Daily Wire</title>
    <meta property="og:title" content="Drummer of Velvet Harbor will leave band"></head>
    <body><article><h1>Drummer of Velvet Harbor Tom Reyes will leave band after spring tour</h1>
    <p>Text.</p></article></body></html>""")
    assert m["title"] == "Drummer of Velvet Harbor Tom Reyes will leave band after spring tour"
    assert m["titles"]["og"] == "Drummer of Velvet Harbor will leave band"
    assert m["titles"]["h1"] == m["title"]


def test_site_logo_h1_is_not_the_headline() -> None:
    m = meta("""<html><head><title>How a Garage Band Became a Stadium Act - Night Owl</title></head>
    <body><header><h1>Night Owl</h1></header><article>
    <h1>‘Paper Moons’: How a Small Garage Band Became a Stadium Act</h1><p>Text.</p></article>
    </body></html>""")
    assert m["title"] == "‘Paper Moons’: How a Small Garage Band Became a Stadium Act"


def test_menu_and_teaser_h1s_lose_to_the_article_h1() -> None:
    # the short social title is also the text of a linked teaser <h1> in the sidebar
    m = meta("""<html><head>
    <title>Mayor Apologizes After Parade Float Blocks Ambulance Route for an Hour - City Post</title>
    <meta property="og:title" content="Mayor Apologizes After Float Blocks Ambulance"></head>
    <body><nav><ul><li><h1>Sections</h1></li></ul></nav>
    <article><header><h1>Mayor Apologizes After Parade Float Blocks Ambulance Route for an Hour</h1>
    </header><p>Text.</p></article>
    <section class="col-c"><article><h1><a href="/b">Mayor Apologizes After Float Blocks Ambulance</a>
    </h1></article></section></body></html>""")
    assert m["title"] == "Mayor Apologizes After Parade Float Blocks Ambulance Route for an Hour"


def test_kicker_in_front_of_the_h1_is_not_taken() -> None:
    m = meta("""<html><head><meta property="og:title" content="Harbor Lights win the final in extra time">
    <script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Harbor Lights win the final in extra time"}</script></head>
    <body><article><h1><span>Cup final</span> Harbor Lights win the final in extra time</h1>
    <p>Text.</p></article></body></html>""")
    assert m["title"] == "Harbor Lights win the final in extra time"
