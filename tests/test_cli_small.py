"""Small things that make the command line feel finished (issue #15, part 5)."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shlex
import subprocess
import sys
import tomllib

import pytest
from crawl_helpers import REPO, demo_labels

from newsspider import cli
from newsspider.demo.server import SITE_DIR, DemoServer


def run_cli(*args: str, cwd=REPO, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=timeout)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsspider {importlib.metadata.version('newsspider')}"


def test_evaluate_help_prints_help(capsys):
    assert cli.main(["evaluate", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: newsspider evaluate") and all(w in out for w in ("pages", "quotes", "releases"))


@pytest.mark.parametrize(
    "argv, message",
    [
        (["demo", "--log-level", "LOUD"], "must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'"),
        (["fetch", "http://x.example/", "--log-level", "verbose"], "must be one of DEBUG"),
        (["demo", "--delay", "-1"], "--delay: must be between 0 and 60 seconds"),
        (["demo", "--delay", "soon"], "--delay: takes seconds (a number), not 'soon'"),
        (["crawl"], "give a SITE (known sites: allkpop, demo,"),
        (["crawl", "demo"], "kpopdemo.example exists only on the bundled demo server: run `newsspider demo`"),
        (["crawl", "demo", "--generic", "http://x.example/"], "give a SITE or --generic URL, not both"),
        (["crawl", "--generic", "not a url"], "malformed URL"),
        (["sites", "--profiles", "/no/such/dir"], "no such profile folder: /no/such/dir"),
    ],
)
def test_bad_arguments_one_line_exit_2(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err


def test_log_level_is_case_insensitive():
    args = cli.build_parser().parse_args(["demo", "--log-level", "info", "--delay", "0.5"])
    assert args.log_level == "INFO" and args.delay == 0.5


def _demo_page() -> tuple[dict, bytes]:
    lab = next(x for x in demo_labels() if not x.get("dup_group"))
    return lab, (SITE_DIR / lab["file"]).read_bytes()


def test_extract_reads_stdin():
    lab, html = _demo_page()
    proc = run_cli("extract", "-", "--url", lab["url"], stdin=html)
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rec["title"] == lab["title"] and rec["source_file"] == "-" and rec["url"] == lab["url"]


def test_extract_walks_a_folder(tmp_path):
    labs = [x for x in demo_labels() if not x.get("dup_group")][:3]
    for i, lab in enumerate(labs):
        target = tmp_path / f"part{i % 2}" / f"page{i}.html"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes((SITE_DIR / lab["file"]).read_bytes())
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    proc = run_cli("extract", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [r["source_file"] for r in recs] == [str(tmp_path / f"part{i % 2}" / f"page{i}.html")
                                                for i in (0, 2, 1)]
    assert sorted(r["title"] for r in recs) == sorted(x["title"] for x in labs)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty input (no HTML)"),
    (b"  \n\t ", "empty input (no HTML)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "a PNG image, not HTML"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document, not HTML"),
    (bytes(range(256)) * 4, "binary data, not HTML"),
])
def test_extract_of_empty_or_binary_input_is_a_one_line_error(tmp_path, content, reason):
    bad = tmp_path / "page.html"
    bad.write_bytes(content)
    lab, html = _demo_page()
    good = tmp_path / "good.html"
    good.write_bytes(html)
    proc = run_cli("extract", str(bad), str(good))
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == f"newsspider: {bad}: {reason}"
    first, second = [json.loads(x) for x in proc.stdout.splitlines()]
    assert first == {"source_file": str(bad), "error": f"{bad}: {reason}"}  # no record of garbage
    assert second["title"] == lab["title"]  # the other inputs go on


def test_python_api_rejects_binary_input():
    from newsspider import extract_article
    from newsspider.extract.inputcheck import NotHTML

    with pytest.raises(NotHTML, match="a JPEG image, not HTML"):
        extract_article(b"\xff\xd8\xff\xe0\x00\x10JFIF", "https://x.example/a")
    assert issubclass(NotHTML, ValueError)


def _site(tmp_path, host: str, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = tmp_path / host / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_fetch_refusals_are_said_in_words(tmp_path):
    big = b"<html><head><title>big</title></head><body>" + b"<p>la la la</p>" * (17 * 1024 * 1024 // 15) + b"</body></html>"
    _site(tmp_path, "big.example", {"huge.html": big, "robots.txt": b"User-agent: *\nDisallow: /private/\n",
                                    "private/page.html": b"<html><title>secret</title><p>x</p></html>"})
    with DemoServer(tmp_path) as srv:
        mirror = f"big.example={srv.base_url}"
        huge = run_cli("fetch", "http://big.example/huge.html", "--mirror", mirror, cwd=tmp_path)
        robots = run_cli("fetch", "http://big.example/private/page.html", "--mirror", mirror, cwd=tmp_path)
    assert huge.returncode == 1 and robots.returncode == 1
    assert huge.stderr.decode().strip() == \
        "newsspider: could not extract http://big.example/huge.html: page over the 16 MB limit"
    assert robots.stderr.decode().strip() == \
        "newsspider: could not extract http://big.example/private/page.html: disallowed by robots.txt"


# -- packaging --------------------------------------------------------------------------------------
def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_file_and_metadata():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    project = _pyproject()["project"]
    assert text.startswith("MIT License") and project["license"] == "MIT"
    assert importlib.metadata.metadata("newsspider")["License-Expression"] == "MIT"


def test_constraints_file_pins_every_dependency():
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"not pinned: {line}"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    project = _pyproject()["project"]
    deps = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        deps += extra
    for dep in deps:
        name = re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0]).lower()
        assert name in pins or name == "newsspider", f"{dep} is not pinned in constraints.txt"
    # each pin satisfies what pyproject.toml asks for (a fresh install may be newer: pins are for deployments)
    from packaging.requirements import Requirement

    for dep in deps:
        req = Requirement(dep)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        if name != "newsspider":
            assert req.specifier.contains(pins[name], prereleases=True), f"{dep}: pinned {pins[name]}"


def test_dockerfile_copies_existing_files_and_runs_a_valid_crawl_command():
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("COPY "):
            for src in shlex.split(line)[1:-1]:
                if not src.startswith("--"):
                    assert (REPO / src).exists(), src
    assert "constraints.txt" in text and "HEALTHCHECK" in text
    script = (REPO / "docker" / "scheduled-crawl.sh").read_text(encoding="utf-8")
    crawl = re.search(r"newsspider (crawl [^\n&]*)", script)[1]
    argv = [a for a in shlex.split(crawl.replace('"$SITE"', "soompi").replace("$SITE", "soompi"))
            if not a.startswith("$")]
    args = cli.build_parser().parse_args(argv)
    assert args.site == "soompi" and args.func is cli.cmd_crawl
    proc = subprocess.run(["bash", "-n", str(REPO / "docker" / "scheduled-crawl.sh")], capture_output=True)
    assert proc.returncode == 0, proc.stderr


def test_readme_python_api_example_runs(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)[1]
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    lab = next(x for x in demo_labels() if x["file"] in code)
    assert lab["title"] in out
    assert "releases" in out and "quotes" in out


def test_readme_documents_the_options():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for needle in ("--mirror HOST=URL", "--profiles DIR", "NEWSSPIDER_PROFILES", "--generic", "--version",
                   "constraints.txt", "Dockerfile", "scrapy parse --spider=article", "ADDONS"):
        assert needle in readme, needle
