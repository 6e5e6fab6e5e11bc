"""The demo site's WordPress/Yoast-like article layout and the theme's header and footer."""


from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from .model import (
    AUTHOR_BIOS,
    BASE,
    FOOTER_ABOUT,
    IMG_BASE,
    NEWSLETTER_TEXT,
    SITE_NAME,
    TAGLINE,
    Article,
    Site,
    attr,
    esc,
    img_url,
    insta_html,
    json_ld,
    long_date,
    plain,
    slugify,
    texturize,
    tweet_html,
    youtube_html,
)

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
