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
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import orjson

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


class CliError(Exception):
    """A one-line user error (exit status 2)."""


def fail(message: str) -> NoReturn:
    raise CliError(message)


# -- crawl / demo ----------------------------------------------------------------------------
def _crawl(site: str, *, output: str | None, state: str | None, since: str | None,
           max_articles: int | None, reset_state: bool, mirrors: dict[str, str] | None = None,
           extra_settings: dict[str, Any] | None = None, generic_url: str | None = None,
           workers: int = 1, run: str | None = None) -> dict[str, Any]:
    from newsspider.profiles import ProfileError, UnknownSite, generic_profile, get_profile
    from newsspider.runner import project_settings, run_spider, summary
    from newsspider.spiders.news import parse_max, parse_since
    from newsspider.store import is_postgresql, local_dir, reset_store
    from newsspider.urls import BadURL, check_url

    try:
        profile = generic_profile(check_url(generic_url)) if generic_url else get_profile(site)
        if since:
            parse_since(since)
        parse_max(max_articles)
    except (UnknownSite, ValueError, BadURL, ProfileError) as exc:
        fail(str(exc))
    site = profile.name
    overrides: dict[str, Any] = dict(extra_settings or {})
    if output:
        overrides["NEWSSPIDER_OUTPUT"] = output
    if state:
        overrides["NEWSSPIDER_STATE"] = state
    if mirrors:
        overrides["NEWSSPIDER_MIRRORS"] = mirrors
    settings = project_settings(**overrides)
    _check_mirrored(profile, settings.getdict("NEWSSPIDER_MIRRORS"))
    from newsspider.fscheck import output_problem, state_problem

    # a device (-o /dev/full), a FIFO, a directory, or an unwritable folder is refused before
    # anything starts (the writer checks again when it opens: exporters.check_output_path)
    problem = output_problem(settings["NEWSSPIDER_OUTPUT"]) if settings.get("NEWSSPIDER_OUTPUT") else None
    if problem:
        fail(problem)
    state = str(settings["NEWSSPIDER_STATE"])
    shown = state if is_postgresql(state) else str(Path(state).resolve())
    if reset_state:
        _check_not_running(site, local_dir(state))
        reset_store(state)
        print(f"seen-store reset: {shown}", file=sys.stderr)
        moved = _move_aside(Path(settings["NEWSSPIDER_OUTPUT"]))
        if moved:
            print(f"old output moved aside: {moved.resolve()}", file=sys.stderr)
        moved = _move_aside(Path(settings["NEWSSPIDER_OUTPUT"] + ".parts"))
        if moved:
            print(f"old worker parts moved aside: {moved.resolve()}", file=sys.stderr)
    problem = None if is_postgresql(state) else state_problem(state)
    if problem:
        fail(problem)
    print(f"seen-store: {shown}", file=sys.stderr)
    args: dict[str, Any] = {"url": generic_url} if generic_url else {"site": site}
    if since:
        args["since"] = since
    if max_articles:
        args["max_articles"] = max_articles
    if workers > 1 or run:
        return _crawl_workers(site, workers, run, args, overrides, settings)
    stats, _ = run_spider("news", settings, **args)
    result = summary(stats)
    result["output"] = str(Path(settings["NEWSSPIDER_OUTPUT"]).resolve())
    result["state"] = shown
    return result


def _check_mirrored(profile: Any, mirrors: dict[str, str]) -> None:
    """Hosts that exist only on a bundled local server (``*.example``) cannot be crawled without
    it: say how to start it instead of failing on every request."""
    offline = [d for d in profile.domains if d.endswith(".example")]
    if offline and not any(d in mirrors for d in offline):
        host = offline[0]
        fail(f"{host} exists only on the bundled demo server: run `newsspider demo`, or start the "
             f"server (`python -m newsspider.demo.server --port 8123 &`) and add "
             f"`--mirror {host}=http://127.0.0.1:8123`")


