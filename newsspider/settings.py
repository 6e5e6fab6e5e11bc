"""Scrapy settings for newsspider (see the README for the newsspider-specific ones)."""

BOT_NAME = "newsspider"
SPIDER_MODULES = ["newsspider.spiders"]
NEWSPIDER_MODULE = "newsspider.spiders"

USER_AGENT = "newsspider/0.1 (+https://github.com/newsspider/newsspider; fan-news research crawler)"
ROBOTSTXT_OBEY = True

# Politeness and robustness
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# outputs of one callback handled at once: Scrapy starts that many asyncio tasks for every response
# (its default 100, for pages that give one item or a few requests); 16 keeps a sitemap's
# requests and a callback's items (each awaiting the extraction pool) flowing
CONCURRENT_ITEMS = 16
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DNS_TIMEOUT = 20
RETRY_ENABLED = True
RETRY_TIMES = 2
HTTPCACHE_ENABLED = False
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy's RemoteControl extension runs Python sent to a local HTTP port and leaves a token file
# per run in the user's state dir: off (it is for interactive debugging, not unattended crawls).
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"

# Every DNS answer is checked: private, loopback, link-local… addresses are refused (netguard.py).
TWISTED_DNS_RESOLVER = "newsspider.netguard.GuardedResolver"

# Tracking parameters (utm_*, fbclid…) do not make a new request.
REQUEST_FINGERPRINTER_CLASS = "newsspider.middlewares.TrackingStrippedFingerprinter"

SPIDER_MIDDLEWARES = {
    "newsspider.middlewares.SeenFilterMiddleware": 600,
}
DOWNLOADER_MIDDLEWARES = {
    # no request to internal addresses or outside the site's domains (redirects included)
    "newsspider.netguard.DestinationGuardMiddleware": 40,
    # Scrapy's redirect/retry middlewares, plus loop counting and Retry-After
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsspider.netguard.RetryAfterMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newsspider.netguard.SafeMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newsspider.netguard.SafeRedirectMiddleware": 600,
    "newsspider.middlewares.ConditionalRequestMiddleware": 560,
    "newsspider.middlewares.MirrorMiddleware": 740,
}
EXTENSIONS = {
    "newsspider.fscheck.StateCheck": -10,  # unusable output / seen-store: one error line, exit 2
    "newsspider.extensions.RunGuard": 0,
    "newsspider.extensions.FailedRunCheck": 10,
    "newsspider.progress.Progress": 20,
}
# Scale-out (newsspider/distributed): on only when NEWSSPIDER_RUN or NEWSSPIDER_REDIS_URL is set.
# Components whose setting is off (cookies, remote control, telnet, HTTP cache) are not imported
# at all (newsspider/runner.py: aiohttp, tldextract...: ~130 ms CPU of every start).
ADDONS = {"newsspider.distributed.addon.DistributedRun": 0, "newsspider.runner.DisabledComponentsAddon": 1000}
ITEM_PIPELINES = {
    "newsspider.pipelines.MetadataPipeline": 100,
    "newsspider.pipelines.BodyPipeline": 200,
    "newsspider.pipelines.QuotesPipeline": 300,
    "newsspider.pipelines.ReleasesPipeline": 400,
    "newsspider.pipelines.ValidationPipeline": 500,
    "newsspider.pipelines.DedupExportPipeline": 900,
}
# -O out.csv / FEEDS: nested fields as JSON text, not Python reprs (newsspider/feeds.py)
FEED_EXPORTERS = {"csv": "newsspider.feeds.CsvItemExporter"}

# Dropped items are counted in stats and logged once per reason by the pipelines themselves.
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"

# newsspider settings
NEWSSPIDER_OUTPUT = "data/articles.jsonl"  # JSON Lines output (append, one fsync per group); "" = none
NEWSSPIDER_STATE = "data/state/seen.sqlite"  # seen-store: SQLite path (locks/ beside it) or postgresql://…
NEWSSPIDER_COMMIT_SIZE = 100  # group commit: write+fsync+store commit every N records…
NEWSSPIDER_COMMIT_MS = 250  # …or after this many milliseconds, whichever comes first
NEWSSPIDER_RETRY_FAILED = True  # plan the articles that failed transiently in earlier runs
NEWSSPIDER_RETRY_BACKOFF = 600  # seconds before the first retry (doubled after each failure)
NEWSSPIDER_RETRY_GIVE_UP = 5  # failed runs after which an article is given up
NEWSSPIDER_RUNS = "data/runs.jsonl"  # one line per run
NEWSSPIDER_ON_CHANGE = "version"  # an exported article whose body changed: "version" | "skip"
NEWSSPIDER_SKIP_SEEN = True  # do not fetch article URLs already exported
NEWSSPIDER_STOP_AFTER_SEEN = 20  # stop walking listing pages after N consecutive known articles
NEWSSPIDER_MIRRORS: dict[str, str] = {}  # host -> "http://127.0.0.1:PORT" (local mirror as proxy)
NEWSSPIDER_PROGRESS = "auto"  # live line on a terminal, else a log line per interval; "live"|"log"|"off"
NEWSSPIDER_PROGRESS_INTERVAL = 60.0  # seconds between progress log lines (not on a terminal)
NEWSSPIDER_RUN = ""  # run id shared by the workers of one multi-process crawl (README "Scale out")
NEWSSPIDER_REDIS_URL = ""  # Redis of the fleet: site lease, shared politeness (and the run's queue)
NEWSSPIDER_ALLOW_PRIVATE = False  # allow requests to private/loopback/link-local addresses (--allow-private)
NEWSSPIDER_ALLOWED_DOMAINS: list[str] = []  # domains beyond the site's own that requests/redirects may reach
NEWSSPIDER_RETRY_AFTER_MAX = 60.0  # longest wait (seconds) honoured from a Retry-After header
# Extraction off the reactor thread (newsspider/pool.py): worker processes, None = one per CPU,
# 0 = extract in the crawl process; a page still extracting after NEWSSPIDER_EXTRACT_TIMEOUT
# seconds has its worker killed (its article is kept without the stages not done, or refused and
# retried next run when its body was not done); past NEWSSPIDER_EXTRACT_BUDGET seconds of CPU the
# optional stages (quotes, releases) of the page are skipped and counted (extract_overrun).
NEWSSPIDER_EXTRACT_WORKERS: int | None = None
NEWSSPIDER_EXTRACT_TIMEOUT = 20.0
NEWSSPIDER_EXTRACT_BUDGET = 2.0
