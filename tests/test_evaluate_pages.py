"""The page-set evaluation command on a tiny invented set, and on the dev set when present."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsspider.evaluate import pages as ev

P1 = ("Starlight will release their new digital single next Friday, the agency said on Monday, "
      "adding that all four members took part in writing the lyrics.")
P2 = ("The song is a mid-tempo ballad about leaving home, and the group will perform it for the "
      "first time on a weekly music show.")

PAGE_A = f"""<html><head><title>Starlight announce single | Fans</title>
<meta property="og:title" content="Starlight announce single">
<meta property="article:published_time" content="2024-05-27T23:30:00+09:00">
<meta name="author" content="By Mara Jensen"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Starlight announce single</h1>
<p>{P1}</p><p>{P2}</p><div class="share"><a href="#">Share this article</a></div></article>
</body></html>"""

PAGE_B = f"""<html><head><meta property="og:title" content="Tour dates &amp; tickets">
<meta property="article:published_time" content="2024-06-01T10:00:00+00:00"></head>
<body><article><h1>Tour dates &amp; tickets</h1><p>{P2}</p>
<p>Advertisement</p></article></body></html>"""


def make_set(tmp_path: Path) -> Path:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE_A.encode("utf-8")))
    (tmp_path / "b.html").write_text(PAGE_B, encoding="utf-8")
    labels = [
        # published in UTC: the same calendar day as 23:30 +09:00 is the 27th there too
        {"file": "a.html.gz", "url": "https://fans.example/a", "title": "Starlight announce single",
         "published": "2024-05-27 14:30:00+00:00", "authors": ["mara jensen"],
         "body_paragraphs": [P1, P2], "not_in_body": ["Share this article"]},
        {"file": "b.html", "url": "https://fans.example/b", "title": "Tour  dates & tickets",
         "published": "2024-06-02T09:00:00+09:00", "authors": ["Kim Min-ji"],
         "body_paragraphs": [P2, P1], "not_in_body": ["Advertisement"]},
    ]
    with open(tmp_path / "labels.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(rec) + "\n" for rec in labels)
    return tmp_path


def test_scores_on_tiny_set(tmp_path: Path) -> None:
    mine, others, n = ev.evaluate(make_set(tmp_path), with_trafilatura=False)
    assert n == 2 and others == {}
    assert mine.values["title"] == [1.0, 1.0]  # whitespace + entity normalisation
    # page b: 10:00 UTC is 19:00 +09:00 on June 1st, the label says June 2nd there
    assert mine.values["published"] == [1.0, 0.0]
    assert mine.values["published_shown"] == [1.0, 0.0]
    assert mine.values["authors"] == [1.0, 0.0]
    assert mine.values["body_f1"][0] == 1.0
    # page b found only P2: precision 1, recall = len(P2) / len(P1 + P2) in tokens
    p2_tokens = len(ev.word_tokens(P2))
    recall = p2_tokens / (p2_tokens + len(ev.word_tokens(P1)))
    assert mine.values["body_p"][1] == 1.0
    assert mine.values["body_r"][1] == pytest.approx(recall)
    assert mine.mean("title") == 1.0
    assert mine.mean("authors") == 0.5
    assert (mine.leaks, mine.leak_total) == (0, 2)
    assert len(mine.ms) == 2 and all(ms > 0 for ms in mine.ms)


def test_metric_helpers() -> None:
    assert ev.authors_f1(["A B", "C D"], ["a b"]) == pytest.approx(2 / 3)
    assert ev.authors_f1([], []) == 1.0
    assert ev.published_score("2024-05-27T23:30:00+09:00", "2024-05-27T14:30:00+00:00") == 1.0
    assert ev.published_score("2024-05-28", "2024-05-27T14:30:00+00:00") == 0.0
    # the same instant written in UTC falls on the next day: right instant, wrong day shown
    assert ev.published_score("2024-05-28T01:00:00+00:00", "2024-05-27T21:00:00-04:00") == 1.0
    assert ev.published_shown_score("2024-05-28T01:00:00+00:00", "2024-05-27T21:00:00-04:00") == 0.0
    assert ev.published_shown_score("2024-05-27", "2024-05-27T21:00:00-04:00") == 1.0
    assert ev.body_prf("a a b", "a b b") == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_main_prints_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main([str(make_set(tmp_path)), "--no-trafilatura", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "pages: 1" in out
    assert out.splitlines()[3].split()[:2] == ["title", "1.000"]
    assert "leaks" in out


def _shared() -> Path:
    env = os.environ.get("NEWSSPIDER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def test_dev_news_pages_body_f1() -> None:
    directory = _shared() / "dev" / "news-pages"
    if not (directory / "labels.jsonl").is_file():
        pytest.skip(f"dev set not found at {directory} (../shared is absent)")
    mine, _, n = ev.evaluate(directory, limit=20, with_trafilatura=False)
    assert n == 20
    f1 = mine.mean("body_f1")
    assert f1 is not None and f1 > 0.9
