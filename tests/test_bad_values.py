"""One bad value drops that value, not the article: impossible dates, a Next.js payload with a
second <body>, characters XML cannot hold, absurd nesting, a page lying about its charset."""

from __future__ import annotations

import json

import pytest

from newsspider.extract import Page, extract_article
from newsspider.extract.metadata import parse_date
from newsspider.extract.page import (
    _NOT_XML,
    MAX_HTML_CHARS,
    decode_html,
    flatten_deep,
    has_not_xml,
    parse_html,
)

PARAS = [
    "The agency confirmed on Monday that the group will hold four concerts in Seoul next spring.",
    "Tickets for the first two nights sold out within minutes, according to the ticketing site.",
    "The leader thanked fans in a live broadcast and promised a new setlist for the encore shows.",
    "Organisers said extra seats behind the stage will open once the production plan is final.",
]


def page(head: str = "", before: str = "", after: str = "", title: str = "Group Adds Seoul Concerts",
         inner: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS) + inner
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body>{before}<article><h1>{title}</h1>{body}</article>{after}</body></html>")


def extract(html: str | bytes, content_type: str | None = None) -> dict:
    if isinstance(html, bytes):
        p = Page.from_bytes(html, "https://news.example/a/1", content_type=content_type)
    else:
        p = Page.from_text(html, "https://news.example/a/1")
    rec = extract_article(p)
    rec["_notes"] = p.notes
    return rec


def assert_whole_article(rec: dict) -> None:
    assert rec["title"] == "Group Adds Seoul Concerts"
    for p in PARAS:
        assert p in rec["body"], (p, rec["body"])


def test_an_impossible_published_date_is_no_date():
    assert parse_date("2026-02-30T10:00:00+09:00") is None
    assert parse_date("2026-02-30") is None
    assert parse_date("99999999999999") is None  # epoch past year 9999
    rec = extract(page('<meta property="article:published_time" content="2026-02-30T10:00:00+09:00">'
                       '<meta property="article:modified_time" content="2026-03-01T10:00:00+09:00">'))
    assert_whole_article(rec)
    assert rec["published"] is None or rec["published"].startswith("2026-03-01")
    assert rec["modified"].startswith("2026-03-01")
    assert "unreadable_date" in rec["_notes"]


def test_a_nextjs_payload_holding_a_second_body():
    """The article text comes only in the flight payload; one chunk holds a stray second body."""
    chunks = ["".join(f"<p>{p}</p>" for p in PARAS[:2]),
              f"<p>{PARAS[2]}</p></body><body><p>{PARAS[3]}</p>"]
    scripts = "".join(f"<script>self.__next_f.push({json.dumps([1, c])})</script>" for c in chunks)
    html = ("<!doctype html><html><head><title>Group Adds Seoul Concerts</title></head><body>"
            f"<main><h1>Group Adds Seoul Concerts</h1><div id='root'></div></main>{scripts}</body></html>")
    assert_whole_article(extract(html))


def test_a_character_xml_cannot_hold_in_a_removed_scripts_tail():
    html = page(before="<div class='share-bar'><script>var x = 1;</script>tail \uffff text \ud800 and \x01 &#11; &#xFFFF;</div>")
    rec = extract(html)
    assert_whole_article(rec)
    assert "\uffff" not in rec["body"]


@pytest.mark.parametrize("text", [
    "plain", "tab\tnew\nline\rreturn", "caf\u00e9 \u2019quote\u2019 \uac00", "a\x00b", "\x08", "\x0b", "\x0c",
    "\x0e", "\x1f", "\x7f is fine", "caf\u00e9\x01", "lone \ud800 high", "lone \udfff low", "\udc80",
    "\ufffe", "x\uffffy", "\ufffd replacement is fine", "\U0001F600 emoji", "\U0001F600\x02",
])
def test_has_not_xml_agrees_with_the_pattern(text: str) -> None:
    """The fast test before the parse's clean-up gives the pattern's answer (exact, not a
    guess: a page with such a character is cleaned, one without is not scanned again)."""
    assert has_not_xml(text) == (_NOT_XML.search(text) is not None)
    assert has_not_xml("<p>" + text * 3 + "</p>") == (_NOT_XML.search(text) is not None)


