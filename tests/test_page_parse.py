"""Parse CPU: the character checks on UTF-8 bytes, the reference hint, parsing from UTF-8."""

from __future__ import annotations

import random
from typing import Any

import lxml.html
import pytest
from lxml import etree

from newsspider.extract import page as pg

EDGE = ["", "plain ascii", "tab\tnl\ncr\r", "nul\x00", "bell\x07", "vt\x0b", "esc\x1b", "us\x1f",
        "del\x7f", "nbsp\xa0", "curly \u2019\u201c\u201d", "dash\u2013\u2014", "\u2019\x19", "\u2013\x13",
        "lone \ud800", "lone \udfff", "nonchar \ufffe", "nonchar \uffff", "ok \ufffd", "emoji \U0001f600",
        "\u0100\x01", "\u00ff", "\u01fe\u01ff", "hangul \uac00\x0c", "\U0010ffff"]


@pytest.mark.parametrize("text", EDGE)
def test_xml_utf8_agrees_with_the_pattern_and_gives_the_utf8(text: str) -> None:
    for t in (text, "<p>" + text * 3 + "</p>"):
        data = pg.xml_utf8(t)
        assert (data is None) == (pg._NOT_XML.search(t) is not None)
        if data is not None:
            assert data == t.encode("utf-8")
        assert pg.has_not_xml(t) == (data is None)


def _spellings(cp: int) -> list[str]:
    return [f"&#{cp};", f"&#{cp}", f"&#00{cp};", f"&#{cp}7;", f"&#x{cp:x};", f"&#X{cp:X}", f"&#x00{cp:x}",
            f"&#x{cp:x}g;", f"a&#{cp}b"]


def test_every_reference_the_repair_changes_matches_the_hint() -> None:
    cps = [*range(0, 0x120), *range(49_990, 56_100), *range(0xD7F0, 0xE010), *range(0xFFF0, 0x10010),
           *range(0x10FFF0, 0x110010), 0xFFFFFFFF, 10**10 - 1, 10**11]
    rng = random.Random(7)
    texts = [s for cp in cps for s in _spellings(cp)]
    texts += ["&#" + rng.choice(["", "x", "X"]) + "".join(rng.choice("0123456789abcdefABCDEF;g")
                                                           for _ in range(rng.randint(0, 12)))
              for _ in range(20_000)]
    for t in texts:
        changed = pg._CHAR_REF.sub(pg._xml_ref, t) != t
        hint = pg._REF_HINT.search(t) is not None
        assert hint or not changed, t
        assert (pg._REF_HINT_UTF8.search(("\u2019" + t + "\u00e9").encode()) is not None) == hint, t
    for common in ("&#8217;", "&#39;", "&#x27;", "&#160;", "&#038;", "&#x2F;", "&#65;"):
        assert pg._REF_HINT.search(common) is None


def test_a_page_without_a_suspect_reference_is_not_rewritten(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(m: Any) -> str:
        raise AssertionError("references rewritten")

    monkeypatch.setattr(pg, "_xml_ref", boom)
    tree = pg.parse_html("<p>It&#8217;s &#39;here&#39; &#x27;now&#x27; &#160;</p>")
    assert tree.findtext(".//p") == "It\u2019s 'here' 'now' \xa0"


def test_a_suspect_reference_is_still_removed() -> None:
    tree = pg.parse_html("<p>a&#1;b&#xFFFF;c&#55296;d&#x1F600;e</p>")
    assert tree.findtext(".//p") == "abcd\U0001f600e"


PAGES = [
    "<html><head><meta charset='iso-8859-1'><title>Caf\u00e9</title></head><body><p>na\u00efve \u2019x\u2019</p></body></html>",
    "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>\u00e9\r\n\u20ac\rx</p>",
    "<p>\U0001f600 emoji &amp; &nbsp; <!-- c --> <![CDATA[x]]></p><script>var a='</p>';</script>",
    "<p>\u0085 \u2028 \ufeff inside</p>",
    "plain text, no markup",
]


@pytest.mark.parametrize("html", PAGES)
def test_parsing_the_utf8_gives_the_tree_of_the_str(html: str) -> None:
    parser = etree.HTMLParser(collect_ids=False)
    expected = lxml.html.document_fromstring(html, parser=parser)
    got = pg.parse_html(html)
    assert etree.tostring(got.getroottree()) == etree.tostring(expected.getroottree())


@pytest.mark.parametrize("text", EDGE)
def test_xml_utf8_given_the_decoded_bytes(text: str) -> None:
    """`xml_utf8` given the bytes a strict decode accepted answers as it does on the text."""
    for t in (text, "<p>" + text * 3 + "</p>", "\u00e9" + text):
        try:
            data = t.encode("utf-8")
        except UnicodeEncodeError:
            continue  # a lone surrogate: no UTF-8 decodes to it
        assert pg.xml_utf8(t, data) == pg.xml_utf8(t)


@pytest.mark.parametrize("raw", [
    "<p>caf\u00e9</p>".encode(), b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", b"\xef\xbb\xbf\xef\xbb\xbf<p>\xc3\xa9</p>",
    "<p>a\x01\u00e9</p>".encode(), "<p>\uffff\u00e9</p>".encode(), "<p>\u00e9&#1;</p>".encode(),
    b"<p>plain</p>", b"<p>bad \xff utf-8</p>", "<?xml version='1.0'?><p>\u00e9</p>".encode()])
def test_page_from_bytes_parses_as_its_text(raw: bytes) -> None:
    """A page decoded from UTF-8 is parsed from its bytes: the tree of its text all the same."""
    page = pg.Page.from_bytes(raw, "https://example.invalid/")
    assert page.text == pg.decode_html(raw)[0]
    assert (page.utf8 is not None) == (not raw.isascii() and b"\xff" not in raw)
    got, want = page.tree, pg.parse_html(page.text)
    assert etree.tostring(got, encoding="unicode") == etree.tostring(want, encoding="unicode")
