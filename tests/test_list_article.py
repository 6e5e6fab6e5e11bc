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


# Two layouts found on 2026-12-03 (invented pages) in which the items were lost: a heading that
# is wholly a link was dropped, and items after an <article> holding only the intro were outside
# the chosen container (newsspider/extract/body/lists.py now handles both).


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


INTRO2 = [INTRO, "He wrote, produced and arranged most of it himself, often late at night, "
          "and he said so in every interview he gave."]


def boxed_item(i: int, head: str, text: str) -> str:
    return f'<div class="item"><h2>{head}</h2><img src="/i{i}.jpg"><p>{text}</p></div>'


def intro_only_article(after: str, item=boxed_item) -> str:
    items = "".join(item(i, h, t) for i, (h, t) in enumerate(ITEMS))
    if item is ordered_item:
        items = f"<ol>{items}</ol>"
    return (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f"<article><h1>A Complete List of Jae Min's Solo Projects</h1>"
            f'<div class="entry-content">{"".join(f"<p>{p}</p>" for p in INTRO2)}</div></article>'
            f'<div class="list-content">{items}</div>{after}</body></html>')


def ordered_item(i: int, head: str, text: str) -> str:
    return f'<li><h3>{head}</h3><figure><img src="/i{i}.jpg"></figure><p>{text}</p></li>'


def bold_item(i: int, head: str, text: str) -> str:
    # a bold paragraph set as the item title, a captioned image, the text
    return (f'<p><strong>{head}</strong></p><figure><img src="/i{i}.jpg"><figcaption>Photo: '
            f"Agency</figcaption></figure><p>{text}</p>")


