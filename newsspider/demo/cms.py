"""The demo site's legacy in-house CMS layout and the syndicated partner copy."""


from __future__ import annotations

from .model import (
    BASE,
    CMS_ARCHIVE_NOTE,
    CMS_COPYRIGHT,
    PARTNER,
    PARTNER_NOTE,
    SITE_NAME,
    Article,
    Site,
    attr,
    dotted,
    esc,
    img_url,
    insta_html,
    json_ld,
    long_date,
    slugify,
    tweet_html,
    youtube_html,
)
from .wp import description

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