def _crawl_workers(site: str, workers: int, run: str | None, args: dict[str, Any],
                   overrides: dict[str, Any], settings: Any) -> dict[str, Any]:
    """--workers N: N processes on one run (newsspider.distributed), then the merge of their parts."""
    from newsspider.distributed.launch import new_run_id, run_workers
    from newsspider.distributed.merge import find_parts, merge

    output = Path(settings["NEWSSPIDER_OUTPUT"])
    if output.is_file() and output.stat().st_size and not Path(str(output) + ".parts").is_dir():
        fail(f"{output} holds records of single-process crawls (already in the seen-store, so the workers "
             "would skip them and the merge would drop them): give the multi-worker crawl its own -o")
    run = run or new_run_id(site)
    print(f"run {run}: {workers} workers", file=sys.stderr)
    result = run_workers(workers, args, {**overrides, "NEWSSPIDER_RUN": run})
    merged = merge(find_parts([output]), output)
    state = str(settings["NEWSSPIDER_STATE"])
    result.update(output=str(output.resolve()), state=state if "://" in state else str(Path(state).resolve()),
                  run=run, merged_records=merged.records)
    return result


def _check_not_running(site: str, state_dir: Path) -> None:
    """Never reset the state or move the output of a crawl that is running."""
    from newsspider.extensions import SiteLock

    lock = SiteLock(state_dir / "locks" / f"{site}.lock")
    if not lock.acquire():
        fail(f"another crawl of site {site!r} is running (pid {lock.holder()}); not resetting its state")
    lock.release()


def _move_aside(output: Path) -> Path | None:
    """After a reset the old output must not be read back into the fresh seen-store (crash
    recovery would re-register every record, and the run would write nothing): rename it to
    ``<name>.<UTC timestamp>.bak`` so the new run starts a new file (also a folder of worker parts)."""
    if not (output.is_dir() or (output.is_file() and output.stat().st_size > 0)):
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = output.with_name(f"{output.name}.{stamp}.bak")
    n = 1
    while target.exists():
        target = output.with_name(f"{output.name}.{stamp}-{n}.bak")
        n += 1
    output.rename(target)
    return target


def print_summary(result: dict[str, Any]) -> None:
    lines = [
        ("articles written", result["articles_new"] + result["articles_updated"]),
        ("  of which updated", result["articles_updated"]),
        ("duplicates dropped", result["duplicates_dropped"]),
        ("known articles skipped", result["known_skipped"]),
        ("quotes found", result["quotes"]),
        ("releases found", result["releases"]),
        ("pages fetched", result["pages_fetched"]),
        ("invalid pages dropped", sum(result["invalid_dropped"].values())),
        ("errors", ", ".join(f"{k}={v}" for k, v in sorted(result["errors"].items())) or 0),
        ("finish reason", result["finish_reason"]),
        ("output", result["output"]),
        ("seen-store", result["state"]),
    ]
    if result.get("run"):
        lines[-2:-2] = [("run", f"{result['run']} ({result['workers']} workers, parts merged: "
                                f"{result['merged_records']} records)")]
    if result.get("output_repaired_bytes"):
        lines.insert(-2, ("output repaired", f"dropped a partial last line of {result['output_repaired_bytes']} "
                                             "bytes left by an interrupted run"))
    width = max(len(k) for k, _ in lines)
    print("\n".join(f"{k:<{width}}  {v}" for k, v in lines))


def cmd_demo(args: argparse.Namespace) -> int:
    from newsspider.demo.server import DemoServer

    with DemoServer(delay=args.delay) as server:
        print(f"demo site served at {server.base_url} ({', '.join(server.hosts)})", file=sys.stderr)
        result = _crawl("demo", output=args.output, state=args.state, since=None,
                        max_articles=args.max, reset_state=args.reset_state, mirrors=server.mirrors,
                        extra_settings={"AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": args.log_level,
                                        **_extract_workers(args)})
    status = finish(result)
    if result["finish_reason"] != "already_running":
        runs = Path(project_runs_path())
        report = write_report([result["output"], *([str(runs)] if runs.is_file() else [])],
                              Path(result["output"]).parent / "report.html")
        print(f"report: {report.resolve()}")
    return status


def _extract_workers(args: argparse.Namespace) -> dict[str, Any]:
    n = getattr(args, "extract_workers", None)
    if n is None:
        return {}
    if n < 0:
        fail("--extract-workers must be 0 or more")
    return {"NEWSSPIDER_EXTRACT_WORKERS": n}


