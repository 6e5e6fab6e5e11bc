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
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import shutil
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CONTENT_DIR = HERE / "content"
SITE_DIR = HERE / "site"
LABELS_PATH = HERE / "labels.jsonl"

HOST = "kpopdemo.example"
BASE = f"http://{HOST}"
IMG_BASE = "http://img.kpopdemo.example/uploads/"
SITE_NAME = "Idol Signal"
TAGLINE = "K-pop and K-drama news, from comebacks to curtain calls"
PER_PAGE = 10
FEED_SIZE = 12
TRACKING_FEED = "?utm_source=rss&utm_medium=feed"
TRACKING_LISTING = "?fbclid=IwAR0demoQx7Lk2fbTrack"
PARTNER = "KpopWire"
PARTNER_NOTE = "This article originally appeared on KpopWire."

NEWSLETTER_TEXT = ("Get the Signal: one short email every weekday morning with the K-pop and "
                   "K-drama stories fans are talking about.")
FOOTER_ABOUT = ("Idol Signal is an independent, reader-supported site covering Korean music, "
                "dramas and fan culture since 2017.")
CMS_COPYRIGHT = "© Idol Signal Stories. Unauthorized reproduction and redistribution prohibited."
CMS_ARCHIVE_NOTE = "This story is part of the Idol Signal Stories archive (2016-2026)."

AUTHOR_BIOS = {
    "Dana Whitfield": "Dana covers comebacks, charts and the business side of K-pop from Seoul.",
    "Kim Hye-jin": "Hye-jin writes about idol groups, fandom culture and the music behind them.",
    "Priya Raman": "Priya reviews albums and interviews the producers and songwriters behind them.",
    "Tomás Ferreira": "Tomás follows K-dramas, OSTs and the actors who sing them.",
    "Jeon Soo-ah": "Jeon Soo-ah is a senior reporter for Idol Signal Stories.",
    "Renée Park": "Renée Park covers Korean music abroad for Idol Signal Stories.",
    "Lee Jae-won": "Lee Jae-won covers dramas and film for Idol Signal Stories.",
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# WordPress "texturize": typographic characters as numeric entities (used in the <title>,
# headline, captions and chrome of the WordPress layout; article paragraphs stay raw UTF-8)
_TEXTURIZE = {"‘": "&#8216;", "’": "&#8217;", "“": "&#8220;", "”": "&#8221;",
              "—": "&#8212;", "–": "&#8211;", "…": "&#8230;"}
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def texturize(markup: str) -> str:
    return "".join(_TEXTURIZE.get(ch, ch) for ch in markup)


def long_date(dt: datetime) -> str:
    return f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year}"


def dotted(dt: datetime, with_time: bool = False) -> str:
    out = f"{dt.year}.{dt.month:02d}.{dt.day:02d}"
    return out + (f" {dt.hour:02d}:{dt.minute:02d}" if with_time else "")


# --------------------------------------------------------------------------- content model


@dataclass
class Block:
    kind: str  # p h blockquote attr list tweet insta youtube img ad also
    text: str = ""  # visible text (p, h, attr; post text for tweet/insta)
    items: list[str] = field(default_factory=list)  # blockquote paragraphs / list items
    fields: list[str] = field(default_factory=list)  # raw fields of @ directives


@dataclass
class Article:
    key: str  # file stem
    slug: str
    layout: str  # wp | cms | partner
    title: str
    subtitle: str | None
    published: datetime
    modified: datetime
    authors: list[str]
    tags: list[str]
    section: str
    image: dict[str, str] | None
    blocks: list[Block]
    comments: list[list[str]]
    quotes: list[dict[str, Any]]
    releases: list[dict[str, Any]]
    non_release: list[dict[str, str]]
    dup_group: str | None = None
    number: int | None = None
    dateline: str = "both"  # cms: meta | text | both
    encoding: str = "utf-8"
    sloppy: bool = False
    tracking: bool = False
    origin: Article | None = None  # partner copies: the article they copy

    @property
    def path(self) -> str:
        if self.layout == "wp":
            d = self.published
            return f"/{d.year}/{d.month:02d}/{d.day:02d}/{self.slug}/"
        if self.layout == "cms":
            return f"/stories/{self.number}/{self.slug}.html"
        return f"/partner/kpopwire/{self.slug}/"

    @property
    def url(self) -> str:
        return BASE + self.path

    @property
    def file(self) -> str:
        """Path of the page relative to the site root directory."""
        p = self.path.lstrip("/")
        return f"{HOST}/{p}index.html" if p.endswith("/") else f"{HOST}/{p}"

    def body_paragraphs(self) -> list[str]:
        out: list[str] = []
        for b in self.blocks:
            if b.kind in ("p", "h", "attr", "tweet", "insta"):
                out.append(plain(b.text))
            elif b.kind in ("blockquote", "list"):
                out.extend(plain(i) for i in b.items)
        return out


def plain(text: str) -> str:
    """Visible text of inline markup."""
    return _LINK.sub(lambda m: m[1], text)


