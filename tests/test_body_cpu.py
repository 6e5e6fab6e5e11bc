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
    # no div with a data-src (the tags selected in C): the same, the divs left out
    root = lxml_html.fromstring(
        '<div><p>x</p><blockquote><iframe src="b"></iframe></blockquote><div class="video">'
        '<amp-youtube data-videoid="c"></amp-youtube></div><iframe src="d"></iframe></div>')
    got = _maybe_embeds(root)
    assert [el.tag for el in got] == ["blockquote", "iframe", "amp-youtube", "iframe"]
    assert all(a is b for a, b in zip(got, root.xpath("descendant-or-self::*[self::blockquote or "
                                                      "self::iframe or self::amp-youtube]"),
                                      strict=True))


def test_video_embeds_by_tag_and_data_src() -> None:
    html = f"""<html><body><article><p>{P1}</p>
    <amp-youtube data-videoid="abc123"></amp-youtube>
    <div class="video-embed" data-src="https://www.youtube.com/embed/def456"></div>
    <p>{P2}</p></article></body></html>"""
    body = extract_body(Page.from_text(html, URL))
    assert [e["url"] for e in body["embeds"]] == ["https://www.youtube.com/embed/abc123",
                                                  "https://www.youtube.com/embed/def456"]
    assert body["paragraphs"] == [P1, P2]


def test_ident_kind_words_match_the_patterns() -> None:
    """The word lookup of ASCII class/id names answers as the three patterns do (numbered
    words, hashes, separators, case, multi-word entries, non-ASCII names)."""
    from newsspider.extract.body import clean

    kinds = list(clean._word_kinds())
    assert len(kinds) == len(set(kinds))
    for lists in ((clean._STRONG_WORDS, clean._WEAK_WORDS), (clean._STRONG_WORDS,
                                                              clean._CONTENT_WORDS),
                  (clean._WEAK_WORDS, clean._CONTENT_WORDS)):
        a, b = ({w for w in x.split("|")} for x in lists)
        assert not a & b
    names = ["related-content", "ad6ed79d-11", "ad-3", "promo2", "Comments", "COMMENT_list",
             "sidebar article", "widget", "widget text-body", "wp-block-query is-layout",
             "xwp-block-query", "post-picker", "article-body meta", "breadcrumbs2", "share\tbar",
             "bio\x1cbox", "nav9 x", "9ad", "ad_", "-ad-", "SHARE", "sharer", "méta-share",
             "Kommentare", "ſhare", "sr-only", "caption2x", "meta_2_", "promo 2", "dateline99b",
             "", "content ad", "story-more", "entry_nav", "Nav", "credits12", "body 12ad"]
    clean._ident_kind.cache_clear()
    for name in names + [w for w in kinds] + [w.upper() + "7" for w in kinds]:
        want = (clean._STRONG.search(name) is not None,
                clean._BOILER.search(name) is not None and clean._CONTENT.search(name) is None)
        assert clean._ident_kind(name) == want, name


def test_button_box_measured_against_the_page_text() -> None:
    """A box around a button link is marked when it holds under a fifth of the page's text;
    the page's text is counted only up to 3,001 characters (boxes hold at most 600)."""
    from newsspider.extract.body.clean import _CTA_MARK, _mark_cta_boxes

    box = ('<div class="box"><p>Independent fan news needs your support this year.</p>'
           '<a class="btn" href="/s">Support us</a></div>')
    for paras, marked in ((1, False), (30, True)):
        root = lxml_html.fromstring(f"<div><div>{f'<p>{P1}</p>' * paras}{box}</div></div>")
        assert _mark_cta_boxes(root) is marked
        assert bool(root.xpath(f"//*[@{_CTA_MARK}]")) is marked


def test_fast_name_and_fold_checks_agree_with_the_plain_ones() -> None:
    from newsspider.extract.body import media, select
    from newsspider.extract.text import fold, normalize_ws

    for name in ["photo-box", "IMG_wrap", "pic", "epic-story", "pic2", "pic-x", "pictures",
                 "Thumbnail", "mediaQuery", "ımage", "PİC", "story", "fotograf", "figure_1",
                 "topic pic", "pic_x", "x pic"]:
        assert media._is_photo_box_name(name) == (media._PHOTO_BOX_CLS.search(name) is not None)
    for text in ["Share  this\tStory", "AT&amp;T said", "“Quoted” — Straße", "ﬁne print",
                 "  Plain text. ", "İstanbul", "Tom &amp; Jerry", "a\u200b\u00a0b &nbsp; c"]:
        text = normalize_ws(text)  # as blocks carry it
        assert select._fold(text) == fold(text)


