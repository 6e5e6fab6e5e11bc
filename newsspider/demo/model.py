"""The demo site's content model: constants, text helpers, the articles read from
``content/articles/*.toml``, the site they make up, and the embed snippets every layout uses."""


from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
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
