"""Extraction CPU per page, newsspider next to trafilatura, and start-up time of the CLIs.

    .venv/bin/python benchmarks/extract_speed.py [SET ...] [--reps 5] [--stages] [--startup]
    .venv/bin/python benchmarks/extract_speed.py --profile [SET]       cProfile of ours, top 40
    .venv/bin/python benchmarks/extract_speed.py --dump OUT.jsonl [SET ...]  records, for diffs
    .venv/bin/python benchmarks/extract_speed.py --against DIR [--against DIR2] [SET ...]  before/after
    .venv/bin/python benchmarks/extract_speed.py --callgrind [--limit 60] [SET ...]  + instructions

SET is a folder with a ``labels.jsonl`` (``file``, ``url``) or one of the names ``news-pages``,
``real-news``, ``fan-news`` (under ../shared/dev), ``demo`` (the bundled demo site's pages) and
``realistic[:N]`` (the N articles, default 300, of crawl_speed.py's generated site: the crawl
benchmark's extraction, without the crawl); default news-pages and real-news.

Per page and repetition, in the same process and interleaved (ours, then trafilatura, page by
page, so both see the same machine load): CPU time (``time.process_time``) of

- ours: ``Page.from_bytes`` + ``extract_article`` — decode, parse, metadata, body, quotes,
  releases (dates inside them), content hash: everything the crawl pipelines run on a page;
- trafilatura: ``trafilatura.extract(raw, url=..., with_metadata=True, output_format="json")``
  on the same bytes (it decodes and parses too).

A page's figure is its median over the repetitions; the table gives the median, p90 and worst of
those over the pages, and ours / trafilatura. ``--stages`` adds ours by stage. ``--startup``
times ``newsspider extract FILE``, ``newsspider fetch URL`` (a page served on 127.0.0.1) and
trafilatura's CLI on the same file and URL, start to exit (wall) and CPU (user+sys), median of
``--startup-runs``, interleaved; ``--startup-against DIR`` adds the newsspider commands run
with another checkout's package (before/after in one run); ``--startup-callgrind`` adds each
command's instruction count (one run under ``valgrind --tool=callgrind``, bytecode caches on:
exact, whatever the load). Times are CPU time on a shared machine: read the ratios.

``--callgrind`` adds the figure that does not move with the machine's load: the instructions of
each page (valgrind's callgrind), ours and trafilatura each in its own process over the same
pages (run side by side, ``PYTHONHASHSEED=0``), after the timed run's warm-up (its first 3
pages) and one uncounted pass over all pages (the first-time costs - patterns compiled on first
use, the language model - that the per-page median over repetitions leaves out of the timed
figure); the table gives the per-page medians and the ours / trafilatura ratio of instructions
next to the CPU-time ratio. Under valgrind a run takes ~50x the timed one (two passes): use
``--limit``; ``--reps 0`` skips the timed run. Instructions are not time (cache misses and
branch mispredictions cost time, not instructions): read the two ratios side by side. With
``--stages`` too, ours' instructions are also counted stage by stage (each stage's count zeroed
before it and dumped after it, in a third process): the before/after figure of a change.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import http.server
import io
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if "--serve" not in sys.argv:  # a --against child imports newsspider from its PYTHONPATH
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared" / "dev"
DEMO = ROOT / "newsspider" / "demo"
FETCHED_AT = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # fixed: dumps must not depend on the day
VOLATILE = ("fetched_at", "run_id")


def set_dir(name: str) -> Path:
    if name == "demo":
        return DEMO
    p = Path(name)
    return p if p.is_dir() else SHARED / name


def load_set(name: str, limit: int | None = None) -> list[tuple[str, str, bytes]]:
    """(file, url, raw bytes) of every labelled page of a set."""
    if name.startswith("realistic"):
        return realistic_pages(name, limit)
    d = set_dir(name)
    labels = d / "labels.jsonl"
    if not labels.is_file():
        print(f"{name}: no labels.jsonl in {d} (../shared absent?) - skipped", file=sys.stderr)
        return []
    out = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        path = d / "site" / row["file"] if name == "demo" else d / row["file"]
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        out.append((row["file"], row.get("url") or path.as_uri(), raw))
        if limit and len(out) >= limit:
            break
    return out


def realistic_pages(name: str, limit: int | None = None) -> list[tuple[str, str, bytes]]:
    """The articles of crawl_speed.py's generated site: ``realistic`` (300) or ``realistic:N``
    (the first N articles of a site of N, seed 1): the pages the crawl benchmark extracts."""
    from realistic_site import Site

    n = int(name.partition(":")[2] or 300)
    site = Site(articles=n, seed=1)
    posts = site.posts[:limit] if limit else site.posts
    return [(post.path, post.url, site.pages[post.path][0]) for post in posts]


def ours() -> Callable[[bytes, str], Any]:
    from newsspider.extract import Page, extract_article

    def run(raw: bytes, url: str) -> Any:
        return extract_article(Page.from_bytes(raw, url, fetched_at=FETCHED_AT))

    return run


STAGES = ("parse", "metadata", "body", "quotes", "releases")


def ours_stages(mark: Callable[[], object] | None = None) -> Callable[[bytes, str], dict[str, float]]:
    """Ours stage by stage (as the pipelines call them), CPU ms each; `mark` (callgrind's
    marks, `count_child`) is called before and after each stage, instead of timing."""
    from newsspider import extract
    from newsspider.extract import Page

    def c() -> float:
        if mark is None:
            return time.process_time()
        mark()
        return 0.0

    def run(raw: bytes, url: str) -> dict[str, float]:
        t0 = c()
        page = Page.from_bytes(raw, url, fetched_at=FETCHED_AT)
        page.tree  # noqa: B018 - parse now, to time it
        t1 = c()
        meta = extract.metadata_fields(page)
        t2 = c()
        _, body = extract.body_fields(page, meta)
        t3 = c()
        extract.quote_fields(body, meta.get("title"))
        t4 = c()
        extract.release_fields(body, meta.get("published"), meta.get("title"), FETCHED_AT.isoformat())
        t5 = c()
        return {k: (b - a) * 1000 for k, a, b in zip(STAGES, (t0, t1, t2, t3, t4), (t1, t2, t3, t4, t5), strict=True)}

    return run


def build() -> str:
    """Which build of newsspider this process imports: pure Python, or the quotes stage compiled
    (setup.py, NEWSSPIDER_MYPYC=1): figures of the two are not comparable."""
    from newsspider.extract.mentions import runs

    return "pure Python" if (runs.__file__ or "").endswith(".py") else "quotes stage compiled (mypyc)"


def trafilatura_fn() -> Callable[[bytes, str], Any] | None:
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): its column is skipped", file=sys.stderr)
        return None

    def run(raw: bytes, url: str) -> Any:
        return trafilatura.extract(raw, url=url, with_metadata=True, output_format="json")

    return run


class Child:
    """Ours in a child process importing newsspider from `tree` (a checkout's root, or a folder
    holding ``newsspider/``): pages go down a pipe, the child's CPU ms per page comes back. Two
    of them, this checkout and another, measured page by page in turn: before/after in one run."""

    def __init__(self, tree: str) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=dict(_ENV, PYTHONPATH=tree))

    def __call__(self, raw: bytes, url: str) -> float:
        assert self.proc.stdin and self.proc.stdout
        u = url.encode()
        self.proc.stdin.write(b"%d %d\n" % (len(u), len(raw)) + u + raw)
        self.proc.stdin.flush()
        return float(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def serve() -> int:
    """The child's side of `Child`: extract each page sent, answer its CPU ms."""
    fn = ours()
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    while line := inp.readline():
        nu, nr = map(int, line.split())
        url, raw = inp.read(nu).decode(), inp.read(nr)
        out.write(b"%r\n" % cpu_ms(fn, raw, url))
        out.flush()
    return 0