def test_text_sizes_bottom_up_equal_the_plain_measure() -> None:
    """`_TextSizes` (whitespace-only pieces skipped) gives what the docstring's definition
    does, nested links and non-breaking/zero-width spaces included."""
    from newsspider.extract.body.container import _TextSizes
    from newsspider.extract.text import normalize_ws

    root = lxml_html.fromstring(
        "<div> \n <p>One <a href='/x'> link\u00a0text </a>, more\u200b </p>\n\u00a0\n"
        "<div><span>\u200b</span> <a href='/y'><b>bold</b> link</a>\t</div> tail</div>")
    sizes = _TextSizes()
    for el in root.iter():
        total = sum(len(normalize_ws(t)) for t in el.itertext())
        links = sum(len(normalize_ws(a.text_content())) for a in el.iter("a"))
        assert sizes(el) == (total, links), el.tag


def test_picture_inside_a_figure_gives_one_image_record() -> None:
    """A <picture> inside a <figure> goes with the figure (it is not looked at again)."""
    html = f"""<html><body><article><p>{P1}</p>
    <figure><picture><source srcset="/a.webp 1x"><img src="/a.jpg"></picture>
    <figcaption>The group on stage. <span class="credit">Photo: Agency</span></figcaption>
    </figure><picture><img src="/b.jpg"></picture><p>{P2}</p></article></body></html>"""
    body = extract_body(Page.from_text(html, URL))
    assert body["images"] == [
        {"url": "https://fans.example/a.jpg", "caption": "The group on stage.",
         "credit": "Photo: Agency"},
        {"url": "https://fans.example/b.jpg", "caption": None, "credit": None}]
    assert body["paragraphs"] == [P1, P2]


def test_container_pick_skips_only_nodes_that_cannot_win() -> None:
    """`_pick_container` leaves unmeasured the nodes whose score cannot beat the best so far;
    the pick equals the one measuring every candidate (negative class weights, link-heavy
    boxes, a link whose text is split over pieces)."""
    from newsspider.extract.body import container
    from newsspider.extract.body.blocks import _blocks

    def plain(blocks, root):  # noqa: ANN001, ANN202 - the loop without the skip
        scores: dict = {}
        for b in blocks:
            if b.kind not in ("p", "blockquote", "pre", "li") or len(b.text) < 25:
                continue
            if b.link_density > 0.5:
                continue
            s = 1 + b.text.count(",") + b.text.count("、") + min(len(b.text) / 100, 3)
            s *= 0.5 if b.kind == "li" else 1
            node = b.owner
            if node.tag not in ("p", "pre", "li", "blockquote") and node is not root:
                scores[node] = scores.get(node, 0.0) + s
            for level, anc in enumerate(node.iterancestors()):
                if level > 3:
                    break
                scores[anc] = scores.get(anc, 0.0) + s / (1 if level == 0 else 2 * level)
        sizes = container._TextSizes()
        best, best_score = root, float("-inf")
        for node, s in scores.items():
            total, links = sizes(node)
            if node.tag == "html" or total == 0:
                continue
            adj = (s + container._class_weight(node)) * (1 - links / total)
            if adj > best_score:
                best, best_score = node, adj
        return container._expand(best, blocks, root)

    pages = [
        f"<body><div class='sidebar'><p>{P1}</p><p><a href='/a'>x <b>y</b> z</a>, {P2}</p></div>"
        f"<div class='story'><p>{P2}</p></div></body>",
        f"<body><div class='comments'><p><a href='/1'>{P1}</a></p></div>"
        f"<section><p>{P1}</p><p>{P2}</p></section><div class='nav'><p>{P2}</p></div></body>",
        f"<body><div><div><div><div><p>{P1}</p></div></div></div></div><p>{P2}</p></body>",
    ]
    for html in pages:
        root = lxml_html.fromstring(html)
        blocks = _blocks(root, URL)
        assert container._pick_container(blocks, root) is plain(blocks, root)


