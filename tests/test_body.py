"""extract_body on small invented pages."""

from __future__ import annotations

import json

import pytest

from newsspider.extract.body import extract_body
from newsspider.extract.metadata import extract_metadata
from newsspider.extract.page import Page

URL = "https://fans.example/news/starlight-single/"

P1 = ("Starlight will release their new digital single next Friday, the agency said on Monday, "
      "adding that all four members took part in writing the lyrics.")
P2 = ("The song is a mid-tempo ballad about leaving home, and the group will perform it for the "
      "first time on a weekly music show, followed by a small fan meeting in Seoul.")
P3 = ("Tickets for the fan meeting will be sold through the official fan club first, with any "
      "remaining seats opening to the public a day later.")
P4 = ("Ticket holders who cannot attend may ask for a refund until Wednesday evening, the "
      "agency added, and the meeting will also be streamed live for fans abroad.")
TWEET = "We can't wait for you to hear it, see you on Friday!"


def article_page() -> Page:
    html = f"""<!doctype html><html><head><title>Starlight single | Fans</title></head><body>
<header class="site-header"><nav><a href="/">Home</a><a href="/news">News</a></nav></header>
<main><article>
 <h1>Starlight announce a new single</h1>
 <div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div>
 <figure><img src="/img/starlight.jpg" alt="Starlight">
   <figcaption>Starlight at a fan event. <span class="credit">Photo: Star Agency</span>
   </figcaption></figure>
 <div class="article-body">
  <p>{P1}</p>
  <p>Advertisement</p>
  <h2>A song about home</h2>
  <p>{P2}</p>
  <blockquote class="twitter-tweet"><p lang="en">{TWEET}</p>&mdash; Starlight Official
   (@starlight_official) <a href="https://twitter.com/starlight_official/status/123">May 1</a>
  </blockquote>
  <ul><li>Release: Friday, 6 p.m.</li><li>Fan meeting: Saturday</li></ul>
  <blockquote><p>It is the most personal song we have made.</p></blockquote>
  <div class="newsletter-box"><p>Sign up for our newsletter to get every comeback first, straight
   to your inbox every morning, for free, forever.</p></div>
  <p>{P3}</p>
  <iframe src="https://www.youtube.com/embed/abc123"></iframe>
 </div>
 <div class="related-articles"><h3>Related</h3><ul>
  <li><a href="/a">Another group announces a world tour with twenty dates across Asia</a></li>
  <li><a href="/b">Five ballads that defined this spring according to our readers</a></li>
 </ul></div>
</article></main>
<footer><p>Copyright 2024 Fans Example. All rights reserved. Terms of use apply here.</p></footer>
</body></html>"""
    return Page.from_text(html, URL)


def test_article_structure_kinds_and_boilerplate() -> None:
    page = article_page()
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [
        P1, "A song about home", P2, TWEET, "Release: Friday, 6 p.m.", "Fan meeting: Saturday",
        "It is the most personal song we have made.", P3,
    ]
    assert body["kinds"] == ["p", "h", "p", "embed", "li", "li", "blockquote", "p"]
    assert body["body"] == "\n\n".join(body["paragraphs"])
    text = body["body"]
    for junk in ("Share", "Advertisement", "newsletter", "Related", "Copyright", "Photo:",
                 "fan event"):
        assert junk not in text


def test_images_and_embeds_are_separate_records() -> None:
    page = article_page()
    body = extract_body(page)
    assert body["images"] == [{
        "url": "https://fans.example/img/starlight.jpg",
        "caption": "Starlight at a fan event.",
        "credit": "Photo: Star Agency",
    }]
    assert body["embeds"] == [
        {"url": "https://twitter.com/starlight_official/status/123", "kind": "tweet",
         "author": "Starlight Official", "text": TWEET, "paragraph": 3},
        {"url": "https://www.youtube.com/embed/abc123", "kind": "youtube", "author": None,
         "text": None, "paragraph": None},
    ]