def parse_body(src: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", src.strip()):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        first = lines[0]
        if first.startswith("@"):
            name, _, rest = first.partition(" ")
            fields = [f.strip() for f in rest.split(" | ")] if rest else []
            kind = name[1:]
            if kind not in ("tweet", "insta", "youtube", "img", "ad", "also"):
                raise ValueError(f"unknown directive {name}")
            text = plain(fields[-1]) if kind in ("tweet", "insta") else ""
            blocks.append(Block(kind, text=text, fields=fields))
        elif first.startswith("## "):
            blocks.append(Block("h", text=plain(first[3:])))
        elif first.startswith("> "):
            assert all(ln.startswith("> ") for ln in lines), chunk
            blocks.append(Block("blockquote", items=[ln[2:] for ln in lines]))
        elif first.startswith("* "):
            assert all(ln.startswith("* ") for ln in lines), chunk
            blocks.append(Block("list", items=[plain(ln[2:]) for ln in lines]))
        elif first.startswith("~ "):
            blocks.append(Block("attr", text=first[2:]))
        else:
            blocks.append(Block("p", text=" ".join(lines)))
    return blocks


def load_articles(content_dir: Path = CONTENT_DIR) -> list[Article]:
    arts: list[Article] = []
    for f in sorted((content_dir / "articles").glob("*.toml")):
        d = tomllib.loads(f.read_text(encoding="utf-8"))
        blocks = parse_body(d["body"])
        art = Article(
            key=f.stem, slug=d["slug"], layout=d["layout"], title=d["title"],
            subtitle=d.get("subtitle"),
            published=datetime.fromisoformat(d["published"]),
            modified=datetime.fromisoformat(d.get("modified", d["published"])),
            authors=d["authors"], tags=d["tags"], section=d.get("section", "News"),
            image=d.get("image"), blocks=blocks, comments=d.get("comments", []),
            quotes=d.get("quotes", []), releases=d.get("releases", []),
            non_release=d.get("non_release", []), dup_group=d.get("dup_group"),
            number=d.get("number"), dateline=d.get("dateline", "both"),
            encoding=d.get("encoding", "utf-8"), sloppy=d.get("sloppy", False),
            tracking=d.get("tracking", False),
        )
        arts.append(art)
        if "partner" in d:
            p = d["partner"]
            intro = Block("p", text=p["intro"])
            arts.append(Article(
                key=f.stem + "-partner", slug=art.slug, layout="partner", title=art.title,
                subtitle=art.subtitle, published=datetime.fromisoformat(p["published"]),
                modified=datetime.fromisoformat(p["published"]), authors=art.authors,
                tags=art.tags, section=art.section, image=art.image,
                blocks=[intro, *art.blocks], comments=[], quotes=art.quotes,
                releases=art.releases, non_release=art.non_release, dup_group=art.dup_group,
                origin=art,
            ))
    return arts


# --------------------------------------------------------------------------- rendering helpers


class Site:
    def __init__(self, articles: list[Article]):
        self.articles = articles
        self.by_slug = {a.slug: a for a in articles if a.layout != "partner"}
        # newest first; partner copies are not part of the site's own story lists
        self.stories = sorted((a for a in articles if a.layout != "partner"),
                              key=lambda a: a.published, reverse=True)
        self.tags: dict[str, list[Article]] = {}
        for a in self.stories:
            for t in a.tags:
                self.tags.setdefault(slugify(t), []).append(a)
        self.tag_names: dict[str, str] = {}
        for a in sorted(self.stories, key=lambda a: a.published):
            for t in a.tags:
                self.tag_names.setdefault(slugify(t), t)
        self.authors: dict[str, list[Article]] = {}
        self.author_names: dict[str, str] = {}
        for a in self.stories:
            for n in a.authors:
                self.authors.setdefault(slugify(n), []).append(a)
                self.author_names[slugify(n)] = n

    def resolve(self, target: str) -> str:
        if target.startswith("slug:"):
            return self.by_slug[target[5:]].url
        if target.startswith("tag:"):
            return f"{BASE}/tag/{target[4:]}/"
        return target

    def inline(self, text: str) -> str:
        """Inline markup -> HTML (escaped text, links)."""
        out, pos = [], 0
        for m in _LINK.finditer(text):
            out.append(esc(text[pos:m.start()]))
            out.append(f'<a href="{attr(self.resolve(m[2]))}">{esc(m[1])}</a>')
            pos = m.end()
        out.append(esc(text[pos:]))
        return "".join(out)

    def related(self, art: Article, n: int = 3) -> list[Article]:
        def score(o: Article) -> tuple[int, float, str]:
            shared = len(set(o.tags) & set(art.tags))
            gap = abs((o.published - art.published).total_seconds())
            return (-shared, gap, o.slug)
        others = [o for o in self.stories if o is not art and o is not art.origin]
        return sorted(others, key=score)[:n]


def tweet_html(b: Block, site: Site) -> str:
    name, handle, status, date, text = b.fields
    return (f'<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">'
            f'{site.inline(text)}</p>&mdash; {esc(name)} (@{esc(handle)}) '
            f'<a href="https://twitter.com/{handle}/status/{status}?ref_src=twsrc%5Etfw">'
            f'{esc(date)}</a></blockquote>'
            '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')


def insta_html(b: Block, site: Site) -> str:
    name, handle, code, date, text = b.fields
    link = f"https://www.instagram.com/p/{code}/?utm_source=ig_embed&amp;utm_campaign=loading"
    return (f'<blockquote class="instagram-media" data-instgrm-captioned '
            f'data-instgrm-permalink="{link}" data-instgrm-version="14" '
            'style="background:#FFF; border:0; margin:1px; max-width:540px; min-width:326px; '
            'padding:0; width:99.375%;"><div style="padding:16px;">'
            f'<a href="{link}" style="text-decoration:none;" target="_blank">'
            '<div style="padding:19% 0;"></div><div style="color:#3897f0;">View this post on '
            'Instagram</div></a>'
            f'<p style="margin:8px 0 0 0;"><a href="{link}" style="color:#000;" target="_blank">'
            f'{site.inline(text)}</a></p>'
            f'<p style="color:#c9c8cd; font-size:14px;">A post shared by {esc(name)} '
            f'(@{esc(handle)}) on <time style="font-size:14px;">{esc(date)}</time></p>'
            '</div></blockquote><script async src="//www.instagram.com/embed.js"></script>')


def youtube_html(b: Block) -> str:
    vid, title = b.fields
    return (f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{vid}" '
            f'title="{attr(title)}" frameborder="0" allow="accelerometer; autoplay; '
            'clipboard-write; encrypted-media; gyroscope; picture-in-picture" '
            'allowfullscreen></iframe>')


def img_url(name: str, art: Article) -> str:
    return f"{IMG_BASE}{art.published.year}/{art.published.month:02d}/{name}"


def json_ld(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


# --------------------------------------------------------------------------- WordPress layout


def wp_head_links() -> str:
    return (f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed" '
            f'href="{BASE}/feed.xml" />\n'
            f"<link rel='stylesheet' id='signal-style-css' href='{BASE}/wp-content/themes/"
            "signal/style.css?ver=3.1.2' media='all' />\n")


def wp_header(current: str = "") -> str:
    return f"""<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="{BASE}/" rel="home">{SITE_NAME}</a></p><p class="site-description">{esc(TAGLINE)}</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Primary menu"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<ul id="primary-menu" class="menu"><li class="menu-item"><a href="{BASE}/">Home</a></li><li class="menu-item{' current-menu-item' if current == 'news' else ''}"><a href="{BASE}/news/">News</a></li><li class="menu-item"><a href="{BASE}/tag/comebacks/">Comebacks</a></li><li class="menu-item"><a href="{BASE}/about/">About</a></li></ul></nav>
</header>
<div class="ad-slot ad-leaderboard" id="is-ad-top"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-1001-0" style="min-width:320px;min-height:50px;"></div></div>
"""


def wp_footer() -> str:
    return f"""<footer id="colophon" class="site-footer">
<div class="footer-widgets"><div class="footer-col"><h4>About {SITE_NAME}</h4><p>{esc(FOOTER_ABOUT)}</p></div><div class="footer-col"><h4>Sections</h4><ul><li><a href="{BASE}/news/">News</a></li><li><a href="{BASE}/tag/comebacks/">Comebacks</a></li><li><a href="{BASE}/about/">About us</a></li></ul></div></div>
<div class="site-info">&copy; 2026 {SITE_NAME}. All rights reserved. <span class="sep"> | </span> Proudly powered by <a href="https://wordpress.org/">WordPress</a></div>
</footer>
<a href="#page" id="scroll-to-top" class="scroll-to-top" aria-label="Scroll to top"><span class="icon-arrow-up"></span> Scroll to top</a>
</div><!-- #page -->
<script>document.getElementById('scroll-to-top').addEventListener('click',function(e){{e.preventDefault();window.scrollTo({{top:0,behavior:'smooth'}});}});</script>
"""


def person_id(name: str) -> str:
    return f"{BASE}/#/schema/person/{hashlib.sha1(name.encode()).hexdigest()[:16]}"


def wp_graph(art: Article, site: Site) -> dict[str, Any]:
    url = art.url
    img = img_url(art.image["file"], art) if art.image else None
    authors = [{"name": n, "@id": person_id(n)} for n in art.authors]
    words = sum(len(p.split()) for p in art.body_paragraphs())
    graph: list[dict[str, Any]] = [
        {"@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
         "author": authors[0] if len(authors) == 1 else authors, "headline": art.title,
         "datePublished": art.published.isoformat(), "dateModified": art.modified.isoformat(),
         "mainEntityOfPage": {"@id": url}, "wordCount": words, "commentCount": len(art.comments),
         "publisher": {"@id": f"{BASE}/#organization"},
         "image": {"@id": f"{url}#primaryimage"} if img else None,
         "thumbnailUrl": img, "keywords": art.tags, "articleSection": [art.section],
         "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{art.title} - {SITE_NAME}",
         "isPartOf": {"@id": f"{BASE}/#website"},
         "primaryImageOfPage": {"@id": f"{url}#primaryimage"} if img else None,
         "datePublished": art.published.isoformat(), "dateModified": art.modified.isoformat(),
         "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "en-US",
         "potentialAction": [{"@type": "ReadAction", "target": [url]}]},
    ]
    if img and art.image:
        graph.append({"@type": "ImageObject", "inLanguage": "en-US", "@id": f"{url}#primaryimage",
                      "url": img, "contentUrl": img, "width": 1200, "height": 675,
                      "caption": art.image["caption"]})
    graph += [
        {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{BASE}/"},
            {"@type": "ListItem", "position": 2, "name": "News", "item": f"{BASE}/news/"},
            {"@type": "ListItem", "position": 3, "name": art.title}]},
        {"@type": "WebSite", "@id": f"{BASE}/#website", "url": f"{BASE}/", "name": SITE_NAME,
         "description": TAGLINE, "publisher": {"@id": f"{BASE}/#organization"},
         "inLanguage": "en-US"},
        {"@type": "Organization", "@id": f"{BASE}/#organization", "name": SITE_NAME,
         "url": f"{BASE}/", "logo": {"@type": "ImageObject", "url": f"{IMG_BASE}logo.png",
                                     "width": 512, "height": 512, "caption": SITE_NAME},
         "sameAs": ["https://twitter.com/idolsignal_demo"]},
    ]
    for n in art.authors:
        graph.append({"@type": "Person", "@id": person_id(n), "name": n,
                      "url": f"{BASE}/author/{slugify(n)}/"})
    for node in graph:
        for k in [k for k, v in node.items() if v is None]:
            del node[k]
    return {"@context": "https://schema.org", "@graph": graph}


def description(art: Article) -> str:
    first = plain(next(b.text for b in art.blocks if b.kind == "p"))
    return first if len(first) <= 155 else first[:154].rsplit(" ", 1)[0] + "…"


def render_wp_body(art: Article, site: Site, chrome: list[str]) -> str:
    out: list[str] = []
    endp = "" if art.sloppy else "</p>"
    ptag = "<P>" if art.sloppy else "<p>"
    for i, b in enumerate(art.blocks):
        if b.kind == "p":
            out.append(f"{ptag}{site.inline(b.text)}{endp}")
        elif b.kind == "h":
            out.append(f'<h2 class="wp-block-heading">{esc(b.text)}</h2>')
        elif b.kind == "blockquote":
            inner = "".join(f"<p>{site.inline(t)}</p>" for t in b.items)
            out.append(f'<blockquote class="wp-block-quote">{inner}</blockquote>')
        elif b.kind == "attr":
            out.append(f'<p class="has-text-align-right quote-attribution">'
                       f'{esc(b.text)}{endp}')
        elif b.kind == "list":
            lis = "".join(f"<li>{esc(t)}{'' if art.sloppy else '</li>'}"
                          for t in b.items)
            out.append(f'<ul class="wp-block-list">{lis}</ul>')
        elif b.kind == "tweet":
            out.append('<figure class="wp-block-embed is-type-rich is-provider-twitter '
                       'wp-block-embed-twitter"><div class="wp-block-embed__wrapper">'
                       f"{tweet_html(b, site)}</div></figure>")
        elif b.kind == "insta":
            out.append('<figure class="wp-block-embed is-provider-instagram '
                       'wp-block-embed-instagram"><div class="wp-block-embed__wrapper">'
                       f"{insta_html(b, site)}</div></figure>")
        elif b.kind == "youtube":
            out.append('<figure class="wp-block-embed is-type-video is-provider-youtube '
                       'wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio">'
                       f'<div class="wp-block-embed__wrapper">{youtube_html(b)}</div></figure>')
        elif b.kind == "img":
            name, caption, credit = b.fields
            chrome += [caption, credit]
            out.append(f'<figure class="wp-block-image size-large"><img decoding="async" '
                       f'loading="lazy" width="1024" height="683" src="{img_url(name, art)}" '
                       f'alt="{attr(caption)}" class="wp-image-{40000 + i}"/>'
                       f'<figcaption class="wp-element-caption">{esc(caption)} '
                       f'<span class="image-credit">{esc(credit)}</span>'
                       "</figcaption></figure>")
        elif b.kind == "ad":
            chrome.append("Advertisement")
            out.append(f'<div class="ad-slot ad-incontent" data-slot="incontent_{i}">'
                       '<span class="ad-label">Advertisement</span>'
                       f'<div class="ad-container" id="div-gpt-ad-incontent-{i}"></div></div>')
        elif b.kind == "also":
            other = site.by_slug[b.fields[0]]
            chrome.append(other.title)
            out.append(f'<p class="read-also"><strong>READ MORE:</strong> <a href="{other.url}">'
                       f"{esc(other.title)}</a>{endp}")
    return "\n".join(out)


def render_wp(art: Article, site: Site) -> tuple[str, list[str]]:
    chrome = ["Advertisement", "Related posts", "Scroll to top", NEWSLETTER_TEXT, FOOTER_ABOUT,
              "Share on X", "Share on Facebook", "Copy link"]
    url = art.url
    title_t = texturize(esc(art.title))
    pub, mod = art.published.isoformat(), art.modified.isoformat()
    desc = description(art)
    metas = [
        f'<meta name="description" content="{attr(desc)}" />',
        '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, '
        'max-video-preview:-1" />',
        f'<link rel="canonical" href="{url}" />',
        '<meta property="og:locale" content="en_US" />',
        '<meta property="og:type" content="article" />',
        f'<meta property="og:title" content="{attr(art.title)} - {SITE_NAME}" />',
        f'<meta property="og:description" content="{attr(desc)}" />',
        f'<meta property="og:url" content="{url}" />',
        f'<meta property="og:site_name" content="{SITE_NAME}" />',
        '<meta property="article:publisher" content="https://www.facebook.com/idolsignal.demo" />',
        f'<meta property="article:published_time" content="{pub}" />',
        f'<meta property="article:modified_time" content="{mod}" />',
        f'<meta property="article:section" content="{attr(art.section)}" />',
    ]
    metas += [f'<meta property="article:tag" content="{attr(t)}" />' for t in art.tags]
    if art.image:
        metas += [f'<meta property="og:image" content="{img_url(art.image["file"], art)}" />',
                  '<meta property="og:image:width" content="1200" />',
                  '<meta property="og:image:height" content="675" />']
    metas += [f'<meta name="author" content="{attr(", ".join(art.authors))}" />',
              '<meta name="twitter:card" content="summary_large_image" />',
              '<meta name="twitter:site" content="@idolsignal_demo" />',
              '<meta name="twitter:label1" content="Written by" />',
              f'<meta name="twitter:data1" content="{attr(", ".join(art.authors))}" />']
    byline_names = [
        f'<span class="author vcard"><a class="url fn n" href="{BASE}/author/{slugify(n)}/">'
        f"{esc(n)}</a></span>" for n in art.authors]
    byline = " and ".join(byline_names)
    ncom = len(art.comments)
    com_label = "No Comments" if ncom == 0 else ("1 Comment" if ncom == 1 else f"{ncom} Comments")
    subtitle = (f'<p class="entry-subtitle">{texturize(esc(art.subtitle))}</p>\n'
                if art.subtitle else "")
    thumb = ""
    if art.image:
        im = art.image
        chrome += [im["caption"], im["credit"]]
        thumb = (f'<div class="post-thumbnail"><figure class="wp-block-image size-full featured">'
                 f'<img width="1200" height="675" src="{img_url(im["file"], art)}" '
                 'class="attachment-post-thumbnail size-post-thumbnail wp-post-image" '
                 f'alt="{attr(im["caption"])}" decoding="async" fetchpriority="high" />'
                 f'<figcaption class="wp-element-caption">{texturize(esc(im["caption"]))}'
                 "</figcaption>"
                 f'<span class="photo-credit">{texturize(esc(im["credit"]))}</span>'
                 "</figure></div>\n")
    body = render_wp_body(art, site, chrome)
    tags = ", ".join(f'<a href="{BASE}/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>'
                     for t in art.tags)
    share = (f'<div class="share-bar sharedaddy"><h3 class="sd-title">Share this:</h3>'
             f'<ul class="share-buttons"><li><a class="share-twitter" '
             f'href="https://x.com/intent/post?url={url}" target="_blank" rel="noopener">'
             'Share on X</a></li><li><a class="share-facebook" '
             f'href="https://www.facebook.com/sharer/sharer.php?u={url}" target="_blank" '
             'rel="noopener">Share on Facebook</a></li><li><a class="share-copy" '
             'href="#copy">Copy link</a></li></ul></div>')
    bios = []
    for n in art.authors:
        bio = AUTHOR_BIOS[n]
        chrome.append(bio)
        bios.append(f'<div class="author-box"><div class="author-box-text"><h4 class="author-title">'
                    f'About <a href="{BASE}/author/{slugify(n)}/">{esc(n)}</a></h4>'
                    f"<p>{esc(bio)}</p></div></div>")
    rel_items = []
    for o in site.related(art):
        chrome.append(o.title)
        rel_items.append(
            f'<li class="related-post"><a href="{o.url}"><span class="related-post-title">'
            f"{texturize(esc(o.title))}</span></a> "
            f'<time class="related-post-date" datetime="{o.published.isoformat()}">'
            f"{long_date(o.published)}</time>{'' if art.sloppy else '</li>'}")
    related = ('<section class="related-posts">\n<h3 class="related-title">Related posts</h3>\n'
               '<ul class="related-post-list">\n' + "\n".join(rel_items) + "\n</ul>\n</section>")
    comments = []
    for k, (user, text, minutes) in enumerate(art.comments):
        chrome.append(text)
        ts = art.published.timestamp() + int(minutes) * 60
        cdt = datetime.fromtimestamp(ts, art.published.tzinfo)
        cid = 7000 + k + 10 * (art.published.toordinal() % 1000)
        comments.append(
            f'<li id="comment-{cid}" class="comment depth-1"><article class="comment-body">'
            f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">'
            f'{esc(user)}</b> <span class="says">says:</span></div><div class="comment-metadata">'
            f'<a href="{url}#comment-{cid}"><time datetime="{cdt.isoformat()}">'
            f"{long_date(cdt)} at {cdt.strftime('%-I:%M %p').lower()}</time></a></div></footer>"
            f'<div class="comment-content"><p>{texturize(esc(text))}</p></div></article></li>')
    comments_title = (f"{ncom} thoughts on &ldquo;<span>{title_t}</span>&rdquo;" if ncom > 1 else
                      f"One thought on &ldquo;<span>{title_t}</span>&rdquo;" if ncom == 1 else
                      "")
    chrome.append("Leave a Reply")
    comments_html = (
        '<div id="comments" class="comments-area">\n'
        + (f'<h2 class="comments-title">{comments_title}</h2>\n<ol class="comment-list">\n'
           + "\n".join(comments) + "\n</ol>\n" if ncom else "")
        + '<div id="respond" class="comment-respond"><h3 id="reply-title" '
        'class="comment-reply-title">Leave a Reply</h3><form action="#" method="post" '
        'id="commentform" class="comment-form"><p class="comment-notes">Your email address will '
        'not be published.</p><p class="comment-form-comment"><textarea id="comment" '
        'name="comment" cols="45" rows="8"></textarea></p><p class="form-submit"><input '
        'name="submit" type="submit" id="submit" class="submit" value="Post Comment" /></p>'
        "</form></div>\n</div><!-- #comments -->")
    newsletter = (f'<section class="widget newsletter"><h2 class="widget-title">Get the Signal</h2>'
                  f"<p>{esc(NEWSLETTER_TEXT)}</p><form class=\"newsletter-form\" action=\"#\" "
                  'method="post"><input type="email" name="email" placeholder="Your email" />'
                  '<button type="submit">Subscribe</button></form></section>')
    tagcloud = " ".join(
        f'<a href="{BASE}/tag/{s}/" class="tag-cloud-link">{esc(site.tag_names[s])}</a>'
        for s in sorted(site.tags, key=lambda s: (-len(site.tags[s]), s))[:8])
    pid = 50000 + art.published.toordinal() % 10000
    doc = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title_t} - {SITE_NAME}</title>