@pytest.mark.parametrize("item", [boxed_item, ordered_item, bold_item])
def test_items_after_an_intro_only_article_element_stay_in_the_body(item) -> None:
    page = Page.from_text(intro_only_article("", item), "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == INTRO2 + [x for h, t in ITEMS for x in (h, t)]
    assert [i["url"] for i in body["images"]] == [f"https://fans.example/i{i}.jpg" for i in range(3)]


# more layouts (invented): numbered items in <section>s with a captioned image, two paragraphs
# and a heading linking to a streaming page; a WordPress-like theme with one block group per
# item after the post's text

SECOND = ["Fans voted it album of the year on the fan cafe, and it still sits in his setlist.",
          "He has called it the record he would keep if he could only keep one of them.",
          "The band joined him on stage for the encore on the last night of the tour."]


def test_numbered_items_in_sections_with_captioned_images() -> None:
    items = "".join(
        f'<section class="entry"><h3><a href="https://music.example/album/{i}">{i + 1}. {h}</a></h3>'
        f'<figure><a href="/full/i{i}.jpg"><img src="/i{i}.jpg"></a><figcaption>Cover of {h}'
        f"</figcaption></figure><p>{t}</p><p>{SECOND[i]}</p></section>"
        for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f"<main><article><h1>A Complete List of Jae Min's Solo Projects</h1><p>{INTRO}</p>"
            f"{items}</article></main></body></html>")
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [INTRO] + [
        x for i, (h, t) in enumerate(ITEMS) for x in (f"{i + 1}. {h}", t, SECOND[i])]
    assert [i["caption"] for i in body["images"]] == [f"Cover of {h}" for h, _ in ITEMS]


def test_items_each_in_their_own_article_inside_the_text() -> None:
    items = "".join(f'<article class="list-item"><h2>{h}</h2><img src="/i{i}.jpg"><p>{t}</p>'
                    f"</article>" for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f"<article><h1>A Complete List of Jae Min's Solo Projects</h1><p>{INTRO}</p>{items}"
            f"</article></body></html>")
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [INTRO] + [x for h, t in ITEMS for x in (h, t)]


def test_teaser_card_articles_between_the_paragraphs_stay_out() -> None:
    # two cards for other stories inside the text: linked headlines, or one card alone
    linked = "".join(f'<article class="card"><h3><a href="/story/{i}">{h}</a></h3><p>{t}</p>'
                     f"</article>" for i, (h, t) in enumerate(TEASERS[:2]))
    alone = f'<article class="card"><h3>{TEASERS[2][0]}</h3><p>{TEASERS[2][1]}</p></article>'
    for cards_html in (linked, alone):
        html = (f"<html><body><article><h1>Jae Min</h1><p>{INTRO}</p>{cards_html}"
                f"<p>{ITEMS[0][1]}</p><p>{ITEMS[1][1]}</p></article></body></html>")
        paragraphs = extract_body(Page.from_text(html, "https://fans.example/a"))["paragraphs"]
        assert paragraphs == [INTRO, ITEMS[0][1], ITEMS[1][1]]


@pytest.mark.parametrize("number", ["{n}. ", "#{n} ", "No. {n}: "])
def test_numbered_items_without_an_intro_keep_the_first_title(number: str) -> None:
    # a countdown straight under the headline: the first item title is not a kicker
    n = len(ITEMS)
    titles = [number.format(n=n - i) + h for i, (h, _) in enumerate(ITEMS)]
    items = "".join(f'<h3>{t}</h3><img src="/i{i}.jpg"><p>{ITEMS[i][1]}</p>'
                    for i, t in enumerate(titles))
    html = (f"<html><head><title>Jae Min's Solo Projects, Ranked</title></head><body><article>"
            f"<h1>Jae Min's Solo Projects, Ranked</h1>{items}</article></body></html>")
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [x for i, t in enumerate(titles) for x in (t, ITEMS[i][1])]


def test_wordpress_block_group_per_item_after_the_post_text() -> None:
    groups = "".join(
        f'<div class="wp-block-group"><div class="wp-block-group__inner-container">'
        f'<h2 class="wp-block-heading">{h}</h2><figure class="wp-block-image"><img src="/i{i}.jpg">'
        f"</figure><p>{t}</p></div></div>" for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f'<div class="site"><article class="post"><header class="entry-header"><h1 '
            f"class=\"entry-title\">A Complete List of Jae Min's Solo Projects</h1></header>"
            f'<div class="entry-content">{"".join(f"<p>{p}</p>" for p in INTRO2)}</div></article>'
            f"{groups}</div></body></html>")
    page = Page.from_text(html, "https://fans.example/list")
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == INTRO2 + [x for h, t in ITEMS for x in (h, t)]


# what must stay out, next to a list article: other stories as cards (linked headline over a
# teaser, with or without a linked image), an unnamed comment thread, the next story, a footer

TEASERS = [
    ("Jae Min opens up about the hardest year of his career so far",
     "In a long talk with a radio host he looked back on the hiatus, the service and the songs."),
    ("Every stage outfit from the Night Bus tour, ranked by our readers",
     "From the silver jacket of the first night to the hoodie of the last, here is your vote."),
    ("The band announces a reunion concert for the spring in Seoul",
     "All five members will return for two nights, the agency said, with tickets on sale soon."),
]


def cards(with_images: bool, short: bool = False) -> str:
    # short: one-word headlines over the teasers (few link characters in the box)
    return '<div class="grid">' + "".join(
        '<div class="card">'
        + (f'<a href="/story/{i}"><img src="/t{i}.jpg"></a>' if with_images else "")
        + f'<h3><a href="/story/{i}">{h.split()[-1] if short else h}</a></h3><p>{t}</p></div>'
        for i, (h, t) in enumerate(TEASERS)) + "</div>"


COMMENTS = ('<div id="talk"><h3>3 thoughts on this list</h3>' + "".join(
    f'<div><b><a href="/u/{n}">{n}</a></b> <span>March {d}, 2026 at 9:1{d} pm</span><p>{c}</p>'
    f'<a href="#reply">Reply</a></div>'
    for n, d, c in (("mina_k", 3, "Night Bus is the one for me, the nine-minute jam at the end "
                     "still gives me chills every single time."),
                    ("lee.sol", 4, "You forgot the duet he did for the drama soundtrack last "
                     "winter, it deserves a place here too."),
                    ("starfan", 5, "Closer made me cry the week he left, thank you for putting "
                     "these together in one place.")))
    + "</div>")
# the next story of an infinite-scroll page, in a plain box: a headline, byline, date, text
NEXT_STORY = ('<div class="story-2"><h2>Seo-yeon signs with a new agency after seven years</h2>'
              "<div>By Mara Jensen</div><div>March 3, 2026</div>" + "".join(f"<p>{t}</p>" for t in (
                  "The singer confirmed the move in a letter to fans on Tuesday, thanking her "
                  "old team for seven years of work and many sleepless nights.",
                  "Her first release under the new label is planned for the summer, with a "
                  "small tour of university festivals after it.",
                  "She did not say whether she would keep her stage name, which the old agency "
                  "still owns, and fans have started a petition about it.",
                  "The new agency, founded by two former producers, manages three other solo "
                  "singers and a band that debuted in the autumn.",
                  "Contract talks took most of the winter, according to people close to both "
                  "sides, and ended with a short joint statement.",
                  "A fan meeting to mark the move is being planned for the spring, the letter "
                  "said, without giving a date or a city yet.",
                  "Her last single under the old agency reached the top ten in its first week "
                  "and stayed on the chart for most of the season.",
                  "Critics have praised her writing, and she has said she wants to produce more "
                  "of her own songs from now on.")) + "</div>")
FOOTER = ('<div class="site-info"><p>Fans Example is an independent fan site. Not affiliated '
          'with any agency.</p><p><a href="/about">About</a> <a href="/privacy">Privacy</a> '
          '<a href="/contact">Contact</a></p></div>')


@pytest.mark.parametrize("after", [cards(True), cards(False), cards(False, short=True), COMMENTS,
                                   NEXT_STORY, FOOTER, cards(True) + COMMENTS + FOOTER])
def test_cards_comments_and_footer_after_a_list_article_stay_out(after: str) -> None:
    expected = [INTRO] + [x for h, t in ITEMS for x in (h, t)]
    linked = "".join(linked_heading(i, h, t) for i, (h, t) in enumerate(ITEMS))
    html = (f"<html><head><title>A Complete List of Jae Min's Solo Projects</title></head><body>"
            f"<article><h1>A Complete List of Jae Min's Solo Projects</h1><p>{INTRO}</p>{linked}"
            f"</article>{after}</body></html>")
    for page_html, want in ((html, expected),
                            (intro_only_article(after), INTRO2 + expected[1:])):
        page = Page.from_text(page_html, "https://fans.example/list")
        body = extract_body(page, extract_metadata(page))
        assert body["paragraphs"] == want


def test_card_grid_inside_the_article_keeps_its_headlines_out() -> None:
    # teaser cards (image and headline linking to the same story) at the end of the text
    html = (f"<html><body><article><h1>Jae Min</h1><p>{INTRO}</p><p>{ITEMS[1][1]}</p>"
            f"<p>{ITEMS[0][1]}</p>{cards(True)}</article></body></html>")
    paragraphs = extract_body(Page.from_text(html, "https://fans.example/a"))["paragraphs"]
    assert not any(h in paragraphs for h, _ in TEASERS)
