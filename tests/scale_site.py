"""A generated local news site for the scale-out tests and benchmark (invented text, small pages).

``build_site(root, n)`` writes, under the demo profile's host (so ``news -a site=demo`` crawls it
through ``NEWSSPIDER_MIRRORS``): n distinct articles, exact duplicates (the same body under
another URL), near duplicates (the first sentence rewritten), tracking-parameter variants of
article URLs in the sitemaps, a feed and a listing page. Returns the manifest: for every article
URL its duplicate group (the URL of the original article).
"""

from __future__ import annotations

import random
from pathlib import Path

HOST = "kpopdemo.example"
WORDS = ("agency album announce artist ballad band bridge broadcast camera chart choreography comeback "
         "concert contract crowd debut drama director encore episode fans festival film group hiatus "
         "idol interview label leader lyrics member melody music network premiere producer ranking "
         "record rehearsal release schedule series showcase singer single stage studio teaser ticket "
         "title tour track trainee variety venue video vocal winter spring summer autumn morning night "
         "city station bright quiet sudden final second third early late warm strong soft loud").split()
NAMES = ("Kim Minji", "Lee Haerin", "Park Jisung", "Choi Yuna", "Jung Hoseok", "Han Sora", "Yoon Dahyun")

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{url}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:00:00+09:00">
<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>
<p class="byline">By {author}</p>{paras}</article></body></html>
"""


def _sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _article(i: int, rng: random.Random, host: str = HOST) -> dict[str, object]:
    day = i % 28 + 1
    slug = f"2026/11/{day:02d}/scale-story-{i:05d}/"
    paras = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(3)]
    if i % 5 == 0:
        paras.append(f"\u201c{_sentence(rng, 10)[:-1]},\u201d said {rng.choice(NAMES)}.")
    return {"url": f"http://{host}/{slug}", "slug": slug, "date": f"2026-11-{day:02d}",
            "title": f"Scale story {i:05d}: {' '.join(rng.choice(WORDS) for _ in range(4)).title()}",
            "author": rng.choice(NAMES), "paras": paras}


def _write(site: Path, art: dict[str, object]) -> None:
    paras = "".join(f"<p>{p}</p>" for p in art["paras"])  # type: ignore[attr-defined]
    path = site / str(art["slug"]) / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(paras=paras, **{k: art[k] for k in ("url", "title", "date", "author")}),
                    encoding="utf-8")


def build_site(root: Path, n: int = 2000, exact: int = 40, near: int = 40, tracking: int = 40,
               sitemaps: int = 4, seed: int = 7, host: str = HOST) -> dict[str, str]:
    rng = random.Random(seed)
    site = root / host
    site.mkdir(parents=True, exist_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    groups: dict[str, str] = {}
    arts = [_article(i, rng, host) for i in range(n)]
    for art in arts:
        _write(site, art)
        groups[str(art["url"])] = str(art["url"])
    copies = []
    for k in range(exact + near):
        orig = arts[(k * 37 + 11) % n]
        slug = f"2026/11/{(k % 28) + 1:02d}/copy-{k:04d}/"
        copy = {**orig, "slug": slug, "url": f"http://{host}/{slug}"}
        if k >= exact:  # near duplicate: a changed first sentence
            first, rest = str(orig["paras"][0]).split(".", 1)  # type: ignore[index]
            copy["paras"] = [f"Syndicated from our partner newsroom this week{rest}",
                             *orig["paras"][1:]]  # type: ignore[index]
        _write(site, copy)
        groups[str(copy["url"])] = str(orig["url"])
        copies.append(copy)
    urls = [str(a["url"]) for a in arts + copies]
    urls += [f"{u}?utm_source=newsletter&utm_medium=email" for u in urls[:tracking]]
    rng.shuffle(urls)
    chunk = -(-len(urls) // sitemaps)
    index = []
    for s in range(sitemaps):
        entries = "".join(f"<url><loc>{u.replace('&', '&amp;')}</loc></url>" for u in urls[s * chunk:(s + 1) * chunk])
        (site / f"sitemap-{s + 1}.xml").write_text(
            f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</urlset>", encoding="utf-8")
        index.append(f"<sitemap><loc>http://{host}/sitemap-{s + 1}.xml</loc></sitemap>")
    (site / "sitemap_index.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(index) + "</sitemapindex>", encoding="utf-8")
    items = "".join(f"<item><title>{a['title']}</title><link>{a['url']}</link></item>" for a in arts[:20])
    (site / "feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>scale</title>'
                                   f"{items}</channel></rss>", encoding="utf-8")
    links = "".join(f'<li><a href="{a["url"]}">{a["title"]}</a></li>' for a in arts[20:40])
    (site / "news").mkdir(exist_ok=True)
    (site / "news" / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    return groups