<!-- This site is optimized with the Yoast SEO plugin v23.4 - https://yoast.com/wordpress/plugins/seo/ -->
{chr(10).join(metas)}
<script type="application/ld+json" class="yoast-schema-graph">{json_ld(wp_graph(art, site))}</script>
<!-- / Yoast SEO plugin. -->
{wp_head_links()}<meta name="generator" content="WordPress 6.6.2" />
<link rel='shortlink' href='{BASE}/?p={pid}' />
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard has-sidebar">
{wp_header()}<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<nav class="yoast-breadcrumbs" aria-label="Breadcrumbs"><span><a href="{BASE}/">Home</a></span> &raquo; <span><a href="{BASE}/news/">News</a></span> &raquo; <span class="breadcrumb_last" aria-current="page">{title_t}</span></nav>
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry">
<header class="entry-header">
<div class="cat-links"><a href="{BASE}/news/" rel="category tag">{esc(art.section)}</a></div>
<h1 class="entry-title">{title_t}</h1>
{subtitle}<div class="entry-meta"><span class="byline">By {byline}</span> <span class="sep">&middot;</span> <span class="posted-on"><a href="{url}" rel="bookmark"><time class="entry-date published" datetime="{pub}">{long_date(art.published)}</time><time class="updated" datetime="{mod}">{long_date(art.modified)}</time></a></span> <span class="sep">&middot;</span> <span class="comments-link"><a href="{url}#comments">{com_label}</a></span></div>
</header>
{thumb}<div class="entry-content">
{body}
</div><!-- .entry-content -->
<footer class="entry-footer"><span class="tags-links"><span class="tags-label">Tags:</span> {tags}</span>
{share}
</footer>
{''.join(bios)}
</article><!-- #post-{pid} -->
{related}
{comments_html}
</main>
</div><!-- #primary -->
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" method="get" class="search-form" action="{BASE}/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s" /></label></form></section>
<div class="ad-slot ad-mpu"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-1001-1" style="min-width:300px;min-height:250px;"></div></div>
{newsletter}
<section class="widget widget_tag_cloud"><h2 class="widget-title">Popular Tags</h2><div class="tagcloud">{tagcloud}</div></section>
</aside><!-- #secondary -->
</div><!-- #content -->
{wp_footer()}</body>
</html>
"""
    if art.sloppy:
        # sloppy theme output browsers still render: unclosed <p>/<li>/<div>, unquoted
        # attributes, upper-case tags, a stray end tag
        doc = doc.replace('<div class="entry-content">', "<div class=entry-content>")
        doc = doc.replace("</h4><p>", "</h4><P>").replace("</p></div></div>", "</div>")
        doc = doc.replace("</div><!-- #page -->\n", "")
        doc = doc.replace('<span class="sep">&middot;</span> <span class="comments-link">',
                          '<span class="sep">&middot;</span></span> <span class="comments-link">')
    return doc, chrome


# --------------------------------------------------------------------------- legacy CMS layout


def render_cms(art: Article, site: Site) -> tuple[str, list[str]]:
    chrome = ["SEE ALSO:", "More Stories", CMS_COPYRIGHT, CMS_ARCHIVE_NOTE, "Most Viewed"]
    url = art.url
    pub = art.published
    head = [
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        if art.encoding == "utf-8" else f'<meta charset="{art.encoding}">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        f"<title>{esc(art.title)} : {SITE_NAME} Stories</title>",
        f'<meta name="title" content="{attr(art.title)}">',
        f'<meta name="author" content="{attr(", ".join(art.authors))}">',
    ]
    if art.dateline in ("meta", "both"):
        head.append(f'<meta name="date" content="{pub.strftime("%Y-%m-%d %H:%M:%S")}">')
    head += [
        f'<meta name="description" content="{attr(description(art))}">',
        f'<meta name="keywords" content="{attr(", ".join(art.tags))}">',
        f'<link rel="canonical" href="{url}">',
        f'<link rel="stylesheet" type="text/css" href="{BASE}/static/css/story_view.css">',
        f'<script type="text/javascript" src="{BASE}/static/js/story_common.js"></script>',
    ]
    info = [f'<span class="writer">By {esc(" and ".join(art.authors))} '
            f"({esc(slugify(art.authors[0]).replace('-', '.'))}@kpopdemo.example)</span>"]
    if art.dateline in ("text", "both"):
        offset = pub.utcoffset()
        tz = "KST" if offset is not None and offset.total_seconds() == 9 * 3600 else "GMT"
        info.append(f'<span class="date">Published: {dotted(pub, True)} {tz}</span>')
        if art.modified != art.published:
            info.append(f'<span class="date upd">Updated: {dotted(art.modified, True)} {tz}</span>')
    subtitle = f'<h2 class="art_subtit">{esc(art.subtitle)}</h2>\n' if art.subtitle else ""
    body: list[str] = []
    if art.image:
        im = art.image
        chrome += [im["caption"], im["credit"]]
        body.append(f'<div class="photo_box"><img src="{img_url(im["file"], art)}" '
                    f'alt="{attr(im["caption"])}" width="640"><div class="photo_cap">'
                    f'{esc(im["caption"])}</div><div class="photo_src">{esc(im["credit"])}</div>'
                    "</div>")
    for b in art.blocks:
        if b.kind == "p":
            body.append(f'<div class="art_p">{site.inline(b.text)}</div>')
        elif b.kind == "h":
            body.append(f'<div class="art_p art_stit"><b>{esc(b.text)}</b></div>')
        elif b.kind == "blockquote":
            inner = "".join(f'<div class="art_p">{site.inline(t)}</div>' for t in b.items)
            body.append(f'<blockquote class="art_quote">{inner}</blockquote>')
        elif b.kind == "attr":
            body.append(f'<div class="art_p quote_src">{esc(b.text)}</div>')
        elif b.kind == "list":
            body.append('<ul class="art_list">' + "".join(f"<li>{esc(t)}</li>" for t in b.items)
                        + "</ul>")
        elif b.kind == "tweet":
            body.append(f'<div class="sns_embed">{tweet_html(b, site)}</div>')
        elif b.kind == "insta":
            body.append(f'<div class="sns_embed">{insta_html(b, site)}</div>')
        elif b.kind == "youtube":
            body.append(f'<div class="video_box">{youtube_html(b)}</div>')
        elif b.kind == "img":
            name, caption, credit = b.fields
            chrome += [caption, credit]
            body.append(f'<div class="photo_box"><img src="{img_url(name, art)}" '
                        f'alt="{attr(caption)}" width="640"><div class="photo_cap">'
                        f'{esc(caption)}</div><div class="photo_src">{esc(credit)}</div></div>')
        elif b.kind == "ad":
            chrome.append("AD")
            body.append('<div class="banner_in"><span class="bn_lbl">AD</span>'
                        '<div id="story-inline-bn"></div></div>')
        elif b.kind == "also":
            other = site.by_slug[b.fields[0]]
            chrome.append(other.title)
            body.append(f'<div class="art_p art_also"><b>SEE ALSO:</b> '
                        f'<a href="{other.url}">{esc(other.title)}</a></div>')
    kwd = " ".join(f'<a href="{BASE}/tag/{slugify(t)}/">#{esc(t)}</a>' for t in art.tags)
    more = [o for o in site.stories if o.layout == "cms" and o is not art][:4]
    more_items = []
    for o in more:
        chrome.append(o.title)
        more_items.append(f'<li><a href="{o.url}">{esc(o.title)}</a> '
                          f'<span class="dt">{dotted(o.published)}</span></li>')
    most = [o for o in site.stories if o.layout == "wp"][:3]
    most_items = []
    for o in most:
        chrome.append(o.title)
        most_items.append(f'<li><a href="{o.url}">{esc(o.title)}</a></li>')
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
{chr(10).join(head)}
</head>
<body id="story_view">
<div id="wrap">
<div id="gnb"><div class="gnb_in"><a class="logo" href="{BASE}/">{SITE_NAME} <em>Stories</em></a>
<ul class="gnb_menu"><li><a href="{BASE}/news/">Latest</a></li><li><a href="{BASE}/tag/k-drama/">Drama</a></li><li><a href="{BASE}/about/">About</a></li></ul></div></div>
<div id="container">
<div id="articleView" class="view_wrap">
<div class="art_head">
<span class="art_cate">{esc(art.section)}</span>
<h1 class="art_tit">{esc(art.title)}</h1>
{subtitle}<div class="art_info">{" ".join(info)}</div>
<div class="art_util"><a href="#" class="btn_font">Font size</a> <a href="#" class="btn_print">Print</a> <a href="#" class="btn_mail">E-mail</a></div>
</div>
<div id="articleBody" class="art_txt">
{chr(10).join(body)}
</div>
<div class="art_kwd"><span class="kwd_lbl">Keywords</span> {kwd}</div>
<div class="art_copy">{esc(CMS_COPYRIGHT)}</div>
<div class="art_more"><h3>More Stories</h3><ul>
{chr(10).join(more_items)}
</ul></div>
</div>
<div id="side">
<div class="side_bn"><span class="bn_lbl">AD</span><div id="story-side-bn"></div></div>
<div class="side_rank"><h3>Most Viewed</h3><ol>{"".join(most_items)}</ol></div>
</div>
</div>
<div id="footer"><p class="archive_note">{esc(CMS_ARCHIVE_NOTE)}</p><p class="ft_links"><a href="{BASE}/about/">About</a> | <a href="{BASE}/news/">All news</a></p></div>
</div>
</body>
</html>
"""
    return doc, chrome