def project_runs_path() -> str:
    from newsspider.runner import project_settings

    return str(project_settings()["NEWSSPIDER_RUNS"])


def finish(result: dict[str, Any]) -> int:
    """Print the run summary; exit 0 only for a run that finished normally."""
    if result["finish_reason"] == "already_running":
        print("newsspider: another crawl of this site is running; this one did nothing", file=sys.stderr)
        return 3
    print_summary(result)
    return 0 if result["finish_reason"] == "finished" else 1


def cmd_crawl(args: argparse.Namespace) -> int:
    if bool(args.site) == bool(args.generic):
        from newsspider.spiders.news import no_site_message

        fail("give a SITE or --generic URL, not both" if args.site else
             no_site_message().replace("-a site=NAME", "a SITE").replace("-a url=", "--generic "))
    if args.workers < 1:
        fail("--workers must be at least 1")
    extra: dict[str, Any] = {"LOG_LEVEL": args.log_level, **_extract_workers(args)}
    if args.allow_private:
        extra["NEWSSPIDER_ALLOW_PRIVATE"] = True
    for value in args.set:
        key, sep, val = value.partition("=")
        if not sep or not key:
            fail(f"-s takes NAME=VALUE, not {value!r}")
        extra[key] = val
    result = _crawl(args.site or "", output=args.output, state=args.state, since=args.since,
                    max_articles=args.max, reset_state=args.reset_state, generic_url=args.generic,
                    mirrors=_mirrors(args.mirror), extra_settings=extra,
                    workers=args.workers, run=args.run)
    return finish(result)


def cmd_merge(args: argparse.Namespace) -> int:
    from newsspider.distributed.merge import default_output, find_parts, merge

    parts = find_parts(args.parts)
    if not parts:
        fail(f"no part files in {' '.join(args.parts)}")
    output = args.output or default_output(args.parts)
    if output is None:
        fail("give -o FILE (the merged output)")
    result = merge(parts, output)
    print(f"merged {result.records} records from {result.parts} parts into {result.output.resolve()}"
          f" ({result.duplicates} duplicates dropped, {result.partial_lines} partial lines skipped)")
    return 0


# -- one-off -------------------------------------------------------------------------------
def cmd_fetch(args: argparse.Namespace) -> int:
    from newsspider.runner import project_settings, run_spider
    from newsspider.urls import BadURL, check_url

    try:
        url = check_url(args.url)
    except BadURL as exc:
        fail(str(exc))
    pipelines = {k: v for k, v in project_settings()["ITEM_PIPELINES"].items()}
    pipelines.pop("newsspider.pipelines.DedupExportPipeline", None)
    pipelines["newsspider.pipelines.CollectPipeline"] = 900
    settings = project_settings(
        ITEM_PIPELINES=pipelines, NEWSSPIDER_SKIP_SEEN=False, NEWSSPIDER_STATE="",
        EXTENSIONS={"newsspider.extensions.RunGuard": None},
        DOWNLOADER_MIDDLEWARES={**project_settings().getdict("DOWNLOADER_MIDDLEWARES"),
                                "newsspider.middlewares.ConditionalRequestMiddleware": None},
        LOG_LEVEL=args.log_level, AUTOTHROTTLE_ENABLED=False, RETRY_TIMES=1,
        NEWSSPIDER_EXTRACT_WORKERS=0,  # one page: no worker processes to start (start-up time)
        NEWSSPIDER_MIRRORS=_mirrors(args.mirror), NEWSSPIDER_ALLOW_PRIVATE=args.allow_private,
    )
    stats, crawler = run_spider("article", settings, url=url)
    records = getattr(crawler, "newsspider_collected", [])
    if not records:
        from newsspider.spiders.base import kind_in_words

        errors = {k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("newsspider/")
                  and ("/errors/" in k or "/dropped/" in k)}
        maxsize = settings.getint("DOWNLOAD_MAXSIZE")
        reason = ", ".join(kind_in_words(k, maxsize) for k in errors) or "no article extracted"
        print(f"newsspider: could not extract {url}: {reason}", file=sys.stderr)
        return 1
    for record in records:
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2 if args.pretty else 0).decode() + "\n")
    return 0