# -- instruction counts (--callgrind) ------------------------------------------------------
# The child marks its pages with calls of two C functions of the interpreter that extraction
# never calls: valgrind zeroes the counts on entering os.getpgrp (after the warm-up) and dumps
# them on entering os.getppid (after each page), so every page gets its own count.
_ZERO_MARK, _PAGE_MARK = "os_getpgrp", "os_getppid"


def count_child(tool: str, pages: list[tuple[str, str, bytes]]) -> int:
    """The child's side of `instruction_counts`: the timed run's warm-up (its first 3 pages),
    one uncounted pass over all pages (the first-time costs - lazily compiled patterns, the
    language model - that the timed run's per-page median over repetitions leaves out), then
    the counted pass, a mark after each page (tool "stages": ours with a mark before and after
    each stage, 6 a page)."""
    if tool == "stages":
        fn: Any = ours_stages()
        marked = ours_stages(os.getppid)
        for _, url, raw in pages[:3] + pages:
            fn(raw, url)
        os.getpgrp()
        for _, url, raw in pages:
            marked(raw, url)
        return 0
    fn = ours() if tool == "newsspider" else trafilatura_fn()
    assert fn is not None
    for _, url, raw in pages[:3]:
        fn(raw, url)
    for _, url, raw in pages:
        fn(raw, url)
    os.getpgrp()
    for _, url, raw in pages:
        fn(raw, url)
        os.getppid()
    return 0


