"""Generate the bundled offline demo site and its gold labels.

The demo site (host ``kpopdemo.example``, an invented K-pop/K-drama fan-news site called
"Idol Signal") is rendered from the article files in ``content/articles/*.toml`` into
``site/kpopdemo.example/...`` and ``labels.jsonl``. Everything is deterministic: running the
build twice gives byte-identical files, and the committed output must equal a fresh build
(``tests/test_demo_site.py`` checks it).

Three article layouts:

* ``wp``: a WordPress/Yoast-like theme at ``/YYYY/MM/DD/<slug>/`` with a JSON-LD ``@graph``,
  OpenGraph/``article:*`` meta, featured image with caption and credit, share bar,
  newsletter box, related posts, comments and ad slots;
* ``cms``: a legacy in-house CMS at ``/stories/<number>/<slug>.html`` with plain meta tags only,
  a dateline, ``div``-based paragraphs, "SEE ALSO:" lines and "Photo | Agency" credits;
* ``partner``: a syndicated near-copy of one article at ``/partner/kpopwire/<slug>/``.

Article body markup (blocks separated by blank lines)::

    plain text              a paragraph ([text](slug:other-article) / [text](https://..) links)
    ## Heading              a subheading
    > line / > line         a <blockquote>, one paragraph per line
    ~ — Name                a quote attribution line (a body paragraph)
    * item / * item         a bulleted list
    @tweet Name | handle | status id | date text | post text
    @insta Name | handle | post code | date text | caption
    @youtube video id | title
    @img file | caption | credit
    @ad                     an in-article ad slot
    @also slug              "SEE ALSO:" (cms) / "READ MORE:" (wp) link to another article

Labels (``quotes``, ``releases``, ``non_release``) are written by hand in each article file;
body paragraphs and boilerplate strings are derived from the same data the pages are rendered
from. Run ``python -m newsspider.demo.build`` after editing the content.

Modules: ``model`` (constants, helpers, the articles and the site they make up, embeds), ``wp``,
``cms`` (with the partner copy) and ``pages`` (listings, feed, sitemaps); this one labels and
writes.
"""


from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

from .cms import render_cms, render_partner
from .model import (
    CONTENT_DIR,
    HOST,
    LABELS_PATH,
    SITE_DIR,
    Article,
    Site,
    load_articles,
)
from .pages import (
    ROBOTS,
    about_page,
    author_page,
    feed_xml,
    home_page,
    news_pages,
    private_page,
    sitemap_groups,
    sitemap_index,
    sitemap_xml,
    tag_page,
)
from .wp import render_wp

# --------------------------------------------------------------------------- labels and build


def label(art: Article, chrome: list[str]) -> dict[str, Any]:
    body = art.body_paragraphs()
    not_in_body: list[str] = []
    for s in chrome:
        if s and s not in not_in_body and not any(s in p for p in body):
            not_in_body.append(s)
    quotes = [{"text": q["text"] if "text" in q else " ".join(q["parts"]),
               "speaker": q["speaker"], "kind": q["kind"]} for q in art.quotes]
    return {
        "file": art.file, "site": HOST, "url": art.url, "title": art.title,
        "subtitle": art.subtitle, "published": art.published.isoformat(),
        "authors": art.authors, "tags": art.tags, "body_paragraphs": body,
        "not_in_body": not_in_body, "quotes": quotes,
        "releases": [{k: r[k] for k in ("artist", "title", "kind", "date", "status", "evidence")}
                     for r in art.releases],
        "non_release_dates": [{"text": d["text"], "date": d["date"]} for d in art.non_release],
        "dup_group": art.dup_group,
    }


def render_all(articles: list[Article]) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Every file of the site (path relative to the site dir -> bytes) and the labels."""
    site = Site(articles)
    files: dict[str, bytes] = {}
    labels = []
    renderers = {"wp": render_wp, "cms": render_cms, "partner": render_partner}
    for art in sorted(articles, key=lambda a: (a.published, a.slug, a.layout)):
        doc, chrome = renderers[art.layout](art, site)
        files[art.file] = doc.encode(art.encoding)
        labels.append(label(art, chrome))

    def put(path: str, text: str) -> None:
        files[f"{HOST}/{path}"] = text.encode("utf-8")

    put("index.html", home_page(site))
    put("about/index.html", about_page(site))
    for path, text in news_pages(site).items():
        put(path, text)
    for slug in site.tags:
        put(f"tag/{slug}/index.html", tag_page(site, slug))
    for slug in site.authors:
        put(f"author/{slug}/index.html", author_page(site, slug))
    put("private/drafts/index.html", private_page())
    put("feed.xml", feed_xml(site))
    groups = sitemap_groups(site)
    for i, g in enumerate(groups, 1):
        put(f"sitemap-posts-{i}.xml", sitemap_xml(g))
    put("sitemap_index.xml", sitemap_index(groups))
    put("robots.txt", ROBOTS)
    return files, labels


def build(site_dir: Path = SITE_DIR, labels_path: Path = LABELS_PATH,
          content_dir: Path = CONTENT_DIR) -> tuple[int, int]:
    """Write the site under `site_dir` (replacing it) and the labels; return (files, articles)."""
    files, labels = render_all(load_articles(content_dir))
    if site_dir.exists():
        shutil.rmtree(site_dir)
    for rel, data in sorted(files.items()):
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    labels_path.parent.mkdir(parents=True, exist_ok=True)
    labels_path.write_text("".join(json.dumps(lab, ensure_ascii=False) + "\n" for lab in labels),
                           encoding="utf-8")
    return len(files), len(labels)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate the newsspider demo site and its labels.")
    ap.add_argument("--site-dir", type=Path, default=SITE_DIR)
    ap.add_argument("--labels", type=Path, default=LABELS_PATH)
    args = ap.parse_args(argv)
    nfiles, narticles = build(args.site_dir, args.labels)
    print(f"wrote {nfiles} files ({narticles} article pages) to {args.site_dir}")
    print(f"wrote {narticles} labels to {args.labels}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
