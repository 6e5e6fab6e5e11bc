"""Export a deterministic set of records into a seen-store (a process of its own; used by
test_store_concurrency). Usage: python export_worker.py STATE OUTPUT SEED N"""

from __future__ import annotations

import random
import sys

from newsspider.dedup import content_hash, signature
from newsspider.exporters import Entry, GroupExport, JsonlWriter
from newsspider.store import open_store

WORDS = ("comeback album single tour stage fans agency teaser chart record debut member "
         "concert title track music video release schedule interview variety drama ost").split()


def story(i: int) -> str:
    rng = random.Random(i)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(150))


def records(n: int) -> list[dict]:
    """n records: n/2 stories and, for each, a syndicated near-copy under another URL."""
    out = []
    for i in range(n // 2):
        for host, body in (("fan.example", story(i)), ("partner.example", "Syndicated. " + story(i))):
            url = f"https://{host}/news/{i}"
            out.append({"url": url, "canonical_url": url, "title": f"Story {i}", "body": body,
                        "content_hash": content_hash(body), "version": 1,
                        "fetched_at": "2026-11-01T00:00:00+00:00"})
    return out


def main(state: str, output: str, seed: int, n: int) -> None:
    recs = records(n)
    random.Random(seed).shuffle(recs)
    ex = GroupExport(JsonlWriter(output), open_store(state))
    ex.open()
    for i in range(0, len(recs), 25):
        ex.export([Entry(r, signature(r["body"])) for r in recs[i:i + 25]])
    ex.close()
    ex.store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