# --------------------------------------------------------------------------- partner copy


def render_partner(art: Article, site: Site) -> tuple[str, list[str]]:
    chrome = ["Partner content", "From our partners at KpopWire", "Back to Idol Signal"]
    url = art.url
    pub = art.published.isoformat()
    body = []
    for b in art.blocks:
        if b.kind == "p":
            body.append(f"<p>{site.inline(b.text)}</p>")
        elif b.kind == "h":
            body.append(f"<h3>{esc(b.text)}</h3>")
        elif b.kind == "blockquote":
            body.append("<blockquote>" + "".join(f"<p>{site.inline(t)}</p>" for t in b.items)
                        + "</blockquote>")
        elif b.kind == "attr":
            body.append(f'<p class="attribution">{esc(b.text)}</p>')
        elif b.kind == "list":
            body.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in b.items) + "</ul>")
        elif b.kind == "tweet":
            body.append(tweet_html(b, site))
        elif b.kind == "insta":
            body.append(insta_html(b, site))
        elif b.kind == "youtube":
            body.append(youtube_html(b))
        elif b.kind == "img":
            name, caption, credit = b.fields
            chrome += [caption, credit]
            body.append(f'<figure><img src="{img_url(name, art)}" alt=""><figcaption>'
                        f'{esc(caption)} <small class="credit">{esc(credit)}</small></figcaption>'
                        "</figure>")
    body.append(f'<p class="syndication-note"><em>{esc(PARTNER_NOTE)}</em></p>')
    img = ""
    if art.image:
        im = art.image
        chrome += [im["caption"], im["credit"]]
        img = (f'<figure class="lead"><img src="{img_url(im["file"], art)}" alt=""><figcaption>'
               f'{esc(im["caption"])} <small class="credit">{esc(im["credit"])}</small>'
               "</figcaption></figure>")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title,
          "datePublished": pub, "dateModified": pub, "mainEntityOfPage": url,
          "author": [{"@type": "Person", "name": n} for n in art.authors],
          "publisher": {"@type": "Organization", "name": PARTNER},
          "isBasedOn": art.origin.url if art.origin else None}
    doc = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} | {PARTNER} via {SITE_NAME}</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(art.title)}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{PARTNER} via {SITE_NAME}">
