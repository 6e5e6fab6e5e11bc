"""The bundled demo site (newsspider/demo/site) and its gold labels are consistent.

* the committed site and labels are exactly what ``newsspider.demo.build`` generates;
* every internal link, sitemap and feed URL resolves to a file of the site;
* every label string occurs in its page's visible text (after decoding and entity decoding);
* the site has the promised shape: both layouts, the windows-1252 page, duplicates, robots.txt...
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree

from newsspider.demo import build, model

SITE = build.SITE_DIR
HOST_DIR = SITE / build.HOST
LABELS = build.LABELS_PATH


def load_labels() -> list[dict]:
    return [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def unquoted(text: str) -> str:
    """Whitespace-normalised text without double quote marks (multi-paragraph quotes re-open
    the quote mark in every paragraph; their label joins the paragraphs with one space)."""
    return ws(text.replace("“", " ").replace("”", " ")).replace(" ,", ",")


def declared_charset(raw: bytes) -> str:
    m = re.search(rb'<meta[^>]+charset="?([\w-]+)', raw[:2048], re.I)
    return m[1].decode().lower() if m else "utf-8"


@cache
def visible_text(rel: str) -> str:
    raw = (SITE / rel).read_bytes()
    doc = lxml.html.document_fromstring(raw.decode(declared_charset(raw)))
    for el in doc.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    return ws(doc.body.text_content())


@cache
def quote_parts() -> dict[str, list[str]]:
    """Label text -> the pieces it was written from (a multi-paragraph quote, or a quote split
    by its attribution: “A,” she said, “b …” is one quote whose text joins A and b)."""
    return {" ".join(q["parts"]): q["parts"] for art in build.load_articles() for q in art.quotes
            if "parts" in q}


def url_to_file(url: str) -> Path:
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.hostname == build.HOST, url
    path = parts.path or "/"
    return HOST_DIR / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def html_files() -> list[Path]:
    return sorted(HOST_DIR.rglob("*.html"))


def test_committed_site_equals_a_fresh_build(tmp_path):
    site, labels = tmp_path / "site", tmp_path / "labels.jsonl"
    build.build(site, labels)
    fresh = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    committed = {p.relative_to(SITE).as_posix(): p.read_bytes() for p in SITE.rglob("*")
                 if p.is_file()}
    assert sorted(fresh) == sorted(committed), "run `python -m newsspider.demo.build`"
    changed = [k for k in fresh if fresh[k] != committed[k]]
    assert not changed, f"stale generated files (run `python -m newsspider.demo.build`): {changed[:5]}"
    assert labels.read_bytes() == LABELS.read_bytes()


def test_build_is_deterministic(tmp_path):
    a = build.render_all(build.load_articles())
    b = build.render_all(build.load_articles())
    assert a == b


def test_counts_and_layouts():
    labels = load_labels()
    assert len(labels) >= 28
    paths = [urlsplit(lab["url"]).path for lab in labels]
    wp = [p for p in paths if re.fullmatch(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/", p)]
    cms = [p for p in paths if re.fullmatch(r"/stories/\d+/[a-z0-9-]+\.html", p)]
    partner = [p for p in paths if re.fullmatch(r"/partner/kpopwire/[a-z0-9-]+/", p)]
    assert len(wp) >= 20 and len(cms) >= 8 and len(partner) == 1
    assert len(wp) + len(cms) + len(partner) == len(labels)
    assert len({lab["url"] for lab in labels}) == len(labels)
    for lab in labels:
        pub = datetime.fromisoformat(lab["published"])
        assert pub.utcoffset() is not None
        assert date(2026, 1, 1) <= pub.date() <= date(2026, 11, 15), lab["url"]
    assert sum(len(lab["quotes"]) for lab in labels) >= 60
    assert sum(len(lab["releases"]) for lab in labels) >= 40
    assert sum(len(lab["non_release_dates"]) for lab in labels) >= 60
    kinds = {q["kind"] for lab in labels for q in lab["quotes"]}
    assert kinds == {"block", "inline", "embed"}
    rkinds = {r["kind"] for lab in labels for r in lab["releases"]}
    assert {"album", "mini_album", "digital_single", "single", "ep", "ost", "mv",
            "repackage"} <= rkinds


@pytest.mark.parametrize("lab", load_labels(), ids=lambda lab: lab["file"].split("/", 1)[1])
def test_label_strings_occur_in_the_page(lab):
    rel = lab["file"]
    assert (SITE / rel).is_file()
    assert lab["site"] == build.HOST and url_to_file(lab["url"]) == SITE / rel
    text = visible_text(rel)
    strings = [lab["title"], *lab["authors"], *lab["tags"], *lab["body_paragraphs"],
               *lab["not_in_body"]]
    if lab["subtitle"]:
        strings.append(lab["subtitle"])
    for q in lab["quotes"]:
        strings.append(q["speaker"])
    for r in lab["releases"]:
        strings += [r["artist"], r["title"], r["evidence"]]
    strings += [d["text"] for d in lab["non_release_dates"]]
    missing = [s for s in strings if ws(s) not in text]
    assert not missing, missing

    body = lab["body_paragraphs"]
    joined = unquoted(" ".join(body))
    for q in lab["quotes"]:
        assert q["kind"] in ("block", "inline", "embed")
        for part in quote_parts().get(q["text"], [q["text"]]):
            assert unquoted(part) in joined, part
        if q["kind"] == "inline":  # the quote marks themselves are not part of the text
            assert not q["text"].startswith("“") and not q["text"].endswith(("”", ","))
    for s in lab["not_in_body"]:
        assert not any(s in p for p in body), s
    pub = datetime.fromisoformat(lab["published"]).date().isoformat()
    for r in lab["releases"]:
        assert any(r["evidence"] in p for p in body), r["evidence"]
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["date"])
        expected = "released" if r["date"] <= pub[: len(r["date"])] else "upcoming"
        assert r["status"] == expected, r
    for d in lab["non_release_dates"]:
        assert any(d["text"] in p for p in body), d["text"]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d["date"])


def test_article_pages_declare_their_canonical_url():
    for lab in load_labels():
        raw = (SITE / lab["file"]).read_bytes()
        doc = lxml.html.document_fromstring(raw.decode(declared_charset(raw)))
        assert doc.xpath("//link[@rel='canonical']/@href") == [lab["url"]]


def test_wordpress_pages_have_json_ld_graph_and_cms_pages_only_plain_meta():
    for lab in load_labels():
        raw = (SITE / lab["file"]).read_bytes()
        doc = lxml.html.document_fromstring(raw.decode(declared_charset(raw)))
        scripts = doc.xpath("//script[@type='application/ld+json']/text()")
        if "/stories/" in lab["url"]:
            assert not scripts and not doc.xpath("//meta[starts-with(@property, 'og:')]")
            assert doc.xpath("//meta[@name='title']/@content") == [lab["title"]]
            assert doc.xpath("//meta[@name='author']/@content") == [", ".join(lab["authors"])]
            dates = doc.xpath("//meta[@name='date']/@content")
            assert dates or "Published: 2026." in visible_text(lab["file"])
            assert "SEE ALSO:" in visible_text(lab["file"])
        elif "/partner/" not in lab["url"]:
            (graph,) = [json.loads(s)["@graph"] for s in scripts]
            types = {n["@type"] for n in graph}
            assert {"NewsArticle", "WebPage", "Person", "Organization"} <= types
            art = next(n for n in graph if n["@type"] == "NewsArticle")
            assert art["headline"] == lab["title"]
            assert art["datePublished"] == lab["published"]
            assert lab["published"].endswith(("+09:00", "+00:00"))
            assert doc.xpath("//meta[@property='article:published_time']/@content") == [
                lab["published"]]


def _links(path: Path) -> list[str]:
    raw = path.read_bytes()
    doc = lxml.html.document_fromstring(raw.decode(declared_charset(raw)))
    hrefs = doc.xpath("//a/@href") + doc.xpath(
        "//link[not(@rel='stylesheet')]/@href") + doc.xpath("//iframe/@src")
    return [h for h in hrefs if not h.startswith("#")]


def test_every_internal_link_resolves():
    bad, relative = [], []
    for f in html_files():
        for href in _links(f):
            host = urlsplit(href).hostname
            if not urlsplit(href).scheme:
                relative.append((f.name, href))
            elif host == build.HOST and not url_to_file(href).is_file():
                bad.append((str(f.relative_to(SITE)), href))
    assert not relative, relative[:5]
    assert not bad, bad[:5]


def _xml_locs(name: str, tag: str) -> list[str]:
    root = etree.fromstring((HOST_DIR / name).read_bytes())
    return [el.text for el in root.iter() if isinstance(el.tag, str) and
            etree.QName(el).localname == tag]


def test_sitemaps_list_every_article_and_resolve():
    children = _xml_locs("sitemap_index.xml", "loc")
    assert len(children) >= 2
    urls = []
    for child in children:
        name = urlsplit(child).path.lstrip("/")
        assert re.fullmatch(r"sitemap-posts-\d\.xml", name)
        urls += _xml_locs(name, "loc")
        assert len(_xml_locs(name, "lastmod")) == len(_xml_locs(name, "loc"))
    assert all(url_to_file(u).is_file() for u in urls)
    assert sorted(urls) == sorted(lab["url"] for lab in load_labels())


def test_feed_has_the_latest_twelve_with_a_tracking_link():
    root = etree.fromstring((HOST_DIR / "feed.xml").read_bytes())
    items = root.findall("./channel/item")
    assert len(items) == 12
    links = [i.findtext("link") for i in items]
    assert all(url_to_file(u).is_file() for u in links)
    assert sum("utm_source=rss" in u for u in links) == 1
    assert all(i.findtext("pubDate") for i in items)
    labels = {lab["url"]: lab for lab in load_labels()}
    for u in links:
        assert u.split("?")[0] in labels


def test_news_listing_is_paginated():
    pages, url = [], f"{model.BASE}/news/"
    while url:
        f = url_to_file(url)
        doc = lxml.html.document_fromstring(f.read_text(encoding="utf-8"))
        items = doc.xpath("//article[contains(@class, 'post-item')]")
        assert all(it.xpath(".//time/@datetime") and it.xpath(".//a/@href") for it in items)
        pages.append(len(items))
        nxt = doc.xpath("//link[@rel='next']/@href")
        url = nxt[0] if nxt else None
    assert len(pages) >= 3 and all(n == 10 for n in pages[:-1])
    listing = "".join(f.read_text(encoding="utf-8") for f in (HOST_DIR / "news").rglob("*.html"))
    assert "?fbclid=" in listing


def test_robots_private_page_and_home():
    robots = (HOST_DIR / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /private/" in robots
    assert f"Sitemap: {model.BASE}/sitemap_index.xml" in robots
    home = (HOST_DIR / "index.html").read_text(encoding="utf-8")
    assert f"{model.BASE}/private/drafts/" in home
    assert (HOST_DIR / "private" / "drafts" / "index.html").is_file()
    for page in ("about/index.html", "news/index.html", "tag/comebacks/index.html"):
        assert (HOST_DIR / page).is_file()


def test_windows_1252_page_is_not_utf8():
    pages = [f for f in html_files() if declared_charset(f.read_bytes()) == "windows-1252"]
    assert len(pages) == 1
    raw = pages[0].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert "“" in text and "é" in text and "’" in text


def test_duplicates():
    labels = load_labels()
    groups: dict[str, list[dict]] = {}
    for lab in labels:
        if lab["dup_group"]:
            groups.setdefault(lab["dup_group"], []).append(lab)
    assert len(groups) == 1
    (pair,) = groups.values()
    assert len(pair) == 2
    a, b = sorted(pair, key=lambda lab: "/partner/" in lab["url"])
    assert "/partner/kpopwire/" in b["url"] and a["url"] != b["url"]
    assert a["title"] == b["title"]
    # near-copy: the partner copy adds one first line, the rest of the body is identical
    assert b["body_paragraphs"][1:] == a["body_paragraphs"]
    assert model.PARTNER_NOTE in visible_text(b["file"])


def test_sloppy_page_still_parses_into_the_labelled_paragraphs():
    sloppy = [f for f in html_files() if "<div class=entry-content>" in f.read_text("utf-8", "replace")]
    assert len(sloppy) == 1
    raw = sloppy[0].read_text(encoding="utf-8")
    assert raw.count("<P>") > 3 and "</p>\n<P>" not in raw
    lab = next(lab for lab in load_labels() if (SITE / lab["file"]) == sloppy[0])
    doc = lxml.html.document_fromstring(raw)
    paras = [ws(p.text_content()) for p in doc.xpath("//div[@class='entry-content']/p")]
    plain = [p for p in paras if p]
    for text in lab["body_paragraphs"]:
        assert any(text == p for p in plain) or "“" in text, text


def test_a_paused_demo_server_answers_only_after_the_pause():
    """DemoServer.paused() (the scale tests keep a crawl running with it): a request made inside
    the block gets no answer until the block ends, then the normal page."""
    import threading
    import urllib.request

    from newsspider.demo.server import DemoServer

    got: list[int] = []

    def fetch(url: str) -> int:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return int(resp.status)

    with DemoServer() as srv:
        url = f"{srv.base_url}/robots.txt"
        with srv.paused():
            t = threading.Thread(target=lambda: got.append(fetch(url)))
            t.start()
            t.join(timeout=1.0)
            assert t.is_alive() and got == [], "answered while paused"
        t.join(timeout=30)
        assert got == [200]
        assert fetch(url) == 200