def instruction_counts(name: str, limit: int | None, tools: list[str]) -> dict[str, list[int]] | None:
    """Per tool, the instructions of each page of the set (`count_child` under valgrind's
    callgrind, one process per tool, all tools at once), or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if not valgrind:
        print("valgrind not found: no instruction counts", file=sys.stderr)
        return None
    env = dict(_ENV, PYTHONHASHSEED="0")  # the same run gives the same counts
    with tempfile.TemporaryDirectory() as tmp:
        procs = {}
        for tool in tools:
            argv = [valgrind, "--tool=callgrind", f"--zero-before={_ZERO_MARK}",
                    f"--dump-before={_PAGE_MARK}", f"--callgrind-out-file={tmp}/{tool}",
                    sys.executable, __file__, name, "--count", tool]
            if limit:
                argv += ["--limit", str(limit)]
            procs[tool] = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        out: dict[str, list[int]] = {}
        for tool, proc in procs.items():
            _, err = proc.communicate()
            parts = sorted(Path(tmp).glob(f"{tool}.*"), key=lambda f: int(f.suffix[1:]))
            counts = []
            for f in parts:
                with open(f, encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        if line.startswith("summary:"):
                            counts.append(int(line.split()[1]))
                            break
            if proc.returncode or not counts:
                print(f"{tool} under callgrind: exit {proc.returncode}, {len(counts)} page counts "
                      f"(an interpreter without symbols has no {_ZERO_MARK}/{_PAGE_MARK}): "
                      f"{err.decode()[-300:]}", file=sys.stderr)
                return None
            out[tool] = counts
    return out


def instruction_table(counts: dict[str, list[int]], per_page: dict[str, list[float]] | None) -> str:
    """Instructions per page (millions) next to the CPU-time figures of the timed run; ours by
    stage (the "stages" child: 6 counts a page, the first one between pages)."""
    rows = ["| tool | median M instructions | p90 | worst | mean |", "| --- | --- | --- | --- | --- |"]
    if "stages" in counts:
        by_page = counts.pop("stages")
        k = len(STAGES) + 1
        stage_rows = ["| stage (ours) | M instructions, all pages | per page (mean) | share |", "| --- | --- | --- | --- |"]
        sums = [sum(by_page[i + 1 :: k]) for i in range(len(STAGES))]
        for name, total in zip(STAGES, sums, strict=True):
            stage_rows.append(f"| {name} | {total / 1e6:.1f} | {total / 1e6 / (len(by_page) // k):.2f} | "
                              f"{total / sum(sums):.0%} |")
        stage_rows.append(f"| all | {sum(sums) / 1e6:.1f} | {sum(sums) / 1e6 / (len(by_page) // k):.2f} | |")
        rows = stage_rows + [""] + rows
    for n, xs in counts.items():
        m = [x / 1e6 for x in xs]
        rows.append(f"| {n} | {statistics.median(m):.1f} | {pct(m, 0.9):.1f} | {max(m):.1f} | "
                    f"{statistics.fmean(m):.1f} |")
    if "newsspider" in counts and "trafilatura" in counts:
        a, b = counts["newsspider"], counts["trafilatura"]
        per = sorted(x / y for x, y in zip(a, b, strict=True) if y > 0)
        rows.append(f"\nratio ours / trafilatura, instructions: median {statistics.median(a) / statistics.median(b):.3f}, "
                    f"mean {statistics.fmean(a) / statistics.fmean(b):.3f}, per-page ratio median "
                    f"{statistics.median(per):.3f}")
        if per_page and "newsspider" in per_page and "trafilatura" in per_page:
            a2, b2 = per_page["newsspider"], per_page["trafilatura"]
            per2 = sorted(x / y for x, y in zip(a2, b2, strict=True) if y > 0)
            rows.append(f"ratio ours / trafilatura, CPU time:     median {statistics.median(a2) / statistics.median(b2):.3f}, "
                        f"mean {statistics.fmean(a2) / statistics.fmean(b2):.3f}, per-page ratio median "
                        f"{statistics.median(per2):.3f}")
    return "\n".join(rows)


def cpu_ms(fn: Callable[[bytes, str], Any], raw: bytes, url: str) -> float:
    if isinstance(fn, Child):
        return fn(raw, url)
    t0 = time.process_time()
    fn(raw, url)
    return (time.process_time() - t0) * 1000


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def measure(pages: list[tuple[str, str, bytes]], reps: int,
            tools: dict[str, Callable[[bytes, str], Any]]) -> dict[str, list[float]]:
    """Per tool, per page: median CPU ms over `reps` interleaved repetitions."""
    for fn in tools.values():  # warm up: imports, compiled patterns, caches
        for _, url, raw in pages[:3]:
            fn(raw, url)
    samples: dict[str, list[list[float]]] = {k: [[] for _ in pages] for k in tools}
    for _ in range(reps):
        for i, (_, url, raw) in enumerate(pages):
            for name, fn in tools.items():
                samples[name][i].append(cpu_ms(fn, raw, url))
    return {k: [statistics.median(s) for s in v] for k, v in samples.items()}


def table(name: str, pages: list[tuple[str, str, bytes]], per_page: dict[str, list[float]]) -> str:
    names = list(per_page)
    rows = [f"`{name}` ({len(pages)} pages)", "",
            "| tool | median ms | p90 ms | worst ms | mean ms | worst page |",
            "| --- | --- | --- | --- | --- | --- |"]
    for n in names:
        xs = per_page[n]
        worst = max(range(len(xs)), key=xs.__getitem__)
        rows.append(f"| {n} | {statistics.median(xs):.1f} | {pct(xs, 0.9):.1f} | {max(xs):.1f} | "
                    f"{statistics.fmean(xs):.1f} | {Path(pages[worst][0]).name[:48]} |")
    if "newsspider" in per_page and "trafilatura" in per_page:
        a, b = per_page["newsspider"], per_page["trafilatura"]
        rows.append(f"| ratio ours / trafilatura | {statistics.median(a) / statistics.median(b):.2f} | "
                    f"{pct(a, 0.9) / pct(b, 0.9):.2f} | {max(a) / max(b):.2f} | "
                    f"{statistics.fmean(a) / statistics.fmean(b):.2f} | |")
        per = sorted(x / y for x, y in zip(a, b, strict=True) if y > 0)
        rows.append(f"\nper-page ratio ours / trafilatura: median {statistics.median(per):.2f}, "
                    f"p90 {pct(per, 0.9):.2f}, worst {per[-1]:.2f}")
    for n in names[1:]:
        if n.startswith("newsspider ("):  # --against: this checkout over the other one
            a, b = per_page["newsspider"], per_page[n]
            per = sorted(x / y for x, y in zip(a, b, strict=True) if y > 0)
            rows.append(f"\nthis checkout / {n}: median {statistics.median(a) / statistics.median(b):.3f}, "
                        f"mean {statistics.fmean(a) / statistics.fmean(b):.3f}, total "
                        f"{sum(a) / sum(b):.3f}; per-page ratio median {statistics.median(per):.3f}")
    return "\n".join(rows)


def stage_table(pages: list[tuple[str, str, bytes]], reps: int) -> str:
    fn = ours_stages()
    per: dict[str, list[list[float]]] = {}
    for _ in range(reps):
        for i, (_, url, raw) in enumerate(pages):
            for k, v in fn(raw, url).items():
                per.setdefault(k, [[] for _ in pages])[i].append(v)
    rows = ["| stage (ours) | median ms | p90 ms | worst ms | share of total |", "| --- | --- | --- | --- | --- |"]
    meds = {k: [statistics.median(s) for s in v] for k, v in per.items()}
    total = sum(sum(v) for v in meds.values())
    for k, xs in meds.items():
        rows.append(f"| {k} | {statistics.median(xs):.2f} | {pct(xs, 0.9):.2f} | {max(xs):.1f} | "
                    f"{100 * sum(xs) / total:.0f}% |")
    return "\n".join(rows)


def dump(pages: list[tuple[str, str, bytes]], out: io.TextIOBase) -> None:
    fn = ours()
    for file, url, raw in pages:
        rec = fn(raw, url)
        for k in VOLATILE:
            rec.pop(k, None)
        out.write(json.dumps({"file": file, **rec}, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def profile(pages: list[tuple[str, str, bytes]], top: int) -> None:
    fn = ours()
    for _, url, raw in pages[:3]:
        fn(raw, url)
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    for _, url, raw in pages:
        fn(raw, url)
    prof.disable()
    st = pstats.Stats(prof)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)


# -- start-up ------------------------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


# bytecode caches on, as for an installed package (some shells set PYTHONDONTWRITEBYTECODE,
# and then every start compiles every module from source)
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_cmd(argv: list[str], stdin: Path | None = None, tree: str | None = None) -> tuple[float, float, int]:
    """(wall ms, CPU ms of the child, exit status); `tree`: import newsspider from that checkout."""
    env = dict(_ENV, PYTHONPATH=tree) if tree else _ENV
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fh:
        proc = subprocess.run(argv, stdin=fh, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              check=False, env=env)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    if proc.returncode:
        print(f"{' '.join(argv)}: exit {proc.returncode}: {proc.stderr.decode()[-300:]}", file=sys.stderr)
    return wall, cpu, proc.returncode


def instructions(argv: list[str], stdin: Path | None = None, tree: str | None = None) -> int | None:
    """Instructions the command executes (valgrind's callgrind), or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if not valgrind:
        return None
    env = dict(_ENV, PYTHONPATH=tree) if tree else _ENV
    with open(stdin or os.devnull, "rb") as fh:
        proc = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                              stdin=fh, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=env)
    m = re.search(rb"Collected : (\d+)", proc.stderr)
    return int(m[1]) if m else None


