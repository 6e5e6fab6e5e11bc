"""Scale-out: one site on many worker processes, many sites on many machines.

A *run* is one crawl of one site, possibly by several worker processes (on one machine or many)
that share a Redis queue. Setting ``NEWSSPIDER_RUN`` (the same id for every worker of the run)
makes a crawl process a worker of that run:

- `scheduler.RunScheduler`   the shared request queue and dupefilter (scrapy-redis subclasses),
                             each popped request held in the worker's in-flight set until the engine
                             is done with it (its items exported, its child requests queued);
- `context.RunContext`       keys, the Redis client, the worker's heartbeat thread; a worker whose
                             heartbeat stops is reaped by a survivor: its uncommitted part-file tail
                             judged against the seen-store, its in-flight requests queued again;
- `lease.RedisLease`         the site lease (replaces the per-machine flock when Redis is configured):
                             one run of a site at a time across all machines;
- `politeness.FleetPoliteness` per-domain rate (token bucket) and concurrency shared by the fleet;
- `export`                   each worker appends to its own crash-safe part file; `reconcile_part`
                             judges a dead worker's unregistered tail;
- `merge`                    the parts -> one deduplicated JSON Lines file, in fetch order;
- `launch`                   ``newsspider crawl SITE --workers N``.

`addon.DistributedRun` switches these on from the settings (see its docstring).
"""