def test_body_html_keeps_structure() -> None:
    html = extract_body(article_page())["body_html"]
    assert "<h2>A song about home</h2>" in html
    assert "<ul>\n<li>Release: Friday, 6 p.m.</li>\n<li>Fan meeting: Saturday</li>\n</ul>" in html
    assert "<blockquote>\n<p>It is the most personal song we have made.</p>\n</blockquote>" in html
    assert ('<blockquote class="embed" data-kind="tweet" '
            'cite="https://twitter.com/starlight_official/status/123">') in html
    assert '<iframe src="https://www.youtube.com/embed/abc123"></iframe>' in html
    assert "<figcaption>Starlight at a fan event. <small class=\"credit\">Photo: Star Agency" in html


def test_instagram_embed_author_and_text() -> None:
    html = f"""<html><body><article><p>{P1}</p>
    <blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/">
      <div><a href="https://www.instagram.com/p/XYZ/">View this post on Instagram</a></div>
      <p>Thank you for waiting, see you soon</p>
      <p>A post shared by Han Seo-rin (@seorin.han)</p>
    </blockquote><p>{P2}</p></article></body></html>"""
    body = extract_body(Page.from_text(html, URL))
    assert body["paragraphs"] == [P1, "Thank you for waiting, see you soon", P2]
    assert body["kinds"] == ["p", "embed", "p"]
    assert body["embeds"][0]["author"] == "Han Seo-rin"
    assert body["embeds"][0]["kind"] == "instagram"
    assert body["embeds"][0]["url"] == "https://www.instagram.com/p/XYZ/"


def test_article_split_over_sibling_wrappers() -> None:
    blocks = "".join(
        f'<div class="widget"><div class="text"><p>{p}</p></div></div><div class="ad">Ad</div>'
        for p in (P1, P2, P3)
    )
    html = f"""<html><body><div class="page"><h1>T</h1><div class="widgets">{blocks}</div></div>
    <div class="more"><a href="/x">More stories from the fan world this week and last</a></div>
    </body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2, P3]


def test_jsonld_article_body_when_dom_has_no_text() -> None:
    text = " ".join([P1, P2, P3])
    data = {"@type": "NewsArticle", "headline": "H", "articleBody": f"{P1}\n{P2}\n{P3} {text}"}
    html = f"""<html><head><script type="application/ld+json">{json.dumps(data)}</script>
    </head><body><div id="app"></div></body></html>"""
    body = extract_body(Page.from_text(html, URL))
    assert body["paragraphs"] == [P1, P2, f"{P3} {text}"]


def test_profile_selectors_body_and_remove() -> None:
    html = f"""<html><body><div class="story"><p>{P1}</p><p class="promo-line">{P3}</p></div>
    <div class="other"><p>{P2}</p><p>{P2}</p><p>{P2}</p></div></body></html>"""
    prof = {"selectors": {"body": ".story", "remove": [".promo-line"]}}
    body = extract_body(Page.from_text(html, URL, profile=prof))
    assert body["paragraphs"] == [P1]


def test_invalid_profile_selector_is_ignored() -> None:
    html = f"""<html><body><div class="story"><p>{P1}</p><p class="promo-line">{P3}</p></div></body></html>"""
    prof = {"selectors": {"body": ["div[[", ".story"], "remove": ["p:::bad", ".promo-line"]}}
    body = extract_body(Page.from_text(html, URL, profile=prof))
    assert body["paragraphs"] == [P1]


def test_broken_html() -> None:
    html = f"<html><body><div class='content'><p>{P1}<p>{P2}</div></span><p>{P3}"
    body = extract_body(Page.from_text(html, URL))
    assert body["paragraphs"] == [P1, P2, P3]


def test_non_utf8_bytes_end_to_end() -> None:
    p = "Crème brûlée and café au lait were served to every fan after the long show in Paris."
    html = f'<html><head><meta charset="iso-8859-1"></head><body><article><p>{p}</p><p>{p}</p>'
    html += "</article></body></html>"
    page = Page.from_bytes(html.encode("latin-1"), URL)
    assert extract_body(page)["paragraphs"] == [p, p]


def test_empty_page() -> None:
    body = extract_body(Page.from_text("", URL))
    assert body["paragraphs"] == [] and body["body"] == "" and body["embeds"] == []


# ------------------------------------------------------------------ wrappers that hold the text


def test_page_wrapped_in_one_form_keeps_its_text() -> None:
    html = f"""<html><body><form method="post" action="./a"><div class="content">
    <p>{P1}</p><p>{P2}</p></div><form class="search"><input name="q"><p>Search</p></form>
    </form></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2]


