"""A resolver pointed at local addresses, for SSRF tests: ``FAKE_DNS='{"name": "127.0.0.1"}'``
in the environment answers those names with those addresses (everything else as usual), and
the answer then goes through newsspider's address check like any real one.

Used as ``-s TWISTED_DNS_RESOLVER=fake_dns.FakeResolver`` with ``tests/`` on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
from typing import Any

from twisted.internet import defer

from newsspider.netguard import GuardedResolver


class FakeResolver(GuardedResolver):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.table = {k.lower(): v for k, v in json.loads(os.environ.get("FAKE_DNS") or "{}").items()}

    def lookup(self, name: str, timeout: Any = ()) -> Any:
        if name.lower() in self.table:
            return defer.succeed(self.table[name.lower()])
        return super().lookup(name, timeout)
