"""The crawl report (issue #15, part 1): `newsspider demo` leaves data/report.html, checked in a
real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium); the release
calendar as an .ics file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from crawl_helpers import REPO, records

from newsspider import cli
from newsspider.report.ics import event_uid
from newsspider.report.releases import release_events

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo-report")
    proc = subprocess.run([sys.executable, "-m", "newsspider.cli", "demo"], cwd=tmp, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = tmp / "data" / "report.html"
    assert proc.stdout.strip().splitlines()[-1] == f"report: {report}"
    return tmp


def _driver(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "Chromium is missing: run `bash tests/setup.sh` (apt install chromium chromium-driver)"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1000"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=opts, service=Service(executable_path=driver))


def test_report_renders_in_a_real_browser_with_the_demo_releases(demo_dir, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    report = demo_dir / "data" / "report.html"
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet|cdn\.jsdelivr", html)  # self-contained
    recs = records(demo_dir / "data" / "articles.jsonl")
    events = release_events(recs)
    assert len(events) >= 20
    driver = _driver(tmp_path / "chromium-profile")
    try:
        driver.get(report.as_uri())
        WebDriverWait(driver, 60).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-charts")
                                        in ("ready", "failed"))
        assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-charts") == "ready"
        for chart in ("chart-per-day", "chart-coverage", "chart-releases"):
            marks = driver.find_elements(By.CSS_SELECTOR, f"#{chart} svg .mark-rect path")
            assert len(marks) >= 3, chart  # bars were drawn
        # the calendar shows every release event of the demo, each linking to its article
        shown = driver.find_elements(By.CSS_SELECTOR, "#release-calendar li.release")
        got = sorted((li.get_attribute("data-date"), li.get_attribute("data-title")) for li in shown)
        assert got == sorted((ev.date, ev.title) for ev in events)
        urls = {r["url"] for r in recs}
        for li in shown:
            assert li.find_element(By.TAG_NAME, "a").get_attribute("href") in urls
        grid_days = driver.find_elements(By.CSS_SELECTOR, "table.grid li.release")
        assert len(grid_days) >= 15 and all(li.is_displayed() for li in grid_days)
        run = records(demo_dir / "data" / "runs.jsonl")[-1]
        assert len(run["slowest"]) == 10 and run["slowest"] == sorted(run["slowest"], key=lambda x: -x["seconds"])
        slow_rows = driver.find_elements(By.CSS_SELECTOR, "#slowest tr td a")
        assert [a.text for a in slow_rows] == [x["url"] for x in run["slowest"]]
        cards = driver.find_element(By.CSS_SELECTOR, ".cards").text
        assert f"{len(recs)}\narticles" in cards
        severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == [], severe
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(int(height), 12000))
        ARTIFACTS.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(ARTIFACTS / "report.png"))
    finally:
        driver.quit()


def test_calendar_ics_has_the_demo_releases(demo_dir, tmp_path, capsys):
    from icalendar import Calendar

    out = tmp_path / "releases.ics"
    src = demo_dir / "data" / "articles.jsonl"
    assert cli.main(["calendar", str(src), "-o", str(out)]) == 0
    recs = records(src)
    events = release_events(recs)
    dated = [ev for ev in events if ev.day is not None]
    msg = capsys.readouterr().out
    assert f"{len(dated)} release events written" in msg and f"({len(events) - len(dated)} known only" in msg
    cal = Calendar.from_ical(out.read_bytes())
    vevents = cal.walk("VEVENT")
    assert len(vevents) == len(dated)
    by_uid = {str(v["UID"]): v for v in vevents}
    for ev in dated:
        item = by_uid[event_uid(ev)]
        assert item.decoded("DTSTART") == ev.day and str(item["SUMMARY"]).startswith(ev.label())
        assert str(item["URL"]) == ev.articles[0][0]
    # exporting again gives the same UIDs (a subscribed calendar updates instead of duplicating)
    again = tmp_path / "again.ics"
    assert cli.main(["calendar", str(src), "-o", str(again)]) == 0
    assert {str(v["UID"]) for v in Calendar.from_ical(again.read_bytes()).walk("VEVENT")} == set(by_uid)


def test_releases_merge_across_articles():
    rel = {"artist": "NORTHSTAR", "title": "Compass Rose", "kind": "album", "date": "2026-01-20",
           "date_precision": "day", "status": "upcoming", "evidence": "e"}
    recs = [{"url": "https://a.example/1", "title": "One", "releases": [rel]},
            {"url": "https://b.example/2", "title": "Two", "releases": [dict(rel, artist="Northstar")]},
            {"url": "https://b.example/3", "title": "Three", "releases": [dict(rel, date="2026-01")]}]
    events = release_events(recs)
    assert [(ev.date, [u for u, _ in ev.articles]) for ev in events] == [
        ("2026-01", ["https://b.example/3"]), ("2026-01-20", ["https://a.example/1", "https://b.example/2"])]
    assert events[1].day == date(2026, 1, 20) and events[0].day is None


def test_report_errors_are_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert cli.main(["report", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "r.html")]) == 2
    assert cli.main(["report", str(bad), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"newsspider: error: no such file: {tmp_path / 'none.jsonl'}",
                   f"newsspider: error: {bad}:1: not a JSON line"]
    assert not (tmp_path / "r.html").exists()


def test_report_of_an_output_file_alone(demo_dir, tmp_path):
    out = tmp_path / "r.html"
    assert cli.main(["report", str(demo_dir / "data" / "articles.jsonl"), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "No run log given." in html and 'id="release-calendar"' in html
    assert json.loads(re.search(r"const specs = (\{.*?\});\n", html, re.S)[1])["chart-per-day"]["mark"]


def test_report_of_one_run(demo_dir, tmp_path, capsys):
    recs = records(demo_dir / "data" / "articles.jsonl")
    (run,) = records(demo_dir / "data" / "runs.jsonl")
    other = dict(run, run_id="20990101T000000Z-othrun00", articles_new=3)
    mixed = [dict(r, run_id=other["run_id"]) if i < 3 else r for i, r in enumerate(recs)]
    src = tmp_path / "all.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [*mixed, run, other]), encoding="utf-8")
    out = tmp_path / "one.html"
    assert cli.main(["report", str(src), "--run", other["run_id"], "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<div class="card"><b>3</b>articles</div>' in html and other["run_id"] in html
    assert run["run_id"] not in html
    assert cli.main(["report", str(src), "--run", "nosuchrun", "-o", str(out)]) == 2
    assert "no run 'nosuchrun' in" in capsys.readouterr().err
