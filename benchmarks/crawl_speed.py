"""Crawl throughput: newsspider (full extraction + dedup + fsync'd export) vs a bare Scrapy
CrawlSpider (LinkExtractor on every page, title only) and the same CrawlSpider running
trafilatura (metadata + main text, JSON) on every article, on the same local site.
Needs the `bench` extra (trafilatura).

    .venv/bin/python benchmarks/crawl_speed.py [--articles 400] [--runs 3]

The site is the demo site's article pages copied under many URLs (a sitemap and paginated
listing pages link them all), served on 127.0.0.1 by newsspider's demo server. Each crawl runs
in its own process; the table gives wall time, pages per second and CPU seconds of the crawl
process (median of --runs). A second table times the scheduled case: the same newsspider command
run again on the unchanged site (seen-store, conditional requests and the listing stop at work).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsspider.demo.server import SITE_DIR, DemoServer  # noqa: E402

HOST = "kpopdemo.example"

BARE_SPIDER = '''
import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

class Bare(CrawlSpider):
    name = "bare"
    start_urls = ["http://kpopdemo.example/news/"]
    rules = [
        Rule(LinkExtractor(allow=r"/bench-\\d+/"), callback="parse_item"),
        Rule(LinkExtractor(allow=r"/news/page/\\d+/")),
    ]

    def parse_item(self, response):
        if EXTRACT:
            import trafilatura
            yield {"url": response.url, "record": trafilatura.extract(
                response.text, url=response.url, with_metadata=True, output_format="json")}
        else:
            yield {"url": response.url, "title": response.css("title::text").get()}
'''


def _vary(text: str, i: int) -> str:
    """A distinct text per copy (every fourth word tagged), so no copy is a near-duplicate."""
    words = text.split(" ")
    return " ".join(f"{w}{i}" if k % 4 == 1 else w for k, w in enumerate(words))


def build_site(root: Path, n: int) -> int:
    """Copy demo article pages under new article URLs, with listings and a sitemap."""
    site = root / HOST
    shutil.copytree(SITE_DIR / HOST, site)
    sources = sorted(p for p in (SITE_DIR / HOST).glob("20*/*/*/*/index.html"))
    urls = []
    for i in range(n):
        src = sources[i % len(sources)].read_text(encoding="utf-8")
        slug = f"2026/12/{i % 28 + 1:02d}/bench-{i:05d}/"  # the demo profile's article-URL shape
        url = f"http://{HOST}/{slug}"
        # a distinct canonical URL and body per copy, so nothing is deduplicated away
        html = re.sub(r'rel="canonical" href="[^"]*"', f'rel="canonical" href="{url}"', src)
        # every longer text node (paragraphs, JSON-LD articleBody, captions) varied per copy
        html = re.sub(r">([^<]{40,})<", lambda m, i=i: ">" + _vary(m.group(1), i) + "<", html)
        (site / slug).mkdir(parents=True, exist_ok=True)
        (site / slug / "index.html").write_text(html, encoding="utf-8")
        urls.append(url)
    per_page = 10
    pages = [urls[i : i + per_page] for i in range(0, len(urls), per_page)]
    for k, chunk in enumerate(pages, 1):
        path = site / "news" / ("" if k == 1 else f"page/{k}/")
        path.mkdir(parents=True, exist_ok=True)
        nxt = f'<a rel="next" href="http://{HOST}/news/page/{k + 1}/">Next</a>' if k < len(pages) else ""
        items = "".join(f'<li><a href="{u}">Story {u}</a></li>' for u in chunk)
        (path / "index.html").write_text(f"<html><body><ul>{items}</ul>{nxt}</body></html>", encoding="utf-8")
    sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    (site / "sitemap_index.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>',
        encoding="utf-8")
    (site / "feed.xml").unlink()
    return len(pages)


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsspider-bench-"))
    listing_pages = build_site(tmp / "site", args.articles)
    common = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=16",
              "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING",
              "-s", "ROBOTSTXT_OBEY=False"]
    (tmp / "bare.py").write_text("EXTRACT = False\n" + BARE_SPIDER, encoding="utf-8")
    (tmp / "traf.py").write_text("EXTRACT = True\n" + BARE_SPIDER, encoding="utf-8")
    results: dict[str, list[tuple[float, float]]] = {
        "bare Scrapy CrawlSpider": [], "CrawlSpider + trafilatura": [], "newsspider news": []}
    rerun: list[tuple[float, float]] = []
    with DemoServer(tmp / "site") as srv:
        mirrors = json.dumps(srv.mirrors)
        for r in range(args.runs):
            for name, script in (("bare Scrapy CrawlSpider", "bare.py"), ("CrawlSpider + trafilatura", "traf.py")):
                out = tmp / f"{script}{r}.jsonl"
                results[name].append(run(
                    [sys.executable, "-m", "scrapy", "runspider", str(tmp / script), "-o", str(out),
                     "-s", f"NEWSSPIDER_MIRRORS={mirrors}",
                     "-s", 'DOWNLOADER_MIDDLEWARES={"newsspider.middlewares.MirrorMiddleware": 740}',
                     *common], tmp))
            state = tmp / f"state{r}"
            results["newsspider news"].append(run(
                [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=demo",
                 "-s", f"NEWSSPIDER_OUTPUT={state / 'a.jsonl'}", "-s", f"NEWSSPIDER_STATE={state / 's.sqlite'}",
                 "-s", f"NEWSSPIDER_RUNS={state / 'runs.jsonl'}", "-s", f"NEWSSPIDER_MIRRORS={mirrors}",
                 "-s", "NEWSSPIDER_STOP_AFTER_SEEN=0", *common], REPO))
            written = sum(1 for _ in (state / "a.jsonl").open())
            bare_items = sum(1 for _ in (tmp / f"bare.py{r}.jsonl").open())
            # the scheduled case: the same command again, nothing new on the site
            rerun.append(run(
                [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=demo",
                 "-s", f"NEWSSPIDER_OUTPUT={state / 'a.jsonl'}", "-s", f"NEWSSPIDER_STATE={state / 's.sqlite'}",
                 "-s", f"NEWSSPIDER_RUNS={state / 'runs.jsonl'}", "-s", f"NEWSSPIDER_MIRRORS={mirrors}",
                 *common], REPO))
            last = json.loads((state / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])
            rerun_fetched, rerun_new = last["pages_fetched"], last["articles_new"]
    shutil.rmtree(tmp, ignore_errors=True)
    pages = args.articles + listing_pages
    print(f"site: {args.articles} article pages + {listing_pages} listing pages; "
          f"newsspider wrote {written} records, bare Scrapy {bare_items} items; median of {args.runs} runs")
    print(f"{'crawler':<26} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'CPU ms/page':>12}")
    for name, rows in results.items():
        wall = statistics.median(w for w, _ in rows)
        cpu = statistics.median(c for _, c in rows)
        print(f"{name:<26} {wall:7.2f} {pages / wall:8.1f} {cpu:7.2f} {1000 * cpu / pages:12.1f}")
    wall = statistics.median(w for w, _ in rerun)
    cpu = statistics.median(c for _, c in rerun)
    print("\nscheduled re-run, nothing new on the site (bare Scrapy keeps no state: it repeats its full crawl)")
    print(f"{'crawler':<26} {'wall s':>7} {'fetched':>8} {'CPU s':>7} {'new records':>12}")
    print(f"{'newsspider news, 2nd run':<26} {wall:7.2f} {rerun_fetched:8d} {cpu:7.2f} {rerun_new:12d}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    raise SystemExit(main())