def startup(pages: list[tuple[str, str, bytes]], runs: int, against: str | None = None,
            callgrind: bool = False) -> str:
    bindir = Path(sys.executable).parent
    ns = str(bindir / "newsspider")
    traf = shutil.which("trafilatura", path=str(bindir)) or shutil.which("trafilatura")
    # a typical page: the median-sized one of the set
    _, _, raw = sorted(pages, key=lambda p: len(p[2]))[len(pages) // 2]
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(raw)
        handler = lambda *a, **kw: _Quiet(*a, directory=tmp, **kw)  # noqa: E731
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/page.html"
        cmds: dict[str, tuple[list[str], Path | None, str | None]] = {
            "python -c pass (interpreter alone)": ([sys.executable, "-c", "pass"], None, None),
            "newsspider extract FILE": ([ns, "extract", str(page)], None, None),
            "newsspider fetch URL": ([ns, "fetch", url, "--allow-private"], None, None),
        }
        if against:  # the same commands with another checkout's newsspider, interleaved
            for k in ("newsspider extract FILE", "newsspider fetch URL"):
                cmds[f"{k} ({against})"] = (cmds[k][0], None, against)
        # trafilatura's CLI reads one page from standard input (--input-file is a list of URLs);
        # its -u URL refuses 127.0.0.1 (SSRF protection), so it has no local fetch row
        if traf:
            cmds["trafilatura --json --with-metadata < FILE"] = ([traf, "--json", "--with-metadata"], page, None)
        res: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
        try:
            for argv, stdin, tree in cmds.values():  # warm the file and bytecode caches
                run_cmd(argv, stdin, tree)
            for _ in range(runs):
                for k, (argv, stdin, tree) in cmds.items():
                    wall, cpu, _ = run_cmd(argv, stdin, tree)
                    res[k].append((wall, cpu))
            counts = {k: instructions(*cmd) for k, cmd in cmds.items()} if callgrind else {}
        finally:
            server.shutdown()
    rows = [f"page: {len(raw) // 1024} KB, {runs} runs each, interleaved", "",
            "| command | wall ms (median) | wall ms (worst) | CPU ms (median) |"
            + (" instructions (callgrind) |" if callgrind else ""),
            "| --- | --- | --- | --- |" + (" --- |" if callgrind else "")]
    for k, xs in res.items():
        walls = [w for w, _ in xs]
        n = counts.get(k)
        rows.append(f"| {k} | {statistics.median(walls):.0f} | {max(walls):.0f} | "
                    f"{statistics.median(c for _, c in xs):.0f} |"
                    + ((f" {n / 1e9:.3f} G |" if n else " - |") if callgrind else ""))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", default=["news-pages", "real-news"])
    ap.add_argument("--reps", type=int, default=5, help="repetitions per page (median taken)")
    ap.add_argument("--limit", type=int, help="first N pages of each set")
    ap.add_argument("--stages", action="store_true", help="also ours by stage")
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--startup", action="store_true", help="also start-up of the CLIs")
    ap.add_argument("--startup-only", action="store_true")
    ap.add_argument("--startup-runs", type=int, default=9)
    ap.add_argument("--startup-callgrind", action="store_true",
                    help="also each start-up command's instruction count (valgrind --tool=callgrind)")
    ap.add_argument("--startup-against", metavar="DIR",
                    help="also time the commands with the newsspider package of another checkout "
                         "(DIR holds newsspider/; e.g. `git archive REV newsspider | tar -x -C DIR`)")
    ap.add_argument("--profile", action="store_true", help="cProfile ours over the sets, print top")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--dump", metavar="OUT.jsonl", help="write ours' records (for before/after diffs)")
    ap.add_argument("--against", metavar="DIR", action="append",
                    help="before/after: ours with this checkout's newsspider and with DIR's (repeatable; e.g. "
                         "`git archive REV newsspider | tar -x -C DIR`), each in a child process, "
                         "page by page in turn (trafilatura still in this process)")
    ap.add_argument("--callgrind", action="store_true",
                    help="also the instructions per page of ours and trafilatura (valgrind --tool=callgrind, "
                         "each in its own process; ~60x slower than the timed run: see --limit) and their "
                         "ratio next to the CPU-time ratio; --reps 0 skips the timed run")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--count", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        return serve()
    if args.count:
        return count_child(args.count, [p for name in args.sets for p in load_set(name, args.limit)])
    sets = {name: load_set(name, args.limit) for name in args.sets}
    sets = {k: v for k, v in sets.items() if v}
    if not sets:
        print("no pages to measure", file=sys.stderr)
        return 0
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for pages in sets.values():
                dump(pages, out)
        print(f"{sum(map(len, sets.values()))} records written to {args.dump}")
        return 0
    if args.profile:
        profile([p for pages in sets.values() for p in pages], args.top)
        return 0
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}, "
          f"newsspider {build()}; CPU time (process_time), median of {args.reps} interleaved repetitions per page\n")
    if not args.startup_only:
        tools: dict[str, Callable[[bytes, str], Any]] = {"newsspider": ours()}
        if args.against:
            tools = {"newsspider": Child(str(ROOT))}
            tools.update({f"newsspider ({d})": Child(d) for d in args.against})
        traf = None if args.no_trafilatura else trafilatura_fn()
        if traf:
            tools["trafilatura"] = traf
        for name, pages in sets.items():
            per_page = measure(pages, args.reps, tools) if args.reps > 0 else None
            if per_page:
                print(table(name, pages, per_page))
            if args.callgrind:
                names = ["newsspider"] + (["trafilatura"] if traf else []) + (["stages"] if args.stages else [])
                counts = instruction_counts(name, args.limit, names)
                if counts:
                    print(f"\n`{name}`: instructions per page (callgrind; warm-up, then one uncounted pass)\n")
                    print(instruction_table(counts, per_page))
            if args.stages and args.reps > 0:
                print()
                print(stage_table(pages, args.reps))
            print()
        for fn in tools.values():
            if isinstance(fn, Child):
                fn.close()
    if args.startup or args.startup_only:
        print(startup(next(iter(sets.values())), args.startup_runs, args.startup_against,
                      args.startup_callgrind))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
