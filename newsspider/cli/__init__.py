"""The ``newsspider`` command line.

    newsspider demo                      crawl the bundled demo site offline -> data/articles.jsonl
    newsspider crawl SITE [-o FILE] [--since DATE] [--max N] [--reset-state]
    newsspider crawl --generic https://any.site/   any site, from its sitemaps and feeds
    newsspider merge X.parts [-o X]        the part files of a multi-worker crawl -> one file
    newsspider fetch URL                 one page, one JSON record on stdout (no state touched)
    newsspider extract FILE...|DIR|- | --manifest M.jsonl [-o OUT]
    newsspider export FILE.jsonl --to csv|parquet|sqlite|postgresql://…
    newsspider report [RUNS...] [-o report.html]   HTML report with a release calendar
    newsspider calendar [FILE...] [-o releases.ics]
    newsspider sites                     the known site profiles
    newsspider dates --base YYYY-MM-DD [FILE|-]
    newsspider evaluate pages|quotes|releases ...

Bad arguments give one line on stderr and exit status 2; never a traceback.

The commands live in the modules of this package (crawl: demo/crawl/merge; oneoff: fetch/extract;
tools: export/report/calendar/sites; parser: the arguments); each imports what it needs when it
runs, so a command's start-up pays only for its own work.
"""

from __future__ import annotations

import sys

from newsspider.cli.common import CliError, fail
from newsspider.cli.crawl import (
    cmd_crawl,
    cmd_demo,
    cmd_merge,
    finish,
    print_summary,
    project_runs_path,
)
from newsspider.cli.oneoff import (
    MAX_INPUT,
    SAVED_SUFFIXES,
    TooLargeInput,
    cmd_extract,
    cmd_fetch,
    extract_files,
    saved_pages,
)
from newsspider.cli.parser import LOG_LEVELS, build_parser, demo_delay, log_level
from newsspider.cli.parser import _use_profiles as use_profiles
from newsspider.cli.tools import (
    cmd_calendar,
    cmd_dispatch,
    cmd_export,
    cmd_report,
    cmd_sites,
    write_report,
)

__all__ = [
    "EVALUATIONS", "LOG_LEVELS", "MAX_INPUT", "SAVED_SUFFIXES", "CliError", "TooLargeInput",
    "build_parser", "cmd_calendar", "cmd_crawl", "cmd_demo", "cmd_dispatch", "cmd_export",
    "cmd_extract", "cmd_fetch", "cmd_merge", "cmd_report", "cmd_sites", "demo_delay",
    "extract_files", "fail", "finish", "log_level", "main", "print_summary", "project_runs_path",
    "saved_pages", "write_report",
]

EVALUATIONS = {
    "pages": "newsspider.evaluate.pages",
    "quotes": "newsspider.evaluate.quotes",
    "releases": "newsspider.evaluate.releases",
}


EVALUATE_HELP = """usage: newsspider evaluate {pages,quotes,releases} [options]

Score extraction on labelled data (see benchmarks/):
  pages DIR    title, date, authors and body P/R/F1 on a folder with labels.jsonl
  quotes       quotes and speakers on PolNeAR (dev, train CV), real-news, fan-news, demo fixtures
  releases     date resolution (TimeBank) and release events

newsspider evaluate WHAT --help shows the options of each."""


# one-off commands, whose start-up is a large part of their CPU: they keep the regular
# expressions they compile between runs (newsspider.regexcache; compiling ~180 patterns at every
# start was ~230 M of the ~645 M instructions of `newsspider extract FILE`)
KEEP_PATTERNS = ("extract", "fetch", "dates")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in KEEP_PATTERNS:
        return _main(argv)
    from newsspider import regexcache

    regexcache.warm(argv[0])
    try:
        return _main(argv)
    finally:
        regexcache.save(argv[0])


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] == "dates":
            return cmd_dispatch("newsspider.evaluate.datetool", argv[1:])
        if argv and argv[0] == "evaluate":
            if len(argv) >= 2 and argv[1] in ("-h", "--help"):
                print(EVALUATE_HELP)
                return 0
            if len(argv) < 2 or argv[1] not in EVALUATIONS:
                fail(f"evaluate what? one of: {', '.join(EVALUATIONS)} (see newsspider evaluate --help)")
            return cmd_dispatch(EVALUATIONS[argv[1]], argv[2:])
        args = build_parser(argv[0] if argv else None).parse_args(argv)
        use_profiles(getattr(args, "profiles", None))
        return int(args.func(args))
    except CliError as exc:
        print(f"newsspider: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsspider: interrupted", file=sys.stderr)
        return 130
