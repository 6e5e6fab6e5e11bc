"""The WordPress-theme markup of the benchmark site (benchmarks/realistic_site.py).

``Theme`` holds what every page of a site repeats: the head (stylesheets, inline CSS of the
block editor's global styles and the theme, the emoji loader, theme settings script), the menus,
the sidebar widgets and the footer. ``article_body``, ``listing_body`` and ``static_body`` render
pages around it in the shape of a common news theme (verbose WordPress classes, srcset images,
share buttons, related posts, comments).
"""

from __future__ import annotations

import json
import random
import zlib
from html import escape
from typing import Any

CATEGORIES = [("news", "News"), ("k-pop", "K-Pop"), ("k-drama", "K-Drama"), ("music", "Music"),
              ("interviews", "Interviews"), ("reviews", "Reviews"), ("tours", "Tours & Concerts"),
              ("charts", "Charts"), ("variety", "Variety"), ("fashion", "Fashion"), ("film", "Film"),
              ("features", "Features")]
CSS_PROPS = ("color", "background-color", "margin", "padding", "font-size", "line-height", "border",
             "border-radius", "display", "flex-wrap", "gap", "font-weight", "letter-spacing",
             "text-transform", "max-width", "box-shadow", "transition", "opacity", "z-index", "width")
CSS_VALUES = ("0", "1rem", "var(--wp--preset--spacing--40)", "#1e1e1e", "#f6f6f6", "inherit",
              "flex", "none", "0 0 0 1px rgba(0,0,0,.1)", "600", "1.6", "uppercase", "all .2s ease",
              "calc(100% - 2rem)", "var(--wp--preset--color--vivid-red)", "12px", "0.85em", "auto")
BLOCKS = ("button", "buttons", "columns", "column", "group", "cover", "image", "gallery", "quote",
          "pullquote", "separator", "spacer", "table", "embed", "video", "audio", "file", "list",
          "navigation", "search", "social-links", "latest-posts", "post-title", "post-date",
          "post-excerpt", "query", "site-logo", "tag-cloud", "archives", "categories", "heading")
JS_WORDS = ("window", "document", "function", "return", "var", "this", "length", "push", "prototype",
            "addEventListener", "querySelectorAll", "classList", "toggle", "setTimeout", "dataset",
            "getAttribute", "innerHTML", "style", "undefined", "null", "typeof", "forEach")


def _css(rng: random.Random, rules: int) -> str:
    out = [":root{" + ";".join(f"--wp--preset--color--{c}:#{rng.randrange(1 << 24):06x}" for c in (
        "black", "cyan-bluish-gray", "white", "pale-pink", "vivid-red", "luminous-vivid-orange",
        "luminous-vivid-amber", "light-green-cyan", "vivid-green-cyan", "pale-cyan-blue",
        "vivid-cyan-blue", "vivid-purple")) + "}"]
    for _ in range(rules):
        sel = f".wp-block-{rng.choice(BLOCKS)}" + rng.choice(("", ".is-style-outline", " a", ":hover",
                                                              ".has-text-align-center", " > *", "__inner"))
        decl = ";".join(f"{rng.choice(CSS_PROPS)}:{rng.choice(CSS_VALUES)}" for _ in range(rng.randint(1, 5)))
        out.append(f"{sel}{{{decl}}}")
    return "".join(out)


def _js(rng: random.Random, statements: int) -> str:
    parts = []
    for k in range(statements):
        a, b = rng.choice(JS_WORDS), rng.choice(JS_WORDS)
        parts.append(f"var _{k:x}={a}.{b}||function(e,t){{return e&&e[{rng.randrange(99)}]!==t?"
                     f"e.{rng.choice(JS_WORDS)}(t):null}};")
    return "".join(parts)


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower().replace(" ", "-") if ch.isalnum() or ch == "-")