def test_article_parked_in_hidden_streaming_div_or_unclosed_aside() -> None:
    hidden = f"""<html><body><div hidden id="S:1"><div class="prose"><p>{P1}</p><p>{P2}</p>
    <p>{P3}</p></div></div><div hidden class="menu"><p>Menu entry</p></div></body></html>"""
    assert extract_body(Page.from_text(hidden, URL))["paragraphs"] == [P1, P2, P3]
    aside = f"""<html><body><aside id="secondary"><article><p>{P1}</p><p>{P2}</p><p>{P3}</p>
    </article></aside><aside class="rail"><p>Popular now on the site</p></aside></body></html>"""
    assert extract_body(Page.from_text(aside, URL))["paragraphs"] == [P1, P2, P3]


# an unclosed breadcrumb <nav> (broken markup): lxml puts the rest of the page inside it
D1 = ("The final episode of the courtroom drama drew its highest ratings yet on Sunday night, "
      "with viewers staying up past midnight to see how the long retrial would end.")
D2 = ("The lead actress, who spent four months learning sign language for the role, thanked the "
      "deaf consultants on set in a handwritten letter posted by the production company.")
D3 = ("A special episode with outtakes and interviews with the cast will air next weekend, and "
      "the scripts of all sixteen episodes are to be published as a book in the spring.")
D4 = ("The writer said she had already started on a new story, this time about a family running "
      "a small bakery on an island, but would not say which channel is going to air it.")


@pytest.mark.parametrize("chrome", ['<nav class="crumbs">', '<div role="navigation">',
                                    '<header role="banner">'])
def test_unclosed_breadcrumb_bar_does_not_take_the_article_with_it(chrome: str) -> None:
    # the bar's element and its breadcrumb <div> are never closed
    html = f"""<html><head><title>Courtroom drama ends on a high | TV</title></head><body>
<header class="site-header"><a href="/">Drama Daily</a></header>
{chrome}<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/tv">TV</a>
<h1>Courtroom drama ends on a high</h1>
<section itemprop="articleBody">
 <div class="text"><p>{D1}</p></div>
 <div class="image-box"><img src="/img/finale.jpg"><span class="caption">The cast at the wrap
  party.</span></div>
 <div class="text"><p>{D2}</p></div>
 <div class="ad-box"><div id="ad-slot-2"></div><span>Advertisement</span></div>
 <div class="text"><p>{D3}</p></div>
 <div class="image-box"><img src="/img/writer.jpg"></div>
 <div class="text"><p>{D4}</p></div>
</section>
<aside class="rail"><p>Most read this week on Drama Daily</p></aside>
<footer><p>Copyright 2026 Drama Daily. All rights reserved.</p></footer>
</body></html>"""
    page = Page.from_text(html, URL)
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [D1, D2, D3, D4]
    assert [i["url"] for i in body["images"]] == ["https://fans.example/img/finale.jpg",
                                                  "https://fans.example/img/writer.jpg"]


def test_closed_nav_and_landmarks_with_teasers_stay_out() -> None:
    teaser = '<p><a href="/s/{0}">{1}</a> Read the full story on the site.</p>'
    teasers = "".join(teaser.format(i, t) for i, t in enumerate((D1, D2, D3)))
    html = f"""<html><body><nav class="more-stories">{teasers}</nav>
    <div role="complementary"><p>{P4}</p></div>
    <article><h1>Starlight announce a new single</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
    </body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2, P3]

def test_hash_like_id_is_not_an_ad_and_paywall_article_is_text() -> None:
    html = f"""<html><body><div class="article-body">
    <div id="ad6ed79d-88fd-4c8e" class="block"><div class="text"><p>{P1}</p></div></div>
    <div class="paywall-article"><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>
    <div id="ad-3" class="slot"><p>Sponsored: buy the new phone today at a great price.</p></div>
    </div></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2, P3, P4]


