"""Body extraction CPU work (issue #13, second pass): the restructured steps give the answers of
the ones they replaced."""

from __future__ import annotations

import json
from typing import Any

from lxml import html as lxml_html

from newsspider.extract.body import extract_body
from newsspider.extract.body.media import _img_src, _img_url, image_record
from newsspider.extract.page import Page
from newsspider.urls import safe_urljoin

URL = "https://fans.example/news/starlight-single/"
P1 = ("Starlight will release their new digital single next Friday, the agency said on Monday, "
      "adding that all four members took part in writing the lyrics.")
P2 = ("The song is a mid-tempo ballad about leaving home, and the group will perform it for the "
      "first time on a weekly music show, followed by a small fan meeting in Seoul.")

# image markup whose URL is relative, absolute, blank after stripping (joins to the page's
# URL), broken (joins to ""), in a srcset only, a data: URI only
_IMGS = ('<img src="/a.jpg">', '<img data-src=" https://cdn.example/b.jpg ">', '<img src="  ">',
         '<img src="http://[::1/c.jpg">', '<img src="https://x.example:99999/d.jpg">',
         '<img srcset="e.jpg 1x, f.jpg 2x">', '<img src="data:image/gif;base64,R0l">',
         '<img data-srcset=" g.jpg 640w">', "<img>")


def _old_img_url(img: Any, base_url: str) -> str | None:
    """`_img_url` as it was (each candidate joined where found)."""
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        v = img.get(attr)
        if v and not v.startswith("data:"):
            return safe_urljoin(base_url, v.strip())
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first:
            return safe_urljoin(base_url, first)
    return None


def test_figure_url_joined_late_gives_the_same_record() -> None:
    """A figure's placeholder carries the URL as written; its record joins it, as the
    placeholder's JSON held it joined before (None stays None, "" and broken URLs included)."""
    for markup in _IMGS:
        img = lxml_html.fragment_fromstring(markup)
        want = _old_img_url(img, URL)
        assert _img_url(img, URL) == want
        rec = image_record(json.dumps({"url": _img_src(img), "caption": "c", "credit": None}),
                           URL)
        assert rec == {"url": want, "caption": "c", "credit": None}
    assert image_record(None, URL) is None


def test_figures_in_the_body_carry_joined_urls() -> None:
    figs = "".join(f"<figure>{m}<figcaption>Photo {i}</figcaption></figure>"
                   for i, m in enumerate(_IMGS))
    figs += '<figure><picture><source srcset=" h.webp 1x"></picture><figcaption>P</figcaption>' \
            "</figure>"
    html = (f"<html><body><article><h1>Starlight</h1><p>{P1}</p>{figs}<p>{P2}</p>"
            '<div class="related"><figure><img src="/r.jpg"></figure></div></article></body>'
            "</html>")
    out = extract_body(Page.from_bytes(html.encode(), URL))
    urls = [im["url"] for im in out["images"]]
    want = [_old_img_url(lxml_html.fragment_fromstring(m), URL) for m in _IMGS]
    assert "https://fans.example/a.jpg" in urls and "https://fans.example/news/starlight-single/h.webp" in urls
    assert [u for u in want if u] == [u for u in urls if not u.endswith("h.webp")]
    assert "https://fans.example/r.jpg" not in urls


def test_clean_reuses_the_cta_count_only_when_it_is_still_the_page_text(monkeypatch) -> None:
    """`_clean`'s last pass takes the page's text length from the CTA boxes' count: the same tree
    as when it counts afresh, with and without a weak-name box dropped before the first rule
    needing the count (that drop merges tails: the count is made again)."""
    from lxml import etree

    from newsspider.extract.body import clean
    from newsspider.extract.body.base import _text_len

    cta = ('<div class="box"><p>Independent fan news needs your support.</p>'
           '<a class="btn" href="/s">Support us</a></div>')
    heads = ["", "<div class='widget'>menu</div> tail  text ",
             "<div class='widget'><p>x</p></div>   <span>t</span>"]
    pages = []
    for head in heads:
        for paras in (1, 3, 30):
            pages.append(f"<body><div>{head}<div class='share-bar'>Share this {'x' * 300}</div>"
                         f"{f'<p>{P1}</p>' * paras}{cta}<div hidden>{P2}</div>"
                         f"<div class='sidebar-ad'>{P2 * 2}</div></div></body>")
    # the dropped box holds text: a stale count would drop the share bar, a fresh one keeps it
    pages.append(f"<body><div><div class='widget'>{'w' * 1000}</div><div class='share-bar'>"
                 f"{'s' * 400}</div><p>{P1}</p><p>{P2}</p>{cta}</div></body>")
    got_counts = []

    def fresh(root: Any) -> tuple[bool, int | None]:
        marked, total = real(root)
        got_counts.append(total)
        return marked, None

    real = clean._cta_boxes
    for html in pages:
        for level in (2, 1, 0):
            a, b = lxml_html.fromstring(html), lxml_html.fromstring(html)
            marked_a = clean._clean(a, URL, level)
            with monkeypatch.context() as m:
                m.setattr(clean, "_cta_boxes", fresh)
                marked_b = clean._clean(b, URL, level)
            assert marked_a == marked_b
            assert etree.tostring(a) == etree.tostring(b)
    assert any(c is not None for c in got_counts)
    # the count is the whole page's text (the cap at 3,001 it replaced gave the same answers)
    root = lxml_html.fromstring(f"<div>{f'<p>{P1}</p>' * 30}{cta}</div>")
    assert real(root) == (True, _text_len(root))