<meta property="article:published_time" content="{pub}">
<script type="application/ld+json">{json_ld(ld)}</script>
</head>
<body class="partner-page">
<div class="partner-bar"><span class="partner-label">Partner content</span> <a href="{BASE}/">Back to {SITE_NAME}</a></div>
<main class="partner-main">
<article class="syndicated-story">
<p class="kicker">From our partners at {PARTNER}</p>
<h1 class="headline">{esc(art.title)}</h1>
<p class="meta">By <span class="author">{esc(" and ".join(art.authors))}</span> | <time datetime="{pub}">{long_date(art.published)}</time></p>
{img}
<div class="story-body">
{chr(10).join(body)}
</div>
<p class="topics">Topics: {", ".join(f'<a href="{BASE}/tag/{slugify(t)}/">{esc(t)}</a>' for t in art.tags)}</p>
</article>
</main>
<footer class="partner-footer"><p>&copy; 2026 {PARTNER}. Republished with permission.</p></footer>
</body>
</html>
"""
    return doc, chrome


# --------------------------------------------------------------------------- other pages


def simple_page(title: str, inner: str, *, head_extra: str = "", current: str = "",
                canonical: str | None = None) -> str:
    canon = f'<link rel="canonical" href="{canonical}" />\n' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{canon}{head_extra}{wp_head_links()}</head>
<body class="archive">
{wp_header(current)}<div id="content" class="site-content">
<main id="main" class="site-main">
{inner}
</main>
</div><!-- #content -->
{wp_footer()}</body>
</html>
"""