def test_common_multi_word_names_need_no_pattern() -> None:
    """"article-body" is covered by its first word ("article", content too): names holding it
    take the word lookup, so a page's common names never compile the patterns."""
    from newsspider.extract.body import clean

    assert set(clean._MULTI_WORDS) == {"wp-block-query", "post-picker"}
    for name in ["article-body", "js-article-body share", "article-body2 widget"]:
        assert clean._ident_kind.__wrapped__(name) == (
            clean._STRONG.search(name) is not None,
            clean._BOILER.search(name) is not None and clean._CONTENT.search(name) is None)


def test_dropped_subtree_skips_its_selected_descendants(monkeypatch) -> None:  # noqa: ANN001
    """`_drop_subtree` (a walk of the dropped subtree alongside the selected nodes) returns the
    index an XPath count of the subtree's selected descendants gave: nested boilerplate,
    hidden boxes, a box that ends the page, the text measured first inside a dropped box."""
    from lxml import etree

    from newsspider.extract.body import clean

    count = etree.XPath(f"count(descendant::*[{clean._BOILER_TEST}])")
    real = clean._drop_subtree
    seen = []

    def both(el, i, nodes, total_unknown):  # noqa: ANN001, ANN202
        want = i if total_unknown else i + int(count(el))
        got = real(el, i, nodes, total_unknown)
        seen.append((i, got, want))
        return got

    monkeypatch.setattr(clean, "_drop_subtree", both)
    box = ("<div class='share-bar'><span id='x'>a</span><div class='ad-3'><b class='c'>b</b>"
           "</div><p>c</p></div>")
    html = (f"<body><div class='story'><p>{P1}</p>{box}<div hidden><i class='y'>z</i></div>"
            f"<p>{P2}</p><aside><div class='related'><a class='l'>x</a></div></aside>"
            f"<div class='widget'><div class='meta'><span class='t'>1</span></div></div>{box}"
            "</div></body>")
    for level in (2, 1):
        clean._clean(lxml_html.fromstring(html), URL, level)
    assert len(seen) >= 6 and any(want > i for i, _, want in seen)
    assert all(got == want for _, got, want in seen)


def test_boilerplate_candidates_as_the_xpath_selected_them() -> None:
    """`_maybe_boiler` selects what ``descendant::*[_BOILER_TEST]`` did, in the same order
    (the root itself excluded; comments, other attributes and tags are not enough)."""
    from lxml import etree

    from newsspider.extract.body import clean

    root = lxml_html.fromstring(
        "<div class='root'><p>a<!-- c --><span>b</span><a href='/x' title='t'>l</a></p>"
        "<aside><p>x</p></aside><footer></footer><section style='x'><i hidden>h</i>"
        "<b aria-hidden='false'>y</b><em role='note'>z</em><u data-x='1'>w</u></section>"
        "<div id='i'><div CLASS='up'>k</div></div></div>")
    want = root.xpath(f"descendant::*[{clean._BOILER_TEST}]")
    got = clean._maybe_boiler(root)
    assert [el.tag for el in got] == ["aside", "footer", "section", "i", "b", "em", "div", "div"]
    assert len(got) == len(want) and all(a is b for a, b in zip(got, want, strict=True))
    assert etree.Comment not in {el.tag for el in got}


def test_photo_box_candidates_as_the_xpath_selected_them() -> None:
    """`_photo_box_divs` gives what `_PHOTO_BOX_XPATH` did, in document order: named divs
    (the root too) holding an img or amp-img at any depth, nested ones, images sharing
    ancestors, none above the root."""
    from newsspider.extract.body import clean

    page = lxml_html.fromstring(
        "<div id='outer'><div class='root'><div class='a'><div><img src='1'></div>"
        "<div class='b'><amp-img src='2'></amp-img><img src='3'></div></div>"
        "<div class='c'><p>no image</p></div><div><img src='4'></div>"
        "<section class='d'><img src='5'></section><div id='e'><span><img src='6'>"
        "</span></div></div></div>")
    for root in (page, page[0], page[0][0], page[0][0][1]):
        want = root.xpath(clean._PHOTO_BOX_XPATH)
        got = clean._photo_box_divs(root)
        assert len(got) == len(want) and all(a is b for a, b in zip(got, want, strict=True))
    assert [el.get("class") or el.get("id") for el in clean._photo_box_divs(page[0])] == [
        "root", "a", "b", "e"]
    assert clean._photo_box_divs(lxml_html.fromstring("<div class='x'><p>t</p></div>")) == []