def _a(href: str, text: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{href}"{c}>{escape(text)}</a>'


class Theme:
    """The parts every page of the site repeats, generated once per site."""

    def __init__(self, rng: random.Random, host: str):
        self.host = host
        self.base = f"http://{host}"
        self.name = "K-Star Wire"
        self.css = _css(rng, 260)
        self.theme_css = _css(rng, 110)
        self.js = _js(rng, 45)
        self.emoji = _js(rng, 18)
        self.menu = self._menu(rng)
        self.tag_cloud = sorted({w for w in rng.sample(
            ("Aespa Ateez BTS Blackpink Enhypen Itzy IVE Le Sserafim NewJeans Seventeen Stray Kids "
             "TWICE TXT NCT Red Velvet Mamamoo Monsta X Treasure Zerobaseone Kep1er OST Comeback "
             "Debut Tour Award Drama Netflix Variety Fashion Chart Billboard Melon Concert Teaser "
             "Album Single MV Fanmeeting Festival Interview Review Dance Cover Live").split(), 30)})
        self.archives = [f"{m} {y}" for y in (2026, 2025) for m in (
            "December", "November", "October", "September", "August", "July", "June", "May", "April",
            "March", "February", "January")][1:13]

    def _menu(self, rng: random.Random) -> list[tuple[str, str, list[tuple[str, str]]]]:
        top = []
        for slug, name in CATEGORIES[:7]:
            subs = [(f"{self.base}/category/{slug}/{s.lower().replace(' ', '-')}/", s) for s in rng.sample(
                ("Exclusive", "Photos", "Videos", "Opinion", "Lists", "Quizzes", "Profiles", "Behind",
                 "Podcasts", "Guides"), rng.randint(2, 4))]
            top.append((f"{self.base}/category/{slug}/", name, subs))
        return top

    # -- pieces ----------------------------------------------------------------------------
    def head(self, title: str, url: str, extra: str = "") -> str:
        b = self.base
        sheets = "".join(
            f"<link rel='stylesheet' id='{n}-css' href='{b}/wp-content/{p}?ver=6.{v}' media='all' />\n"
            for n, p, v in (("wp-block-library", "wp-includes/css/dist/block-library/style.min.css", 7),
                            ("classic-theme-styles", "wp-includes/css/classic-themes.min.css", 7),
                            ("contact-form-7", "plugins/contact-form-7/includes/css/styles.css", 5),
                            ("newsstar-style", "themes/newsstar/style.css", 2),
                            ("newsstar-fonts", "themes/newsstar/fonts/fonts.css", 2),
                            ("dashicons", "wp-includes/css/dashicons.min.css", 7)))
        return (f'<!DOCTYPE html>\n<html lang="en-US" prefix="og: https://ogp.me/ns#">\n<head>\n'
                f'<meta charset="UTF-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<link rel=\"profile\" href=\"https://gmpg.org/xfn/11\">\n<title>{escape(title)} - {self.name}</title>\n"
                f'<meta name="robots" content="index, follow, max-image-preview:large" />\n'
                f'<link rel="canonical" href="{url}" />\n<meta property="og:locale" content="en_US" />\n'
                f'<meta property="og:site_name" content="{self.name}" />\n{extra}'
                f"<link rel='dns-prefetch' href='//fonts.googleapis.com' />\n"
                f'<link rel="alternate" type="application/rss+xml" title="{self.name} &raquo; Feed" href="{b}/feed/" />\n'
                f"<script>window._wpemojiSettings = {{\"baseUrl\":\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/\","
                f"\"ext\":\".png\",\"source\":{{\"concatemoji\":\"{b}\\/wp-includes\\/js\\/wp-emoji-release.min.js\"}}}};\n"
                f"{self.emoji}</script>\n{sheets}"
                f"<style id='global-styles-inline-css'>\n{self.css}\n</style>\n"
                f"<style id='newsstar-style-inline-css'>\n{self.theme_css}\n</style>\n"
                f"<script src='{b}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>\n"
                f'<link rel="https://api.w.org/" href="{b}/wp-json/" />\n'
                f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{b}/xmlrpc.php?rsd" />\n'
                f'<meta name="generator" content="WordPress 6.7.1" />\n</head>\n')

    def header(self) -> str:
        b = self.base
        items = []
        for k, (href, name, subs) in enumerate(self.menu):
            sub = "".join(f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category '
                          f'menu-item-{2000 + 10 * k + j}">{_a(h, n)}</li>' for j, (h, n) in enumerate(subs))
            items.append(f'<li id="menu-item-{1000 + k}" class="menu-item menu-item-type-taxonomy '
                         f'menu-item-object-category menu-item-has-children menu-item-{1000 + k}">'
                         f'{_a(href, name)}<ul class="sub-menu">{sub}</ul></li>')
        mobile = "".join(f'<li class="menu-item">{_a(h, n)}</li>' for h, n, _ in self.menu)
        social = "".join(_a(f"https://www.{s}.com/kstarwire", s.capitalize(), f"social-{s}")
                         for s in ("facebook", "x", "instagram", "youtube", "tiktok"))
        trending = "".join(_a(f"{b}/tag/{t.lower().replace(' ', '-')}/", t) for t in self.tag_cloud[:4])
        return (f'<body class="wp-singular post-template-default single single-post wp-embed-responsive">\n'
                f'<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
                f'<div id="page" class="site"><div class="top-bar"><span class="top-date">Sunday, November 30, 2026'
                f'</span><div class="trending"><span>Trending:</span>{trending}</div>'
                f'<div class="top-social">{social}</div></div>\n<header id="masthead" class="site-header">'
                f'<div class="site-branding"><a href="{b}/" rel="home" class="custom-logo-link"><img width="280" '
                f'height="60" src="{b}/wp-content/uploads/2024/01/logo.png" class="custom-logo" alt="{self.name}" '
                f'decoding="async" /></a><p class="site-description">K-pop and K-drama news, every day</p></div>'
                f'<nav id="site-navigation" class="main-navigation" aria-label="Primary"><button class="menu-toggle"'
                f' aria-controls="primary-menu" aria-expanded="false">Menu</button><ul id="primary-menu" class='
                f'"menu nav-menu">{"".join(items)}</ul></nav><nav class="mobile-navigation" aria-label="Mobile">'
                f'<ul class="mobile-menu">{mobile}</ul></nav><form role="search" method="get" class="search-form" '
                f'action="{b}/"><label><span class="screen-reader-text">Search for:</span><input type="search" '
                f'class="search-field" placeholder="Search &hellip;" value="" name="s" /></label><input '
                f'type="submit" class="search-submit" value="Search" /></form></header>\n'
                f'<div id="content" class="site-content"><div class="container">\n')

    def sidebar(self, recent: list[Any]) -> str:
        b = self.base
        rec = "".join(f"<li>{_a(p.url, p.title)}<span class=\"post-date\">{p.when:%B %-d, %Y}</span></li>"
                      for p in recent[:6])
        pop = "".join(f'<li><a href="{p.url}" class="thumb"><img src="{b}/wp-content/uploads/{p.when:%Y/%m}/'
                      f'{p.slug[:30]}-150x150.jpg" width="150" height="150" alt="" loading="lazy" /></a>'
                      f"{_a(p.url, p.title)}</li>" for p in recent[3:8])
        cats = "".join(f'<li class="cat-item">{_a(f"{b}/category/{s}/", n)} ({len(n) * 37})</li>'
                       for s, n in CATEGORIES)
        arch = "".join(f"<li>{_a(f'{b}/{a.split()[1]}/{k + 1:02d}/', a)}</li>" for k, a in enumerate(self.archives))
        cloud = "".join(f'<a href="{b}/tag/{t.lower()}/" class="tag-cloud-link" style="font-size: '
                        f'{8 + (len(t) * 7) % 14}pt;" aria-label="{t} ({len(t) * 11} items)">{t}</a>\n'
                        for t in self.tag_cloud)
        return ('<aside id="secondary" class="widget-area">'
                '<section class="widget widget_search"><form role="search" method="get" action="/">'
                '<input type="search" name="s" /></form></section>'
                f'<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{rec}</ul></section>'
                f'<section class="widget widget_popular"><h2 class="widget-title">Popular</h2><ul>{pop}</ul></section>'
                f'<section class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul>{cats}</ul></section>'
                f'<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>{arch}</ul></section>'
                f'<section class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud">'
                f"{cloud}</div></section></aside>\n")

    def footer(self) -> str:
        b = self.base
        about = ("K-Star Wire covers Korean music, drama and entertainment news with daily updates, "
                 "interviews and reviews from our team in Seoul and abroad.")
        links = "".join(f"<li>{_a(f'{b}/{s}/', n)}</li>" for s, n in (
            ("about", "About us"), ("contact", "Contact"), ("privacy-policy", "Privacy Policy"),
            ("advertise", "Advertise"), ("careers", "Careers"), ("newsletter", "Newsletter")))
        cats = "".join(f"<li>{_a(f'{b}/category/{s}/', n)}</li>" for s, n in CATEGORIES[:6])
        return (f'</div></div><footer id="colophon" class="site-footer"><div class="footer-widgets">'
                f'<section class="widget"><h2 class="widget-title">About</h2><p>{about}</p></section>'
                f'<section class="widget"><h2 class="widget-title">Sections</h2><ul>{cats}</ul></section>'
                f'<section class="widget"><h2 class="widget-title">Company</h2><ul>{links}</ul></section></div>'
                f'<div class="site-info">&copy; 2026 {_a(b + "/", self.name)}. All rights reserved. '
                f'Proudly powered by <a href="https://wordpress.org/">WordPress</a>.</div></footer></div>\n'
                f"<script id='newsstar-script-js-extra'>\nvar newsstar_vars = "
                f'{{"ajaxurl":"{b}\\/wp-admin\\/admin-ajax.php","nonce":"a1b2c3d4e5","sticky":"1"}};\n'
                f"{self.js}\n</script>\n<script src='{b}/wp-content/themes/newsstar/js/main.js?ver=2.4' "
                f"id='newsstar-script-js'></script>\n</body>\n</html>\n")


def _img(theme: Theme, p: Any, size: str, w: int, h: int, cls: str) -> str:
    src = f"{theme.base}/wp-content/uploads/{p.when:%Y/%m}/{p.slug[:40]}"
    srcset = ", ".join(f"{src}-{x}x{x * h // w}.jpg {x}w" for x in (300, 768, 1024, 1536))
    return (f'<img width="{w}" height="{h}" src="{src}-{size}.jpg" class="{cls}" alt="" decoding="async" '
            f'loading="lazy" srcset="{srcset}" sizes="(max-width: {w}px) 100vw, {w}px" />')


def _jsonld(theme: Theme, p: Any) -> str:
    b = theme.base
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": p.url + "#article", "isPartOf": {"@id": p.url},
         "author": {"name": p.author, "@id": f"{b}/#/schema/person/{zlib.crc32(p.author.encode()) % 10**8}"},
         "headline": p.title, "datePublished": p.when.isoformat(), "dateModified": p.when.isoformat(),
         "mainEntityOfPage": {"@id": p.url}, "wordCount": sum(len(t.split()) for _, t in p.paras),
         "publisher": {"@id": f"{b}/#organization"}, "keywords": p.tags,
         "articleSection": [n for _, n in p.categories], "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": p.url, "url": p.url, "name": f"{p.title} - {theme.name}",
         "isPartOf": {"@id": f"{b}/#website"}, "datePublished": p.when.isoformat(),
         "breadcrumb": {"@id": p.url + "#breadcrumb"}},
        {"@type": "BreadcrumbList", "@id": p.url + "#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": b + "/"},
            {"@type": "ListItem", "position": 2, "name": p.title}]},
        {"@type": "Organization", "@id": f"{b}/#organization", "name": theme.name, "url": b + "/",
         "logo": {"@type": "ImageObject", "url": f"{b}/wp-content/uploads/2024/01/logo.png"}}]}
    return f'<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph)}</script>\n'


