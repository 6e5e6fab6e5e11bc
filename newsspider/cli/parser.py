"""The argument parser of the `newsspider` command (one line on stderr for bad arguments)."""

from __future__ import annotations

import argparse
from typing import NoReturn

from newsspider.cli.common import CliError, fail
from newsspider.cli.crawl import cmd_crawl, cmd_demo, cmd_merge
from newsspider.cli.oneoff import MAX_INPUT, cmd_extract, cmd_fetch
from newsspider.cli.tools import cmd_calendar, cmd_export, cmd_report, cmd_sites


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(message)


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
    return level


def demo_delay(value: str) -> float:
    try:
        delay = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"takes seconds (a number), not {value!r}") from None
    if not 0 <= delay <= 60:
        raise argparse.ArgumentTypeError(f"must be between 0 and 60 seconds, not {value}")
    return delay


def _use_profiles(dirs: list[str] | None) -> None:
    if not dirs:  # (the profiles module is imported by the commands that use profiles)
        return
    from newsspider.profiles import ProfileError, set_profile_dirs

    try:
        set_profile_dirs(dirs)
    except ProfileError as exc:
        fail(str(exc))


COMMANDS = ("demo", "crawl", "merge", "fetch", "extract", "export", "report", "calendar", "sites", "dates",
            "evaluate")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only` (a command name) the same parser holding that
    command alone: it parses that command's arguments (and reports their errors) as the full one
    does, and a one-off command does not build the ten others (argparse, ~10 M instructions)."""
    from newsspider import __version__

    def wanted(name: str) -> bool:
        return only not in COMMANDS or only == name

    ap = _Parser(prog="newsspider", description="Crawl fan-news sites into deduplicated JSON Lines.")
    ap.add_argument("--version", action="version", version=f"newsspider {__version__}")
    common = _Parser(add_help=False)
    common.add_argument("--profiles", action="append", metavar="DIR", default=argparse.SUPPRESS,
                        help="also read site profiles (*.toml) from DIR (as NEWSSPIDER_PROFILES)")
    ap.add_argument("--profiles", action="append", metavar="DIR", default=[],
                    help="also read site profiles (*.toml) from DIR (as NEWSSPIDER_PROFILES)")
    # prog given: what argparse would build from a usage formatter ("newsspider"), without one
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser, prog="newsspider")

    def crawl_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", help="JSON Lines output (default data/articles.jsonl)")
        p.add_argument("--state", help="seen-store path (default data/state/seen.sqlite)")
        p.add_argument("--reset-state", action="store_true", help="forget what was exported before")
        p.add_argument("--max", type=int, help="at most N articles")
        p.add_argument("--log-level", default="WARNING", type=log_level, help="|".join(LOG_LEVELS))
        p.add_argument("--extract-workers", type=int, metavar="N",
                       help="extraction worker processes (default one per CPU; 0 = in the crawl "
                            "process; as NEWSSPIDER_EXTRACT_WORKERS)")

    def allow_private(p: argparse.ArgumentParser) -> None:
        p.add_argument("--allow-private", action="store_true",
                       help="allow requests to private, loopback and link-local addresses "
                            "(refused by default; as NEWSSPIDER_ALLOW_PRIVATE)")

    if wanted("demo"):
        p = sub.add_parser("demo", help="crawl the bundled demo site offline")
        crawl_opts(p)
        p.add_argument("--delay", type=demo_delay, default=0.0, help="slow the demo server (seconds per page, 0-60)")
        p.set_defaults(func=cmd_demo)

    if wanted("crawl"):
        p = sub.add_parser("crawl", help="crawl one site from its profile", parents=[common])
        p.add_argument("site", nargs="?", help="a site profile (see `newsspider sites`)")
        p.add_argument("--generic", metavar="URL",
                       help="crawl any site from its sitemaps and feeds with the generic extractor")
        crawl_opts(p)
        p.add_argument("--since", help="only articles published/modified since YYYY-MM-DD")
        p.add_argument("--mirror", action="append", default=[], metavar="HOST=URL",
                       help="route HOST to a local copy of the site (as NEWSSPIDER_MIRRORS)")
        p.add_argument("--workers", type=int, default=1,
                       help="N worker processes on one Redis queue (README: Scale out)")
        p.add_argument("--run", help="run id (resume an unfinished multi-worker run)")
        p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                       help="a Scrapy/newsspider setting, as in scrapy crawl -s")
        allow_private(p)
        p.set_defaults(func=cmd_crawl)

    if wanted("merge"):
        p = sub.add_parser("merge", help="merge the part files of a multi-worker crawl into one file")
        p.add_argument("parts", nargs="+", help="part files, X.parts folders, or the output X")
        p.add_argument("-o", "--output", help="merged file (default: X for X.parts)")
        p.set_defaults(func=cmd_merge)

    if wanted("fetch"):
        p = sub.add_parser("fetch", help="fetch one URL and print its record", parents=[common])
        p.add_argument("url")
        p.add_argument("--pretty", action="store_true")
        p.add_argument("--mirror", action="append", default=[], metavar="HOST=URL",
                       help="route HOST to a local server (as in NEWSSPIDER_MIRRORS)")
        p.add_argument("--log-level", default="CRITICAL", type=log_level, help="|".join(LOG_LEVELS))
        allow_private(p)
        p.set_defaults(func=cmd_fetch)

    if wanted("extract"):
        p = sub.add_parser("extract", help="extract records from saved pages (.html, .html.gz)", parents=[common])
        p.add_argument("files", nargs="*", help="saved pages, folders of them, or - for standard input")
        p.add_argument("--manifest", help='JSON Lines of {"file": ..., "url": ...}')
        p.add_argument("--url", help="the URL the FILE(s) were fetched from")
        p.add_argument("-o", "--output", help="JSON Lines output file (default, or -: stdout)")
        p.add_argument("--max-size", type=float, default=MAX_INPUT / 1024 / 1024, metavar="MB",
                       help="refuse saved pages larger than this, compressed or not (default 16)")
        p.set_defaults(func=cmd_extract)

    if wanted("export"):
        p = sub.add_parser("export", help="JSON Lines output to CSV, Parquet, SQLite or PostgreSQL")
        p.add_argument("source", help="a JSON Lines output (data/articles.jsonl)")
        p.add_argument("--to", required=True, metavar="csv|parquet|sqlite|postgresql://…",
                       help="the format, or a PostgreSQL URL (postgresql://user@host:5432/db)")
        p.add_argument("-o", "--output", help="output file (default: the source with .csv/.parquet/.sqlite)")
        p.add_argument("--schema", help="PostgreSQL schema for the tables (created if missing; default public)")
        p.set_defaults(func=cmd_export)

    if wanted("report"):
        p = sub.add_parser("report", help="one self-contained HTML page: figures, charts, a release calendar")
        p.add_argument("files", nargs="*", metavar="RUNS",
                       help="output files and/or run logs (default data/articles.jsonl data/runs.jsonl)")
        p.add_argument("-o", "--output", default="data/report.html")
        p.add_argument("--run", metavar="RUN_ID", help="only this run's records and run-log line (run_id)")
        p.set_defaults(func=cmd_report)

    if wanted("calendar"):
        p = sub.add_parser("calendar", help="the release events as an iCalendar file (.ics)")
        p.add_argument("files", nargs="*", metavar="FILE", help="output files (default data/articles.jsonl)")
        p.add_argument("-o", "--output", default="data/releases.ics")
        p.set_defaults(func=cmd_calendar)

    if wanted("sites"):
        p = sub.add_parser("sites", help="list the site profiles", parents=[common])
        p.set_defaults(func=cmd_sites)

    for name, help_ in (("dates", "date expressions in a text, resolved (JSON lines)"),
                        ("evaluate", "score extraction on labelled data: pages, quotes, releases")):
        if not wanted(name):
            continue
        p = sub.add_parser(name, help=help_, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
    return ap
