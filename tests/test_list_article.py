"""List articles ("A Complete List of X's Solo Projects": a heading, an image or video and
paragraphs per item) keep every item in the body (invented pages, two common layouts)."""

from __future__ import annotations

import pytest

from newsspider.extract.body import extract_body
from newsspider.extract.metadata import extract_metadata
from newsspider.extract.page import Page

ITEMS = [
    ("Dreamers (2022)", "The first solo album arrived in the spring of 2022 with five tracks about "
     "leaving home and finding a new city to love."),
    ("Closer (2024)", "A single released a week before his service began, with a piano line he "
     "wrote alone at night in the studio basement."),
    ("Night Bus (2025)", "The second album, recorded live with his touring band, closes with a "
     "nine-minute jam that fans now sing at every show."),
]
INTRO = ("Jae Min has been busy since the band went on hiatus. Here is every solo project he has "
         "released so far, in order.")


def boxed(i: int, head: str, text: str) -> str:
    return (f'<div class="list-item"><h2>{head}</h2><figure><img src="/i{i}.jpg">'
            f"<figcaption>Photo: Agency</figcaption></figure><p>{text}</p></div>")


def flat(i: int, head: str, text: str) -> str:
    return (f"<h3><strong>{head}</strong></h3><p>{text}</p>"
            f'<div class="embed-youtube"><iframe src="https://www.youtube.com/embed/v{i}"></iframe></div>')


@pytest.mark.parametrize("item", [boxed, flat])
def test_every_item_of_a_list_article_is_in_the_body(item) -> None:
    items = "".join(item(i, h, t) for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f'<nav><a href="/">Home</a></nav><article><h1>A Complete List of Jae Min\'s Solo Projects'
            f"</h1><p>{INTRO}</p>{items}</article>"
            f'<aside class="related"><a href="/x">Other story</a></aside></body></html>')
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [INTRO] + [x for h, t in ITEMS for x in (h, t)]


# Two layouts found on 2026-12-03 (invented pages) in which the items were lost. A heading that is
# wholly a link was dropped: newsspider/extract/bodylist.py keeps it when prose follows (the
# second layout is still a known failure: strict, the mark goes when it is fixed).


def linked_heading(i: int, head: str, text: str) -> str:
    # each item's heading links to the work's own page; the text under it is plain
    return f'<h2><a href="/works/{i}">{head}</a></h2><figure><img src="/i{i}.jpg"></figure><p>{text}</p>'


def test_linked_item_headings_of_a_list_article_stay_in_the_body() -> None:
    items = "".join(linked_heading(i, h, t) for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f"<article><h1>A Complete List of Jae Min's Solo Projects</h1><p>{INTRO}</p>{items}"
            f"</article></body></html>")
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [INTRO] + [x for h, t in ITEMS for x in (h, t)]


@pytest.mark.xfail(strict=True, reason="items in a container right after an <article> that holds "
                   "only the intro are dropped: only the intro survives (body.py)")
def test_items_after_an_intro_only_article_element_stay_in_the_body() -> None:
    intro = [INTRO, "He wrote, produced and arranged most of it himself, often late at night, "
             "and he said so in every interview he gave."]
    items = "".join(f'<div class="item"><h2>{h}</h2><img src="/i{i}.jpg"><p>{t}</p></div>'
                    for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f"<article><h1>A Complete List of Jae Min's Solo Projects</h1>"
            f'<div class="entry-content">{"".join(f"<p>{p}</p>" for p in intro)}</div></article>'
            f'<div class="list-content">{items}</div></body></html>')
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == intro + [x for h, t in ITEMS for x in (h, t)]


# teaser cards for other stories: a linked headline over a teaser, the image linking to the
# same story

TEASERS = [
    ("Jae Min opens up about the hardest year of his career so far",
     "In a long talk with a radio host he looked back on the hiatus, the service and the songs."),
    ("Every stage outfit from the Night Bus tour, ranked by our readers",
     "From the silver jacket of the first night to the hoodie of the last, here is your vote."),
    ("The band announces a reunion concert for the spring in Seoul",
     "All five members will return for two nights, the agency said, with tickets on sale soon."),
]


def cards(with_images: bool) -> str:
    return '<div class="grid">' + "".join(
        '<div class="card">'
        + (f'<a href="/story/{i}"><img src="/t{i}.jpg"></a>' if with_images else "")
        + f'<h3><a href="/story/{i}">{h}</a></h3><p>{t}</p></div>'
        for i, (h, t) in enumerate(TEASERS)) + "</div>"


def test_card_grid_inside_the_article_keeps_its_headlines_out() -> None:
    # teaser cards (image and headline linking to the same story) at the end of the text
    html = (f"<html><body><article><h1>Jae Min</h1><p>{INTRO}</p><p>{ITEMS[1][1]}</p>"
            f"<p>{ITEMS[0][1]}</p>{cards(True)}</article></body></html>")
    paragraphs = extract_body(Page.from_text(html, "https://fans.example/a"))["paragraphs"]
    assert not any(h in paragraphs for h, _ in TEASERS)