def test_form_skips_the_page_count_only_when_nothing_reads_it(monkeypatch) -> None:
    """`_clean`'s first loop counts the page's text at the first form, and every later form and
    chrome element reads that count. Skipping it (an empty form, nothing after it needing the
    count) or stopping it early (only this form reads it) leaves the tree the full count gives
    (`_last_total_need` made to say "something later needs it": the former behaviour)."""
    from lxml import etree

    from newsspider.extract.body import clean

    long_ps = f"<p>{P1}</p><p>{P2}</p><p>{P1} {P2}</p>"
    search = "<form><input name='q'><button>Go</button></form>"
    signup = "<form><label>Get the newsletter every week</label><input name='e'></form>"
    script = f"<script>{'x' * 3000}</script>"
    layouts = [
        f"{search}<div><p>{P1}</p></div>",
        f"{search}{script}<nav>{long_ps}</nav>",  # the nav's own (fresh) count would keep it
        f"{search}{script}{signup}<div>{long_ps}</div>",
        f"{signup}{script}<div>{long_ps}</div>{search}",
        f"<form><div>{long_ps}</div><input name='v'></form>{search}",
        f"{search}<nav><a href='/'>Home</a></nav>{script}<p>{P1}</p>",
        f"{search}<form> </form>{script}<menu>{long_ps}{long_ps}</menu>",
    ]
    for body in layouts:
        html = f"<html><body><div class='page'>{body}</div></body></html>"
        for level in (2, 0):
            a, b = lxml_html.fromstring(html), lxml_html.fromstring(html)
            clean._clean(a, URL, level)
            with monkeypatch.context() as m:
                m.setattr(clean, "_last_total_need", lambda items, start: 1 << 30)
                clean._clean(b, URL, level)
            assert etree.tostring(a) == etree.tostring(b), body


def test_button_box_climb_stops_at_600_characters() -> None:
    """The box around a button link grows while its text stays at most 600 characters (whole
    counts now; the count stopping past 600 gave the same answers)."""
    from newsspider.extract.body.clean import _CTA_MARK, _mark_cta_boxes

    for extra, box_class in ((540, "outer"), (580, "inner"), (2000, "inner")):
        html = (f"<div><div>{f'<p>{P1}</p>' * 30}</div><div class='outer'>{'y' * extra}"
                "<div class='inner'>Join the fan club today! <a class='btn' href='/j'>Join</a>"
                "</div></div></div>")
        root = lxml_html.fromstring(html)
        assert _mark_cta_boxes(root) is True
        assert [el.get("class") for el in root.xpath(f"//*[@{_CTA_MARK}]")] == [box_class]


def test_photo_box_candidates_in_document_order_on_random_trees() -> None:
    """`_photo_box_divs` lists the images' new ancestors top-down, image by image: the named
    divs `_PHOTO_BOX_XPATH` selects, in its (document) order, on random nestings (amp-img
    holding an img included), from the root and from inner elements."""
    import random

    from lxml import etree

    from newsspider.extract.body import clean

    rng = random.Random(13)

    def grow(el: Any, depth: int) -> None:
        for _ in range(rng.randint(0, 4)):
            tag = rng.choice(["div", "div", "section", "span", "img", "amp-img", "p"])
            child = etree.SubElement(el, tag)
            if tag == "div" and rng.random() < 0.6:
                child.set(rng.choice(["class", "id"]), "x")
            if tag == "amp-img" and rng.random() < 0.5:
                etree.SubElement(child, "img")
            elif tag not in ("img", "amp-img") and depth < 6:
                grow(child, depth + 1)

    for _ in range(300):
        root = etree.Element("div", {"class": "r"} if rng.random() < 0.5 else {})
        grow(root, 0)
        for start in (root, *list(root.iter("div"))[1:4]):
            want = start.xpath(clean._PHOTO_BOX_XPATH)
            got = clean._photo_box_divs(start)
            assert len(got) == len(want) and all(a is b for a, b in zip(got, want, strict=True))
