"""`newsspider export`, `report`, `calendar`, `sites`, and the commands run by other modules
(`dates`, `evaluate`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsspider.cli.common import fail


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
