"""Body extraction CPU work (issue #13): the faster forms of the cleaning and scoring steps give
the same answers as the plain ones they replaced."""

from __future__ import annotations

from lxml import html as lxml_html

from newsspider.extract.body import extract_body
from newsspider.extract.body.clean import _maybe_embeds
from newsspider.extract.page import Page

URL = "https://fans.example/news/starlight-single/"
P1 = ("Starlight will release their new digital single next Friday, the agency said on Monday, "
      "adding that all four members took part in writing the lyrics.")
P2 = ("The song is a mid-tempo ballad about leaving home, and the group will perform it for the "
      "first time on a weekly music show, followed by a small fan meeting in Seoul.")


def test_embed_candidates_in_document_order() -> None:
    """Every tag an embed can be, divs only with a data-src, nested ones too, in document order
    (the root included), as the XPath it replaced selected them."""
    root = lxml_html.fromstring(
        '<div data-src="a"><p>x</p><blockquote><iframe src="b"></iframe></blockquote>'
        '<div class="video"><amp-youtube data-videoid="c"></amp-youtube></div>'
        '<div class="embed" data-src="d"><lite-youtube videoid="e"></lite-youtube></div>'
        "<amp-twitter></amp-twitter><amp-instagram></amp-instagram></div>")
    want = root.xpath(
        "descendant-or-self::*[self::blockquote or self::iframe or self::amp-twitter or "
        "self::amp-instagram or self::amp-youtube or self::lite-youtube or "
        "(self::div and @data-src)]")
    got = _maybe_embeds(root)
    assert [el.tag for el in got] == ["div", "blockquote", "iframe", "amp-youtube", "div",
                                      "lite-youtube", "amp-twitter", "amp-instagram"]
    assert len(got) == len(want) and all(a is b for a, b in zip(got, want, strict=True))


def test_video_embeds_by_tag_and_data_src() -> None:
    html = f"""<html><body><article><p>{P1}</p>
    <amp-youtube data-videoid="abc123"></amp-youtube>
    <div class="video-embed" data-src="https://www.youtube.com/embed/def456"></div>
    <p>{P2}</p></article></body></html>"""
    body = extract_body(Page.from_text(html, URL))
    assert [e["url"] for e in body["embeds"]] == ["https://www.youtube.com/embed/abc123",
                                                  "https://www.youtube.com/embed/def456"]
    assert body["paragraphs"] == [P1, P2]