def test_capped_text_length_as_the_loop_counted() -> None:
    """`_text_len` with a cap gives the running sum of stripped pieces at the first piece that
    reaches the cap, or the whole sum, as the plain loop did (caps 0, negative, fractional,
    reached on the last piece, never reached; empty elements)."""
    from newsspider.extract.body.base import _text_len

    def plain(el, enough):  # noqa: ANN001, ANN202
        n = 0
        for t in el.itertext():
            n += len(t.strip())
            if n >= enough:
                break
        return n

    root = lxml_html.fromstring(
        "<div> a <b> bc </b>  <i>def</i><!-- c --> g<p></p><span> </span>\u00a0h\u00a0</div>")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for enough in (-1, 0, 0.5, 1, 2, 2.5, 3, 6, 7, 8, 9, 10, 100):
            assert _text_len(el, enough) == plain(el, enough), (el.tag, enough)


def test_container_name_hints_as_the_patterns_found_them() -> None:
    """`_name_hints` answers as the two case-insensitive patterns (substrings, any case, non-ASCII
    names folded by the patterns: the long s of "ſhare", the Kelvin sign of "\u212aontent")."""
    from newsspider.extract.body import container

    for name in ["", "article-body", "ArticleBody", "navbar", "Sidebar Widget", "postmeta",
                 "x", "canvas", "ſhare", "\u212aomment", "Trending_now", "bylineX", "PROSE",
                 "entrée", "méta", "main-nav", "story text", "sponsored-content", "headerbar"]:
        assert container._name_hints(name) == (container._POSITIVE.search(name) is not None,
                                                container._NEGATIVE.search(name) is not None), name


def test_credit_and_cta_lines_as_the_single_patterns_found_them() -> None:
    """`_credit_line` / `_cta_any` (anchored alternatives matched, the others searched only when
    the text holds ':' / '|' / "perm") answer as the single patterns searched every position."""
    import re

    from newsspider.extract.body import lines

    credit = re.compile(
        r"^(?:bildrechte|bildquelle|fotos?|photos?|bild|image|credit|quelle|source|copyright|"
        r"fotocredit|picture)\s*[:©]|^(?:©|\(c\)\s|copyright\s+©)|"
        r"(?:bildrechte|foto|photo|credit)\s*:\s*[^.!?:]{2,60}$|\|\s*getty images$", re.I)
    cta = re.compile(
        r"^(?:watch|listen to|stream|check out|schauen sie|sehen sie|hören sie)\b.{0,120}"
        r"\b(?:below|here|above|unten|hier)\s*[.!:]?$|"
        r"\b(?:republished|reproduced|reprinted) (?:here )?with (?:the )?(?:kind )?permission\b|"
        r"^this (?:article|story|piece|post) (?:was |is |has been )?(?:first |originally )?"
        r"(?:published|appeared|posted)\b", re.I)
    texts = [
        "Photo: Agency", "FOTO : Max Muster", "The stage. Photo: Agency Name", "x | Getty Images",
        "© 2026 Agency", "(c) Agency", "Copyright © Agency", "Source: the agency", "Credit:",
        "Bildrechte: dpa", "A long paragraph with a colon: and more words.", "a | b", "",
        "Watch the full performance below!", "Listen to the song here.", "This story was first "
        "published by the Herald.", "It is republished here with the kind permission of X.",
        "Reprinted with PERMISSION", "reproduced with permıssıon", "republiſhed with permission",
        "Plain text with no marks at all", "Stream it Here:", "THIS POST ORIGINALLY APPEARED on Y",
        "\u212apop credit: none", "photo\u00a0: x", "line one\nPhoto: second line"]
    assert lines._CREDIT_LINE.search("Photo: Agency") is not None
    for t in texts:
        assert lines._credit_line(t) == (credit.search(t) is not None), t
        assert lines._cta_any(t) == (cta.search(t) is not None), t
        assert lines._cta_any(t) == (lines._CTA_ANY.search(t) is not None), t