def listing_items(arts: Iterable[Article], tracking: bool = False) -> str:
    out = []
    for a in arts:
        href = a.url + (TRACKING_LISTING if tracking and a.tracking else "")
        out.append(f'<article class="post-item"><h2 class="entry-title"><a href="{href}">'
                   f"{esc(a.title)}</a></h2>"
                   f'<div class="entry-meta"><time datetime="{a.published.isoformat()}">'
                   f"{long_date(a.published)}</time> by {esc(', '.join(a.authors))}</div>"
                   f'<p class="excerpt">{esc(description(a))}</p></article>')
    return "\n".join(out)


def news_pages(site: Site) -> dict[str, str]:
    pages: dict[str, str] = {}
    chunks = [site.stories[i:i + PER_PAGE] for i in range(0, len(site.stories), PER_PAGE)]
    def page_url(n: int) -> str:
        return f"{BASE}/news/" if n == 1 else f"{BASE}/news/page/{n}/"
    for n, chunk in enumerate(chunks, 1):
        links, nav = [], []
        if n > 1:
            links.append(f'<link rel="prev" href="{page_url(n - 1)}" />')
            nav.append(f'<a class="prev page-numbers" rel="prev" href="{page_url(n - 1)}">'
                       "&laquo; Newer posts</a>")
        for k in range(1, len(chunks) + 1):
            nav.append(f'<span aria-current="page" class="page-numbers current">{k}</span>'
                       if k == n else f'<a class="page-numbers" href="{page_url(k)}">{k}</a>')
        if n < len(chunks):
            links.append(f'<link rel="next" href="{page_url(n + 1)}" />')
            nav.append(f'<a class="next page-numbers" rel="next" href="{page_url(n + 1)}">'
                       "Older posts &raquo;</a>")
        inner = (f'<header class="page-header"><h1 class="page-title">Latest news</h1>'
                 f"{'' if n == 1 else f'<p>Page {n} of {len(chunks)}</p>'}</header>\n"
                 f"{listing_items(chunk, tracking=True)}\n"
                 f'<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">'
                 f'{" ".join(nav)}</div></nav>')
        title = f"Latest news - {SITE_NAME}" + ("" if n == 1 else f" - Page {n}")
        path = "news/index.html" if n == 1 else f"news/page/{n}/index.html"
        pages[path] = simple_page(title, inner, head_extra="\n".join(links) + "\n",
                                  current="news", canonical=page_url(n))
    return pages


