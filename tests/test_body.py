"""extract_body on small invented pages."""

from __future__ import annotations

import json

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
