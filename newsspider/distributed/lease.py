"""The site lease: one run of a site at a time, across every machine that shares the Redis server.

A Redis key ``P:lease:SITE`` holds the owner (the run id, so every worker of a multi-worker run
shares the lease; a single process without a run id owns it alone) with an expiry of
``NEWSSPIDER_LEASE_TTL`` seconds (10). Every worker of the owning run renews it about once a second
from its heartbeat thread; a killed holder stops renewing and the lease expires within the TTL.
A run that finds the lease held by another owner closes at once (finish reason
``already_running``). The last worker of a run to close releases it.

Without Redis (no ``NEWSSPIDER_REDIS_URL`` and no ``NEWSSPIDER_RUN``) a fleet sharing a PostgreSQL
store gets `PgLease` (an advisory lock of the holder's session), and a single machine the ``flock``
of `newsspider.extensions.SiteLock`.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from typing import Any

from newsspider.distributed.context import RunContext, describe

logger = logging.getLogger(__name__)

# KEYS: lease. ARGV: owner, ttl ms. Take (or keep) the lease unless another owner holds it.
TAKE = """
local cur = redis.call('GET', KEYS[1])
if cur == false or cur == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""
# KEYS: lease. ARGV: owner. Delete only our own lease.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisLease:
    def __init__(self, ctx: RunContext, site: str, ttl: float = 10.0):
        self.ctx = ctx
        self.site = site
        self.key = ctx.lease_key(site)
        self.owner = ctx.run or f"{ctx.worker}-{uuid.uuid4().hex[:8]}"
        self.ttl_ms = max(1000, int(ttl * 1000))
        self._take = ctx.redis.register_script(TAKE)
        self._release = ctx.redis.register_script(RELEASE)
        self.held = False
        self.lost = False
        self.on_lost: Any = None  # called in the reactor thread when another owner took the lease

    def acquire(self) -> bool:
        self.held = bool(self._take(keys=[self.key], args=[self.owner, self.ttl_ms]))
        if self.held:
            self.ctx.on_beat(self.renew)
        return self.held

    def renew(self) -> None:
        """Heartbeat thread. Losing the lease to another owner is logged once and flagged."""
        ok = self.ctx.beat_redis.eval(TAKE, 1, self.key, self.owner, self.ttl_ms)
        if not ok and not self.lost:
            self.lost = True
            logger.error("lost the lease of site %r to %s (this process stalled longer than the "
                         "lease TTL?); stopping this crawl", self.site, self.holder())
            if self.on_lost is not None:
                from twisted.internet import reactor

                reactor.callFromThread(self.on_lost)  # type: ignore[attr-defined]

    def describe(self) -> str:
        return f"{self.holder()} holds the lease {self.key}"

    def holder(self) -> str:
        value = self.ctx.redis.get(self.key)
        return describe(value) if value is not None else "?"

    def release(self, *, only_if_last: bool = True) -> None:
        """Stop renewing; delete the lease unless other live workers of the run still need it."""
        if not self.held:
            return
        self.ctx.stop_beats(self.renew)
        self.held = False
        if only_if_last and self.ctx.run and self.ctx.site:
            if self.ctx.redis.zcard(self.ctx.key("workers")):
                return
        self._release(keys=[self.key], args=[self.owner])


class PgLease:
    """The site lease in the shared PostgreSQL store, for fleets without Redis: a session-level
    advisory lock (two-int form: ``NEWSSPIDER_LOCK_CLASS``, a 32-bit hash of the site) held on a
    connection of its own for the whole run. PostgreSQL drops it when the holder's connection
    closes, so a killed holder releases it at once (a lost machine: after TCP keepalives, ~15 s)."""

    CLASS_ID = 0x6E73  # "ns"; the store's own advisory locks use the one-bigint form

    def __init__(self, url: str, site: str, worker: str):
        from newsspider.store.postgresql import split_url

        self.dsn, schema = split_url(url)
        self.site = site
        self.worker = worker
        # one key space per store (schema): two stores in one database do not block each other
        name = f"{schema or ''}/{site}".encode()
        self.key = int.from_bytes(hashlib.blake2b(name, digest_size=4).digest(), "big", signed=True)
        self.db: Any = None

    def acquire(self) -> bool:
        import psycopg

        self.db = psycopg.connect(self.dsn, autocommit=True, application_name=f"newsspider {self.site} {self.worker}"[:63],
                                  keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3)
        row = self.db.execute("SELECT pg_try_advisory_lock(%s, %s)", (self.CLASS_ID, self.key)).fetchone()
        if row and row[0]:
            return True
        self.db.close()
        self.db = None
        return False

    def describe(self) -> str:
        import psycopg

        try:
            with psycopg.connect(self.dsn, autocommit=True) as db:
                row = db.execute(
                    "SELECT a.application_name, a.client_addr, a.pid FROM pg_locks l JOIN pg_stat_activity a "
                    "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.classid = %s AND l.objid = %s "
                    "AND l.granted", (self.CLASS_ID, self.key & 0xFFFFFFFF)).fetchone()
        except psycopg.Error:
            row = None
        who = f"{row[0]} (server pid {row[2]})" if row else "?"
        return f"{who} holds the PostgreSQL advisory lock ({self.CLASS_ID}, {self.key}) of site {self.site!r}"

    def release(self) -> None:
        if self.db is not None:
            self.db.close()  # the session ends: the lock goes with it
            self.db = None