def article_body(theme: Theme, p: Any, related: list[Any], prev_p: Any, next_p: Any, recent: list[Any]) -> str:
    rng = random.Random(p.seed)
    b = theme.base
    meta = (f'<meta property="og:type" content="article" />\n<meta property="og:title" content="{escape(p.title)}" />\n'
            f'<meta property="og:url" content="{p.url}" />\n<meta property="article:published_time" '
            f'content="{p.when.isoformat()}" />\n<meta name="author" content="{p.author}" />\n'
            f'<meta name="twitter:card" content="summary_large_image" />\n' + _jsonld(theme, p))
    cats = ", ".join(_a(f"{b}/category/{s}/", n) for s, n in p.categories)
    content = []
    for k, (kind, text) in enumerate(p.paras):
        if kind == "heading":
            content.append(f'<h2 class="wp-block-heading">{escape(text)}</h2>')
        elif kind == "quote" and rng.random() < 0.25:
            content.append(f'<blockquote class="wp-block-quote"><p>{escape(text)}</p></blockquote>')
        else:
            if rng.random() < 0.12 and related:
                r = rng.choice(related)
                text = escape(text) + f" (Read also: {_a(r.url, r.title)})"
            else:
                text = escape(text)
            content.append(f"<p>{text}</p>")
        if k == 2:
            content.append(f'<figure class="wp-block-image size-large">{_img(theme, p, "1024x576", 1024, 576, "wp-image-" + str(50000 + p.i))}'
                           f'<figcaption class="wp-element-caption">{escape(p.cast.groups[0])} during a performance. '
                           f"(Photo: {escape(p.cast.agency)})</figcaption></figure>")
        if k == 7:
            content.append('<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube">'
                           '<div class="wp-block-embed__wrapper"><iframe title="Official MV" width="640" height="360" '
                           f'src="https://www.youtube.com/embed/{p.slug[:11]}?feature=oembed" frameborder="0" '
                           'allowfullscreen></iframe></div></figure>')
    share = "".join(_a(f"https://{s}/share?u={p.url}", n, f"share-{n.lower()}") for s, n in (
        ("www.facebook.com", "Facebook"), ("x.com", "X"), ("www.reddit.com", "Reddit"),
        ("wa.me", "WhatsApp"), ("t.me", "Telegram"), ("pinterest.com", "Pinterest")))
    tags = "".join(_a(f"{b}/tag/{t.lower().replace(' ', '-')}/", t, "tag") for t in p.tags)
    author_slug = _slug(p.author)
    nav = ((f'<div class="nav-previous">{_a(prev_p.url, prev_p.title)}</div>' if prev_p else "")
           + (f'<div class="nav-next">{_a(next_p.url, next_p.title)}</div>' if next_p else ""))
    rel = "".join(f'<article class="related-post"><a href="{r.url}" class="related-thumb">{_img(theme, r, "300x169", 300, 169, "attachment-medium")}'
                  f'</a><h3>{_a(r.url, r.title)}</h3><span class="posted-on">{r.when:%B %-d, %Y}</span></article>'
                  for r in related)
    comments = "".join(
        f'<li id="comment-{p.i * 10 + k}" class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><img src="https://secure.gravatar.com/avatar/{k:032x}?s=60" '
        f'class="avatar" width="60" height="60" alt="" /><b class="fn">{escape(who)}</b></div>'
        f'<div class="comment-metadata"><a href="{p.url}#comment-{p.i * 10 + k}"><time>{p.when:%B %-d, %Y}</time></a></div>'
        f'</footer><div class="comment-content"><p>{"So proud of them! " * stars}Can&#8217;t wait for the next stage.</p></div>'
        f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="{p.url}?replytocom={p.i * 10 + k}#respond">'
        f"Reply</a></div></article></li>" for k, (who, stars) in enumerate(p.comments))
    crumbs = (f'<nav class="breadcrumbs">{_a(b + "/", "Home")} &raquo; '
              f'{_a(f"{b}/category/{p.categories[0][0]}/", p.categories[0][1])} &raquo; '
              f'<span class="breadcrumb_last">{escape(p.title)}</span></nav>')
    return (theme.head(p.title, p.url, meta) + theme.header() + crumbs
            + f'<main id="primary" class="site-main"><article id="post-{100000 + p.i}" class="post-{100000 + p.i} '
            f'post type-post status-publish format-standard has-post-thumbnail hentry">'
            f'<header class="entry-header"><span class="cat-links">{cats}</span><h1 class="entry-title">{escape(p.title)}</h1>'
            f'<div class="entry-meta"><span class="byline">by <span class="author vcard">'
            f'{_a(f"{b}/author/{author_slug}/", p.author, "url fn n")}</span></span> <span class="posted-on">'
            f'<time class="entry-date published" datetime="{p.when.isoformat()}">{p.when:%B %-d, %Y}</time></span> '
            f'{_a(p.url + "#comments", f"{len(p.comments)} Comments", "comments-link")}</div></header>'
            f'<div class="post-thumbnail">{_img(theme, p, "1200x675", 1200, 675, "attachment-post-thumbnail")}</div>'
            f'<div class="share-buttons top">{share}</div>'
            f'<div class="entry-content">{"".join(content)}</div>'
            f'<footer class="entry-footer"><span class="tags-links">Tags: {tags}</span>'
            f'<div class="share-buttons bottom">{share}</div></footer></article>'
            f'<div class="author-box"><img src="https://secure.gravatar.com/avatar/{p.i:032x}?s=96" width="96" alt="" />'
            f'<h4>{_a(f"{b}/author/{author_slug}/", p.author)}</h4><p>{escape(p.author)} writes about music '
            f'and television for {theme.name}.</p>{_a(f"https://x.com/{author_slug}", "Follow on X")}</div>'
            f'<nav class="navigation post-navigation" aria-label="Posts">{nav}</nav>'
            f'<section class="related-posts"><h2>You may also like</h2>{rel}</section>'
            f'<div id="comments" class="comments-area"><h2 class="comments-title">{len(p.comments)} thoughts on '
            f'&ldquo;{escape(p.title)}&rdquo;</h2><ol class="comment-list">{comments}</ol>'
            f'<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>'
            f'<form action="{b}/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">'
            f"Your email address will not be published. Required fields are marked *</p><textarea "
            f'id="comment" name="comment" cols="45" rows="8"></textarea><input name="author" type="text" />'
            f'<input name="email" type="email" /><input name="submit" type="submit" value="Post Comment" />'
            f"</form></div></div></main>" + theme.sidebar(recent) + theme.footer())


