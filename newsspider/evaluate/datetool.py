"""`newsspider dates --base YYYY-MM-DD [FILE | -]`: list the date expressions in a plain text.

Prints one JSON object per expression found, in order:
`{"start", "end", "text", "value", "precision", "time"}` where start/end are character offsets
into the input, value is "YYYY-MM-DD" (precision "day") or "YYYY-MM" (precision "month"),
resolved against the base date, and time is "HH:MM+hh:mm" / "HH:MM" when stated, else null.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from newsspider.extract.dates import find_dates


def _base(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="newsspider dates",
        description="Print every date expression of a plain text, resolved against a base date, as JSON lines.",
    )
    ap.add_argument(
        "--base",
        type=_base,
        default=None,
        help="base (publication) date YYYY-MM-DD; default: today",
    )
    ap.add_argument(
        "file", nargs="?", default="-", help="text file to read, '-' for stdin (default)"
    )
    args = ap.parse_args(argv)
    base = args.base or dt.date.today()
    if args.file == "-":
        # decode the raw bytes ourselves: text-mode stdin would translate \r\n and shift offsets
        text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:
        try:
            with open(args.file, encoding="utf-8", errors="replace", newline="") as fh:
                text = fh.read()
        except OSError as exc:
            print(f"newsspider dates: {exc}", file=sys.stderr)
            return 2
    for item in find_dates(text, base):
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