def _mirrors(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        host, sep, url = value.partition("=")
        if not sep or not url.startswith("http://"):
            fail(f"--mirror takes HOST=http://127.0.0.1:PORT, not {value!r}")
        out[host.strip().lower()] = url.strip()
    return out


MAX_INPUT = 16 * 1024 * 1024  # as DOWNLOAD_MAXSIZE: a saved page larger than a crawl would fetch


class TooLargeInput(ValueError):
    pass


def _read_saved(path: Path, max_size: int = MAX_INPUT) -> bytes:
    """A saved page's bytes (gunzipped), refusing more than `max_size` bytes before reading or
    decompressing them (a 20 MB page took 473 MB and 12 s; a gzip bomb would take all memory)."""
    size = path.stat().st_size
    if size > max_size:
        raise TooLargeInput(f"{path} is {size / 2**20:.1f} MB, over the {max_size / 2**20:g} MB input cap (--max-size)")
    with path.open("rb") as fh:
        data = fh.read(max_size + 1)
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        from newsspider.discovery import TooLarge, gunzip_capped  # (imports email.utils: only here)

        try:
            data = gunzip_capped(data, max_size)
        except TooLarge:
            raise TooLargeInput(f"{path} decompresses to more than the {max_size / 2**20:g} MB input cap "
                                "(--max-size)") from None
    return data


def _read_stdin(max_size: int = MAX_INPUT) -> bytes:
    data = sys.stdin.buffer.read(max_size + 1)
    if len(data) > max_size:
        raise TooLargeInput(f"standard input is over the {max_size / 2**20:g} MB input cap (--max-size)")
    return data


def extract_files(items: Iterable[tuple[str, str | None]], base_dir: Path | None = None,
                  max_size: int = MAX_INPUT) -> Iterable[dict[str, Any]]:
    """One record per (file, url) in order; duplicates among them get `duplicate_of`."""
    from newsspider.dedup import LshIndex, signature
    from newsspider.extract import Page, extract_article
    from newsspider.extract.inputcheck import NotHTML, check_html
    from newsspider.profiles import profile_for_url
    from newsspider.provenance import new_run_id

    # the first record of each canonical URL / body hash, and an LSH index of signatures:
    # linear in the number of pages (each lookup bounded), where comparing every pair was not
    canonicals: dict[str, str] = {}
    bodies: dict[str, str] = {}
    near = LshIndex()
    now = datetime.now(UTC)
    run_id = new_run_id()
    for file, url in items:
        path = Path(file)
        if base_dir is not None and not path.is_absolute():
            path = base_dir / path
        try:
            body = _read_stdin(max_size) if file == "-" else _read_saved(path, max_size)
            check_html(body)
        except TooLargeInput as exc:
            yield {"source_file": file, "error": str(exc)}
            continue
        except (OSError, EOFError) as exc:
            yield {"source_file": file, "error": f"cannot read {file}: {exc.__class__.__name__}: {exc}"}
            continue
        except NotHTML as exc:
            yield {"source_file": file, "error": f"{'stdin' if file == '-' else file}: {exc}"}
            continue
        page_url = url or ("stdin:" if file == "-" else path.resolve().as_uri())
        profile = profile_for_url(page_url)
        page = Page.from_bytes(body, page_url, fetched_at=now,
                               profile=profile.as_dict() if profile.name != "generic" else None)
        try:
            record = extract_article(page, site=profile.name)
        except Exception as exc:  # noqa: BLE001 - one bad page never stops the batch
            yield {"source_file": file, "error": f"extraction failed: {exc.__class__.__name__}: {exc}"}
            continue
        sig = signature(record.get("body") or "")
        key = record.get("url_key") or record["canonical_url"]
        first = canonicals.get(key) or bodies.get(record["content_hash"]) or near.query(sig)
        if first is not None:
            record["duplicate_of"] = first
        else:
            canonicals[key] = record["canonical_url"]
            bodies.setdefault(record["content_hash"], record["canonical_url"])
            near.add(record["canonical_url"], sig)
        record["source_file"] = file
        record["run_id"] = run_id
        yield record


SAVED_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")


def saved_pages(folder: Path) -> list[Path]:
    """Saved pages under a folder (recursively), in name order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(SAVED_SUFFIXES))


def cmd_extract(args: argparse.Namespace) -> int:
    items: list[tuple[str, str | None]] = []
    base_dir = None
    if args.manifest:
        mpath = Path(args.manifest)
        if not mpath.is_file():
            fail(f"no such manifest: {args.manifest}")
        base_dir = mpath.parent
        for n, line in enumerate(mpath.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                items.append((str(entry["file"]), entry.get("url")))
            except (ValueError, KeyError, TypeError):
                fail(f"{args.manifest}:{n}: expected a JSON object with \"file\" (and \"url\")")
    if args.files.count("-") > 1:
        fail("- (standard input) can be given once")
    for f in args.files:
        if f == "-":
            items.append((f, args.url))
        elif Path(f).is_dir():
            pages = saved_pages(Path(f))
            if not pages:
                fail(f"no saved pages (.html, .htm, .html.gz) in {f}")
            items.extend((str(p), None) for p in pages)
        elif Path(f).is_file():
            items.append((f, args.url))
        else:
            fail(f"no such file: {f}")
    if not items:
        fail("give saved pages (FILE ...) or --manifest M.jsonl")
    to_file = bool(args.output) and args.output != "-"
    if to_file:
        from newsspider.fscheck import output_problem

        problem = output_problem(args.output)
        if problem:
            fail(problem)
    if args.max_size <= 0:
        fail("--max-size must be a positive number of megabytes")
    out = open(args.output, "wb") if to_file else sys.stdout.buffer
    failed = 0
    try:
        for record in extract_files(items, base_dir, int(args.max_size * 1024 * 1024)):
            if "error" in record:  # one line on stderr; the other inputs go on
                failed += 1
                print(f"newsspider: {record['error']}", file=sys.stderr)
            out.write(orjson.dumps(record) + b"\n")
    finally:
        if to_file:
            out.close()
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from newsspider.export import ExportError, export

    try:
        print(export(Path(args.source), args.to, Path(args.output) if args.output else None, args.schema))
    except ExportError as exc:
        fail(str(exc))
    return 0


def _report_inputs(files: list[str]) -> Any:
    from newsspider.report.data import ReportError, load

    paths = [Path(f) for f in files] or [p for p in (Path("data/articles.jsonl"), Path("data/runs.jsonl"))
                                         if p.is_file()]
    if not paths:
        fail("give output files / run logs (default data/articles.jsonl and data/runs.jsonl: not found)")
    try:
        return load(paths)
    except ReportError as exc:
        fail(str(exc))


def write_report(files: list[str], output: Path, run_id: str | None = None) -> Path:
    from newsspider.report.data import ReportError, only_run
    from newsspider.report.page import render

    inputs = _report_inputs(files)
    if run_id:
        try:
            inputs = only_run(inputs, run_id)
        except ReportError as exc:
            fail(str(exc))
    html = render(inputs)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(output)
    return output


def cmd_report(args: argparse.Namespace) -> int:
    out = write_report(args.files, Path(args.output), args.run)
    print(f"report: {out.resolve()}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from newsspider.report.ics import build_calendar

    inputs = _report_inputs(args.files)
    data, written, skipped = build_calendar(inputs.records)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    note = f" ({skipped} known only to the month left out)" if skipped else ""
    print(f"{written} release events written to {out.resolve()}{note}")
    return 0


def cmd_sites(args: argparse.Namespace) -> int:
    from newsspider.profiles import all_profiles

    for p in all_profiles().values():
        flag = "" if p.verified else "  (profile not yet verified on live pages)"
        print(f"{p.name:<10}  {', '.join(p.domains):<22}  {p.label}{flag}")
    return 0


def cmd_dispatch(module: str, argv: list[str]) -> int:
    import importlib

    mod = importlib.import_module(module)
    return int(mod.main(argv) or 0)


# -- parser --------------------------------------------------------------------------------
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
    from newsspider.profiles import ProfileError, set_profile_dirs

    if dirs:
        try:
            set_profile_dirs(dirs)
        except ProfileError as exc:
            fail(str(exc))


def build_parser() -> argparse.ArgumentParser:
    from newsspider import __version__

    ap = _Parser(prog="newsspider", description="Crawl fan-news sites into deduplicated JSON Lines.")
    ap.add_argument("--version", action="version", version=f"newsspider {__version__}")
    common = _Parser(add_help=False)
    common.add_argument("--profiles", action="append", metavar="DIR", default=argparse.SUPPRESS,
                        help="also read site profiles (*.toml) from DIR (as NEWSSPIDER_PROFILES)")
    ap.add_argument("--profiles", action="append", metavar="DIR", default=[],
                    help="also read site profiles (*.toml) from DIR (as NEWSSPIDER_PROFILES)")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)

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

    p = sub.add_parser("demo", help="crawl the bundled demo site offline")
    crawl_opts(p)
    p.add_argument("--delay", type=demo_delay, default=0.0, help="slow the demo server (seconds per page, 0-60)")
    p.set_defaults(func=cmd_demo)

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

    p = sub.add_parser("merge", help="merge the part files of a multi-worker crawl into one file")
    p.add_argument("parts", nargs="+", help="part files, X.parts folders, or the output X")
    p.add_argument("-o", "--output", help="merged file (default: X for X.parts)")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("fetch", help="fetch one URL and print its record", parents=[common])
    p.add_argument("url")
    p.add_argument("--pretty", action="store_true")
    p.add_argument("--mirror", action="append", default=[], metavar="HOST=URL",
                   help="route HOST to a local server (as in NEWSSPIDER_MIRRORS)")
    p.add_argument("--log-level", default="CRITICAL", type=log_level, help="|".join(LOG_LEVELS))
    allow_private(p)
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("extract", help="extract records from saved pages (.html, .html.gz)", parents=[common])
    p.add_argument("files", nargs="*", help="saved pages, folders of them, or - for standard input")
    p.add_argument("--manifest", help='JSON Lines of {"file": ..., "url": ...}')
    p.add_argument("--url", help="the URL the FILE(s) were fetched from")
    p.add_argument("-o", "--output", help="JSON Lines output file (default, or -: stdout)")
    p.add_argument("--max-size", type=float, default=MAX_INPUT / 1024 / 1024, metavar="MB",
                   help="refuse saved pages larger than this, compressed or not (default 16)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("export", help="JSON Lines output to CSV, Parquet, SQLite or PostgreSQL")
    p.add_argument("source", help="a JSON Lines output (data/articles.jsonl)")
    p.add_argument("--to", required=True, metavar="csv|parquet|sqlite|postgresql://…",
                   help="the format, or a PostgreSQL URL (postgresql://user@host:5432/db)")
    p.add_argument("-o", "--output", help="output file (default: the source with .csv/.parquet/.sqlite)")
    p.add_argument("--schema", help="PostgreSQL schema for the tables (created if missing; default public)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="one self-contained HTML page: figures, charts, a release calendar")
    p.add_argument("files", nargs="*", metavar="RUNS",
                   help="output files and/or run logs (default data/articles.jsonl data/runs.jsonl)")
    p.add_argument("-o", "--output", default="data/report.html")
    p.add_argument("--run", metavar="RUN_ID", help="only this run's records and run-log line (run_id)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("calendar", help="the release events as an iCalendar file (.ics)")
    p.add_argument("files", nargs="*", metavar="FILE", help="output files (default data/articles.jsonl)")
    p.add_argument("-o", "--output", default="data/releases.ics")
    p.set_defaults(func=cmd_calendar)

    p = sub.add_parser("sites", help="list the site profiles", parents=[common])
    p.set_defaults(func=cmd_sites)

    for name, help_ in (("dates", "date expressions in a text, resolved (JSON lines)"),
                        ("evaluate", "score extraction on labelled data: pages, quotes, releases")):
        p = sub.add_parser(name, help=help_, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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
        args = build_parser().parse_args(argv)
        _use_profiles(getattr(args, "profiles", None))
        return int(args.func(args))
    except CliError as exc:
        print(f"newsspider: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsspider: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