def listing_body(theme: Theme, title: str, path: str, posts: list[Any], page: int, pages: int,
                 base_path: str, recent: list[Any]) -> str:
    b = theme.base
    cards = "".join(
        f'<article class="post type-post status-publish hentry grid-item"><div class="post-thumbnail">'
        f'<a href="{p.url}">{_img(theme, p, "768x432", 768, 432, "attachment-large")}</a></div>'
        f'<div class="entry-body"><span class="cat-links">{_a(f"{b}/category/{p.categories[0][0]}/", p.categories[0][1])}</span>'
        f'<h2 class="entry-title">{_a(p.url, p.title)}</h2><div class="entry-meta">by '
        f'{_a(f"{b}/author/{_slug(p.author)}/", p.author)} &middot; '
        f'<time datetime="{p.when.isoformat()}">{p.when:%B %-d, %Y}</time></div>'
        f'<div class="entry-summary"><p>{escape(p.excerpt)}</p></div>'
        f'{_a(p.url, "Read more", "more-link")}</div></article>' for p in posts)
    nums = [1, *range(max(2, page - 2), min(pages, page + 2) + 1), pages] if pages > 1 else []
    pager = "".join(
        f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == page
        else _a(f"{b}{base_path}/" if n == 1 else f"{b}{base_path}/page/{n}/", str(n), "page-numbers")
        for n in dict.fromkeys(nums))
    if page < pages:
        pager += _a(f"{b}{base_path}/page/{page + 1}/", "Next", "next page-numbers")
    return (theme.head(title, b + path) + theme.header()
            + f'<main id="primary" class="site-main"><header class="page-header"><h1 class="page-title">{escape(title)}'
            f'</h1></header><div class="posts-grid">{cards}</div><nav class="navigation pagination">'
            f'<div class="nav-links">{pager}</div></nav></main>' + theme.sidebar(recent) + theme.footer())


def static_body(theme: Theme, title: str, path: str, rng: random.Random, recent: list[Any]) -> str:
    lines = {
        "About us": (f"{theme.name} is an independent publication about Korean entertainment, founded "
                     "by a small team of music writers.", "Our reporters cover releases, tours, dramas and "
                     "the business behind them, from Seoul and from abroad."),
        "Contact": ("Write to the editors with corrections, tips and press releases; we answer within "
                    "two working days.", "For advertising, use the form on the advertise page."),
    }.get(title, ("We use cookies to measure readership and to keep you signed in to comments.",
                  "You can ask us to delete your comments and account data at any time by email."))
    text = "".join(f"<p>{escape(s)}</p>" for s in lines if rng.random() < 0.95)
    return (theme.head(title, theme.base + path) + theme.header()
            + f'<main id="primary" class="site-main"><article class="page"><h1 class="entry-title">{escape(title)}'
            f'</h1><div class="entry-content">{text}</div></article></main>' + theme.sidebar(recent) + theme.footer())