def test_a_hundred_thousand_nested_divs():
    n = 100_000
    rec = extract(page(before="<div>" * n + "<span>deep</span>" + "</div>" * n))
    assert_whole_article(rec)
    assert "deep_nesting" in rec["_notes"]
    # the article itself nested 300 deep: still found
    rec = extract("<html><head><title>Group Adds Seoul Concerts</title></head><body>" + "<div>" * 300
                  + page().split("<body>", 1)[1].split("</body>")[0] + "</div>" * 300 + "</body></html>")
    assert_whole_article(rec)


def test_flatten_deep_keeps_text_and_shallow_structure():
    html = "<div id=a>" + "<div>" * 500 + "<p>x</p>" + "</div>" * 500 + "<p>after</p></div>"
    flat = flatten_deep(html, max_depth=10)
    assert flat.count("<div") == 10 and flat.count("</div>") == 10
    tree = parse_html(flat)
    assert tree.text_content() == "xafter"
    assert tree.get_element_by_id("a") is not None


def test_utf8_declared_but_cp949_sent_is_decoded_as_cp949():
    korean = "블랙핑크가 새 앨범을 발표했다. 팬들은 콘서트 소식에 환호했다."
    html = page(inner=f"<p>{korean}</p>").replace("<meta charset='utf-8'>", '<meta charset="utf-8">')
    raw = html.encode("cp949")
    for ctype in ("text/html; charset=utf-8", None):
        text, enc = decode_html(raw, ctype)
        assert korean in text, (ctype, enc)
        rec = extract(raw, ctype)
        assert korean in rec["body"]
        assert "charset_mismatch" in rec["_notes"]
    # a UTF-8 page with one stray byte stays UTF-8
    ok = page(inner="<p>Café – déjà vu, naïve fans.</p>").encode() .replace(b"\xc3\xa9 ", b"\xe9 ", 1)
    text, enc = decode_html(ok, "text/html; charset=utf-8")
    assert enc in ("utf-8", "utf8") and "déjà vu" in text


def test_a_huge_page_is_cut_before_parsing():
    filler = "<p>" + "Filler words that go on. " * 40 + "</p>"
    html = page() + "<div>" + filler * (MAX_HTML_CHARS // len(filler) + 10) + "</div>"
    rec = extract(html)
    assert_whole_article(rec)
    assert "html_truncated" in rec["_notes"]


def test_text_parsers_read_capped_paragraphs_but_the_body_is_whole():
    from newsspider.extract.limits import MAX_PARAGRAPH_CHARS

    said = '"We are ready for the tour," Kim Minji said on Monday. '
    filler = "The crowd waited outside the venue for hours before the doors opened. "
    long_para = said + filler * (3 * MAX_PARAGRAPH_CHARS // len(filler))
    rec = extract(page(inner=f"<p>{long_para.strip()}</p>"))
    assert_whole_article(rec)
    assert long_para.strip() in rec["body"]  # the exported body is not cut
    assert "paragraph_truncated" in rec["_notes"]
    assert any(q["text"].startswith("We are ready for the tour") for q in rec["quotes"])


def test_nesting_deeper_than_any_real_page_is_flattened():
    """Real pages nest ~35 deep; 150 levels of inline tags around every paragraph made each
    later walk up the tree slow (a 60 KB page took 2.7 s in body extraction)."""
    wrap = ("<b>" * 150, "</b>" * 150)
    rec = extract(page(before=wrap[0], after=wrap[1]))
    assert_whole_article(rec)
    assert "deep_nesting" in rec["_notes"]
    assert "deep_nesting" not in extract(page())["_notes"]


def test_broken_links_and_embeds_do_not_fail_the_page():
    inner = ("<p><a href='http://[::1'>a broken link</a> and <img src='http://[::1/x.jpg'></p>"
             "<iframe src='https://www.youtube.com/embed/[bad'></iframe><iframe src='http://[::1'></iframe>")
    rec = extract(page(head="<link rel='canonical' href='http://[::1/a'>", inner=inner))
    assert_whole_article(rec)
    assert rec["canonical_url"].startswith("https://news.example/")
