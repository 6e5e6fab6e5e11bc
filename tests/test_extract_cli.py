"""`newsspider extract` on saved pages: files, .html.gz, manifests, order, duplicates, errors."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from newsspider import cli

STORY = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Fan Wire</title>
<link rel="canonical" href="{canonical}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-05-02T09:00:00+09:00"></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav><article><h1>{title}</h1>
{paragraphs}</article><aside class="related"><h3>Related</h3><a href="/x/">Another story</a></aside>
<footer>Copyright Fan Wire</footer></body></html>"""


def story(title: str, canonical: str, paragraphs: list[str]) -> str:
    return STORY.format(title=title, canonical=canonical,
                        paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))


A = [f"Paragraph {i} of the first story explains how the quartet prepared their winter single, "
     f"with rehearsals in Seoul and recording sessions in Busan over {i + 2} weeks." for i in range(5)]
B = [f"Section {i}: the actor talked about the final episode of the historical drama and the "
     f"scene that took {i + 3} nights to film in the snow near Gangneung." for i in range(5)]


def test_extract_manifest_keeps_order_and_marks_duplicates(tmp_path, capsysbinary):
    (tmp_path / "a.html").write_text(story("Quartet Winter Single", "https://wire.example/a/", A), encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(
        story("Drama Finale Interview", "https://wire.example/b/", B).encode("utf-8")))
    # the same story saved again with a tracking URL, and a syndicated copy elsewhere
    (tmp_path / "a-again.html").write_text(
        story("Quartet Winter Single", "https://wire.example/a/?utm_source=x", A), encoding="utf-8")
    (tmp_path / "a-synd.html").write_text(
        story("Quartet Winter Single", "https://other.example/partner/a/", ["Via Fan Wire."] + A),
        encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(x) for x in [
        {"file": "a.html", "url": "https://wire.example/a/"},
        {"file": "b.html.gz", "url": "https://wire.example/b/"},
        {"file": "missing.html", "url": "https://wire.example/c/"},
        {"file": "a-again.html", "url": "https://wire.example/a/?utm_source=x"},
        {"file": "a-synd.html", "url": "https://other.example/partner/a/"},
    ]) + "\n")
    assert cli.main(["extract", "--manifest", str(manifest)]) == 1  # one input could not be read
    out = [json.loads(x) for x in capsysbinary.readouterr().out.decode().splitlines()]
    assert [r["source_file"] for r in out] == ["a.html", "b.html.gz", "missing.html", "a-again.html", "a-synd.html"]
    assert [r.get("title") for r in out] == ["Quartet Winter Single", "Drama Finale Interview", None,
                                             "Quartet Winter Single", "Quartet Winter Single"]
    assert "cannot read missing.html" in out[2]["error"]
    assert out[0]["duplicate_of"] is None and out[1]["duplicate_of"] is None
    assert out[3]["duplicate_of"] == "https://wire.example/a/"  # the first one's canonical URL as declared
    assert out[4]["duplicate_of"] == "https://wire.example/a/"
    assert out[0]["url_key"] == out[3]["url_key"] == "https://wire.example/a"
    assert out[0]["body"].split("\n\n") == A
    assert "Related" not in out[0]["body"] and "Copyright" not in out[0]["body"]
    assert out[0]["published"] == "2026-05-02T09:00:00+09:00"


def test_extract_to_file(tmp_path):
    (tmp_path / "b.html").write_text(story("Drama Finale Interview", "https://wire.example/b/", B), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(tmp_path / "b.html"), "-o", str(out)]) == 0
    (rec,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert rec["canonical_url"] == "https://wire.example/b/" and rec["url_key"] == "https://wire.example/b"
    assert rec["site"] == "generic"


def test_extract_creates_no_data_or_state_files(tmp_path):
    (tmp_path / "b.html").write_text(story("Drama Finale Interview", "https://wire.example/b/", B), encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "extract", "b.html"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rec["title"] == "Drama Finale Interview"
    assert sorted(tmp_path.rglob("*")) == before  # no data/, no seen-store, no run log, no lock
