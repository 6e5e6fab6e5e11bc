"""`newsspider fetch URL` and `newsspider extract FILE...`: one-off records, no state touched."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsspider.cli.common import fail, mirrors_of


def cmd_fetch(args: argparse.Namespace) -> int:
    """One page, one record: by `newsspider.quickfetch` (no Scrapy, ~1/3 of the CPU) when the run
    is one it reproduces exactly, else by a Scrapy crawl of the `article` spider."""
    from newsspider.urls import BadURL, check_url

    try:
        url = check_url(args.url)
    except BadURL as exc:
        fail(str(exc))
    mirrors = mirrors_of(args.mirror)
    if not _lean_fetch_fits(url, mirrors, args.log_level):
        return fetch_with_scrapy(args, url)
    from newsspider.pagecheck import kind_in_words
    from newsspider.quickfetch import fetch
    from newsspider.settings import DOWNLOAD_MAXSIZE

    record, errors = fetch(url, args.allow_private, mirrors)
    if record is None:
        reason = ", ".join(kind_in_words(k, DOWNLOAD_MAXSIZE) for k in errors) or "no article extracted"
        print(f"newsspider: could not extract {url}: {reason}", file=sys.stderr)
        return 1
    _print_records([record], args.pretty)
    return 0


def _scrapy_settings_module() -> str | None:
    """The settings module Scrapy's get_project_settings would load (SCRAPY_SETTINGS_MODULE, or
    the [settings] of the scrapy.cfg files it reads), None for none."""
    env = os.environ.get("SCRAPY_SETTINGS_MODULE")
    if env:
        return env
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path("~/.config").expanduser())
    sources = [Path("/etc/scrapy.cfg"), Path(xdg) / "scrapy.cfg", Path("~/.scrapy.cfg").expanduser()]
    here = Path.cwd()
    sources += [next((d / "scrapy.cfg" for d in (here, *here.parents) if (d / "scrapy.cfg").exists()), here / "scrapy.cfg")]
    found = [str(p) for p in sources if p.is_file()]
    if not found:
        return None
    from configparser import ConfigParser

    cfg = ConfigParser()
    cfg.read(found)
    project = os.environ.get("SCRAPY_PROJECT", "default")
    return cfg.get("settings", project) if cfg.has_option("settings", project) else None


def _lean_fetch_fits(url: str, mirrors: dict[str, str], log_level: str) -> bool:
    """Whether `newsspider.quickfetch` does exactly what the Scrapy crawl would: project settings
    (no other settings module), no HTTP proxy from the environment (Scrapy's HttpProxyMiddleware
    would use it), a URL Scrapy sends as it is, no mirror for an https URL (a CONNECT tunnel),
    and no log asked for (--log-level shows Scrapy's log). NEWSSPIDER_FETCH=scrapy forces Scrapy."""
    from newsspider.quickfetch import plain_url

    if os.environ.get("NEWSSPIDER_FETCH") == "scrapy" or log_level != "CRITICAL":
        return False
    if any(k.lower().endswith("_proxy") and k.lower() != "no_proxy" and v for k, v in os.environ.items()):
        return False
    if _scrapy_settings_module() not in (None, "newsspider.settings"):
        return False
    parts = urlsplit(url)
    return plain_url(url) and not (parts.scheme == "https" and (parts.hostname or "") in mirrors)


def _print_records(records: list[dict[str, Any]], pretty: bool) -> None:
    import orjson

    for record in records:
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2 if pretty else 0).decode() + "\n")


def fetch_with_scrapy(args: argparse.Namespace, url: str) -> int:
    """`newsspider fetch` as a Scrapy crawl of the `article` spider (the path before
    `newsspider.quickfetch`, and the one the parity tests compare it with)."""
    from newsspider.runner import project_settings, run_spider

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
        NEWSSPIDER_MIRRORS=mirrors_of(args.mirror), NEWSSPIDER_ALLOW_PRIVATE=args.allow_private,
    )
    stats, crawler = run_spider("article", settings, url=url)
    records = getattr(crawler, "newsspider_collected", [])
    if not records:
        from newsspider.pagecheck import kind_in_words

        errors = {k.split("/", 2)[2]: v for k, v in stats.items() if k.startswith("newsspider/")
                  and ("/errors/" in k or "/dropped/" in k)}
        maxsize = settings.getint("DOWNLOAD_MAXSIZE")
        reason = ", ".join(kind_in_words(k, maxsize) for k in errors) or "no article extracted"
        print(f"newsspider: could not extract {url}: {reason}", file=sys.stderr)
        return 1
    _print_records(records, args.pretty)
    return 0


def _json_safe(value: Any) -> bool:
    """Whether `json.dumps(value, ensure_ascii=False, separators=(",", ":"))` writes what
    `orjson.dumps(value)` writes: str-keyed dicts, lists, str, bool, None, 64-bit ints and floats
    that both print alike (0, or 1e-4 <= |x| < 1e16; orjson writes 5e-05 as 0.00005)."""
    stack = [value]
    while stack:
        v = stack.pop()
        t = type(v)
        if t is str or t is bool or v is None:
            continue
        if t is dict:
            if not all(type(k) is str for k in v):
                return False
            stack.extend(v.values())
        elif t is list:
            stack.extend(v)
        elif t is int:
            if not -(2**63) <= v < 2**64:
                return False
        elif t is float:
            if not (v == 0 or 1e-4 <= abs(v) < 1e16):  # (NaN and infinities fail both tests)
                return False
        else:
            return False
    return True


def json_line(record: dict[str, Any]) -> bytes:
    """`orjson.dumps(record) + b"\\n"`, the same bytes, through the json module when that writes
    them alike: importing orjson (it imports uuid, platform, dataclasses) is ~12.5 M instructions,
    ~1.7% of `newsspider extract FILE`, and json is imported anyway (JSON-LD)."""
    try:
        if _json_safe(record):
            return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    except UnicodeEncodeError:  # a lone surrogate: orjson's error below
        pass
    import orjson

    return orjson.dumps(record) + b"\n"


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


def _profile_of(url: str) -> tuple[str, dict[str, Any] | None]:
    """(site name, ``page.profile``) of a page's URL. A URL without a host (a saved page given
    without --url: ``file:``, ``stdin:``) belongs to no site profile: generic, without reading the
    profiles (their module and TOML parser are ~5 ms of start-up)."""
    from newsspider.urls import host_of

    if not host_of(url):
        return "generic", None
    from newsspider.profiles import profile_for_url

    profile = profile_for_url(url)
    return profile.name, (profile.as_dict() if profile.name != "generic" else None)


def extract_files(items: Iterable[tuple[str, str | None]], base_dir: Path | None = None,
                  max_size: int = MAX_INPUT) -> Iterable[dict[str, Any]]:
    """One record per (file, url) in order; duplicates among them get `duplicate_of`."""
    from newsspider.dedup import LshIndex, signature
    from newsspider.extract import Page, extract_article
    from newsspider.extract.inputcheck import NotHTML, check_html
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
        site, profile = _profile_of(page_url)
        page = Page.from_bytes(body, page_url, fetched_at=now, profile=profile)
        try:
            record = extract_article(page, site=site)
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
            out.write(json_line(record))
    finally:
        if to_file:
            out.close()
    return 1 if failed else 0
