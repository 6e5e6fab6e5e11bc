"""`newsspider demo`, `crawl`, `merge`: crawls in this process or with worker processes."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsspider.cli.common import fail, mirrors_of
from newsspider.cli.tools import write_report


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
                    mirrors=mirrors_of(args.mirror), extra_settings=extra,
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