def test_nextjs_flight_payload_when_dom_is_empty() -> None:
    frag = f'<div class="img"><img src="/a.jpg"></div><p class="editor-p">{P1}</p><p>{P2}</p>'
    push = json.dumps([1, frag])
    html = f"""<html><body><div id="root"></div>
    <script>self.__next_f.push({push})</script></body></html>"""
    body = extract_body(Page.from_text(html, URL))
    assert body["paragraphs"] == [P1, P2]


# ---------------------------------------------------------------------- chrome around the text


def test_dates_credits_bylines_and_calls_to_action_are_dropped() -> None:
    html = f"""<html><body><article><h1>Starlight announce a new single</h1>
    <p>Stand: 28. April 2024, 05:00 Uhr</p><p>3 Min. Lesezeit</p>
    <p>von Jana Berger</p><p>Bildrechte: Star Agency/Jin Park</p>
    <p>{P1}</p><p>$$ARTICLEAD$$</p><p>{P2}</p>
    <p>Published 14:02 | Updated 15:10</p>
    <p>Watch “Moonlit Apothecary” on Viki below!</p>
    <p>{P3}</p>
    <p>This article first appeared on Fan Wire and is republished with permission.</p>
    <p>Jana Berger, reporter jana@fans.example</p>
    <p>Mehr zum Thema:</p><p>Got a story? Email our news team at news@fans.example.</p>
    </article></body></html>"""
    page = Page.from_text(html, URL)
    assert extract_body(page, extract_metadata(page))["paragraphs"] == [P1, P2, P3]


def test_live_blog_day_headers_deep_in_the_text_stay() -> None:
    html = f"""<html><body><article><p>{P1}</p><p>{P2}</p><p>Donnerstag, 18. 7.</p><p>{P3}</p>
    </article></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [
        P1, P2, "Donnerstag, 18. 7.", P3]


def test_heading_repeating_the_title_with_a_kicker_is_dropped() -> None:
    html = f"""<html><head><meta property="og:title" content="Starlight announce a new single">
    </head><body><div class="content"><h2>Comeback Starlight announce a new single</h2>
    <p>{P1}</p><h2>A song about home</h2><p>{P2}</p></div></body></html>"""
    page = Page.from_text(html, URL)
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [P1, "A song about home", P2]


def test_summary_box_pull_quote_and_repeated_ui_lines() -> None:
    quote = "the most personal song we have made"
    p2 = P2 + f" The leader called it {quote}, and the others agreed."
    html = f"""<html><body><article><p>Key Points</p><ul><li>New single on Friday</li>
    <li>Fan meeting in Seoul</li></ul><p>{P1}</p><blockquote>“{quote.capitalize()}”</blockquote>
    <p>{p2}</p><p>Log in to react.</p><p>{P3}</p><p>Log in to react.</p><p>Log in to react.</p>
    </article></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, p2, P3]


def test_double_escaped_jsonld_article_body() -> None:
    text = f"Caf&amp;eacute; {P1} {P2} {P3}"
    data = {"@type": "NewsArticle", "headline": "H", "articleBody": text}
    html = f"""<html><head><script type="application/ld+json">{json.dumps(data)}</script>
    </head><body><div id="app"></div></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [f"Café {P1} {P2} {P3}"]


def test_author_box_at_the_end_is_dropped() -> None:
    html = f"""<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>About the author</h3>
    <p>Mara Jensen has covered K-pop for ten years and lives in Seoul with two cats.</p>
    </article></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2, P3]


def test_div_built_photo_box_becomes_an_image_record() -> None:
    html = """<html><body><div id="articleBody" class="art_txt">
    <div class="photo_box"><img src="/a.jpg" alt="x"><div class="photo_cap">The duo on stage.</div>
    <div class="photo_src">Photo | Moonrise Agency</div></div>
    <div class="art_p">The duo opened the festival with a new song that nobody had heard before.</div>
    <div class="art_p">They closed it two hours later with the encore their fans had asked for.</div>
    </div></body></html>"""
    out = extract_body(Page.from_text(html, "https://cms.example/stories/2.html"), {})
    assert out["images"] == [{"url": "https://cms.example/a.jpg", "caption": "The duo on stage.",
                              "credit": "Photo | Moonrise Agency"}]
    assert all("duo on stage" not in p and "Moonrise" not in p for p in out["paragraphs"])
    assert len(out["paragraphs"]) == 2