def home_page(site: Site) -> str:
    partner = [a for a in site.articles if a.layout == "partner"]
    inner = (f'<section class="home-latest"><h1 class="page-title">{SITE_NAME}</h1>'
             f'<p class="lead">{esc(TAGLINE)}</p>\n<h2>Latest stories</h2>\n'
             f"{listing_items(site.stories[:8])}\n"
             f'<p class="more"><a href="{BASE}/news/">All news &raquo;</a></p></section>\n'
             '<section class="home-partners"><h2>From our partners</h2><ul>'
             + "".join(f'<li><a href="{a.url}">{esc(a.title)}</a> ({PARTNER})</li>'
                       for a in partner)
             + "</ul></section>\n"
             '<section class="home-staff"><h2>Staff</h2><ul>'
             f'<li><a href="{BASE}/about/">About {SITE_NAME}</a></li>'
             f'<li><a href="{BASE}/private/drafts/">Staff drafts (login required)</a></li>'
             "</ul></section>")
    return simple_page(f"{SITE_NAME} - {TAGLINE}", inner, canonical=f"{BASE}/")


def about_page(site: Site) -> str:
    staff = "".join(f'<li><a href="{BASE}/author/{s}/">{esc(site.author_names[s])}</a> '
                    f"&ndash; {esc(AUTHOR_BIOS[site.author_names[s]])}</li>"
                    for s in sorted(site.authors))
    inner = (f'<article class="page"><h1 class="entry-title">About {SITE_NAME}</h1>'
             f'<div class="entry-content"><p>{esc(FOOTER_ABOUT)}</p>'
             "<p>This is a demo site: every artist, agency, song and story on it is invented. "
             "It exists so that newsspider can be tried without touching the internet.</p>"
             f"<h2>Our writers</h2><ul>{staff}</ul></div></article>")
    return simple_page(f"About - {SITE_NAME}", inner, canonical=f"{BASE}/about/")


