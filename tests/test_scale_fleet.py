"""A fleet: two scrapyd instances (different ports and data folders, as two machines), one shared
PostgreSQL seen-store, Redis for the site lease and the runs. Site `fleetb` is scheduled on both at once and
crawled by one; site `demo` is one run with a worker on each scrapyd; scheduling a site again on
the other machine writes nothing twice."""

from __future__ import annotations

import json
import os
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from crawl_helpers import REPO, records
from scale_helpers import REDIS_URL, fast_dir, read_lines, redis_client, remove
from scale_site import build_site
from store_helpers import pg_schema_url
from test_scrapyd import BIN, api, copy_project, free_port

from newsspider.demo.server import DemoServer
from newsspider.urls import normalize_url

pytest.importorskip("scrapy_redis", reason="needs the scale extra")

PROFILE = """name = "fleetb"
label = "fleet test site B"
domains = ["fleetb.example"]
sitemaps = ["http://fleetb.example/sitemap_index.xml"]
article_url = '^https?://fleetb\\.example/2026/\\d{2}/\\d{2}/[^/?#]+/(\\?.*)?$'
verified = true
"""


def upload(base: str, egg: Path) -> None:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (("project", b"newsspider"), ("version", b"r1")):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value)
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="p.egg"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + egg.read_bytes())
    body = b"\r\n".join(parts) + f"\r\n--{boundary}--\r\n".encode()
    import urllib.request

    req = urllib.request.Request(base + "addversion.json", data=body,
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        assert json.loads(resp.read())["status"] == "ok"


def scrapyd(home: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    home.mkdir(parents=True)
    (home / "scrapyd.conf").write_text(f"""[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {home / 'eggs'}
logs_dir = {home / 'logs'}
dbs_dir = {home / 'dbs'}
items_dir =
max_proc = 2
poll_interval = 0.2
""")
    with (home / "scrapyd.log").open("wb") as log:
        proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 30
    while True:
        try:
            api(base, "daemonstatus.json")
            return proc, base
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                proc.wait()  # reaped: no "subprocess ... is still running" warning
                pytest.fail("scrapyd did not start: " + (home / "scrapyd.log").read_text()[-2000:])
            time.sleep(0.2)


def wait_jobs(base: str, jobs: list[str], timeout: float = 300) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        finished = {j["id"] for j in api(base, "listjobs.json?project=newsspider")["finished"]}
        if set(jobs) <= finished:
            return
        time.sleep(0.5)
    pytest.fail(f"scrapyd jobs did not finish: {api(base, 'listjobs.json?project=newsspider')}")


def test_two_scrapyd_one_postgresql_store_each_site_crawled_once(tmp_path, request):
    work = fast_dir("fleet")
    prefix = f"nstest-{uuid.uuid4().hex[:10]}"
    procs = []
    try:
        profiles = work / "profiles"
        profiles.mkdir()
        (profiles / "fleetb.toml").write_text(PROFILE)
        groups = {}
        for host, seed in (("kpopdemo.example", 3), ("fleetb.example", 4)):
            built = build_site(work / "site", n=120, exact=5, near=5, tracking=5, sitemaps=1, seed=seed, host=host)
            groups[host] = {normalize_url(u): normalize_url(g) for u, g in built.items()}
        env = {**os.environ, "NEWSSPIDER_PROFILES": str(profiles)}
        project = copy_project(tmp_path / "project")
        egg = tmp_path / "newsspider.egg"
        built_egg = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=project,
                                   capture_output=True, text=True, timeout=300)
        assert built_egg.returncode == 0, built_egg.stderr
        machines = []
        for name in ("x", "y"):
            proc, base = scrapyd(work / f"scrapyd-{name}", env)
            procs.append(proc)
            upload(base, egg)
            machines.append((base, work / f"data-{name}"))
        store = pg_schema_url(request)  # one PostgreSQL store for the fleet (a schema of its own)

        with DemoServer(work / "site", delay=0.02) as srv:
            def schedule(base: str, data: Path, site: str, *extra: tuple[str, str]) -> str:
                job = api(base, "schedule.json", [
                    ("project", "newsspider"), ("spider", "news"), ("site", site),
                    ("setting", f"NEWSSPIDER_MIRRORS={json.dumps(srv.mirrors)}"),
                    ("setting", f"NEWSSPIDER_OUTPUT={data / (site + '.jsonl')}"),
                    ("setting", f"NEWSSPIDER_STATE={store}"),
                    ("setting", f"NEWSSPIDER_RUNS={data / 'runs.jsonl'}"),
                    ("setting", f"NEWSSPIDER_REDIS_URL={REDIS_URL}"),
                    ("setting", f"NEWSSPIDER_REDIS_PREFIX={prefix}"),
                    ("setting", "NEWSSPIDER_FLEET_RATE=25"),
                    ("setting", "AUTOTHROTTLE_ENABLED=False"), *extra])
                assert job["status"] == "ok", job
                return str(job["jobid"])

            (bx, dx), (by, dy) = machines
            # fleetb on both machines at once: one crawls, the other is refused by the lease;
            # demo: one run, a worker on each machine (same NEWSSPIDER_RUN)
            run = ("setting", f"NEWSSPIDER_RUN=fleet-demo-{prefix}")
            jobs_x = [schedule(bx, dx, "fleetb"), schedule(bx, dx, "demo", run, ("setting", "NEWSSPIDER_WORKER=x"))]
            jobs_y = [schedule(by, dy, "fleetb"), schedule(by, dy, "demo", run, ("setting", "NEWSSPIDER_WORKER=y"))]
            wait_jobs(bx, jobs_x)
            wait_jobs(by, jobs_y)
            runs = records(dx / "runs.jsonl") + records(dy / "runs.jsonl")
            fleetb = sorted((r["finish_reason"], r["articles_new"]) for r in runs if r["site"] == "fleetb")
            assert fleetb == [("already_running", 0), ("finished", 120)], fleetb
            demo = [r for r in runs if r["site"] == "demo"]
            assert sorted(r["worker"] for r in demo) == ["x", "y"]
            assert all(r["finish_reason"] == "finished" for r in demo)
            assert sum(r["articles_new"] for r in demo) == 120
            # again, fleetb on the machine that did not crawl it: nothing new to write
            crawled_on_x = any(r["site"] == "fleetb" and r["articles_new"] for r in records(dx / "runs.jsonl"))
            other, data = (by, dy) if crawled_on_x else (bx, dx)
            wait_jobs(other, [schedule(other, data, "fleetb")])
            again = records(data / "runs.jsonl")[-1]
            assert (again["site"], again["finish_reason"], again["articles_new"]) == ("fleetb", "finished", 0)
            assert again["not_modified"] + again["known_skipped"] > 0  # the shared store's validators / URLs
        outputs = [p for d in (dx, dy) for p in d.glob("*.jsonl") if p.name != "runs.jsonl"]
        parts = [p for d in (dx, dy) for p in d.glob("*.jsonl.parts/*.jsonl")]
        written = [r for p in outputs + parts for r in read_lines(p)]
        keys = [normalize_url(r["canonical_url"]) for r in written]
        assert len(keys) == len(set(keys)) == 240, "every article of both sites written once, fleet-wide"
        for g in groups.values():
            assert {g[k] for k in keys if k in g} == set(g.values())
        last = (records(dx / "runs.jsonl") + records(dy / "runs.jsonl"))
        assert sum(1 for r in last if r["site"] == "fleetb" and r["finish_reason"] == "finished") == 2
        assert redis_client().get(f"{prefix}:lease:fleetb") is None
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        r = redis_client()
        keys = list(r.scan_iter(f"{prefix}:*"))
        if keys:
            r.delete(*keys)
        remove(work)
        assert REPO.exists()