def test_kicker_headings_above_the_first_paragraph_are_dropped() -> None:
    # a kicker and a headline variant set as headings before the text (not the page title)
    html = f"""<html><head><title>Starlight single</title></head><body><article>
    <div class="text"><h2>Comeback</h2><h2>The group returns with a ballad</h2>
    <p>{P1}</p><h2>A song about home</h2><p>{P2}</p></div></article></body></html>"""
    page = Page.from_text(html, URL)
    body = extract_body(page, extract_metadata(page))
    assert body["paragraphs"] == [P1, "A song about home", P2]


def test_teaser_card_articles_inside_the_text_are_dropped() -> None:
    html = f"""<html><body><article><div class="text"><p>{P1}</p><p>{P2}</p>
    <article class="card"><h3><span>Tour news</span>: <a href="/tour">All dates of the tour</a></h3>
    <div>Starlight go on a world tour in autumn; every date and city in one overview.</div>
    </article><p>{P3}</p><p>{P4}</p></div></article></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2, P3, P4]


def test_box_around_a_button_link_is_dropped() -> None:
    html = f"""<html><body><article><div class="text"><p>{P1}</p><p>{P2}</p>
    <div class="support-box"><p>Independent fan news needs you</p>
    <p>We report on every comeback without a paywall. Your monthly support keeps it that way.
    <a class="btn primary" href="/support">Support us now</a></p></div>
    <p>{P3}</p><p>{P4}</p></div></article></body></html>"""
    assert extract_body(Page.from_text(html, URL))["paragraphs"] == [P1, P2, P3, P4]


def test_page_tree_taken_not_copied_and_left_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first cleaning pass works on the page's own tree, taken from the page (no copy: one
    before, two before that); the page's tree as read afterwards (parsed again) is unchanged,
    with or without a profile's ``remove`` selectors, and a page whose first pass falls short
    (the gentler retries copy a fresh parse) gives the same body as before. Counted, not timed."""
    import copy

    from lxml import etree

    import newsspider.extract.page as pg

    calls = {"copy": 0, "parse": 0}
    deepcopy, parse_html = copy.deepcopy, pg.parse_html

    def counting(x, *a):  # noqa: ANN001, ANN202
        calls["copy"] += 1
        return deepcopy(x, *a)

    def parsing(*a, **k):  # noqa: ANN002, ANN003, ANN202
        calls["parse"] += 1
        return parse_html(*a, **k)

    monkeypatch.setattr(copy, "deepcopy", counting)
    monkeypatch.setattr(pg, "parse_html", parsing)
    page = article_page()
    before = etree.tostring(page.tree)
    body = extract_body(page)
    assert P1 in body["paragraphs"] and P3 in body["paragraphs"]
    assert calls == {"copy": 0, "parse": 1}
    assert etree.tostring(page.tree) == before  # parsed again
    assert calls["parse"] == 2
    prof = {"selectors": {"remove": [".newsletter-box", ".share-bar"]}}
    page = Page.from_text(article_page().text, URL, profile=prof)
    before = etree.tostring(page.tree)
    assert extract_body(page)["paragraphs"] == body["paragraphs"]
    assert etree.tostring(page.tree) == before
    # a short text in a box of a weak boilerplate name: the first pass drops it, a retry finds it
    short = ('<html><body><nav><a href="/">Home</a></nav><div class="widget"><p>Starlight will '
             'release their new digital single next Friday, the agency said on Monday.</p>'
             '</div></body></html>')
    page = Page.from_text(short, URL)
    before = etree.tostring(page.tree)
    calls.update(copy=0, parse=0)
    got = extract_body(page)["paragraphs"]
    assert got == ["Starlight will release their new digital single next Friday, the agency "
                   "said on Monday."]
    assert calls == {"copy": 2, "parse": 1}  # levels 1 and 0 on copies of a fresh parse
    assert etree.tostring(page.tree) == before
    assert calls["parse"] == 1
