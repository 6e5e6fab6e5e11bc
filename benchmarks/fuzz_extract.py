"""Longer fuzz run of the extractors: many mutated pages (tests/fuzzing.py), a fresh seed each run
unless given; prints a table of exceptions by kind and the slowest pages, and saves every page
that raised or went over the budget under --save so it can be replayed.

    .venv/bin/python benchmarks/fuzz_extract.py --pages 20000 [--seed N] [--max-bytes 400000]

The CI test (tests/test_fuzz.py) runs 2,000 pages with a fixed seed; this is the long run.
Exit status 1 when a page raised or went over the budget.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import fuzzing  # noqa: E402

from newsspider.extract import Page, extract_article  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--budget", type=float, default=2.0, help="CPU seconds per page")
    ap.add_argument("--max-bytes", type=int, default=fuzzing.MAX_BYTES)
    ap.add_argument("--save", default="benchmarks/fuzz-findings", help="folder for failing pages")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 31)
    fuzzing.MAX_BYTES = args.max_bytes
    save = Path(args.save)
    errors: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    slow: list[tuple[float, int, int]] = []
    total = 0.0
    started = time.monotonic()
    for k, body, ctype in fuzzing.mutated_pages(seed, args.pages):
        t0 = time.process_time()
        failed = False
        try:
            extract_article(Page.from_bytes(body, f"https://fuzz.example/{k}", content_type=ctype))
        except Exception as exc:  # noqa: BLE001 - counted and reported
            key = f"{type(exc).__name__}: {str(exc)[:80]}"
            errors[key] += 1
            examples.setdefault(key, f"page {k}\n{traceback.format_exc(limit=-4)}")
            failed = True
        took = time.process_time() - t0
        total += took
        if took > args.budget:
            slow.append((took, k, len(body)))
            failed = True
        if failed:
            save.mkdir(parents=True, exist_ok=True)
            (save / f"seed{seed}-page{k}.html").write_bytes(body)
    wall = time.monotonic() - started
    print(f"seed {seed}: {args.pages} pages, {total:.1f} s CPU ({1000 * total / max(1, args.pages):.1f} ms/page), "
          f"{wall:.0f} s wall")
    print("\n| exceptions | pages |\n|---|---|\n" + "".join(f"| {k} | {n} |\n" for k, n in errors.most_common())
          if errors else "\nno exceptions")
    slow.sort(reverse=True)
    print(f"\npages over {args.budget} s of CPU: {len(slow)}")
    for took, k, size in slow[:10]:
        print(f"  page {k}: {took:.2f} s, {size} bytes")
    for key, ex in examples.items():
        print(f"\n{key}\n{ex}")
    return 1 if errors or slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
