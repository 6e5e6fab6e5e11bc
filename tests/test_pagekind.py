"""The article / listing / static judgement of generic crawls (newsspider.extract.pagekind)."""

from __future__ import annotations

import gzip
import json

from wp_site import BASE, make_posts, routes

from newsspider.extract import Page, body_fields, metadata_fields, page_kind


def judge(html: bytes, url: str) -> dict[str, str]:
    page = Page.from_bytes(html, url)
    meta = metadata_fields(page)
    fields, _ = body_fields(page, meta)
    return page_kind(page, meta, fields)


def test_wordpress_fixture_pages():
    posts = make_posts()
    site = routes("flat", posts)
    kinds = {path: judge(r.body, BASE + path)["kind"] for path, r in site.items()
             if r.ctype.startswith("text/html")}
    assert {p for p, k in kinds.items() if k == "article"} == {p.path for p in posts}
    assert {p for p, k in kinds.items() if k == "static"} == {"/about/", "/contact/", "/privacy-policy/"}
    assert {p for p, k in kinds.items() if k == "listing"} == {
        "/", "/category/music/", "/category/drama/", "/category/tours/", "/tag/comebacks/", "/tag/debuts/",
        "/author/mira/", "/author/theo/", "/author/ines/"}


def test_a_static_page_with_an_author_or_a_date_of_its_own_is_kept():
    page = ('<html><head><title>Notes</title></head><body><main><article><h1>Notes from the road</h1>'
            '<p class="byline">By <span class="author">Kim Hana</span></p>'
            + "<p>The tour bus left before dawn and the band slept through the first border.</p>" * 8
            + "</article></main></body></html>").encode()
    assert judge(page, "https://blog.example/notes/")["kind"] == "article"
    bare = page.replace(b'<p class="byline">By <span class="author">Kim Hana</span></p>', b"")
    dated = bare.replace(b"<title>", b'<meta property="article:published_time" content="2026-05-02T10:00:00Z">'
                                     b"<title>")
    assert judge(dated, "https://blog.example/notes/")["kind"] == "article"
    assert judge(bare, "https://blog.example/notes/") == {"kind": "static", "why": "no publication date, no author"}


def test_held_out_article_pages_are_articles(shared):
    """Real article pages the rules were not written on: none may be judged a listing or static
    page (a generic crawl would lose it)."""
    wrong = []
    for name in ("real-news", "fan-news"):
        folder = shared / "dev" / name
        for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
            lab = json.loads(line)
            raw = (folder / lab["file"]).read_bytes()
            html = gzip.decompress(raw) if lab["file"].endswith(".gz") else raw
            got = judge(html, lab.get("url") or "https://example.org/" + lab["file"])
            if got["kind"] != "article":
                wrong.append((lab["file"], got))
    assert wrong == []


def test_crawl_stages_judge_alike_without_parsing_again(monkeypatch):
    """The crawl's stages (`extraction.extract_page`) read what `page_kind` needs from the tree
    before the body step takes the tree over (`Page.take_tree`): the same kinds as `judge`, no
    parse while judging (listings and static pages are judged from their tree), and an article
    parsed once."""
    import newsspider.extract.page as pg
    import newsspider.extract.pagekind as pk
    from newsspider.extraction import extract_page

    calls = {"parse": 0, "in_judge": 0}
    parse_html, page_kind = pg.parse_html, pk.page_kind
    judging = [False]

    def parsing(*a, **k):
        calls["parse"] += 1
        calls["in_judge"] += judging[0]
        return parse_html(*a, **k)

    def judged(*a, **k):
        judging[0] = True
        try:
            return page_kind(*a, **k)
        finally:
            judging[0] = False

    posts = make_posts()
    site = routes("flat", posts)
    pages = {path: r for path, r in site.items() if r.ctype.startswith("text/html")}
    want = {path: judge(r.body, BASE + path) for path, r in pages.items()}
    monkeypatch.setattr(pg, "parse_html", parsing)
    monkeypatch.setattr(pk, "page_kind", judged)
    for path, r in pages.items():
        calls.update(parse=0, in_judge=0)
        result = extract_page({"url": BASE + path, "body": r.body, "content_type": r.ctype})
        assert result["body"]["page_kind"] == want[path], path
        assert calls["in_judge"] == 0, path
        if want[path]["kind"] == "article":
            assert calls["parse"] == 1, path
    assert {k["kind"] for k in want.values()} == {"article", "listing", "static"}
