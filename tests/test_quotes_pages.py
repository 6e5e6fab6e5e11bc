"""Quotes on whole pages: body extraction and quote extraction together (invented pages)."""

from __future__ import annotations

from newsspider.extract import body_fields, metadata_fields, quote_fields
from newsspider.extract.page import Page


def _quotes(html: str) -> list[dict]:
    page = Page.from_text(html, "https://fan.example/news/1")
    meta = metadata_fields(page)
    _fields, body = body_fields(page, meta)
    return quote_fields(body, meta.get("title"))["quotes"]


def test_three_block_quotes_closed_by_the_same_dash_name_line_keep_their_speaker():
    # the most common shape of a fan-news quote: the repeated "— Name" line is attribution,
    # not chrome, even though the same short line appears three times on the page
    blocks = [
        "I wrote this song on the night we finished the tour, and I cried the whole time.",
        "Every member added a line to the bridge, so it really belongs to all of us now.",
        "We hope our fans hear how grateful we are when they listen to the last chorus.",
    ]
    parts = []
    for k, text in enumerate(blocks):
        parts.append(f"<p>Paragraph {k} of the story about the comeback and how it came together.</p>")
        parts.append(f"<blockquote><p>{text}</p></blockquote><p>— Yoon Ha-rin</p>")
    html = (
        "<html><head><title>Yoon Ha-rin opens up about her comeback</title></head><body><article>"
        "<h1>Yoon Ha-rin opens up about her comeback</h1>"
        "<p>Singer Yoon Ha-rin sat down with us before the release of her second mini album.</p>"
        + "".join(parts)
        + "</article></body></html>"
    )
    quotes = _quotes(html)
    assert [q["text"] for q in quotes] == blocks
    assert [q["speaker"] for q in quotes] == ["Yoon Ha-rin"] * 3
    assert {q["kind"] for q in quotes} == {"block"}