def tag_page(site: Site, slug: str) -> str:
    name = site.tag_names[slug]
    inner = (f'<header class="page-header"><h1 class="page-title">Tag: {esc(name)}</h1></header>\n'
             f"{listing_items(site.tags[slug])}")
    return simple_page(f"{name} Archives - {SITE_NAME}", inner,
                       canonical=f"{BASE}/tag/{slug}/")


def author_page(site: Site, slug: str) -> str:
    arts = site.authors[slug]
    name = site.author_names[slug]
    inner = (f'<header class="page-header"><h1 class="page-title">Author: {esc(name)}</h1>'
             f"<p>{esc(AUTHOR_BIOS[name])}</p></header>\n{listing_items(arts)}")
    return simple_page(f"{name}, Author at {SITE_NAME}", inner,
                       canonical=f"{BASE}/author/{slug}/")


def private_page() -> str:
    inner = ('<article class="post"><h1 class="entry-title">Staff drafts</h1>'
             '<div class="entry-content"><p>Unpublished drafts and embargoed schedules live here. '
             "Crawlers must not fetch this page: it is disallowed in robots.txt.</p>"
             "<p>Embargoed: a comeback that has not been announced yet.</p></div></article>")
    return simple_page(f"Staff drafts - {SITE_NAME}", inner,
                       head_extra='<meta name="robots" content="noindex, nofollow" />\n')


def rfc822(dt: datetime) -> str:
    return format_datetime(dt)


def feed_xml(site: Site) -> str:
    items = []
    latest = site.stories[:FEED_SIZE]
    for a in latest:
        link = a.url + (TRACKING_FEED if a.tracking else "")
        cats = "".join(f"<category><![CDATA[{t}]]></category>" for t in a.tags)
        items.append(f"""<item>
<title>{esc(a.title)}</title>
<link>{esc(link)}</link>
<dc:creator><![CDATA[{", ".join(a.authors)}]]></dc:creator>
<pubDate>{rfc822(a.published)}</pubDate>
{cats}
<guid isPermaLink="false">{BASE}/?p={50000 + a.published.toordinal() % 10000}</guid>
<description><![CDATA[{description(a)}]]></description>
</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{SITE_NAME}</title>
<atom:link href="{BASE}/feed.xml" rel="self" type="application/rss+xml" />
<link>{BASE}/</link>
<description>{esc(TAGLINE)}</description>
<lastBuildDate>{rfc822(max(a.modified for a in latest))}</lastBuildDate>
<language>en-US</language>
{chr(10).join(items)}
</channel>
</rss>
"""


def sitemap_groups(site: Site) -> list[list[Article]]:
    """Two post sitemaps: stories up to June, and July on plus the partner copies."""
    arts = sorted(site.articles, key=lambda a: (a.published, a.slug))
    first = [a for a in arts if a.layout != "partner" and a.published.month <= 6]
    second = [a for a in arts if a not in first]
    return [first, second]


def sitemap_xml(arts: list[Article]) -> str:
    urls = "\n".join(f"<url><loc>{a.url}</loc><lastmod>{a.modified.isoformat()}</lastmod></url>"
                     for a in arts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}\n</urlset>\n")


def sitemap_index(groups: list[list[Article]]) -> str:
    entries = "\n".join(
        f"<sitemap><loc>{BASE}/sitemap-posts-{i}.xml</loc>"
        f"<lastmod>{max(a.modified for a in g).isoformat()}</lastmod></sitemap>"
        for i, g in enumerate(groups, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}\n</sitemapindex>\n")


ROBOTS = f"""User-agent: *
Disallow: /private/
Disallow: /wp-admin/

Sitemap: {BASE}/sitemap_index.xml
"""


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
