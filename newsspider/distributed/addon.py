"""Scrapy add-on (``ADDONS`` in settings.py) that turns the distributed parts on from settings.

- ``NEWSSPIDER_RUN=<id>``: this process is a worker of run <id> (every worker of the run gets the
  same id; ``newsspider crawl SITE --workers N`` makes one, through scrapyd schedule N jobs with
  ``-d setting=NEWSSPIDER_RUN=<id>``). Switches on the run's Redis scheduler, the seeding
  middleware and the per-worker part file (written by the usual export pipeline) (``NEWSSPIDER_OUTPUT`` -> ``<output>.parts/<worker>.jsonl``;
  the configured output is kept in ``NEWSSPIDER_MERGED_OUTPUT`` for `newsspider merge`).
- ``NEWSSPIDER_REDIS_URL`` (or a run, which defaults it to redis://127.0.0.1:6379/0): the site
  lease lives in Redis (see `lease`) and per-domain politeness is shared by the fleet.
Optional: ``NEWSSPIDER_WORKER`` (worker name, default host-pid), ``NEWSSPIDER_REDIS_PREFIX``,
``NEWSSPIDER_WORKER_TIMEOUT`` (10 s), ``NEWSSPIDER_LEASE_TTL`` (10 s), ``NEWSSPIDER_FLEET_RATE``,
``NEWSSPIDER_FLEET_CONCURRENCY``, ``NEWSSPIDER_IDLE_POLL`` (0.2 s).

Needs the ``scale`` extra (scrapy-redis, redis): ``pip install 'newsspider[scale]'``.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

TOP = 40  # the priority of command-line settings: the add-on's choices win over the defaults


class DistributedRun:
    def update_settings(self, settings: BaseSettings) -> None:
        run = settings.get("NEWSSPIDER_RUN")
        if not run and not settings.get("NEWSSPIDER_REDIS_URL"):
            return
        try:
            import redis  # noqa: F401
            import scrapy_redis  # noqa: F401
        except ImportError:
            raise SystemExit("newsspider: NEWSSPIDER_RUN / NEWSSPIDER_REDIS_URL need the scale extra: "
                             "pip install 'newsspider[scale]'") from None
        settings["DOWNLOADER_MIDDLEWARES"]["newsspider.distributed.politeness.FleetPoliteness"] = 950
        if not run:
            return
        from newsspider.distributed.context import default_worker_name
        from newsspider.distributed.export import part_path

        worker = settings.get("NEWSSPIDER_WORKER") or default_worker_name()
        settings.set("NEWSSPIDER_WORKER", worker, priority=TOP)
        if not settings.get("NEWSSPIDER_RUN_ID"):  # the records' and run log's run_id: the run's
            settings.set("NEWSSPIDER_RUN_ID", run, priority=TOP)
        output = settings.get("NEWSSPIDER_OUTPUT") or "data/articles.jsonl"
        settings.set("NEWSSPIDER_MERGED_OUTPUT", output, priority=TOP)
        settings.set("NEWSSPIDER_OUTPUT", str(part_path(output, worker)), priority=TOP)
        settings.set("SCHEDULER", "newsspider.distributed.scheduler.RunScheduler", priority=TOP)
        settings["SPIDER_MIDDLEWARES"]["newsspider.distributed.seeding.SeedingMiddleware"] = 50
